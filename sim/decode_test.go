package sim_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

func mainBody(stmts string) string {
	return `{"version":1,"functions":[{"name":"main","body":[` + stmts + `]}]}`
}

func TestDecodeReportsWhereAndWhat(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string // each must appear in the error text
	}{
		{"not JSON", `{"version": 1,,}`, []string{"invalid JSON at line 1, column 15"}},
		{"syntax error on a later line", "{\n  \"version\": 1,\n  \"functions\": [}\n", []string{"line 3"}},
		{"empty input", ``, []string{"invalid JSON"}},
		{"trailing data", `{"version":1,"functions":[{"name":"main","body":[]}]} {}`, []string{"unexpected data after the scenario"}},
		{"wrong version", `{"version":7,"functions":[{"name":"main","body":[]}]}`, []string{"version: expected 1"}},
		{"missing version", `{"functions":[{"name":"main","body":[]}]}`, []string{"version: required field is missing"}},
		{"unknown top-level field", `{"version":1,"functions":[{"name":"main","body":[]}],"colour":"red"}`, []string{"colour: unknown field"}},
		{"no main", `{"version":1,"functions":[{"name":"other","body":[]}]}`, []string{"expected a function named main"}},
		{"wrong type", mainBody(`{"sleep":"1"}`), []string{"functions[0].body[0].sleep: expected a number, got a string"}},
		{"negative sleep", mainBody(`{"sleep":-1}`), []string{"functions[0].body[0].sleep: expected 0 or a number of seconds"}},
		{"unknown statement", mainBody(`{"jump":1}`), []string{`functions[0].body[0]: unknown statement "jump"`}},
		{"two fields in a statement", mainBody(`{"sleep":1,"print":"x"}`), []string{"functions[0].body[0]: expected a statement: an object with one field"}},
		{"missing manager", mainBody(`{"with":{"items":[{"manager":"Ghost"}],"body":[]}}`), []string{`functions[0].body[0].with.items[0].manager: unknown manager "Ghost"`}},
		{"a function as a manager", mainBody(`{"with":{"items":[{"manager":"main"}],"body":[]}}`), []string{`functions[0].body[0].with.items[0].manager: "main" is a function, expected a manager`}},
		{"unknown variable", mainBody(`{"print":"{nobody}"}`), []string{`unknown variable "nobody"`}},
		{"bad template", mainBody(`{"print":"{oops"}`), []string{"unclosed {"}},
		{"bare raise outside except", mainBody(`{"reraise":true}`), []string{"bare raise belongs inside an except block"}},
		{"unknown exception class", mainBody(`{"raise":"Boom"}`), []string{`functions[0].body[0].raise.type: expected one of`}},
		{"yield outside a generator", mainBody(`{"yield":"x"}`), []string{"yield belongs only in a generator"}},
		{"recursion", `{"version":1,"functions":[{"name":"f","body":[{"call":"main"}]},{"name":"main","body":[{"call":"f"}]}]}`, []string{"main cannot be called again"}},
		{"mutual recursion", `{"version":1,"functions":[{"name":"f","body":[{"call":"g"}]},{"name":"g","body":[{"call":"f"}]},{"name":"main","body":[]}]}`, []string{"endless recursion: f -> g -> f"}},
		{"generator without yield", `{"version":1,"managers":[{"name":"g","kind":"generator","body":[{"print":"x"}]}],"functions":[{"name":"main","body":[]}]}`, []string{"managers[0].body: expected at least one yield"}},
		{"generator returning a value", `{"version":1,"managers":[{"name":"g","kind":"generator","body":[{"yield":null},{"return":"x"}]}],"functions":[{"name":"main","body":[]}]}`, []string{"cannot return a value"}},
		{"duplicate names", `{"version":1,"managers":[{"name":"main","kind":"class"}],"functions":[{"name":"main","body":[]}]}`, []string{`"main" is already defined as a manager`}},
		{"bad kind", `{"version":1,"managers":[{"name":"m","kind":"magic"}],"functions":[{"name":"main","body":[]}]}`, []string{`managers[0].kind: expected "class", "generator" or "asyncgen"`}},
		{"a name in Hangul", mainBody(`{"call":{"function":"main","as":"결과"}}`), []string{`"결과": names may hold Latin, Greek and Cyrillic letters`}},
		{"a name Python would respell", `{"version":1,"functions":[{"name":"ﬁle","body":[]},{"name":"main","body":[]}]}`, []string{`"ﬁle": Python reads it as file; write it that way`}},
		{"python as a number", `{"version":1,"python":3.12,"functions":[{"name":"main","body":[]}]}`, []string{`python: expected a string such as "3.13", got the number 3.12 (write it in quotes)`}},
		{"break outside a loop", mainBody(`{"break":true}`), []string{"break belongs inside a for, a while or an async for"}},
		{"setAttr outside a class", mainBody(`{"setAttr":{"name":"conn","value":"x"}}`), []string{"setAttr assigns self.NAME: it belongs in a class manager's aenter, aexit or init"}},
		{"setAttr of a private name", `{"version":1,"managers":[{"name":"M","kind":"class","aenter":[{"setAttr":{"name":"_x","value":"v"}}]}],"functions":[{"name":"main","body":[]}]}`, []string{`"_x" starts with _`}},
		{"while True with not", mainBody(`{"while":{"not":true,"body":[]}}`), []string{"while.not: a while without var is while True"}},
		{"while testing a call it cannot make", mainBody(`{"for":{"var":"t","range":1,"body":[]}},{"while":{"var":"t.frob()","body":[]}}`), []string{`while.var: expected a variable name, or what a print field may read of one`}},
		{"while testing a repr", mainBody(`{"for":{"var":"t","range":1,"body":[]}},{"while":{"var":"repr(t)","body":[]}}`), []string{`repr(...) cannot be tested`}},
		{"if testing an unknown attribute", mainBody(`{"for":{"var":"t","range":1,"body":[]}},{"if":{"var":"t.colour","then":[]}}`), []string{`if.var: t.colour reads the attribute "colour"`}},
		{"while testing a task method without ()", mainBody(`{"for":{"var":"t","range":1,"body":[]}},{"while":{"var":"t.done","body":[]}}`), []string{`while.var: t.done reads the attribute "done"`, `to call the task's method, write done()`}},
		{"for without a range", mainBody(`{"for":{"var":"i","body":[]}}`), []string{"for.range: required field is missing"}},
		{"for over too many rounds", mainBody(`{"for":{"var":"i","range":5000,"body":[]}}`), []string{"for.range: expected a whole number from 0 to 1000, got 5000"}},
		{"async for over a plain variable", mainBody(`{"assign":{"name":"g","manager":"M"}},{"asyncFor":{"use":"g","body":[]}}`), []string{`"g" is not bound by an aclosing item`}},
		{"aclosing of a manager", `{"version":1,"managers":[{"name":"M","kind":"class"}],"functions":[{"name":"main","body":[{"with":{"items":[{"aclosing":"M"}],"body":[]}}]}]}`, []string{`"M" is a class manager, not an async generator function`}},
		{"to_thread of an async def", mainBody(`{"toThread":{"function":"main"}}`), []string{"is an async def; to_thread runs a plain function"}},
		{"wait_for without a timeout", mainBody(`{"waitFor":{"call":"main"}}`), []string{"waitFor.timeout: required field is missing"}},
		{"await in a sync method", `{"version":1,"managers":[{"name":"m","kind":"class","protocol":"sync","aenter":[{"sleep":1}]}],"functions":[{"name":"main","body":[]}]}`, []string{"cannot appear in the plain methods of a sync protocol class"}},
		{"too deep", mainBody(strings.Repeat(`{"with":{"items":[{"manager":"M"}],"body":[`, 21) + strings.Repeat(`]}}`, 21)), []string{"CPython compiles at most 20"}},
		{"keyword as a name", `{"version":1,"functions":[{"name":"class","body":[]},{"name":"main","body":[]}]}`, []string{"expected a Python identifier"}},
		{"variable hides a definition", `{"version":1,"functions":[{"name":"w","body":[]},{"name":"main","body":[{"call":{"function":"w","as":"w"}}]}]}`, []string{`"w" would hide the function`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(tc.input))
			require.Error(t, err)
			assert.Nil(t, sc)
			var se *sim.ScenarioError
			require.True(t, errors.As(err, &se), "want a ScenarioError, got %T", err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestDecodeMessagesSayExactlyWhat: the whole message, for inputs whose
// message once misled (a boolean "expected true, got a boolean", a
// second "expected 1, got 1", a byte-order mark read as 'ï', NaN without
// its field, invalid UTF-8 called disallowed text, a key given twice
// silently taking the last value).
func TestDecodeMessagesSayExactlyWhat(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"pass false", mainBody(`{"pass":false}`),
			"functions[0].body[0].pass: expected true, got false (the statement is there or not: leave it out instead)"},
		{"version as a string", `{"version":"1","functions":[{"name":"main","body":[]}]}`,
			"version: expected the number 1, got a string"},
		{"NaN", mainBody(`{"sleep":NaN}`),
			"functions[0].body[0].sleep: invalid JSON at line 1, column 59: JSON has no NaN; expected a finite number"},
		{"Infinity on a later line", "{\"version\":1,\n\"functions\":[{\"name\":\"main\",\"body\":[{\"block\": Infinity}]}]}",
			"functions[0].body[0].block: invalid JSON at line 2, column 47: JSON has no Infinity; expected a finite number"},
		{"invalid UTF-8", "{\"version\":1,\n\"title\":\"caf\xe9\",\"functions\":[]}",
			"the scenario is not UTF-8 text: line 2, column 13 holds a byte that is not UTF-8 (save the file as UTF-8)"},
		{"a key twice", "{\"version\":1,\"functions\":[{\"name\":\"main\",\n \"name\":\"other\",\"body\":[]}]}",
			"functions[0].name: given twice in one object (again at line 2, column 2): keep one"},
		{"a statement's field twice", mainBody(`{"sleep":1,"sleep":2}`),
			"functions[0].body[0].sleep: given twice in one object (again at line 1, column 61): keep one"},
		{"cut short", `{"version":1,"functions":[{"name":"main","body":[`,
			"functions[0].body: invalid JSON at line 1, column 50: the text ends before the value does"},
		{"a character after an element", mainBody(`{"sleep":[1 2]}`),
			"functions[0].body[0].sleep[1]: invalid JSON at line 1, column 62: invalid character '2' after array element"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sim.Decode([]byte(tc.input))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error(), "one message, exactly")
		})
	}
}

