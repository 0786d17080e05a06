package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
	"asyncwithlab/sim/session"
	"asyncwithlab/sim/share"
)

// quizSummary is what "lab quiz check" reports for one file.
type quizSummary struct {
	File      string            `json:"file"`
	Questions []questionSummary `json:"questions,omitempty"`
	// SetAside are the questions the app leaves out (each error is in
	// Errors too); the app shows the rest.
	SetAside []setAsideSummary `json:"setAside,omitempty"`
	Errors   []quizLineError   `json:"errors,omitempty"`
	// Warnings say where quizdown-js reads the file otherwise.
	Warnings []quizLineError `json:"warnings,omitempty"`
}

type setAsideSummary struct {
	Line   int             `json:"line"`
	Title  string          `json:"title"`
	Errors []quizLineError `json:"errors"`
}

type questionSummary struct {
	Line    int    `json:"line"`
	Title   string `json:"title"`
	Type    string `json:"type"`
	Options int    `json:"options"`
	Correct []int  `json:"correct"`         // 1-based, in file order
	Watch   string `json:"watch,omitempty"` // the simulator link that shows it
}

type quizLineError struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func cmdQuiz(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprintln(stderr, "usage: lab quiz check [-json] [-warnings] FILE...")
		return 2
	}
	fs := flag.NewFlagSet("lab quiz check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON (warnings included)")
	warnings := fs.Bool("warnings", false, "also print where quizdown-js reads the file otherwise than this app")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "lab quiz check: expected at least one FILE")
		return 2
	}
	code := 0
	var reports []quizSummary
	for _, name := range fs.Args() {
		rep := checkQuizFile(name)
		if len(rep.Errors) > 0 {
			code = 1
		}
		reports = append(reports, rep)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			fmt.Fprintf(stderr, "lab quiz check: %v\n", err)
			return 1
		}
		return code
	}
	for _, rep := range reports {
		printQuizReport(rep, *warnings, stdout, stderr)
	}
	return code
}

// printQuizReport prints the questions that load to stdout, and what is
// wrong to stderr as FILE:LINE: message (what an editor jumps to).
func printQuizReport(rep quizSummary, warnings bool, stdout, stderr io.Writer) {
	at := func(line int) string {
		if line > 0 {
			return fmt.Sprintf("%s:%d", rep.File, line)
		}
		return rep.File
	}
	if n := len(rep.Questions); n > 0 {
		fmt.Fprintf(stdout, "%s: %s\n", rep.File, plural(n, "question"))
	}
	for i, q := range rep.Questions {
		correct := make([]string, len(q.Correct))
		for j, c := range q.Correct {
			correct[j] = fmt.Sprint(c)
		}
		watch := ""
		if q.Watch != "" {
			watch = "  (see it run: #" + q.Watch + ")"
		}
		fmt.Fprintf(stdout, "  %2d. line %-4d %-8s %2d options, correct: %-8s %s%s\n", i+1, q.Line, q.Type, q.Options,
			strings.Join(correct, ","), q.Title, watch)
	}
	if n := len(rep.SetAside); n > 0 {
		fmt.Fprintf(stdout, "%s: %d set aside (the app shows the quiz without them; the errors below say why)\n", rep.File, n)
		for _, sa := range rep.SetAside {
			fmt.Fprintf(stdout, "      line %-4d %s\n", sa.Line, sa.Title)
		}
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(stderr, "%s: %s\n", at(e.Line), e.Message)
	}
	switch {
	case warnings:
		for _, w := range rep.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", at(w.Line), w.Message)
		}
	case len(rep.Warnings) > 0:
		fmt.Fprintf(stderr, "%s: %s where quizdown-js reads the file otherwise (-warnings shows them)\n", rep.File, plural(len(rep.Warnings), "warning"))
	}
}

func checkQuizFile(name string) quizSummary {
	rep := quizSummary{File: name}
	data, err := readLimited(name, quiz.MaxFileBytes)
	if err != nil {
		// The report names the file already.
		var pe *fs.PathError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		rep.Errors = []quizLineError{{Message: strings.TrimPrefix(msg, name+": ")}}
		return rep
	}
	q, err := quizsim.Read(name, data)
	if err != nil {
		rep.Errors = lineErrors(err)
		return rep
	}
	rep.Errors = toQuizLineErrors(q.Problems)
	rep.Warnings = toQuizLineErrors(q.Warnings)
	for _, sa := range q.SetAside {
		rep.SetAside = append(rep.SetAside, setAsideSummary{Line: sa.Line, Title: sa.Title, Errors: toQuizLineErrors(sa.Problems)})
	}
	for _, qq := range q.Questions {
		s := questionSummary{Line: qq.Line, Title: quiz.PlainText(qq.Title), Type: qq.Type.String(), Options: len(qq.Answers)}
		for _, k := range qq.Keys() {
			s.Correct = append(s.Correct, k+1)
		}
		s.Watch = qq.Watch
		rep.Questions = append(rep.Questions, s)
		if msg := checkWatch(qq.Watch); msg != "" {
			rep.Errors = append(rep.Errors, quizLineError{Line: qq.Line,
				Message: fmt.Sprintf("question %q: its simulator link #%s %s", s.Title, qq.Watch, msg)})
		}
	}
	if len(q.Problems) <= quiz.MaxListedProblems {
		// The links' problems among the others, by line (past the cap,
		// the list ends with its note, which stays last).
		sort.SliceStable(rep.Errors, func(i, j int) bool { return rep.Errors[i].Line < rep.Errors[j].Line })
	}
	return rep
}

// lineErrors lists a reading error's problems, each with its line.
func lineErrors(err error) []quizLineError {
	var pe *quiz.ParseError
	if errors.As(err, &pe) {
		return toQuizLineErrors(pe.Errors)
	}
	return []quizLineError{{Message: err.Error()}}
}

func toQuizLineErrors(les []quiz.LineError) []quizLineError {
	var out []quizLineError
	for _, le := range les {
		out = append(out, quizLineError{Line: le.Line, Message: le.Msg})
	}
	return out
}

// checkWatch opens a question's simulator link as the app would and says
// what is wrong with it ("" when nothing is, or there is no link).
func checkWatch(link string) string {
	if link == "" {
		return ""
	}
	ses, err := session.OpenLink(link)
	if err != nil {
		return "does not open: " + err.Error()
	}
	if l, _ := share.Decode(link); l.Step >= ses.Replay.Len() {
		return fmt.Sprintf("names event %d, but the run has %d events (0 to %d)", l.Step, ses.Replay.Len(), ses.Replay.Len()-1)
	}
	return ""
}

// plural is "1 question", "2 questions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
