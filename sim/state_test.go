package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// decodeErr decodes input and returns the whole error text ("" when it
// decodes).
func decodeErr(t *testing.T, input string) string {
	t.Helper()
	_, err := sim.Decode([]byte(input))
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestIntegerValues: a VALUE may be a whole number, written back as the
// same number; anything else numeric is refused where it stands.
func TestIntegerValues(t *testing.T) {
	tests := []struct {
		name, value, want string // want: "" decodes; else the whole message
	}{
		{"positive", `5432`, ""},
		{"negative", `-1`, ""},
		{"largest", `9223372036854775807`, ""},
		{"fraction", `1.5`, "functions[0].body[0].return: expected a whole number from -9223372036854775808 to 9223372036854775807 (no fraction or exponent), got 1.5"},
		{"exponent", `1e3`, "functions[0].body[0].return: expected a whole number from -9223372036854775808 to 9223372036854775807 (no fraction or exponent), got 1e3"},
		{"too large", `9223372036854775808`, "functions[0].body[0].return: expected a whole number from -9223372036854775808 to 9223372036854775807 (no fraction or exponent), got 9223372036854775808"},
		{"an array", `[1]`, `functions[0].body[0].return: expected a value: a string, true/false, a whole number, {"var": name} or {"none": true}; got an array`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := mainBody(`{"return":` + tc.value + `}`)
			require.Equal(t, tc.want, decodeErr(t, in))
			if tc.want != "" {
				return
			}
			sc, err := sim.Decode([]byte(in))
			require.NoError(t, err)
			enc, err := sim.Encode(sc)
			require.NoError(t, err)
			assert.Contains(t, string(enc), `"return": `+tc.value)
			assert.Contains(t, sim.Render(sc), "return "+tc.value+"\n")
			res, err := sim.Run(sc)
			require.NoError(t, err)
			assert.Equal(t, tc.value, res.Tasks[0].Result)
		})
	}
}

// scenarioWith is a scenario of the given managers (a JSON array's
// elements) whose main runs body.
func scenarioWith(managers, body string) string {
	return `{"version":1,"managers":[` + managers + `],"functions":[{"name":"main","body":[` + body + `]}]}`
}

const connection = `{"name":"Connection","kind":"class","params":["host","port"],"aenter":[{"return":{"var":"self"}}]}`

