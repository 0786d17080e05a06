package ui

import (
	"fmt"
	"io/fs"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"asyncwithlab/assets"
	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

// Config is what main passes to the game.
type Config struct {
	QuizFile string // desktop: a quizdown file instead of the built-in bank
	Lang     string // a language code or locale (see i18n.Match); empty: the platform's language
	// Screenshot, when set, writes the first frame to this PNG file and
	// quits: the desktop smoke test runs the program under Xvfb with it.
	Screenshot string
	// Open starts on a screen other than Home: "quiz" or "about".
	Open string
	// Seed fixes the quiz's shuffling (0: from the clock); tests use it.
	Seed uint64
	// Scenario is a scenario file to open in the simulator (desktop); the
	// simulator's Save writes back to it.
	Scenario string
	// Link is a share link (the whole address, or the part after '#') to
	// open in the simulator, or an assignment link to open: the desktop
	// program opens links copied from the web version.
	Link string
	// Mirror is a file where the desktop program keeps the screen's text
	// and clickable items (JSON: text, items with id, text, x, y, w, h in
	// window pixels), as the browser keeps window.labText and
	// window.labItems: for automation and the desktop tests.
	Mirror string
	// Autoplay starts the simulator playing at this speed (1 is 1×); 0
	// leaves it paused. The frame-time benchmark uses it.
	Autoplay float64
}

// Game is the ebiten.Game: a scene manager with generic input (focus,
// scrolling, clicks, taps, drags) and redraws only when something changed.
type Game struct {
	plat     Platform
	th       *theme
	language Lang
	scene    scene
	page     *page
	dirty    bool
	w, h     float64 // screen size in device pixels
	scale    float64
	drawn    bool
	// redraws counts the frames actually painted (see Redraws).
	redraws int
	// moved: an animation moved; only its parts need repainting.
	moved bool
	// items are the clickable items of the last page built (a partial
	// repaint leaves them as they are).
	items []Clickable
	// noticeText is what Home and the quiz say went wrong last.
	noticeText string

	custom     *quiz.Quiz // from ?quiz= or -quiz
	customErr  error
	customName string
	loading    chan loaded
	banks      map[Lang]*quiz.Quiz

	press *pressState
	// consumed: a scene handled this frame's keys; the generic handling skips them.
	consumed bool

	seed     uint64
	shot     string // write the first frame here, then quit
	shotErr  error
	shotDone bool
}

type loaded struct {
	q   *quiz.Quiz
	err error
}

// pressState follows a mouse button or a touch from press to release.
type pressState struct {
	touch      ebiten.TouchID
	isTouch    bool
	x0, y0     float64
	x, y       float64
	scroll0    float64
	area       *scrollArea // the scroll area the press started in, if any
	item       *item
	dragging   bool // reordering a sequence item
	scrolling  bool // dragging the page
	scrubbing  bool // moving a slider
	dragOffset float64
	lastY      float64 // where a drag in a scroll area was last frame
}

const settingsKey = "asyncwithlab.lang"

// NewGame builds the game and starts at Home.
func NewGame(cfg Config) (*Game, error) {
	plat := NewPlatform()
	if m, ok := plat.(interface{ setMirror(string) }); ok && cfg.Mirror != "" {
		m.setMirror(cfg.Mirror)
	}
	return newGame(cfg, plat)
}

// newGame builds the game on plat (the tests hand it one in memory).
func newGame(cfg Config, plat Platform) (*Game, error) {
	th, err := newTheme()
	if err != nil {
		return nil, err
	}
	g := &Game{plat: plat, th: th, scale: 1, dirty: true, banks: map[Lang]*quiz.Quiz{}, shot: cfg.Screenshot}
	g.language = g.chooseLang(cfg.Lang)
	source := cfg.QuizFile
	if source == "" {
		source = g.plat.Param("quiz")
	}
	if source != "" {
		g.customName = source
		g.loading = make(chan loaded, 1)
		go func() {
			data, err := g.plat.Fetch(source)
			if err != nil {
				g.loading <- loaded{err: err}
				return
			}
			// A broken question is set aside, and said, not the quiz.
			q, err := quizsim.Read(source, data)
			g.loading <- loaded{q: q, err: err}
		}()
	}
	g.scene = &homeScene{}
	g.seed = cfg.Seed
	switch {
	case cfg.Scenario != "":
		g.openSimFile(cfg.Scenario)
	case cfg.Link != "":
		g.openLink(cfg.Link) // the whole address, or only its fragment
	case g.plat.Fragment() != "":
		// A share link opens the simulator where it was shared; an
		// assignment link, the assignment.
		g.openLink(g.plat.Fragment())
	}
	if s, ok := g.scene.(*simScene); ok && cfg.Autoplay > 0 {
		s.ses.Cursor.Speed = cfg.Autoplay
		s.ses.Cursor.Play()
	}
	switch cfg.Open {
	case "quiz":
		g.startQuiz()
	case "about":
		g.scene = &aboutScene{}
	case "sim":
		if _, ok := g.scene.(*simScene); !ok {
			if err := g.openSimPreset(firstPreset); err != nil {
				return nil, err
			}
		}
	case "", "home":
	default:
		return nil, fmt.Errorf("unknown screen %q: expected home, quiz, sim or about", cfg.Open)
	}
	return g, nil
}

func (g *Game) chooseLang(flagLang string) Lang {
	for _, l := range []string{flagLang, g.plat.Param("lang"), g.plat.Load(settingsKey), g.plat.Language()} {
		if l != "" {
			return i18n.Match(l)
		}
	}
	return English
}

// setLang switches the language and remembers it.
func (g *Game) setLang(l Lang) {
	g.language = l
	g.plat.SetParam("lang", string(l))
	if err := g.plat.Save(settingsKey, string(l)); err != nil {
		g.noticeText = l.T("ui.saveFailed", err)
	}
	// The browser fetches a language's texts on first use; offline, before
	// the service worker kept them, English stands in and the learner
	// is told.
	if err := l.Ready(); err != nil {
		g.noticeText = l.T("ui.langUnavailable", err)
	}
	g.dirty = true
}

// bank returns the built-in question bank in the current language.
func (g *Game) bank() (*quiz.Quiz, error) {
	if q := g.banks[g.language]; q != nil {
		return q, nil
	}
	name, data, err := g.bankFile()
	if err != nil {
		return nil, err
	}
	q, err := quizsim.Parse(name, data)
	if err != nil {
		return nil, err
	}
	g.banks[g.language] = q
	return q, nil
}

// bankFile is the built-in question bank of the interface language: its
// name (which names its saved progress) and its text.
func (g *Game) bankFile() (string, []byte, error) {
	name := bankName(g.language)
	data, err := fs.ReadFile(assets.Banks, name)
	return name, data, err
}

// bankName is the file of a language's question bank (the bank test
// requires one for every language the app ships).
func bankName(l Lang) string { return "quiz/" + string(l) + ".md" }

// activeQuizName is the name the active quiz's progress is saved under,
// found without reading the quiz (the browser build would fetch the
// bank): Home asks it before the first frame.
func (g *Game) activeQuizName() (string, bool) {
	if g.customName != "" {
		if g.custom == nil {
			return "", false
		}
		return g.custom.Name, true
	}
	return bankName(g.language), true
}

// activeQuiz is the quiz to take: the loaded file, else the bank.
func (g *Game) activeQuiz() (*quiz.Quiz, error) {
	if g.customName != "" {
		return g.custom, g.customErr
	}
	return g.bank()
}

// goTo switches scenes.
func (g *Game) goTo(s scene) {
	g.scene = s
	if g.page != nil {
		g.page.scroll = 0
		g.page.focusID = ""
	}
	g.dirty = true
}

// Update handles input; the page is rebuilt and redrawn only on change.
func (g *Game) Update() error {
	if g.shotDone {
		if g.shotErr != nil {
			return g.shotErr
		}
		return ebiten.Termination
	}
	if g.loading != nil {
		select {
		case l := <-g.loading:
			g.custom, g.customErr, g.loading = l.q, l.err, nil
			g.dirty = true
		default:
		}
	}
	if g.page == nil {
		return nil
	}
	g.consumed = false
	if a, ok := g.scene.(animator); ok && a.tick(g) {
		g.moved = true
	}
	if g.scene.key(g) {
		g.dirty = true
	}
	if !g.consumed {
		g.keys()
	}
	g.pointer()
	return nil
}

func (g *Game) keys() {
	p := g.page
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeyTab):
		if shift {
			p.moveFocus(-1)
		} else {
			p.moveFocus(1)
		}
		g.revealFocus()
	case !shift && repeat(ebiten.KeyArrowDown):
		p.moveFocus(1)
		g.revealFocus()
	case !shift && repeat(ebiten.KeyArrowUp):
		p.moveFocus(-1)
		g.revealFocus()
	case inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter) || inpututil.IsKeyJustPressed(ebiten.KeySpace):
		if it := p.focused(); it != nil {
			it.action()
			g.dirty = true
		}
	case inpututil.IsKeyJustPressed(ebiten.KeyEscape) || inpututil.IsKeyJustPressed(ebiten.KeyBackspace):
		g.scene.back(g)
		g.dirty = true
	case repeat(ebiten.KeyPageDown):
		g.scrollBy(g.h * 0.8)
	case repeat(ebiten.KeyPageUp):
		g.scrollBy(-g.h * 0.8)
	case inpututil.IsKeyJustPressed(ebiten.KeyHome):
		g.scrollBy(-p.height)
	case inpututil.IsKeyJustPressed(ebiten.KeyEnd):
		g.scrollBy(p.height)
	}
}

