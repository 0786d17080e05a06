package replay

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// waitsScenario has a task waiting on a condition while main sits in
// asyncio.wait with a timeout, then notifies it.
const waitsScenario = `{"version": 1, "shared": [{"name": "ready", "kind": "condition"}], "functions": [
 {"name": "consumer", "body": [{"with": {"items": [{"use": "ready"}], "body": [{"condWait": "ready"}]}}]},
 {"name": "main", "body": [
  {"createTask": {"call": "consumer", "as": "c"}},
  {"wait": {"tasks": ["c"], "returnWhen": "FIRST_COMPLETED", "timeout": 1}},
  {"with": {"items": [{"use": "ready"}], "body": [{"notify": "ready"}]}},
  {"wait": {"tasks": ["c"]}}]}]}`

// suspension is the index of the n-th (0-based) suspension of task.
func suspension(t *testing.T, r *Replay, task string, n int) int {
	t.Helper()
	for i := 0; i < r.Len(); i++ {
		if ev := r.Event(i); ev.Kind == sim.TaskSuspended && ev.Task == task {
			if n == 0 {
				return i
			}
			n--
		}
	}
	require.Failf(t, "no such suspension", "%s #%d", task, n)
	return -1
}

// lane is the lane of task in s.
func lane(s *Snapshot, task string) *Lane {
	for i := range s.Lanes {
		if s.Lanes[i].Task == task {
			return &s.Lanes[i]
		}
	}
	return nil
}

func TestWaitingOnAConditionAndInAsyncioWait(t *testing.T) {
	en, pt, es := i18n.English, i18n.Lang("pt"), i18n.Lang("es")
	sc, err := sim.Decode([]byte(waitsScenario))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	r := New(res)
	tests := []struct {
		name, task string
		n          int
		status     map[i18n.Lang]string
		caption    map[i18n.Lang][]string
	}{
		{"consumer waits on the condition", "consumer", 0,
			map[i18n.Lang]string{en: "waiting on ready", pt: "esperando em ready", es: "esperando en ready"},
			map[i18n.Lang][]string{en: {"consumer waits on ready: wait() has released the lock", "ready.notify()"},
				pt: {"consumer espera em ready"}, es: {"consumer espera en ready"}}},
		{"main in asyncio.wait with a timeout", "main", 0,
			map[i18n.Lang]string{en: "in asyncio.wait", pt: "em asyncio.wait", es: "en asyncio.wait"},
			map[i18n.Lang][]string{en: {"main waits in asyncio.wait until the first of its tasks is done.", "by 1 s, its timeout ends the wait"},
				pt: {"até a primeira de suas tarefas terminar", "até 1 s"}, es: {"hasta que termine la primera", "en 1 s"}}},
		{"main in asyncio.wait for all", "main", 1,
			map[i18n.Lang]string{en: "in asyncio.wait"},
			map[i18n.Lang][]string{en: {"until all of its tasks are done."}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := suspension(t, r, tc.task, tc.n)
			s := r.At(i)
			l := lane(s, tc.task)
			require.NotNil(t, l, dump(s))
			assert.Equal(t, TaskWaiting, l.State, dump(s))
			assert.Contains(t, s.Loop.Waiting, tc.task)
			for lang, want := range tc.status {
				assert.Equal(t, want, l.Status(lang))
			}
			for lang, wants := range tc.caption {
				c := r.Caption(i, lang)
				for _, w := range wants {
					assert.Contains(t, c, w)
				}
			}
		})
	}
	// The timer ends the first wait, the notify wakes the consumer.
	var ready []string
	for i := 0; i < r.Len(); i++ {
		if r.Event(i).Kind == sim.TaskReady {
			ready = append(ready, r.Caption(i, en))
		}
	}
	joined := strings.Join(ready, "\n")
	assert.Contains(t, joined, "asyncio.wait is over for main")
	assert.Contains(t, joined, "consumer is notified on ready and joins the ready queue")
}

// TestAsyncioWaitUnorderedNote: the note a run gets when asyncio.wait
// meets values of several kinds that are not tasks is told in each
// language.
func TestAsyncioWaitUnorderedNote(t *testing.T) {
	sc, err := sim.Decode([]byte(`{"version": 1, "functions": [
	  {"name": "text", "body": [{"return": "x"}]}, {"name": "number", "body": [{"return": 1}]},
	  {"name": "main", "body": [{"call": {"function": "text", "as": "a"}}, {"call": {"function": "number", "as": "b"}},
	    {"try": {"body": [{"wait": {"tasks": ["a", "b"]}}], "except": [{"types": ["AttributeError"], "body": [{"pass": true}]}]}}]}]}`))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	require.True(t, res.Unordered)
	r := New(res)
	for i := 0; i < r.Len(); i++ {
		if r.Event(i).Kind == sim.Note {
			assert.Contains(t, r.Caption(i, i18n.Lang("pt")), "asyncio.wait adiciona seus callbacks")
			return
		}
	}
	t.Fatal("no note")
}
