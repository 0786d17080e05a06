package quiz

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"asyncwithlab/i18n"
)

// Limits on what Parse accepts. Markdown parsing is slow on some inputs
// (thousands of unclosed * or [ in a paragraph), so besides the size the
// number of such markers, the length of a line and the depth of nested
// quotes are bounded far above what a quiz needs.
const (
	MaxFileBytes  = 1 << 20
	MaxQuestions  = 2000
	MaxAnswers    = 20
	MaxMarkers    = 30000 // * _ [ ] ` < > characters
	MaxLineLength = 4000
	MaxQuoteDepth = 8
)

// LineError is one problem at a line of the file.
type LineError struct {
	Line int
	Msg  string
}

// ParseError lists every problem found in a file.
type ParseError struct {
	Name   string
	Errors []LineError
}

// Error writes one problem a line: "quiz.md:14: message".
func (e *ParseError) Error() string {
	var b strings.Builder
	for i, le := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		if le.Line > 0 {
			fmt.Fprintf(&b, "%s:%d: %s", e.Name, le.Line, le.Msg)
		} else {
			fmt.Fprintf(&b, "%s: %s", e.Name, le.Msg)
		}
	}
	return b.String()
}

// mdParser is goldmark's CommonMark parser with the task-list checkbox.
// Only the parser: goldmark.New would also link its HTML renderer, which
// the app never uses (≈90 KB of .wasm).
var mdParser = gmparser.NewParser(
	gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
	gmparser.WithInlineParsers(append(gmparser.DefaultInlineParsers(), util.Prioritized(checkboxParser{}, 0))...),
	gmparser.WithParagraphTransformers(gmparser.DefaultParagraphTransformers()...),
)

// Parse reads a quizdown file: a plain quizdown document, or a page that
// holds one in a Hugo {{< quizdown >}} shortcode or a <div class="quizdown">.
// Every problem is reported, each with its line.
func Parse(name string, data []byte) (*Quiz, error) {
	p := &parser{name: name, quiz: &Quiz{Name: name, Options: DefaultOptions}}
	switch {
	case len(data) > MaxFileBytes:
		p.errorf(0, "the file is %d bytes; the limit is %d", len(data), MaxFileBytes)
	case !utf8.Valid(data):
		p.errorf(firstInvalidLine(data), "the file is not valid UTF-8 text")
	default:
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		if p.withinLimits(data) {
			p.parse(data)
		}
	}
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, &ParseError{Name: name, Errors: p.errs}
	}
	return p.quiz, nil
}

type parser struct {
	name    string
	quiz    *Quiz
	errs    []LineError
	src     []byte
	lineAt  []int // byte offset where each line of src starts
	lineOff int   // lines of the file before src
	// lastEnd is the byte offset after the last block seen with a position.
	lastEnd int
}

func (p *parser) errorf(line int, format string, args ...any) {
	switch {
	case len(p.errs) < maxErrors:
		p.errs = append(p.errs, LineError{line, fmt.Sprintf(format, args...)})
	case len(p.errs) == maxErrors:
		p.errs = append(p.errs, LineError{0, fmt.Sprintf("more than %d problems; fix these first", maxErrors)})
	}
}

const maxErrors = 200

// withinLimits checks what keeps the Markdown parser fast.
func (p *parser) withinLimits(data []byte) bool {
	markers := 0
	for i, ln := range bytes.Split(data, []byte("\n")) {
		if len(ln) > MaxLineLength {
			p.errorf(i+1, "the line is %d characters long; the limit is %d", len(ln), MaxLineLength)
			return false
		}
		depth := 0
		for _, c := range ln {
			if c == '>' {
				depth++
			} else if c != ' ' {
				break
			}
		}
		if depth > MaxQuoteDepth {
			p.errorf(i+1, "quotes are nested %d deep; the limit is %d", depth, MaxQuoteDepth)
			return false
		}
		for _, c := range ln {
			switch c {
			case '*', '_', '[', ']', '`', '<', '>':
				markers++
			}
		}
	}
	if markers > MaxMarkers {
		p.errorf(0, "the file has %d Markdown markers (* _ [ ] ` < >); the limit is %d", markers, MaxMarkers)
		return false
	}
	return true
}

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

var (
	shortcodeOpen  = regexp.MustCompile(`\{\{<\s*quizdown\s*>\}\}`)
	shortcodeClose = regexp.MustCompile(`\{\{<\s*/quizdown\s*>\}\}`)
	divOpen        = regexp.MustCompile(`<div\b[^>]*\bclass\s*=\s*["'][^"']*\bquizdown\b[^"']*["'][^>]*>`)
	divClose       = regexp.MustCompile(`</div\s*>`)
)

