package quizsim

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/assets"
	"asyncwithlab/internal/pyrun"
	"asyncwithlab/internal/pyrun/pyruntest"
	"asyncwithlab/quiz"
)

// TestBankKeysAgreeWithCPython runs the program of every question the
// simulator answers in the built-in banks under the CPython on this
// machine: it prints what the engine printed, line for line, so the
// order, the last line and the exits the keys come from are CPython's.
func TestBankKeysAgreeWithCPython(t *testing.T) {
	py, ver := pyruntest.Python(t)
	var progs []pyrun.Program
	want := map[string]*quiz.Question{}
	for _, lang := range []string{"en", "pt", "es"} {
		data, err := fs.ReadFile(assets.Banks, "quiz/"+lang+".md")
		require.NoError(t, err)
		q, err := Parse(lang+".md", data)
		require.NoError(t, err)
		for _, qq := range q.Questions {
			if qq.Engine == nil {
				continue
			}
			id := lang + ":" + qq.Engine.Run + ":" + qq.Engine.Ask
			want[id] = qq
			progs = append(progs, pyrun.Program{ID: id, Source: qq.Body[0].Code})
		}
	}
	require.GreaterOrEqual(t, len(progs), 3*8)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	results, err := pyrun.RunBatch(ctx, py, progs)
	require.NoError(t, err)
	require.Len(t, results, len(progs))
	for _, r := range results {
		t.Run(r.ID, func(t *testing.T) {
			qq := want[r.ID]
			ses, err := open(qq.Engine.Run)
			require.NoError(t, err)
			assert.Equal(t, ses.Result.Stdout, r.Stdout, "CPython %s prints what the engine printed", ver)
			lines := strings.Split(strings.TrimSuffix(r.Stdout, "\n"), "\n")
			_, keys := answers(qq)
			switch qq.Engine.Ask {
			case "output order":
				assert.Equal(t, lines, keys, "the key is CPython's order")
			case "last line":
				assert.Equal(t, []string{lines[len(lines)-1]}, keys, "the key is CPython's last line")
			}
		})
	}
}
