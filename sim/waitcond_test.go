package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// withShared is a scenario with the shared objects shared (a JSON array's
// elements), a function job, and main's body stmts.
func withShared(shared, stmts string) string {
	return `{"version":1,"shared":[` + shared + `],"functions":[{"name":"main","body":[` + stmts + `]},{"name":"job","body":[{"sleep":1}]}]}`
}

const condShared = `{"name":"lock","kind":"lock"},{"name":"cond","kind":"condition","lock":"lock"}`

// TestConditionWaitAndTasksDecodeErrors: condition statements, asyncio.wait,
// uncancel and currentTask say where and what was expected.
func TestConditionWaitAndTasksDecodeErrors(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string
	}{
		{"condWait of a number", withShared(condShared, `{"condWait":3}`),
			[]string{"functions[0].body[0].condWait: expected the name of a shared condition; got a number"}},
		{"notifyAll as an object", withShared(condShared, `{"notifyAll":{"cond":"cond"}}`),
			[]string{"functions[0].body[0].notifyAll: expected the name of a shared condition; got an object"}},
		{"notify of a list", withShared(condShared, `{"notify":["cond"]}`),
			[]string{`functions[0].body[0].notify: expected the name of a shared condition, or {"cond": NAME, "n": N}; got an array`}},
		{"notify with a fraction", withShared(condShared, `{"notify":{"cond":"cond","n":1.5}}`),
			[]string{"functions[0].body[0].notify.n: expected a whole number from 0 to 1000, got 1.5"}},
		{"notify without its condition", withShared(condShared, `{"notify":{"n":2}}`),
			[]string{"functions[0].body[0].notify.cond: required field is missing"}},
		{"notify with an unknown field", withShared(condShared, `{"notify":{"cond":"cond","all":true}}`),
			[]string{"functions[0].body[0].notify.all: unknown field (expected one of: cond, n)"}},
		{"condWait on a lock", withShared(condShared, `{"condWait":"lock"}`),
			[]string{`functions[0].body[0].condWait: expected the name of a shared condition (a "shared" entry of kind "condition"), got "lock"`}},
		{"notify on a variable", withShared(condShared, `{"currentTask":"me"},{"notify":{"cond":"me","n":1}}`),
			[]string{`functions[0].body[1].notify.cond: expected the name of a shared condition`}},
		{"condition over a later lock", withShared(`{"name":"cond","kind":"condition","lock":"lock"},{"name":"lock","kind":"lock"}`, ``),
			[]string{`shared[0].lock: expected the name of a shared lock listed before "cond", got "lock"`}},
		{"condition over a semaphore", withShared(`{"name":"s","kind":"semaphore"},{"name":"cond","kind":"condition","lock":"s"}`, ``),
			[]string{`shared[1].lock: expected the name of a shared lock listed before "cond", got "s"`}},
		{"a lock over a lock", withShared(`{"name":"a","kind":"lock"},{"name":"b","kind":"lock","lock":"a"}`, ``),
			[]string{"shared[1].lock: only a condition is made over a lock"}},
		{"a condition with a value", withShared(`{"name":"c","kind":"condition","value":2}`, ``),
			[]string{"shared[0].value: a condition takes no value"}},
		{"wait without tasks", mainBody(`{"wait":{"returnWhen":"FIRST_COMPLETED"}}`),
			[]string{"functions[0].body[0].wait.tasks: required field is missing (expected an array of task variables)"}},
		{"wait on no task", mainBody(`{"wait":{"tasks":[]}}`),
			[]string{"functions[0].body[0].wait.tasks: expected at least one task variable"}},
		{"wait on a number", mainBody(`{"wait":{"tasks":[1]}}`),
			[]string{"functions[0].body[0].wait.tasks[0]: expected a string, got a number"}},
		{"wait with a bad return_when", withShared("", `{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t"],"returnWhen":"FIRST"}}`),
			[]string{`functions[0].body[1].wait.returnWhen: expected one of FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, got "FIRST"`}},
		{"wait with a negative timeout", withShared("", `{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t"],"timeout":-1}}`),
			[]string{"functions[0].body[1].wait.timeout: expected 0 or a number of seconds"}},
		{"wait with done alone", withShared("", `{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t"],"done":"d"}}`),
			[]string{"functions[0].body[1].wait: expected both done and pending"}},
		{"wait on an unknown variable", mainBody(`{"wait":{"tasks":["ghost"]}}`),
			[]string{`functions[0].body[0].wait.tasks[0]: unknown variable "ghost"`}},
		{"wait as a list", mainBody(`{"wait":["t"]}`),
			[]string{"functions[0].body[0].wait: expected an object, got an array"}},
		{"wait done hides a function", withShared("", `{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t"],"done":"main","pending":"p"}}`),
			[]string{`functions[0].body[1].wait.done: "main" would hide the function`}},
		{"uncancel of a number", mainBody(`{"uncancel":1}`),
			[]string{"functions[0].body[0].uncancel: expected an object, got a number"}},
		{"uncancel of an unknown task", mainBody(`{"uncancel":{"task":"t","as":"n"}}`),
			[]string{`functions[0].body[0].uncancel.task: unknown variable "t"`}},
		{"currentTask without a name", mainBody(`{"currentTask":""}`),
			[]string{"functions[0].body[0].currentTask: expected the name of the variable that holds the task"}},
		{"currentTask as an object", mainBody(`{"currentTask":{"as":"me"}}`),
			[]string{"functions[0].body[0].currentTask: expected a string, got an object"}},
		{"an unknown task method", mainBody(`{"currentTask":"me"},{"print":"{me.cancel()}"}`),
			[]string{"field {me.cancel()} at offset 0: expected a variable name"}},
		{"len of a call", mainBody(`{"print":"{len(a.b())}"}`),
			[]string{"field {len(a.b())} at offset 0"}},
		{"len of an attribute no class stores", mainBody(`{"currentTask":"a"},{"print":"{len(a.b)}"}`),
			[]string{`{len(a.b)} reads the attribute "b"`}},
		{"len as a function name", `{"version":1,"functions":[{"name":"len","body":[]},{"name":"main","body":[]}]}`,
			[]string{"functions[0].name: expected a Python identifier"}},
		{"wait in a plain method", `{"version":1,"managers":[{"name":"m","kind":"class","protocol":"sync","aenter":[{"condWait":"c"}]}],"shared":[{"name":"c","kind":"condition"}],"functions":[{"name":"main","body":[]}]}`,
			[]string{"a condWait statement cannot appear in the plain methods"}},
		{"notify in a worker thread", `{"version":1,"shared":[{"name":"c","kind":"condition"}],"functions":[{"name":"f","sync":true,"body":[{"notify":"c"}]},{"name":"main","body":[]}]}`,
			[]string{"a notify statement cannot appear in a plain def"}},
		{"a class parameter named like a set method", `{"version":1,"managers":[{"name":"M","kind":"class","params":["union"]}],"functions":[{"name":"main","body":[]}]}`,
			[]string{`"union" is also an attribute of Python's own values`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(tc.input))
			require.Error(t, err)
			assert.Nil(t, sc)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestConditionWaitAndTasksRoundTrip: what Decode reads, Encode writes
// back the same, and Render writes as CPython code.
func TestConditionWaitAndTasksRoundTrip(t *testing.T) {
	tests := []struct {
		name, shared, stmts string
		python              []string
	}{
		{"condition statements", condShared,
			`{"with":{"items":[{"use":"cond"}],"body":[{"condWait":"cond"},{"notify":"cond"},{"notify":{"cond":"cond","n":2}},{"notifyAll":"cond"}]}}`,
			[]string{"lock = asyncio.Lock()", "cond = asyncio.Condition(lock)", "    async with cond:",
				"        await cond.wait()", "        cond.notify()", "        cond.notify(2)", "        cond.notify_all()"}},
		{"a condition of its own", `{"name":"ready","kind":"condition"}`, `{"notify":{"cond":"ready","n":0}}`,
			[]string{"ready = asyncio.Condition()", "    ready.notify(0)"}},
		{"wait in full", "",
			`{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t","t"],"returnWhen":"FIRST_EXCEPTION","timeout":1.5,"done":"d","pending":"p"}},{"print":"{len(d)} {p}"}`,
			[]string{"    d, p = await asyncio.wait({t, t}, return_when=asyncio.FIRST_EXCEPTION, timeout=1.5)", `    print(f"{len(d)} {p}")`}},
		{"wait in short", "", `{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t"]}}`,
			[]string{"    await asyncio.wait({t})"}},
		{"task methods", "",
			`{"currentTask":"me"},{"uncancel":"me"},{"uncancel":{"task":"me","as":"n"}},{"print":"{me.done()} {me.cancelled()} {me.cancelling()} {me.result()!r} {me.exception()}"}`,
			[]string{"    me = asyncio.current_task()", "    me.uncancel()", "    n = me.uncancel()",
				`    print(f"{me.done()} {me.cancelled()} {me.cancelling()} {me.result()!r} {me.exception()}")`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(withShared(tc.shared, tc.stmts)))
			require.NoError(t, err)
			enc, err := sim.Encode(sc)
			require.NoError(t, err)
			back, err := sim.Decode(enc)
			require.NoError(t, err)
			assert.Equal(t, sc, back)
			src := sim.Render(sc)
			for _, line := range tc.python {
				assert.Contains(t, src, line+"\n")
			}
		})
	}
}

// TestConditionWaitAndTasksRun: outcomes the engine shares with CPython
// (the conformance scenarios hold the version differences).
func TestConditionWaitAndTasksRun(t *testing.T) {
	tests := []struct {
		name, shared, stmts, stdout string
	}{
		{"wait outside the lock", condShared,
			`{"try":{"body":[{"condWait":"cond"}],"except":[{"types":["RuntimeError"],"as":"e","body":[{"print":"{e!r}"}]}]}}`,
			"RuntimeError('cannot wait on un-acquired lock')\n"},
		{"notify outside the lock", condShared,
			`{"try":{"body":[{"notifyAll":"cond"}],"except":[{"types":["RuntimeError"],"as":"e","body":[{"print":"{e!r}"}]}]}}`,
			"RuntimeError('cannot notify on un-acquired lock')\n"},
		{"the condition's lock is the shared lock", condShared,
			`{"with":{"items":[{"use":"lock"}],"body":[{"notify":"cond"},{"print":"notified under lock"}]}}`,
			"notified under lock\n"},
		{"len of a gather's list and of None", "",
			`{"gather":{"awaitables":[{"call":"job"}],"as":"r"}},{"print":"{len(r)}"},{"call":{"function":"job","as":"n"}},{"try":{"body":[{"print":"{len(n)}"}],"except":[{"types":["TypeError"],"as":"e","body":[{"print":"{e!r}"}]}]}}`,
			"1\nTypeError(\"object of type 'NoneType' has no len()\")\n"},
		{"a set from asyncio.wait is unhashable", "",
			`{"createTask":{"call":"job","as":"t"}},{"cancel":"t"},{"wait":{"tasks":["t"],"done":"d","pending":"p"}},{"print":"{p} {len(d)}"},{"try":{"body":[{"wait":{"tasks":["t","d"]}}],"except":[{"types":["TypeError"],"as":"e","body":[{"print":"{e!r}"}]}]}},{"try":{"body":[{"gather":{"awaitables":[{"task":"d"}]}}],"except":[{"types":["TypeError"],"as":"e","body":[{"print":"{e!r}"}]}]}}`,
			"set() 1\nTypeError(\"unhashable type: 'set'\")\nTypeError(\"unhashable type: 'set'\")\n"},
		{"methods of what is no task", "",
			`{"try":{"body":[{"raise":"KeyError"}],"except":[{"types":["KeyError"],"as":"e","body":[{"try":{"body":[{"print":"{e.done()}"}],"except":[{"types":["AttributeError"],"as":"a","body":[{"print":"{a!r}"}]}]}}]}]}}`,
			"AttributeError(\"'KeyError' object has no attribute 'done'\")\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(withShared(tc.shared, tc.stmts)))
			require.NoError(t, err)
			res, err := sim.Run(sc)
			require.NoError(t, err)
			assert.Equal(t, tc.stdout, res.Stdout)
		})
	}
}

// TestBareExceptBindsNoName: "except as e:" is a SyntaxError in Python,
// so a handler without types binds no name.
func TestBareExceptBindsNoName(t *testing.T) {
	_, err := sim.Decode([]byte(mainBody(`{"try":{"body":[],"except":[{"as":"e","body":[]}]}}`)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "functions[0].body[0].try.except[0].as: a bare except cannot bind a name")
}

// TestTasksAndSetsAreNotPrinted: a task's repr and a set of tasks' hold
// memory addresses, so printing them is refused, naming the field.
func TestTasksAndSetsAreNotPrinted(t *testing.T) {
	tests := []struct{ name, stmts, want string }{
		{"the current task", `{"currentTask":"me"},{"print":"{me}"}`, "shows {me}, whose text holds a memory address"},
		{"a set of done tasks", `{"createTask":{"call":"job","as":"t"}},{"wait":{"tasks":["t"],"done":"d","pending":"p"}},{"print":"{d!r}"}`,
			"shows {d}, whose text holds a memory address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(withShared("", tc.stmts)))
			require.NoError(t, err)
			_, err = sim.Run(sc)
			require.ErrorIs(t, err, sim.ErrUnshowable)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
