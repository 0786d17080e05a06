package sim

import (
	"fmt"
	"slices"
	"strings"
)

// PythonVersions are the CPython versions the engine reproduces, oldest
// first. Where their asyncio differs in what a scenario can show, the
// engine follows the scenario's version (Scenario.Python):
//   - 3.13: asyncio.timeout, when its cancellation was replaced by another
//     exception, puts a TimeoutError between that exception and the
//     CancelledError in its __context__ chain (Timeout._insert_timeout_error);
//     TaskGroup.__aexit__ uncancels its parent only once its tasks are
//     done, and when it raises while its parent is being cancelled from
//     outside, cancels the parent again (keeping the count stable);
//     Condition.wait re-raises the last CancelledError it caught while
//     taking its lock back, and notifies another waiter when it leaves
//     with an error (condition.go); Task.uncancel drops a cancellation not
//     yet delivered once no request is left (engine.go); Semaphore.acquire
//     wakes every waiter it has room for (locks.go); an aclose() awaitable
//     that had an exception thrown in before it started goes on normally,
//     where 3.11 and 3.12 throw GeneratorExit in at the next resumption
//     (asyncgen.go).
//   - 3.12 (and 3.13): gather counts a child already done at once, where
//     3.11 schedules it (gather.go); wait_for awaits its work inside
//     asyncio.timeout in the caller's task, where 3.11 runs it as a task
//     of its own raced against a timer (waitfor.go); asyncio.run waits at
//     most 300 s for the default executor's threads (threads.go).
//   - 3.12 and 3.13: an except* clause that matches nothing still puts
//     the rest of the group's split, rebuilt level by level, in the
//     group's place (CHECK_EG_MATCH); 3.11 keeps the group as it was.
var PythonVersions = []string{"3.11", "3.12", "3.13"}

// DefaultPython is the version a scenario that names none runs as: the
// newest, the one learners install today.
const DefaultPython = "3.13"

// pyVersion is a Python version as its minor number (11 for 3.11).
type pyVersion int

// pythonOf is the version sc runs as.
func pythonOf(sc *Scenario) pyVersion {
	v := sc.Python
	if v == "" {
		v = DefaultPython
	}
	var minor int
	if _, err := fmt.Sscanf(v, "3.%d", &minor); err != nil {
		return pyVersion(13)
	}
	return pyVersion(minor)
}

// atLeast says whether the run follows CPython 3.minor or newer.
func (v pyVersion) atLeast(minor int) bool { return int(v) >= minor }

// checkPython says what is wrong with a scenario's python field ("" when
// nothing is).
func checkPython(v string) string {
	if v == "" || slices.Contains(PythonVersions, v) {
		return ""
	}
	return fmt.Sprintf("expected one of %s, got %q", strings.Join(quoted(PythonVersions), ", "), v)
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
