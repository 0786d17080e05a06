// Package quizsim reads quiz files whose questions may take their answers
// from the simulator: a question with a ```lab block names a run (an
// example, or a simulator link) and asks about it — the order of the
// lines it prints, its last printed line, which __aexit__ runs first —
// and the engine, which follows CPython exactly, makes its answers and
// key, so a teacher can never get the order wrong. The question shows the
// program as Python, above its own text.
//
// quiz reads the block (quiz.EngineSpec); this package, which joins the
// quiz to the engine, answers it. The app, homework and `lab quiz check`
// read teachers' files through Read (a broken question is set aside,
// the rest load); `lab quiz check` and the built-in banks through Parse,
// which refuses any problem.
package quizsim

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
	"asyncwithlab/sim/session"
)

// Parse reads a quiz strictly, as quiz.Parse does: it is Read, refusing
// a quiz with any problem (a Markdown one, or a lab question whose run
// fails), every problem reported at once with its line as a
// *quiz.ParseError. `lab quiz check` and the built-in banks use it.
func Parse(name string, data []byte) (*quiz.Quiz, error) { return quiz.Strict(Read(name, data)) }

// Read reads a quiz as quiz.Read does, then answers its lab questions from
// the engine. A lab question whose run fails is set aside with its
// problem, like any broken question, and the quiz goes on without it; Read
// fails only when no question is left. The app and homework load
// teachers' files through it.
func Read(name string, data []byte) (*quiz.Quiz, error) {
	q, err := quiz.Read(name, data)
	if err != nil {
		return nil, err
	}
	Resolve(q)
	if len(q.Questions) == 0 {
		return nil, &quiz.ParseError{Name: name, Errors: q.Problems}
	}
	return q, nil
}

// Resolve answers every lab question of q from its run, and sets aside
// (quiz.Quiz.PutAside) each whose run fails, with its problem on its
// block's line. It returns those problems.
func Resolve(q *quiz.Quiz) []quiz.LineError {
	var errs []quiz.LineError
	for _, qq := range slices.Clone(q.Questions) {
		if qq.Engine == nil {
			continue
		}
		if err := resolve(qq); err != nil {
			le := quiz.LineError{Line: qq.Engine.Line, Msg: err.Error()}
			errs = append(errs, le)
			q.PutAside(qq, le)
		}
	}
	return errs
}

// resolve makes one question's answers.
func resolve(q *quiz.Question) error {
	spec := q.Engine
	ses, err := open(spec.Run)
	if err != nil {
		return fmt.Errorf("the lab block's run %q does not open: %v", spec.Run, err)
	}
	if ses.Err != nil {
		return fmt.Errorf("the run %q cannot be run: %v", spec.Run, ses.Err)
	}
	res := ses.Result
	if res.Unordered && spec.Ask != "last line" {
		return fmt.Errorf("the run %q has a step whose order CPython leaves unspecified (see its notes in the simulator), so no order can be its answer: choose another run", spec.Run)
	}
	at := 0 // the event the question is about, for See it run
	switch spec.Ask {
	case "output order":
		err = outputOrder(q, spec.Run, printed(res))
	case "last line":
		err = lastLine(q, spec.Run, printed(res))
		at = lastEvent(res, sim.Printed)
	case "first aexit":
		err = firstAexit(q, spec.Run, res)
		at = firstEvent(res, sim.AexitCalled)
	default:
		err = fmt.Errorf("the lab block asks %q, which this version cannot answer", spec.Ask)
	}
	if err != nil {
		return err
	}
	if q.Type == quiz.Single && q.ShuffleAnswers == nil {
		// The choices are made in an order that would give the key away
		// (the last line first, the managers in order of entry): they
		// are shuffled, whatever the quiz's shuffleAnswers, unless the
		// question sets its own.
		shuffle := true
		q.ShuffleAnswers = &shuffle
	}
	program := quiz.Block{Kind: quiz.CodeBlock, Code: strings.Join(ses.Source, "\n"), Lang: "python"}
	q.Body = append([]quiz.Block{program}, q.Body...)
	if q.Watch == "" {
		// The run itself is what to watch: the link as given (its
		// fragment), or the example at the event the question is about.
		if isLink(spec.Run) {
			q.Watch = spec.Run[strings.LastIndexByte(spec.Run, '#')+1:]
		} else {
			q.Watch = fmt.Sprintf("v1.p.%s.%d", ses.Name, at)
		}
	}
	return nil
}

