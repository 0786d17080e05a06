package ui

import (
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/sim/catalog"
)

// teacherScene is the Teacher screen: make an assignment (its class link,
// the key, per-student links from a roster), then grade the codes the
// students hand in (pasted, or files dropped on the window) into a table
// and gradebook CSVs. Its state without a window is in teacher_state.go.
type teacherScene struct {
	title, questions, due textField
	chosen                map[string]bool
	mode                  int // index in teacherModes
	tries, pass, draw     int
	own                   ownQuiz

	made    *teacherMade
	makeErr error
	// makeMsg says what the last action on the made assignment did (or,
	// with manual, that the clipboard failed and the text is to be
	// copied by hand).
	makeMsg string
	manual  bool

	roster   textField
	links    []byte
	linksN   int
	linksErr error
	linksMsg string

	link, keyF, codes textField
	graded            *teacherGraded
	gradeErr          error
	gradeMsg          string
	// dropped receives the text of files dropped on the window, read in
	// the background.
	dropped chan droppedFiles
}

// droppedFiles are the files of one drop, each read whole.
type droppedFiles struct {
	files []chosenFile
	err   error
}

// teacherModes are the feedback modes, in the stepper's order.
var teacherModes = []string{"immediate", "deferred", "interactive"}

func newTeacherScene() *teacherScene {
	return &teacherScene{
		title:     textField{id: "t-title", max: homework.MaxTitle},
		questions: textField{id: "t-questions", text: "all", max: 200},
		due:       textField{id: "t-due", max: 10},
		chosen:    map[string]bool{},
		roster:    textField{id: "t-roster", multiline: true},
		link:      textField{id: "t-link"},
		keyF:      textField{id: "t-key"},
		codes:     textField{id: "t-codes", multiline: true},
		dropped:   make(chan droppedFiles, 1),
		own:       newOwnQuiz(),
	}
}

// spec is what the teacher chose.
func (s *teacherScene) spec() homework.Spec {
	f := homework.Spec{Title: s.title.value(), Questions: s.questions.value(), Mode: teacherModes[s.mode],
		Tries: s.tries, Pass: s.pass, Draw: s.draw, Due: s.due.value()}
	s.own.spec(&f)
	if cat, err := catalog.Builtin(); err == nil {
		for _, t := range cat.Topics {
			for _, e := range t.Entries {
				if s.chosen[e.Name] {
					f.Challenges = append(f.Challenges, e.Name)
				}
			}
		}
	}
	return f
}

// site is the address the app is served from (the page's own address
// without its fragment), or "" on desktop, where links are fragments.
func site(gs gameState) string {
	return strings.TrimSuffix(gs.platform().ShareURL(""), "#")
}

func (s *teacherScene) build(gs gameState, p *page) {
	l := gs.lang()
	p.button("home", "← "+l.T("ui.home"), false, func() { gs.goTo(&homeScene{}) })
	p.plain(l.T("teacher.title"), 28, colText, true)
	p.plain(l.T("teacher.intro"), 16, colText, false)
	p.panel(l.T("teacher.guaranteeTitle"), paragraphs(l.T("teacher.guarantee1"), l.T("teacher.guarantee2"), l.T("teacher.guarantee3")), colHintBg, colBorder)
	p.gap(8)
	s.buildMake(gs, p)
	p.gap(16)
	s.buildGrade(gs, p)
}

// paragraphs are texts as blocks of a panel.
func paragraphs(texts ...string) []quiz.Block {
	var out []quiz.Block
	for _, t := range texts {
		out = append(out, quiz.Block{Runs: []quiz.Run{{Text: t}}})
	}
	return out
}

