package share

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is what Encode and Decode return: which part of the link was wrong
// and what was expected, worded for the person who pasted the link.
type Error struct {
	// Part names the part at fault: "link" (the fragment as a whole),
	// "version", "kind", "preset", "scenario", "step", "option" or "design".
	Part string
	// Msg says what was wrong and what was expected. It may span several
	// lines (one per problem of a scenario).
	Msg string
	// Err is the underlying error, such as sim.Decode's *sim.ScenarioError,
	// or nil.
	Err error
}

// Error prefixes every line with "share link: " so that each line still
// says where it comes from when the app lists them apart.
func (e *Error) Error() string {
	return "share link: " + strings.ReplaceAll(e.Msg, "\n", "\nshare link: ")
}

// Unwrap gives errors.As access to the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func errorf(part, format string, args ...any) *Error {
	return &Error{Part: part, Msg: fmt.Sprintf(format, args...)}
}

// quoteShort quotes s for a message, cut to a few characters: a bad part
// can be kilobytes long and the message only needs to point at it.
func quoteShort(s string) string {
	const max = 24
	if len(s) <= max {
		return fmt.Sprintf("%q", s)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q…", s[:cut])
}
