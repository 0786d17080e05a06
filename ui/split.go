package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/sim/session"
)

// splitScene shows a question (left) with its example running in the
// simulator beside it (right), both usable: the question scrolls and takes
// answers, the simulator steps and plays. It opens from "See it run" on a
// window wide enough for both (splitFits); on a narrower one the example
// opens full screen instead.
//
// The left scene builds into the page's left column as it would on its
// own. The simulator builds and paints in its own coordinates, as if its
// strip were the screen (paneState): its painting goes to an image of the
// strip's size drawn at the strip's place, and its controls join the page
// moved there and fixed (they do not scroll with the question).
type splitScene struct {
	left  scene
	right *simScene
	link  string // the example shown, as the question names it

	strip *ebiten.Image // the simulator's painting, its controls included
	sp    *page         // the simulator's page, in the strip's coordinates
}

// splitMinWidth is the narrowest window, in CSS px, that shows a question
// beside its example: a readable question column and the simulator's
// narrow layout.
const splitMinWidth = 1100

// splitFits says whether the window is wide enough for the split view.
func splitFits(gs gameState) bool {
	w, _ := gs.size()
	return w >= gs.theme().px(splitMinWidth)
}

// show puts a simulator on the right; leaving it closes the split (its
// button's label is set when built, in the language of the moment).
func (s *splitScene) show(sim *simScene, link string) {
	sim.ret = &sceneReturn{back: s.close}
	s.right, s.link = sim, link
}

// leftWidth is the question's strip: about two fifths of the window.
func (s *splitScene) leftWidth(gs gameState) float64 {
	w, _ := gs.size()
	t := gs.theme()
	return min(max(w*0.4, t.px(420)), t.px(600))
}

// pane is what the simulator sees of the game: the right strip as its
// screen.
func (s *splitScene) pane(gs gameState) *paneState {
	w, _ := gs.size()
	return &paneState{gameState: gs, split: s, w: w - s.leftWidth(gs)}
}

// close leaves the question alone on the screen, where it was scrolled
// (and focused, when the focus was on the question's side).
func (s *splitScene) close(gs gameState) {
	p := gs.shownPage()
	scroll, focus := p.scroll, ""
	if f := p.focused(); f != nil && !f.fixed {
		focus = f.id
	}
	gs.goTo(s.left)
	gs.shownPage().scroll, gs.shownPage().focusID = scroll, focus
}

// watcher is a scene that shows a question with an example to watch: the
// split closes when the learner moves to another question.
type watcher interface {
	watching() string
}

func (s *splitScene) build(gs gameState, p *page) {
	if w, ok := s.left.(watcher); ok && w.watching() != s.link {
		s.close(gs) // another question: its own example, if any, is a click away
		s.left.build(gs, p)
		return
	}
	if !splitFits(gs) {
		// The window narrowed: the example full screen, its way back
		// the question where it was scrolled.
		s.right.ret = backToQuestion(gs.lang(), s.left, gs.shownPage().scroll, "")
		gs.goTo(s.right)
		s.right.build(gs, p)
		return
	}
	s.right.ret.label = "× " + gs.lang().T("ui.closeExample")
	lw := s.leftWidth(gs)
	p.setColumn(0, lw)
	s.left.build(gs, p)

	pane := s.pane(gs)
	sp := newPage(gs.theme(), gs.lang(), pane.w)
	s.right.build(pane, sp)
	s.sp = sp
	// The page gets a copy of each control where it is on the screen,
	// for clicks, keys and the screen reader; the strip draws the
	// originals (paint), so that playback can repaint the strip alone.
	var moved []*item
	for _, it := range sp.items {
		c := *it
		c.x += lw
		c.fixed, c.noDraw = true, true
		if scrub := it.scrub; scrub != nil {
			c.scrub = func(x, y float64) { scrub(x-lw, y) }
		}
		if r := it.clip; r != nil {
			shifted := *r
			shifted.x += lw
			c.clip = &shifted
		}
		moved = append(moved, &c)
	}
	// The wheel over the simulator's strip scrolls nothing there but its
	// own lanes and panels (listed after, so found first), never the
	// question.
	_, h := gs.size()
	p.scrollAreas = append(p.scrollAreas, scrollArea{r: rect{lw, 0, pane.w, h}, by: func(float64) bool { return false }})
	for _, a := range sp.scrollAreas {
		a.r.x += lw
		p.scrollAreas = append(p.scrollAreas, a)
	}
	p.items = append(p.items, moved...)
	p.text = append(p.text, sp.text...)
}

