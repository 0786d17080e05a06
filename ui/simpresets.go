package ui

import (
	"fmt"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
)

// buildPresets lays out the examples: the topics as a row of chips, and
// the chosen topic's examples, each with its source and what to watch for.
func (s *simScene) buildPresets(g *Game, p *page) {
	l := g.lang
	lang := string(l)
	s.closeButtonAt(g, p, s.lay.wideSide)
	presets, cat, err := g.presets()
	c := s.column(p)
	c.w = s.lay.wideSide.inset(12 * s.unit).w
	c.text([]quiz.Run{{Text: l.T("presets")}}, 20, colText, true)
	if err != nil {
		c.text([]quiz.Run{{Text: err.Error()}}, 14, colWrong, false)
		return
	}
	if s.topic == "" {
		s.topic = cat.Topics[0].ID
		if _, tp, ok := cat.Entry(s.name); ok {
			s.topic = tp.ID
		}
	}
	// Topics wrap as chips.
	u := s.unit
	var labels []string
	chosen := 0
	for i, tp := range cat.Topics {
		labels = append(labels, tp.Title.In(lang))
		if tp.ID == s.topic {
			chosen = i
		}
	}
	c.chipIDs = func(i int) string { return "topic-" + cat.Topics[i].ID }
	c.chips("topic", labels, chosen, func(i int) { s.topic = cat.Topics[i].ID })
	c.chipIDs = nil
	c.y += 6 * u
	for _, tp := range cat.Topics {
		if tp.ID != s.topic {
			continue
		}
		for _, e := range tp.Presets {
			if c.y > c.maxY-40*u {
				break
			}
			name := e.Name
			credit := l.T("showcase")
			if e.Doc != "" {
				credit = fmt.Sprintf(l.T("fromDoc"), e.Doc)
			}
			runs := []quiz.Run{{Text: e.Title.In(lang), Style: quiz.Strong}, {Text: "  · " + credit}}
			if name == s.name {
				runs[0].Text = "► " + runs[0].Text
			}
			lines := p.t.wrapRuns(runs, c.w-20*u, 15, colAccent, false)
			watch := p.t.wrapRuns([]quiz.Run{{Text: l.T("watchFor") + e.Watch.In(lang)}}, c.w-20*u, 13, colMuted, false)
			lines = append(lines, watch...)
			ih := linesHeight(lines) + 16*u
			bg := colPanel
			if name == s.name {
				bg = colSelectedBg
			}
			p.place(&item{kind: itemPanel, id: "preset-" + name, x: c.x, y: c.y, w: c.w, h: ih, lines: lines, pad: 8 * u,
				bg: bg, border: colBorder, mark: -1, action: func() { s.pickPreset(g, presets, name) }})
			p.text = append(p.text, "["+e.Title.In(lang)+"] "+credit+". "+l.T("watchFor")+e.Watch.In(lang))
			c.y += ih + 6*u
		}
	}
}

// pickPreset loads an example and closes the panel.
func (s *simScene) pickPreset(g *Game, presets []sim.Preset, name string) {
	p, ok := sim.FindPreset(presets, name)
	if !ok {
		return
	}
	s.panel = panelNone
	s.load(g, name, p.Scenario, 0)
	s.cur.Play()
}
