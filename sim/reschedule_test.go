package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRescheduleStatement(t *testing.T) {
	in := func(stmt string) string {
		return mainBody(`{"with":{"items":[{"timeout":1,"as":"cm"}],"body":[` + stmt + `]}}`)
	}
	refusals(t, []struct{ name, input, want string }{
		{"neither after nor extend", in(`{"reschedule":{"timeout":"cm"}}`),
			"functions[0].body[0].with.body[0].reschedule: expected exactly one of after (seconds from now, or null for None) or extend"},
		{"both", in(`{"reschedule":{"timeout":"cm","after":1,"extend":1}}`), "expected exactly one of after"},
		{"extend null", in(`{"reschedule":{"timeout":"cm","extend":null}}`), "reschedule.extend: expected a number, got null"},
		{"no variable", in(`{"reschedule":{"after":1}}`), "reschedule.timeout: required field is missing"},
		{"unknown variable", in(`{"reschedule":{"timeout":"nobody","after":1}}`), `reschedule.timeout: unknown variable "nobody"`},
		{"negative", in(`{"reschedule":{"timeout":"cm","after":-2}}`), "reschedule.after: expected 0 or a number of seconds"},
		{"unknown field", in(`{"reschedule":{"timeout":"cm","at":1}}`), "reschedule.at: unknown field"},
		{"in a sync method", `{"version":1,"managers":[{"name":"S","kind":"class","protocol":"sync","aexit":[{"reschedule":{"timeout":"self","after":1}}]}],"functions":[{"name":"main","body":[]}]}`,
			"a reschedule statement cannot appear in the plain methods"},
	})
	tests := []struct {
		name, stmt, source, out string
	}{
		{"later", `{"reschedule":{"timeout":"cm","after":3}}`, "cm.reschedule(asyncio.get_running_loop().time() + 3)", "slept 2\n"},
		{"none", `{"reschedule":{"timeout":"cm","after":null}}`, "cm.reschedule(None)", "slept 2\n"},
		{"extended", `{"reschedule":{"timeout":"cm","extend":0.5}}`, "cm.reschedule(cm.when() + 0.5)", "TimeoutError\n"},
		{"now", `{"reschedule":{"timeout":"cm","after":0}}`, "cm.reschedule(asyncio.get_running_loop().time() + 0)", "TimeoutError\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, src := runBody(t, "3.12", `{"try":{"body":[{"with":{"items":[{"timeout":1,"as":"cm"}],"body":[`+tc.stmt+`,{"sleep":2},{"print":"slept 2"}]}}],
				"except":[{"types":["TimeoutError"],"body":[{"print":"TimeoutError"}]}]}}`)
			assert.Contains(t, src, "        "+tc.source+"\n")
			assert.Equal(t, tc.out, res.Stdout)
		})
	}
}
