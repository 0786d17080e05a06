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

// Parse reads a quizdown file strictly: any problem is an error (the
// check a teacher runs, `lab quiz check`, and the built-in banks). It is
// Read, refusing a quiz with Problems.
func Parse(name string, data []byte) (*Quiz, error) { return Strict(Read(name, data)) }

// Strict turns what a lenient read made into a strict one: the quiz only
// when it has no problem, else its problems as the error.
func Strict(q *Quiz, err error) (*Quiz, error) {
	if err != nil {
		return nil, err
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	return q, nil
}

// Read reads a quizdown file: a plain quizdown document, or a page that
// holds one in a Hugo {{< quizdown >}} shortcode or a <div class="quizdown">.
// A question with a problem is set aside (Quiz.SetAside), and the quiz
// goes on without it; problems that are not one question's (an unknown
// option, an unclosed shortcode) leave the questions as they are. Every
// problem is in Quiz.Problems, each with its line, and where quizdown-js
// reads the file otherwise than this reader, Quiz.Warnings says so. Read
// fails, with every problem, only when no question can be used or the
// file itself cannot be read (too large, not text, past a limit).
func Read(name string, data []byte) (*Quiz, error) {
	p := &parser{name: name, quiz: &Quiz{Name: name, Options: DefaultOptions}, own: map[*Question][]LineError{}}
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
		if data, ok := p.withinLimits(data); ok {
			p.parse(data)
			for _, b := range p.bad { // outside every question
				p.fileErrorf(b.Line, "%s", b.Msg)
			}
		}
	}
	q := p.quiz
	sort.SliceStable(q.SetAside, func(i, j int) bool { return q.SetAside[i].Line < q.SetAside[j].Line })
	q.found = p.errs
	q.Problems = capProblems(p.errs, "problems")
	if p.noQuestions {
		// Last: what the lines above say is why.
		q.Problems = append(q.Problems, LineError{0, "no questions: expected quizdown, where each question starts with a heading (# Question) followed by a task list (- [x] right / - [ ] wrong) or an ordered list"})
	}
	q.Warnings = capProblems(p.warns, "warnings")
	if len(q.Questions) == 0 {
		return nil, &ParseError{Name: name, Errors: q.Problems}
	}
	return q, nil
}

type parser struct {
	name    string
	quiz    *Quiz
	errs    []LineError
	warns   []LineError
	lineOff int // lines of the file before the part being read
	lexer   mdLexer
	// quizOptions says the quiz's options block was read.
	quizOptions bool
	// cur is the question being read: a problem found meanwhile is its
	// own (own), and sets it aside.
	cur *Question
	own map[*Question][]LineError
	// partShuffle is the shuffleAnswers of an options block that is not
	// the quiz's (a later quizdown block's): its questions take it.
	// partOptions says the block being read has had its options block.
	partShuffle *bool
	partOptions bool
	// later says the block being read is not the page's first.
	later bool
	// bad are the lines blanked for being past a limit, not yet said.
	bad []LineError
	// pastLimit: MaxQuestions questions have been read; the rest are not.
	pastLimit bool
	// noQuestions: the file has no heading at all.
	noQuestions bool
}

// errorf records a problem: the current question's, if one is being read
// (it goes into the file's problems when the question is set aside).
func (p *parser) errorf(line int, format string, args ...any) {
	if p.cur != nil {
		p.own[p.cur] = record(p.own[p.cur], line, format, args...)
		return
	}
	p.errs = record(p.errs, line, format, args...)
}

// fileErrorf records a problem that is not the current question's: the
// question stays, what the line asked for is not done.
func (p *parser) fileErrorf(line int, format string, args ...any) {
	p.errs = record(p.errs, line, format, args...)
}

// warnf records where quizdown-js reads the file otherwise than Read.
func (p *parser) warnf(line int, format string, args ...any) {
	p.warns = record(p.warns, line, format, args...)
}

// record appends a message, keeping at most maxKept: a file can have a
// problem a line, and a few hundred are all anyone reads.
func record(list []LineError, line int, format string, args ...any) []LineError {
	if len(list) >= maxKept {
		return list
	}
	return append(list, LineError{line, fmt.Sprintf(format, args...)})
}

// MaxListedProblems is how many problems a reading lists (in line order)
// before a last line saying there were more.
const MaxListedProblems = 200

const (
	maxErrors = MaxListedProblems
	maxKept   = 4 * maxErrors // found, to list the first ones in line order
)

