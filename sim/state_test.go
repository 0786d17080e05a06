package sim_test

import (
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
