package ui

import (
	"strings"
	"time"
	"unicode"

	"asyncwithlab/quiz"
)

// hwHandIn shows the submission code of the work so far: as text to
// select (and in the screen reader's mirror), to copy, or to save as a
// file. The student can go back, do more and hand in again; the teacher
// grades the latest code.
type hwHandIn struct {
	w    *hwWork
	code string
	err  error
	msg  string
	// manual: the clipboard failed; the screen says to copy by hand.
	manual bool
}

// newHWHandIn makes the code now and saves the time it was handed in.
func newHWHandIn(gs gameState, w *hwWork) *hwHandIn {
	s := &hwHandIn{w: w}
	s.code, s.err = w.handIn(time.Now())
	if s.err == nil {
		if err := w.save(gs.platform()); err != nil {
			s.msg = gs.lang().T("ui.saveFailed", err)
		}
	}
	return s
}

func (s *hwHandIn) build(gs gameState, p *page) {
	l, w := gs.lang(), s.w
	p.button("hw-back", "← "+l.T("hw.backToList"), false, func() { s.back(gs) })
	p.plain(l.T("hw.handInTitle"), 24, colText, true)
	p.plain(w.a.Title+"  ·  "+l.T("hw.student", w.prog.Student), 15, colMuted, false)
	if s.err != nil {
		p.panel(l.T("hw.handInFailed"), []quiz.Block{{Kind: quiz.CodeBlock, Code: s.err.Error()}}, colWrongBg, colWrong)
		return
	}
	answered, total := w.done()
	if answered < total {
		p.plain(l.T("hw.notAll", total-answered), 15, colWrong, false)
	}
	p.plain(l.T("hw.handInHow"), 16, colText, false)
	p.plain(l.T("hw.codeLabel"), 14, colMuted, true)
	p.blocks([]quiz.Block{{Kind: quiz.CodeBlock, Code: s.code, Lang: "text"}})
	if s.manual {
		p.plain(l.T("hw.copyByHand"), 14, colWrong, false)
	}
	if s.msg != "" {
		p.plain(s.msg, 14, colMuted, false)
	}
	p.button("hw-copy", l.T("hw.copy"), true, func() { s.copy(gs) })
	p.button("hw-save", l.T("hw.saveFile"), false, func() { s.saveFile(gs) })
	p.plain(l.T("hw.againNote"), 13, colMuted, false)
}

// copy puts the code on the clipboard, or says to copy it by hand.
func (s *hwHandIn) copy(gs gameState) {
	if err := gs.platform().CopyText(s.code); err != nil {
		s.manual, s.msg = true, ""
		return
	}
	s.manual, s.msg = false, gs.lang().T("hw.copied")
}

// saveFile saves the code as a text file named after the assignment and
// the student.
func (s *hwHandIn) saveFile(gs gameState) {
	where, err := gs.platform().SaveFile(codeFileName(s.w.a.Title, s.w.prog.Student), []byte(s.code+"\n"))
	if err != nil {
		s.msg = gs.lang().T("ui.saveFailed", err)
		return
	}
	s.msg = gs.lang().T("hw.savedTo", where)
}

// codeFileName is a file name from the assignment's title and the
// student's name: letters and digits, words joined by hyphens, so that
// it is safe on every system and a teacher's folder sorts by assignment.
func codeFileName(title, student string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title + " " + student) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	name := b.String()
	if name == "" {
		name = "homework"
	}
	return name + ".txt"
}

func (s *hwHandIn) key(gs gameState) bool { return false }

// back returns to the work list.
func (s *hwHandIn) back(gs gameState) { gs.goTo(newHWList(s.w)) }
