package ui

import (
	"errors"
	"path"
	"strings"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

// ownQuiz is a teacher's own quizdown file on the Teacher screen: chosen,
// pasted or dropped on the window. While one is loaded, the Questions
// field picks among its questions instead of the built-in bank's.
type ownQuiz struct {
	name string
	data []byte // nil: the built-in bank
	// n is its number of questions, or err why it cannot be read; q is
	// what was read, with the questions set aside (asideOpen shows them).
	n         int
	err       error
	q         *quiz.Quiz
	asideOpen bool
	// msg says what the last action did (a file chooser's absence).
	msg string
	// path is where the file is on the app's site, for a file too big to
	// embed in the link.
	path textField
	// arrived receives a chosen or pasted file from the platform, which
	// answers later and from another goroutine.
	arrived chan chosenFile
}

// chosenFile is a file the platform handed over.
type chosenFile struct {
	name string
	data []byte
	err  error
}

func newOwnQuiz() ownQuiz {
	return ownQuiz{path: textField{id: "t-quiz-path", max: 300}, arrived: make(chan chosenFile, 1)}
}

// set loads a file as the teacher's quiz and reads it at once, so that
// its mistakes show before the teacher makes anything.
func (o *ownQuiz) set(name string, data []byte) {
	o.name, o.data, o.msg = name, data, ""
	o.n, o.err, o.q, o.asideOpen = 0, nil, nil, true
	// As students will read it: a broken question is set aside (and
	// named here), the rest make the assignment.
	q, err := quizsim.Read(name, data)
	if err != nil {
		o.err = err
		return
	}
	o.n, o.q = len(q.Questions), q
}

// clear goes back to the built-in bank.
func (o *ownQuiz) clear() {
	o.name, o.data, o.n, o.err, o.msg, o.q = "", nil, 0, nil, "", nil
	o.path.text = ""
}

// spec puts the file, if any, in an assignment's spec.
func (o *ownQuiz) spec(s *homework.Spec) {
	if o.data == nil {
		return
	}
	s.QuizFile, s.QuizName, s.QuizPath = o.data, o.name, o.path.value()
}

func (o *ownQuiz) build(gs gameState, p *page, s *teacherScene) {
	l := gs.lang()
	p.plain(l.T("teacher.ownQuiz"), 15, colMuted, true)
	switch {
	case o.data == nil:
		p.plain(l.T("teacher.ownQuizNone"), 14, colMuted, false)
	case o.err != nil:
		p.panel(l.T("teacher.ownQuizBad", o.name), []quiz.Block{{Kind: quiz.CodeBlock, Code: o.err.Error()}}, colWrongBg, colWrong)
	default:
		p.plain(l.N("teacher.ownQuizRead", o.n, o.name, o.n), 15, colRight, false)
		asideNotice(gs, p, o.q, &o.asideOpen, "t-quiz-aside")
	}
	if o.data != nil && o.err == nil {
		o.path.build(gs, p, l.T("teacher.quizPath"), l.T("teacher.quizPathPlaceholder"))
	}
	row := s.row(p)
	row.add("t-quiz-choose", l.T("teacher.chooseQuiz"), false, func() { o.choose(gs) })
	row.add("t-quiz-paste", l.T("teacher.pasteQuiz"), false, func() { o.paste(gs) })
	if o.data != nil {
		row.add("t-quiz-clear", l.T("teacher.builtinBank"), false, o.clear)
	}
	s.endRow(p, row)
	if o.msg != "" {
		p.plain(o.msg, 14, colMuted, false)
	}
}

// choose opens the platform's file chooser (the desktop has none: the
// teacher drops the file instead, and is told so).
func (o *ownQuiz) choose(gs gameState) {
	ch := o.arrived
	gs.platform().OpenFile(".md,.markdown,.txt,text/markdown,text/plain", func(name string, data []byte, err error) {
		ch <- chosenFile{name: name, data: data, err: err}
	})
}

// paste takes a quiz from the clipboard.
func (o *ownQuiz) paste(gs gameState) {
	ch, name := o.arrived, gs.lang().T("teacher.pastedQuiz")
	gs.platform().ReadText(func(text string, err error) {
		ch <- chosenFile{name: name, data: []byte(text), err: err}
	})
}

// poll takes a file the platform handed over; it reports whether the
// screen changed.
func (o *ownQuiz) poll(gs gameState) bool {
	select {
	case f := <-o.arrived:
		switch {
		case errors.Is(f.err, errNoChooser):
			o.msg = gs.lang().T("teacher.dropHere")
		case f.err != nil:
			o.msg = gs.lang().T("teacher.pasteFailed", f.err)
		default:
			o.set(f.name, f.data)
		}
		return true
	default:
		return false
	}
}

// isQuizFile tells a dropped quiz from a dropped file of codes: it holds
// no code and is named like a quizdown or text file.
func isQuizFile(name string, data []byte) bool {
	if len(homework.FindCodes(string(data))) > 0 {
		return false
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".txt", ".quizdown", "":
		return true
	}
	return false
}