// TestConstructorsAreValidated: each mistake in a constructor, its
// parameters or a call's arguments is one message naming where it is and
// what was expected.
func TestConstructorsAreValidated(t *testing.T) {
	tests := []struct {
		name, managers, body, want string
	}{
		{"too few arguments", connection, `{"with":{"items":[{"manager":"Connection","args":["db"]}],"body":[]}}`,
			"functions[0].body[0].with.items[0].args: Connection(host, port) takes 2 arguments; got 1"},
		{"arguments for none", `{"name":"M","kind":"class"}`, `{"with":{"items":[{"manager":"M","args":[1]}],"body":[]}}`,
			"functions[0].body[0].with.items[0].args: M() takes no arguments; got 1"},
		{"a generator's argument missing", `{"name":"s","kind":"generator","params":["name"],"body":[{"yield":null}]}`, `{"with":{"items":[{"manager":"s"}],"body":[]}}`,
			"functions[0].body[0].with.items[0].args: s(name) takes 1 argument; got 0"},
		{"assign", connection, `{"assign":{"name":"c","manager":"Connection","args":[]}}`,
			"functions[0].body[0].assign.args: Connection(host, port) takes 2 arguments; got 0"},
		{"enterContext", connection, `{"with":{"items":[{"exitStack":true,"as":"s"}],"body":[{"enterContext":{"stack":"s","manager":"Connection","args":[1,2,3]}}]}}`,
			"functions[0].body[0].with.body[0].enterContext.args: Connection(host, port) takes 2 arguments; got 3"},
		{"args without a manager", connection, `{"assign":{"name":"c","manager":"Connection","args":["a",1]}},{"with":{"items":[{"use":"c","args":[]}],"body":[]}}`,
			`functions[0].body[1].with.items[0].args: only a manager item takes args ({"manager": NAME, "args": [...]})`},
		{"an argument that is no value", connection, `{"with":{"items":[{"manager":"Connection","args":[[1],2]}],"body":[]}}`,
			`functions[0].body[0].with.items[0].args[0]: expected a value: a string, true/false, a whole number, {"var": name} or {"none": true}; got an array`},
		{"args not a list", connection, `{"with":{"items":[{"manager":"Connection","args":{"host":"a"}}],"body":[]}}`,
			"functions[0].body[0].with.items[0].args: expected an array"},
		{"an unknown variable", connection, `{"with":{"items":[{"manager":"Connection","args":[{"var":"nope"},1]}],"body":[]}}`,
			`functions[0].body[0].with.items[0].args[0]: unknown variable "nope": it is never assigned in main`},
		{"await in __init__", `{"name":"M","kind":"class","init":[{"print":"x"},{"sleep":1}]}`, ``,
			"managers[0].init[1]: a sleep statement cannot appear in __init__, a plain method (def, not async def) that runs while the manager is made: it cannot await"},
		{"with in __init__", `{"name":"M","kind":"class","init":[{"with":{"items":[{"manager":"M"}],"body":[]}}]}`, ``,
			"managers[0].init[0]: a with statement cannot appear in __init__"},
		{"yield in __init__", `{"name":"M","kind":"class","init":[{"yield":null}]}`, ``,
			"managers[0].init[0]: yield belongs only in a generator manager's body"},
		{"__init__ returning a value", `{"name":"M","kind":"class","init":[{"return":"x"}]}`, ``,
			"managers[0].init: __init__ must return None (CPython raises TypeError otherwise); use a bare return (null)"},
		{"__init__ of a generator", `{"name":"g","kind":"generator","init":[{"pass":true}],"body":[{"yield":null}]}`, ``,
			"managers[0].init: only a class has __init__; a generator manager's params are its function's parameters"},
		{"a parameter Python's values have", `{"name":"M","kind":"class","params":["upper"]}`, ``,
			`managers[0].params[0]: "upper" is also an attribute of Python's own values (a str, an exception, a task...), so {x.upper} would read it there; choose another name`},
		{"a private-looking parameter", `{"name":"M","kind":"class","params":["_host"]}`, ``,
			`managers[0].params[0]: "_host" starts with _: the attribute would look private; choose a name without it`},
		{"a parameter twice", `{"name":"M","kind":"class","params":["host","host"]}`, ``,
			`managers[0].params[1]: duplicate parameter "host"`},
		{"self as a parameter", `{"name":"g","kind":"generator","params":["self"],"body":[{"yield":null}]}`, ``,
			`managers[0].params[0]: expected a Python identifier that is not a keyword or a name the program uses`},
		{"a parameter hiding a function", `{"name":"g","kind":"generator","params":["main"],"body":[{"yield":null}]}`, ``,
			`managers[0].params[0]: "main" would hide the function of the same name`},
		{"params not names", `{"name":"M","kind":"class","params":[1]}`, ``,
			"managers[0].params[0]: expected a string, got a number"},
		{"an attribute no constructor stores", connection, `{"with":{"items":[{"manager":"Connection","args":["a",1],"as":"c"}],"body":[{"print":"{c.hots}"}]}}`,
			`functions[0].body[0].with.body[0].print: {c.hots} reads the attribute "hots", which no class manager's __init__ or setAttr stores (the attributes stored are host, port)`},
		{"a private attribute", connection, `{"print":"{main._x}"}`,
			"functions[0].body[0].print: field {main._x} at offset 0: expected a variable name, NAME.ATTRIBUTE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Contains(t, decodeErr(t, scenarioWith(tc.managers, tc.body)), tc.want)
		})
	}
}

// run decodes and runs a scenario.
func run(t *testing.T, input string) *sim.Result {
	t.Helper()
	sc, err := sim.Decode([]byte(input))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	return res
}

// eventsOf lists the events of a manager, by kind.
func eventsOf(res *sim.Result, manager string) []string {
	var out []string
	for _, ev := range res.Trace.All() {
		if ev.Manager == manager {
			out = append(out, ev.Kind.String())
		}
	}
	return out
}

// TestConstructorTrace: manager.init opens an __init__ with code of its
// own; manager.created follows only an object that was made, and a failed
// one is in no ledger and never entered or exited.
func TestConstructorTrace(t *testing.T) {
	sc := mustDecode(t, scenarioWith(
		`{"name":"Outer","kind":"class"},
		 {"name":"Made","kind":"class","params":["n"],"init":[{"print":"made {n}"}]},
		 {"name":"Plain","kind":"class","params":["n"]},
		 {"name":"Broken","kind":"class","params":["n"],"init":[{"raise":"ValueError"}]}`,
		`{"with":{"items":[{"manager":"Made","args":[1]},{"manager":"Plain","args":[2]}],"body":[]}},
		 {"try":{"body":[{"with":{"items":[{"manager":"Outer"},{"manager":"Broken","args":[3]}],"body":[]}}],"except":[{"types":["ValueError"],"body":[]}]}}`))
	res, err := sim.Run(sc)
	require.NoError(t, err)
	lines := strings.Split(sim.Render(sc), "\n")
	assert.Equal(t, []string{"manager.init", "manager.created", "aenter.started", "aenter.returned", "aexit.called", "aexit.returned"}, eventsOf(res, "Made"))
	assert.Equal(t, []string{"manager.created", "aenter.started", "aenter.returned", "aexit.called", "aexit.returned"}, eventsOf(res, "Plain"))
	assert.Equal(t, []string{"manager.init", "manager.init-raised"}, eventsOf(res, "Broken"))
	var ledger []string
	for _, l := range res.Ledger {
		ledger = append(ledger, l.Label())
	}
	assert.Equal(t, []string{"Made", "Plain", "Outer"}, ledger, "no entry for the object that was never made")
	for _, ev := range res.Trace.All() {
		if ev.Kind == sim.ManagerCreated && ev.Manager == "Made" {
			assert.Equal(t, "__init__ ran", ev.Text)
		}
		if ev.Kind == sim.InitRaised {
			require.NotNil(t, ev.Exc)
			assert.Equal(t, "ValueError()", ev.Exc.Repr)
			assert.Equal(t, "async with Outer(), Broken(3):", strings.TrimSpace(lines[ev.Line-1]), "the with line")
		}
	}
	assert.Contains(t, sim.Render(mustDecode(t, scenarioWith(`{"name":"Broken","kind":"class","params":["n"],"init":[{"raise":"ValueError"}]}`, ``))),
		"class Broken:\n    def __init__(self, n):\n        self.n = n\n        raise ValueError\n")
}

