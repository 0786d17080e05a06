// Package edit is the model behind the simulator's scenario editor: a
// Design a learner builds from a few closed choices (how many tasks, which
// managers each one stacks, where a fault strikes) and turns into a
// runnable sim.Scenario with Build; and fault injection into any existing
// scenario (the presets) with Points and Inject.
//
// Every choice the screen offers can be combined with every other, so
// some combinations cannot mean anything in Python (cancelling a
// coroutine at a place where it never awaits) or can never happen (a fault
// in the __aexit__ of a manager whose __aenter__ already failed). Build
// never refuses a design: it builds the scenario without the offending
// part and returns a Problem for each such part, explaining in the
// learner's language why it was left out. That keeps the editor
// responsive (every change re-runs the engine) while still teaching why a
// choice had no effect.
//
// Cancellations and time-outs are placed by the virtual clock: a trial run
// of the scenario without that fault shows when the task is suspended
// inside the chosen hook, the delay is chosen to fall inside that
// suspension, and a second run checks that the CancelledError really lands
// there. A run also shows whether tasks that hold the shared lock or
// semaphore end up waiting for each other (a deadlock: Python would hang);
// the entry that closed the circle is then left out and explained (see
// shared.go). The package is pure Go and never imports ebiten.
package edit
