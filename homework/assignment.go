package homework

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"golang.org/x/crypto/blake2b"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"asyncwithlab/quiz"
)

// Version is the format version of links, keys and codes that this
// package writes, and the newest it reads.
const Version = 1

// Limits that keep a hostile link or code from costing much to read.
const (
	// MaxLinkBytes bounds an assignment link's fragment.
	MaxLinkBytes = 64 << 10
	// MaxEmbeddedQuiz bounds a teacher's quizdown embedded in the link;
	// a larger file is referenced by its path instead.
	MaxEmbeddedQuiz = 24 << 10
	// MaxInflated bounds what a link or code inflates to.
	MaxInflated = 1 << 20
	// MaxTitle bounds an assignment's title and a student's name, in
	// characters.
	MaxTitle = 120
	// MaxChallenges bounds the examples an assignment asks about.
	MaxChallenges = 20
)

// Assignment is what a teacher gives a class. Its link carries all of it;
// nothing is stored anywhere else.
type Assignment struct {
	// ID is random, made when the assignment is made: two assignments
	// with the same content still differ.
	ID    string `json:"id"`
	Title string `json:"title"`
	// Quiz says where the questions come from.
	Quiz QuizSource `json:"quiz"`
	// Challenges are built-in examples played in predict mode; every
	// challenge of each one is graded.
	Challenges []string `json:"challenges,omitempty"`
	// Mode is the feedback: "immediate", "deferred" or "interactive".
	Mode string `json:"mode"`
	// Penalty is the share of a point a wrong try costs (interactive; 0:
	// the quiz package's default, half a point).
	Penalty float64 `json:"penalty,omitempty"`
	// Tries is how many checks a question allows (interactive; 0: as many
	// as it has answers).
	Tries int `json:"tries,omitempty"`
	// PassingGrade is a percentage (0: none).
	PassingGrade int `json:"pass,omitempty"`
	// Draw is the number of questions each student gets, drawn by their
	// seed (0: all).
	Draw int `json:"draw,omitempty"`
	// Due is an informational due date, YYYY-MM-DD ("" : none). Nothing
	// enforces it: a code's times come from the student's device.
	Due string `json:"due,omitempty"`
}

// QuizSource is where an assignment's questions come from: the built-in
// bank (some or all of its questions), a quizdown text embedded in the
// link, or a same-origin path to one.
type QuizSource struct {
	// Builtin: the app's own bank (its questions and keys are the same in
	// every language, so the student's language does not matter).
	Builtin bool `json:"builtin,omitempty"`
	// Questions picks questions of the source by number (1-based, in the
	// file's order); empty: all.
	Questions []int `json:"questions,omitempty"`
	// Text is a teacher's quizdown file, embedded.
	Text string `json:"text,omitempty"`
	// Path is a teacher's quizdown file on the same site as the app.
	Path string `json:"path,omitempty"`
	// Fingerprint is quiz.Fingerprint of the questions when the
	// assignment was made, so that grading against another version of the
	// file (or bank) is caught.
	Fingerprint string `json:"fp"`
}

// Modes are the feedback modes an assignment may name, with the quiz
// package's.
var Modes = map[string]quiz.Mode{"immediate": quiz.Immediate, "deferred": quiz.Deferred, "interactive": quiz.Interactive}

// Fingerprint identifies the assignment's content (its link's data): a
// code names it, so a code handed in for another assignment, or for an
// edited one, is flagged.
func (a *Assignment) Fingerprint() string {
	data, _ := json.Marshal(a)
	sum := blake2b.Sum256(data)
	return hex.EncodeToString(sum[:6])
}

// Problem is one thing wrong with an assignment, a link, a key or a code:
// where, and what was expected.
type Problem struct {
	Where string
	Msg   string
}

func (p Problem) Error() string {
	if p.Where == "" {
		return p.Msg
	}
	return p.Where + ": " + p.Msg
}

// Check lists what is wrong with the assignment's settings (nil: none).
func (a *Assignment) Check() error {
	var errs problems
	if strings.TrimSpace(a.Title) == "" {
		errs.add("title", "expected a title")
	} else if n := utf8.RuneCountInString(a.Title); n > MaxTitle {
		errs.add("title", "is %d characters; at most %d", n, MaxTitle)
	}
	if len(a.ID) != 16 || strings.Trim(a.ID, "0123456789abcdef") != "" {
		errs.add("id", "expected 16 hexadecimal digits")
	}
	q := a.Quiz
	sources := 0
	for _, set := range []bool{q.Builtin, q.Text != "", q.Path != ""} {
		if set {
			sources++
		}
	}
	if sources != 1 && !(sources == 0 && len(a.Challenges) > 0 && len(q.Questions) == 0) {
		errs.add("quiz", "expected exactly one of builtin, text or path (or no questions and some challenges)")
	}
	if len(q.Text) > MaxEmbeddedQuiz {
		errs.add("quiz.text", "is %d bytes; a file over %d is referenced by its path", len(q.Text), MaxEmbeddedQuiz)
	}
	if q.Path != "" && !strings.HasPrefix(q.Path, "/") && !strings.HasPrefix(q.Path, "./") && strings.Contains(q.Path, ":") {
		errs.add("quiz.path", "%q is on another site; expected a path on this one", q.Path)
	}
	for i, n := range q.Questions {
		if n < 1 {
			errs.add(fmt.Sprintf("quiz.questions[%d]", i), "expected a question number from 1")
		}
	}
	if len(a.Challenges) > MaxChallenges {
		errs.add("challenges", "has %d examples; at most %d", len(a.Challenges), MaxChallenges)
	}
	if _, ok := Modes[a.Mode]; !ok {
		errs.add("mode", "%q: expected immediate, deferred or interactive", a.Mode)
	}
	if a.Penalty < 0 || a.Penalty > 1 {
		errs.add("penalty", "expected a share of a point between 0 and 1")
	}
	if a.Tries < 0 || a.Tries > 20 {
		errs.add("tries", "expected 0 (as many as answers) to 20")
	}
	if a.PassingGrade < 0 || a.PassingGrade > 100 {
		errs.add("pass", "expected a percentage from 0 to 100")
	}
	if a.Draw < 0 {
		errs.add("draw", "expected 0 (all) or more questions")
	}
	if a.Due != "" {
		if _, err := time.Parse(time.DateOnly, a.Due); err != nil {
			errs.add("due", "%q: expected a date as YYYY-MM-DD", a.Due)
		}
	}
	return errs.err()
}

