package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// pluralCategories are CLDR's plural categories in the order a rule is
// tried; a count no rule matches is "other".
var pluralCategories = []string{"zero", "one", "two", "few", "many"}

// pluralRule is a language's cardinal plural rule: for each category, a
// condition in CLDR's notation restricted to whole numbers, which is all
// the app counts ("n = 1", "i = 0..1", "n % 10 = 2..4 and n % 100 != 12..14").
type pluralRule map[string]orCond

type (
	orCond   []andCond  // a or b
	andCond  []relation // a and b
	relation struct {
		mod    int // 0: none; else n % mod
		negate bool
		ranges [][2]int // each a value (lo = hi) or a range lo..hi
	}
)

// category is the plural category of the count n.
func (r pluralRule) category(n int) string {
	for _, c := range pluralCategories {
		if cond, ok := r[c]; ok && cond.holds(n) {
			return c
		}
	}
	return "other"
}

func (o orCond) holds(n int) bool {
	for _, a := range o {
		if a.holds(n) {
			return true
		}
	}
	return false
}

func (a andCond) holds(n int) bool {
	for _, r := range a {
		if !r.holds(n) {
			return false
		}
	}
	return true
}

func (r relation) holds(n int) bool {
	v := n
	if r.mod > 0 {
		v = n % r.mod
	}
	in := false
	for _, rg := range r.ranges {
		if v >= rg[0] && v <= rg[1] {
			in = true
			break
		}
	}
	return in != r.negate
}

// parsePluralRule reads the categories' conditions, as CLDR's
// plurals.xml writes them: its samples ("@integer 1, 21…") may stay.
// For whole numbers CLDR's operands n and i are the same and v, w, f, t,
// e and c are 0, so a condition on those is read as on 0.
func parsePluralRule(src map[string]string) (pluralRule, error) {
	r := pluralRule{}
	for cat, text := range src {
		if cat == "other" {
			continue
		}
		known := false
		for _, c := range pluralCategories {
			known = known || c == cat
		}
		if !known {
			return nil, fmt.Errorf("plural category %q: expected one of zero, one, two, few, many", cat)
		}
		text, _, _ = strings.Cut(text, "@")
		cond, err := parseOr(strings.TrimSpace(text))
		if err != nil {
			return nil, fmt.Errorf("plural category %q: %v", cat, err)
		}
		r[cat] = cond
	}
	return r, nil
}

func parseOr(text string) (orCond, error) {
	var out orCond
	for _, part := range strings.Split(text, " or ") {
		var and andCond
		for _, rel := range strings.Split(part, " and ") {
			r, err := parseRelation(strings.TrimSpace(rel))
			if err != nil {
				return nil, err
			}
			and = append(and, r)
		}
		out = append(out, and)
	}
	return out, nil
}

// parseRelation reads "n % 10 != 2..4,7" and the like.
func parseRelation(text string) (relation, error) {
	var r relation
	op := "="
	i := strings.Index(text, "!=")
	if i >= 0 {
		op, r.negate = "!=", true
	} else if i = strings.Index(text, "="); i < 0 {
		return r, fmt.Errorf("%q: expected a condition such as \"n = 1\"", text)
	}
	left, right := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+len(op):])
	operand, mod, hasMod := strings.Cut(left, "%")
	switch strings.TrimSpace(operand) {
	case "n", "i":
	case "v", "w", "f", "t", "e", "c":
		// Whole numbers have no fraction digits: the operand is 0.
		r.mod = 1
	default:
		return r, fmt.Errorf("%q: expected the operand n, i, v, w, f, t, e or c", text)
	}
	if hasMod {
		m, err := strconv.Atoi(strings.TrimSpace(mod))
		if err != nil || m <= 0 {
			return r, fmt.Errorf("%q: expected a positive number after %%", text)
		}
		if r.mod != 1 {
			r.mod = m
		}
	}
	for _, item := range strings.Split(right, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(item), "..")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil {
			return r, fmt.Errorf("%q: expected a number or a range such as 2..4", text)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				return r, fmt.Errorf("%q: expected a range such as 2..4", text)
			}
		}
		r.ranges = append(r.ranges, [2]int{a, b})
	}
	return r, nil
}
