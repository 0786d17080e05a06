package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/share"
)

// simPanel is what the simulator shows over its code column.
type simPanel int

const (
	panelNone    simPanel = iota
	panelPresets          // the examples, grouped by topic
	panelEditor           // build a scenario, inject errors
	panelHelp             // the keys
	panelLink             // a link to copy by hand
)

// simScene is the animated simulator: the engine runs the scenario once
// and the screen steps through its trace.
type simScene struct {
	name string // the preset shown, "" for the learner's own scenario
	file string // desktop: the scenario file it was opened from
	sc   *sim.Scenario
	res  *sim.Result
	err  error // the run stopped early (a limit); what ran is shown
	rp   *replay.Replay
	cur  *replay.Cursor

	src  []string // the rendered Python program, by line
	lay  simRegions
	unit float64

	panel    simPanel
	showCode bool // narrow screens: the code replaces the lanes
	message  string
	link     string // the last link made, for panelLink

	shown, from int     // event shown, and the one the transition leaves
	anim        float64 // 0..1 progress of the transition from → shown
	laneFirst   int     // first lane shown when they do not all fit

	edit    *simEditor
	predict *simPredict

	// Drawing state, set by build and read by paint.
	titleX, titleY float64
	speedX, speedY float64
	topRows        int // rows of buttons of the title bar
	ctrlRows       int // and of the playback bar
	slider         rect
	countText      string
	topic          string // the examples panel's chosen topic
	tl             timeline
	tlFor          *sim.Result
	lastTick       time.Time
	gen            int // counts runs: cached images of the last run are stale
	codeImg        imageCache
	consoleImg     imageCache
	captionImg     imageCache
	loopImg        imageCache
	lanesImg       imageCache
	lineImgs       map[int]*ebiten.Image // the code's lines, see paintCode
	lineKey        lineKey
	captionLines   []line
	captionWrapped []line // the caption wrapped for captionFor
	captionFor     captionKey
}

// firstPreset is the example the simulator opens with: document 001's
// minimal manager, the order of execution in its simplest form.
const firstPreset = "doc001-basic"

// transitionSeconds is how long the screen takes to move from one event
// to the next; at high speeds it is shortened to fit between stops.
const transitionSeconds = 0.28

// openSimPreset opens the simulator on a built-in example.
func (g *Game) openSimPreset(name string) error {
	cat, err := catalog.Builtin()
	if err != nil {
		return err
	}
	p, ok := cat.Preset(name)
	if !ok {
		return fmt.Errorf(g.lang.T("ui.unknownPreset"), name)
	}
	s := &simScene{}
	s.load(g, name, p.Scenario, 0)
	g.goTo(s)
	return nil
}

// openSimLink opens a share link; a bad one leaves a notice on Home.
func (g *Game) openSimLink(fragment string) {
	l, err := share.Decode(fragment)
	if err == nil && l.Preset != "" {
		cat, perr := catalog.Builtin()
		p, ok := cat.Preset(l.Preset)
		switch {
		case perr != nil:
			err = perr
		case !ok:
			err = fmt.Errorf(g.lang.T("ui.unknownPreset"), l.Preset)
		default:
			l.Scenario = p.Scenario
		}
	}
	if err != nil {
		g.notice = fmt.Sprintf(g.lang.T("ui.badLink"), err)
		g.plat.SetFragment("")
		g.goTo(&homeScene{})
		return
	}
	s := &simScene{}
	if len(l.Design) > 0 {
		s.edit = newSimEditorFromDesign(l.Design)
	}
	s.load(g, l.Preset, l.Scenario, l.Step)
	if s.edit != nil && s.edit.build {
		// The link's scenario is the design's: the editor goes on from it.
		s.edit.built = s.sc
	}
	if l.Predict {
		s.togglePredict(g)
	}
	g.goTo(s)
}

