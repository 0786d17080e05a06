package quiz

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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
		// Line ends as marked reads them: CRLF, and a lone CR (old Mac
		// files), are newlines.
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
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
	lineOff int // lines of the file before the part being read
	lexer   mdLexer
	// quizOptions says the quiz's options block was read.
	quizOptions bool
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
	// unclosed says a {{< quizdown >}} shortcode has no closing one.
	unclosed bool
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
			closed := false
			if c := pair[1].FindIndex(body); c != nil {
				end, closed = c[0], true
			}
			src := body[:end]
			if pair[0] == divOpen {
				// A div's text is HTML: its escapes are decoded first.
				src = []byte(html.UnescapeString(string(src)))
			}
			parts = append(parts, part{src: src, lines: bytes.Count(data[:off+open[1]], []byte("\n")),
				unclosed: !closed && pair[0] == shortcodeOpen})
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
	for _, pt := range embedded(data) {
		p.lineOff = pt.lines
		if pt.unclosed {
			p.errorf(pt.lines+1, "the {{< quizdown >}} opened here is never closed: expected {{< /quizdown >}} after the quiz (Hugo refuses to build such a page)")
		}
		p.parsePart(pt.src)
	}
	if len(p.quiz.Questions) == 0 && len(p.errs) == 0 {
		p.errorf(0, "no questions: expected quizdown, where each question starts with a heading (# Question) followed by a task list (- [x] right / - [ ] wrong) or an ordered list")
	}
}

// quizdownDecode is what quizdown-js does to its text before marked reads
// it: the common indentation goes, and &lt; &gt; &amp; are decoded. Tabs
// become four spaces, as marked's lexer does.
var quizdownDecode = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "\t", "    ")

func (p *parser) parsePart(src []byte) {
	text := quizdownDecode.Replace(string(dedent(src)))
	blocks := p.lexer.lex(splitLines(text, p.lineOff+1), true)
	p.questions(blocks)
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
	q    *Question
	list bool // the answer list was read
}

