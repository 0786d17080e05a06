package edit_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	designs := []edit.Design{edit.Default()}
	for _, c := range buildCases {
		designs = append(designs, c.d)
	}
	for _, d := range designs {
		data := d.Encode()
		got, err := edit.DecodeDesign(data)
		require.NoError(t, err, string(data))
		assert.Equal(t, string(data), string(got.Encode()))
		a, _ := d.Build()
		b, _ := got.Build()
		assert.Equal(t, sim.Render(a), sim.Render(b), "the decoded design builds the same program")
	}
}

func TestEncodeIsCompact(t *testing.T) {
	d := design(edit.RunTaskGroup, 0.5, edit.Fault{Kind: edit.FaultCancel, Type: "KeyError"}, cls(1, 0))
	assert.Equal(t, `{"runner":"taskgroup","tasks":[{"managers":[{"kind":"class","enterSleep":1}],"bodySleep":0.5,"body":{"kind":"cancel"}}]}`,
		string(d.Encode()), "no empty fields, and no type on a fault that raises nothing")
}

func TestEncodeNonFinite(t *testing.T) {
	d := design(edit.RunGather, math.Inf(1), none, cls(math.NaN(), 1))
	got, err := edit.DecodeDesign(d.Encode())
	require.NoError(t, err)
	assert.Equal(t, design(edit.RunGather, 0, none, cls(0, 1)), got)
}

