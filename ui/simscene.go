package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/session"
)

// simScene is the animated simulator. What is open, its run and the
// position in it belong to a session.Session (tested without a window);
// the screen keeps only what drawing needs: the transition between
// events, the layout, the views with their caches, and the side panel.
type simScene struct {
	ses *session.Session

	// shown is the event on screen and from the one the transition
	// leaves; anim is how far it has got (0..1). They trail the cursor so
	// that a step animates rather than jumps.
	shown, from int
	anim        float64
	lastTick    time.Time

	unit float64 // one CSS px in device px
	lay  simRegions
	bars simBars

	// The views, each painting its region from the same frame.
	code    codeView
	lanes   lanesView
	loop    loopView
	console consoleView
	caption captionView
	seq     seqView // in the lanes' place when the session shows the sequence

	// panel is the side panel the learner opened, nil when none; panels
	// keeps every panel so that each keeps its state while closed.
	panel  simPanel
	panels simPanels

	showCode bool   // narrow screens: the code replaces the lanes
	message  string // a notice in the caption (link copied, saved…) until the next key
	// predictNotice says that saved scores could not be read or written;
	// the question's panel shows it.
	predictNotice string
	// hw is set when an assignment opened the simulator on a challenge:
	// it logs the answers and takes the student back (nil otherwise).
	hw *hwChallenge
	// ret is set when a question's "See it run" opened the simulator:
	// leaving goes back to the question (nil otherwise).
	ret *sceneReturn
	// panelScroll is how far the shown panel (scrolled) is scrolled,
	// when it is taller than its area.
	panelScroll float64
	scrolled    any // what panelScroll is for (see panelKey)
	lanesGen    int // the run lanes.first scrolls (a new run starts at the top)
	// laneControls are the lanes' ▲/▼ and their "Tasks a–b of n", built
	// for lane laneFirst: playback repaints them over the lanes.
	laneControls []*item
	laneFirst    int
	// seqControls are the sequence diagram's fold and ◄/► buttons, built
	// for seqKey (seqControlsKey): playback repaints them over it.
	seqControls []*item
	seqKey      string
	seqAt       int // the event the diagram last followed the cursor to
}

// sceneReturn is the way back to the question that opened an example.
type sceneReturn struct {
	label string // the button's text: back to the question, or close the example beside it
	back  func(gs gameState)
}

// firstPreset is the example the simulator opens with: document 001's
// minimal manager, the order of execution in its simplest form.
const firstPreset = "doc001-basic"

// transitionSeconds is how long the screen takes to move from one event
// to the next; at high speeds it is shortened to fit between stops.
const transitionSeconds = 0.28

// newSimScene shows a session from its cursor's event; ret, when set,
// is the question it was opened from (known before the first show, so
// that the address is never given the example's link).
func newSimScene(gs gameState, ses *session.Session, ret *sceneReturn) *simScene {
	s := &simScene{ses: ses, panels: newSimPanels(), ret: ret, seqAt: -2}
	s.show(gs)
	return s
}

// openSimPreset opens the simulator on a built-in example.
func (g *Game) openSimPreset(name string) error {
	ses, err := session.OpenPresetAs(name, preferredPython(g))
	if err != nil {
		return g.localError(err)
	}
	preferView(g, ses)
	g.goTo(newSimScene(g, ses, nil))
	return nil
}

// openSimLink opens a share link (the whole address or its fragment); a
// bad one leaves a notice on Home and clears the address's fragment.
func (g *Game) openSimLink(link string) {
	s, err := g.simSceneFor(link, nil)
	if err != nil {
		g.noticeText = g.language.T("ui.badLink", err)
		g.plat.SetFragment("")
		g.goTo(&homeScene{})
		return
	}
	g.goTo(s)
}

