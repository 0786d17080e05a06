package quiz

import "strings"

// This file is marked 2's list rule (block.list, block.item,
// block.listItemStart and Tokenizer.list), which decides what belongs to
// an answer. Its surprises matter for quizzes: a line right under an
// answer that starts no list item (a "> comment", a "# heading") belongs
// to that answer, and "[x]" makes a task only when a space follows it.

// itemStart is marked's listItemStart, /^( *)(bull) */: the indentation,
// the marker, and the width of both with the spaces after them.
type itemStart struct {
	indent int
	bull   string
	width  int
}

func readItemStart(s string) (itemStart, bool) {
	ind, bull, ok := bulletAt(s, -1)
	if !ok {
		return itemStart{}, false
	}
	w := ind + len(bull)
	for w < len(s) && s[w] == ' ' {
		w++
	}
	return itemStart{ind, bull, w}, true
}

// isListEndRule is the rule that ends a list in marked's list rule: the
// list's own indentation (or none), then three or more of - _ or *.
func isListEndRule(s string, indent int) bool {
	if leadingSpaces(s) != 0 && leadingSpaces(s) != indent {
		return false
	}
	return isRule(s) // a list's indentation is 3 at most, as a rule's may be
}

// chunk is the lines of one list item, with their indices in the list's
// text (so that what a list gives back is found again).
type chunk struct {
	lines []srcLine
	at    []int
}

func (lx *mdLexer) list(lines []srcLine, i int, _ bool, push func(*mdBlock)) (int, bool) {
	first := lines[i].text
	indent, bull, ok := bulletAt(first, 3)
	if !ok {
		return 0, false
	}
	after := indent + len(bull)
	if after >= len(first) || first[after] != ' ' {
		return 0, false // marked wants a space after the marker
	}
	if after+1 >= len(first) && i+1 >= len(lines) {
		return 0, false // and at least one more character
	}
	end, folded := listEnd(lines, i, indent)

	// Split into items: every line starting with a marker (at any
	// indentation, with or without a space after it) starts one.
	var items []chunk
	for k := i; k < end; k++ {
		if _, _, ok := bulletAt(lines[k].text, -1); ok || len(items) == 0 {
			items = append(items, chunk{})
		}
		c := &items[len(items)-1]
		c.lines = append(c.lines, lines[k])
		c.at = append(c.at, k)
	}

	list := &mdBlock{kind: mdList, line: lines[i].num, ordered: len(bull) > 1}
	resume := end
	bcurr, _ := readItemStart(items[0].lines[0].text)
	l := len(items)
	for idx := 0; idx < l; idx++ {
		item := items[idx]
		// A blank line, then a line indented less than this item's text:
		// the list ends there.
		if cut := itemEnd(item.lines, bcurr.width-1); cut > 0 {
			resume = item.at[cut]
			item.lines, item.at = item.lines[:cut], item.at[:cut]
			l = idx + 1
		}
		if idx != l-1 {
			bnext, _ := readItemStart(items[idx+1].lines[0].text)
			if bnext.indent >= bcurr.width || bnext.indent > 3 {
				// A nested list or a continuation: part of this item.
				next := items[idx+1]
				merged := chunk{lines: append([]srcLine(nil), item.lines...), at: append([]int(nil), item.at...)}
				lastEmpty := merged.lines[len(merged.lines)-1].text == ""
				if bnext.indent < bcurr.width && !lastEmpty {
					// marked joins these two lines without a newline.
					merged.lines[len(merged.lines)-1].text += next.lines[0].text
					merged.lines = append(merged.lines, next.lines[1:]...)
					merged.at = append(merged.at, next.at[1:]...)
				} else {
					merged.lines = append(merged.lines, next.lines...)
					merged.at = append(merged.at, next.at...)
				}
				items[idx] = merged
				items = append(items[:idx+1], items[idx+2:]...)
				idx--
				l--
				continue
			}
			if bnext.bull[len(bnext.bull)-1] != bull[len(bull)-1] {
				// Another kind of marker: a new list starts there.
				resume = items[idx+1].at[0]
				l = idx + 1
			}
			bcurr = bnext
		}
		list.items = append(list.items, lx.item(item.lines))
	}
	if folded && resume == end {
		list.folds = lines[end].num
	}
	push(list)
	return resume, true
}

