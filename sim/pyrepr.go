package sim

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// pyStrRepr is Python's repr() of a str: single quotes unless the text
// holds a single quote and no double quote.
func pyStrRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteByte(q)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// printableText reports whether s holds only characters that Python and Go
// agree are printable, so that print output and repr() match CPython.
func printableText(s string) bool {
	for _, r := range s {
		if r == ' ' {
			continue
		}
		if !unicode.IsPrint(r) || r == '\uFFFD' {
			// Emoji and most symbols are printable in both; control
			// characters, separators and invalid UTF-8 are not.
			if r >= 0x1F000 && r <= 0x1FAFF { // emoji planes: printable in Python
				continue
			}
			return false
		}
	}
	return true
}

// pyFloat writes a duration the way a Python program would: 1 for whole
// numbers (as the documents write asyncio.sleep(1)), else repr(float).
// Durations are validated to lie in [0.001, 86400] (or be 0), where
// Python's repr never switches to exponent form, so 'f' formatting agrees.
func pyFloat(f float64) string {
	if f == float64(int64(f)) && f < 1e15 && f > -1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func sortStrings(s []string) { sort.Strings(s) }
