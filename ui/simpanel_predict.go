package ui

import (
	"fmt"
	"slices"
	"strconv"

	"asyncwithlab/quiz"
	"asyncwithlab/sim/predict"
)

// predictPanel is the question "predict, then watch" asks before the
// events it is about, then its verdict. The screen shows it in place of
// any other panel while the session's Predict has a question open; the
// answer so far and the scores are the session's.
type predictPanel struct{}

func (*predictPanel) wide() bool { return false }

func (*predictPanel) build(gs gameState, s *simScene, p *page) {
	pr := s.ses.Predict
	l := gs.lang()
	ch := pr.Active
	c := s.column(p, s.lay.side)
	u := s.unit
	e := pr.Scores.Entries[pr.Key]
	if s.hw != nil {
		// An assignment's challenge: which one; no running score, which
		// deferred mode must not show.
		c.text([]quiz.Run{{Text: s.hw.header(l, pr), Style: quiz.Strong}}, 15, colMuted, false)
	} else {
		c.text([]quiz.Run{{Text: l.T("ui.predict"), Style: quiz.Strong}, {Text: "  ·  " + l.T("ui.predictScore", e.Right, e.Asked)}}, 15, colMuted, false)
	}
	if s.predictNotice != "" {
		c.text([]quiz.Run{{Text: s.predictNotice}}, 13, colWrong, false)
	}
	c.text([]quiz.Run{{Text: ch.Prompt(l)}}, 17, colText, true)
	h := 34 * u
	switch ch.Kind {
	case predict.Order:
		if pr.Mark == nil {
			c.text([]quiz.Run{{Text: l.T("ui.orderHint")}}, 13, colMuted, false)
		}
		for _, it := range ch.Items {
			id := it.ID
			pos := slices.Index(pr.Order, id)
			label := it.Label(l)
			if pos >= 0 {
				label = strconv.Itoa(pos+1) + ". " + label
			}
			state := verdictNone
			if pr.Mark != nil {
				state = verdictWrong
				if pos >= 0 && pos < len(ch.Answer.Order) && ch.Answer.Order[pos] == id {
					state = verdictRight
				}
			}
			choice(p, c, "item-"+id, label, pos >= 0, state, h, func() { pr.Pick(id, -1) })
		}
	case predict.Aexit:
		for i, o := range ch.Options {
			state := verdictNone
			if pr.Mark != nil {
				switch {
				case i == ch.Answer.Option:
					state = verdictRight
				case i == pr.Option:
					state = verdictWrong
				}
			}
			choice(p, c, "option-"+strconv.Itoa(i), o.Label(l), i == pr.Option, state, h, func() { pr.Pick("", i) })
		}
	}
	c.y += 6 * u
	row := &buttonRow{p: p, x: c.x, y: c.y, h: h, gap: 8 * u}
	if pr.Mark == nil {
		if pr.Ready() {
			row.add("predict-check", l.T("ui.check"), true, func() { s.checkPrediction(gs) })
		}
		if ch.Kind == predict.Order && len(pr.Order) > 0 {
			row.add("predict-reset", l.T("ui.reset"), false, func() { pr.Order = nil })
		}
		row.add("predict-skip", l.T("ui.skip"), false, func() { pr.Watch(s.ses) })
		return
	}
	row.add("predict-watch", l.T("ui.watch"), true, func() { pr.Watch(s.ses) })
	c.y += h + 10*u
	verdict, col := l.T("ui.wrong"), colWrong
	if pr.Mark.Right {
		verdict, col = l.T("ui.correct"), colRight
	}
	c.text([]quiz.Run{{Text: verdict + fmt.Sprintf(" (%.0f%%)", pr.Mark.Score*100), Style: quiz.Strong}}, 16, col, true)
	c.text([]quiz.Run{{Text: pr.Mark.Explanation(l)}}, 14, colText, false)
}

// choice places one answer button of the question, marked by its
// verdict (a wrong one only when chosen) once the answer is checked.
func choice(p *page, c *panelColumn, id, label string, chosen bool, state verdict, h float64, action func()) {
	u := c.s.unit
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, c.w-24*u, 14, colText, false)
	ih := max(linesHeight(lines)+12*u, h)
	bg := colPanel
	switch {
	case state == verdictRight:
		bg = colRightBg
	case state == verdictWrong && chosen:
		bg = colWrongBg
	case chosen:
		bg = colSelectedBg
	}
	p.place(&item{kind: itemPanel, id: id, x: c.x, y: c.y, w: c.w, h: ih, lines: lines, pad: 6 * u, bg: bg, border: colBorder, action: action})
	status := ""
	if chosen {
		status = p.lang.T("ui.chosen")
	}
	p.text = append(p.text, "["+label+"]"+status)
	c.y += ih + 6*u
}