// openSimFile opens a scenario file (desktop -scenario).
func (g *Game) openSimFile(path string) {
	data, err := g.plat.Fetch(path)
	var sc *sim.Scenario
	if err == nil {
		sc, err = sim.Decode(data)
	}
	if err != nil {
		g.notice = fmt.Sprintf(g.lang.T("ui.badScenario"), fmt.Sprintf("%s: %v", path, err))
		g.goTo(&homeScene{})
		return
	}
	s := &simScene{file: path}
	s.load(g, "", sc, 0)
	g.goTo(s)
}

// load runs a scenario and shows it from event step.
func (s *simScene) load(g *Game, name string, sc *sim.Scenario, step int) {
	s.name, s.sc = name, sc
	s.run(g)
	s.cur.SeekEvent(step)
	s.shown, s.from, s.anim = s.cur.Event(), s.cur.Event(), 1
	s.syncLink(g)
}

// run runs the engine on s.sc and resets what depends on the result.
func (s *simScene) run(g *Game) {
	res, err := sim.Run(s.sc)
	if res == nil {
		// Run only fails without a result on a scenario it cannot compile,
		// which Decode and the editor never hand over; show it all the same.
		res = &sim.Result{}
	}
	s.res, s.err = res, err
	s.rp = replay.New(res)
	s.cur = replay.NewCursor(s.rp.Stops())
	s.src = strings.Split(strings.TrimSuffix(sim.Render(s.sc), "\n"), "\n")
	s.gen++
	if s.predict != nil {
		s.predict.reset(s)
	}
}

// rerun re-runs after an edit and restarts from the first event that
// changed, so the learner sees the consequence of the edit at once.
func (s *simScene) rerun(g *Game, name string, sc *sim.Scenario) {
	old := s.res
	s.name, s.sc = name, sc
	playing := s.cur.Playing
	s.run(g)
	d := replay.FirstDifference(old, s.res)
	s.cur.SeekEvent(max(d-1, 0))
	if playing {
		s.cur.Play()
	}
	s.shown, s.from, s.anim = s.cur.Event(), s.cur.Event(), 1
	s.syncLink(g)
}

// shareLink is the link to what is shown now.
func (s *simScene) shareLink() (string, error) {
	l := share.Link{Preset: s.name, Step: max(s.cur.Event(), 0), Predict: s.predict != nil}
	if s.name == "" {
		l.Scenario = s.sc
	}
	if s.edit != nil && s.edit.built == s.sc {
		l.Design = s.edit.design.Encode()
	}
	return share.Encode(l)
}

// syncLink keeps the address bar's fragment a link to what is shown.
func (s *simScene) syncLink(g *Game) {
	if f, err := s.shareLink(); err == nil {
		g.plat.SetFragment(f)
	}
}

// copyLink puts the link on the clipboard, or shows it to copy by hand.
func (s *simScene) copyLink(g *Game) {
	f, err := s.shareLink()
	if err != nil {
		s.message = err.Error()
		return
	}
	g.plat.SetFragment(f)
	url := g.plat.ShareURL(f)
	s.link = url
	if err := g.plat.CopyText(url); err != nil {
		s.panel = panelLink
		s.message = ""
		return
	}
	s.message = g.lang.T("ui.linkCopied")
}

// save writes the scenario as JSON: back to its file on desktop, else a
// download or a file in the app's folder.
func (s *simScene) save(g *Game) {
	data, err := sim.Encode(s.sc)
	if err != nil {
		s.message = err.Error()
		return
	}
	name := s.file
	if name == "" {
		name = "scenario.json"
		if s.name != "" {
			name = s.name + ".json"
		}
	}
	where, err := g.plat.SaveFile(name, append(data, '\n'))
	if err != nil {
		s.message = fmt.Sprintf(g.lang.T("ui.saveFailed"), err)
		return
	}
	s.message = fmt.Sprintf(g.lang.T("ui.saved"), where)
}