// simSceneFor opens a share link's simulator screen (ret: see
// newSimScene).
func (g *Game) simSceneFor(link string, ret *sceneReturn) (*simScene, error) {
	ses, err := session.OpenLink(link)
	if err != nil {
		return nil, g.localError(err)
	}
	// A link in predict mode: the session asks with no scores; start it
	// again with the ones saved here, as the Predict button does.
	predicting := ses.Predict != nil
	ses.Predict = nil
	if ret != nil {
		// A question's example: the learner's view and version.
		preferView(g, ses)
		preferPython(g, ses)
	}
	s := newSimScene(g, ses, ret)
	if predicting {
		s.togglePredict(g)
	}
	return s, nil
}

// watch opens a question's example: beside the question on a wide
// window (splitScene), else full screen with a way back to the question
// as it was. A link that does not open leaves a notice on the question
// (the quiz goes on).
func (g *Game) watch(link string) {
	sp, beside := g.scene.(*splitScene) // another example beside the question
	var scroll float64
	var focus string
	if g.page != nil {
		scroll, focus = g.page.scroll, g.page.focusID
	}
	var ret *sceneReturn
	switch {
	case beside:
	case splitFits(g):
		sp = &splitScene{left: g.scene}
	default:
		ret = backToQuestion(g.language, g.scene, scroll, focus)
	}
	if sp != nil {
		ret = &sceneReturn{back: sp.close}
	}
	s, err := g.simSceneFor(link, ret)
	if err != nil {
		g.noticeText = g.language.T("ui.badWatch", err)
		g.dirty = true
		return
	}
	if sp == nil {
		g.goTo(s)
		return
	}
	sp.show(s, link)
	g.dirty = true
	if !beside {
		g.goTo(sp)
		// The question stays where it was scrolled; the focus leaves it,
		// so that Space and the arrows play the example at once (the
		// question's own keys still answer).
		g.page.scroll = scroll
	}
}

// backToQuestion is the way back from an example shown full screen to
// the question it was opened from, as it was (goTo starts a screen at
// its top).
func backToQuestion(l Lang, question scene, scroll float64, focus string) *sceneReturn {
	return &sceneReturn{label: "← " + l.T("ui.backToQuestion"), back: func(gs gameState) {
		gs.goTo(question)
		gs.shownPage().scroll, gs.shownPage().focusID = scroll, focus
	}}
}

// openSimFile opens a scenario file (desktop -scenario).
func (g *Game) openSimFile(path string) {
	data, err := g.plat.Fetch(path)
	var ses *session.Session
	if err == nil {
		ses, err = session.OpenFile(path, data)
	}
	if err != nil {
		g.noticeText = g.language.T("ui.badScenario", fmt.Sprintf("%s: %v", path, err))
		g.goTo(&homeScene{})
		return
	}
	g.goTo(newSimScene(g, ses, nil))
}

// localError is err in the interface language when the session has it
// in more than English (an example this version lacks).
func (g *Game) localError(err error) error {
	var u *session.UnknownPresetError
	if errors.As(err, &u) {
		return errors.New(u.In(g.language))
	}
	return err
}

// show puts the screen at the cursor's event at once (after a load or an
// edit: nothing to animate from) and the address on a link to it.
func (s *simScene) show(gs gameState) {
	e := s.ses.Cursor.Event()
	s.shown, s.from, s.anim = e, e, 1
	if s.ses.Gen != s.lanesGen {
		s.lanes.first, s.lanesGen = 0, s.ses.Gen
	}
	s.syncLink(gs)
}

// asking: a prediction question is open; its panel replaces any other.
func (s *simScene) asking() bool {
	return s.ses.Predict != nil && s.ses.Predict.Active != nil
}

// shownPanel is the panel on screen, nil when none.
func (s *simScene) shownPanel() simPanel {
	if s.asking() {
		return s.panels.predict
	}
	return s.panel
}

