package quiz

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns a block's inline Markdown into styled runs: code spans,
// emphasis (CommonMark's delimiter rules, which marked's emStrong rule
// follows), links, autolinks and bare URLs (GFM), backslash escapes,
// character references (decoded, as the browser does after marked), hard
// and soft line breaks. HTML comments are left out (the browser hides
// them); other inline HTML is kept as its text; ~~struck~~ text keeps its
// words.

// inode is a piece of inline text before emphasis is resolved.
type inode struct {
	text  string
	code  bool
	link  string
	runs  []Run // a link's own runs
	delim byte  // '*' or '_' for a delimiter run, else 0
	n     int   // delimiter characters left
	open  bool
	close bool
	emph  int
	bold  int
}

// inlineRuns converts inline Markdown to runs; links holds the document's
// link definitions.
func inlineRuns(src string, links map[string]string) []Run {
	nodes := scanInline(src, links)
	resolveEmphasis(nodes)
	var out []Run
	add := func(text string, style Style, link string) {
		if text == "" {
			return
		}
		if k := len(out); k > 0 && out[k-1].Style == style && out[k-1].Link == link {
			out[k-1].Text += text
			return
		}
		out = append(out, Run{Text: text, Style: style, Link: link})
	}
	for _, n := range nodes {
		style := Plain
		switch {
		case n.code:
			style = Code
		case n.emph > 0 && n.bold > 0:
			style = EmphStrong
		case n.bold > 0:
			style = Strong
		case n.emph > 0:
			style = Emph
		}
		if n.runs != nil {
			for _, r := range n.runs {
				s := r.Style
				if s == Plain {
					s = style
				}
				add(r.Text, s, r.Link)
			}
			continue
		}
		text := n.text
		if n.delim != 0 {
			text = strings.Repeat(string(n.delim), n.n)
		}
		add(text, style, n.link)
	}
	if k := len(out); k > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[k-1].Text = strings.TrimRight(out[k-1].Text, " ")
		if out[k-1].Text == "" {
			out = out[:k-1]
		}
		if len(out) > 0 && out[0].Text == "" {
			out = out[1:]
		}
	}
	return out
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// scanInline splits src into text, code, links and delimiter runs.
func scanInline(src string, links map[string]string) []*inode {
	var nodes []*inode
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			nodes = append(nodes, &inode{text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			text.WriteByte('\n') // a hard break
			i += 2
			continue
		case c == '\\' && i+1 < len(src) && strings.IndexByte(asciiPunct, src[i+1]) >= 0:
			text.WriteByte(src[i+1])
			i += 2
			continue
		case c == '\n':
			// Two or more spaces before it: a hard break; else a space.
			t := text.String()
			trimmed := strings.TrimRight(t, " ")
			hard := len(t)-len(trimmed) >= 2
			text.Reset()
			text.WriteString(trimmed)
			if hard {
				text.WriteByte('\n')
			} else {
				text.WriteByte(' ')
			}
			i++
			for i < len(src) && src[i] == ' ' {
				i++
			}
			continue
		case c == '<' && strings.HasPrefix(src[i:], "<!--") && !strings.HasPrefix(src[i+4:], ">") && !strings.HasPrefix(src[i+4:], "->"):
			// An HTML comment (marked's inline rule): the browser never
			// shows it, so neither does the app.
			if end := strings.Index(src[i+4:], "-->"); end >= 0 {
				i += 4 + end + 3
				continue
			}
			text.WriteByte(c)
			i++
			continue
		case c == '`':
			if n, code, ok := codeSpan(src, i); ok {
				flush()
				nodes = append(nodes, &inode{text: code, code: true})
				i = n
				continue
			}
			j := i
			for j < len(src) && src[j] == '`' {
				j++
			}
			text.WriteString(src[i:j])
			i = j
			continue
		case c == '&':
			if n, s, ok := charRef(src, i); ok {
				text.WriteString(s)
				i = n
				continue
			}
		case c == '<':
			if n, url, label, ok := autolink(src, i); ok {
				flush()
				nodes = append(nodes, &inode{text: label, link: url})
				i = n
				continue
			}
		case c == '!' && i+1 < len(src) && src[i+1] == '[':
			if n, label, _, ok := linkAt(src, i+1, links); ok {
				flush() // an image: its description stands in for it
				nodes = append(nodes, &inode{runs: plainOnly(inlineRuns(label, links))})
				i = n
				continue
			}
		case c == '[':
			if n, label, dest, ok := linkAt(src, i, links); ok {
				flush()
				runs := inlineRuns(label, links)
				for k := range runs {
					runs[k].Link = dest
				}
				if runs == nil {
					runs = []Run{}
				}
				nodes = append(nodes, &inode{runs: runs})
				i = n
				continue
			}
		case c == '*' || c == '_':
			j := i
			for j < len(src) && src[j] == c {
				j++
			}
			flush()
			before, _ := utf8.DecodeLastRuneInString(src[:i])
			if i == 0 {
				before = ' '
			}
			after, _ := utf8.DecodeRuneInString(src[j:])
			if j == len(src) {
				after = ' '
			}
			left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
			right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
			d := &inode{delim: c, n: j - i}
			if c == '*' {
				d.open, d.close = left, right
			} else {
				d.open = left && (!right || isPunct(before))
				d.close = right && (!left || isPunct(after))
			}
			nodes = append(nodes, d)
			i = j
			continue
		case c == '~' && strings.HasPrefix(src[i:], "~~"):
			if end := strings.Index(src[i+2:], "~~"); end > 0 {
				flush() // GFM strikethrough: the words stay, without a style
				for _, n := range scanInline(src[i+2:i+2+end], links) {
					nodes = append(nodes, n)
				}
				i += 4 + end
				continue
			}
		case c == 'h' || c == 'w' || c == 'f':
			if n, url, ok := bareURL(src, i); ok && (i == 0 || !isWordByte(src[i-1])) {
				flush()
				nodes = append(nodes, &inode{text: src[i:n], link: url})
				i = n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		text.WriteRune(r)
		i += size
	}
	flush()
	return nodes
}

func plainOnly(runs []Run) []Run {
	for k := range runs {
		runs[k].Link = ""
	}
	if runs == nil {
		runs = []Run{}
	}
	return runs
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// codeSpan reads a code span opening at i: a run of backticks closed by
// a run of the same length. Line breaks become spaces, and one space is
// taken off each end when both ends have one.
func codeSpan(src string, i int) (int, string, bool) {
	j := i
	for j < len(src) && src[j] == '`' {
		j++
	}
	run := j - i
	for k := j; k < len(src); {
		if src[k] != '`' {
			k++
			continue
		}
		e := k
		for e < len(src) && src[e] == '`' {
			e++
		}
		if e-k == run {
			code := strings.ReplaceAll(src[j:k], "\n", " ")
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
				code = code[1 : len(code)-1]
			}
			return e, code, code != "" || k > j
		}
		k = e
	}
	return 0, "", false
}

// charRef decodes a character reference at i: &name;, &#123; or &#x1F;.
func charRef(src string, i int) (int, string, bool) {
	end := strings.IndexByte(src[i:], ';')
	if end < 2 || end > 33 {
		return 0, "", false
	}
	ref := src[i : i+end+1]
	body := ref[1 : len(ref)-1]
	if body[0] == '#' {
		digits := strings.TrimPrefix(strings.TrimPrefix(body[1:], "x"), "X")
		if digits == "" {
			return 0, "", false
		}
	}
	for _, c := range []byte(strings.TrimPrefix(body, "#")) {
		if !isWordByte(c) {
			return 0, "", false
		}
	}
	s := html.UnescapeString(ref)
	if s == ref {
		return 0, "", false
	}
	return i + len(ref), s, true
}

// autolink reads <scheme:...> or <name@host> at i.
func autolink(src string, i int) (int, string, string, bool) {
	end := strings.IndexByte(src[i:], '>')
	if end < 2 {
		return 0, "", "", false
	}
	body := src[i+1 : i+end]
	if strings.ContainsAny(body, " <\n\t") {
		return 0, "", "", false
	}
	if c := strings.IndexByte(body, ':'); c >= 2 && isScheme(body[:c]) {
		return i + end + 1, body, body, true
	}
	if at := strings.IndexByte(body, '@'); at > 0 && strings.Contains(body[at:], ".") {
		return i + end + 1, "mailto:" + body, body, true
	}
	return 0, "", "", false
}

func isScheme(s string) bool {
	if len(s) > 32 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, c := range []byte(s) {
		if !isWordByte(c) && c != '+' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// bareURL reads a GFM bare link: http://, https://, ftp:// or www.,
// without the punctuation that ends a sentence.
func bareURL(src string, i int) (int, string, bool) {
	rest := src[i:]
	prefix := ""
	for _, p := range []string{"https://", "http://", "ftp://", "www."} {
		if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
			prefix = p
			break
		}
	}
	if prefix == "" || len(rest) == len(prefix) {
		return 0, "", false
	}
	j := len(prefix)
	for j < len(rest) && rest[j] != ' ' && rest[j] != '<' && rest[j] != '\n' {
		j++
	}
	for j > len(prefix) && strings.IndexByte("?!.,:;*_~'\"", rest[j-1]) >= 0 {
		j--
	}
	if rest[j-1] == ')' && strings.Count(rest[:j], "(") < strings.Count(rest[:j], ")") {
		j--
	}
	if j <= len(prefix) {
		return 0, "", false
	}
	url := rest[:j]
	if prefix == "www." {
		url = "http://" + url
	}
	return i + j, url, true
}

// linkAt reads [label](destination "title"), [label][ref], [ref][] or
// [ref] (the last three need a definition) at i.
func linkAt(src string, i int, links map[string]string) (int, string, string, bool) {
	depth, j := 0, i
	for ; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
			continue
		case '`':
			if n, _, ok := codeSpan(src, j); ok {
				j = n - 1
			}
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(src) {
		return 0, "", "", false
	}
	label := src[i+1 : j]
	rest := src[j+1:]
	if strings.HasPrefix(rest, "(") {
		k := 1
		for k < len(rest) && rest[k] == ' ' {
			k++
		}
		var dest string
		if k < len(rest) && rest[k] == '<' {
			e := strings.IndexByte(rest[k:], '>')
			if e < 0 {
				return 0, "", "", false
			}
			dest, k = rest[k+1:k+e], k+e+1
		} else {
			s, parens := k, 0
			for k < len(rest) && rest[k] > ' ' {
				if rest[k] == '(' {
					parens++
				} else if rest[k] == ')' {
					if parens == 0 {
						break
					}
					parens--
				}
				k++
			}
			dest = rest[s:k]
		}
		for k < len(rest) && (rest[k] == ' ' || rest[k] == '\n') {
			k++
		}
		if k < len(rest) && (rest[k] == '"' || rest[k] == '\'' || rest[k] == '(') {
			closer := rest[k]
			if closer == '(' {
				closer = ')'
			}
			e := strings.IndexByte(rest[k+1:], closer)
			if e < 0 {
				return 0, "", "", false
			}
			k += e + 2
			for k < len(rest) && rest[k] == ' ' {
				k++
			}
		}
		if k < len(rest) && rest[k] == ')' {
			return j + 1 + k + 1, label, unescapeDest(dest), true
		}
		return 0, "", "", false
	}
	ref := label
	end := j + 1
	if strings.HasPrefix(rest, "[") {
		if e := strings.IndexByte(rest, ']'); e >= 0 {
			if e > 1 {
				ref = rest[1:e]
			}
			end = j + 1 + e + 1
		}
	}
	dest, ok := links[strings.ToLower(strings.Join(strings.Fields(ref), " "))]
	if !ok {
		return 0, "", "", false
	}
	return end, label, dest, true
}

func unescapeDest(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunct, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return html.UnescapeString(b.String())
}

// resolveEmphasis pairs delimiter runs as CommonMark does: a closer
// takes the nearest opener of the same character before it, two
// characters each (strong) when both have two, else one (emphasis);
// a pair where one side can both open and close is skipped when the
// lengths add up to a multiple of 3 and are not both multiples of 3.
//
// bottom keeps, for each character, the index below which no opener is
// left to find, so a paragraph of many unmatched markers stays linear.
func resolveEmphasis(nodes []*inode) {
	bottom := map[byte]int{'*': -1, '_': -1}
	for c := 0; c < len(nodes); c++ {
		closer := nodes[c]
		if closer.delim == 0 || !closer.close {
			continue
		}
		for closer.n > 0 {
			o := -1
			for k := c - 1; k > bottom[closer.delim]; k-- {
				op := nodes[k]
				if op.delim != closer.delim || !op.open || op.n == 0 {
					continue
				}
				if (op.close || closer.open) && (op.n+closer.n)%3 == 0 && !(op.n%3 == 0 && closer.n%3 == 0) {
					continue
				}
				o = k
				break
			}
			if o < 0 {
				if !closer.open {
					bottom[closer.delim] = c - 1
				}
				break
			}
			op := nodes[o]
			use := 1
			if op.n >= 2 && closer.n >= 2 {
				use = 2
			}
			op.n -= use
			closer.n -= use
			for k := o + 1; k < c; k++ {
				if use == 2 {
					nodes[k].bold++
				} else {
					nodes[k].emph++
				}
			}
			// Delimiters between them can no longer pair.
			for k := o + 1; k < c; k++ {
				if nodes[k].delim != 0 {
					nodes[k].open, nodes[k].close = false, false
				}
			}
		}
	}
}
