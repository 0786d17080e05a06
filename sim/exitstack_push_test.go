package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// stackScenario is a scenario whose main runs body inside
// "async with AsyncExitStack() as stack", with the functions given.
func stackScenario(funcs, body string) string {
	if funcs != "" {
		funcs += ","
	}
	return `{"version":1,"managers":[{"name":"M","kind":"class","protocol":"sync","aenter":[{"print":"M enter"}],"aexit":[{"print":"M exit {exc!r}"}]}],
	"functions":[` + funcs + `
	{"name":"plain","sync":true,"params":["who"],"body":[{"print":"plain {who}"}]},
	{"name":"plainExit","sync":true,"exitParams":true,"body":[{"print":"plainExit {exc!r}"}]},
	{"name":"later","params":["who","n"],"body":[{"sleep":0},{"print":"later {who} {n}"}]},
	{"name":"onExit","exitParams":true,"body":[{"print":"onExit {exc!r}"}]},
	{"name":"main","body":[{"with":{"items":[{"exitStack":true,"as":"stack"}],"body":[` + body + `]}}]}]}`
}

func TestPushStatementsRefuse(t *testing.T) {
	refusals(t, []struct{ name, input, want string }{
		{"a plain def pushed async", stackScenario("", `{"pushCallback":{"stack":"stack","function":"plain","args":["x"]}}`),
			`pushCallback.function: "plain" is a plain def: stack.push_async_callback would await what it returns; push it with "sync": true (stack.callback)`},
		{"an async def pushed sync", stackScenario("", `{"pushExit":{"stack":"stack","function":"onExit","sync":true}}`),
			`pushExit.function: "onExit" is an async def: stack.push would call it without awaiting it, so its code would never run; leave out "sync" (stack.push_async_exit)`},
		{"a callback pushed as an exit", stackScenario("", `{"pushExit":{"stack":"stack","function":"plain","sync":true}}`),
			`"plain" must take (exc_type, exc, tb): set exitParams`},
		{"an exit pushed as a callback", stackScenario("", `{"pushCallback":{"stack":"stack","function":"plainExit","sync":true}}`),
			`"plainExit" takes (exc_type, exc, tb); it can only be pushed with pushExit`},
		{"too few arguments", stackScenario("", `{"pushCallback":{"stack":"stack","function":"later","args":["x"]}}`),
			"pushCallback.args: later(who, n) takes 2 arguments; got 1"},
		{"an unknown variable as an argument", stackScenario("", `{"pushCallback":{"stack":"stack","function":"plain","sync":true,"args":[{"var":"ghost"}]}}`),
			`pushCallback.args[0]: unknown variable "ghost"`},
		{"function and object", stackScenario("", `{"pushExit":{"stack":"stack","function":"onExit","object":"stack"}}`),
			"pushExit: expected exactly one of function (an exit function taking exc_type, exc, tb) or object"},
		{"neither", stackScenario("", `{"pushExit":{"stack":"stack"}}`), "pushExit: expected exactly one of function"},
		{"args on pushExit", stackScenario("", `{"pushExit":{"stack":"stack","function":"onExit","args":[]}}`), "pushExit.args: unknown field"},
		{"an unknown object", stackScenario("", `{"pushExit":{"stack":"stack","object":"ghost"}}`), `pushExit.object: unknown variable "ghost"`},
		{"a callback called", stackScenario("", `{"call":"later"}`), `"later" takes parameters (who, n); only pushCallback passes arguments (its args)`},
		{"a callback as a task", stackScenario("", `{"createTask":{"call":"later"}}`), `"later" takes parameters (who, n)`},
		{"a callback in a thread", stackScenario("", `{"toThread":"plain"}`), `toThread.function: "plain" takes parameters (who)`},
		{"an exit function in a thread", stackScenario("", `{"toThread":"plainExit"}`), `toThread.function: "plainExit" takes (exc_type, exc, tb)`},
		{"main with params", `{"version":1,"functions":[{"name":"main","params":["x"],"body":[]}]}`, "functions[0].params: main takes no parameters"},
		{"params and exitParams", stackScenario(`{"name":"both","exitParams":true,"params":["x"],"body":[]}`, ""),
			"functions[0].params: an exit function takes (exc_type, exc, tb) and nothing else"},
		{"a duplicate parameter", stackScenario(`{"name":"twice","params":["x","x"],"body":[]}`, ""), `functions[0].params[1]: duplicate parameter "x"`},
		{"a parameter named like a definition", stackScenario(`{"name":"hides","params":["main"],"body":[]}`, ""), `functions[0].params[0]: "main" would hide the function`},
		{"a plain def with a decorator", `{"version":1,"managers":[{"name":"g","kind":"generator","body":[{"yield":null}]}],"functions":[{"name":"f","sync":true,"decorator":{"manager":"g"},"body":[]},{"name":"main","body":[]}]}`,
			"functions[0].decorator: a plain def cannot be decorated here"},
		{"an await in a plain exit function", stackScenario(`{"name":"waits","sync":true,"exitParams":true,"body":[{"sleep":1}]}`, ""),
			"functions[0].body[0]: a sleep statement cannot appear in a plain def, which cannot await"},
		{"ifException in a plain callback", stackScenario(`{"name":"asks","sync":true,"body":[{"ifException":{"then":[]}}]}`, ""),
			"ifException belongs in exit code that receives exc_type"},
		{"sync on enterContext is a boolean", stackScenario("", `{"enterContext":{"stack":"stack","manager":"M","sync":"yes"}}`),
			"enterContext.sync: expected true or false, got a string"},
	})
}

func TestPushStatementsRenderAndRun(t *testing.T) {
	tests := []struct {
		name, body, line, out string
	}{
		{"enter_context", `{"enterContext":{"stack":"stack","manager":"M","sync":true,"as":"m"}}`,
			"m = stack.enter_context(M())", "M enter\nM exit None\n"},
		{"callback", `{"pushCallback":{"stack":"stack","function":"plain","sync":true,"args":["a"]}}`,
			`stack.callback(plain, "a")`, "plain a\n"},
		{"push", `{"pushExit":{"stack":"stack","function":"plainExit","sync":true}}`,
			"stack.push(plainExit)", "plainExit None\n"},
		{"push_async_callback with arguments", `{"pushCallback":{"stack":"stack","function":"later","args":[true,7]}}`,
			"stack.push_async_callback(later, True, 7)", "later True 7\n"},
		{"push_async_exit of a stack", `{"pushCallback":{"stack":"stack","function":"plain","sync":true,"args":["inner"]}},{"pushExit":{"stack":"stack","object":"stack"}}`,
			"stack.push_async_exit(stack)", "plain inner\n"},
		{"push of an object without __exit__", `{"try":{"body":[{"with":{"items":[{"exitStack":true,"as":"other"}],"body":[{"pushExit":{"stack":"other","object":"stack","sync":true}}]}}],"except":[{"types":["TypeError"],"as":"e","body":[{"print":"{e!r}"}]}]}}`,
			"other.push(stack)", "TypeError(\"'AsyncExitStack' object is not callable\")\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(stackScenario("", tc.body)))
			require.NoError(t, err)
			enc, err := sim.Encode(sc)
			require.NoError(t, err)
			back, err := sim.Decode(enc)
			require.NoError(t, err)
			src := sim.Render(sc)
			require.Equal(t, src, sim.Render(back))
			assert.Contains(t, src, " "+tc.line+"\n")
			res, err := sim.Run(sc)
			require.NoError(t, err)
			assert.Equal(t, tc.out, res.Stdout)
		})
	}
}