func TestDecodeDesignErrors(t *testing.T) {
	cases := []struct {
		name, json string
		want       []string // path: message fragments, each must appear
	}{
		{"not JSON", `{"runner":`, []string{"invalid JSON"}},
		{"trailing data", `{"runner":"gather","tasks":[{}]} x`, []string{"unexpected data after the design"}},
		{"not an object", `[1]`, []string{"expected an object, got an array"}},
		{"unknown field", `{"runner":"gather","tasks":[{}],"color":"red"}`, []string{"color: unknown field (expected one of: runner, tasks, places)"}},
		{"missing runner", `{"tasks":[{}]}`, []string{`runner: required field is missing (expected one of "gather", "taskgroup")`}},
		{"bad runner", `{"runner":"trio","tasks":[{}]}`, []string{`runner: expected one of "gather", "taskgroup", got "trio"`}},
		{"missing tasks", `{"runner":"gather"}`, []string{"tasks: required field is missing"}},
		{"no tasks", `{"runner":"gather","tasks":[]}`, []string{"tasks: expected 1 to 20 tasks, got 0"}},
		{"too many tasks", `{"runner":"gather","tasks":[` + strings.Repeat(`{},`, 20) + `{}]}`, []string{"tasks: expected 1 to 20 tasks, got 21"}},
		{"tasks not an array", `{"runner":"gather","tasks":{}}`, []string{"tasks: expected an array, got an object"}},
		{"too many managers", `{"runner":"gather","tasks":[{"managers":[` + strings.Repeat(`{"kind":"class"},`, 10) + `{"kind":"class"}]}]}`,
			[]string{"tasks[0].managers: expected at most 10 managers, got 11"}},
		{"bad kind", `{"runner":"gather","tasks":[{"managers":[{"kind":"thread"}]}]}`,
			[]string{`tasks[0].managers[0].kind: expected one of "class", "generator", "stack", "timeout", "lock", "semaphore", got "thread"`}},
		{"kind of the wrong type", `{"runner":"gather","tasks":[{"managers":[{"kind":3}]}]}`,
			[]string{`tasks[0].managers[0].kind: expected one of "class", "generator", "stack", "timeout", "lock", "semaphore", got a number`}},
		{"sleep as a string", `{"runner":"gather","tasks":[{"bodySleep":"1"}]}`, []string{"tasks[0].bodySleep: expected a number of seconds, got a string"}},
		{"negative sleep", `{"runner":"gather","tasks":[{"managers":[{"kind":"class","enterSleep":-1}]}]}`,
			[]string{"tasks[0].managers[0].enterSleep: expected 0 or a number of seconds from 0.01 to 10, got -1"}},
		{"too long", `{"runner":"gather","tasks":[{"managers":[{"kind":"class","exitSleep":1e400}]}]}`,
			[]string{"tasks[0].managers[0].exitSleep: expected 0 or a number of seconds from 0.01 to 10, got 1e400"}},
		{"too short", `{"runner":"gather","tasks":[{"bodySleep":0.001}]}`, []string{"tasks[0].bodySleep: expected 0 or a number"}},
		{"bool as number", `{"runner":"gather","tasks":[{"managers":[{"kind":"class","blocking":1}]}]}`,
			[]string{"tasks[0].managers[0].blocking: expected true or false, got a number"}},
		{"fault without kind", `{"runner":"gather","tasks":[{"body":{}}]}`, []string{"tasks[0].body.kind: required field is missing"}},
		{"bad fault", `{"runner":"gather","tasks":[{"body":{"kind":"explode"}}]}`,
			[]string{`tasks[0].body.kind: expected one of "none", "raise", "cancel", "timeout", "suppress", got "explode"`}},
		{"raise without type", `{"runner":"gather","tasks":[{"body":{"kind":"raise"}}]}`, []string{"tasks[0].body.type: required field is missing"}},
		{"raise of an unknown type", `{"runner":"gather","tasks":[{"managers":[{"kind":"class","exit":{"kind":"raise","type":"SystemExit"}}]}]}`,
			[]string{`tasks[0].managers[0].exit.type: expected one of "ValueError"`}},
		{"type on a cancel", `{"runner":"gather","tasks":[{"body":{"kind":"cancel","type":"ValueError"}}]}`,
			[]string{`tasks[0].body.type: unexpected: only a fault of kind "raise" has an exception type`}},
		{"unknown fault field", `{"runner":"gather","tasks":[{"body":{"kind":"none","when":2}}]}`,
			[]string{"tasks[0].body.when: unknown field (expected one of: kind, type)"}},
		{"several at once", `{"runner":"x","tasks":[{"bodySleep":-2,"extra":1}]}`,
			[]string{"runner: expected one of", "tasks[0].bodySleep: expected 0", "tasks[0].extra: unknown field"}},
		{"places as a string", `{"runner":"gather","tasks":[{}],"places":"2"}`,
			[]string{"places: expected the semaphore's number of places, a whole number from 1 to 1000, got a string"}},
		{"no places", `{"runner":"gather","tasks":[{}],"places":0}`, []string{"places: expected the semaphore's number of places, a whole number from 1 to 1000, got 0"}},
		{"too many places", `{"runner":"gather","tasks":[{}],"places":1001}`, []string{"places: expected the semaphore's number of places, a whole number from 1 to 1000, got 1001"}},
		{"half a place", `{"runner":"gather","tasks":[{}],"places":1.5}`, []string{"places: expected the semaphore's number of places, a whole number from 1 to 1000, got 1.5"}},
		{"places past int64", `{"runner":"gather","tasks":[{}],"places":1e30}`, []string{"places: expected the semaphore's number of places, a whole number from 1 to 1000, got 1e30"}},
		{"places as null", `{"runner":"gather","tasks":[{}],"places":null}`, []string{"places: expected the semaphore's number of places, a whole number from 1 to 1000, got null"}},
		{"too big", `{"runner":"gather","tasks":[{}],"pad":"` + strings.Repeat("x", edit.MaxDesignBytes) + `"}`,
			[]string{"design is", "the limit is"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := edit.DecodeDesign([]byte(c.json))
			require.Error(t, err)
			var de *edit.DesignError
			require.True(t, errors.As(err, &de))
			require.NotEmpty(t, de.Errors)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestDecodeDesignPlaces(t *testing.T) {
	for _, c := range []struct {
		json   string
		places int
		encode string
	}{
		{`{"runner":"gather","tasks":[{"managers":[{"kind":"semaphore"}]}]}`, 0, `{"runner":"gather","tasks":[{"managers":[{"kind":"semaphore"}]}]}`},
		{`{"runner":"gather","tasks":[{"managers":[{"kind":"semaphore"}]}],"places":1}`, 1, `{"runner":"gather","tasks":[{"managers":[{"kind":"semaphore"}]}],"places":1}`},
		{`{"runner":"gather","tasks":[{}],"places":2}`, 2, `{"runner":"gather","tasks":[{}]}`},
		{`{"places":1000,"runner":"gather","tasks":[{}]}`, 1000, `{"runner":"gather","tasks":[{}],"places":1000}`},
	} {
		d, err := edit.DecodeDesign([]byte(c.json))
		require.NoError(t, err, c.json)
		assert.Equal(t, c.places, d.Places, c.json)
		assert.Equal(t, c.encode, string(d.Encode()), "the default's places are not written")
	}
}

func TestDecodeDesignAccepts(t *testing.T) {
	d, err := edit.DecodeDesign([]byte(` {"runner":"taskgroup","tasks":[{"body":{"kind":"none"}},
		{"managers":[{"kind":"generator","finally":true,"exit":{"kind":"raise","type":"KeyError"}},{"kind":"timeout","timeout":0}],"bodySleep":10}]} `))
	require.NoError(t, err)
	assert.Equal(t, edit.Design{Runner: edit.RunTaskGroup, Tasks: []edit.TaskDesign{{},
		{Managers: []edit.ManagerDesign{{Kind: edit.KindGenerator, Finally: true, Exit: edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"}}, {Kind: edit.KindTimeout}}, BodySleep: 10}}}, d)
}

// FuzzDecodeDesign: no input makes DecodeDesign panic; a design it accepts
// encodes back to itself and builds a scenario sim accepts. The seeds are
// in testdata/fuzz/FuzzDecodeDesign.
func FuzzDecodeDesign(f *testing.F) {
	f.Add(edit.Default().Encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := edit.DecodeDesign(data)
		if err != nil {
			var de *edit.DesignError
			if !errors.As(err, &de) || len(de.Errors) == 0 {
				t.Fatalf("DecodeDesign failed without a DesignError: %v", err)
			}
			return
		}
		again, err := edit.DecodeDesign(d.Encode())
		if err != nil {
			t.Fatalf("Encode wrote what DecodeDesign refuses: %v\n%s", err, d.Encode())
		}
		if string(again.Encode()) != string(d.Encode()) {
			t.Fatalf("round trip changed the design:\n%s\n%s", d.Encode(), again.Encode())
		}
		sc, probs := d.Build()
		if _, err := sim.Compile(sc); err != nil {
			t.Fatalf("Build gave an invalid scenario: %v\n%s", err, sim.Render(sc))
		}
		for _, p := range probs {
			if msg := p.Message(i18n.English); strings.Contains(msg, "{") || strings.Contains(msg, "%!") {
				t.Fatalf("bad message %q", msg)
			}
		}
	})
}
