package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// TestAddNoteAndExceptionFields: the addNote statement and the print
// fields that read an exception are read, refused and run as documented
// (CPython's own results are in the conformance scenario
// exception-notes-and-fields).
func TestAddNoteAndExceptionFields(t *testing.T) {
	caught := func(handler string) string {
		return mainBody(`{"try":{"body":[{"raise":{"type":"KeyError","message":"k"}}],"except":[{"types":["KeyError"],"as":"e","body":[` + handler + `]}]}}`)
	}
	bad := []struct{ name, input, want string }{
		{"no note", mainBody(`{"addNote":{"to":"x"}}`), "functions[0].body[0].addNote.note: required field is missing"},
		{"unknown variable", mainBody(`{"addNote":{"to":"x","note":"n"}}`), `functions[0].body[0].addNote.to: unknown variable "x"`},
		{"a note that is no text", caught(`{"addNote":{"to":"e","note":3}}`), "addNote.note: expected a string, got a number"},
		{"an unknown field", caught(`{"addNote":{"to":"e","note":"n","when":1}}`), "addNote.when: unknown field"},
		{"repr twice", caught(`{"print":"{repr(e)!r}"}`), "repr(...) gives the text already; leave out !r"},
		{"len of len", caught(`{"print":"{len(len(e))}"}`), "expected a variable name"},
		{"an unclosed call", caught(`{"print":"{len(e.args}"}`), "expected a variable name"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sim.Decode([]byte(tc.input))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	runs := []struct{ name, handler, stdout, uncaught string }{
		{"notes", `{"addNote":{"to":"e","note":"one"}},{"addNote":{"to":"e","note":"two"}},{"print":"{e.__notes__} {len(e.__notes__)}"}`,
			"['one', 'two'] 2\n", ""},
		{"args and repr", `{"print":"{e.args} {len(e.args)} {repr(e)} {type(e).__name__}"}`, "('k',) 1 KeyError('k') KeyError\n", ""},
		{"no notes yet", `{"print":"{e.__notes__}"}`, "", `AttributeError("'KeyError' object has no attribute '__notes__'")`},
		{"no members", `{"print":"{e.exceptions}"}`, "", `AttributeError("'KeyError' object has no attribute 'exceptions'")`},
		{"no len", `{"print":"{len(e)}"}`, "", `TypeError("object of type 'KeyError' has no len()")`},
		{"a tuple's attribute", `{"print":"{e.args.__context__}"}`, "", `AttributeError("'tuple' object has no attribute '__context__'")`},
	}
	for _, tc := range runs {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(caught(tc.handler)))
			require.NoError(t, err)
			res, err := sim.Run(sc)
			require.NoError(t, err)
			assert.Equal(t, tc.stdout, res.Stdout)
			if tc.uncaught != "" {
				require.NotNil(t, res.Uncaught)
				assert.Equal(t, tc.uncaught, res.Uncaught.Repr)
			}
		})
	}
	// The note travels with the exception: the trace and the uncaught
	// exception carry it (a traceback shows it; the repr does not).
	sc, err := sim.Decode([]byte(caught(`{"addNote":{"to":"e","note":"kept"}},{"reraise":true}`)))
	require.NoError(t, err)
	assert.Contains(t, sim.Render(sc), "\n        e.add_note(\"kept\")\n")
	res, err := sim.Run(sc)
	require.NoError(t, err)
	require.NotNil(t, res.Uncaught)
	assert.Equal(t, []string{"kept"}, res.Uncaught.Notes)
	assert.Equal(t, "KeyError('k')", res.Uncaught.Repr)
}
