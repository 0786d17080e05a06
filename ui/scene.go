package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/quiz"
)

// scene is one screen (as in Ebitengine's examples/blocks). Its methods
// get the game's gameState, not the *Game: a scene reads the language,
// the theme and the platform, and goes elsewhere, but never reaches into
// the input or drawing machinery.
type scene interface {
	// build lays out the scene's page for its current state.
	build(gs gameState, p *page)
	// key handles the scene's own keys; it reports whether anything changed.
	key(gs gameState) bool
	// back is Esc.
	back(gs gameState)
}

// gameState is what a scene sees of the game, as examples/blocks hands
// its scenes a GameState: the settings it draws with, the notice, the
// page it last built, and the ways to another screen. *Game implements it;
// a test can hand a scene anything else that does.
type gameState interface {
	// lang is the interface language.
	lang() Lang
	// theme holds the fonts and the device scale.
	theme() *theme
	// platform is storage, the address, the clipboard and files.
	platform() Platform
	// size is the screen's size in device pixels.
	size() (w, h float64)

	// notice is a message about what went wrong last (a bad link, saved
	// progress set aside); Home and the quiz show it until it is cleared.
	notice() string
	setNotice(s string)

	// shownPage is the page last built: its focus and scroll.
	shownPage() *page
	// redraw asks for the page to be built again: something the scene
	// changed outside input (a tick) alters its items.
	redraw()
	// consumeKeys tells the game's generic keys (Tab, arrows, Enter…) to
	// leave this frame's keys alone: the scene used them.
	consumeKeys()

	// goTo shows another scene.
	goTo(s scene)
	// setLang switches the language and remembers it.
	setLang(l Lang)
	// startQuiz opens the quiz where the learner left it.
	startQuiz()
	// activeQuiz is the quiz to take; quizLoading says it is still being
	// fetched.
	activeQuiz() (*quiz.Quiz, error)
	// activeQuizName names the active quiz's saved progress without
	// reading the quiz.
	activeQuizName() (string, bool)
	quizLoading() bool
	// openSimPreset opens the simulator on a built-in example.
	openSimPreset(name string) error
	// watch opens the simulator on a question's example link (see
	// quiz.Question.Watch); its "Back to the question" returns to the
	// current scene as it was.
	watch(link string)
}

// painter is a scene that draws more than its page's items (the
// simulator's code, lanes and loop); paint runs before the items.
type painter interface {
	paint(gs gameState, dst *ebiten.Image)
}

// animator is a scene that moves by itself: tick runs every update and
// reports whether something moved. When nothing moves it returns false,
// so a paused animation costs no drawing. A move that changes the page's
// items calls gs.redraw itself; otherwise only the moving parts are
// repainted (see dynamicPainter).
type animator interface {
	tick(gs gameState) bool
}

// dynamicPainter is an animated scene that can repaint only its moving
// parts over the last frame, without rebuilding its page: playback then
// costs a fraction of a full redraw. It returns false when the moving
// parts no longer fit the page's layout, and a full redraw follows.
type dynamicPainter interface {
	paintDynamic(gs gameState, dst *ebiten.Image) bool
	// mirror returns the screen's text with the moving parts' text updated.
	mirror(gs gameState, pageText []string) []string
}

// reorderer is a scene whose items can be dragged into a new order.
type reorderer interface {
	reorder(gs gameState, id string, to int)
}

// The Game's side of gameState.

func (g *Game) lang() Lang           { return g.language }
func (g *Game) theme() *theme        { return g.th }
func (g *Game) platform() Platform   { return g.plat }
func (g *Game) size() (w, h float64) { return g.w, g.h }
func (g *Game) notice() string       { return g.noticeText }
func (g *Game) setNotice(s string)   { g.noticeText = s }
func (g *Game) shownPage() *page     { return g.page }
func (g *Game) redraw()              { g.dirty = true }
func (g *Game) quizLoading() bool    { return g.loading != nil }
func (g *Game) consumeKeys()         { g.consumed = true }

var _ gameState = (*Game)(nil)
