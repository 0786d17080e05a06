package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// starTry is a try statement in main with one except* clause.
func starTry(types, body string) string {
	return mainBody(`{"try":{"body":[{"raise":"ValueError"}],"exceptStar":[{"types":` + types + `,"as":"eg","body":[` + body + `]}]}}`)
}

// TestExceptStarIsValidated: what CPython refuses to compile (or, for
// the group classes, refuses when an exception reaches the clause) is
// refused where it is written.
func TestExceptStarIsValidated(t *testing.T) {
	asyncGen := `"managers":[{"name":"ticks","kind":"asyncgen","body":[{"yield":1}]}],`
	inLoop := func(stmts string) string {
		return `{"version":1,` + asyncGen + `"functions":[{"name":"main","body":[` + stmts + `]}]}`
	}
	bad := []struct{ name, input, want string }{
		{"both kinds of clause", mainBody(`{"try":{"body":[],"except":[{"body":[]}],"exceptStar":[{"types":["ValueError"],"body":[]}]}}`),
			"functions[0].body[0].try: expected except or exceptStar, not both"},
		{"no types", starTry(`[]`, ``), "functions[0].body[0].try.exceptStar[0].types: expected one or more exception types"},
		{"ExceptionGroup", starTry(`["ValueError","ExceptionGroup"]`, ``), "try.exceptStar[0].types[1]: except* cannot catch ExceptionGroup"},
		{"BaseExceptionGroup", starTry(`["BaseExceptionGroup"]`, ``), "except* cannot catch BaseExceptionGroup"},
		{"return", starTry(`["ValueError"]`, `{"return":null}`), "try.exceptStar[0].body[0]: return cannot leave an except* clause"},
		{"return deeper", starTry(`["ValueError"]`, `{"try":{"body":[],"finally":[{"return":null}]}}`), "return cannot leave an except* clause"},
		{"break out of the clause", inLoop(`{"asyncFor":{"gen":"ticks","body":[{"try":{"body":[],"exceptStar":[{"types":["ValueError"],"body":[{"break":true}]}]}}]}}`),
			"break cannot leave an except* clause"},
		{"continue out of the clause", inLoop(`{"asyncFor":{"gen":"ticks","body":[{"try":{"body":[],"exceptStar":[{"types":["ValueError"],"body":[{"continue":true}]}]}}]}}`),
			"continue cannot leave an except* clause"},
		{"unknown class", starTry(`["Boom"]`, ``), `unknown exception class "Boom"`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := sim.Decode([]byte(tc.input))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	ok := []struct{ name, input string }{
		{"a loop inside the clause", inLoop(`{"try":{"body":[],"exceptStar":[{"types":["ValueError"],"body":[{"asyncFor":{"gen":"ticks","body":[{"break":true}]}}]}]}}`)},
		{"return in the body", mainBody(`{"try":{"body":[{"return":null}],"exceptStar":[{"types":["ValueError"],"body":[]}]}}`)},
		{"return after the statement", mainBody(`{"try":{"body":[],"exceptStar":[{"types":["ValueError"],"body":[]}]}},{"return":null}`)},
		{"a tuple of types and a finally", mainBody(`{"try":{"body":[],"exceptStar":[{"types":["ValueError","asyncio.CancelledError"],"body":[]}],"finally":[]}}`)},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(tc.input))
			require.NoError(t, err)
			enc, err := sim.Encode(sc)
			require.NoError(t, err)
			back, err := sim.Decode(enc)
			require.NoError(t, err)
			assert.Equal(t, sim.Render(sc), sim.Render(back))
		})
	}
}

// TestExceptStarRuns: the clauses as the program writes them, and what
// they do to a naked exception (CPython's results are in the
// conformance scenarios except-star-*).
func TestExceptStarRuns(t *testing.T) {
	tests := []struct{ name, clauses, line, stdout, uncaught string }{
		{"wrapped and handled", `[{"types":["ValueError"],"as":"eg","body":[{"print":"{eg!r}"}]}]`,
			"    except* ValueError as eg:", "ExceptionGroup('', (ValueError(),))\n", ""},
		{"re-raised wrapped", `[{"types":["Exception","asyncio.CancelledError"],"body":[{"reraise":true}]}]`,
			"    except* (Exception, asyncio.CancelledError):", "", "ExceptionGroup('', (ValueError(),))"},
		{"no clause matches", `[{"types":["KeyError"],"body":[{"print":"no"}]}]`,
			"    except* KeyError:", "", "ValueError()"},
		{"a clause raises", `[{"types":["ValueError"],"body":[{"raise":"KeyError"}]},{"types":["Exception"],"body":[{"print":"nothing is left"}]}]`,
			"    except* ValueError:", "", "KeyError()"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(mainBody(`{"try":{"body":[{"raise":"ValueError"}],"exceptStar":` + tc.clauses + `}}`)))
			require.NoError(t, err)
			assert.Contains(t, sim.Render(sc), "\n"+tc.line+"\n")
			res, err := sim.Run(sc)
			require.NoError(t, err)
			assert.Equal(t, tc.stdout, res.Stdout)
			if tc.uncaught == "" {
				assert.Nil(t, res.Uncaught)
			} else {
				require.NotNil(t, res.Uncaught)
				assert.Equal(t, tc.uncaught, res.Uncaught.Repr)
			}
		})
	}
}
