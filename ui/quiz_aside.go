package ui

import (
	"strings"

	"asyncwithlab/quiz"
)

// asideNotice adds, when quiz q was read with questions set aside or with
// other problems, a panel that names each (its line, the question, what
// is wrong), so nothing a teacher wrote is dropped without a word. *open
// says whether the details show; the button with the given id flips it.
func asideNotice(gs gameState, p *page, q *quiz.Quiz, open *bool, id string) {
	if q == nil || len(q.Problems) == 0 && len(q.SetAside) == 0 {
		return
	}
	l := gs.lang()
	// A file's name says enough; its folders (either slash: a desktop
	// path on Windows) are noise.
	name := q.Name[strings.LastIndexAny(q.Name, `/\`)+1:]
	title := l.T("ui.fileProblems", name)
	if n := len(q.SetAside); n > 0 {
		title = l.N("ui.setAside", n, n, name)
	}
	if !*open {
		p.panel(title, nil, colHintBg, colBorder)
		p.button(id, l.T("ui.asideShow"), false, func() { *open = true })
		return
	}
	para := func(s string, style quiz.Style) quiz.Block {
		return quiz.Block{Runs: []quiz.Run{{Text: s, Style: style}}}
	}
	var blocks []quiz.Block
	for _, sa := range q.SetAside {
		blocks = append(blocks, para(l.T("ui.asideQuestion", sa.Title, sa.Line), quiz.Strong))
		for _, e := range sa.Problems {
			blocks = append(blocks, para(lineMessage(l, e), quiz.Plain))
		}
	}
	if fp := q.FileProblems(); len(fp) > 0 {
		blocks = append(blocks, para(l.T("ui.asideFile"), quiz.Strong))
		for _, e := range fp {
			blocks = append(blocks, para(lineMessage(l, e), quiz.Plain))
		}
	}
	blocks = append(blocks, para(l.T("ui.asideHint"), quiz.Emph))
	p.panel(title, blocks, colHintBg, colBorder)
	p.button(id, l.T("ui.asideHide"), false, func() { *open = false })
}

// lineMessage is a problem with its line, when it has one.
func lineMessage(l Lang, e quiz.LineError) string {
	if e.Line <= 0 {
		return e.Msg
	}
	return l.T("ui.onLine", e.Line, e.Msg)
}