// part is quizdown found in a file, with the number of lines before it.
type part struct {
	src   []byte
	lines int
}

// embedded finds every quizdown block of a page (Hugo shortcodes, or
// <div class="quizdown"> elements); a file with none is quizdown itself.
func embedded(data []byte) []part {
	var parts []part
	for _, pair := range [][2]*regexp.Regexp{{shortcodeOpen, shortcodeClose}, {divOpen, divClose}} {
		rest, off := data, 0
		for {
			open := pair[0].FindIndex(rest)
			if open == nil {
				break
			}
			body := rest[open[1]:]
			end := len(body)
			if c := pair[1].FindIndex(body); c != nil {
				end = c[0]
			}
			src := body[:end]
			if pair[0] == divOpen {
				// As quizdown-js: HTML escapes decoded, common indent removed.
				src = dedent([]byte(html.UnescapeString(string(src))))
			}
			parts = append(parts, part{src: src, lines: bytes.Count(data[:off+open[1]], []byte("\n"))})
			off += open[1] + end
			rest = data[off:]
		}
		if len(parts) > 0 {
			return parts
		}
	}
	return []part{{src: data}}
}

// dedent removes the indentation all non-blank lines share.
func dedent(src []byte) []byte {
	lines := bytes.Split(src, []byte("\n"))
	common := -1
	for _, l := range lines {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		n := len(l) - len(bytes.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return src
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		} else {
			lines[i] = bytes.TrimLeft(l, " \t")
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

func (p *parser) parse(data []byte) {
	for i, pt := range embedded(data) {
		p.lineOff = pt.lines
		src := pt.src
		if i == 0 {
			src = p.options(src)
		}
		p.parsePart(src)
	}
	if len(p.quiz.Questions) == 0 && len(p.errs) == 0 {
		p.errorf(0, "no questions: expected quizdown, where each question starts with a heading (# Question) followed by a task list (- [x] right / - [ ] wrong) or an ordered list")
	}
}

func (p *parser) parsePart(src []byte) {
	p.src = src
	p.lineAt = []int{0}
	for i, c := range src {
		if c == '\n' {
			p.lineAt = append(p.lineAt, i+1)
		}
	}
	p.lastEnd = 0
	doc := mdParser.Parse(text.NewReader(src))
	p.questions(doc)
}

// line is the file line of a byte offset in src.
func (p *parser) line(offset int) int {
	i := sort.Search(len(p.lineAt), func(i int) bool { return p.lineAt[i] > offset })
	return i + p.lineOff
}

// nodeLine finds the first line of a block node.
func (p *parser) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return p.line(n.Lines().At(0).Start)
		}
		if t, ok := n.(*ast.Text); ok {
			return p.line(t.Segment.Start)
		}
	}
	return 0
}