// TestDecodeAcceptsAByteOrderMark: editors on Windows start UTF-8 files
// with one; the quiz reader accepts it, and so does Decode.
func TestDecodeAcceptsAByteOrderMark(t *testing.T) {
	sc, err := sim.Decode([]byte("\ufeff" + mainBody(`{"print":"hi"}`)))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	assert.Equal(t, "hi\n", res.Stdout)
}

func TestDecodeReportsEveryProblemAtOnce(t *testing.T) {
	_, err := sim.Decode([]byte(mainBody(`{"sleep":-1},{"print":"{a}"},{"raise":"Nope"}`)))
	var se *sim.ScenarioError
	require.True(t, errors.As(err, &se))
	assert.Len(t, se.Errors, 3)
	assert.Equal(t, "functions[0].body[0].sleep", se.Errors[0].Path)
	assert.Equal(t, "functions[0].body[1].print", se.Errors[1].Path)
	assert.Equal(t, "functions[0].body[2].raise.type", se.Errors[2].Path)
}

func TestDecodeRejectsOversizedInput(t *testing.T) {
	big := make([]byte, sim.MaxScenarioBytes+1)
	_, err := sim.Decode(big)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "limit")
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, s := range append(loadPresets(t), loadConformance(t)...) {
		enc, err := sim.Encode(s.sc)
		require.NoError(t, err)
		back, err := sim.Decode(enc)
		require.NoError(t, err, s.name)
		assert.Equal(t, sim.Render(s.sc), sim.Render(back), s.name)
	}
}

