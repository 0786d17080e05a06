package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"asyncwithlab/homework"
	"asyncwithlab/quizsim"
)

// cmdAssign makes an assignment: its class link, the teacher's key (in a
// file the teacher keeps), and per-student links for a roster.
func cmdAssign(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lab assign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	title := fs.String("title", "", "the assignment's title (required)")
	questions := fs.String("questions", "all", `the built-in bank's questions: "all", "none", or numbers such as 1,2,5-8`)
	quizFile := fs.String("quiz", "", "a quizdown file of your own instead of the built-in bank (embedded in the link when small)")
	path := fs.String("path", "", "with -quiz: the file's path on the site that serves the app, to reference instead of embedding")
	challenges := fs.String("challenges", "", "built-in examples asked in predict mode, comma-separated (lab presets lists them)")
	mode := fs.String("mode", "immediate", "feedback: immediate, deferred or interactive")
	penalty := fs.Float64("penalty", 0, "interactive: the share of a point a wrong try costs (0: half a point)")
	tries := fs.Int("tries", 0, "interactive: checks allowed per question (0: as many as it has answers)")
	pass := fs.Int("pass", 0, "passing grade in percent (0: none)")
	draw := fs.Int("draw", 0, "questions drawn per student (0: all)")
	due := fs.String("due", "", "due date, YYYY-MM-DD (shown to students; nothing enforces it)")
	keyFile := fs.String("key", "", "where to write the teacher key (required; an existing file is never overwritten)")
	roster := fs.String("roster", "", "a file of students, one name or ID a line, or a CSV with a name/student/id column: print one link each as CSV")
	site := fs.String("url", "", "the address the app is served from, to print whole links (default: only the part after #)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "lab assign: %v\n", err)
		return 1
	}
	if *keyFile == "" {
		return fail(errors.New("-key FILE is required: the key is what lets you check each student's variant"))
	}
	spec := homework.Spec{Title: *title, Questions: *questions, Mode: *mode, Penalty: *penalty, Tries: *tries,
		Pass: *pass, Draw: *draw, Due: *due, QuizPath: *path}
	if *challenges != "" {
		spec.Challenges = splitList(*challenges)
	}
	if *quizFile != "" {
		data, err := readLimited(*quizFile, 4<<20)
		if err != nil {
			return fail(err)
		}
		spec.QuizFile, spec.QuizName = data, *quizFile
	} else if *path != "" {
		return fail(errors.New("-path goes with -quiz: it is where your quiz file is on the app's site"))
	}
	var names []string
	if *roster != "" {
		data, err := readLimited(*roster, 4<<20)
		if err != nil {
			return fail(err)
		}
		if names, err = homework.ParseRoster(string(data)); err != nil {
			return fail(fmt.Errorf("%s: %v", *roster, err))
		}
	}
	made, err := homework.Make(spec)
	if err != nil {
		return fail(err)
	}
	if spec.QuizFile != nil {
		sayWhatWasSetAside(stderr, *quizFile, spec.QuizFile)
	}
	a, key, class := made.Assignment, made.Key, made.Class
	f, err := os.OpenFile(*keyFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fail(fmt.Errorf("writing the key: %w", err))
	}
	_, err = fmt.Fprint(f, homework.KeyFile(key, a.Title, homework.Address(*site, class)))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	if *roster == "" {
		fmt.Fprintln(stdout, homework.Address(*site, class))
		fmt.Fprintf(stderr, "lab assign: the class link is above; the teacher key is in %s (keep it secret and safe)\n", *keyFile)
		return 0
	}
	links, err := homework.StudentLinks(a, key, names)
	if err != nil {
		return fail(err)
	}
	if err := homework.WriteLinksCSV(stdout, links, *site); err != nil {
		return fail(err)
	}
	fmt.Fprintf(stderr, "lab assign: %d student links above; the class link and the teacher key are in %s (keep it secret and safe)\n", len(names), *keyFile)
	return 0
}

// cmdGrade re-grades codes from files (codes anywhere in them: a list, a
// mail, a form's CSV export) and prints the grades as CSV.
func cmdGrade(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lab grade", flag.ContinueOnError)
	fs.SetOutput(stderr)
	keyFile := fs.String("key", "", "the teacher key file lab assign wrote (without it, variants are not checked)")
	quizFile := fs.String("quiz", "", "the quiz file, when the assignment references one on its site")
	layout := fs.String("layout", "plain", "the CSV's layout: "+strings.Join(homework.Layouts, ", ")+" (what Moodle's and Canvas's grade imports take)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "lab grade: %v\n", err)
		return 1
	}
	if fs.NArg() < 2 {
		fmt.Fprintln(stderr, "lab grade: expected ASSIGNMENT_LINK and one or more FILES of codes")
		return 2
	}
	l, err := homework.DecodeLink(fs.Arg(0))
	if err != nil {
		return fail(err)
	}
	var key *homework.Key
	if *keyFile != "" {
		k, err := readKeyFile(*keyFile)
		if err != nil {
			return fail(err)
		}
		key = &k
	}
	var readPath func(string) ([]byte, error)
	if *quizFile != "" {
		readPath = func(string) ([]byte, error) { return os.ReadFile(*quizFile) }
	}
	q, err := l.Assignment.LoadQuestions(readPath)
	if err != nil {
		return fail(err)
	}
	g, err := homework.NewGrader(l.Assignment, q, key)
	if err != nil {
		return fail(err)
	}
	var codes []string
	for _, name := range fs.Args()[1:] {
		data, err := readLimited(name, 64<<20)
		if err != nil {
			return fail(err)
		}
		found := homework.FindCodes(string(data))
		if len(found) == 0 {
			fmt.Fprintf(stderr, "lab grade: %s: no codes found (they start with awl1.)\n", name)
		}
		codes = append(codes, found...)
	}
	r := g.Grade(codes)
	for _, p := range r.Problems {
		fmt.Fprintf(stderr, "lab grade: %v\n", p)
	}
	if err := r.WriteLayout(stdout, *layout, l.Assignment.Title); err != nil {
		return fail(err)
	}
	return 0
}

// readKeyFile reads the key of a key file.
func readKeyFile(name string) (homework.Key, error) {
	data, err := readLimited(name, 64<<10)
	if err != nil {
		return homework.Key{}, err
	}
	k, err := homework.ReadKeyFile(string(data))
	switch {
	case err != nil:
		return homework.Key{}, fmt.Errorf("%s: %v", name, err)
	case k == nil:
		return homework.Key{}, fmt.Errorf("%s: no key in the file", name)
	}
	return *k, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sayWhatWasSetAside tells the teacher which questions of their file the
// assignment leaves out, and why: students are told too.
func sayWhatWasSetAside(stderr io.Writer, name string, data []byte) {
	q, err := quizsim.Read(name, data)
	if err != nil || len(q.Problems) == 0 {
		return // Make has refused what Read refuses
	}
	for _, e := range q.Problems {
		if e.Line > 0 {
			fmt.Fprintf(stderr, "lab assign: %s:%d: %s\n", name, e.Line, e.Msg)
		} else {
			fmt.Fprintf(stderr, "lab assign: %s: %s\n", name, e.Msg)
		}
	}
	if len(q.SetAside) > 0 {
		fmt.Fprintf(stderr, "lab assign: %d of the file's questions set aside (students are told which); the assignment has the other %d\n",
			len(q.SetAside), len(q.Questions))
	} else {
		fmt.Fprintf(stderr, "lab assign: every question of the file is in the assignment; what the problems above touch is left out (students are told)\n")
	}
}
