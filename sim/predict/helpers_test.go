package predict_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/catalog/catalogtest"
	"asyncwithlab/sim/predict"
)

// presets is every built-in example.
func presets(t *testing.T) []catalog.Preset { return catalogtest.Presets(t) }

// runPreset runs the named preset.
func runPreset(t *testing.T, name string) *sim.Result {
	t.Helper()
	return catalogtest.Run(t, name)
}

// isHook: the events an Order challenge is about.
func isHook(k sim.EventKind) bool {
	switch k {
	case sim.AenterStarted, sim.AenterReturned, sim.AenterRaised,
		sim.AexitCalled, sim.AexitReturned, sim.AexitRaised:
		return true
	}
	return false
}

// rightOption is the option c.Answer points at.
func rightOption(t *testing.T, c predict.Challenge) predict.Option {
	t.Helper()
	require.GreaterOrEqual(t, c.Answer.Option, 0)
	require.Less(t, c.Answer.Option, len(c.Options))
	return c.Options[c.Answer.Option]
}

// checkConsistent re-derives every challenge's answer from the trace,
// independently of how Find did it, and checks that Check agrees.
func checkConsistent(t *testing.T, where string, res *sim.Result, cs []predict.Challenge) {
	t.Helper()
	tr := res.Trace
	prevUntil := -1
	for n, c := range cs {
		msg := []any{"%s: challenge %d (%s at %d)", where, n, c.Kind, c.At}
		require.LessOrEqual(t, c.At, c.Until, msg...)
		require.Greater(t, c.At, prevUntil, msg...)
		require.Less(t, c.Until, tr.Len(), msg...)
		prevUntil = c.Until
		assert.NotEmpty(t, c.Prompt(i18n.English), msg...)
		assert.NotEqual(t, c.Prompt(i18n.English), c.Prompt(i18n.Lang("pt")), msg...)

		full := c.Check(c.Answer)
		assert.True(t, full.Right, msg...)
		assert.Equal(t, 1.0, full.Score, msg...)
		en, pt := full.Explanation(i18n.English), full.Explanation(i18n.Lang("pt"))
		assert.NotEmpty(t, en, msg...)
		assert.NotEqual(t, en, pt, msg...)

		switch c.Kind {
		case predict.Order:
			checkOrder(t, tr, c, en, msg)
		case predict.Aexit:
			checkAexit(t, tr, c, en, msg)
		default:
			t.Fatalf("%s: unknown kind %v", where, c.Kind)
		}
	}
}

func checkOrder(t *testing.T, tr *sim.Trace, c predict.Challenge, expl string, msg []any) {
	t.Helper()
	require.GreaterOrEqual(t, len(c.Items), 3, msg...)
	require.LessOrEqual(t, len(c.Items), 6, msg...)
	byID := map[string]predict.Item{}
	for _, it := range c.Items {
		require.NotContains(t, byID, it.ID, msg...)
		byID[it.ID] = it
		assert.Contains(t, it.Label(i18n.English), it.Manager, msg...)
		assert.Contains(t, it.Label(i18n.Lang("pt")), it.Manager, msg...)
		assert.LessOrEqual(t, len([]rune(it.Label(i18n.English)))-len([]rune(it.Manager)), 26, msg...)
		assert.Contains(t, expl, it.Manager, msg...)
	}
	// The hook events the challenge reveals are the items, in answer order.
	var hooks []sim.Event
	for i := c.At; i <= c.Until; i++ {
		if e := tr.At(i); isHook(e.Kind) {
			hooks = append(hooks, e)
		}
	}
	require.Equal(t, len(hooks), len(c.Answer.Order), msg...)
	managers := map[string]bool{}
	var ids []string
	for k, e := range hooks {
		it, ok := byID[c.Answer.Order[k]]
		require.True(t, ok, msg...)
		assert.Equal(t, e.Manager, it.Manager, msg...)
		assert.Equal(t, e.Kind, it.Event, msg...)
		assert.Equal(t, e.Task, it.Task, msg...)
		managers[e.Manager] = true
		ids = append(ids, c.Items[k].ID)
	}
	assert.GreaterOrEqual(t, len(managers), 2, msg...)
	assert.NotEqual(t, c.Answer.Order, ids, "the shuffle gives the answer away: %v", msg)
	assert.Equal(t, tr.At(c.At).Kind, hooks[0].Kind, msg...)
	assert.Equal(t, tr.At(c.Until).Kind, hooks[len(hooks)-1].Kind, msg...)

	// Reversed is every pair wrong.
	rev := make([]string, len(c.Answer.Order))
	for i, id := range c.Answer.Order {
		rev[len(rev)-1-i] = id
	}
	m := c.Check(predict.Answer{Order: rev})
	assert.False(t, m.Right, msg...)
	assert.Equal(t, 0.0, m.Score, msg...)
}

