package edit_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

func TestDefault(t *testing.T) {
	d := edit.Default()
	require.Len(t, d.Tasks, 2)
	assert.Equal(t, edit.RunGather, d.Runner)
	r := build(t, d)
	assert.Empty(t, r.probs, "the starting design must be free of problems")
	assert.Equal(t, []string{"Database1", "Cache1", "Database2"}, []string{d.ManagerName(0, 0), d.ManagerName(0, 1), d.ManagerName(1, 0)})
}

func TestSetTasks(t *testing.T) {
	for _, c := range []struct{ set, want int }{{0, 1}, {-5, 1}, {1, 1}, {3, 3}, {20, 20}, {21, 20}, {1000, 20}} {
		d := edit.Default()
		d.SetTasks(c.set)
		assert.Len(t, d.Tasks, c.want, "SetTasks(%d)", c.set)
	}
	d := edit.Default()
	first := d.Tasks[0]
	d.SetTasks(4)
	assert.Equal(t, first, d.Tasks[0], "growing keeps the existing tasks")
	assert.NotEmpty(t, d.Tasks[3].Managers, "a new task comes with a manager")
}

func TestAddRemoveManager(t *testing.T) {
	d := edit.Default()
	for i := len(d.Tasks[1].Managers); i < edit.MaxManagers; i++ {
		require.True(t, d.AddManager(1))
	}
	assert.False(t, d.AddManager(1), "a task holds at most MaxManagers")
	assert.Len(t, d.Tasks[1].Managers, edit.MaxManagers)
	assert.False(t, d.AddManager(2), "no such task")
	assert.False(t, d.AddManager(-1))

	d = edit.Default()
	d.Tasks[0].Managers[1].ExitSleep = 3
	require.True(t, d.RemoveManager(0, 0))
	require.Len(t, d.Tasks[0].Managers, 1)
	assert.Equal(t, 3.0, d.Tasks[0].Managers[0].ExitSleep, "the next manager moves up")
	assert.False(t, d.RemoveManager(0, 1))
	assert.False(t, d.RemoveManager(5, 0))
	c := edit.Default()
	clone := c.Clone()
	require.True(t, clone.RemoveManager(0, 0))
	assert.Len(t, c.Tasks[0].Managers, 2, "Clone shares nothing with the original")
}

func TestSetKind(t *testing.T) {
	m := edit.ManagerDesign{Kind: edit.KindGenerator, EnterSleep: 1, Finally: true, Exit: raiseV}
	m.SetKind(edit.KindClass)
	assert.Equal(t, edit.ManagerDesign{Kind: edit.KindClass, EnterSleep: 1, Exit: raiseV}, m, "only a generator has finally")
	m.SetKind(edit.KindTimeout)
	assert.Equal(t, edit.ManagerDesign{Kind: edit.KindTimeout, Timeout: 1}, m, "a timeout has no code of its own")
	m.Timeout = 3
	m.SetKind(edit.KindTimeout)
	assert.Equal(t, 3.0, m.Timeout)
	m.SetKind(edit.KindStack)
	assert.Equal(t, edit.ManagerDesign{Kind: edit.KindStack}, m)
	m = cls(1, 0.5)
	m.SetKind(edit.KindSemaphore)
	assert.Equal(t, edit.ManagerDesign{Kind: edit.KindSemaphore}, m, "the semaphore has no code of its own")
	// Whatever the kind switches through, the result builds without problems.
	d := design(edit.RunGather, 1, none, m)
	for _, k := range append(edit.ManagerKinds, edit.ManagerKinds...) {
		d.Tasks[0].Managers[0].SetKind(k)
		assert.Empty(t, build(t, d).probs, "kind %s", k)
	}
}

func TestSetPlaces(t *testing.T) {
	for _, c := range []struct{ set, want int }{{-3, 1}, {0, 1}, {1, 1}, {2, 2}, {7, 7}, {edit.MaxPlaces, edit.MaxPlaces}, {edit.MaxPlaces + 1, edit.MaxPlaces}} {
		d := edit.Default()
		d.SetPlaces(c.set)
		assert.Equal(t, c.want, d.SemaphoreValue(), "SetPlaces(%d)", c.set)
		assert.Equal(t, c.want, d.Clone().SemaphoreValue(), "Clone keeps the places")
	}
	assert.Equal(t, edit.DefaultPlaces, edit.Default().SemaphoreValue(), "0 stands for the default")
	assert.Equal(t, 1000, edit.MaxPlaces, "the engine's bound")
}