var emptyHeading = regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]*$`)

// emptyHeadingLine finds the line of a heading with no text: the first
// such line after the last block with a known position.
func (p *parser) emptyHeadingLine() int {
	if m := emptyHeading.FindIndex(p.src[p.lastEnd:]); m != nil {
		p.lastEnd += m[1]
		return p.line(p.lastEnd - 1)
	}
	return p.line(p.lastEnd)
}

// nodeEnd is the byte offset where a block's last line ends.
func (p *parser) nodeEnd(n ast.Node) int {
	end := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			end = max(end, c.Lines().At(c.Lines().Len()-1).Stop)
		}
		return ast.WalkContinue, nil
	})
	return end
}

func shorten(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 50 {
		r := []rune(s)
		s = string(r[:49]) + "…"
	}
	return s
}

type building struct {
	q       *Question
	list    bool // the answer list was read
	comment int  // line of the heading
}

func (p *parser) questions(doc ast.Node) {
	var cur *building
	flush := func() {
		if cur == nil {
			return
		}
		if !cur.list {
			p.errorf(cur.q.Line, "question %q has no answers: expected a task list (- [x] right, - [ ] wrong), an ordered task list (1. [x]) or an ordered list for a sequence", shorten(PlainText(cur.q.Title)))
		}
		if len(p.quiz.Questions) >= MaxQuestions {
			if len(p.quiz.Questions) == MaxQuestions {
				p.errorf(cur.q.Line, "more than %d questions", MaxQuestions)
			}
			p.quiz.Questions = append(p.quiz.Questions, nil)
			return
		}
		p.quiz.Questions = append(p.quiz.Questions, cur.q)
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		line := p.nodeLine(n)
		if end := p.nodeEnd(n); end > p.lastEnd {
			p.lastEnd = end
		}
		if h, ok := n.(*ast.Heading); ok {
			flush()
			hl := p.nodeLine(h)
			if hl == 0 {
				hl = p.emptyHeadingLine() // "#" alone keeps no position
			}
			cur = &building{q: &Question{Line: hl, Title: p.runs(h)}}
			if len(strings.TrimSpace(PlainText(cur.q.Title))) == 0 {
				p.errorf(cur.q.Line, "a question heading has no text")
			}
			continue
		}
		if cur == nil {
			continue // quizdown-js ignores what comes before the first question
		}
		q := cur.q
		switch n := n.(type) {
		case *ast.List:
			if cur.list {
				p.errorf(line, "question %q has a second list: a question has one list of answers", shorten(PlainText(q.Title)))
				continue
			}
			cur.list = true
			p.answers(q, n, line)
		case *ast.Blockquote:
			blocks := p.blocks(n)
			if rest, ok := explanation(blocks); ok {
				q.Explanation = append(q.Explanation, rest...)
			} else {
				q.Hint = append(q.Hint, blocks...)
			}
		case *ast.Paragraph, *ast.FencedCodeBlock, *ast.CodeBlock:
			// After the answers too: quizdown-js adds it to the question.
			q.Body = append(q.Body, p.block(n))
		case *ast.HTMLBlock, *ast.ThematicBreak:
		default:
			p.errorf(line, "unexpected %s in question %q", strings.ToLower(n.Kind().String()), shorten(PlainText(q.Title)))
		}
	}
	flush()
	var qs []*Question
	for _, q := range p.quiz.Questions {
		if q != nil {
			qs = append(qs, q)
		}
	}
	p.quiz.Questions = qs
}

// explanationPrefixes start a blockquote that explains the answer (our
// extension of quizdown; document 002 writes them): the message
// quiz.explanationPrefix in every language the app speaks ("Explanation:",
// "Explicação:", …), compared without case or accents. Read on first use,
// not at start-up: it reads every language's catalogue, which the app's
// first frame does not need.
var explanationPrefixes = sync.OnceValue(func() []string {
	var out []string
	for _, p := range i18n.All("quiz.explanationPrefix") {
		out = append(out, foldAccents(strings.ToLower(p)))
	}
	return out
})

// foldAccents drops the accents of the Latin letters the app's languages
// use, so "explicacao:" is as good as "explicação:". Each letter stays one
// letter, so a prefix's length in letters is the same after folding.
func foldAccents(s string) string {
	return accentFolder.Replace(s)
}

var accentFolder = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ã", "a", "ä", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "õ", "o", "ö", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n")

// explanation reports whether blocks start with an explanation prefix and
// returns them without it.
func explanation(blocks []Block) ([]Block, bool) {
	if len(blocks) == 0 || blocks[0].Kind != Paragraph {
		return nil, false
	}
	first := blocks[0]
	txt := strings.ToLower(strings.TrimSpace(PlainText(first.Runs)))
	folded := foldAccents(txt)
	for _, pre := range explanationPrefixes() {
		if !strings.HasPrefix(folded, pre) {
			continue
		}
		// Drop the prefix from the runs (it may be bold: **Explanation:**).
		runs := append([]Run(nil), first.Runs...)
		drop := len(string([]rune(txt)[:utf8.RuneCountInString(pre)])) // bytes of the prefix as written
		for len(runs) > 0 && drop > 0 {
			t := strings.TrimLeft(runs[0].Text, " ")
			if len(t) <= drop {
				drop -= len(t)
				runs = runs[1:]
				continue
			}
			runs[0].Text = t[drop:]
			drop = 0
		}
		if len(runs) > 0 {
			runs[0].Text = strings.TrimLeft(runs[0].Text, " ")
			if runs[0].Text == "" {
				runs = runs[1:]
			}
		}
		out := append([]Block{{Kind: Paragraph, Runs: runs}}, blocks[1:]...)
		if len(runs) == 0 {
			out = blocks[1:]
		}
		return out, true
	}
	return nil, false
}

func (p *parser) answers(q *Question, list *ast.List, line int) {
	boxed, plain := 0, 0
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		a := &Answer{Line: p.nodeLine(item)}
		first := item.FirstChild()
		if first != nil {
			if box, ok := first.FirstChild().(*extast.TaskCheckBox); ok {
				boxed++
				a.Correct = box.IsChecked
			} else {
				plain++
			}
			a.Text = p.runs(first)
		} else {
			plain++
		}
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if c == first {
				continue
			}
			switch c := c.(type) {
			case *ast.Blockquote:
				a.Comment = append(a.Comment, p.blocks(c)...)
			case *ast.Paragraph, *ast.TextBlock, *ast.FencedCodeBlock, *ast.CodeBlock:
				a.More = append(a.More, p.block(c))
			default:
				a.More = append(a.More, Block{Kind: Paragraph, Runs: []Run{{Text: p.rawText(c)}}})
			}
		}
		if strings.TrimSpace(PlainText(a.Text)) == "" && len(a.More) == 0 {
			p.errorf(a.Line, "an answer of question %q is empty", shorten(PlainText(q.Title)))
		}
		q.Answers = append(q.Answers, a)
	}
	title := shorten(PlainText(q.Title))
	keys := 0
	for _, a := range q.Answers {
		if a.Correct {
			keys++
		}
	}
	switch {
	case len(q.Answers) > MaxAnswers:
		p.errorf(line, "question %q has %d answers; the limit is %d", title, len(q.Answers), MaxAnswers)
	case boxed > 0 && plain > 0:
		p.errorf(line, "question %q mixes answers with and without checkboxes: give every answer [ ] or [x] (or none, for a sequence)", title)
	case !list.IsOrdered() && boxed == 0:
		p.errorf(line, "question %q has a bullet list without checkboxes: write - [x] for a right answer and - [ ] for a wrong one", title)
	case !list.IsOrdered():
		q.Type = Multiple
		if keys == 0 {
			p.errorf(line, "multiple-choice question %q has no correct answer: mark at least one with [x]", title)
		}
		if len(q.Answers) < 2 {
			p.errorf(line, "multiple-choice question %q has %d answer; expected at least 2", title, len(q.Answers))
		}
	case boxed > 0:
		q.Type = Single
		if keys != 1 {
			p.errorf(line, "single-choice question %q has %d correct answers; expected exactly 1 (use a bullet list - [x] for several)", title, keys)
		}
		if len(q.Answers) < 2 {
			p.errorf(line, "single-choice question %q has %d answer; expected at least 2", title, len(q.Answers))
		}
	default:
		q.Type = Sequence
		if len(q.Answers) < 2 {
			p.errorf(line, "sequence question %q has %d item; expected at least 2 to put in order", title, len(q.Answers))
		}
	}
}

// blocks converts the children of a container (a blockquote).
func (p *parser) blocks(n ast.Node) []Block {
	var out []Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.TextBlock:
			out = append(out, p.block(c))
		case *ast.Blockquote:
			out = append(out, p.blocks(c)...)
		default:
			out = append(out, Block{Kind: Paragraph, Runs: []Run{{Text: p.rawText(c)}}})
		}
	}
	return out
}

func (p *parser) block(n ast.Node) Block {
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		return Block{Kind: CodeBlock, Code: p.linesText(n), Lang: string(n.Language(p.src))}
	case *ast.CodeBlock:
		return Block{Kind: CodeBlock, Code: p.linesText(n)}
	}
	return Block{Kind: Paragraph, Runs: p.runs(n)}
}

func (p *parser) linesText(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(p.src))
	}
	return strings.TrimRight(b.String(), "\n")
}

// rawText is the source text of a block that is kept as plain text.
func (p *parser) rawText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(p.src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// runs converts the inline children of n into styled runs.
func (p *parser) runs(n ast.Node) []Run {
	var out []Run
	var walk func(n ast.Node, style Style, link string)
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
	walk = func(n ast.Node, style Style, link string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *extast.TaskCheckBox:
			case *ast.Text:
				v := c.Segment.Value(p.src)
				if !c.IsRaw() {
					v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
				}
				add(string(v), style, link)
				if c.SoftLineBreak() {
					add(" ", style, link)
				}
				if c.HardLineBreak() {
					add("\n", style, link)
				}
			case *ast.String:
				add(string(c.Value), style, link)
			case *ast.CodeSpan:
				var b strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.Write(tx.Segment.Value(p.src))
					}
				}
				add(b.String(), Code, link)
			case *ast.Emphasis:
				next := Emph
				if c.Level >= 2 {
					next = Strong
				}
				if (style == Emph && next == Strong) || (style == Strong && next == Emph) || style == EmphStrong {
					next = EmphStrong
				}
				walk(c, next, link)
			case *ast.Link:
				walk(c, style, string(c.Destination))
			case *ast.AutoLink:
				add(string(c.Label(p.src)), style, string(c.URL(p.src)))
			case *ast.RawHTML:
				segs := c.Segments
				for i := 0; i < segs.Len(); i++ {
					seg := segs.At(i)
					add(string(seg.Value(p.src)), style, link)
				}
			default:
				walk(c, style, link)
			}
		}
	}
	walk(n, Plain, "")
	if k := len(out); k > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[k-1].Text = strings.TrimRight(out[k-1].Text, " ")
	}
	return out
}
