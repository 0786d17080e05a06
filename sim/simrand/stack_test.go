package simrand_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/sim"
	"asyncwithlab/sim/simrand"
)

// TestScenariosUseTheLibraryAPI: the random check reaches every form of
// the exit stack's and the timeout's API, while loops, the exceptions a
// program rarely raises or catches itself, and names beyond ASCII, often
// enough to matter.
func TestScenariosUseTheLibraryAPI(t *testing.T) {
	seen := map[string]int{}
	var walk func([]*sim.Stmt)
	walk = func(stmts []*sim.Stmt) {
		for _, s := range stmts {
			form := string(s.Kind)
			switch {
			case s.Kind == sim.SPushExit && s.Ext().Use != "":
				form += " object"
			case s.Kind == sim.SReschedule && s.Extend:
				form += " extend"
			case s.Kind == sim.SReschedule && s.NoTimeout:
				form += " None"
			case s.Kind == sim.SWhile && s.Test != nil:
				form += " test"
			case s.Kind == sim.SRaise && (s.Raise.Type == "StopAsyncIteration" || s.Raise.Type == "GeneratorExit"):
				form += " " + s.Raise.Type
			}
			if s.Kind == sim.SWhile && slices.ContainsFunc(s.Body, func(b *sim.Stmt) bool { return b.Kind == sim.SContinue }) {
				seen["while continue"]++
			}
			for _, h := range s.Handlers {
				for _, typ := range h.Types {
					if typ != "Exception" && !strings.HasSuffix(typ, "Error") {
						seen["except "+typ]++
					}
				}
			}
			if s.Sync && s.Kind != sim.SWith {
				form += " sync"
			}
			if len(s.Ext().Args) > 0 && s.Kind == sim.SPushCallback {
				form += " args"
			}
			seen[form]++
			for _, it := range s.Items {
				if it.TimeoutAt != nil {
					seen["timeoutAt"]++
				}
			}
			walk(s.Body)
			walk(s.Finally)
			walk(s.Else)
			for _, h := range s.Handlers {
				walk(h.Body)
			}
		}
	}
	for seed := uint64(1); seed <= 300; seed++ {
		sc := simrand.Scenario(seed)
		for _, f := range sc.Functions {
			walk(f.Body)
		}
		for _, m := range sc.Managers {
			if strings.IndexFunc(m.Name, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
				seen["non-ASCII name"]++
			}
			walk(m.Aenter)
			walk(m.Aexit)
			walk(m.Body)
		}
	}
	for _, form := range []string{"enterContext sync", "pushExit sync", "pushExit object", "pushExit object sync",
		"pushCallback sync args", "pushCallback args", "popAll", "aclose", "reschedule", "reschedule extend", "reschedule None", "timeoutAt",
		"while", "while test", "while continue", "raise StopAsyncIteration", "raise GeneratorExit",
		"except BaseException", "except KeyboardInterrupt", "except SystemExit", "except GeneratorExit",
		"except StopAsyncIteration", "non-ASCII name"} {
		assert.GreaterOrEqual(t, seen[form], 5, "%s appears %d times in 300 random scenarios", form, seen[form])
	}
	t.Log(seen)
}
