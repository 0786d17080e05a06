package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// refusals decodes each input and requires an error containing want.
func refusals(t *testing.T, tests []struct{ name, input, want string }) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(tc.input))
			require.Error(t, err)
			assert.Nil(t, sc)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// runBody decodes main's body, checks that it survives Encode and
// Decode with the same program, and runs it as CPython minor.
func runBody(t *testing.T, minor, body string) (*sim.Result, string) {
	t.Helper()
	sc, err := sim.Decode([]byte(mainBody(body)))
	require.NoError(t, err)
	enc, err := sim.Encode(sc)
	require.NoError(t, err)
	back, err := sim.Decode(enc)
	require.NoError(t, err)
	require.Equal(t, sim.Render(sc), sim.Render(back))
	sc.Python = minor
	res, err := sim.Run(sc)
	require.NoError(t, err)
	return res, sim.Render(sc)
}

func TestTimeoutAtItem(t *testing.T) {
	refusals(t, []struct{ name, input, want string }{
		{"a string", mainBody(`{"with":{"items":[{"timeoutAt":"2"}],"body":[]}}`),
			"functions[0].body[0].with.items[0].timeoutAt: expected a number, got a string"},
		{"negative", mainBody(`{"with":{"items":[{"timeoutAt":-1}],"body":[]}}`),
			"functions[0].body[0].with.items[0].timeoutAt: expected 0 or a number of seconds"},
		{"with a timeout too", mainBody(`{"with":{"items":[{"timeoutAt":1,"timeout":1}],"body":[]}}`),
			"expected exactly one of manager, use, timeout, timeoutAt"},
	})
	tests := []struct {
		name, item, source, out string
	}{
		{"from now", `{"timeoutAt":1.5}`, "async with asyncio.timeout_at(asyncio.get_running_loop().time() + 1.5):", "caught TimeoutError() at 1.5\n"},
		{"none", `{"timeoutAt":null}`, "async with asyncio.timeout_at(None):", "slept 2\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, src := runBody(t, "3.13", `{"try":{"body":[{"with":{"items":[`+tc.item+`],"body":[{"sleep":2},{"print":"slept 2"}]}}],
				"except":[{"types":["TimeoutError"],"as":"e","body":[{"print":"caught {e!r} at 1.5"}]}]}}`)
			assert.Contains(t, src, tc.source)
			assert.Equal(t, tc.out, res.Stdout)
		})
	}
}
