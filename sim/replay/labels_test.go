package replay

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

func TestLaneStatus(t *testing.T) {
	tests := []struct {
		lane   Lane
		en, pt string
	}{
		{Lane{State: TaskSleeping, Wake: 1.5}, "sleeping until 1.5 s", "dormindo até 1,5 s"},
		{Lane{State: TaskWaiting, Waits: "worker#2"}, "waiting for worker#2", "esperando worker#2"},
		{Lane{State: TaskWaiting}, "waiting", "esperando"},
		{Lane{State: TaskNotStarted}, "not started", "não iniciada"},
		{Lane{State: TaskDone, Outcome: "'ok'"}, "returned 'ok'", "retornou 'ok'"},
		{Lane{State: TaskFailed, Exc: &sim.ExcInfo{Type: "ValueError"}}, "failed: ValueError", "falhou: ValueError"},
		{Lane{State: TaskCancelled}, "cancelled", "cancelada"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.en, tt.lane.Status(i18n.English))
		assert.Equal(t, tt.pt, tt.lane.Status(i18n.Lang("pt")))
	}
}

func TestEveryStateHasALabel(t *testing.T) {
	for s := TaskNotStarted; s <= TaskCancelled; s++ {
		l := Lane{State: s}
		assert.NotEqual(t, l.Status(i18n.English), l.Status(i18n.Lang("pt")), s.String())
	}
	for p := PhaseCreated; p <= PhaseInit; p++ {
		assert.NotEmpty(t, p.Label(i18n.English))
		assert.NotEqual(t, p.Label(i18n.English), p.Label(i18n.Lang("pt")), p.String())
	}
	assert.Empty(t, ResNone.Label(i18n.English))
	for r := ResClosed; r <= ResLeaked; r++ {
		assert.NotEmpty(t, r.Label(i18n.English))
		assert.NotEqual(t, r.Label(i18n.English), r.Label(i18n.Lang("pt")), r.String())
	}
}
