package quiz

import (
	"strings"
)

// This file reads Markdown's blocks the way quizdown-js does: quizdown-js
// 0.5 hands the text to marked 2 (GFM on, not pedantic) with one change of
// its own, a "---" block read as options instead of a rule. The rules
// below follow marked's block rules (its src/rules.js and the block part of
// src/Tokenizer.js) one by one, in marked's order, working on lines so that
// every block keeps the file line it came from. Where marked's regular
// expressions say something surprising, the comment says which rule it is.

// srcLine is one line of text and its line in the file.
type srcLine struct {
	text string
	num  int
}

// mdKind is a kind of block.
type mdKind int

const (
	mdParagraph mdKind = iota // a top-level paragraph
	mdText                    // text inside a list item (marked's "text")
	mdHeading
	mdCode
	mdQuote
	mdList
	mdOptions // quizdown's options block between --- lines
	mdHTML
	mdSpace // one or more blank lines
)

// mdBlock is one block.
type mdBlock struct {
	kind mdKind
	line int    // the file line where it starts
	text string // paragraph, text and heading: the inline source; code: the listing
	lang string // code: the info string, trimmed

	children []*mdBlock // quote

	ordered bool      // list
	items   []*mdItem // list
	// folds is, for a list, the line of a heading written right under it
	// that marked would fold into its last answer (see listEnd).
	folds int

	indented bool // code: an indented listing, not a fenced one

	// dashUnder: a heading made by a --- line under its text (a setext
	// heading), which its author likely meant as an options block or a
	// separator.
	dashUnder bool

	body     []srcLine // options: the lines between the --- lines
	unclosed bool      // options: no closing --- line
}

// mdItem is one list item.
type mdItem struct {
	line          int
	task, checked bool
	blocks        []*mdBlock
	// nearTask says the item looks like a task but marked does not read
	// it as one ("[x]a", "[x]" and then a zero-width space, a box after a
	// tab): the reader warns about it. box is the box as written.
	nearTask bool
	box      string
}

// mdLexer holds what lexing one document shares: its link definitions.
type mdLexer struct {
	links map[string]string
}

// splitLines turns text into numbered lines, the first numbered first.
func splitLines(text string, first int) []srcLine {
	parts := strings.Split(text, "\n")
	out := make([]srcLine, len(parts))
	for i, p := range parts {
		out[i] = srcLine{p, first + i}
	}
	return out
}

func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

func isBlank(s string) bool { return strings.TrimLeft(s, " ") == "" }

// bulletAt reads a list marker at the start of s after up to maxIndent
// spaces (any number when maxIndent < 0): "-", "+", "*", or 1 to 9
// digits and "." or ")". It returns the indentation and the marker.
func bulletAt(s string, maxIndent int) (indent int, bull string, ok bool) {
	indent = leadingSpaces(s)
	if maxIndent >= 0 && indent > maxIndent {
		return 0, "", false
	}
	rest := s[indent:]
	if rest == "" {
		return 0, "", false
	}
	switch rest[0] {
	case '-', '+', '*':
		return indent, rest[:1], true
	}
	d := 0
	for d < len(rest) && d < 10 && rest[d] >= '0' && rest[d] <= '9' {
		d++
	}
	if d == 0 || d > 9 || d >= len(rest) || (rest[d] != '.' && rest[d] != ')') {
		return 0, "", false
	}
	return indent, rest[:d+1], true
}

// isRule is marked's default hr rule: up to 3 spaces, then three or more
// of one of - _ *, spaces allowed between them.
func isRule(s string) bool {
	s = strings.TrimRight(s, " ")
	if leadingSpaces(s) > 3 {
		return false
	}
	s = strings.TrimLeft(s, " ")
	if len(s) == 0 || (s[0] != '-' && s[0] != '_' && s[0] != '*') {
		return false
	}
	n := 0
	for _, c := range []byte(s) {
		switch {
		case c == s[0]:
			n++
		case c != ' ':
			return false
		}
	}
	return n >= 3
}

// atxHeading reads an ATX heading's marker: up to 3 spaces, 1 to 6 #,
// then a space or the end of the line. It returns what follows the #s.
func atxHeading(s string) (rest string, ok bool) {
	i := leadingSpaces(s)
	if i > 3 {
		return "", false
	}
	n := 0
	for i+n < len(s) && s[i+n] == '#' {
		n++
	}
	if n < 1 || n > 6 || (i+n < len(s) && s[i+n] != ' ') {
		return "", false
	}
	return s[i+n:], true
}

// isATXHeadingStart: a heading marker followed by a space (marked's
// paragraph rule: only such a line interrupts a paragraph).
func isATXHeadingStart(s string) bool {
	rest, ok := atxHeading(s)
	return ok && rest != ""
}

