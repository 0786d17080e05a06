package share

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/catalog/catalogtest"
)

// small is a tiny valid scenario, as JSON.
const small = `{"version":1,"title":"tiny","functions":[{"name":"main","body":[{"print":"hi"},{"sleep":0.5}]}]}`

func decodeScenario(t testing.TB, js string) *sim.Scenario {
	t.Helper()
	sc, err := sim.Decode([]byte(js))
	require.NoError(t, err)
	return sc
}

// presets is every built-in example.
func presets(t testing.TB) []catalog.Preset { return catalogtest.Presets(t) }

// repack re-encodes the base64 of a packed part after edit changes its
// raw DEFLATE bytes, to build damaged links.
func repack(t *testing.T, data []byte, edit func([]byte) []byte) string {
	t.Helper()
	raw, err := b64.DecodeString(pack(data))
	require.NoError(t, err)
	return b64.EncodeToString(edit(raw))
}

func TestEncodePresetLinks(t *testing.T) {
	tests := []struct {
		name string
		link Link
		want string
	}{
		{"step zero", Link{Preset: "doc001-basic"}, "v1.p.doc001-basic.0"},
		{"step", Link{Preset: "timeout", Step: 12}, "v1.p.timeout.12"},
		{"predict", Link{Preset: "timeout", Step: 3, Predict: true}, "v1.p.timeout.3.predict"},
		{"sequence", Link{Preset: "timeout", Step: 3, Sequence: true}, "v1.p.timeout.3.sequence"},
		{"sequence predicting", Link{Preset: "timeout", Step: 3, Sequence: true, Predict: true}, "v1.p.timeout.3.sequence.predict"},
		{"python", Link{Preset: "timeout", Step: 3, Python: "3.12"}, "v1.p.timeout.3.py312"},
		{"python and the rest", Link{Preset: "timeout", Step: 3, Python: "3.13", Sequence: true, Predict: true}, "v1.p.timeout.3.py313.sequence.predict"},
		{"last step", Link{Preset: "a", Step: MaxStep - 1}, fmt.Sprintf("v1.p.a.%d", MaxStep-1)},
		{"longest name", Link{Preset: strings.Repeat("x", MaxPresetName)}, "v1.p." + strings.Repeat("x", MaxPresetName) + ".0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Encode(tt.link)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			back, err := Decode("#" + got)
			require.NoError(t, err)
			assert.Equal(t, tt.link, back)
		})
	}
}

