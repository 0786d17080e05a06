package ui

import (
	"fmt"
	"strconv"

	"asyncwithlab/quiz"
	"asyncwithlab/sim/predict"
)

// scoresKey is where the predictions' scores are saved, beside the quiz
// progress (homework reads both).
const scoresKey = "asyncwithlab.predict.scores"

// simPredict is "predict, then watch": before the animation shows the
// events a challenge is about, playback pauses and asks; once answered and
// marked, the animation plays them.
type simPredict struct {
	chs    []predict.Challenge
	next   int                // the first challenge not yet asked or skipped
	active *predict.Challenge // being asked now
	order  []string           // an Order answer so far
	option int                // an Aexit answer (-1: none yet)
	mark   *predict.Mark      // the verdict, once checked
	key    string
	scores predict.Scores
	notice string // saved scores could not be read or written
}

// togglePredict turns the mode on (asking from the current position on)
// or off.
func (s *simScene) togglePredict(g *Game) {
	if s.predict != nil {
		s.predict = nil
		s.syncLink(g)
		return
	}
	pr := &simPredict{option: -1}
	if saved := g.plat.Load(scoresKey); saved != "" {
		sc, err := predict.DecodeScores(saved)
		if err != nil {
			// Keep the unreadable scores aside rather than overwrite them.
			_ = g.plat.Save(scoresKey+".unreadable", saved)
			pr.notice = g.lang.T("ui.corruptScores")
		} else {
			pr.scores = sc
		}
	}
	if pr.scores.Entries == nil {
		pr.scores.Entries = map[string]predict.Entry{}
	}
	s.predict = pr
	pr.reset(s)
	s.panel = panelNone
	s.syncLink(g)
}

// reset finds the challenges of the scenario's run (after a load or an
// edit); those before the current position are not asked.
func (pr *simPredict) reset(s *simScene) {
	pr.chs = predict.Find(s.res, 1)
	pr.key = predict.Key(s.name, s.sc)
	pr.active, pr.mark, pr.order, pr.option = nil, nil, nil, -1
	pr.next = 0
	for pr.next < len(pr.chs) && pr.chs[pr.next].At <= s.cur.Event() {
		pr.next++
	}
}

// gate runs every tick: when playback reaches a challenge's first event it
// steps back before it, pauses and asks. A challenge the learner scrubbed
// past entirely is skipped, unmarked.
func (pr *simPredict) gate(s *simScene) bool {
	if pr.active != nil {
		if pr.mark == nil && s.cur.Playing {
			s.cur.Pause()
			return true
		}
		return false
	}
	changed := false
	for pr.next < len(pr.chs) {
		ch := pr.chs[pr.next]
		e := s.cur.Event()
		if e > ch.Until {
			pr.next++
			continue
		}
		if e >= ch.At {
			s.cur.SeekEvent(ch.At - 1)
			s.cur.Pause()
			pr.active = &pr.chs[pr.next]
			pr.order, pr.option, pr.mark = nil, -1, nil
			changed = true
		}
		break
	}
	return changed
}

// check marks the answer and saves the scores.
func (pr *simPredict) check(g *Game) {
	ch := pr.active
	a := predict.Answer{Order: pr.order, Option: pr.option}
	m := ch.Check(a)
	pr.mark = &m
	pr.scores.Record(pr.key, m)
	if err := g.plat.Save(scoresKey, pr.scores.Encode()); err != nil {
		pr.notice = fmt.Sprintf(g.lang.T("ui.saveFailed"), err)
	}
}

// watch closes the question and plays the events it was about.
func (pr *simPredict) watch(s *simScene) {
	pr.active, pr.mark = nil, nil
	pr.next++
	s.cur.Play()
}