// fenceOpen reads a code fence's opening line: up to 3 spaces, then 3 or
// more backticks (and no backtick after them) or 3 or more tildes.
func fenceOpen(s string) (indent int, fence, info string, ok bool) {
	indent = leadingSpaces(s)
	if indent > 3 {
		return 0, "", "", false
	}
	rest := s[indent:]
	if len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return 0, "", "", false
	}
	n := 0
	for n < len(rest) && rest[n] == rest[0] {
		n++
	}
	if n < 3 {
		return 0, "", "", false
	}
	info = rest[n:]
	if rest[0] == '`' && strings.Contains(info, "`") {
		return 0, "", "", false
	}
	return indent, rest[:n], info, true
}

// blockTags are the HTML block-level tags of marked's html rule.
var blockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Split("address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul", "|") {
		m[t] = true
	}
	return m
}()

// htmlStart says whether s opens an HTML block as marked's paragraph rule
// sees it (a block tag, or script/pre/style/textarea, or a comment).
func htmlStart(s string) bool {
	s = s[min(leadingSpaces(s), len(s)):]
	if !strings.HasPrefix(s, "<") {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range []string{"<script", "<pre", "<style", "<textarea", "<!--"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	name := strings.TrimPrefix(low[1:], "/")
	end := 0
	for end < len(name) && (name[end] >= 'a' && name[end] <= 'z' || name[end] >= '0' && name[end] <= '9') {
		end++
	}
	if !blockTags[name[:end]] {
		return false
	}
	rest := name[end:]
	return rest == "" || rest[0] == ' ' || rest[0] == '>' || strings.HasPrefix(rest, "/>")
}

// interruptsParagraph is marked's paragraph rule's list of what ends a
// paragraph at the start of the next line.
func interruptsParagraph(s string) bool {
	if s == "" || isBlank(s) || isRule(s) || isATXHeadingStart(s) {
		return true
	}
	ind := leadingSpaces(s)
	if ind <= 3 && strings.HasPrefix(s[ind:], ">") {
		return true
	}
	if _, _, _, ok := fenceOpen(s); ok {
		return true
	}
	// Only "1." or "1)" starts an ordered list inside a paragraph.
	if ind <= 3 {
		r := s[ind:]
		if len(r) >= 2 && (r[0] == '-' || r[0] == '+' || r[0] == '*') && r[1] == ' ' {
			return true
		}
		if len(r) >= 3 && r[0] == '1' && (r[1] == '.' || r[1] == ')') && r[2] == ' ' {
			return true
		}
	}
	return htmlStart(s)
}

// lex reads blocks; top says whether paragraphs are possible (marked reads
// list items with top off, so their lines are "text").
func (lx *mdLexer) lex(lines []srcLine, top bool) []*mdBlock {
	var out []*mdBlock
	push := func(b *mdBlock) { out = append(out, b) }
	last := func() *mdBlock {
		if len(out) == 0 {
			return nil
		}
		return out[len(out)-1]
	}
	for i := 0; i < len(lines); {
		l := lines[i]
		s := l.text
		switch {
		case isBlank(s): // space
			j := i
			for j < len(lines) && isBlank(lines[j].text) {
				j++
			}
			push(&mdBlock{kind: mdSpace, line: l.num})
			i = j
			continue
		case leadingSpaces(s) >= 4: // indented code
			j := i
			end := i
			for j < len(lines) {
				if isBlank(lines[j].text) {
					j++
					continue
				}
				if leadingSpaces(lines[j].text) < 4 {
					break
				}
				j++
				end = j
			}
			var b strings.Builder
			for k := i; k < end; k++ {
				t := lines[k].text
				t = t[min(leadingSpaces(t), 4):]
				if k > i {
					b.WriteByte('\n')
				}
				b.WriteString(t)
			}
			if prev := last(); prev != nil && prev.kind == mdParagraph {
				prev.text += "\n" + strings.TrimRight(b.String(), "\n")
			} else {
				push(&mdBlock{kind: mdCode, line: l.num, text: strings.TrimRight(b.String(), "\n"), indented: true})
			}
			// The blank lines after the listing belong to it.
			for end < len(lines) && isBlank(lines[end].text) {
				end++
			}
			i = end
			continue
		}
		if n, ok := lx.rule(lines, i, top, push); ok {
			i = n
			continue
		}
		// lheading: a line, then a line of = or - (marked tries it before
		// a paragraph, so it also turns a lone line into a heading).
		if i+1 < len(lines) {
			if u := lines[i+1].text; setextUnderline(u) {
				under := strings.TrimSpace(u)
				push(&mdBlock{kind: mdHeading, line: l.num, text: s, dashUnder: strings.HasPrefix(under, "---")})
				i += 2
				for i < len(lines) && lines[i].text == "" {
					i++
				}
				continue
			}
		}
		if top { // paragraph
			j := i + 1
			for j < len(lines) && !interruptsParagraph(lines[j].text) {
				j++
			}
			push(&mdBlock{kind: mdParagraph, line: l.num, text: joinLines(lines[i:j])})
			i = j
			continue
		}
		// text: one line, joined to the text before it.
		if prev := last(); prev != nil && prev.kind == mdText {
			prev.text += "\n" + s
		} else {
			push(&mdBlock{kind: mdText, line: l.num, text: s})
		}
		i++
	}
	return out
}

// blockRule is one of marked's block rules: at line i, it pushes a block
// and returns the line after it, or reports that the rule does not apply.
type blockRule func(lx *mdLexer, lines []srcLine, i int, top bool, push func(*mdBlock)) (int, bool)

// rule applies the first block rule that matches at line i, trying
// those between indented code and the setext heading in marked's order.
func (lx *mdLexer) rule(lines []srcLine, i int, top bool, push func(*mdBlock)) (int, bool) {
	rules := [...]blockRule{(*mdLexer).fence, (*mdLexer).heading, (*mdLexer).options,
		(*mdLexer).quote, (*mdLexer).list, (*mdLexer).html, (*mdLexer).def}
	for _, r := range rules {
		if n, ok := r(lx, lines, i, top, push); ok {
			return n, true
		}
	}
	return 0, false
}

func joinLines(ls []srcLine) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, "\n")
}

