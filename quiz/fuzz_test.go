package quiz_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"asyncwithlab/quiz"
)

// FuzzParse: no input may panic; a failure is a ParseError whose lines lie
// within the file; a success has at least one question and every question
// well formed; every problem, set-aside question and warning names a line
// within the file; and Parse refuses exactly what has problems. The seed
// corpus is in testdata/fuzz/FuzzParse (with every case file of
// testdata/quizdownjs added).
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("# Q\n\n```lab\nrun: doc001-basic\nask: output order\n```\n"))
	cases, err := filepath.Glob(filepath.Join("testdata", "quizdownjs", "*.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range cases {
		data, err := os.ReadFile(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := 1 // a line ends with LF, CRLF or a lone CR
		for i, c := range data {
			if c == '\n' || (c == '\r' && (i+1 == len(data) || data[i+1] != '\n')) {
				lines++
			}
		}
		inFile := func(what string, les []quiz.LineError) {
			for _, le := range les {
				if le.Line < 0 || le.Line > lines {
					t.Fatalf("%s at line %d of a %d-line file: %s", what, le.Line, lines, le.Msg)
				}
			}
		}
		q, err := quiz.Read("f.md", data)
		_, strictErr := quiz.Parse("f.md", data)
		if err != nil {
			var pe *quiz.ParseError
			if !errors.As(err, &pe) || len(pe.Errors) == 0 {
				t.Fatalf("not a ParseError: %v", err)
			}
			inFile("error", pe.Errors)
			if strictErr == nil {
				t.Fatal("Parse accepts what Read refuses")
			}
			return
		}
		if len(q.Questions) == 0 {
			t.Fatal("Read succeeded with no question")
		}
		if (len(q.Problems) > 0) != (strictErr != nil) {
			t.Fatalf("Parse's verdict (%v) disagrees with Read's %d problems", strictErr, len(q.Problems))
		}
		inFile("problem", q.Problems)
		inFile("warning", q.Warnings)
		for _, sa := range q.SetAside {
			if len(sa.Problems) == 0 {
				t.Fatalf("question at line %d set aside without a word", sa.Line)
			}
			inFile("set-aside question's problem", sa.Problems)
			inFile("set-aside question", []quiz.LineError{{Line: sa.Line}})
		}
		lab := false
		for _, qq := range q.Questions {
			if qq.Engine != nil {
				// Package quizsim answers it from the simulator.
				if len(qq.Answers) != 0 || qq.Engine.Run == "" || !slices.Contains(quiz.EngineAsks, qq.Engine.Ask) {
					t.Fatalf("accepted a malformed lab block at line %d: %+v", qq.Engine.Line, qq.Engine)
				}
				lab = true
				continue
			}
			if len(qq.Answers) < 2 || len(qq.Answers) > quiz.MaxAnswers || len(qq.Keys()) == 0 {
				t.Fatalf("accepted a malformed question at line %d", qq.Line)
			}
			if qq.Type == quiz.Single && len(qq.Keys()) != 1 {
				t.Fatalf("single choice with %d keys", len(qq.Keys()))
			}
		}
		if lab {
			return // attempts are of answered quizzes
		}
		a := quiz.NewAttempt(q, 1, quiz.Interactive)
		if _, err := quiz.DecodeAttempt(q, a.Encode()); err != nil {
			t.Fatalf("a fresh attempt does not decode: %v", err)
		}
	})
}

// FuzzDecodeAttempt: saved progress, however damaged, never panics.
func FuzzDecodeAttempt(f *testing.F) {
	q, err := quiz.Parse("s.md", []byte(sample))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(quiz.NewAttempt(q, 5, quiz.Immediate).Encode())
	f.Add("q1.r.1z.abc.1-0!._.2-12")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := quiz.DecodeAttempt(q, s)
		if err != nil {
			return
		}
		if a.Encode() == "" {
			t.Fatal("empty encoding")
		}
		_ = a.Score()
	})
}