func mustDecode(t *testing.T, input string) *sim.Scenario {
	t.Helper()
	sc, err := sim.Decode([]byte(input))
	require.NoError(t, err)
	return sc
}

// TestAttributes: {x.attr} reads what a constructor stored, and raises
// CPython's AttributeError on any other value.
func TestAttributes(t *testing.T) {
	tests := []struct{ field, want string }{
		{"{c.host}", "db"},
		{"{c.port!r}", "5432"},
		{"{c.host!r}", "'db'"},
		{"{c.link.host}", "cache"},
		{"{c.link!r}", "Connection('cache', 6379, None)"},
		{"{c!r}", "Connection('db', 5432, Connection('cache', 6379, None))"},
		{"{c.link.link.host}", "AttributeError(\"'NoneType' object has no attribute 'host'\")"},
		{"{m.host}", "AttributeError(\"'Bare' object has no attribute 'host'\")"},
		{"{t.port}", "AttributeError(\"'_asyncio.Task' object has no attribute 'port'\")"},
		{"{v.port}", "AttributeError(\"'str' object has no attribute 'port'\")"},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			res := run(t, `{"version":1,"managers":[
				{"name":"Connection","kind":"class","params":["host","port","link"],"aenter":[{"return":{"var":"self"}}]},
				{"name":"Bare","kind":"class","aenter":[{"return":{"var":"self"}}]}],
			"functions":[{"name":"idle","body":[]},{"name":"main","body":[
				{"createTask":{"call":"idle","as":"t"}},
				{"with":{"items":[{"manager":"Connection","args":["cache",6379,{"none":true}],"as":"cache"},
					{"manager":"Connection","args":["db",5432,{"var":"cache"}],"as":"c"},
					{"manager":"Bare","as":"m"},{"nullContext":"text","as":"v"}],"body":[
					{"try":{"body":[{"print":"`+tc.field+`"}],"except":[{"types":["AttributeError"],"as":"e","body":[{"print":"{e!r}"}]}]}}]}}]}]}`)
			assert.Equal(t, tc.want+"\n", res.Stdout)
		})
	}
}

// TestNestedReprsStayBounded: instances whose attributes hold instances
// twice over would print 2^40 characters; the run says so at once.
func TestNestedReprsStayBounded(t *testing.T) {
	body := `{"assign":{"name":"n0","manager":"Node","args":["leaf","leaf"]}}`
	for i := 1; i <= 40; i++ {
		body += fmt.Sprintf(`,{"assign":{"name":"n%d","manager":"Node","args":[{"var":"n%d"},{"var":"n%d"}]}}`, i, i-1, i-1)
	}
	sc := mustDecode(t, scenarioWith(`{"name":"Node","kind":"class","params":["left","right"]}`, body+`,{"print":"{n40}"}`))
	_, err := sim.Run(sc)
	require.ErrorIs(t, err, sim.ErrUnshowable)
	assert.Contains(t, err.Error(), "longer than 64 KiB")
}

// TestGeneratorParams: an @asynccontextmanager function's parameters are
// in its signature and are its body's locals; calling it runs nothing.
func TestGeneratorParams(t *testing.T) {
	sc := mustDecode(t, scenarioWith(`{"name":"session","kind":"generator","params":["user","retries"],"body":[{"print":"{user} {retries!r}"},{"yield":{"var":"user"}}]}`,
		`{"assign":{"name":"s","manager":"session","args":["ann",3]}},{"print":"made"},{"with":{"items":[{"use":"s","as":"u"}],"body":[{"print":"as {u}"}]}}`))
	assert.Contains(t, sim.Render(sc), "@asynccontextmanager\nasync def session(user, retries):\n")
	assert.Contains(t, sim.Render(sc), `s = session("ann", 3)`)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	assert.Equal(t, "made\nann 3\nas ann\n", res.Stdout)
	assert.Equal(t, []string{"manager.created", "aenter.started", "generator.yielded", "aenter.returned", "target.bound",
		"aexit.called", "generator.resumed", "generator.finished", "aexit.returned"}, eventsOf(res, "session"))
}

