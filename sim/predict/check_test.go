package predict_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/predict"
)

// firstOf returns the first challenge of a kind in a preset's run.
func firstOf(t *testing.T, preset string, k predict.Kind) predict.Challenge {
	t.Helper()
	for _, c := range predict.Find(runPreset(t, preset), 5) {
		if c.Kind == k {
			return c
		}
	}
	t.Fatalf("%s has no %s challenge", preset, k)
	return predict.Challenge{}
}

func TestCheckOrder(t *testing.T) {
	// nested-exit-order's first challenge: the six entry events of A, B, C.
	c := firstOf(t, "nested-exit-order", predict.Order)
	right := c.Answer.Order
	require.Len(t, right, 6)
	swapped := func(i, j int) []string {
		o := append([]string(nil), right...)
		o[i], o[j] = o[j], o[i]
		return o
	}
	tests := []struct {
		name   string
		order  []string
		right  bool
		score  float64
		starts string
	}{
		{"right", right, true, 1, "All in the right order."},
		{"neighbours swapped", swapped(2, 3), false, 14.0 / 15, "14 of 15 pairs"},
		{"first and last swapped", swapped(0, 5), false, 6.0 / 15, "6 of 15 pairs"},
		{"reversed", []string{right[5], right[4], right[3], right[2], right[1], right[0]}, false, 0, "0 of 15 pairs"},
		{"empty", nil, false, 0, "each of the 6 items once"},
		{"one missing", right[:5], false, 0, "each of the 6 items once"},
		{"one twice", append(append([]string(nil), right[:5]...), right[0]), false, 0, "each of the 6 items once"},
		{"unknown id", append(append([]string(nil), right[:5]...), "Z/aenter.started"), false, 0, "each of the 6 items once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := c.Check(predict.Answer{Order: tt.order})
			assert.Equal(t, tt.right, m.Right)
			assert.InDelta(t, tt.score, m.Score, 1e-9)
			assert.Contains(t, m.Explanation(i18n.English), tt.starts)
			// Whatever the answer, the explanation says what happened.
			assert.Contains(t, m.Explanation(i18n.English), "1) A.__aenter__ starts")
			assert.Contains(t, m.Explanation(i18n.Lang("pt")), "1) A.__aenter__ começa")
		})
	}
}

func TestCheckAexit(t *testing.T) {
	// aexit-replaces: FragileCleanup.__aexit__ gets the ValueError and
	// raises RuntimeError in its place.
	c := firstOf(t, "aexit-replaces", predict.Aexit)
	require.Equal(t, "FragileCleanup", c.Manager)
	want := rightOption(t, c)
	require.Equal(t, predict.Option{Exc: "ValueError", Outcome: predict.Raises, New: "RuntimeError"}, stripped(want))

	for i, o := range c.Options {
		t.Run(o.Label(i18n.English), func(t *testing.T) {
			m := c.Check(predict.Answer{Option: i})
			argsRight := o.Exc == want.Exc
			endRight := o.Outcome == want.Outcome && o.New == want.New
			switch {
			case argsRight && endRight:
				assert.True(t, m.Right)
				assert.Equal(t, 1.0, m.Score)
				assert.NotContains(t, m.Explanation(i18n.English), "The answer is")
			case argsRight || endRight:
				assert.False(t, m.Right)
				assert.Equal(t, 0.5, m.Score)
				assert.Contains(t, m.Explanation(i18n.English), "The answer is ValueError → replaced by RuntimeError.")
			default:
				assert.False(t, m.Right)
				assert.Equal(t, 0.0, m.Score)
				assert.Contains(t, m.Explanation(i18n.Lang("pt")), "A resposta é ValueError → trocada por RuntimeError.")
			}
			assert.Contains(t, m.Explanation(i18n.English), "The body raised ValueError('bad input').")
			assert.Contains(t, m.Explanation(i18n.English), "FragileCleanup.__aexit__ receives (ValueError, ValueError('bad input'), <traceback>).")
			assert.Contains(t, m.Explanation(i18n.English), "It raises RuntimeError, which replaces the ValueError")
		})
	}
	for _, bad := range []int{-1, len(c.Options), math.MaxInt} {
		m := c.Check(predict.Answer{Option: bad})
		assert.False(t, m.Right)
		assert.Zero(t, m.Score)
		assert.Contains(t, m.Explanation(i18n.English), "Choose one of the")
	}
	// A zero Challenge is no crash either.
	assert.Zero(t, predict.Challenge{Kind: predict.Aexit}.Check(predict.Answer{}).Score)
	assert.Zero(t, predict.Challenge{}.Check(predict.Answer{Order: []string{"x"}}).Score)
}