// TestDocExampleDecodes keeps the complete example in the package doc
// (doc.go) valid and runnable.
func TestDocExampleDecodes(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	var b strings.Builder
	in := false
	for _, line := range strings.Split(string(src), "\n") {
		switch {
		case line == "//\t{":
			in = true
		case in && line == "//\t}":
			b.WriteString("}\n")
			in = false
		}
		if in {
			b.WriteString(strings.TrimPrefix(line, "//\t") + "\n")
		}
	}
	require.NotEmpty(t, b.String(), "doc.go should hold an example scenario")
	sc, err := sim.Decode([]byte(b.String()))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	assert.Contains(t, res.Stdout, "results: ")
}

// TestPrintFieldsAndRaiseFrom: the print fields that read an exception's
// chain or a type's name, and raise ... from, are read and refused as
// documented.
func TestPrintFieldsAndRaiseFrom(t *testing.T) {
	ok := []string{
		`{"try":{"body":[{"raise":"KeyError"}],"except":[{"types":["KeyError"],"as":"e","body":[{"print":"{e.__context__.__cause__!r} {type(e).__name__} {e.__suppress_context__}"}]}]}}`,
		`{"try":{"body":[{"raise":"KeyError"}],"except":[{"types":["KeyError"],"as":"e","body":[{"raise":{"type":"ValueError","from":"e"}}]}]}}`,
		`{"raise":{"type":"ValueError","message":"x","from":null}}`,
	}
	for _, body := range ok {
		_, err := sim.Decode([]byte(mainBody(body)))
		assert.NoError(t, err, body)
	}
	bad := map[string]string{
		`{"print":"{x.host}"}`:                            `{x.host} reads the attribute "host", which no class manager's __init__ or setAttr stores`,
		`{"print":"{type(x)}"}`:                           "expected a variable name, NAME.ATTRIBUTE",
		`{"print":"{x._args}"}`:                           "expected a variable name, NAME.ATTRIBUTE",
		`{"raise":{"type":"ValueError","from":"nobody"}}`: `raise.from: unknown variable "nobody"`,
		`{"raise":{"type":"ValueError","from":3}}`:        "raise.from: expected a string, got a number",
	}
	for body, want := range bad {
		_, err := sim.Decode([]byte(mainBody(body)))
		require.Error(t, err, body)
		assert.Contains(t, err.Error(), want, body)
	}
	// Reading __context__ from a value that is no exception is the
	// AttributeError CPython raises.
	sc, err := sim.Decode([]byte(mainBody(`{"try":{"body":[{"raise":"KeyError"}],"except":[{"types":["KeyError"],"as":"e","body":[{"print":"{e.__context__.__context__}"}]}]}}`)))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	require.NotNil(t, res.Uncaught)
	assert.Equal(t, "AttributeError(\"'NoneType' object has no attribute '__context__'\")", res.Uncaught.Repr)
}
