package ui

import (
	"asyncwithlab/quiz"
	"asyncwithlab/sim/catalog"
)

// examplesPanel lists the built-in examples: the topics as a row of
// chips, and the chosen topic's examples, each with its source and what
// to watch for. Picking one opens it and plays.
type examplesPanel struct {
	// topic is the chosen topic's ID; at first, the one of the example
	// shown.
	topic string
}

// wide: the examples' titles and notes need the room.
func (*examplesPanel) wide() bool { return true }

func (ep *examplesPanel) build(gs gameState, s *simScene, p *page) {
	l := gs.lang()
	area := s.lay.wideSide
	s.closeButton(gs, p, area)
	cat, err := catalog.Builtin()
	c := s.column(p, area)
	c.text([]quiz.Run{{Text: l.T("ui.presets")}}, 20, colText, true)
	if err != nil {
		c.text([]quiz.Run{{Text: err.Error()}}, 14, colWrong, false)
		return
	}
	shown := s.ses.Name
	if ep.topic == "" {
		ep.topic = cat.Topics[0].ID
		if _, tp, ok := cat.Entry(shown); ok {
			ep.topic = tp.ID
		}
	}
	// Topics wrap as chips.
	u := s.unit
	var labels []string
	chosen := 0
	for i, tp := range cat.Topics {
		labels = append(labels, tp.Title(l))
		if tp.ID == ep.topic {
			chosen = i
		}
	}
	c.chipIDs = func(i int) string { return "topic-" + cat.Topics[i].ID }
	c.chips("topic", labels, chosen, func(i int) { ep.topic = cat.Topics[i].ID })
	c.chipIDs = nil
	c.y += 6 * u
	for _, tp := range cat.Topics {
		if tp.ID != ep.topic {
			continue
		}
		for _, e := range tp.Entries { // all of them: the panel scrolls
			name := e.Name
			credit := l.T("ui.showcase")
			if e.Doc != "" {
				credit = l.T("ui.fromDoc", e.Doc)
			}
			runs := []quiz.Run{{Text: e.Title(l), Style: quiz.Strong}, {Text: "  · " + credit}}
			if name == shown {
				runs[0].Text = "► " + runs[0].Text
			}
			lines := p.t.wrapRuns(runs, c.w-20*u, 15, colAccent, false)
			watch := p.t.wrapRuns([]quiz.Run{{Text: l.T("ui.watchFor") + e.Watch(l)}}, c.w-20*u, 13, colMuted, false)
			lines = append(lines, watch...)
			ih := linesHeight(lines) + 16*u
			bg := colPanel
			if name == shown {
				bg = colSelectedBg
			}
			p.place(&item{kind: itemPanel, id: "preset-" + name, x: c.x, y: c.y, w: c.w, h: ih, lines: lines, pad: 8 * u,
				bg: bg, border: colBorder, mark: -1, action: func() { s.pickPreset(gs, cat, name) }})
			p.text = append(p.text, "["+e.Title(l)+"] "+credit+". "+l.T("ui.watchFor")+e.Watch(l))
			c.y += ih + 6*u
		}
	}
}