func TestRoundTrip(t *testing.T) {
	sc := decodeScenario(t, small)
	design := []byte(`{"selected":[0,2],"zoom":1.5,"note":"ünïcode ✓"}`)
	tests := []struct {
		name string
		link Link
	}{
		{"preset", Link{Preset: "generator-leak", Step: 7}},
		{"preset with design", Link{Preset: "suppress", Design: design, Predict: true}},
		{"scenario", Link{Scenario: sc}},
		{"scenario at a step", Link{Scenario: sc, Step: 4}},
		{"scenario predicting", Link{Scenario: sc, Predict: true}},
		{"scenario with design", Link{Scenario: sc, Design: design, Step: 2}},
		{"scenario in sequence", Link{Scenario: sc, Sequence: true, Step: 3}},
		{"everything", Link{Scenario: sc, Design: design, Step: 99, Sequence: true, Predict: true}},
		{"scenario for a version", Link{Scenario: withPython(sc, "3.12"), Python: "3.12", Step: 1}},
		{"design is a JSON scalar", Link{Scenario: sc, Design: []byte(`null`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Encode(tt.link)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(s, "v1."), s)
			assert.Equal(t, tt.link.Predict, strings.Contains(s, ".predict"), s)
			assert.Equal(t, tt.link.Sequence, strings.Contains(s, ".sequence"), s)
			for _, c := range s { // every character is unreserved in a URL
				assert.True(t, strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", c), "character %q in %s", c, s)
			}
			got, err := Decode(s)
			require.NoError(t, err)
			assert.Equal(t, tt.link, got)
			if tt.link.Scenario != nil {
				assert.Equal(t, sim.Render(tt.link.Scenario), sim.Render(got.Scenario))
			}
		})
	}
}

func TestEveryPreset(t *testing.T) {
	design := []byte(`{"open":["main"]}`)
	for i, p := range presets(t) {
		t.Run(p.Name, func(t *testing.T) {
			// As a preset link: short, and the app finds the preset again.
			s, err := Encode(Link{Preset: p.Name, Step: i})
			require.NoError(t, err)
			got, err := Decode(s)
			require.NoError(t, err)
			found := catalogtest.Scenario(t, got.Preset)
			assert.Equal(t, sim.Render(p.Scenario), sim.Render(found))
			assert.Equal(t, i, got.Step)

			// As a custom scenario: the same program comes back.
			l := Link{Scenario: p.Scenario, Step: i, Predict: i%2 == 0, Design: design}
			s, err = Encode(l)
			require.NoError(t, err)
			assert.Less(t, len(s), MaxLinkBytes)
			got, err = Decode(s)
			require.NoError(t, err)
			assert.Equal(t, l, got)
			assert.Equal(t, sim.Render(p.Scenario), sim.Render(got.Scenario))
			again, err := Encode(got)
			require.NoError(t, err)
			assert.Equal(t, s, again, "a custom link must be canonical")
		})
	}
}

func TestStable(t *testing.T) {
	custom, err := Encode(Link{Scenario: decodeScenario(t, small), Step: 5, Predict: true, Design: []byte(`[1]`)})
	require.NoError(t, err)
	for _, s := range []string{
		"v1.p.doc001-basic.0",
		"v1.p.x.999999",
		"v1.p.cancel-in-body.3.predict",
		"v1.p.gather-interleave.20.sequence",
		"v1.p.timeout.1.sequence.predict.d" + pack([]byte(`[]`)),
		"v1.p.generator-leak.0.d" + pack([]byte(`{}`)),
		"v1.p.timeout.1.predict.d" + pack([]byte(`{"a":[true,null]}`)),
		custom,
	} {
		t.Run(s[:min(len(s), 30)], func(t *testing.T) {
			l, err := Decode(s)
			require.NoError(t, err)
			again, err := Encode(l)
			require.NoError(t, err)
			assert.Equal(t, s, again)
		})
	}
}

// TestCanonicalScenario checks that Decode accepts scenario JSON in any
// layout and that Encode writes it compactly.
func TestCanonicalScenario(t *testing.T) {
	indented, err := sim.Encode(decodeScenario(t, small))
	require.NoError(t, err)
	l, err := Decode("v1.s." + pack(indented) + ".0")
	require.NoError(t, err)
	s, err := Encode(l)
	require.NoError(t, err)
	parts := strings.Split(s, ".")
	require.Len(t, parts, 4)
	data, perr := unpack(parts[2], 0, "scenario")
	require.Nil(t, perr)
	assert.NotContains(t, string(data), "\n")
	assert.Less(t, len(data), len(indented))
	_, err = sim.Decode(data)
	assert.NoError(t, err)
}

func TestDecodeErrors(t *testing.T) {
	okData := pack([]byte(small))
	tests := []struct {
		name     string
		fragment string
		part     string
		want     string
	}{
		{"empty", "", "link", "the link is empty; expected it to start with v1"},
		{"only a hash", "#", "link", "empty"},
		{"newer version", "v9.p.a.0", "version", `version "v9" is newer than this app reads (v1)`},
		{"much newer version", "v123456789012345678901234567890.x", "version", "is newer than this app reads"},
		{"no version", "p.a.0", "version", `expected "v1", found "p"`},
		{"version zero", "v0.p.a.0", "version", `does not start with a version`},
		{"leading zero version", "v01.p.a.0", "version", `does not start with a version`},
		{"upper case version", "V1.p.a.0", "version", `does not start with a version`},
		{"too few parts", "v1.p.a", "link", "has 3 parts"},
		{"too many parts", "v1.p.a.0.py313.sequence.predict.d" + okData + ".x", "link", "has 9 parts"},
		{"unknown Python", "v1.p.a.0.py310", "python", `part 5 of the link ("py310") names no Python version this app follows: expected py311, py312, py313`},
		{"Python after sequence", "v1.p.a.0.sequence.py313", "option", `part 6 of the link ("py313") is not expected there`},
		{"Python twice", "v1.p.a.0.py313.py312", "option", `part 6 of the link ("py312") is not expected there`},
		{"empty part", "v1.p..0", "link", "part 3 of the link (at 5) is empty"},
		{"trailing dot", "v1.p.a.0.", "link", "part 5 of the link (at 9) is empty"},
		{"unknown kind", "v1.x.a.0", "kind", `the second part is "x"; expected "p" (a preset) or "s" (a scenario)`},
		{"upper case preset", "v1.p.Timeout.0", "preset", `preset name "Timeout" is not valid: expected 1 to 64 characters from a-z, 0-9 and '-'`},
		{"preset with underscore", "v1.p.a_b.0", "preset", "is not valid"},
		{"long preset", "v1.p." + strings.Repeat("a", 65) + ".0", "preset", "is not valid"},
		{"negative step", "v1.p.a.-1", "step", `the step "-1" is not a whole number`},
		{"signed step", "v1.p.a.+1", "step", "is not a whole number"},
		{"leading zero step", "v1.p.a.01", "step", "no leading zero"},
		{"word step", "v1.p.a.ten", "step", "is not a whole number"},
		{"step at the limit", fmt.Sprintf("v1.p.a.%d", MaxStep), "step", "is too large (at most 999999)"},
		{"step overflowing int", "v1.p.a.99999999999999999999999", "step", "is too large"},
		{"unknown option", "v1.p.a.0.fast", "option", `part 5 of the link ("fast") is not expected there`},
		{"predict twice", "v1.p.a.0.predict.predict", "option", "part 6"},
		{"sequence twice", "v1.p.a.0.sequence.sequence", "option", "part 6"},
		{"sequence after predict", "v1.p.a.0.predict.sequence", "option", "in that order"},
		{"sequence after design", "v1.p.a.0.d" + pack([]byte(`1`)) + ".sequence", "option", "in that order"},
		{"predict after design", "v1.p.a.0.d" + pack([]byte(`1`)) + ".predict", "option", "in that order"},
		{"two designs", "v1.p.a.0.d" + pack([]byte(`1`)) + ".d" + pack([]byte(`2`)), "option", "each at most once"},
		{"not base64", "v1.s.abc!def.0", "scenario", "the scenario part is not base64url (illegal character at 8)"},
		{"padded base64", "v1.s." + okData + "=.0", "scenario", "not base64url"},
		{"standard base64", "v1.s.ab+/.0", "scenario", "illegal character at 7"},
		{"not deflate", "v1.s." + b64.EncodeToString([]byte{0xff, 0xff, 0xff}) + ".0", "scenario", "the scenario part is not raw DEFLATE data"},
		{"truncated deflate", "v1.s." + repack(t, []byte(small), func(b []byte) []byte { return b[:len(b)/2] }) + ".0", "scenario", "not raw DEFLATE data (unexpected EOF)"},
		{"data after deflate", "v1.s." + repack(t, []byte(small), func(b []byte) []byte { return append(b, 0, 1) }) + ".0", "scenario", "has 2 bytes after the end of its compressed data"},
		{"empty scenario", "v1.s." + pack(nil) + ".0", "scenario", "unpacks to nothing"},
		{"scenario not JSON", "v1.s." + pack([]byte(`{"version":1,`)) + ".0", "scenario", "scenario: invalid JSON"},
		{"invalid scenario", "v1.s." + pack([]byte(`{"version":1,"functions":[{"name":"main","body":[{"sleep":-1}]}]}`)) + ".0", "scenario", "share link: scenario: functions[0].body[0].sleep"},
		{"newer scenario", "v1.s." + pack([]byte(`{"version":2,"functions":[]}`)) + ".0", "scenario", "share link: scenario: version"},
		{"design not base64", "v1.p.a.0.d%%", "design", "the design part is not base64url (illegal character at 10)"},
		{"design not JSON", "v1.p.a.0.d" + pack([]byte(`{oops`)), "design", "the design is not valid JSON"},
		{"empty design", "v1.p.a.0.d", "design", "not raw DEFLATE data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Decode(tt.fragment)
			require.Error(t, err)
			assert.Equal(t, Link{}, l)
			var se *Error
			require.True(t, errors.As(err, &se), "%T", err)
			assert.Equal(t, tt.part, se.Part)
			assert.True(t, strings.HasPrefix(err.Error(), "share link: "), err.Error())
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestScenarioErrorIsWrapped(t *testing.T) {
	bad := `{"version":1,"functions":[{"name":"main","body":[{"sleep":"long"},{"print":7}]}]}`
	_, err := Decode("v1.s." + pack([]byte(bad)) + ".0")
	require.Error(t, err)
	var sce *sim.ScenarioError
	require.True(t, errors.As(err, &sce))
	require.Len(t, sce.Errors, 2)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 2)
	for i, line := range lines {
		assert.Equal(t, "share link: scenario: "+sce.Errors[i].Error(), line)
	}
}

func TestEncodeErrors(t *testing.T) {
	sc := decodeScenario(t, small)
	invalid := decodeScenario(t, small)
	invalid.Functions[0].Name = "not main"
	tests := []struct {
		name string
		link Link
		part string
		want string
	}{
		{"nothing", Link{}, "link", "neither a preset name nor a scenario"},
		{"both", Link{Preset: "a", Scenario: sc}, "link", "both a preset name and a scenario"},
		{"bad preset", Link{Preset: "A b"}, "preset", `preset name "A b" is not valid`},
		{"negative step", Link{Preset: "a", Step: -1}, "step", "step -1 is out of range (0 to 999999)"},
		{"huge step", Link{Preset: "a", Step: MaxStep}, "step", "out of range"},
		{"design not JSON", Link{Preset: "a", Design: []byte("{")}, "design", "not valid JSON"},
		{"huge design", Link{Preset: "a", Design: []byte(`"` + strings.Repeat("a", MaxUnpackedBytes) + `"`)}, "design", "too large to share as a link"},
		{"invalid scenario", Link{Scenario: invalid}, "scenario", "share link: scenario: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Encode(tt.link)
			require.Error(t, err)
			assert.Empty(t, s)
			var se *Error
			require.True(t, errors.As(err, &se))
			assert.Equal(t, tt.part, se.Part)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// noisyScenario prints n lines of random letters, which DEFLATE cannot
// shrink much.
func noisyScenario(t *testing.T, n int) *sim.Scenario {
	r := rand.New(rand.NewPCG(1, 2))
	var body []string
	for range n {
		b := make([]byte, 1000)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		body = append(body, fmt.Sprintf(`{"print":%q}`, b))
	}
	return decodeScenario(t, `{"version":1,"functions":[{"name":"main","body":[`+strings.Join(body, ",")+`]}]}`)
}

func TestSizeLimits(t *testing.T) {
	t.Run("fragment too long", func(t *testing.T) {
		long := "v1.p.a.0.d" + strings.Repeat("A", 40000-10)
		_, err := Decode(long)
		require.Error(t, err)
		assert.Equal(t, "share link: 40000 bytes is too long (at most 32768)", err.Error())
		_, err = Decode("#" + long[:MaxLinkBytes]) // the '#' does not count
		assert.NotContains(t, err.Error(), "too long")
	})
	t.Run("encode too large", func(t *testing.T) {
		_, err := Encode(Link{Scenario: noisyScenario(t, 60)})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "too large to share as a link (at most 32768); save it as a file")
		s, err := Encode(Link{Scenario: noisyScenario(t, 5)})
		require.NoError(t, err, "a smaller scenario still fits")
		assert.Less(t, len(s), MaxLinkBytes)
	})
	t.Run("scenario too large when unpacked", func(t *testing.T) {
		// Valid scenario JSON padded with spaces past the limit: compresses well.
		js := small[:len(small)-1] + strings.Repeat(" ", MaxUnpackedBytes) + "}"
		_, err := Decode("v1.s." + pack([]byte(js)) + ".0")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "the scenario part unpacks to more than 262144 bytes")
	})
	for _, part := range []string{"scenario", "design"} {
		t.Run(part+" bomb", func(t *testing.T) {
			var buf bytes.Buffer
			w, err := flate.NewWriter(&buf, flate.BestCompression)
			require.NoError(t, err)
			zeros := make([]byte, 1<<20)
			for range 20 { // 20 MiB of zeros
				_, err = w.Write(zeros)
				require.NoError(t, err)
			}
			require.NoError(t, w.Close())
			bomb := b64.EncodeToString(buf.Bytes())
			frag := "v1.s." + bomb + ".0"
			if part == "design" {
				frag = "v1.p.a.0.d" + bomb
			}
			require.LessOrEqual(t, len(frag), MaxLinkBytes, "the bomb must pass the length check to test the unpacked limit")

			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err = Decode(frag)
			runtime.ReadMemStats(&after)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "the "+part+" part unpacks to more than 262144 bytes")
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4<<20), "decoding a bomb allocated too much")
		})
	}
}

func TestErrorMessagesStayShort(t *testing.T) {
	_, err := Decode("v1.q" + strings.Repeat("x", 5000) + ".a.0")
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200, err.Error())
	_, err = Decode("v1.p.a.0." + strings.Repeat("é", 3000))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 300, err.Error())
	assert.True(t, strings.ToValidUTF8(err.Error(), "?") == err.Error(), "a cut message must stay valid UTF-8")
}