// setextUnderline: up to 3 spaces, then only = or only -, then spaces.
func setextUnderline(s string) bool {
	if leadingSpaces(s) > 3 {
		return false
	}
	t := strings.TrimRight(strings.TrimLeft(s, " "), " ")
	return t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
}

// fence reads a fenced code block. Like marked, an unclosed fence runs to
// the end of the text.
func (lx *mdLexer) fence(lines []srcLine, i int, _ bool, push func(*mdBlock)) (int, bool) {
	indent, fence, info, ok := fenceOpen(lines[i].text)
	if !ok || i+1 >= len(lines) { // marked wants a newline after the opening line
		return 0, false
	}
	j := i + 1
	for ; j < len(lines); j++ {
		t := lines[j].text
		ind := leadingSpaces(t)
		if ind <= 3 && strings.HasPrefix(t[ind:], fence) &&
			strings.TrimRight(strings.TrimLeft(t[ind+len(fence):], "`~"), " ") == "" {
			break
		}
	}
	var b strings.Builder
	for k := i + 1; k < j; k++ {
		t := lines[k].text
		// marked's indentCodeCompensation: take off the fence's indentation.
		if indent > 0 {
			t = t[min(leadingSpaces(t), indent):]
		}
		if k > i+1 {
			b.WriteByte('\n')
		}
		b.WriteString(t)
	}
	lang := strings.TrimSpace(info)
	push(&mdBlock{kind: mdCode, line: lines[i].num, text: b.String(), lang: lang})
	if j < len(lines) {
		j++ // the closing fence
	}
	return j, true
}

// heading reads an ATX heading: up to 3 spaces, 1 to 6 #, then white space
// or the end of the line. A closing run of # goes when a space precedes it.
func (lx *mdLexer) heading(lines []srcLine, i int, _ bool, push func(*mdBlock)) (int, bool) {
	rest, ok := atxHeading(lines[i].text)
	if !ok {
		return 0, false
	}
	text := strings.TrimSpace(rest)
	if strings.HasSuffix(text, "#") {
		trimmed := strings.TrimRight(text, "#")
		if trimmed == "" || strings.HasSuffix(trimmed, " ") {
			text = strings.TrimSpace(trimmed)
		}
	}
	push(&mdBlock{kind: mdHeading, line: lines[i].num, text: text})
	j := i + 1
	for j < len(lines) && lines[j].text == "" {
		j++
	}
	return j, true
}

