package quiz

import (
	"regexp"

	gast "github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// checkboxParser reads the "[x] " or "[ ] " that opens a list item, as
// goldmark's extension.TaskList does (adapted from it, MIT licence). It
// is here rather than imported because the extension package links
// goldmark's whole HTML renderer into the app, which never renders HTML.
type checkboxParser struct{}

var checkboxPattern = regexp.MustCompile(`^\[([\sxX])\]\s*`)

// Trigger: a checkbox starts with '['.
func (checkboxParser) Trigger() []byte { return []byte{'['} }

// Parse makes a checkbox node when '[' opens the first line of a list
// item's first block.
func (checkboxParser) Parse(parent gast.Node, block text.Reader, _ gmparser.Context) gast.Node {
	item := parent.Parent()
	if item == nil || item.FirstChild() != parent || parent.HasChildren() {
		return nil
	}
	if _, ok := item.(*gast.ListItem); !ok {
		return nil
	}
	line, _ := block.PeekLine()
	m := checkboxPattern.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	mark := line[m[2]]
	block.Advance(m[1])
	return extast.NewTaskCheckBox(mark == 'x' || mark == 'X')
}

// CloseBlock has nothing to finish.
func (checkboxParser) CloseBlock(gast.Node, gmparser.Context) {}
