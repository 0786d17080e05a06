package quiz

import (
	"slices"
	"sort"
)

// PutAside moves question qq of q to q.SetAside with its problems (a
// reader past this package found them: a lab block whose run fails), and
// adds those to q.Problems in line order. It does nothing to a question
// q does not hold.
func (q *Quiz) PutAside(qq *Question, problems ...LineError) {
	i := slices.Index(q.Questions, qq)
	if i < 0 || len(problems) == 0 {
		return
	}
	q.Questions = slices.Delete(q.Questions, i, i+1)
	q.SetAside = append(q.SetAside, SetAside{Line: qq.Line, Title: shorten(PlainText(qq.Title)), Problems: problems})
	sort.SliceStable(q.SetAside, func(i, j int) bool { return q.SetAside[i].Line < q.SetAside[j].Line })
	for _, e := range problems {
		q.found = record(q.found, e.Line, "%s", e.Msg)
	}
	q.Problems = capProblems(slices.Clone(q.found), "problems")
}

// FileProblems are the problems of q that are not a set-aside question's:
// an option left out, an unclosed shortcode, a line past a limit outside
// any question.
func (q *Quiz) FileProblems() []LineError {
	var out []LineError
	for _, p := range q.Problems {
		if !slices.ContainsFunc(q.SetAside, func(sa SetAside) bool { return slices.Contains(sa.Problems, p) }) {
			out = append(out, p)
		}
	}
	return out
}
