package replay

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// TestSpanishCaptions checks that the captions come out in Spanish, from
// the es catalogue: not English, no formatting slip, the names in place.
func TestSpanishCaptions(t *testing.T) {
	es := i18n.Lang("es")
	tests := []struct {
		preset  string
		kind    sim.EventKind
		manager string
		want    []string
	}{
		{"aenter-fails", sim.AenterRaised, "Second",
			[]string{"nunca se llama a Second.__aexit__", "First.__aexit__ recibe la excepción ConnectionError"}},
		{"suppress", sim.AexitReturned, "Forgiving",
			[]string{"Forgiving.__aexit__ devolvió True", "ValueError se suprime"}},
		{"aexit-replaces", sim.AexitRaised, "FragileCleanup",
			[]string{"FragileCleanup.__aexit__ lanzó RuntimeError", "sustituye a la excepción ValueError", "__context__", "fuga"}},
		{"aexit-replaces", sim.ExcPropagated, "Outer",
			[]string{"Outer no suprimió", "except de main"}},
		{"nested-exit-order", sim.AenterStarted, "B",
			[]string{"B.__aenter__", "anidado dentro de A"}},
		{"blocking-call", sim.Blocked, "",
			[]string{"time.sleep(2) bloquea el bucle de eventos", "durante 2 s", "ticker"}},
		{"gather-interleave", sim.AenterSuspend, "Scanner",
			[]string{"hasta 0,5 s", "salta directamente a 0,5 s"}},
		{"timeout", sim.TimeoutFired, "timeout",
			[]string{"vence en 1 s", "TimeoutError"}},
		{"cancel-in-body", sim.CancelRequest, "",
			[]string{"worker.cancel()", "CancelledError"}},
	}
	for _, tt := range tests {
		t.Run(tt.preset+"/"+tt.kind.String(), func(t *testing.T) {
			r := runPreset(t, tt.preset)
			i := eventIndex(t, r, tt.kind, tt.manager, 0)
			got, en := r.Caption(i, es), r.Caption(i, i18n.English)
			assert.NotEmpty(t, got)
			assert.NotContains(t, got, "%!", "a format error")
			assert.NotContains(t, got, "caption.", "a missing message")
			assert.NotEqual(t, en, got, "translated")
			for _, want := range tt.want {
				assert.Contains(t, got, want)
			}
		})
	}
}

func TestSpanishLabels(t *testing.T) {
	es := i18n.Lang("es")
	assert.Equal(t, "dormida hasta 1,5 s", (&Lane{State: TaskSleeping, Wake: 1.5}).Status(es))
	assert.Equal(t, "esperando a worker#2", (&Lane{State: TaskWaiting, Waits: "worker#2"}).Status(es))
	for s := TaskNotStarted; s <= TaskCancelled; s++ {
		l := Lane{State: s}
		assert.NotEqual(t, l.Status(i18n.English), l.Status(es), s.String())
	}
	for p := PhaseCreated; p <= PhaseFailed; p++ {
		assert.NotEqual(t, p.Label(i18n.English), p.Label(es), p.String())
	}
	for r := ResClosed; r <= ResLeaked; r++ {
		assert.NotEqual(t, r.Label(i18n.English), r.Label(es), r.String())
	}
}