// tick advances the animation; it reports whether anything moved.
func (s *simScene) tick(gs gameState) bool {
	// Wall-clock time, so that a slow machine shows the same pace with
	// fewer frames rather than a slower animation (capped after a pause).
	now := time.Now()
	dt := 1 / float64(ebiten.TPS())
	if !s.lastTick.IsZero() {
		dt = min(now.Sub(s.lastTick).Seconds(), 0.25)
	}
	s.lastTick = now
	cur := s.ses.Cursor
	changed := false
	if pr := s.ses.Predict; pr != nil && pr.Gate(s.ses) {
		if s.hw != nil {
			s.hw.asked(gs, s)
		}
		gs.redraw() // the question's panel appears
	}
	wasPlaying := cur.Playing
	if cur.Advance(dt) {
		changed = true
	}
	if e := cur.Event(); e != s.shown {
		s.from, s.shown, s.anim = s.shown, e, 0
		if s.ses.Sequence {
			s.seq.follow(s.frame(gs), s.lay.lanes)
			s.seqAt = s.shown
		} else {
			s.lanes.follow(s.ses.Replay.At(s.shown), s.lay.lanes, s.unit)
		}
		if !cur.Playing {
			s.syncLink(gs)
		}
		changed = true
	}
	if s.anim < 1 {
		dur := transitionSeconds
		if cur.Playing {
			dur = min(dur, 0.6/(replay.StopsPerSecond*cur.Speed))
		}
		s.anim = min(1, s.anim+dt/dur)
		changed = true
	}
	if cur.Playing != wasPlaying {
		gs.redraw() // the Play button's label
	}
	return changed
}

// key handles the simulator's keys (see ui.simKeys).
func (s *simScene) key(gs gameState) bool {
	cur := s.ses.Cursor
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	handled := true
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeySpace):
		cur.Toggle()
	case repeat(ebiten.KeyArrowRight):
		cur.StepForward()
	case repeat(ebiten.KeyArrowLeft):
		cur.StepBack()
	case inpututil.IsKeyJustPressed(ebiten.KeyHome):
		cur.First()
	case inpututil.IsKeyJustPressed(ebiten.KeyEnd):
		cur.Last()
	case inpututil.IsKeyJustPressed(ebiten.KeyEqual) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadAdd):
		cur.SpeedUp()
	case inpututil.IsKeyJustPressed(ebiten.KeyMinus) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadSubtract):
		cur.SpeedDown()
	case inpututil.IsKeyJustPressed(ebiten.KeySlash) && shift, inpututil.IsKeyJustPressed(ebiten.KeyF1):
		s.toggle(s.panels.help)
	case inpututil.IsKeyJustPressed(ebiten.KeyL):
		s.toggle(s.panels.examples)
	case inpututil.IsKeyJustPressed(ebiten.KeyE):
		s.toggle(s.panels.editor)
	case inpututil.IsKeyJustPressed(ebiten.KeyP):
		s.togglePredict(gs)
	case inpututil.IsKeyJustPressed(ebiten.KeyC):
		s.showCode = !s.showCode
	case inpututil.IsKeyJustPressed(ebiten.KeyV):
		s.toggleView(gs)
	default:
		handled = false
	}
	if handled {
		gs.consumeKeys()
		s.message = "" // a notice (link copied, saved…) lasts until the next key
	}
	return handled
}

// toggle opens panel p, or closes it when it is the one open.
func (s *simScene) toggle(p simPanel) {
	if s.hw != nil && p != s.panels.help {
		return // homework keeps to its example: no other example, no editor
	}
	if s.panel == p {
		s.panel = nil
	} else {
		s.panel = p
	}
}

// back closes a panel first, then goes Home.
func (s *simScene) back(gs gameState) {
	if s.panel != nil {
		s.panel = nil
		return
	}
	s.home(gs)
}

// home leaves the simulator; the address no longer holds its link.
func (s *simScene) home(gs gameState) {
	if s.hw != nil {
		s.hw.leave(gs)
		return
	}
	if s.ret != nil {
		s.ret.back(gs)
		return
	}
	s.panel = nil
	gs.platform().SetFragment("")
	gs.goTo(&homeScene{})
}
