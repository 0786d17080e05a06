package ui

import (
	"time"

	"asyncwithlab/sim/session"
)

// hwChallenge is the simulator opened on one of an assignment's examples,
// in predict mode with the student's variant: a checked answer is logged
// in the homework (never in the simulator's own scores), deferred mode
// shows no verdict, and Back returns to the assignment. The simulator
// screen asks it at those points when it is set.
type hwChallenge struct {
	w       *hwWork
	example string
	// key is the example's predict.Key as opened: only answers to its
	// challenges are logged (the screen offers no other, but a key may).
	key string
}

// openHWChallenge opens the simulator on an example, a little before its
// challenge n, playing: the student watches the run lead up to it.
func openHWChallenge(gs gameState, w *hwWork, example string, n int) error {
	ses, err := session.OpenPreset(example)
	if err != nil {
		return err
	}
	// The student's variant: the grader shuffles with the same seed.
	ses.Seed = w.prog.Seed
	if chs := w.challenges[example]; n >= 1 && n <= len(chs) && chs[n-1].At > 0 {
		ses.Cursor.SeekEvent(chs[n-1].At - 1)
	}
	ses.TogglePredict(nil)
	preferView(gs, ses)
	h := &hwChallenge{w: w, example: example, key: ses.Predict.Key}
	s := &simScene{ses: ses, panels: newSimPanels(), hw: h, seqAt: -2}
	s.show(gs)
	ses.Cursor.Play()
	gs.setNotice("")
	gs.goTo(s)
	return nil
}

// active is the number (1-based) of the challenge asked, 0 when none or
// when the scenario is no longer the example's.
func (h *hwChallenge) active(pr *session.Predict) int {
	if pr == nil || pr.Active == nil || pr.Key != h.key {
		return 0
	}
	for i := range pr.Challenges {
		if &pr.Challenges[i] == pr.Active {
			return i + 1
		}
	}
	return 0
}

// asked runs when a challenge appears: one answered before shows its
// logged answer (marked, unless deferred mode keeps marks back, in which
// case it is passed by), since a challenge is answered once.
func (h *hwChallenge) asked(gs gameState, s *simScene) {
	pr := s.ses.Predict
	n := h.active(pr)
	if n == 0 {
		return
	}
	rec, ok := h.w.recorded(h.example, n)
	if !ok {
		return
	}
	pr.Order, pr.Option = append([]string(nil), rec.Order...), rec.Option-1
	pr.Check()
	s.message = gs.lang().T("hw.challengeAlready")
	if h.w.deferred() {
		pr.Watch(s.ses)
	}
}

// check marks the answer on screen, logs it and saves the homework; in
// deferred mode the verdict is not shown: playback goes on at once.
func (h *hwChallenge) check(gs gameState, s *simScene) {
	pr := s.ses.Predict
	n := h.active(pr)
	pr.Check()
	if n == 0 {
		return
	}
	h.w.answerChallenge(h.example, n, pr.Order, pr.Option, time.Now())
	if err := h.w.save(gs.platform()); err != nil {
		s.predictNotice = gs.lang().T("ui.saveFailed", err)
	}
	if h.w.deferred() {
		pr.Watch(s.ses)
		s.message = gs.lang().T("hw.challengeSaved")
	}
}

// header is the question panel's first line: which challenge of how many.
func (h *hwChallenge) header(l Lang, pr *session.Predict) string {
	return l.T("hw.challengeOf", h.active(pr), len(pr.Challenges), exampleTitle(l, h.example))
}

// leave returns to the assignment's list.
func (h *hwChallenge) leave(gs gameState) { gs.goTo(newHWList(h.w)) }
