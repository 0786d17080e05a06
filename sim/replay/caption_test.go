package replay

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

// leftover leaves a task running when main returns, so asyncio.run
// cancels it and the trace holds a note (no preset does).
const leftover = `{"version": 1, "functions": [
  {"name": "worker", "body": [{"sleep": 1}]},
  {"name": "main", "body": [{"createTask": {"call": "worker", "as": "t"}}, {"sleep": 0}]}]}`

func TestEveryEventKindHasACaption(t *testing.T) {
	var replays []*Replay
	for _, p := range catalogtest.Presets(t) {
		res, err := sim.Run(p.Scenario)
		require.NoError(t, err)
		replays = append(replays, New(res))
	}
	sc, err := sim.Decode([]byte(leftover))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	replays = append(replays, New(res))

	for k := sim.TaskCreated; k.String() != "unknown"; k++ {
		t.Run(k.String(), func(t *testing.T) {
			found := 0
			for _, r := range replays {
				for i := 0; i < r.Len(); i++ {
					if r.Event(i).Kind != k {
						continue
					}
					found++
					en, pt := r.Caption(i, i18n.English), r.Caption(i, i18n.Lang("pt"))
					for _, c := range []string{en, pt} {
						assert.NotEmpty(t, c)
						assert.NotContains(t, c, "%!", "a format error")
						assert.NotContains(t, c, "?", "an unknown name: %s", c)
						assert.NotEqual(t, k.String(), c, "the fallback")
					}
					if k != sim.Printed { // a print's caption quotes the program's own line
						assert.NotEqual(t, en, pt, "translated")
					}
				}
			}
			assert.NotZero(t, found, "no event of this kind in the presets")
		})
	}
}

func TestCaptionsNameTheRightManager(t *testing.T) {
	tests := []struct {
		preset  string
		kind    sim.EventKind
		manager string
		en, pt  []string
	}{
		{"aenter-fails", sim.AenterRaised, "Second",
			[]string{"Second.__aexit__ is never called", "First.__aexit__ receives the ConnectionError"},
			[]string{"Second.__aexit__ nunca é chamado", "First.__aexit__ recebe a exceção ConnectionError"}},
		{"cancel-in-aenter", sim.AenterRaised, "SlowConnect",
			[]string{"SlowConnect.__aenter__ was cancelled", "Logger.__aexit__ receives the CancelledError"},
			[]string{"SlowConnect.__aenter__ foi cancelado", "Logger.__aexit__ recebe"}},
		{"suppress", sim.AexitReturned, "Forgiving",
			[]string{"Forgiving.__aexit__ returned True", "the ValueError is suppressed", "code after the async with runs"},
			[]string{"Forgiving.__aexit__ retornou True", "ValueError é suprimida"}},
		{"generator-leak", sim.AexitReturned, "open_file",
			[]string{"open_file.__aexit__ returned False", "OSError keeps propagating"},
			[]string{"open_file.__aexit__ retornou False", "OSError continua se propagando"}},
		{"aexit-replaces", sim.AexitRaised, "FragileCleanup",
			[]string{"FragileCleanup.__aexit__ raised RuntimeError", "replaces the ValueError", "__context__", "leaks"},
			[]string{"FragileCleanup.__aexit__ levantou RuntimeError", "substitui a exceção ValueError", "vaza"}},
		{"aexit-replaces", sim.ExcPropagated, "Outer",
			[]string{"Outer did not suppress", "except clause in main"},
			[]string{"Outer não suprimiu", "except em main"}},
		{"exit-stack", sim.BodyEnded, "",
			[]string{"AsyncExitStack.__aexit__ will receive it"},
			[]string{"AsyncExitStack.__aexit__ vai recebê-la"}},
		{"nested-exit-order", sim.AenterStarted, "B",
			[]string{"B.__aenter__", "nested inside A"},
			[]string{"B.__aenter__", "aninhado dentro de A"}},
		{"blocking-call", sim.Blocked, "",
			[]string{"time.sleep(2) blocks the event loop", "for 2 s", "ticker"},
			[]string{"time.sleep(2) bloqueia o loop", "durante 2 s", "ticker"}},
		{"gather-interleave", sim.AenterSuspend, "Printer",
			[]string{"Printer.__aenter__ awaits", "print_job", "sleeps until 1 s", "next ready task, scan_job"},
			[]string{"Printer.__aenter__ faz um await", "dorme até 1 s", "scan_job"}},
		{"gather-interleave", sim.AenterSuspend, "Scanner",
			[]string{"until 0.5 s", "clock jumps straight to 0.5 s"},
			[]string{"até 0,5 s", "salta direto para 0,5 s"}},
		// The clock stops at what falls due first, which need not be a
		// sleeper's timer: the timeout's deadline, a scheduled cancel().
		{"timeout", sim.TaskSuspended, "",
			[]string{"sleeps until 5 s", "clock jumps to 1 s, when an asyncio.timeout deadline passes, before main's timer (due at 5 s)"},
			[]string{"salta para 1 s, quando vence um prazo de asyncio.timeout"}},
		{"cancel-in-aenter", sim.AenterSuspend, "SlowConnect",
			[]string{"sleeps until 2 s", "clock jumps to 1 s, when a cancel() scheduled for then runs, before worker's timer (due at 2 s)"},
			[]string{"salta para 1 s, quando roda um cancel() agendado"}},
		{"timeout", sim.TimeoutFired, "timeout",
			[]string{"deadline passes at 1 s", "TimeoutError"},
			[]string{"vence em 1 s", "TimeoutError"}},
		{"cancel-in-body", sim.CancelRequest, "",
			[]string{"worker.cancel()"},
			[]string{"worker.cancel()"}},
	}
	for _, tt := range tests {
		t.Run(tt.preset+"/"+tt.kind.String(), func(t *testing.T) {
			r := runPreset(t, tt.preset)
			i := eventIndex(t, r, tt.kind, tt.manager, 0)
			en, pt := r.Caption(i, i18n.English), r.Caption(i, i18n.Lang("pt"))
			for _, want := range tt.en {
				assert.Contains(t, en, want)
			}
			for _, want := range tt.pt {
				assert.Contains(t, pt, want)
			}
		})
	}
}

func TestCaptionOutsideTheTrace(t *testing.T) {
	r := runPreset(t, "suppress")
	assert.True(t, strings.HasPrefix(r.Caption(-1, i18n.English), "Nothing has run yet"))
	assert.True(t, strings.HasPrefix(r.Caption(-1, i18n.Lang("pt")), "Nada rodou ainda"))
	assert.Empty(t, r.Caption(r.Len(), i18n.English))
	assert.Empty(t, r.Caption(-2, i18n.Lang("pt")))
	assert.Equal(t, r.Caption(3, i18n.English), r.Caption(3, i18n.Lang("xx")), "English for any other language")
}

func TestTruthy(t *testing.T) {
	for repr, want := range map[string]bool{"True": true, "None": false, "False": false, "0": false,
		"''": false, "'yes'": true, "1": true, "[]": false, "[1]": true} {
		assert.Equal(t, want, truthy(repr), repr)
	}
}
