package homework

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Submission is what a student hands in: raw answers only. Nothing in it
// is a score; the teacher's side recomputes every point from the keys.
type Submission struct {
	// Assignment and Fingerprint name the assignment answered.
	Assignment  string `json:"a"`
	Fingerprint string `json:"fp"`
	Student     string `json:"u"`
	// Seed is the student's variant (hexadecimal in the code).
	Seed uint64 `json:"-"`
	// Questions are the answered questions, each with every try in order.
	Questions []QuestionAnswer `json:"q,omitempty"`
	// Challenges are the answered predict challenges.
	Challenges []ChallengeAnswer `json:"c,omitempty"`
	// HandedIn is when the code was made, in Unix seconds by the
	// student's device clock (which the student controls).
	HandedIn int64 `json:"t"`
	// App is the version of the app that made the code.
	App string `json:"v"`
}

// QuestionAnswer is every try at one question.
type QuestionAnswer struct {
	// Q is the question's number in the assignment's quiz (1-based).
	Q     int   `json:"q"`
	Tries []Try `json:"tries"`
}

// Try is one check of an answer: the chosen answers (1-based, as in the
// file; a sequence's whole order) and when, in Unix seconds.
type Try struct {
	Chosen []int `json:"c"`
	At     int64 `json:"t"`
}

// ChallengeAnswer is the answer to one predict challenge of an example.
type ChallengeAnswer struct {
	Example string `json:"x"`
	// N is the challenge's number in the example's run (1-based).
	N int `json:"n"`
	// Order (an ordering challenge) lists item IDs; Option (what
	// __aexit__ receives) is the chosen option's number (1-based).
	Order  []string `json:"o,omitempty"`
	Option int      `json:"p,omitempty"`
	At     int64    `json:"t"`
}

// Codes look like awl1.DATA.CHECK: the version, the submission as
// deflated JSON in base64url, and a CRC-32 of DATA that catches a code
// damaged by copying.
const codePrefix = "awl1."

// MaxCodeBytes bounds a code.
const MaxCodeBytes = 256 << 10

// codePattern finds codes in any text: a mail, a form's CSV export.
var codePattern = regexp.MustCompile(`awl[0-9]+\.[A-Za-z0-9_.-]+`)

// submissionJSON is the wire form: the seed as hexadecimal text, which
// JSON numbers cannot hold exactly.
type submissionJSON struct {
	Submission
	Seed string `json:"s"`
}

// Encode writes the submission as a code.
func (s *Submission) Encode() (string, error) {
	data, err := json.Marshal(submissionJSON{*s, strconv.FormatUint(s.Seed, 16)})
	if err != nil {
		return "", err
	}
	body := pack(data)
	code := codePrefix + body + "." + fmt.Sprintf("%08x", crc32.ChecksumIEEE([]byte(body)))
	if len(code) > MaxCodeBytes {
		return "", fmt.Errorf("the code would be %d bytes; at most %d", len(code), MaxCodeBytes)
	}
	return code, nil
}

// DecodeCode reads a code, strictly: a damaged, truncated or foreign code
// says what is wrong with it.
func DecodeCode(code string) (*Submission, error) {
	code = strings.TrimSpace(code)
	if len(code) > MaxCodeBytes {
		return nil, fmt.Errorf("the code is %d bytes; at most %d", len(code), MaxCodeBytes)
	}
	if !strings.HasPrefix(code, codePrefix) {
		if strings.HasPrefix(code, "awl") {
			return nil, fmt.Errorf("the code's version is newer than this app reads (awl1)")
		}
		return nil, fmt.Errorf("expected a code starting %q", codePrefix)
	}
	body, check, ok := strings.Cut(code[len(codePrefix):], ".")
	if !ok || len(check) != 8 {
		return nil, fmt.Errorf("the code is cut short: its check digits are missing")
	}
	if fmt.Sprintf("%08x", crc32.ChecksumIEEE([]byte(body))) != check {
		return nil, fmt.Errorf("the code is damaged (its check digits do not match): copy it again, whole")
	}
	data, err := unpack(body)
	if err != nil {
		return nil, fmt.Errorf("the code %v", err)
	}
	var w submissionJSON
	if err := strictJSON(data, &w); err != nil {
		return nil, fmt.Errorf("the code %v", err)
	}
	s := w.Submission
	if s.Seed, err = strconv.ParseUint(w.Seed, 16, 64); err != nil {
		return nil, fmt.Errorf("the code's seed %q is not a hexadecimal number", w.Seed)
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return &s, nil
}

// check refuses what no app writes.
func (s *Submission) check() error {
	var errs problems
	if strings.TrimSpace(s.Student) == "" || !utf8.ValidString(s.Student) || utf8.RuneCountInString(s.Student) > MaxTitle {
		errs.add("student", "expected a name of 1 to %d characters", MaxTitle)
	}
	for i, q := range s.Questions {
		if q.Q < 1 {
			errs.add(fmt.Sprintf("questions[%d]", i), "expected a question number from 1")
		}
		if len(q.Tries) == 0 {
			errs.add(fmt.Sprintf("questions[%d]", i), "expected at least one try")
		}
	}
	for i, c := range s.Challenges {
		if c.Example == "" || c.N < 1 {
			errs.add(fmt.Sprintf("challenges[%d]", i), "expected an example and a challenge number from 1")
		}
	}
	return errs.err()
}

// FindCodes finds every code in a text: pasted codes, a file of them, or
// the CSV a form or an LMS exports (codes in any column).
func FindCodes(text string) []string {
	return codePattern.FindAllString(text, -1)
}