// build lays out the question (or the verdict) in the side panel.
func (pr *simPredict) build(g *Game, p *page, s *simScene) {
	if pr.active == nil {
		return
	}
	s.panel = panelNone
	l := g.lang
	ch := pr.active
	c := s.column(p)
	u := s.unit
	e := pr.scores.Entries[pr.key]
	c.text([]quiz.Run{{Text: l.T("ui.predict"), Style: quiz.Strong}, {Text: "  ·  " + fmt.Sprintf(l.T("ui.predictScore"), e.Right, e.Asked)}}, 15, colMuted, false)
	if pr.notice != "" {
		c.text([]quiz.Run{{Text: pr.notice}}, 13, colWrong, false)
	}
	c.text([]quiz.Run{{Text: ch.Prompt(l)}}, 17, colText, true)
	h := 34 * u
	switch ch.Kind {
	case predict.Order:
		if pr.mark == nil {
			c.text([]quiz.Run{{Text: l.T("ui.orderHint")}}, 13, colMuted, false)
		}
		for _, it := range ch.Items {
			id := it.ID
			pos := indexIn(pr.order, id)
			label := it.Label(l)
			if pos >= 0 {
				label = strconv.Itoa(pos+1) + ". " + label
			}
			state := 0
			if pr.mark != nil {
				state = 2
				if pos >= 0 && pos < len(ch.Answer.Order) && ch.Answer.Order[pos] == id {
					state = 1
				}
			}
			pr.choice(p, c, "item-"+id, label, pos >= 0, state, h, func() {
				if pr.mark == nil && indexIn(pr.order, id) < 0 {
					pr.order = append(pr.order, id)
				}
			})
		}
	case predict.Aexit:
		for i, o := range ch.Options {
			i := i
			state := 0
			if pr.mark != nil {
				switch {
				case i == ch.Answer.Option:
					state = 1
				case i == pr.option:
					state = 2
				}
			}
			pr.choice(p, c, "option-"+strconv.Itoa(i), o.Label(l), i == pr.option, state, h, func() {
				if pr.mark == nil {
					pr.option = i
				}
			})
		}
	}
	c.y += 6 * u
	row := &buttonRow{p: p, x: c.x, y: c.y, h: h, gap: 8 * u}
	if pr.mark == nil {
		ready := (ch.Kind == predict.Order && len(pr.order) == len(ch.Items)) || (ch.Kind == predict.Aexit && pr.option >= 0)
		if ready {
			row.add("check", l.T("ui.check"), true, func() { pr.check(g) })
		}
		if ch.Kind == predict.Order && len(pr.order) > 0 {
			row.add("reset", l.T("ui.reset"), false, func() { pr.order = nil })
		}
		row.add("skip", l.T("ui.skip"), false, func() { pr.watch(s) })
		return
	}
	row.add("watch", l.T("ui.watch"), true, func() { pr.watch(s) })
	c.y += h + 10*u
	verdict, col := l.T("ui.wrong"), colWrong
	if pr.mark.Right {
		verdict, col = l.T("ui.correct"), colRight
	}
	c.text([]quiz.Run{{Text: verdict + fmt.Sprintf(" (%.0f%%)", pr.mark.Score*100), Style: quiz.Strong}}, 16, col, true)
	c.text([]quiz.Run{{Text: pr.mark.Explanation(l)}}, 14, colText, false)
}

// choice places one answer button of the question.
func (pr *simPredict) choice(p *page, c *panelColumn, id, label string, chosen bool, state int, h float64, action func()) {
	u := c.s.unit
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, c.w-24*u, 14, colText, false)
	ih := max(linesHeight(lines)+12*u, h)
	bg := colPanel
	switch {
	case state == 1:
		bg = colRightBg
	case state == 2 && chosen:
		bg = colWrongBg
	case chosen:
		bg = colSelectedBg
	}
	p.place(&item{kind: itemPanel, id: id, x: c.x, y: c.y, w: c.w, h: ih, lines: lines, pad: 6 * u, bg: bg, border: colBorder, action: action})
	status := ""
	if chosen {
		status = " (chosen)"
	}
	p.text = append(p.text, "["+label+"]"+status)
	c.y += ih + 6*u
}

func indexIn(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
