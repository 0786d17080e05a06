package ui

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"asyncwithlab/quiz"
)

// frag is a piece of text placed on a line.
type frag struct {
	x      float64
	s      string
	face   *text.GoTextFace
	col    color.Color
	codeBg bool // a code span: drawn on a light panel
}

// line is one laid-out line of text.
type line struct {
	frags []frag
	w, h  float64
}

// emojiNames replaces the emoji the course documents use, which the Go
// fonts do not have, by short words: never an empty box on screen.
var emojiNames = map[rune]string{
	'🔗': "[link]", '💬': "[chat]", '✅': "[ok]", '❌': "[x]", '⚠': "[!]", '🚀': "", '🐍': "[py]",
	'✨': "", '🛠': "", '📘': "", '📗': "", '🔄': "", '🤔': "", '🎉': "",
}

// displayable returns s with every character the Go fonts cannot draw
// replaced: known emoji by a word, other pictographs by a bullet.
func displayable(s string) string {
	ok := true
	for _, r := range s {
		if r >= 0x2190 && !fontHas(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0xFE0F || r == 0x200D:
		case r >= 0x2190 && !fontHas(r):
			if name, known := emojiNames[r]; known {
				b.WriteString(name)
			} else {
				b.WriteRune('•')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fontHas says whether the Go fonts (regular, bold and mono alike) draw
// a rune. Below U+2190 they do; above it they cover only part of WGL4 (no
// emoji), listed in goFontRanges, which a test checks against the fonts.
func fontHas(r rune) bool {
	if r < 0x2190 {
		return true
	}
	for _, rg := range goFontRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// goFontRanges are the runes from U+2190 up that all three Go fonts have.
var goFontRanges = [][2]rune{
	{0x2190, 0x2195},
	{0x21A8, 0x21A8},
	{0x2202, 0x2202},
	{0x2206, 0x2206},
	{0x220F, 0x220F},
	{0x2211, 0x2212},
	{0x2215, 0x2215},
	{0x2219, 0x221A},
	{0x221E, 0x221F},
	{0x2229, 0x222B},
	{0x2248, 0x2248},
	{0x2260, 0x2261},
	{0x2264, 0x2265},
	{0x2302, 0x2302},
	{0x2310, 0x2310},
	{0x2320, 0x2321},
	{0x2500, 0x2500},
	{0x2502, 0x2502},
	{0x250C, 0x250C},
	{0x2510, 0x2510},
	{0x2514, 0x2514},
	{0x2518, 0x2518},
	{0x251C, 0x251C},
	{0x2524, 0x2524},
	{0x252C, 0x252C},
	{0x2534, 0x2534},
	{0x253C, 0x253C},
	{0x2550, 0x256C},
	{0x2580, 0x2580},
	{0x2584, 0x2584},
	{0x2588, 0x2588},
	{0x258C, 0x258C},
	{0x2590, 0x2593},
	{0x25A0, 0x25A1},
	{0x25AA, 0x25AC},
	{0x25B2, 0x25B2},
	{0x25BA, 0x25BA},
	{0x25BC, 0x25BC},
	{0x25C4, 0x25C4},
	{0x25CA, 0x25CB},
	{0x25CF, 0x25CF},
	{0x25D8, 0x25D9},
	{0x25E6, 0x25E6},
	{0x263A, 0x263C},
	{0x2640, 0x2640},
	{0x2642, 0x2642},
	{0x2660, 0x2660},
	{0x2663, 0x2663},
	{0x2665, 0x2666},
	{0x266A, 0x266B},
	{0xF800, 0xF800},
	{0xFB01, 0xFB02},
	{0xFFFD, 0xFFFD},
}

// wrapRuns lays out styled runs in lines no wider than width (device px).
func (t *theme) wrapRuns(runs []quiz.Run, width, size float64, base color.Color, bold bool) []line {
	regular := fontRegular
	if bold {
		regular = fontBold
	}
	type word struct {
		s       string
		face    *text.GoTextFace
		col     color.Color
		code    bool
		space   bool // a space before it
		newline bool
	}
	var words []word
	pending := false // whitespace seen since the last word
	for _, r := range runs {
		face, col, code := t.face(regular, size), color.Color(base), false
		switch r.Style {
		case quiz.Code:
			face, code = t.face(fontMono, size*0.92), true
		case quiz.Strong, quiz.EmphStrong:
			face = t.face(fontBold, size)
		}
		if r.Link != "" {
			col = colAccent
		}
		for i, part := range strings.Split(displayable(r.Text), "\n") {
			if i > 0 {
				words = append(words, word{newline: true})
				pending = false
			}
			for k := 0; k < len(part); {
				for k < len(part) && (part[k] == ' ' || part[k] == '\t') {
					k++
					pending = true
				}
				start := k
				for k < len(part) && part[k] != ' ' && part[k] != '\t' {
					k++
				}
				if k > start {
					words = append(words, word{s: part[start:k], face: face, col: col, code: code, space: pending})
					pending = false
				}
			}
		}
	}
	var lines []line
	cur := line{}
	lineH := t.px(size) * 1.45
	flush := func() {
		cur.h = lineH
		lines = append(lines, cur)
		cur = line{}
	}
	x := 0.0
	// glued[i] is the width of the words that follow word i with no space
	// between (a code span and its comma): they move to a new line with it.
	glued := make([]float64, len(words))
	for i := len(words) - 2; i >= 0; i-- {
		if n := words[i+1]; !n.newline && !n.space {
			glued[i] = text.Advance(n.s, n.face) + glued[i+1]
		}
	}
	for i, w := range words {
		if w.newline {
			flush()
			x = 0
			continue
		}
		sp := 0.0
		if w.space && x > 0 {
			sp = text.Advance(" ", w.face)
		}
		adv := text.Advance(w.s, w.face)
		continuing := !w.space && x > 0 // glued to the word before it
		if x > 0 && !continuing && x+sp+adv+glued[i] > width {
			flush()
			x, sp = 0, 0
		}
		// A word longer than the line is cut by characters.
		for x == 0 && adv > width && utf8.RuneCountInString(w.s) > 1 {
			cut := fitPrefix(w.s, w.face, width)
			cur.frags = append(cur.frags, frag{x: 0, s: cut, face: w.face, col: w.col, codeBg: w.code})
			cur.w = text.Advance(cut, w.face)
			flush()
			w.s = w.s[len(cut):]
			adv = text.Advance(w.s, w.face)
		}
		cur.frags = append(cur.frags, frag{x: x + sp, s: w.s, face: w.face, col: w.col, codeBg: w.code})
		x += sp + adv
		cur.w = x
	}
	if len(cur.frags) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// fitPrefix is the longest prefix of s (at least one rune) that fits.
func fitPrefix(s string, face *text.GoTextFace, width float64) string {
	// Binary search over rune boundaries: each probe shapes a prefix, so
	// a long string costs a few probes rather than one per rune.
	var ends []int
	for i, r := range s {
		ends = append(ends, i+utf8.RuneLen(r))
	}
	if len(ends) == 0 {
		return ""
	}
	lo, hi := 1, len(ends) // the answer keeps at least one rune
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if text.Advance(s[:ends[mid-1]], face) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return s[:ends[lo-1]]
}

var pyKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`False None True and as assert async await break class continue def del elif
		else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield`) {
		pyKeywords[k] = true
	}
}

// codeLines lays out a code listing in monospace with Python syntax
// colours; lines longer than width wrap by characters.
func (t *theme) codeLines(code string, width, size float64, python bool) []line {
	face := t.face(fontMono, size)
	lineH := t.px(size) * 1.4
	var out []line
	for _, src := range strings.Split(displayable(strings.ReplaceAll(code, "\t", "    ")), "\n") {
		toks := []codeTok{{s: src, col: colCode}}
		if python {
			toks = highlightPython(src)
		}
		cur := line{h: lineH}
		x := 0.0
		for _, tk := range toks {
			s := tk.s
			for s != "" {
				adv := text.Advance(s, face)
				if x+adv <= width {
					cur.frags = append(cur.frags, frag{x: x, s: s, face: face, col: tk.col})
					x += adv
					break
				}
				part := fitPrefix(s, face, width-x)
				if x > 0 && text.Advance(part, face) > width-x {
					part = ""
				}
				if part != "" {
					cur.frags = append(cur.frags, frag{x: x, s: part, face: face, col: tk.col})
				}
				cur.w = width
				out = append(out, cur)
				cur = line{h: lineH}
				x = 0
				s = s[len(part):]
			}
		}
		cur.w = x
		out = append(out, cur)
	}
	return out
}

type codeTok struct {
	s   string
	col color.Color
}

// highlightPython splits one line into coloured tokens: keywords, strings,
// comments, numbers, decorators and names after def/class.
func highlightPython(src string) []codeTok {
	var out []codeTok
	add := func(s string, c color.Color) {
		if s != "" {
			out = append(out, codeTok{s, c})
		}
	}
	prevKeyword := ""
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '#':
			add(src[i:], colCodeComment)
			return out
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			// an f/r/b prefix was already emitted as a name; colour it too
			add(src[i:j], colCodeString)
			i = j
			continue
		case c == '@':
			j := i + 1
			for j < len(src) && (isIdentByte(src[j]) || src[j] == '.') {
				j++
			}
			add(src[i:j], colCodeName)
			i = j
			continue
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' || src[j] == '_') {
				j++
			}
			add(src[i:j], colCodeNumber)
			i = j
			continue
		case isIdentByte(c) || c >= 0x80:
			j := i
			for j < len(src) && (isIdentByte(src[j]) || src[j] >= 0x80) {
				j++
			}
			word := src[i:j]
			col := color.Color(colCode)
			switch {
			case pyKeywords[word]:
				col = colCodeKeyword
			case prevKeyword == "def" || prevKeyword == "class":
				col = colCodeName
			case j < len(src) && (src[j] == '"' || src[j] == '\'') && len(word) <= 2 && strings.ContainsAny(strings.ToLower(word), "frb"):
				col = colCodeString
			}
			if pyKeywords[word] {
				prevKeyword = word
			} else {
				prevKeyword = ""
			}
			add(word, col)
			i = j
			continue
		}
		j := i + 1
		for j < len(src) && !isIdentByte(src[j]) && src[j] != '#' && src[j] != '"' && src[j] != '\'' && src[j] != '@' && !(src[j] >= '0' && src[j] <= '9') && src[j] < 0x80 {
			j++
		}
		if !unicode.IsSpace(rune(c)) && c != ' ' {
			prevKeyword = ""
		}
		add(src[i:j], colCode)
		i = j
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
