package homework

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// ParseRoster reads a class list: one name or student ID a line (a first
// line that only says "name" is a heading), or a CSV (commas or
// semicolons) whose heading has a name, student or id column. A name
// given twice is refused: every student needs their own variant.
func ParseRoster(text string) ([]string, error) {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\ufeff"), "\r\n", "\n")
	first, _, _ := strings.Cut(text, "\n")
	var names []string
	if strings.ContainsAny(first, ",;") {
		r := csv.NewReader(strings.NewReader(text))
		if !strings.Contains(first, ",") {
			r.Comma = ';'
		}
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("roster: %v", err)
		}
		col := -1
		for i, h := range recs[0] {
			if isNameHeader(h) && col < 0 {
				col = i
			}
		}
		if col < 0 {
			return nil, fmt.Errorf("roster: expected a column named name, student or id in the first line")
		}
		for _, rec := range recs[1:] {
			if col < len(rec) && strings.TrimSpace(rec[col]) != "" {
				names = append(names, strings.TrimSpace(rec[col]))
			}
		}
	} else {
		for i, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(line); line != "" && !(i == 0 && isNameHeader(line)) {
				names = append(names, line)
			}
		}
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[NormalizeName(n)] {
			return nil, fmt.Errorf("roster: %q is listed twice; every student needs a name of their own", n)
		}
		seen[NormalizeName(n)] = true
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("roster: no students")
	}
	return names, nil
}

// isNameHeader reports whether a roster's column heading names the
// students.
func isNameHeader(h string) bool {
	switch strings.ToLower(strings.TrimSpace(h)) {
	case "name", "student", "id", "student id", "nome", "nombre", "aluno", "estudiante":
		return true
	}
	return false
}

// StudentLink is one student's link.
type StudentLink struct {
	Student string
	Link    string // the fragment, v1.a.DATA.u.NAME.SEED
}

// StudentLinks makes every student's link, their seed derived from the
// key.
func StudentLinks(a *Assignment, key Key, names []string) ([]StudentLink, error) {
	var out []StudentLink
	for _, name := range names {
		link, err := Link{Assignment: a, Student: name, Seed: key.StudentSeed(a.ID, name)}.Encode()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		out = append(out, StudentLink{name, link})
	}
	return out, nil
}

// WriteLinksCSV writes the links as CSV for a mail merge or an LMS:
// student, link (on the site's address, or the fragment after # when
// site is "").
func WriteLinksCSV(w io.Writer, links []StudentLink, site string) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"student", "link"})
	for _, l := range links {
		cw.Write([]string{l.Student, Address(site, l.Link)})
	}
	cw.Flush()
	return cw.Error()
}

// Address is a link fragment on the site's address (whatever follows #
// in site is dropped), or "#" and the fragment when site is "".
func Address(site, fragment string) string {
	if i := strings.IndexByte(site, '#'); i >= 0 {
		site = site[:i]
	}
	return site + "#" + fragment
}
