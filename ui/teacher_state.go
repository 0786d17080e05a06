package ui

import (
	"bytes"
	"errors"
	"strings"

	"asyncwithlab/homework"
)

// The Teacher screen's state that needs no window: making an assignment,
// a roster's links, grading pasted codes. It makes the same package calls
// as lab assign and lab grade, so the screen and the command line give
// the same links and the same numbers.

// teacherMade is a sealed assignment: its class link (the fragment) and
// the teacher's key.
type teacherMade struct{ *homework.Made }

// keyFile is the key file's text, as lab assign writes it: the key, then
// comments (lab grade -key reads it).
func (m *teacherMade) keyFile(site string) string {
	return homework.KeyFile(m.Key, m.Assignment.Title, homework.Address(site, m.Class))
}

// rosterLinks is the CSV of every student's link, from a pasted roster.
func (m *teacherMade) rosterLinks(roster, site string) ([]byte, int, error) {
	names, err := homework.ParseRoster(roster)
	if err != nil {
		return nil, 0, err
	}
	links, err := homework.StudentLinks(m.Assignment, m.Key, names)
	if err != nil {
		return nil, 0, err
	}
	var b bytes.Buffer
	if err := homework.WriteLinksCSV(&b, links, site); err != nil {
		return nil, 0, err
	}
	return b.Bytes(), len(links), nil
}

// teacherGraded is a graded batch.
type teacherGraded struct {
	a      *homework.Assignment
	report *homework.Report
	// keyed: the key was given, so variants were checked.
	keyed bool
	codes int
}

// errNoCodes: the text holds no code.
var errNoCodes = errors.New("no codes found")

// gradeCodes grades every code found in text for the assignment link,
// with the key when one is given (a key line, or a whole key file).
func gradeCodes(link, keyText, text string) (*teacherGraded, error) {
	l, err := homework.DecodeLink(strings.TrimSpace(link))
	if err != nil {
		return nil, err
	}
	key, err := homework.ReadKeyFile(keyText)
	if err != nil {
		return nil, err
	}
	q, err := l.Assignment.LoadQuestions(nil)
	if err != nil {
		return nil, err
	}
	g, err := homework.NewGrader(l.Assignment, q, key)
	if err != nil {
		return nil, err
	}
	codes := homework.FindCodes(text)
	if len(codes) == 0 {
		return nil, errNoCodes
	}
	return &teacherGraded{a: l.Assignment, report: g.Grade(codes), keyed: key != nil, codes: len(codes)}, nil
}

// csv is the report in a layout (see homework.Layouts).
func (g *teacherGraded) csv(layout string) ([]byte, error) {
	var b bytes.Buffer
	if err := g.report.WriteLayout(&b, layout, g.a.Title); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fileSlug is a file name's stem from a title: letters and digits, words
// joined by hyphens.
func fileSlug(title string) string {
	return strings.TrimSuffix(codeFileName(title, ""), ".txt")
}
