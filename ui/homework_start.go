package ui

import (
	"strings"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
)

// hwStart is an assignment's first screen: what it holds, its due date,
// feedback and passing grade, and the student's name (fixed by a
// per-student link, typed for a class link). Saved work is resumed from
// here, so that a reload lands on the assignment.
type hwStart struct {
	link    homework.Link
	loading chan hwLoaded
	q       *quiz.Quiz
	loadErr error
	// asideOpen shows in full what the quiz file's reader left out.
	asideOpen bool
	saved     *homework.Progress
	name      textField
	msg       string
	// focused: the name field was given the focus once, so that the
	// student can type at once.
	focused bool
}

// newHWStart opens an assignment's first screen and starts reading its
// questions and the saved work.
func newHWStart(gs gameState, l homework.Link) *hwStart {
	s := &hwStart{link: l, name: textField{id: "hw-name", max: homework.MaxTitle}, asideOpen: true}
	if l.Assignment.Quiz.Path == "" {
		// The bank or a text in the link: nothing to fetch, so the first
		// frame shows the assignment rather than "Loading".
		s.q, s.loadErr = l.Assignment.LoadQuestions(nil)
	} else {
		s.loading = loadHWQuestions(gs.platform(), l.Assignment)
	}
	prog, notice := loadHWProgress(gs, l)
	if notice != "" {
		gs.setNotice(notice)
	}
	s.saved = prog
	switch {
	case l.Student != "":
		s.name.text, s.name.locked = l.Student, true
	case prog != nil:
		// The work was started under this name; another name is another
		// variant, so the name stays.
		s.name.text, s.name.locked = prog.Student, true
	}
	return s
}

func (s *hwStart) build(gs gameState, p *page) {
	l := gs.lang()
	a := s.link.Assignment
	p.button("home", "← "+l.T("ui.home"), false, func() { leaveHomework(gs) })
	p.plain(l.T("hw.assignment"), 15, colMuted, true)
	p.plain(a.Title, 26, colText, true)
	if n := gs.notice(); n != "" {
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: n}}}}, colHintBg, colBorder)
	}
	switch {
	case s.loadErr != nil:
		p.plain(l.T("hw.questionsFailed"), 17, colWrong, true)
		p.panel("", []quiz.Block{{Kind: quiz.CodeBlock, Code: s.loadErr.Error()}}, colWrongBg, colWrong)
		return
	case s.q == nil:
		p.plain(l.T("ui.loading"), 17, colMuted, false)
		return
	}
	p.panel("", hwSummary(l, a, len(s.q.Questions)), colPanel, colBorder)
	asideNotice(gs, p, s.q, &s.asideOpen, "hw-aside")
	if s.link.Student == "" && s.saved == nil {
		p.plain(l.T("hw.classLink"), 14, colMuted, false)
	}
	s.name.build(gs, p, l.T("hw.name"), l.T("hw.namePlaceholder"))
	if s.msg != "" {
		p.plain(s.msg, 14, colWrong, false)
	}
	label := l.T("hw.start")
	if s.saved != nil {
		label = l.T("hw.continue")
	}
	p.button("hw-start", label, true, func() { s.start(gs) })
}

// hwSummary says what an assignment holds: its questions (drawn from how
// many), the examples whose challenges it asks, the due date, the
// feedback and the passing grade.
func hwSummary(l Lang, a *homework.Assignment, nQuestions int) []quiz.Block {
	var lines []string
	asked := nQuestions
	if a.Draw > 0 && a.Draw < nQuestions {
		asked = a.Draw
		lines = append(lines, l.N("hw.questionsDrawn", asked, asked, nQuestions))
	} else if asked > 0 {
		lines = append(lines, l.N("hw.questions", asked, asked))
	}
	if len(a.Challenges) > 0 {
		var titles []string
		for _, name := range a.Challenges {
			titles = append(titles, exampleTitle(l, name))
		}
		lines = append(lines, l.T("hw.challenges", strings.Join(titles, "; ")))
	}
	if a.Due != "" {
		lines = append(lines, l.T("hw.due", a.Due))
	}
	switch a.Mode {
	case "deferred":
		lines = append(lines, l.T("hw.modeDeferred"))
	case "interactive":
		tries := a.Tries
		if tries > 0 {
			lines = append(lines, l.N("hw.modeInteractiveTries", tries, tries))
		} else {
			lines = append(lines, l.T("hw.modeInteractive"))
		}
	default:
		lines = append(lines, l.T("hw.modeImmediate"))
	}
	if a.PassingGrade > 0 {
		lines = append(lines, l.T("hw.pass", a.PassingGrade))
	}
	var blocks []quiz.Block
	for _, s := range lines {
		blocks = append(blocks, quiz.Block{Runs: []quiz.Run{{Text: s}}})
	}
	return blocks
}

// start begins the work (or resumes it) under the student's name.
func (s *hwStart) start(gs gameState) {
	if s.q == nil {
		return
	}
	a := s.link.Assignment
	prog := s.saved
	if prog == nil {
		name := s.name.value()
		if name == "" {
			s.msg = gs.lang().T("hw.nameNeeded")
			gs.shownPage().focusID = s.name.id
			return
		}
		seed := s.link.Seed
		if s.link.Student == "" {
			seed = homework.ClassSeed(a.ID, name)
		}
		prog = homework.Start(a, name, seed)
	}
	w, err := newHWWork(a, s.q, prog)
	if err != nil {
		s.msg = err.Error()
		return
	}
	if s.saved == nil {
		// Saved at once, so that a reload keeps the name and its variant.
		if err := w.save(gs.platform()); err != nil {
			gs.setNotice(gs.lang().T("ui.saveFailed", err))
		}
	}
	gs.goTo(newHWList(w))
}

// key waits for the questions, gives the name field the focus and types
// into it; Enter starts.
func (s *hwStart) key(gs gameState) bool {
	changed := false
	if s.loading != nil {
		select {
		case r := <-s.loading:
			s.q, s.loadErr, s.loading = r.q, r.err, nil
			changed = true
		default:
		}
	}
	if !s.focused && !s.name.locked && gs.shownPage() != nil && s.q != nil {
		s.focused = true
		gs.shownPage().focusID = s.name.id
		changed = true
	}
	typed, enter := s.name.key(gs)
	if typed {
		s.msg = ""
	}
	if enter {
		s.start(gs)
		return true
	}
	return changed || typed
}

func (s *hwStart) back(gs gameState) { leaveHomework(gs) }
