package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

func TestPopAllAndAcloseRefuse(t *testing.T) {
	refusals(t, []struct{ name, input, want string }{
		{"aclose of an object", stackScenario("", `{"aclose":{"stack":"stack"}}`),
			"aclose: expected the name of a variable holding an AsyncExitStack, got an object"},
		{"aclose of nothing", stackScenario("", `{"aclose":""}`), "aclose: expected the name of a variable"},
		{"aclose of an unknown variable", stackScenario("", `{"aclose":"ghost"}`), `aclose: unknown variable "ghost"`},
		{"popAll without a stack", stackScenario("", `{"popAll":{"as":"x"}}`), "popAll.stack: required field is missing"},
		{"popAll into a definition's name", stackScenario("", `{"popAll":{"stack":"stack","as":"main"}}`), `popAll.as: "main" would hide the function`},
		{"popAll with a stray field", stackScenario("", `{"popAll":{"stack":"stack","sync":true}}`), "popAll.sync: unknown field"},
		{"aclose in a plain method", `{"version":1,"managers":[{"name":"S","kind":"class","protocol":"sync","aexit":[{"aclose":"self"}]}],"functions":[{"name":"main","body":[]}]}`,
			"aclose statement cannot appear in the plain methods"},
	})
}

// TestStackRunsItDoesNotFollow: runs whose next steps depend on what the
// engine does not model end with an error saying so, never a wrong trace.
func TestStackRunsItDoesNotFollow(t *testing.T) {
	gen := `{"version":1,"managers":[{"name":"g","kind":"generator","body":[{"try":{"body":[{"yield":null}],"finally":[{"print":"g finally"}]}}]}],
	"functions":[{"name":"main","body":[`
	tests := []struct{ name, input, want string }{
		{"a popped stack forgotten with a generator in it", gen + `{"with":{"items":[{"exitStack":true,"as":"stack"}],"body":[
			{"enterContext":{"stack":"stack","manager":"g"}},{"popAll":{"stack":"stack"}}]}}]}]}`,
			"the generator manager g entered and never exited, held by an AsyncExitStack that was never closed"},
		{"entered after the stack closed", gen + `{"with":{"items":[{"exitStack":true,"as":"stack"}],"body":[]}},
			{"enterContext":{"stack":"stack","manager":"g"}}]}]}`,
			"held by an AsyncExitStack that was never closed"},
		{"an exception class pushed", `{"version":1,"managers":[{"name":"C","kind":"class","aexit":[{"with":{"items":[{"exitStack":true,"as":"s"},{"nullContext":{"var":"exc_type"},"as":"k"}],"body":[
			{"pushExit":{"stack":"s","object":"k"}}]}}]}],"functions":[{"name":"main","body":[{"with":{"items":[{"manager":"C"}],"body":[{"raise":"KeyError"}]}}]}]}`,
			"stack.push_async_exit(k) pushes the class KeyError as if it were an exit function"},
		{"a timeout's exit pushed", mainBody(`{"with":{"items":[{"exitStack":true,"as":"stack"},{"timeout":1,"as":"cm"}],"body":[
			{"pushExit":{"stack":"stack","object":"cm"}}]}}`),
			"stack.push_async_exit() pushes the exit method of Timeout, an asyncio object whose exit depends on how it was entered"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(tc.input))
			require.NoError(t, err)
			res, err := sim.Run(sc)
			require.Error(t, err)
			assert.True(t, sim.IsLimit(err))
			assert.NotNil(t, res)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// A forgotten stack holding only class managers is exact: nothing
	// runs when it goes, and the ledger says the manager leaked.
	sc, err := sim.Decode([]byte(`{"version":1,"managers":[{"name":"C","kind":"class"}],"functions":[{"name":"main","body":[
		{"with":{"items":[{"exitStack":true,"as":"stack"}],"body":[{"enterContext":{"stack":"stack","manager":"C"}},{"popAll":{"stack":"stack"}}]}}]}]}`))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	require.Len(t, res.Ledger, 1)
	assert.True(t, res.Ledger[0].Leaked)
}

func TestPopAllAndAcloseRender(t *testing.T) {
	res, src := runBody(t, "3.11", `{"with":{"items":[{"exitStack":true,"as":"stack"}],"body":[
		{"popAll":{"stack":"stack","as":"spare"}},{"popAll":{"stack":"stack"}},{"aclose":"spare"}]}}`)
	assert.Contains(t, src, "        spare = stack.pop_all()\n        stack.pop_all()\n        await spare.aclose()\n")
	assert.Empty(t, res.Stdout)
}