// firstEvent is the index of the run's first event of a kind (0: none).
func firstEvent(res *sim.Result, kind sim.EventKind) int {
	for i := 0; i < res.Trace.Len(); i++ {
		if res.Trace.At(i).Kind == kind {
			return i
		}
	}
	return 0
}

// lastEvent is the index of the run's last event of a kind (0: none).
func lastEvent(res *sim.Result, kind sim.EventKind) int {
	for i := res.Trace.Len() - 1; i >= 0; i-- {
		if res.Trace.At(i).Kind == kind {
			return i
		}
	}
	return 0
}

// open opens a run as the simulator would: an example by name, or a link.
func open(run string) (*session.Session, error) {
	if isLink(run) {
		return session.OpenLink(run)
	}
	return session.OpenPreset(run)
}

// isLink reports whether a lab block's run is a simulator link (a whole
// address, "#v1.…" or "v1.…") rather than an example's name.
func isLink(run string) bool {
	return strings.Contains(run, "#") || strings.HasPrefix(run, "v1.")
}

// printed are the lines the run printed, in order.
func printed(res *sim.Result) []string {
	out := strings.TrimSuffix(res.Stdout, "\n")
	if out == "" {
		return nil
	}
	return strings.Split(out, "\n")
}

// codeAnswer is an answer shown as code (a printed line, a method).
func codeAnswer(text string, correct bool) *quiz.Answer {
	return &quiz.Answer{Text: []quiz.Run{{Text: text, Style: quiz.Code}}, Correct: correct}
}

// outputOrder: a sequence of the printed lines, in the order printed.
func outputOrder(q *quiz.Question, run string, lines []string) error {
	switch {
	case len(lines) < 2:
		return fmt.Errorf("the run %q prints %d line(s); putting lines in order needs at least two", run, len(lines))
	case len(lines) > quiz.MaxAnswers:
		return fmt.Errorf("the run %q prints %d lines; a sequence has at most %d", run, len(lines), quiz.MaxAnswers)
	}
	for i, l := range lines {
		if slices.Contains(lines[:i], l) {
			return fmt.Errorf("the run %q prints %q twice, so its order has two answers: choose a run whose lines differ", run, l)
		}
	}
	q.Type = quiz.Sequence
	q.Answers = nil
	for _, l := range lines {
		q.Answers = append(q.Answers, codeAnswer(l, false))
	}
	return nil
}

// lastLine: the last printed line among the lines printed before it
// (the nearest ones first: the likeliest confusions), four at most.
func lastLine(q *quiz.Question, run string, lines []string) error {
	if len(lines) == 0 {
		return fmt.Errorf("the run %q prints nothing", run)
	}
	last := lines[len(lines)-1]
	options := []string{last}
	for i := len(lines) - 2; i >= 0 && len(options) < 4; i-- {
		if !slices.Contains(options, lines[i]) {
			options = append(options, lines[i])
		}
	}
	if len(options) < 2 {
		return fmt.Errorf("the run %q prints only one different line; asking for its last line needs two", run)
	}
	q.Type = quiz.Single
	q.Answers = nil
	for i, o := range options {
		q.Answers = append(q.Answers, codeAnswer(o, i == 0))
	}
	return nil
}

// firstAexit: the managers whose __aexit__ runs, the first one right.
func firstAexit(q *quiz.Question, run string, res *sim.Result) error {
	var managers []string
	first := ""
	for i := 0; i < res.Trace.Len(); i++ {
		ev := res.Trace.At(i)
		switch ev.Kind {
		case sim.AenterStarted:
			if !slices.Contains(managers, ev.Manager) {
				managers = append(managers, ev.Manager)
			}
		case sim.AexitCalled:
			if first == "" {
				first = ev.Manager
			}
		}
	}
	if first == "" {
		return errors.New("no __aexit__ runs in the run " + fmt.Sprintf("%q", run))
	}
	if len(managers) < 2 {
		return fmt.Errorf("the run %q enters only one manager; asking which __aexit__ runs first needs two", run)
	}
	q.Type = quiz.Single
	q.Answers = nil
	for _, m := range managers {
		q.Answers = append(q.Answers, codeAnswer(m+".__aexit__", m == first))
	}
	return nil
}
