package sim

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pyStrRepr is Python's repr() of a str: single quotes unless the text
// holds a single quote and no double quote; backslashes and the quote
// escaped; characters that are not printable written as \xNN, \uNNNN or
// \UNNNNNNNN, as CPython does.
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
		case r < ' ' || r == 0x7f || (r > 0x7f && !unicode.IsPrint(r)):
			switch {
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// allowedRanges are the characters a scenario's text may use: scripts,
// punctuation, symbols and emoji whose Unicode properties have not changed
// between Python 3.11's Unicode 14 and Go's Unicode 15, so that the
// engine's repr() escapes exactly the characters CPython escapes.
var allowedRanges = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x24f}, {0x370, 0x3ff}, {0x400, 0x4ff},
	{0x2000, 0x206f}, {0x20a0, 0x20bf}, {0x2100, 0x214f}, {0x2190, 0x23ff},
	{0x2460, 0x27bf}, {0x2b00, 0x2bff}, {0x3000, 0x30ff}, {0x4e00, 0x9fff},
	{0xac00, 0xd7a3}, {0xfe00, 0xfe0f}, {0xff00, 0xffef},
	{0x1f1e6, 0x1f1ff}, {0x1f300, 0x1f64f}, {0x1f680, 0x1f6db}, {0x1f6dd, 0x1f6ff},
	{0x1f900, 0x1f9ff},
}

// allowedText reports whether every character of s is in allowedRanges.
func allowedText(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError {
			return false
		}
		ok := false
		for _, rg := range allowedRanges {
			if r >= rg[0] && r <= rg[1] {
				ok = true
				break
			}
		}
		if !ok {
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