func repeat(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || (d > 30 && d%4 == 0)
}

func (g *Game) revealFocus() {
	if it := g.page.focused(); it != nil {
		g.page.reveal(it, g.h)
	}
	g.dirty = true
}

func (g *Game) scrollBy(dy float64) {
	before := g.page.scroll
	g.page.scroll += dy
	g.page.clampScroll(g.h)
	if g.page.scroll != before {
		g.dirty = true
	}
}

// pointer handles the mouse and touches: click or tap activates, dragging
// a sequence item reorders it, dragging elsewhere scrolls, the wheel scrolls.
func (g *Game) pointer() {
	if _, wy := ebiten.Wheel(); wy != 0 {
		x, y := ebiten.CursorPosition()
		if a := g.page.scrollAreaAt(float64(x), float64(y)); a != nil {
			if a.by(-wy * g.th.px(48)) {
				g.dirty = true
			}
		} else {
			g.scrollBy(-wy * g.th.px(48))
		}
	}
	if g.press == nil {
		if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
			x, y := ebiten.CursorPosition()
			g.startPress(float64(x), float64(y), 0, false)
		} else if ids := inpututil.AppendJustPressedTouchIDs(nil); len(ids) > 0 {
			x, y := ebiten.TouchPosition(ids[0])
			g.startPress(float64(x), float64(y), ids[0], true)
		}
		return
	}
	ps := g.press
	var released bool
	if ps.isTouch {
		released = inpututil.IsTouchJustReleased(ps.touch)
		if !released {
			x, y := ebiten.TouchPosition(ps.touch)
			ps.x, ps.y = float64(x), float64(y)
		}
	} else {
		released = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)
		x, y := ebiten.CursorPosition()
		ps.x, ps.y = float64(x), float64(y)
	}
	if ps.scrubbing {
		ps.item.scrub(ps.x, ps.y)
		g.dirty = true
		if released {
			g.press = nil
		}
		return
	}
	moved := math.Hypot(ps.x-ps.x0, ps.y-ps.y0) > g.th.px(8)
	if moved && !ps.dragging && !ps.scrolling {
		if ps.item != nil && ps.item.drag {
			ps.dragging = true
		} else {
			ps.scrolling = true
		}
	}
	switch {
	case ps.dragging:
		ps.dragOffset = ps.y - ps.y0
		g.dirty = true
	case ps.scrolling && ps.area != nil:
		// A drag in a scroll area moves it by how far the finger went
		// since the last frame (nothing when it stayed).
		if dy := ps.y - ps.lastY; dy != 0 && ps.area.by(-dy) {
			g.dirty = true
		}
		ps.lastY = ps.y
	case ps.scrolling:
		g.page.scroll = ps.scroll0 - (ps.y - ps.y0)
		g.page.clampScroll(g.h)
		g.dirty = true
	}
	if !released {
		return
	}
	g.press = nil
	switch {
	case ps.dragging:
		if r, ok := g.scene.(reorderer); ok {
			r.reorder(g, ps.item.id, g.dropIndex(ps.item, ps.dragOffset))
		}
		g.dirty = true
	case !ps.scrolling && ps.item != nil:
		// By id: an animated screen rebuilds its items between the press
		// and the release.
		if hit := g.page.hit(ps.x, ps.y); hit != nil && hit.id == ps.item.id {
			g.page.focusID = hit.id
			hit.action()
			g.dirty = true
		}
	}
}

