package quiz

import "strings"

// WatchLink reads a link's target as the simulator's: the fragment of a
// share link or of an example link ("#v1.p.doc001-basic.3", or a whole
// address ending in "#v1.s.…"), without the "#". It reports false for
// any other target. The fragment is not checked further here (package
// quiz does not know the simulator's formats): the app and `lab quiz
// check` decode it and say what is wrong.
func WatchLink(target string) (string, bool) {
	i := strings.LastIndexByte(target, '#')
	if i < 0 {
		return "", false
	}
	frag := target[i+1:]
	// "v" and a version number, then p (an example) or s (a scenario).
	j := 1
	for j < len(frag) && frag[j] >= '0' && frag[j] <= '9' {
		j++
	}
	if len(frag) < j+3 || frag[0] != 'v' || j == 1 || frag[j] != '.' ||
		(frag[j+1] != 'p' && frag[j+1] != 's') || frag[j+2] != '.' {
		return "", false
	}
	return frag, true
}

// findWatch sets q.Watch from the first simulator link in its heading,
// its text or its explanation, in that order.
func findWatch(q *Question) {
	check := func(runs []Run) bool {
		for _, r := range runs {
			if w, ok := WatchLink(r.Link); ok {
				q.Watch = w
				return true
			}
		}
		return false
	}
	if check(q.Title) {
		return
	}
	for _, part := range [][]Block{q.Body, q.Explanation} {
		for _, b := range part {
			if check(b.Runs) {
				return
			}
		}
	}
}