func (s *teacherScene) buildMake(gs gameState, p *page) {
	l := gs.lang()
	p.plain(l.T("teacher.makeTitle"), 22, colText, true)
	s.title.build(gs, p, l.T("teacher.assignmentTitle"), l.T("teacher.assignmentTitlePlaceholder"))
	s.questions.build(gs, p, l.T("teacher.questions"), l.T("teacher.questionsPlaceholder"))
	s.own.build(gs, p, s)
	p.plain(l.T("teacher.challenges"), 15, colMuted, true)
	row := s.row(p)
	if cat, err := catalog.Builtin(); err == nil {
		for _, t := range cat.Topics {
			for _, e := range t.Entries {
				name := e.Name
				row.add("t-ch-"+name, e.Title(l), s.chosen[name], func() { s.chosen[name] = !s.chosen[name] })
				if s.chosen[name] {
					p.text[len(p.text)-1] += l.T("ui.chosen")
				}
			}
		}
	}
	s.endRow(p, row)
	p.plain(l.T("teacher.mode"), 15, colMuted, true)
	row = s.row(p)
	for i, m := range teacherModes {
		row.add("t-mode-"+m, modeLabel(l, m), i == s.mode, func() { s.mode = i })
		if i == s.mode {
			p.text[len(p.text)-1] += l.T("ui.chosen")
		}
	}
	s.endRow(p, row)
	tries := l.T("teacher.unlimited")
	if s.tries > 0 {
		tries = strconv.Itoa(s.tries)
	}
	s.stepper(gs, p, "t-tries", l.T("teacher.tries", tries), &s.tries, 0, 9, 1)
	pass := l.T("teacher.none")
	if s.pass > 0 {
		pass = strconv.Itoa(s.pass) + "%"
	}
	s.stepper(gs, p, "t-pass", l.T("teacher.pass", pass), &s.pass, 0, 100, 10)
	draw := l.T("teacher.allQuestions")
	if s.draw > 0 {
		draw = strconv.Itoa(s.draw)
	}
	s.stepper(gs, p, "t-draw", l.T("teacher.draw", draw), &s.draw, 0, 50, 1)
	s.due.build(gs, p, l.T("teacher.due"), l.T("teacher.duePlaceholder"))
	p.button("t-make", l.T("teacher.make"), true, func() { s.make(gs) })
	if s.makeErr != nil {
		p.panel(l.T("teacher.makeFailed"), []quiz.Block{{Kind: quiz.CodeBlock, Code: s.makeErr.Error()}}, colWrongBg, colWrong)
	}
	if s.made == nil {
		return
	}
	m := s.made
	p.plain(l.T("teacher.made", m.Assignment.Title), 18, colRight, true)
	p.plain(l.T("teacher.classLink"), 15, colMuted, true)
	p.blocks([]quiz.Block{{Kind: quiz.CodeBlock, Code: homework.Address(site(gs), m.Class), Lang: "text"}})
	p.button("t-copy-link", l.T("teacher.copyLink"), true, func() { s.copy(gs, homework.Address(site(gs), m.Class)) })
	p.plain(l.T("teacher.key"), 15, colMuted, true)
	p.blocks([]quiz.Block{{Kind: quiz.CodeBlock, Code: m.Key.String(), Lang: "text"}})
	p.panel("", paragraphs(l.T("teacher.keyWarning")), colWrongBg, colWrong)
	p.button("t-save-key", l.T("teacher.saveKey"), true, func() { s.save(gs, fileSlug(m.Assignment.Title)+"-key.txt", []byte(m.keyFile(site(gs))), &s.makeMsg) })
	p.button("t-copy-key", l.T("teacher.copyKey"), false, func() { s.copy(gs, m.Key.String()) })
	if s.manual {
		p.plain(l.T("hw.copyByHand"), 14, colWrong, false)
	}
	if s.makeMsg != "" {
		p.plain(s.makeMsg, 14, colMuted, false)
	}
	p.gap(8)
	p.plain(l.T("teacher.rosterTitle"), 18, colText, true)
	s.roster.build(gs, p, l.T("teacher.roster"), l.T("teacher.rosterPlaceholder"))
	p.button("t-roster-paste", l.T("teacher.paste"), false, func() { s.roster.paste(gs) })
	p.button("t-links", l.T("teacher.makeLinks"), true, func() { s.makeLinks(gs) })
	if s.linksErr != nil {
		p.panel("", []quiz.Block{{Kind: quiz.CodeBlock, Code: s.linksErr.Error()}}, colWrongBg, colWrong)
	}
	if s.links != nil {
		p.plain(l.N("teacher.linksMade", s.linksN, s.linksN), 15, colText, false)
		p.blocks([]quiz.Block{{Kind: quiz.CodeBlock, Code: strings.TrimSpace(string(s.links)), Lang: "text"}})
		p.button("t-links-copy", l.T("teacher.copyLinks"), false, func() { s.copyTo(gs, string(s.links), &s.linksMsg) })
		p.button("t-links-save", l.T("teacher.saveLinks"), false, func() { s.save(gs, "links.csv", s.links, &s.linksMsg) })
	}
	if s.linksMsg != "" {
		p.plain(s.linksMsg, 14, colMuted, false)
	}
}

func (s *teacherScene) row(p *page) *buttonRow {
	h := p.t.px(40)
	return &buttonRow{p: p, x: p.x0, y: p.y, h: h, gap: p.t.px(8), x0: p.x0, maxX: p.x0 + p.w, rowGap: p.t.px(8)}
}

