package replay

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

// runPreset runs a built-in preset and replays it.
func runPreset(t testing.TB, name string) *Replay {
	t.Helper()
	return New(catalogtest.Run(t, name))
}

// eventIndex is the index of the n-th (0-based) event of the kind for the
// manager (any manager when "").
func eventIndex(t testing.TB, r *Replay, kind sim.EventKind, manager string, n int) int {
	t.Helper()
	for i := 0; i < r.Len(); i++ {
		ev := r.Event(i)
		if ev.Kind == kind && (manager == "" || ev.Manager == manager) {
			if n == 0 {
				return i
			}
			n--
		}
	}
	require.Failf(t, "no such event", "%s %s", kind, manager)
	return -1
}

// i0 is the index of the first event of the kind for the manager.
func i0(t testing.TB, r *Replay, kind sim.EventKind, manager string) int {
	t.Helper()
	return eventIndex(t, r, kind, manager, 0)
}

// dump writes a snapshot in a few lines, for reading failures.
func dump(s *Snapshot) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%d t=%g %s %s %s\n", s.Index, s.Time, s.Event.Kind, s.Event.Task, s.Event.Manager)
	for _, l := range s.Lanes {
		fmt.Fprintf(&b, "  %s [%s wake=%g waits=%q]", l.Task, l.State, l.Wake, l.Waits)
		for _, f := range l.Frames {
			fmt.Fprintf(&b, " %s(%s,%s)", f.Manager, f.Phase, f.Resource)
		}
		b.WriteString("\n")
	}
	for _, tk := range s.Tokens {
		fmt.Fprintf(&b, "  token %s@%d %s %s %s\n", tk.Task, tk.Level, tk.Move, tk.Manager, tk.Exc.Repr)
	}
	fmt.Fprintf(&b, "  loop running=%q ready=%v sleeping=%v waiting=%v blocked=%v out=%d res=%+v\n",
		s.Loop.Running, s.Loop.Ready, s.Loop.Sleeping, s.Loop.Waiting, s.Loop.Blocked, s.Output, s.Resources)
	return b.String()
}
