// Package predict builds the "predict, then watch" challenges of the
// simulator screen. Before the animation plays a stretch of a run's trace,
// the learner says what will happen next (the order of the upcoming
// __aenter__/__aexit__ events, or what an __aexit__ receives and how its
// block ends); the animation then reveals it and Check marks the answer.
//
// Everything here is derived from a *sim.Result alone, so a challenge can
// never disagree with what the screen shows next: the right answer is the
// trace itself. Scores keeps the marks per scenario, stored next to the
// quiz progress, so that homework can use them later.
//
// The package is pure Go and never imports ebiten.
package predict