// stripped compares an option by what it says.
func stripped(o predict.Option) predict.Option {
	return predict.Option{Exc: o.Exc, Outcome: o.Outcome, New: o.New}
}

func TestDistractorsArePlausible(t *testing.T) {
	tests := []struct {
		preset, manager string
		want            []predict.Option // must all be offered
	}{
		// The exception as received, with the other endings, and None.
		{"aenter-fails", "First", []predict.Option{
			{Exc: "ConnectionError", Outcome: predict.Suppressed},
			{Outcome: predict.Normal}}},
		// Received None after an inner suppression: the tempting wrong
		// answers are the ValueError the body raised.
		{"suppress", "Outer", []predict.Option{
			{Exc: "ValueError", Outcome: predict.Propagates},
			{Exc: "ValueError", Outcome: predict.Suppressed}}},
		// The outer manager: the new exception, the old one is a distractor.
		{"aexit-replaces", "Outer", []predict.Option{
			{Exc: "RuntimeError", Outcome: predict.Suppressed}}},
		{"cancel-in-body", "Connection", []predict.Option{
			{Exc: "CancelledError", Outcome: predict.Suppressed},
			{Outcome: predict.Normal}}},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			var c *predict.Challenge
			for _, x := range predict.Find(runPreset(t, tt.preset), 11) {
				if x.Kind == predict.Aexit && x.Manager == tt.manager {
					c = &x
					break
				}
			}
			require.NotNil(t, c)
			var offered []predict.Option
			for _, o := range c.Options {
				offered = append(offered, stripped(o))
			}
			assert.Len(t, offered, 4)
			assert.Subset(t, offered, tt.want)
		})
	}
}

func TestLabels(t *testing.T) {
	c := firstOf(t, "suppress", predict.Aexit)
	assert.Equal(t, "What does Forgiving.__aexit__ receive, and how does the async with end?", c.Prompt(i18n.English))
	assert.Equal(t, "O que Forgiving.__aexit__ recebe, e como termina o async with?", c.Prompt(i18n.Match("pt-BR")))
	o := firstOf(t, "suppress", predict.Order)
	assert.Equal(t, "In what order do these happen?", o.Prompt(i18n.Lang("xx")))
	assert.Equal(t, "Em que ordem isto acontece?", o.Prompt(i18n.Lang("pt")))

	tests := []struct {
		o      predict.Option
		en, pt string
	}{
		{predict.Option{Outcome: predict.Normal}, "None, None, None → no error", "None, None, None → sem erro"},
		{predict.Option{Outcome: predict.Raises, New: "ExceptionGroup"}, "None, None, None → raises ExceptionGroup", "None, None, None → lança ExceptionGroup"},
		{predict.Option{Exc: "ValueError", Outcome: predict.Suppressed}, "ValueError → suppressed", "ValueError → suprimida"},
		{predict.Option{Exc: "ValueError", Outcome: predict.Propagates}, "ValueError → propagates", "ValueError → propaga"},
		{predict.Option{Exc: "ValueError", Outcome: predict.Raises, New: "KeyError"}, "ValueError → replaced by KeyError", "ValueError → trocada por KeyError"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.en, tt.o.Label(i18n.English))
		assert.Equal(t, tt.pt, tt.o.Label(i18n.Lang("pt")))
	}
}