func TestSharedManagerNames(t *testing.T) {
	d := design(edit.RunGather, 0, none, edit.ManagerDesign{Kind: edit.KindLock}, edit.ManagerDesign{Kind: edit.KindSemaphore}, cls(0, 0))
	assert.Equal(t, []string{"shared_lock", "shared_semaphore", "Lock"}, []string{d.ManagerName(0, 0), d.ManagerName(0, 1), d.ManagerName(0, 2)})
	for _, c := range []struct {
		kind    edit.ManagerKind
		hasCode bool
	}{{edit.KindClass, true}, {edit.KindGenerator, true}, {edit.KindStack, true}, {edit.KindTimeout, false}, {edit.KindLock, false}, {edit.KindSemaphore, false}} {
		assert.Equal(t, c.hasCode, c.kind.HasCode(), "%s", c.kind)
	}
}

func TestSetFault(t *testing.T) {
	d := edit.Default()
	require.True(t, d.SetFault(0, 1, edit.HookExit, edit.Fault{Kind: edit.FaultRaise}))
	assert.Equal(t, edit.Fault{Kind: edit.FaultRaise, Type: "ValueError"}, d.Tasks[0].Managers[1].Exit)
	require.True(t, d.SetFault(1, 99, edit.HookBody, edit.Fault{Kind: edit.FaultCancel, Type: "KeyError"}))
	assert.Equal(t, cancel, d.Tasks[1].Body, "a cancel has no type")
	assert.False(t, d.SetFault(0, 5, edit.HookExit, raiseV))
	assert.False(t, d.SetFault(9, 0, edit.HookBody, raiseV))
	assert.False(t, d.SetFault(0, 0, "middle", raiseV))
}

func TestCycle(t *testing.T) {
	cases := []struct {
		cur  edit.FaultKind
		step int
		want edit.FaultKind
	}{
		{edit.FaultNone, 1, edit.FaultRaise},
		{edit.FaultSuppress, 1, edit.FaultNone},
		{edit.FaultNone, -1, edit.FaultSuppress},
		{edit.FaultCancel, 6, edit.FaultTimeout},
		{"bogus", 1, edit.FaultRaise},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, edit.Cycle(edit.FaultKinds, c.cur, c.step), "%q%+d", c.cur, c.step)
	}
	assert.Equal(t, "RuntimeError", edit.Cycle(edit.ExcTypes, "ValueError", 1))
	assert.Equal(t, edit.RunGather, edit.Cycle(edit.Runners, edit.RunTaskGroup, 1))
	assert.Equal(t, "", edit.Cycle([]string(nil), "x", 1))
}

func TestStepDuration(t *testing.T) {
	cases := []struct {
		cur  float64
		step int
		want float64
	}{
		{0, 1, 0.1}, {0, -1, 0}, {1, 1, 1.5}, {1, -1, 0.5}, {5, 1, 5}, {5, 3, 5},
		{0.7, 1, 1}, {0.7, -1, 0.5}, {9, -1, 5}, {9, 1, 5},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, edit.StepDuration(c.cur, c.step), "%v%+d", c.cur, c.step)
	}
}

func TestFaultKindsAt(t *testing.T) {
	for _, h := range edit.Hooks {
		kinds := edit.FaultKindsAt(h)
		assert.Contains(t, kinds, edit.FaultRaise)
		assert.Equal(t, h == edit.HookExit, len(kinds) == len(edit.FaultKinds), "only __aexit__ offers return True (%s)", h)
	}
}

// TestLabels: every choice the form cycles has a short label in both
// languages; a raise shows its type.
func TestLabels(t *testing.T) {
	var all []interface{ Label(i18n.Lang) string }
	for _, v := range edit.Runners {
		all = append(all, v)
	}
	for _, v := range edit.ManagerKinds {
		all = append(all, v)
	}
	for _, v := range edit.FaultKinds {
		all = append(all, v)
	}
	for _, v := range edit.Hooks {
		all = append(all, v)
	}
	for _, v := range all {
		for _, lang := range i18n.Langs() {
			l := v.Label(lang)
			assert.NotEmpty(t, l)
			assert.LessOrEqual(t, len([]rune(l)), 32, "a button label stays short: %q", l)
		}
	}
	assert.Equal(t, "raise KeyError", edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"}.Label(i18n.English))
	assert.Equal(t, "cancela a tarefa", cancel.Label(i18n.Lang("pt")))
	assert.Equal(t, "unknown", edit.FaultKind("unknown").Label(i18n.English))
	for _, typ := range edit.ExcTypes {
		_, ok := sim.LookupExcClass(typ)
		assert.True(t, ok, "sim knows %s", typ)
	}
}
