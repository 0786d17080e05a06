package ui

import (
	"errors"
	"strconv"
	"strings"
	"text/tabwriter"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
)

// The Teacher screen's grading: the assignment link and key, the codes
// (pasted, typed, or files dropped on the window), the table, the CSVs.

func (s *teacherScene) buildGrade(gs gameState, p *page) {
	l := gs.lang()
	p.plain(l.T("teacher.gradeTitle"), 22, colText, true)
	p.plain(l.T("teacher.gradeHow"), 15, colText, false)
	s.link.build(gs, p, l.T("teacher.link"), l.T("teacher.linkPlaceholder"))
	p.button("t-link-paste", l.T("teacher.paste"), false, func() { s.link.paste(gs) })
	s.keyF.build(gs, p, l.T("teacher.keyField"), l.T("teacher.keyPlaceholder"))
	p.button("t-key-paste", l.T("teacher.paste"), false, func() { s.keyF.paste(gs) })
	s.codes.build(gs, p, l.T("teacher.codes"), l.T("teacher.codesPlaceholder"))
	row := s.row(p)
	row.add("t-codes-paste", l.T("teacher.paste"), false, func() { s.codes.paste(gs) })
	row.add("t-codes-clear", l.T("teacher.clear"), false, func() { s.codes.text, s.graded, s.gradeErr, s.gradeMsg = "", nil, nil, "" })
	s.endRow(p, row)
	p.button("t-grade", l.T("teacher.grade"), true, func() { s.grade(gs) })
	if s.gradeMsg != "" {
		p.plain(s.gradeMsg, 14, colMuted, false)
	}
	if s.gradeErr != nil {
		msg := s.gradeErr.Error()
		if errors.Is(s.gradeErr, errNoCodes) {
			msg = l.T("teacher.noCodes")
		}
		p.panel(l.T("teacher.gradeFailed"), []quiz.Block{{Kind: quiz.CodeBlock, Code: msg}}, colWrongBg, colWrong)
	}
	if s.graded == nil {
		return
	}
	g := s.graded
	r := g.report
	p.plain(g.a.Title, 18, colText, true)
	p.plain(l.T("teacher.graded", g.codes, len(r.Rows)), 15, colText, false)
	if !g.keyed {
		p.plain(l.T("teacher.noKey"), 14, colWrong, false)
	}
	if len(r.Rows) > 0 {
		p.blocks([]quiz.Block{{Kind: quiz.CodeBlock, Code: gradeTable(l, r, g.a.PassingGrade > 0), Lang: "text"}})
	}
	var flagged []quiz.Block
	for _, row := range r.Rows {
		if len(row.Flags) > 0 {
			flagged = append(flagged, quiz.Block{Runs: []quiz.Run{{Text: row.Student, Style: quiz.Strong}, {Text: ": " + strings.Join(row.Flags, "; ")}}})
		}
	}
	if len(flagged) > 0 {
		p.panel(l.T("teacher.flags"), flagged, colHintBg, colBorder)
	}
	if len(r.Problems) > 0 {
		var bad []string
		for _, pr := range r.Problems {
			bad = append(bad, pr.Error())
		}
		p.panel(l.N("teacher.unreadable", len(r.Problems), len(r.Problems)), []quiz.Block{{Kind: quiz.CodeBlock, Code: strings.Join(bad, "\n")}}, colWrongBg, colWrong)
	}
	row = s.row(p)
	for _, layout := range homework.Layouts {
		row.add("t-csv-"+layout, l.T("teacher.saveCSV", layout), layout == "plain", func() { s.saveCSV(gs, layout) })
	}
	s.endRow(p, row)
	p.plain(l.T("teacher.layoutsHelp"), 13, colMuted, false)
}

// gradeTable is the report as a text table: student, the points of every
// question and challenge ("–" where the variant did not ask it), total,
// percentage, passed, flags.
func gradeTable(l Lang, r *homework.Report, hasPass bool) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	head := []string{l.T("teacher.colStudent")}
	for _, c := range r.Columns {
		head = append(head, c.Name)
	}
	head = append(head, l.T("teacher.colTotal"), "%", l.T("teacher.colPassed"), l.T("teacher.colFlags"))
	w.Write([]byte(strings.Join(head, "\t") + "\n"))
	for _, row := range r.Rows {
		cells := []string{row.Student}
		for i := range r.Columns {
			if i < len(row.Asked) && row.Asked[i] {
				cells = append(cells, homework.FormatPoints(row.Points[i]))
			} else {
				cells = append(cells, "–")
			}
		}
		passed := ""
		if hasPass {
			passed = l.T("teacher.no")
			if row.Passed {
				passed = l.T("teacher.yes")
			}
		}
		cells = append(cells, homework.FormatPoints(row.Total)+"/"+strconv.Itoa(row.Max), homework.FormatPercent(row.Percent), passed, strconv.Itoa(len(row.Flags)))
		w.Write([]byte(strings.Join(cells, "\t") + "\n"))
	}
	w.Flush()
	return strings.TrimRight(b.String(), "\n")
}

// grade grades the codes in the field.
func (s *teacherScene) grade(gs gameState) {
	s.graded, s.gradeErr = gradeCodes(s.link.text, s.keyF.text, s.codes.text)
	if s.gradeErr == nil {
		s.gradeMsg = ""
	}
}

// saveCSV saves the grades in a layout.
func (s *teacherScene) saveCSV(gs gameState, layout string) {
	data, err := s.graded.csv(layout)
	if err != nil {
		s.gradeMsg = gs.lang().T("teacher.saveFailed", err)
		return
	}
	name := fileSlug(s.graded.a.Title) + "-grades"
	if layout != "plain" {
		name += "-" + layout
	}
	s.save(gs, name+".csv", data, &s.gradeMsg)
}