const guard = `{"name":"guard","kind":"generator","params":["name"],"body":[{"print":"enter {name}"},{"yield":null},{"print":"exit {name}"}]}`

// TestDecoratorsAreValidated: a decorator is a generator manager called
// with what exists when the module runs.
func TestDecoratorsAreValidated(t *testing.T) {
	fn := func(decorator, body string) string {
		return `{"version":1,"shared":[{"name":"lock","kind":"lock"}],"managers":[` + guard + `,{"name":"Conn","kind":"class"}],"functions":[
			{"name":"f","decorator":` + decorator + `,"body":[` + body + `]},{"name":"main","body":[{"call":{"function":"f","as":"x"}}]}]}`
	}
	tests := []struct{ name, input, want string }{
		{"a class", fn(`{"manager":"Conn"}`, ``),
			`functions[0].decorator.manager: "Conn" is a class; only an @asynccontextmanager function (a generator manager) decorates a function here`},
		{"unknown", fn(`{"manager":"nope","args":[]}`, ``), `functions[0].decorator.manager: unknown manager "nope"`},
		{"a function", fn(`{"manager":"main"}`, ``), `functions[0].decorator.manager: "main" is a function, expected a manager`},
		{"a local variable", fn(`{"manager":"guard","args":[{"var":"x"}]}`, `{"call":{"function":"main","as":"x"}}`),
			`functions[0].decorator.args[0]: the decorator line runs when the module does, where only shared objects exist: "x" is not one`},
		{"too many arguments", fn(`{"manager":"guard","args":["a","b"]}`, ``), `functions[0].decorator.args: guard(name) takes 1 argument; got 2`},
		{"none at all", fn(`{"manager":"guard"}`, ``), `functions[0].decorator.args: guard(name) takes 1 argument; got 0`},
		{"not an object", fn(`"guard"`, ``), `functions[0].decorator: expected an object`},
		{"no manager", fn(`{"args":["a"]}`, ``), `functions[0].decorator.manager: required field is missing`},
		{"an unknown field", fn(`{"manager":"guard","args":["a"],"as":"g"}`, ``), `functions[0].decorator.as: unknown field`},
		{"recursion", `{"version":1,"managers":[{"name":"g","kind":"generator","body":[{"call":"f"},{"yield":null}]}],"functions":[
			{"name":"f","decorator":{"manager":"g"},"body":[]},{"name":"main","body":[]}]}`, `endless recursion: f -> g -> f`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Contains(t, decodeErr(t, tc.input), tc.want)
		})
	}
	assert.Empty(t, decodeErr(t, fn(`{"manager":"guard","args":[{"var":"lock"}]}`, ``)), "a shared object exists when the module runs")
}

// TestDecoratedCalls: every call of a decorated function enters a fresh
// manager on the decorator's line, around the function's body; a task
// running it is named after the function (functools.wraps).
func TestDecoratedCalls(t *testing.T) {
	sc := mustDecode(t, `{"version":1,"managers":[`+guard+`],"functions":[
		{"name":"f","decorator":{"manager":"guard","args":["g"]},"body":[{"print":"f runs"},{"return":7}]},
		{"name":"main","body":[{"call":{"function":"f","as":"a"}},{"createTask":{"call":"f","as":"t"}},{"await":{"task":"t","as":"b"}},{"print":"{a} {b}"}]}]}`)
	src := sim.Render(sc)
	assert.Contains(t, src, "\n@guard(\"g\")\nasync def f():\n")
	res, err := sim.Run(sc)
	require.NoError(t, err)
	assert.Equal(t, "enter g\nf runs\nexit g\nenter g\nf runs\nexit g\n7 7\n", res.Stdout)
	assert.Equal(t, "f", res.Tasks[1].Name)
	assert.Equal(t, []string{"guard#1", "guard#2"}, []string{res.Ledger[0].Label(), res.Ledger[1].Label()}, "a fresh manager per call")
	lines := strings.Split(src, "\n")
	for _, ev := range res.Trace.All() {
		if ev.Kind == sim.ManagerCreated || ev.Kind == sim.BodyStarted || ev.Kind == sim.AexitCalled {
			assert.Equal(t, `@guard("g")`, lines[ev.Line-1], "%s is on the decorator's line", ev.Kind)
		}
	}
}
