package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"asyncwithlab/quiz"
)

// textField is a one-line text box: it takes typed characters while it
// has the page's focus (a click on it or Tab gives it the focus), so a
// screen needs no mode of its own for typing. The screen keeps the field
// and asks it for keys in its own key method.
type textField struct {
	id   string
	text string
	// max bounds the text, in characters (0: no bound).
	max int
	// locked shows the text without letting it change (a name that a
	// per-student link fixes).
	locked bool
}

// caret marks where typing goes; it is drawn only while the field has
// the focus, so a glance tells whether keys will type.
const caret = "|"

// focused reports whether the field has the page's focus.
func (f *textField) focused(gs gameState) bool {
	p := gs.shownPage()
	return !f.locked && p != nil && p.focusID == f.id
}

// build adds the field to the page under its label; placeholder is shown
// greyed while the field is empty.
func (f *textField) build(gs gameState, p *page, label, placeholder string) *item {
	p.plain(label, 15, colMuted, true)
	pad := p.t.px(12)
	shown, col := f.text, colText
	focused := f.focused(gs)
	if focused {
		shown += caret
	}
	if f.text == "" && !focused {
		shown, col = placeholder, colMuted
	}
	lines := p.t.wrapRuns([]quiz.Run{{Text: shown}}, p.w-2*pad, 17, col, false)
	bg := colBackground
	if f.locked {
		bg = colPanel
	}
	p.text = append(p.text, label+": "+f.text)
	it := &item{kind: itemPanel, id: f.id, lines: lines, pad: pad, h: max(linesHeight(lines)+2*pad, p.t.px(48)), bg: bg, border: colBorder}
	if !f.locked {
		// Clickable so that a click or Tab gives it the focus (the game
		// focuses what is clicked); typing then goes to it.
		it.action = func() {}
	}
	return p.add(it)
}

// key types into the field when it has the focus: characters, Backspace
// (which otherwise means Back) and Enter. It takes this frame's keys
// from the game when it uses them, and reports whether the text changed
// and whether Enter was pressed.
func (f *textField) key(gs gameState) (changed, enter bool) {
	if !f.focused(gs) {
		return false, false
	}
	var typed []rune
	typed = ebiten.AppendInputChars(typed)
	for _, r := range typed {
		if r < ' ' || r == 0x7f {
			continue // control characters are keys, not text
		}
		if f.max > 0 && utf8.RuneCountInString(f.text) >= f.max {
			break
		}
		f.text += string(r)
		changed = true
	}
	if repeat(ebiten.KeyBackspace) && f.text != "" {
		_, size := utf8.DecodeLastRuneInString(f.text)
		f.text = f.text[:len(f.text)-size]
		changed = true
	}
	enter = inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)
	// While the field has the focus, Backspace and Space are text, not
	// Back and "press the focused item"; Tab still moves on.
	if changed || enter || len(typed) > 0 || ebiten.IsKeyPressed(ebiten.KeyBackspace) {
		gs.consumeKeys()
	}
	return changed, enter
}

// value is the text without surrounding spaces.
func (f *textField) value() string { return strings.TrimSpace(f.text) }
