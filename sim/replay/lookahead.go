package replay

import "asyncwithlab/sim"

// receiver looks ahead from event i for what the task does next with the
// exception in flight: an __aexit__ receives it, an except clause catches
// it, or the task ends with it (0 when the trace does not tell soon).
func (r *Replay) receiver(i int, task string) (sim.EventKind, string) {
	for j := i + 1; j < r.n && j <= i+lookahead; j++ {
		ev := r.res.Trace.At(j)
		if ev.Task != task {
			continue
		}
		switch ev.Kind {
		case sim.AexitCalled:
			if ev.Exc != nil {
				return ev.Kind, ev.Manager
			}
		case sim.ExcCaught, sim.TaskFailed, sim.TaskCancelled:
			return ev.Kind, ""
		case sim.ExcSuppressed, sim.TaskFinished:
			return 0, ""
		}
	}
	return 0, ""
}

// nextAexit is the manager whose __aexit__ the task calls next.
func (r *Replay) nextAexit(i int, task string) string {
	for j := i + 1; j < r.n && j <= i+lookahead; j++ {
		if ev := r.res.Trace.At(j); ev.Task == task && ev.Kind == sim.AexitCalled {
			return ev.Manager
		}
	}
	return "?"
}

// lookahead bounds how far a caption looks for who receives an exception:
// other tasks' events can come between, but not thousands of them.
const lookahead = 2000
