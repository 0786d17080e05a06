package ui

import (
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/predict"
)

// What the simulator's buttons do beyond playback: each calls into the
// session, then tells the platform (the address, the clipboard, storage)
// and the screen.

// scoresKey is where the predictions' scores are saved, beside the quiz
// progress (homework reads both).
const scoresKey = "asyncwithlab.predict.scores"

// syncLink keeps the address bar's fragment a link to what is shown.
func (s *simScene) syncLink(gs gameState) {
	if s.hw != nil || s.ret != nil {
		// The address keeps the assignment's link, for a reload; an
		// example watched from a question leaves the address to the
		// question's screen (an assignment link, or none).
		return
	}
	if f, err := s.ses.Link(); err == nil {
		gs.platform().SetFragment(f)
	}
}

// copyLink puts the link on the clipboard, or shows it to copy by hand.
func (s *simScene) copyLink(gs gameState) {
	f, err := s.ses.Link()
	if err != nil {
		s.message = err.Error()
		return
	}
	plat := gs.platform()
	plat.SetFragment(f)
	url := plat.ShareURL(f)
	s.panels.link.url = url
	if err := plat.CopyText(url); err != nil {
		s.panel = s.panels.link
		s.message = ""
		return
	}
	s.message = gs.lang().T("ui.linkCopied")
}

// save writes the scenario as JSON: back to its file on desktop, else a
// download or a file in the app's folder.
func (s *simScene) save(gs gameState) {
	data, err := s.ses.Encode()
	if err != nil {
		s.message = err.Error()
		return
	}
	where, err := gs.platform().SaveFile(s.ses.SaveName(), data)
	if err != nil {
		s.message = gs.lang().T("ui.saveFailed", err)
		return
	}
	s.message = gs.lang().T("ui.saved", where)
}

// rerun runs an edited scenario; the screen goes on from where the run
// changed (see session.Rerun).
func (s *simScene) rerun(gs gameState, name string, sc *sim.Scenario) {
	s.ses.Rerun(name, sc)
	s.show(gs)
}

// pickPreset opens an example of the catalogue, closes the panel and
// plays: the editor and predict mode stay as they were.
func (s *simScene) pickPreset(gs gameState, cat *catalog.Catalog, name string) {
	p, ok := cat.Preset(name)
	if !ok {
		return
	}
	s.panel = nil
	s.ses.Load(name, p.Scenario, 0)
	s.show(gs)
	s.ses.Cursor.Play()
}

// togglePredict turns "predict, then watch" on, asking from the current
// position on with the scores saved so far, or off.
func (s *simScene) togglePredict(gs gameState) {
	if s.hw != nil {
		return // an assignment's challenges stay asked
	}
	if s.ses.Predict != nil {
		s.ses.TogglePredict(nil)
		s.syncLink(gs)
		return
	}
	scores, notice := loadScores(gs)
	s.predictNotice = notice
	s.ses.TogglePredict(scores)
	s.panel = nil
	s.syncLink(gs)
}

// loadScores reads the saved scores (nil when there are none). Unreadable
// ones are kept aside rather than overwritten, and the notice says so.
func loadScores(gs gameState) (*predict.Scores, string) {
	plat := gs.platform()
	saved := plat.Load(scoresKey)
	if saved == "" {
		return nil, ""
	}
	sc, err := predict.DecodeScores(saved)
	if err != nil {
		_ = plat.Save(scoresKey+".unreadable", saved)
		return nil, gs.lang().T("ui.corruptScores")
	}
	return &sc, ""
}

// checkPrediction marks the answer and saves the scores.
func (s *simScene) checkPrediction(gs gameState) {
	if s.hw != nil {
		s.hw.check(gs, s) // homework logs it instead of the scores
		return
	}
	pr := s.ses.Predict
	pr.Check()
	if err := gs.platform().Save(scoresKey, pr.Scores.Encode()); err != nil {
		s.predictNotice = gs.lang().T("ui.saveFailed", err)
	}
}