// tick advances the animation; it reports whether anything moved.
func (s *simScene) tick(g *Game) bool {
	// Wall-clock time, so that a slow machine shows the same pace with
	// fewer frames rather than a slower animation (capped after a pause).
	now := time.Now()
	dt := 1 / float64(ebiten.TPS())
	if !s.lastTick.IsZero() {
		dt = min(now.Sub(s.lastTick).Seconds(), 0.25)
	}
	s.lastTick = now
	changed := false
	if s.predict != nil && s.predict.gate(s) {
		g.dirty = true // the question's panel appears
	}
	wasPlaying := s.cur.Playing
	if s.cur.Advance(dt) {
		changed = true
	}
	if e := s.cur.Event(); e != s.shown {
		s.from, s.shown, s.anim = s.shown, e, 0
		s.followLane()
		if !s.cur.Playing {
			s.syncLink(g)
		}
		changed = true
	}
	if s.anim < 1 {
		dur := transitionSeconds
		if s.cur.Playing {
			dur = min(dur, 0.6/(replay.StopsPerSecond*s.cur.Speed))
		}
		s.anim = min(1, s.anim+dt/dur)
		changed = true
	}
	if s.cur.Playing != wasPlaying {
		g.dirty = true // the Play button's label
	}
	return changed
}

// followLane scrolls the lanes so that the current event's task is shown.
func (s *simScene) followLane() {
	snap := s.rp.At(s.shown)
	lane := -1
	for i := range snap.Lanes {
		if snap.Lanes[i].Task == snap.Event.Task {
			lane = i
		}
	}
	if lane < 0 {
		return
	}
	geo := layoutLanes(s.lay.lanes, len(snap.Lanes), s.laneFirst, s.unit)
	if lane < geo.first || lane >= geo.first+len(geo.rows) {
		s.laneFirst = lane - len(geo.rows)/2
	}
}

// key handles the simulator's keys (see simKeys).
func (s *simScene) key(g *Game) bool {
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	handled := true
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeySpace):
		s.cur.Toggle()
	case repeat(ebiten.KeyArrowRight):
		s.cur.StepForward()
	case repeat(ebiten.KeyArrowLeft):
		s.cur.StepBack()
	case inpututil.IsKeyJustPressed(ebiten.KeyHome):
		s.cur.First()
	case inpututil.IsKeyJustPressed(ebiten.KeyEnd):
		s.cur.Last()
	case inpututil.IsKeyJustPressed(ebiten.KeyEqual) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadAdd):
		s.cur.SpeedUp()
	case inpututil.IsKeyJustPressed(ebiten.KeyMinus) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadSubtract):
		s.cur.SpeedDown()
	case inpututil.IsKeyJustPressed(ebiten.KeySlash) && shift, inpututil.IsKeyJustPressed(ebiten.KeyF1):
		s.togglePanel(panelHelp)
	case inpututil.IsKeyJustPressed(ebiten.KeyL):
		s.togglePanel(panelPresets)
	case inpututil.IsKeyJustPressed(ebiten.KeyE):
		s.togglePanel(panelEditor)
	case inpututil.IsKeyJustPressed(ebiten.KeyP):
		s.togglePredict(g)
	case inpututil.IsKeyJustPressed(ebiten.KeyC):
		s.showCode = !s.showCode
	default:
		handled = false
	}
	if handled {
		g.consumeKeys()
		s.message = "" // a notice (link copied, saved…) lasts until the next key
	}
	return handled
}

func (s *simScene) togglePanel(p simPanel) {
	if s.panel == p {
		s.panel = panelNone
	} else {
		s.panel = p
	}
	if p == panelEditor && s.edit == nil {
		s.edit = newSimEditor()
	}
}

// back closes a panel first, then goes Home.
func (s *simScene) back(g *Game) {
	if s.panel != panelNone {
		s.panel = panelNone
		return
	}
	g.plat.SetFragment("")
	g.goTo(&homeScene{})
}