func (g *Game) startPress(x, y float64, id ebiten.TouchID, touch bool) {
	g.press = &pressState{touch: id, isTouch: touch, x0: x, y0: y, x: x, y: y, lastY: y, scroll0: g.page.scroll,
		area: g.page.scrollAreaAt(x, y), item: g.page.hit(x, y)}
	if it := g.press.item; it != nil && it.scrub != nil {
		g.press.scrubbing = true
		g.page.focusID = it.id
		it.scrub(x, y)
		g.dirty = true
	}
}

// dropIndex is the position among the draggable items where it lands.
func (g *Game) dropIndex(it *item, dy float64) int {
	center := it.y + it.h/2 + dy
	idx := 0
	for _, o := range g.page.items {
		if !o.drag || o == it {
			continue
		}
		if o.y+o.h/2 < center {
			idx++
		}
	}
	return idx
}

// Draw rebuilds the page and repaints only when something changed: when
// nothing moves, nothing is drawn (the screen is not cleared between frames).
func (g *Game) Draw(screen *ebiten.Image) {
	if !g.dirty && g.moved && g.page != nil && g.press == nil {
		if dp, ok := g.scene.(dynamicPainter); ok && dp.paintDynamic(g, screen) {
			g.moved = false
			g.redraws++
			g.plat.Mirror(joinText(dp.mirror(g, g.page.text)), g.items)
			return
		}
		g.dirty = true
	}
	if !g.dirty && !g.moved && g.page != nil {
		return
	}
	g.dirty, g.moved = false, false
	g.redraws++
	var scroll float64
	var focus string
	if g.page != nil {
		scroll, focus = g.page.scroll, g.page.focusID
	}
	p := newPage(g.th, g.language, g.w)
	g.scene.build(g, p)
	p.scroll, p.focusID = scroll, focus
	p.clampScroll(g.h)
	g.page = p
	dragID, dragDY := "", 0.0
	if g.press != nil && g.press.dragging {
		dragID, dragDY = g.press.item.id, g.press.dragOffset
	}
	if pt, ok := g.scene.(painter); ok {
		screen.Fill(colBackground)
		pt.paint(g, screen)
		p.drawItems(screen, dragID, dragDY)
	} else {
		p.draw(screen, dragID, dragDY)
	}
	g.items = g.clickables()
	g.plat.Mirror(joinText(p.text), g.items)
	if !g.drawn {
		g.drawn = true
		g.plat.FirstFrame()
	}
	if g.shot != "" && !g.shotDone && !g.stillLoading() && !g.dirty {
		g.shotErr = writePNG(screen, g.shot)
		g.shotDone = true
	}
}

