package quiz

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWatchLink(t *testing.T) {
	tests := []struct {
		target, want string
		ok           bool
	}{
		{"#v1.p.doc001-basic.3", "v1.p.doc001-basic.3", true},
		{"https://school.example/lab/?lang=pt#v1.s.eNpLz.0", "v1.s.eNpLz.0", true},
		{"#v12.p.x.0.predict", "v12.p.x.0.predict", true},
		{"#v1.a.assignment", "", false}, // an assignment link is not an example
		{"#v.p.x.0", "", false},
		{"#v1.p", "", false},
		{"https://docs.python.org/3/reference/compound_stmts.html#async-with", "", false},
		{"v1.p.doc001-basic.3", "", false}, // no fragment
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			got, ok := WatchLink(tt.target)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestQuestionsNameTheirExample: the first simulator link in a question's
// heading, text or explanation becomes its Watch; other links do not.
func TestQuestionsNameTheirExample(t *testing.T) {
	src := "# Which runs first?\n\n" +
		"See [the docs](https://docs.python.org/3/reference/compound_stmts.html#async-with).\n\n" +
		"- [x] `__aenter__`\n- [ ] the body\n\n" +
		"> **Explanation:** watch it [in the simulator](#v1.p.doc001-basic.2), or [this run](#v1.p.aenter-fails.1).\n\n" +
		"# No example\n\n- [x] a\n- [ ] b\n\n" +
		"# [Linked heading](https://lab.example/#v1.s.abc.0)\n\n- [x] a\n- [ ] b\n"
	q, err := Parse("watch.md", []byte(src))
	require.NoError(t, err)
	require.Len(t, q.Questions, 3)
	assert.Equal(t, "v1.p.doc001-basic.2", q.Questions[0].Watch, "the first simulator link, not the docs")
	assert.Empty(t, q.Questions[1].Watch)
	assert.Equal(t, "v1.s.abc.0", q.Questions[2].Watch)
}