// capProblems puts problems (or warnings: noun) in line order and keeps
// the first maxErrors, then a line saying more were found.
func capProblems(list []LineError, noun string) []LineError {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Line < list[j].Line })
	if len(list) <= maxErrors {
		return list
	}
	return append(list[:maxErrors:maxErrors], LineError{0, fmt.Sprintf("more than %d %s: the first %d are listed above; fix these first", maxErrors, noun, maxErrors)})
}

// withinLimits checks what keeps the Markdown parser fast. A line too
// long, or quoted too deep, is blanked before reading and its problem
// kept in p.bad, to set aside the question it is in (or, outside any, to
// be said as the file's); too many markers in the whole file stop it.
func (p *parser) withinLimits(data []byte) ([]byte, bool) {
	markers := 0
	lines := bytes.Split(data, []byte("\n"))
	for i, ln := range lines {
		if len(ln) > MaxLineLength {
			p.bad = append(p.bad, LineError{i + 1, fmt.Sprintf("the line is %d characters long; the limit is %d", len(ln), MaxLineLength)})
			lines[i] = nil
			continue
		}
		if depth := quoteDepth(ln); depth > MaxQuoteDepth {
			p.bad = append(p.bad, LineError{i + 1, fmt.Sprintf("the quote on this line is nested %d deep; the limit is %d", depth, MaxQuoteDepth)})
			lines[i] = nil
			continue
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
		return nil, false
	}
	return bytes.Join(lines, []byte("\n")), true
}

// quoteDepth counts the > that open a line, past spaces and the markers
// of list items ("> - > > text" is three deep).
func quoteDepth(ln []byte) int {
	depth := 0
	for _, c := range ln {
		switch {
		case c == '>':
			depth++
		case c == ' ' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || (c >= '0' && c <= '9'):
		default:
			return depth
		}
	}
	return depth
}

// warnSevenHashes warns about a line of seven or more # that continues
// an answer: it is no heading (at most 6 #), so marked, and this reader,
// keep it in the answer above, and the question it was meant to start
// vanishes without a word.
func (p *parser) warnSevenHashes(q *Question, list *mdBlock) {
	for _, it := range list.items {
		for _, b := range it.blocks {
			if b.kind != mdText && b.kind != mdParagraph {
				continue
			}
			for k, ln := range strings.Split(b.text, "\n") {
				if k > 0 && notHeading.MatchString(ln) {
					p.warnf(b.line+k, "the line %q under the answers of question %q is no heading (a heading has 1 to 6 #), so it goes on the answer above it, here as in quizdown-js; to start a question there, use 1 to 6 # after a blank line", shorten(ln), shorten(PlainText(q.Title)))
				}
			}
		}
	}
}

// takeBad takes the blanked lines from line first up to (not including)
// line next: the current question's.
func (p *parser) takeBad(first, next int) []LineError {
	var mine []LineError
	rest := p.bad[:0]
	for _, b := range p.bad {
		if b.Line >= first && b.Line < next {
			mine = append(mine, b)
		} else {
			rest = append(rest, b)
		}
	}
	p.bad = rest
	return mine
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
			if o := pair[0].FindIndex(body); o != nil && o[0] < end {
				// Another opens before this one closes: this one never
				// does (Hugo refuses the page), and the next is read on
				// its own.
				end, closed = o[0], false
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
	parts := embedded(data)
	// A line past a limit outside every quiz block (a long paragraph of
	// the page around a shortcode) is no concern of the quiz.
	kept := p.bad[:0]
	for _, b := range p.bad {
		for _, pt := range parts {
			if b.Line >= pt.lines+1 && b.Line <= pt.lines+1+bytes.Count(pt.src, []byte("\n")) {
				kept = append(kept, b)
				break
			}
		}
	}
	p.bad = kept
	for i, pt := range parts {
		p.lineOff, p.later = pt.lines, i > 0
		if pt.unclosed {
			p.fileErrorf(pt.lines+1, "the {{< quizdown >}} opened here is never closed: expected {{< /quizdown >}} after the quiz (Hugo refuses to build such a page)")
		}
		p.parsePart(pt.src)
	}
	p.noQuestions = len(p.quiz.Questions) == 0 && len(p.quiz.SetAside) == 0
}

// quizdownDecode is what quizdown-js does to its text before marked reads
// it: the common indentation goes, and &lt; &gt; &amp; are decoded. Tabs
// become four spaces, as marked's lexer does.
var quizdownDecode = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "\t", "    ")

func (p *parser) parsePart(src []byte) {
	text := quizdownDecode.Replace(string(dedent(src)))
	lines := splitLines(text, p.lineOff+1)
	blocks := p.lexer.lex(lines, true)
	p.partShuffle, p.partOptions = nil, false
	p.questions(blocks, p.lineOff+len(lines)+1)
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
	// codeList is the line of an indented listing that looks like a list
	// of answers (a list indented by a tab or four spaces), or 0.
	codeList int
}

// notHeading matches a line of seven or more # and then text: CommonMark
// and marked read it as a paragraph, not as a heading.
var notHeading = regexp.MustCompile(`^ {0,3}#{7,}(\s|$)`)

// looksLikeList says whether a listing's first line is a list item.
var looksLikeList = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])\s`)

// questions reads a quizdown block's questions; end is the first line
// after the block.
func (p *parser) questions(blocks []*mdBlock, end int) {
	var cur *building
	// flush ends the current question at line next (the next question's
	// heading, or past the end).
	flush := func(next int) {
		if cur == nil {
			return
		}
		bad := p.takeBad(cur.q.Line, next)
		title := shorten(PlainText(cur.q.Title))
		switch {
		case cur.list && cur.q.Engine != nil:
			p.errorf(cur.q.Engine.Line, "question %q has a lab block and a list of answers: the simulator makes the answers of a question with a lab block; remove one of them", title)
		case !cur.list && cur.q.Engine == nil && cur.codeList > 0:
			p.errorf(cur.codeList, "question %q has no answers: its list is indented by a tab or four spaces, so Markdown reads it as code; start the list's lines at the left edge", title)
		case !cur.list && cur.q.Engine == nil:
			p.errorf(cur.q.Line, "question %q has no answers: expected a task list (- [x] right, - [ ] wrong), an ordered task list (1. [x]), an ordered list for a sequence, or a lab block for the simulator to answer", title)
		}
		if cur.q.ShuffleAnswers == nil && p.partShuffle != nil {
			cur.q.ShuffleAnswers = p.partShuffle
		}
		p.cur = nil
		if p.pastLimit {
			return // said once, at the first question past the limit
		}
		if len(p.quiz.Questions)+len(p.quiz.SetAside) >= MaxQuestions {
			p.pastLimit = true
			msg := fmt.Sprintf("more than %d questions: the questions from here on are not read", MaxQuestions)
			p.fileErrorf(cur.q.Line, "%s", msg)
			p.quiz.SetAside = append(p.quiz.SetAside, SetAside{Line: cur.q.Line, Title: title + " …",
				Problems: []LineError{{cur.q.Line, msg}}})
			return
		}
		own := p.own[cur.q]
		if len(bad) > 0 {
			// What else is wrong may come from the blanked lines: say
			// only what the teacher wrote.
			own = bad
		}
		if len(own) > 0 {
			for _, e := range own {
				p.errs = record(p.errs, e.Line, "%s", e.Msg)
			}
			sort.SliceStable(own, func(i, j int) bool { return own[i].Line < own[j].Line })
			p.quiz.SetAside = append(p.quiz.SetAside, SetAside{Line: cur.q.Line, Title: title, Problems: own})
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
			flush(b.line)
			cur = &building{q: &Question{Line: b.line, Title: p.runs(b.text)}}
			p.cur = cur.q
			if len(strings.TrimSpace(PlainText(cur.q.Title))) == 0 {
				p.errorf(cur.q.Line, "a question heading has no text")
			}
			if b.dashUnder {
				p.warnf(b.line+1, "the --- on line %d underlines the line above it, so Markdown (and quizdown-js) reads %q as a heading, that is, a new question, not as an options block or a separator: leave a blank line before the ---", b.line+1, shorten(PlainText(cur.q.Title)))
			}
			continue
		case mdParagraph:
			if m := notHeading.FindString(b.text); m != "" {
				// Meant as a question: read it as one, to set it aside
				// with a word, rather than give its answers to the
				// question before it (as quizdown-js, which shows the
				// line as text, does).
				flush(b.line)
				first, _, _ := strings.Cut(b.text, "\n")
				cur = &building{q: &Question{Line: b.line, Title: p.runs(strings.TrimLeft(strings.TrimSpace(first), "#"))}}
				p.cur = cur.q
				p.errorf(b.line, "%q is not a heading: a heading has 1 to 6 #, so Markdown (and quizdown-js) reads this line as text and starts no question here", strings.TrimSpace(m))
				continue
			}
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
			if b.folds > 0 {
				p.warnf(b.folds, "the heading comes right under the answers of question %q, with no blank line between: this app starts a new question there, but quizdown-js folds the heading into the last answer and shows no such question; add a blank line before it", shorten(PlainText(q.Title)))
			}
			p.warnSevenHashes(q, b)
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
			if b.indented && !cur.list && cur.codeList == 0 && looksLikeList.MatchString(b.text) {
				cur.codeList = b.line
			}
			q.Body = append(q.Body, p.blocks([]*mdBlock{b})...)
		default:
			// Paragraphs and code, after the answers too: quizdown-js
			// adds them to the question.
			q.Body = append(q.Body, p.blocks([]*mdBlock{b})...)
		}
	}
	flush(end)
}

// optionsBlock reads a --- options block. Before the first question it
// holds the quiz's options (the first such block of the file, as
// quizdown-js reads it); under a question heading, that question's
// (quizdown-js honours only shuffleAnswers there); at the top of a later
// quizdown block of the page (a second shortcode), that block's —
// quizdown-js shows each block as a quiz of its own, this app shows the
// page as one quiz, so such a block's shuffleAnswers goes to its
// questions and its other options are said to be left out. A mistake in
// an options block leaves the questions as they are.
func (p *parser) optionsBlock(b *mdBlock, cur *building) {
	keep := p.cur
	p.cur = nil
	defer func() { p.cur = keep }()
	if p.swallowed(b) {
		return // its lines are questions, not options: they are said
	}
	if b.unclosed {
		p.fileErrorf(b.line, "the options block opened here is never closed: expected a line with --- after the options")
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
		set := p.readOptions([]byte(body.String()), b.line, &o)
		if set["shuffleAnswers"] {
			cur.q.ShuffleAnswers = &o.ShuffleAnswers
		}
		if others := otherOptions(set); len(others) > 0 {
			p.warnf(b.line, "the options block under question %q sets %s: only shuffleAnswers can be set under a question (quizdown-js's docs/options.md), so the rest are left out", shorten(PlainText(cur.q.Title)), strings.Join(others, ", "))
		}
	case p.partOptions:
		p.warnf(b.line, "a second options block before the first question: quizdown-js reads only the first one, so this one is left out")
	case !p.quizOptions && !p.later:
		p.quizOptions, p.partOptions = true, true
		p.readOptions([]byte(body.String()), b.line, &p.quiz.Options)
	default:
		p.partOptions = true
		o := p.quiz.Options
		set := p.readOptions([]byte(body.String()), b.line, &o)
		if set["shuffleAnswers"] {
			p.partShuffle = &o.ShuffleAnswers
		}
		var differ []string
		for _, name := range otherOptions(set) {
			if optionValue(o, name) != optionValue(p.quiz.Options, name) {
				differ = append(differ, name)
			}
		}
		if len(differ) > 0 {
			p.warnf(b.line, "this quizdown block's options set %s: quizdown-js shows each block of a page as a quiz of its own, this app shows the page as one quiz with the first block's options, so these are left out (shuffleAnswers, if set, applies to this block's questions)", strings.Join(differ, ", "))
		}
	}
}

// swallowed says whether options block b holds headings: a --- written
// as a separator between questions opens an options block that runs to
// the next --- (or the end), as in quizdown-js, which then shows none of
// the questions inside. Each is set aside with a problem saying so.
func (p *parser) swallowed(b *mdBlock) bool {
	// A line starting with # is a comment in options; the block holds
	// questions only when something else in it is no option either
	// (an answer, a paragraph).
	prose := false
	for _, l := range b.body {
		t := strings.TrimSpace(l.text)
		if t != "" && !strings.HasPrefix(t, "#") && !optionStart.MatchString(t) {
			prose = true
			break
		}
	}
	if !prose {
		return false
	}
	ends := fmt.Sprintf("which ends at the --- on line %d", b.line+len(b.body)+1)
	if b.unclosed {
		ends = "which no --- closes"
	}
	found := false
	for _, l := range b.body {
		rest, ok := atxHeading(l.text)
		if !ok {
			continue
		}
		found = true
		title := shorten(rest)
		msg := fmt.Sprintf("question %q is inside the options block that the --- on line %d opens, %s: everything between two --- lines is read as options (quizdown-js does not show this question either); to separate questions leave a blank line, or write *** instead", title, b.line, ends)
		p.fileErrorf(l.num, "%s", msg)
		p.quiz.SetAside = append(p.quiz.SetAside, SetAside{Line: l.num, Title: title, Problems: []LineError{{l.num, msg}}})
	}
	return found
}

// optionStart is how an option starts: a name and a colon.
var optionStart = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*\s*:`)