// Redraws is how many frames the game has painted: when nothing moves it
// stops counting (the benchmark checks that a paused screen costs none).
func (g *Game) Redraws() int { return g.redraws }

// LayoutF makes the screen as many device pixels as the window has, so
// text is crisp on HiDPI screens.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	w, h := math.Ceil(outsideWidth*s), math.Ceil(outsideHeight*s)
	if w != g.w || h != g.h || s != g.scale {
		g.w, g.h, g.scale = w, h, s
		g.th.scale = s
		g.th.faces = map[faceKey]*textFace{}
		g.dirty = true
	}
	return w, h
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

func joinText(parts []string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
		b = append(b, '\n')
	}
	return string(b)
}

// clickables lists what can be clicked where, in CSS pixels (visible part).
func (g *Game) clickables() []Clickable {
	var out []Clickable
	s := g.scale
	for _, it := range g.page.items {
		if it.action == nil {
			continue
		}
		var text string
		for _, l := range it.lines {
			for _, f := range l.frags {
				text += f.s + " "
			}
		}
		c := Clickable{ID: it.id, Text: strings.TrimSpace(text), X: it.x / s, Y: (it.y - g.page.scrollOf(it)) / s, W: it.w / s, H: it.h / s}
		if r := it.clip; r != nil {
			c.Area = &Area{X: r.x / s, Y: r.y / s, W: r.w / s, H: r.h / s}
		}
		out = append(out, c)
	}
	return out
}

// stillLoading: a quiz file is being read and the screen says so; a
// screenshot waits for the screen it was asked for (and for a frame that
// did not move on to another screen while it was built).
func (g *Game) stillLoading() bool {
	if g.loading != nil {
		return true
	}
	m, ok := g.scene.(*messageScene)
	return ok && m.err == nil && m.title == g.language.T("ui.loading")
}
