package sim

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Python identifiers may hold letters of any script (PEP 3131). The
// scenario takes those of Latin, Greek and Cyrillic, the scripts the
// app's fonts draw (code shows in them; CJK or Hangul would be boxes), by
// the categories of XID_Start and XID_Continue.

// maxIdentRune is the end of the Cyrillic Supplement block: below it lie
// the Latin, Greek and Cyrillic letters.
const maxIdentRune = 0x052F

// identRune reports whether the non-ASCII rune r may stand in an
// identifier, first or later.
func identRune(r rune, first bool) bool {
	if r > maxIdentRune {
		return false
	}
	if unicode.In(r, unicode.L, unicode.Nl, unicode.Other_ID_Start) {
		return true
	}
	return !first && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// identProblem says what is wrong with a name that is no identifier here
// for a reason the generic message would not tell: a letter of another
// script, or a spelling Python would change. It returns "" otherwise.
func identProblem(name string) string {
	if msg := nfkcProblem(name); msg != "" {
		return msg
	}
	for _, r := range name {
		if r > maxIdentRune && unicode.IsLetter(r) {
			return "names may hold Latin, Greek and Cyrillic letters (the app's fonts draw no others)"
		}
	}
	return ""
}

// nfkcProblem says why a name would not stay itself in Python, which
// reads every identifier in NFKC form: "ﬁle" is file there, so two names
// of a scenario could be one name in the program. It returns "" for a
// name already in that form.
func nfkcProblem(name string) string {
	if norm.NFKC.IsNormalString(name) {
		return ""
	}
	return "Python reads it as " + norm.NFKC.String(name) + "; write it that way"
}
