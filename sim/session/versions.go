package session

import (
	"strings"

	"asyncwithlab/sim"
	"asyncwithlab/sim/replay"
)

// VersionRun is the session's scenario as one CPython version runs it,
// to set beside the run shown.
type VersionRun struct {
	Python string
	Result *sim.Result
	Err    error
	// Shown: this is the version the session shows.
	Shown bool
	// FirstDiff is the first event (from 0) where the run differs from
	// the run shown, -1 when the events are the same.
	FirstDiff int
	// Lines is the console output, a line each; Changed marks the lines
	// that the shown run does not have at that place (outside the two
	// outputs' longest common subsequence).
	Lines   []string
	Changed []bool
}

// maxDiffLines bounds the lines compared line by line: beyond them every
// line counts as changed when the outputs differ there, so that a long
// output costs little.
const maxDiffLines = 400

// Versions runs the scenario as each CPython version the engine follows,
// oldest first, and compares each run with the run shown. It changes
// nothing the session shows.
func (s *Session) Versions() []VersionRun {
	if s.Scenario == nil || s.Result == nil {
		return nil
	}
	shownLines := outputLines(s.Result.Stdout)
	out := make([]VersionRun, 0, len(sim.PythonVersions))
	for _, v := range sim.PythonVersions {
		vr := VersionRun{Python: v, Shown: v == s.python(), Result: s.Result, FirstDiff: -1}
		if !vr.Shown {
			sc := *s.Scenario // a copy: the shown run keeps its scenario
			sc.Python = v
			vr.Result, vr.Err = sim.Run(&sc)
		}
		if vr.Result != nil {
			vr.Lines = outputLines(vr.Result.Stdout)
			if !vr.Shown {
				vr.FirstDiff = replay.FirstDifference(s.Result, vr.Result)
			}
			vr.Changed = changedLines(shownLines, vr.Lines)
		}
		out = append(out, vr)
	}
	return out
}

func outputLines(stdout string) []string {
	if stdout == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
}

// changedLines marks the lines of b that are not in a longest common
// subsequence of a and b.
func changedLines(a, b []string) []bool {
	changed := make([]bool, len(b))
	n, m := min(len(a), maxDiffLines), min(len(b), maxDiffLines)
	// lcs[i][j] is the length of the LCS of a[i:n] and b[j:m].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			changed[j] = true
			j++
		}
	}
	// Lines left in the window are outside the subsequence; past it (a
	// long output) a line is compared with the one at its place.
	for ; j < len(b); j++ {
		changed[j] = j < m || j >= len(a) || a[j] != b[j]
	}
	return changed
}