func (p *parser) questions(blocks []*mdBlock) {
	var cur *building
	flush := func() {
		if cur == nil {
			return
		}
		switch {
		case cur.list && cur.q.Engine != nil:
			p.errorf(cur.q.Engine.Line, "question %q has a lab block and a list of answers: the simulator makes the answers of a question with a lab block; remove one of them", shorten(PlainText(cur.q.Title)))
		case !cur.list && cur.q.Engine == nil:
			p.errorf(cur.q.Line, "question %q has no answers: expected a task list (- [x] right, - [ ] wrong), an ordered task list (1. [x]), an ordered list for a sequence, or a lab block for the simulator to answer", shorten(PlainText(cur.q.Title)))
		}
		if len(p.quiz.Questions) >= MaxQuestions {
			if len(p.quiz.Questions) == MaxQuestions {
				p.errorf(cur.q.Line, "more than %d questions", MaxQuestions)
			}
			p.quiz.Questions = append(p.quiz.Questions, nil)
			return
		}
		findWatch(cur.q)
		p.quiz.Questions = append(p.quiz.Questions, cur.q)
	}
	for _, b := range blocks {
		switch b.kind {
		case mdSpace, mdHTML:
			continue
		case mdOptions:
			p.optionsBlock(b, cur)
			continue
		case mdHeading:
			flush()
			cur = &building{q: &Question{Line: b.line, Title: p.runs(b.text)}}
			if len(strings.TrimSpace(PlainText(cur.q.Title))) == 0 {
				p.errorf(cur.q.Line, "a question heading has no text")
			}
			continue
		}
		if cur == nil {
			continue // quizdown-js ignores what comes before the first question
		}
		q := cur.q
		switch b.kind {
		case mdList:
			if cur.list {
				p.errorf(b.line, "question %q has a second list: a question has one list of answers", shorten(PlainText(q.Title)))
				continue
			}
			cur.list = true
			p.answers(q, b)
		case mdQuote:
			blocks := p.blocks(b.children)
			if rest, ok := explanation(blocks); ok {
				q.Explanation = append(q.Explanation, rest...)
			} else {
				q.Hint = append(q.Hint, blocks...)
			}
		case mdCode:
			if b.lang == "lab" {
				p.labBlock(q, b)
				continue
			}
			q.Body = append(q.Body, p.blocks([]*mdBlock{b})...)
		default:
			// Paragraphs and code, after the answers too: quizdown-js
			// adds them to the question.
			q.Body = append(q.Body, p.blocks([]*mdBlock{b})...)
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

// optionsBlock reads a --- options block: before the first question, the
// quiz's options (the first such block, as quizdown-js); under a question,
// that question's (quizdown-js honours only shuffleAnswers there).
func (p *parser) optionsBlock(b *mdBlock, cur *building) {
	if b.unclosed {
		p.errorf(b.line, "the options block opened here is never closed: expected a line with --- after the options")
		return
	}
	var body strings.Builder
	for _, l := range b.body {
		body.WriteString(l.text)
		body.WriteByte('\n')
	}
	switch {
	case cur != nil:
		o := DefaultOptions
		if p.readOptions([]byte(body.String()), b.line, &o)["shuffleAnswers"] {
			cur.q.ShuffleAnswers = &o.ShuffleAnswers
		}
	case !p.quizOptions:
		p.quizOptions = true
		p.readOptions([]byte(body.String()), b.line, &p.quiz.Options)
	}
}

// explanationPrefixes start a blockquote that explains the answer (our
// extension of quizdown; document 002 writes them): the message
// quiz.explanationPrefix in every language the app speaks ("Explanation:",
// "Explicação:", …), compared without case or accents. Read on first use,
// not at start-up: the app's first frame does not need them.
var explanationPrefixes = sync.OnceValue(func() []string {
	var out []string
	for _, p := range i18n.ExplanationPrefixes() {
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

func (p *parser) answers(q *Question, list *mdBlock) {
	line := list.line
	boxed, plain := 0, 0
	for _, item := range list.items {
		a := &Answer{Line: item.line, Correct: item.checked}
		if item.task {
			boxed++
		} else {
			plain++
		}
		if item.nearTask {
			p.errorf(item.line, "an answer of question %q starts with a checkbox without a space after it: write \"[x] answer\" (quizdown-js reads \"[x]answer\" as text, not as a checkbox)", shorten(PlainText(q.Title)))
		}
		first := firstContent(item.blocks)
		for k, c := range item.blocks {
			switch {
			case c.kind == mdSpace:
			case c.kind == mdQuote:
				a.Comment = append(a.Comment, p.blocks(c.children)...)
			case k == first && (c.kind == mdText || c.kind == mdParagraph):
				a.Text = p.runs(c.text)
			default:
				a.More = append(a.More, p.blocks([]*mdBlock{c})...)
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
	case !list.ordered && boxed == 0:
		p.errorf(line, "question %q has a bullet list without checkboxes: write - [x] for a right answer and - [ ] for a wrong one", title)
	case !list.ordered:
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

// firstContent is the index of the first block that is not blank space.
func firstContent(blocks []*mdBlock) int {
	for k, b := range blocks {
		if b.kind != mdSpace {
			return k
		}
	}
	return -1
}

// blocks converts blocks to paragraphs and listings: a heading or a list
// inside a quote or an answer becomes paragraphs of its text.
func (p *parser) blocks(in []*mdBlock) []Block {
	var out []Block
	for _, b := range in {
		switch b.kind {
		case mdParagraph, mdText, mdHeading:
			if runs := p.runs(b.text); len(runs) > 0 {
				out = append(out, Block{Kind: Paragraph, Runs: runs})
			}
		case mdCode:
			lang, _, _ := strings.Cut(b.lang, " ")
			out = append(out, Block{Kind: CodeBlock, Code: b.text, Lang: lang})
		case mdQuote:
			out = append(out, p.blocks(b.children)...)
		case mdList:
			for _, it := range b.items {
				out = append(out, p.blocks(it.blocks)...)
			}
		case mdHTML:
			out = append(out, Block{Kind: Paragraph, Runs: []Run{{Text: b.text}}})
		}
	}
	return out
}

// runs converts inline Markdown into styled runs.
func (p *parser) runs(text string) []Run {
	return inlineRuns(text, p.lexer.links)
}

// labBlock reads a ```lab block: the run a question asks about (run:) and
// what it asks (ask:), one "name: value" a line. Package quizsim makes
// the question's answers from the run.
func (p *parser) labBlock(q *Question, b *mdBlock) {
	if q.Engine != nil {
		p.errorf(b.line, "question %q has a second lab block (the first is at line %d)", shorten(PlainText(q.Title)), q.Engine.Line)
		return
	}
	spec := &EngineSpec{Line: b.line}
	lines, errs := splitOptions(b.text, b.line+1, "the lab block", "the lab block's")
	for _, e := range errs {
		p.errorf(e.Line, "%s", e.Msg)
	}
	for _, l := range lines {
		switch l.key {
		case "run":
			spec.Run = l.value
		case "ask":
			spec.Ask = l.value
			if !slices.Contains(EngineAsks, l.value) {
				p.errorf(l.line, "the lab block asks %q: expected one of %s", l.value, quoteAll(EngineAsks))
			}
		default:
			p.errorf(l.line, "the lab block has no %q: expected run (an example's name or a simulator link) and ask (%s)", l.key, quoteAll(EngineAsks))
		}
	}
	if spec.Run == "" {
		p.errorf(b.line, "the lab block names no run: expected a line such as run: doc001-basic (an example's name, see lab presets) or run: #v1.s.… (a link from the simulator's Copy link)")
	}
	if spec.Ask == "" {
		p.errorf(b.line, "the lab block asks nothing: expected a line ask: with one of %s", quoteAll(EngineAsks))
	}
	q.Engine = spec
}

// quoteAll writes "a", "b" or "c".
func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