// listEnd finds where marked's list rule stops: before a rule line, a
// link definition, a blank line followed by a line that is not indented
// and starts no item, or only white space to the end. folded says it
// stopped before a heading that marked would have kept in the list.
func listEnd(lines []srcLine, i, indent int) (end int, folded bool) {
	for j := i + 1; j < len(lines); j++ {
		rest := true
		for _, l := range lines[j:] {
			if !isBlank(l.text) {
				rest = false
				break
			}
		}
		if rest {
			return j, false
		}
		m := j
		for m < len(lines) && lines[m].text == "" {
			m++
		}
		if m < len(lines) && (isListEndRule(lines[m].text, indent) || isDefLine(lines[m].text)) {
			return j, false
		}
		// Our one departure from marked: a heading right under the list
		// starts the next question. marked would fold it into the last
		// answer, and the question would vanish.
		if isQuestionHeading(lines[j].text) {
			return j, !isBlank(lines[j-1].text)
		}
		if lines[j].text == "" && j+1 < len(lines) {
			next := lines[j+1].text
			if next == "" {
				return j, false
			}
			if next[0] != ' ' {
				if _, b, ok := bulletAt(next, 0); !ok || len(next) <= len(b) || next[len(b)] != ' ' {
					return j, false
				}
			}
		}
	}
	return len(lines), false
}

// isBox says whether s starts with a task box, [ ], [x] or [X].
func isBox(s string) bool {
	return len(s) >= 3 && s[0] == '[' && s[2] == ']' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X')
}

// isQuestionHeading: a heading's marker, with or without text after it.
func isQuestionHeading(s string) bool {
	_, ok := atxHeading(s)
	return ok
}

// isDefLine says whether a line looks like a link definition, "[x]: url".
func isDefLine(s string) bool {
	k := leadingSpaces(s)
	if k > 3 || !strings.HasPrefix(s[k:], "[") {
		return false
	}
	c := strings.Index(s[k:], "]:")
	return c >= 2 && strings.TrimSpace(s[k+1:k+c]) != "" && strings.TrimSpace(s[k+c+2:]) != ""
}

// itemEnd is marked's /\n\s*\n {0,n}\S/ within an item: the index of the
// first of one or more blank lines followed by a line indented n or less,
// or 0.
func itemEnd(ls []srcLine, n int) int {
	for j := 1; j < len(ls); j++ {
		if !isBlank(ls[j].text) {
			continue
		}
		k := j
		for k < len(ls) && isBlank(ls[k].text) {
			k++
		}
		if k < len(ls) && leadingSpaces(ls[k].text) <= n {
			return j
		}
		j = k
	}
	return 0
}

// item takes the marker off an item's lines, outdents them, reads the
// task box and lexes what is left.
func (lx *mdLexer) item(ls []srcLine) *mdItem {
	ls = append([]srcLine(nil), ls...)
	first := ls[0].text
	ind, bull, _ := bulletAt(first, -1)
	// marked: /^ *([*+-]|\d+[.)]) ?/ — the marker and one space.
	rest := first[ind+len(bull):]
	rest = strings.TrimPrefix(rest, " ")
	space := len(first) - len(rest)
	ls[0].text = rest
	outdent := false
	for _, l := range ls[1:] {
		if strings.HasPrefix(l.text, " ") {
			outdent = true
		}
	}
	if outdent {
		for k := range ls {
			ls[k].text = ls[k].text[min(leadingSpaces(ls[k].text), space):]
		}
	}
	for len(ls) > 1 && ls[len(ls)-1].text == "" {
		ls = ls[:len(ls)-1]
	}
	it := &mdItem{line: ls[0].num}
	t := ls[0].text
	switch {
	case isBox(t) && len(t) >= 4 && t[3] == ' ':
		it.task, it.checked = true, t[1] != ' '
		ls[0].text = strings.TrimLeft(t[3:], " ")
	case isBox(strings.TrimLeft(t, " ")):
		// marked's task rule is /^\[[ xX]\] / on the item's text: a box
		// after more than one space ("-<tab>[x] a"), or without a space
		// after it ("[x]a", "[x]" and a zero-width space), is text.
		it.nearTask = true
		it.box = strings.TrimLeft(t, " ")[:3]
	}
	it.blocks = lx.lex(ls, false)
	return it
}