// options is quizdown's replacement of marked's hr rule: a line of three
// or more dashes (with no other dash after them on the line), followed by
// lines, up to a line starting with the same dashes. Without a closing
// line it takes the rest of the text. Rules of *, _ or spaced dashes are
// no longer rules at all in quizdown-js: they read as text.
func (lx *mdLexer) options(lines []srcLine, i int, _ bool, push func(*mdBlock)) (int, bool) {
	s := lines[i].text
	ind := leadingSpaces(s)
	if ind > 3 || i+1 >= len(lines) {
		return 0, false
	}
	rest := s[ind:]
	n := 0
	for n < len(rest) && rest[n] == '-' {
		n++
	}
	if n < 3 || strings.Contains(rest[n:], "-") {
		return 0, false
	}
	dashes := rest[:n]
	j := i + 1
	for ; j < len(lines); j++ {
		t := lines[j].text
		k := leadingSpaces(t)
		if k <= 3 && strings.HasPrefix(t[k:], dashes) && strings.TrimRight(strings.TrimLeft(t[k:], "-~"), " ") == "" {
			break
		}
	}
	b := &mdBlock{kind: mdOptions, line: lines[i].num, body: lines[i+1 : j], unclosed: j == len(lines)}
	push(b)
	if j < len(lines) {
		j++
		for j < len(lines) && lines[j].text == "" {
			j++
		}
	}
	return j, true
}

// quote reads a blockquote: lines starting with up to 3 spaces and ">",
// and after one with text, the lines that would continue its paragraph
// (marked's "lazy" lines).
func (lx *mdLexer) quote(lines []srcLine, i int, top bool, push func(*mdBlock)) (int, bool) {
	isQuote := func(s string) bool {
		k := leadingSpaces(s)
		return k <= 3 && strings.HasPrefix(s[k:], ">")
	}
	if !isQuote(lines[i].text) {
		return 0, false
	}
	var inner []srcLine
	j := i
	for j < len(lines) && isQuote(lines[j].text) {
		t := stripQuoteMarker(lines[j].text)
		inner = append(inner, srcLine{t, lines[j].num})
		j++
		if t == "" {
			continue
		}
		for j < len(lines) && !interruptsParagraph(lines[j].text) {
			inner = append(inner, srcLine{stripQuoteMarker(lines[j].text), lines[j].num})
			j++
		}
	}
	push(&mdBlock{kind: mdQuote, line: lines[i].num, children: lx.lex(inner, top)})
	return j, true
}

// stripQuoteMarker is marked's /^ *> ?/ on one line.
func stripQuoteMarker(s string) string {
	k := leadingSpaces(s)
	if k < len(s) && s[k] == '>' {
		s = s[k+1:]
		return strings.TrimPrefix(s, " ")
	}
	return s
}

// html reads an HTML block: from a line that opens one to a blank line
// (or, for script, pre, style and textarea, to their closing tag; for a
// comment, to its end).
func (lx *mdLexer) html(lines []srcLine, i int, _ bool, push func(*mdBlock)) (int, bool) {
	s := lines[i].text
	if leadingSpaces(s) > 3 || !htmlStart(s) {
		return 0, false
	}
	low := strings.ToLower(strings.TrimLeft(s, " "))
	closer := ""
	for _, t := range []string{"script", "pre", "style", "textarea"} {
		if strings.HasPrefix(low, "<"+t) {
			closer = "</" + t + ">"
		}
	}
	if strings.HasPrefix(low, "<!--") {
		closer = "-->"
	}
	j := i
	if closer != "" {
		for j < len(lines) && !strings.Contains(strings.ToLower(lines[j].text), closer) {
			j++
		}
		j = min(j+1, len(lines))
	} else {
		for j < len(lines) && lines[j].text != "" {
			j++
		}
	}
	push(&mdBlock{kind: mdHTML, line: lines[i].num, text: joinLines(lines[i:j])})
	for j < len(lines) && lines[j].text == "" {
		j++
	}
	return j, true
}

// def reads a link reference definition on one line: [label]: url "title".
// marked reads them only outside lists.
func (lx *mdLexer) def(lines []srcLine, i int, top bool, _ func(*mdBlock)) (int, bool) {
	s := lines[i].text
	if !top {
		return 0, false
	}
	k := leadingSpaces(s)
	if k > 3 || !strings.HasPrefix(s[k:], "[") {
		return 0, false
	}
	close := strings.Index(s[k:], "]:")
	if close < 2 {
		return 0, false
	}
	label := s[k+1 : k+close]
	if strings.TrimSpace(label) == "" || strings.ContainsAny(label, "[]") {
		return 0, false
	}
	rest := strings.TrimSpace(s[k+close+2:])
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return 0, false
	}
	url := strings.TrimSuffix(strings.TrimPrefix(fields[0], "<"), ">")
	tag := strings.ToLower(strings.Join(strings.Fields(label), " "))
	if lx.links == nil {
		lx.links = map[string]string{}
	}
	if _, seen := lx.links[tag]; !seen {
		lx.links[tag] = url
	}
	j := i + 1
	for j < len(lines) && lines[j].text == "" {
		j++
	}
	return j, true
}