func checkAexit(t *testing.T, tr *sim.Trace, c predict.Challenge, expl string, msg []any) {
	t.Helper()
	called := tr.At(c.At)
	require.Equal(t, sim.AexitCalled, called.Kind, msg...)
	require.Equal(t, c.Manager, called.Manager, msg...)
	assert.Contains(t, expl, c.Manager, msg...)
	assert.Contains(t, expl, called.Args, msg...)
	right := rightOption(t, c)

	// What __aexit__ receives is what the trace says it received.
	if called.Exc == nil {
		assert.Equal(t, "None, None, None", called.Args, msg...)
		assert.Empty(t, right.Exc, msg...)
	} else {
		assert.Equal(t, called.Exc.Type, right.Exc, msg...)
		assert.True(t, strings.HasPrefix(called.Args, right.Exc) || strings.Contains(called.Args, "."+right.Exc+","), msg...)
	}

	// How the block ends is what the last revealed event says.
	last := tr.At(c.Until)
	assert.Equal(t, c.Manager, last.Manager, msg...)
	switch last.Kind {
	case sim.ExcSuppressed:
		assert.Equal(t, predict.Suppressed, right.Outcome, msg...)
	case sim.ExcPropagated:
		assert.Equal(t, predict.Propagates, right.Outcome, msg...)
	case sim.ExcReplaced:
		assert.Equal(t, predict.Raises, right.Outcome, msg...)
		assert.Equal(t, last.Exc.Type, right.New, msg...)
	case sim.AexitRaised:
		if right.Outcome != predict.Propagates {
			assert.Equal(t, predict.Raises, right.Outcome, msg...)
			assert.Equal(t, last.Exc.Type, right.New, msg...)
		}
	case sim.AexitReturned:
		if right.Exc == "" {
			assert.Equal(t, predict.Normal, right.Outcome, msg...)
		} else {
			assert.Contains(t, []predict.Outcome{predict.Suppressed, predict.Propagates}, right.Outcome, msg...)
		}
	default:
		t.Errorf("%v: ends with %s", msg, last.Kind)
	}

	// Options: several, distinct, exactly one right, the others marked lower.
	require.GreaterOrEqual(t, len(c.Options), 3, msg...)
	labels := map[string]bool{}
	rights := 0
	for i, o := range c.Options {
		l := o.Label(i18n.English)
		assert.NotContains(t, labels, l, msg...)
		labels[l] = true
		// Short: a label names at most two exception types, and the
		// longest raisable pair ("StopAsyncIteration → replaced by
		// StopAsyncIteration") makes 51 characters (the choice wraps).
		assert.LessOrEqual(t, len([]rune(l)), 51, msg...)
		assert.LessOrEqual(t, len([]rune(o.Label(i18n.Lang("pt")))), 51, msg...)
		m := c.Check(predict.Answer{Option: i})
		if m.Right {
			rights++
			continue
		}
		assert.Less(t, m.Score, 1.0, msg...)
		assert.Contains(t, m.Explanation(i18n.English), right.Label(i18n.English), msg...)
	}
	assert.Equal(t, 1, rights, msg...)
}