// paint draws the simulator's strip and the line between the two.
func (s *splitScene) paint(gs gameState, dst *ebiten.Image) {
	pane := s.pane(gs)
	_, h := gs.size()
	w, hh := int(pane.w), int(h)
	if s.strip == nil || s.strip.Bounds().Dx() != w || s.strip.Bounds().Dy() != hh {
		if s.strip != nil {
			s.strip.Deallocate()
		}
		s.strip = ebiten.NewImage(max(w, 1), max(hh, 1))
	}
	s.strip.Fill(colBackground)
	s.right.paint(pane, s.strip)
	if s.sp != nil {
		s.sp.focusID = gs.shownPage().focusID
		s.sp.drawItems(s.strip, "", 0)
	}
	s.blit(gs, dst)
}

// blit draws the strip at its place and the line between the two sides.
func (s *splitScene) blit(gs gameState, dst *ebiten.Image) {
	_, h := gs.size()
	lw := s.leftWidth(gs)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(lw, 0)
	dst.DrawImage(s.strip, op)
	vector.FillRect(dst, float32(lw-gs.theme().px(1)), 0, float32(gs.theme().px(1)), float32(h), colBorder, false)
}

// paintDynamic repaints what playback moves on the strip and draws it
// again: the question does not change while the example plays.
func (s *splitScene) paintDynamic(gs gameState, dst *ebiten.Image) bool {
	if s.strip == nil || !s.right.paintDynamic(s.pane(gs), s.strip) {
		return false
	}
	s.blit(gs, dst)
	return true
}

// mirror updates the simulator's lines of the screen's text (its last).
func (s *splitScene) mirror(gs gameState, pageText []string) []string {
	return s.right.mirror(s.pane(gs), pageText)
}

// tick plays the simulator.
func (s *splitScene) tick(gs gameState) bool { return s.right.tick(s.pane(gs)) }

// key: keys go to the side that has the focus; with none on the
// question, the simulator's keys (Space, arrows, Home, End…) play it
// and the question's keys (digits, H, Enter) still answer.
func (s *splitScene) key(gs gameState) bool {
	if f := gs.shownPage().focused(); f != nil && !f.fixed {
		return s.left.key(gs)
	}
	if s.right.key(s.pane(gs)) {
		return true
	}
	return s.left.key(gs)
}

// back (Esc) closes the simulator's panel, then the example.
func (s *splitScene) back(gs gameState) { s.right.back(s.pane(gs)) }

// reorder drags the question's sequence items.
func (s *splitScene) reorder(gs gameState, id string, to int) {
	if r, ok := s.left.(reorderer); ok {
		r.reorder(gs, id, to)
	}
}

// paneState is the game as the simulator beside a question sees it: its
// strip is the screen, and opening another example replaces it there.
type paneState struct {
	gameState
	split *splitScene
	w     float64
}

func (p *paneState) size() (w, h float64) {
	_, h = p.gameState.size()
	return p.w, h
}

// goTo keeps another simulator (an example chosen in its panel) beside
// the question; any other screen leaves the split.
func (p *paneState) goTo(sc scene) {
	if sim, ok := sc.(*simScene); ok {
		p.split.show(sim, p.split.link)
		p.redraw()
		return
	}
	p.gameState.goTo(sc)
}

// openSimPreset opens an example beside the question.
func (p *paneState) openSimPreset(name string) error {
	ses, err := session.OpenPresetAs(name, preferredPython(p))
	if err != nil {
		return err
	}
	preferView(p, ses)
	p.goTo(newSimScene(p, ses, &sceneReturn{back: p.split.close}))
	return nil
}