// otherOptions lists the options set, other than shuffleAnswers, in
// their usual order.
func otherOptions(set map[string]bool) []string {
	var out []string
	for _, n := range optionNames {
		if set[n] && n != "shuffleAnswers" {
			out = append(out, n)
		}
	}
	return out
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

// answers reads a question's list. The question's kind is the one
// quizdown-js gives it (its parser.ts, determineQuestionType): an
// unordered list is multiple choice, an ordered one is single choice when
// its first item has a box and a sequence when it has none; an answer is
// right when marked read a checked box on it (item.checked). Where an
// answer has no box among answers that have one, quizdown-js shows it as
// a wrong answer (or, in a sequence, drops the others' boxes): this
// reader does the same and warns, since a box written "[x]a" or after a
// tab looks checked to its author.
func (p *parser) answers(q *Question, list *mdBlock) {
	line := list.line
	title := shorten(PlainText(q.Title))
	boxed, plain := 0, 0
	for _, item := range list.items {
		a := &Answer{Line: item.line, Correct: item.checked}
		if item.task {
			boxed++
		} else {
			plain++
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
			p.errorf(a.Line, "an answer of question %q is empty", title)
		}
		if item.nearTask {
			p.warnf(item.line, "an answer of question %q starts with %q that is not a checkbox (a box needs one space before it and one after it, as in \"- [x] answer\"): quizdown-js, and this app, show it as text and never as a right answer", title, item.box)
		}
		q.Answers = append(q.Answers, a)
	}
	keys := 0
	for _, a := range q.Answers {
		if a.Correct {
			keys++
		}
	}
	mixed := boxed > 0 && plain > 0
	switch {
	case len(q.Answers) > MaxAnswers:
		p.errorf(line, "question %q has %d answers; the limit is %d", title, len(q.Answers), MaxAnswers)
	case !list.ordered && boxed == 0:
		p.errorf(line, "question %q has a bullet list without checkboxes: write - [x] for a right answer and - [ ] for a wrong one", title)
	case !list.ordered:
		q.Type = Multiple
		p.warnUnboxed(list, title)
		if keys == 0 {
			p.errorf(line, "multiple-choice question %q has no correct answer: mark at least one with [x]", title)
		}
		if len(q.Answers) < 2 {
			p.errorf(line, "multiple-choice question %q has %d answer; expected at least 2", title, len(q.Answers))
		}
	case list.items[0].task:
		q.Type = Single
		p.warnUnboxed(list, title)
		if keys != 1 {
			p.errorf(line, "single-choice question %q has %d correct answers; expected exactly 1 (use a bullet list - [x] for several)", title, keys)
		}
		if len(q.Answers) < 2 {
			p.errorf(line, "single-choice question %q has %d answer; expected at least 2", title, len(q.Answers))
		}
	default:
		q.Type = Sequence
		if mixed {
			p.warnf(line, "question %q is an ordered list whose first item has no checkbox, so it is a sequence to put in order (as quizdown-js reads it) and the checkboxes of the other items are dropped; give every item [ ] or [x] for a single choice", title)
			for _, a := range q.Answers {
				a.Correct = false
			}
		}
		if len(q.Answers) < 2 {
			p.errorf(line, "sequence question %q has %d item; expected at least 2 to put in order", title, len(q.Answers))
		}
	}
}

// warnUnboxed warns about the answers of a list of choices that have no
// checkbox, besides those already warned about as a box that is not one.
func (p *parser) warnUnboxed(list *mdBlock, title string) {
	n := 0
	for _, it := range list.items {
		if !it.task && !it.nearTask {
			n++
		}
	}
	switch {
	case n == 0 || n == len(list.items):
	case n == 1:
		p.warnf(list.line, "question %q has an answer without a checkbox among answers with one: it is a wrong answer, shown as written (as quizdown-js shows it); give every answer [ ] or [x]", title)
	default:
		p.warnf(list.line, "question %q has %d answers without a checkbox among answers with one: they are wrong answers, shown as written (as quizdown-js shows them); give every answer [ ] or [x]", title, n)
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
