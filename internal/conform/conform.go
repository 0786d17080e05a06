// Package conform compares what the simulator predicts with what CPython
// did when it ran the rendered program: console output, every task's
// outcome with its exception chain, the exception asyncio.run raised, and
// the final virtual time.
package conform

import (
	"fmt"
	"slices"
	"strings"

	"asyncwithlab/internal/pyrun"
	"asyncwithlab/sim"
)

// Expected is what CPython did, as stored in a golden file.
type Expected struct {
	Python string       `json:"python"`
	Stdout string       `json:"stdout"`
	Report pyrun.Report `json:"report"`
}

// FromRun turns a pyrun result into an Expected.
func FromRun(version string, r pyrun.Result) Expected {
	return Expected{Python: version, Stdout: r.Stdout, Report: r.Report}
}

// Compare lists every difference between the engine's result and
// CPython's; none means they agree.
func Compare(res *sim.Result, exp Expected) []string {
	athrow := 0
	for _, t := range res.Tasks {
		if t.Function == athrowTask {
			athrow++
		}
	}
	exp.Report.Tasks = userTasks(exp.Report.Tasks, athrow)
	var diffs []string
	add := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	if exp.Report.Error != "" {
		add("CPython run failed: %s", exp.Report.Error)
	}
	if res.Stdout != exp.Stdout {
		add("stdout differs:\n%s", lineDiff(res.Stdout, exp.Stdout))
	}
	if len(res.Tasks) != len(exp.Report.Tasks) {
		add("engine has %d tasks %v, CPython %d %v", len(res.Tasks), taskNames(res.Tasks), len(exp.Report.Tasks), pyTaskNames(exp.Report.Tasks))
	} else {
		for i, t := range res.Tasks {
			pt := exp.Report.Tasks[i]
			where := fmt.Sprintf("task %d (%s)", i+1, t.Name)
			if t.Function != pt.Name {
				add("%s: CPython's task %d runs %s", where, i+1, pt.Name)
			}
			if t.State != pt.State {
				add("%s: engine state %s, CPython %s", where, t.State, pt.State)
				continue
			}
			if t.State == "result" && pt.Result != nil && !strings.HasPrefix(t.Result, "<") && t.Result != *pt.Result {
				add("%s: engine result %s, CPython %s", where, t.Result, *pt.Result)
			}
			if t.State == "exception" {
				diffs = append(diffs, compareExc(where, t.Exc, pt.Exception, 0)...)
			}
		}
	}
	diffs = append(diffs, compareExc("uncaught", res.Uncaught, exp.Report.Uncaught, 0)...)
	if exp.Report.Error == "" && res.Time != exp.Report.Time {
		add("final virtual time: engine %v, CPython %v", res.Time, exp.Report.Time)
	}
	return diffs
}

// athrowTask names the tasks that run an async generator's aclose().
const athrowTask = "async_generator_athrow"

// userTasks leaves out the aclose() tasks that asyncio.run's
// shutdown_asyncgens creates for every async generator still referenced at
// shutdown (usually already finished, kept alive by a traceback). Which
// generators are still referenced depends on CPython's garbage collection,
// not on the program's order of events. The aclose() tasks the finalizer
// hook makes for a generator dropped while suspended (an async for left
// early) come first, during the run, and belong to the program: the first
// keep of them stay.
func userTasks(ts []pyrun.Task, keep int) []pyrun.Task {
	out := make([]pyrun.Task, 0, len(ts))
	for _, t := range ts {
		if t.Name == athrowTask {
			if keep == 0 {
				continue
			}
			keep--
		}
		out = append(out, t)
	}
	return out
}

func compareExc(where string, e *sim.ExcInfo, p *pyrun.Exc, depth int) []string {
	switch {
	case e == nil && p == nil:
		return nil
	case e == nil:
		return []string{fmt.Sprintf("%s: engine has no exception, CPython has %s", where, p.Repr)}
	case p == nil:
		return []string{fmt.Sprintf("%s: engine has %s, CPython has none", where, e.Repr)}
	case depth > 20:
		return nil
	}
	var diffs []string
	if e.Type != p.Type || e.Repr != p.Repr || e.Message != p.Message {
		diffs = append(diffs, fmt.Sprintf("%s: engine %s (str %q), CPython %s (str %q)", where, e.Repr, e.Message, p.Repr, p.Message))
		return diffs
	}
	if !slices.Equal(e.Notes, p.Notes) {
		diffs = append(diffs, fmt.Sprintf("%s: __notes__ engine %q, CPython %q", where, e.Notes, p.Notes))
	}
	if e.SuppressContext != p.SuppressContext {
		diffs = append(diffs, fmt.Sprintf("%s: __suppress_context__ engine %v, CPython %v", where, e.SuppressContext, p.SuppressContext))
	}
	if e.CauseIsContext {
		// vrun.py writes such a chain under cause, with only a summary
		// under context.
		diffs = append(diffs, compareExc(where+".__cause__ (is __context__)", e.Context, p.Cause, depth+1)...)
	} else {
		diffs = append(diffs, compareExc(where+".__context__", e.Context, p.Context, depth+1)...)
		diffs = append(diffs, compareExc(where+".__cause__", e.Cause, p.Cause, depth+1)...)
	}
	if len(e.Exceptions) != len(p.Exceptions) {
		diffs = append(diffs, fmt.Sprintf("%s: engine group of %d, CPython %d", where, len(e.Exceptions), len(p.Exceptions)))
	} else {
		for i := range e.Exceptions {
			diffs = append(diffs, compareExc(fmt.Sprintf("%s.exceptions[%d]", where, i), e.Exceptions[i], p.Exceptions[i], depth+1)...)
		}
	}
	return diffs
}

func taskNames(ts []sim.TaskOutcome) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Function
	}
	return out
}

func pyTaskNames(ts []pyrun.Task) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Name
	}
	return out
}

// lineDiff shows the first differing line with a little context.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-3)
	var b strings.Builder
	for j := from; j < i; j++ {
		fmt.Fprintf(&b, "    %s\n", g[j])
	}
	for j := i; j < min(len(g), i+4); j++ {
		fmt.Fprintf(&b, "  engine:  %s\n", g[j])
	}
	for j := i; j < min(len(w), i+4); j++ {
		fmt.Fprintf(&b, "  cpython: %s\n", w[j])
	}
	return b.String()
}