func (s *teacherScene) endRow(p *page, row *buttonRow) {
	p.y = row.y + row.h + p.t.px(12)
	p.height = p.y + p.t.px(24)
}

// stepper is a setting's line with − and + buttons.
func (s *teacherScene) stepper(gs gameState, p *page, id, label string, v *int, lo, hi, step int) {
	p.plain(label, 16, colText, false)
	row := s.row(p)
	row.add(id+"-less", "−", false, func() { *v = max(lo, *v-step) })
	p.text[len(p.text)-1] = "[−] " + label
	row.add(id+"-more", "+", false, func() { *v = min(hi, *v+step) })
	p.text[len(p.text)-1] = "[+] " + label
	s.endRow(p, row)
}

func modeLabel(l Lang, mode string) string {
	switch mode {
	case "deferred":
		return l.T("teacher.modeDeferred")
	case "interactive":
		return l.T("teacher.modeInteractive")
	}
	return l.T("teacher.modeImmediate")
}

// make seals the assignment and fills in the grading fields.
func (s *teacherScene) make(gs gameState) {
	s.makeMsg, s.manual, s.links, s.linksErr, s.linksMsg = "", false, nil, nil, ""
	m, err := homework.Make(s.spec())
	if err != nil {
		s.made, s.makeErr = nil, err
		return
	}
	s.made, s.makeErr = &teacherMade{m}, nil
	s.link.text = homework.Address(site(gs), m.Class)
	s.keyF.text = m.Key.String()
}

func (s *teacherScene) makeLinks(gs gameState) {
	s.linksMsg = ""
	s.links, s.linksN, s.linksErr = s.made.rosterLinks(s.roster.text, site(gs))
}

// copy puts text on the clipboard, or says to copy it by hand.
func (s *teacherScene) copy(gs gameState, text string) {
	if err := gs.platform().CopyText(text); err != nil {
		s.manual, s.makeMsg = true, ""
		return
	}
	s.manual, s.makeMsg = false, gs.lang().T("hw.copied")
}

func (s *teacherScene) copyTo(gs gameState, text string, msg *string) {
	if err := gs.platform().CopyText(text); err != nil {
		*msg = gs.lang().T("hw.copyByHand")
		return
	}
	*msg = gs.lang().T("hw.copied")
}

func (s *teacherScene) save(gs gameState, name string, data []byte, msg *string) {
	where, err := gs.platform().SaveFile(name, data)
	if err != nil {
		*msg = gs.lang().T("teacher.saveFailed", err)
		return
	}
	*msg = gs.lang().T("hw.savedTo", where)
}

// key types into the focused field, takes pasted text and dropped files.
func (s *teacherScene) key(gs gameState) bool {
	changed := false
	for _, f := range []*textField{&s.title, &s.questions, &s.due, &s.own.path, &s.roster, &s.link, &s.keyF, &s.codes} {
		if c, enter := f.key(gs); c || enter {
			changed = true
		}
	}
	if files := ebiten.DroppedFiles(); files != nil {
		go readDropped(files, s.dropped)
	}
	if s.own.poll(gs) {
		changed = true
	}
	select {
	case d := <-s.dropped:
		s.takeDropped(gs, d)
		changed = true
	default:
	}
	return changed
}

// takeDropped sorts a drop: a file with no code in it, named like a
// quizdown or text file, becomes the teacher's own quiz; the others'
// codes go to the Codes field and are graded when there is a link.
func (s *teacherScene) takeDropped(gs gameState, d droppedFiles) {
	if d.err != nil {
		s.gradeErr = d.err
		return
	}
	var codes []string
	for _, f := range d.files {
		if isQuizFile(f.name, f.data) {
			s.own.set(f.name, f.data)
			s.own.msg = gs.lang().T("teacher.droppedQuiz", f.name)
			continue
		}
		codes = append(codes, string(f.data))
	}
	if len(codes) == 0 {
		return
	}
	for _, c := range codes {
		s.codes.add(c + "\n")
	}
	if s.link.value() != "" {
		s.grade(gs)
	}
	s.gradeMsg = gs.lang().N("teacher.filesRead", len(codes), len(codes))
}

// readDropped reads every file dropped on the window (in the background:
// the browser reads them asynchronously).
func readDropped(files fs.FS, out chan<- droppedFiles) {
	var got []chosenFile
	err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := files.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, 64<<20))
		if err != nil {
			return err
		}
		got = append(got, chosenFile{name: path, data: data})
		return nil
	})
	out <- droppedFiles{files: got, err: err}
}

func (s *teacherScene) back(gs gameState) { gs.goTo(&homeScene{}) }
