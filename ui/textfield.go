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
	// multiline keeps line breaks: Enter starts a new line (a roster, a
	// batch of codes) instead of reporting Enter.
	multiline bool
	// pasted receives the clipboard's text once the platform has read it
	// (Ctrl+V or a Paste button); pasteErr says why it could not.
	pasted   chan pasteResult
	pasteErr error
}

type pasteResult struct {
	text string
	err  error
}

// longField is how many characters a multi-line field shows whole; a
// longer text (a class's codes) is shown by its start, its end and its size.
const longField = 600

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
	if n := utf8.RuneCountInString(shown); f.multiline && n > longField {
		r := []rune(shown)
		shown = string(r[:longField/3]) + " … " + string(r[n-longField/3:]) + "\n" + gs.lang().N("teacher.longText", n, n)
	}
	focused := f.focused(gs)
	if focused {
		shown += caret
	}
	if f.text == "" && !focused {
		shown, col = placeholder, colMuted
	}
	var lines []line
	for _, ln := range strings.Split(shown, "\n") {
		if ln == "" {
			ln = " "
		}
		lines = append(lines, p.t.wrapRuns([]quiz.Run{{Text: ln}}, p.w-2*pad, 17, col, false)...)
	}
	bg := colBackground
	if f.locked {
		bg = colPanel
	}
	p.text = append(p.text, label+": "+f.text)
	defer func() {
		if f.pasteErr != nil {
			p.plain(gs.lang().T("teacher.pasteFailed", f.pasteErr), 14, colWrong, false)
		}
	}()
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
	changed = f.poll()
	if !f.focused(gs) {
		return changed, false
	}
	var typed []rune
	typed = ebiten.AppendInputChars(typed)
	ctrl := ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)
	if ctrl {
		// Ctrl+V (Cmd+V) pastes; the browser also reports the V as typed.
		if inpututil.IsKeyJustPressed(ebiten.KeyV) {
			f.paste(gs)
		}
		typed = typed[:0]
	}
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
	if enter && f.multiline {
		f.text += "\n"
		changed, enter = true, false
		gs.consumeKeys()
	}
	// While the field has the focus, Backspace and Space are text, not
	// Back and "press the focused item"; Tab still moves on.
	if changed || enter || len(typed) > 0 || ebiten.IsKeyPressed(ebiten.KeyBackspace) {
		gs.consumeKeys()
	}
	return changed, enter
}

// paste asks the platform for the clipboard's text; it lands in the
// field when pasted (see poll).
func (f *textField) paste(gs gameState) {
	if f.pasted == nil {
		f.pasted = make(chan pasteResult, 1)
	}
	ch := f.pasted
	f.pasteErr = nil
	gs.platform().ReadText(func(text string, err error) {
		select {
		case ch <- pasteResult{text, err}:
		default:
		}
	})
}

// poll puts pasted text into the field (at its end: a paste adds to what
// is there); it reports whether the field changed.
func (f *textField) poll() bool {
	if f.pasted == nil {
		return false
	}
	select {
	case r := <-f.pasted:
		if r.err != nil {
			f.pasteErr = r.err
			return true
		}
		f.add(r.text)
		return true
	default:
		return false
	}
}

// add appends text: a one-line field takes it as one line, a multi-line
// field on a new line.
func (f *textField) add(text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !f.multiline {
		text = strings.Join(strings.Fields(text), " ")
	} else if f.text != "" && !strings.HasSuffix(f.text, "\n") {
		f.text += "\n"
	}
	if f.max > 0 {
		if room := f.max - utf8.RuneCountInString(f.text); room < utf8.RuneCountInString(text) {
			text = string([]rune(text)[:max(room, 0)])
		}
	}
	f.text += text
}

// value is the text without surrounding spaces.
func (f *textField) value() string { return strings.TrimSpace(f.text) }
