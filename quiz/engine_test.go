package quiz

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLabBlocks: a ```lab block makes a question the simulator answers;
// its mistakes are named on their lines.
func TestLabBlocks(t *testing.T) {
	good := "# In what order are these printed?\n\n```lab\nrun: doc001-basic   # document 001\nask: output order\n```\n"
	q, err := Parse("lab.md", []byte(good))
	require.NoError(t, err)
	require.Len(t, q.Questions, 1)
	assert.Equal(t, &EngineSpec{Line: 3, Run: "doc001-basic", Ask: "output order"}, q.Questions[0].Engine)
	assert.Empty(t, q.Questions[0].Answers, "Parse leaves the answers to package quizsim")
	assert.Empty(t, q.Questions[0].Body, "the lab block is not shown")

	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown ask", "# Q\n\n```lab\nrun: x\nask: everything\n```\n",
			[]string{`lab.md:5: the lab block asks "everything": expected one of "output order", "last line" or "first aexit"`}},
		{"no run", "# Q\n\n```lab\nask: last line\n```\n",
			[]string{`lab.md:3: the lab block names no run: expected a line such as run: doc001-basic`}},
		{"unknown key", "# Q\n\n```lab\nrun: x\nask: last line\nlang: pt\n```\n",
			[]string{`lab.md:6: the lab block has no "lang": expected run`}},
		{"indented", "# Q\n\n```lab\nrun: x\n  ask: last line\n```\n",
			[]string{`lab.md:5: the lab block is a flat list of name: value lines`}},
		{"and a list", "# Q\n\n```lab\nrun: x\nask: last line\n```\n\n- [x] a\n- [ ] b\n",
			[]string{`lab.md:3: question "Q" has a lab block and a list of answers`}},
		{"twice", "# Q\n\n```lab\nrun: x\nask: last line\n```\n\n```lab\nrun: y\nask: last line\n```\n",
			[]string{`lab.md:8: question "Q" has a second lab block (the first is at line 3)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("lab.md", []byte(tt.src))
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestOtherCodeBlocksStayCode: only the info string lab makes a lab
// block; a python listing is the question's text.
func TestOtherCodeBlocksStayCode(t *testing.T) {
	q, err := Parse("code.md", []byte("# Q\n\n```python\nrun: x\n```\n\n- [x] a\n- [ ] b\n"))
	require.NoError(t, err)
	assert.Nil(t, q.Questions[0].Engine)
	require.Len(t, q.Questions[0].Body, 1)
	assert.Equal(t, "run: x", q.Questions[0].Body[0].Code)
}