func BenchmarkEncodeDecode(b *testing.B) {
	ps := presets(b)
	l := Link{Scenario: ps[len(ps)-1].Scenario, Step: 10}
	for b.Loop() {
		s, err := Encode(l)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}

func withPython(sc *sim.Scenario, v string) *sim.Scenario {
	c := *sc
	c.Python = v
	return &c
}

// TestPythonVersion: a link carries the version in its own part, for
// presets and scenarios alike; a scenario's own python field goes there;
// a link without one (made before versions could be chosen) names none,
// and the app reads it as LegacyPython.
func TestPythonVersion(t *testing.T) {
	sc := decodeScenario(t, small)
	s, err := Encode(Link{Scenario: withPython(sc, "3.11")})
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(s, ".0.py311"), s)
	l, err := Decode(s)
	require.NoError(t, err)
	assert.Equal(t, "3.11", l.Python)
	assert.Equal(t, "3.11", l.Scenario.Python, "the scenario runs as the link says")

	old, err := Decode("v1.p.timeout.4")
	require.NoError(t, err)
	assert.Equal(t, "", old.Python, "an old link names no version")
	assert.Equal(t, "3.11", LegacyPython)

	_, err = Encode(Link{Scenario: withPython(sc, "3.11"), Python: "3.13"})
	assert.ErrorContains(t, err, "differ")
	_, err = Encode(Link{Preset: "timeout", Python: "2.7"})
	assert.ErrorContains(t, err, `version "2.7" is not one this app follows`)
}
