package sim

import (
	"errors"
	"fmt"
)

// This file follows a KeyboardInterrupt or SystemExit that the program
// raises (a raise statement, not Ctrl+C: asyncio.Runner's SIGINT handler
// is not involved). Task.__step sets such an exception on the task, as
// any other, and then re-raises it (`except (KeyboardInterrupt,
// SystemExit) as exc: super().set_exception(exc); raise`): it leaves
// the loop's callback, _run_once and run_forever at once, so the rest
// of that turn's ready callbacks stay queued, and run_until_complete
// raises it. asyncio.run (Runner.run, then Runner.close in the with
// statement's exit, with it on the thread's exception stack) cancels
// the tasks still running and runs them, the queued callbacks first;
// then it raises it. _run_until_complete_cb does not stop the loop for
// such an exception, but a stop callback queued for another future
// (main returned earlier in the turn the loop stopped) stops the next
// run_until_complete after one turn: if its future is not done then,
// that raises RuntimeError('Event loop stopped before Future
// completed.'). An exception raised by Runner.close (another
// KeyboardInterrupt or SystemExit, or that RuntimeError) ends it where
// it is: loop.close() runs and asyncio.run raises that one instead.

// ErrNotReproducible is wrapped by the error of a run whose outcome
// CPython leaves to chance: tasks abandoned, unfinished, when asyncio.run
// closed the loop, whose remaining code runs when the garbage collector
// frees them.
var ErrNotReproducible = errors.New("CPython's outcome is not reproducible")

// stopsLoop reports whether exc is one that Task.__step re-raises.
func stopsLoop(exc *Exc) bool {
	return exc.Class.IsSubclass(KeyboardInterruptClass) || exc.Class.IsSubclass(SystemExitClass)
}

// escape stops the loop at once with exc, which task t's step re-raised.
func (e *engine) escape(t *task, exc *Exc) {
	e.loop.aborted = true
	e.escaping = exc
	e.emit(evt{kind: Note, task: t, exc: exc, text: escapeNote})
}

// escapeNote explains escape's event.
const escapeNote = "the exception leaves Task.__step and stops the event loop at once"

// runUntilComplete is loop.run_until_complete(fut) for a future that is
// already a task or a gather. It returns the exception it raises: one
// that stopped the loop, or the RuntimeError of a loop stopped before
// the future completed.
func (e *engine) runUntilComplete(f *future) (*Exc, error) {
	removed := false
	// _run_until_complete_cb, which remove_done_callback takes away
	// unless it has been queued already.
	e.addDoneCallback(f, func(f *future) {
		if removed || (f.state == finished && f.exc != nil && stopsLoop(f.exc)) {
			return
		}
		e.loop.stopping = true
	})
	defer func() {
		e.loop.stopping = false // run_forever's finally
		if !f.done() {
			removed = true
		}
	}()
	for {
		if !e.loop.runOnce() {
			return nil, ErrDeadlock
		}
		if e.loop.iterations > e.limits.MaxIterate {
			return nil, fmt.Errorf("%w: more than %d event loop iterations", ErrLimit, e.limits.MaxIterate)
		}
		if e.loop.aborted {
			exc := e.escaping
			e.loop.aborted, e.escaping = false, nil
			return exc, nil
		}
		if e.loop.stopping {
			break
		}
	}
	if !f.done() {
		exc := e.newExc(RuntimeErrorClass, true, "Event loop stopped before Future completed.")
		setContext(exc, e.threadExc)
		e.emit(evt{kind: Note, exc: exc, text: stoppedNote})
		return exc, nil
	}
	return nil, nil
}

// stoppedNote explains the RuntimeError of runUntilComplete.
const stoppedNote = "a stop callback queued before the loop stopped ends this run_until_complete early"

// abandoned refuses a run where Runner.close raised and closed the loop
// with a task, worker thread or generator still unfinished: CPython runs
// the rest of its code (a finally, an __aexit__) when the garbage
// collector frees it, at a moment no run reproduces.
func (e *engine) abandoned(raised *Exc) error {
	what := ""
	for _, t := range e.tasks {
		if !t.internal && t.started && !t.fut.done() {
			what = "task " + t.name
			break
		}
	}
	for _, th := range e.threadList {
		if what == "" && !th.co.done {
			what = "a worker thread running " + th.label
		}
	}
	if what == "" && len(e.orphans) > 0 {
		what = "a generator that ignored GeneratorExit"
	}
	if what == "" {
		return nil
	}
	return fmt.Errorf("%w: the %s raised while asyncio.run shut down closed the event loop with %s unfinished; CPython runs the rest of its code only when the garbage collector frees it, at a moment no run reproduces",
		ErrNotReproducible, raised.Class.Name, what)
}
