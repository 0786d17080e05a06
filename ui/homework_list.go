package ui

import (
	"asyncwithlab/quiz"
)

// hwList is the assignment's work list: every question and challenge of
// the student's variant with its state, opened in any order, and the
// button that hands the work in.
type hwList struct {
	w *hwWork
}

func newHWList(w *hwWork) *hwList { return &hwList{w: w} }

func (s *hwList) build(gs gameState, p *page) {
	l, w := gs.lang(), s.w
	p.button("home", "← "+l.T("ui.home"), false, func() { leaveHomework(gs) })
	p.plain(w.a.Title, 24, colText, true)
	p.plain(l.T("hw.student", w.prog.Student), 15, colMuted, false)
	answered, total := w.done()
	p.progress(float64(answered)/float64(max(total, 1)), l.T("hw.answeredOf", answered, total))
	if n := gs.notice(); n != "" {
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: n}}}}, colHintBg, colBorder)
	}
	if w.deferred() {
		p.plain(l.T("hw.deferredNote"), 14, colMuted, false)
	}
	for _, it := range w.items() {
		s.itemButton(gs, p, it)
	}
	p.gap(8)
	p.button("hw-handin", l.T("hw.handIn"), true, func() { gs.goTo(newHWHandIn(gs, w)) })
	if w.prog.HandedIn != 0 {
		p.plain(l.T("hw.handedInBefore"), 13, colMuted, false)
	}
}

// itemButton is one line of the list: what the item is and its state;
// a click opens it.
func (s *hwList) itemButton(gs gameState, p *page, it hwItem) {
	l, w := gs.lang(), s.w
	var label string
	if it.isChallenge() {
		label = l.T("hw.challengeItem", it.N, exampleTitle(l, it.Example))
	} else {
		label = l.T("hw.questionItem", it.Pos+1, quiz.PlainText(w.att.Question(it.Pos).Title))
	}
	state := map[hwItemState]string{hwOpen: "hw.stateOpen", hwAnswered: "hw.stateAnswered", hwRight: "hw.stateRight", hwWrong: "hw.stateWrong"}[it.State]
	bg := colPanel
	switch it.State {
	case hwRight:
		bg = colRightBg
	case hwWrong:
		bg = colWrongBg
	case hwAnswered:
		bg = colSelectedBg
	}
	pad := p.t.px(12)
	runs := []quiz.Run{{Text: label, Style: quiz.Strong}, {Text: "  · " + l.T(state)}}
	lines := p.t.wrapRuns(runs, p.w-2*pad, 16, colText, false)
	p.text = append(p.text, "["+label+"] "+l.T(state))
	p.add(&item{kind: itemPanel, id: it.id(), lines: lines, pad: pad, h: max(linesHeight(lines)+2*pad, p.t.px(44)),
		bg: bg, border: colBorder, action: func() { s.open(gs, it) }})
}

// open shows a question, or the simulator on a challenge's example.
func (s *hwList) open(gs gameState, it hwItem) {
	gs.setNotice("")
	if it.isChallenge() {
		if err := openHWChallenge(gs, s.w, it.Example, it.N); err != nil {
			gs.setNotice(err.Error())
		}
		return
	}
	gs.goTo(newHWQuestion(s.w, it.Pos))
}

func (s *hwList) key(gs gameState) bool { return false }

func (s *hwList) back(gs gameState) { leaveHomework(gs) }
