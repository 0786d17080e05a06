package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
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
	Errors    []quizLineError   `json:"errors,omitempty"`
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
		fmt.Fprintln(stderr, "usage: lab quiz check [-json] FILE...")
		return 2
	}
	fs := flag.NewFlagSet("lab quiz check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
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
		if len(rep.Errors) > 0 {
			for _, e := range rep.Errors {
				if e.Line > 0 {
					fmt.Fprintf(stderr, "%s:%d: %s\n", rep.File, e.Line, e.Message)
				} else {
					fmt.Fprintf(stderr, "%s: %s\n", rep.File, e.Message)
				}
			}
			continue
		}
		fmt.Fprintf(stdout, "%s: %d questions\n", rep.File, len(rep.Questions))
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
	}
	return code
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
	q, err := quizsim.Parse(name, data)
	if err != nil {
		var pe *quiz.ParseError
		if errors.As(err, &pe) {
			for _, le := range pe.Errors {
				rep.Errors = append(rep.Errors, quizLineError{Line: le.Line, Message: le.Msg})
			}
		} else {
			rep.Errors = []quizLineError{{Message: err.Error()}}
		}
		return rep
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
	return rep
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