// problems collects Problems.
type problems []Problem

func (ps *problems) add(where, format string, args ...any) {
	*ps = append(*ps, Problem{where, fmt.Sprintf(format, args...)})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &Error{ps}
}

// Error lists every problem found, one a line.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// The fixed words of the link format (see the package documentation).
const (
	linkVersion = "v1"
	linkKind    = "a"
	studentMark = "u"
)

var b64 = base64.RawURLEncoding

// Link is an assignment link's fragment (without '#'): the assignment,
// and for a per-student link the student's name and seed.
type Link struct {
	Assignment *Assignment
	// Student and Seed are set in a per-student link ("" and 0 in a class
	// link, where the student types a name and gets a seed from it).
	Student string
	Seed    uint64
}

// Encode writes the link fragment: v1.a.DATA for a class link,
// v1.a.DATA.u.NAME.SEED for a student's.
func (l Link) Encode() (string, error) {
	if err := l.Assignment.Check(); err != nil {
		return "", err
	}
	data, err := json.Marshal(l.Assignment)
	if err != nil {
		return "", err
	}
	s := linkVersion + "." + linkKind + "." + pack(data)
	if l.Student != "" {
		s += "." + studentMark + "." + b64.EncodeToString([]byte(l.Student)) + "." + strconv.FormatUint(l.Seed, 16)
	}
	if len(s) > MaxLinkBytes {
		return "", fmt.Errorf("the link would be %d bytes; at most %d fit (reference the quiz file by its path)", len(s), MaxLinkBytes)
	}
	return s, nil
}

// DecodeLink reads a link fragment, or a whole address holding one.
func DecodeLink(s string) (Link, error) {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	s = strings.TrimSpace(s)
	if len(s) > MaxLinkBytes {
		return Link{}, fmt.Errorf("assignment link: is %d bytes; at most %d", len(s), MaxLinkBytes)
	}
	parts := strings.Split(s, ".")
	if len(parts) < 3 || parts[0] != linkVersion || parts[1] != linkKind {
		if len(parts) > 0 && strings.HasPrefix(parts[0], "v") && parts[0] != linkVersion {
			return Link{}, fmt.Errorf("assignment link: version %q is newer than this app reads (%s)", parts[0], linkVersion)
		}
		return Link{}, fmt.Errorf("assignment link: expected v1.a.DATA")
	}
	data, err := unpack(parts[2])
	if err != nil {
		return Link{}, fmt.Errorf("assignment link: the data %v", err)
	}
	a := &Assignment{}
	if err := strictJSON(data, a); err != nil {
		return Link{}, fmt.Errorf("assignment link: the data %v", err)
	}
	if err := a.Check(); err != nil {
		return Link{}, fmt.Errorf("assignment link: %w", err)
	}
	l := Link{Assignment: a}
	switch rest := parts[3:]; {
	case len(rest) == 0:
	case len(rest) == 3 && rest[0] == studentMark:
		name, err := b64.DecodeString(rest[1])
		if err != nil || !utf8.Valid(name) || strings.TrimSpace(string(name)) == "" || utf8.RuneCount(name) > MaxTitle {
			return Link{}, fmt.Errorf("assignment link: the student's name is not readable")
		}
		seed, err := strconv.ParseUint(rest[2], 16, 64)
		if err != nil {
			return Link{}, fmt.Errorf("assignment link: the student's seed %q is not a hexadecimal number", rest[2])
		}
		l.Student, l.Seed = string(name), seed
	default:
		return Link{}, fmt.Errorf("assignment link: expected nothing or .u.NAME.SEED after the data")
	}
	return l, nil
}

// pack deflates data and writes it in base64url.
func pack(data []byte) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	return b64.EncodeToString(buf.Bytes())
}

// unpack reverses pack, refusing more than MaxInflated bytes.
func unpack(s string) ([]byte, error) {
	raw, err := b64.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("is not base64url text")
	}
	r := flate.NewReader(bytes.NewReader(raw))
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, MaxInflated+1))
	if err != nil {
		return nil, fmt.Errorf("is damaged (it does not inflate)")
	}
	if len(data) > MaxInflated {
		return nil, fmt.Errorf("inflates to more than %d bytes", MaxInflated)
	}
	return data, nil
}

// strictJSON decodes one JSON object, refusing unknown fields and
// trailing data.
func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("is not what was expected: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	if dec.More() {
		return fmt.Errorf("has more after its end")
	}
	return nil
}
