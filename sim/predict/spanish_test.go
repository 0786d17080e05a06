package predict_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/predict"
)

// TestSpanish: every text a challenge shows comes out in Spanish too: not
// empty, formatted without errors, no message ID left showing, and not the
// English text.
func TestSpanish(t *testing.T) {
	es := i18n.Lang("es")
	said := func(t *testing.T, what string, say func(i18n.Lang) string) {
		t.Helper()
		got, en := say(es), say(i18n.English)
		assert.NotEmpty(t, got, what)
		assert.NotContains(t, got, "%!", what)
		assert.NotContains(t, got, "predict.", "%s: a message ID shows: %q", what, got)
		assert.NotEqual(t, en, got, "%s is not translated", what)
	}
	tests := []struct {
		preset string
		kinds  []predict.Kind // at least these kinds of challenge
	}{
		{"aexit-replaces", []predict.Kind{predict.Aexit}},
		{"suppress", []predict.Kind{predict.Aexit, predict.Order}},
		{"nested-exit-order", []predict.Kind{predict.Order}},
		{"gather-interleave", []predict.Kind{predict.Order}},
		{"cancel-in-body", []predict.Kind{predict.Aexit}},
		{"aenter-fails", []predict.Kind{predict.Aexit}},
		{"return-in-body", []predict.Kind{predict.Aexit}},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			cs := predict.Find(runPreset(t, tt.preset), 5)
			seen := map[predict.Kind]bool{}
			for n, c := range cs {
				seen[c.Kind] = true
				where := fmt.Sprintf("challenge %d (%s)", n, c.Kind)
				said(t, where+": prompt", c.Prompt)
				for _, it := range c.Items {
					said(t, where+": item "+it.ID, it.Label)
					assert.Contains(t, it.Label(es), it.Manager)
				}
				for i, o := range c.Options {
					said(t, fmt.Sprintf("%s: option %d", where, i), o.Label)
				}
				said(t, where+": explanation of the right answer", c.Check(c.Answer).Explanation)
				wrong := predict.Answer{Option: (c.Answer.Option + 1) % max(1, len(c.Options))}
				if c.Kind == predict.Order {
					o := c.Answer.Order
					wrong.Order = append([]string{o[len(o)-1]}, o[:len(o)-1]...)
				}
				said(t, where+": explanation of a wrong answer", c.Check(wrong).Explanation)
				said(t, where+": explanation of a malformed answer", c.Check(predict.Answer{Option: -1, Order: []string{"?"}}).Explanation)
			}
			for _, k := range tt.kinds {
				require.True(t, seen[k], "%s has a %s challenge", tt.preset, k)
			}
		})
	}

	c := firstOf(t, "suppress", predict.Aexit)
	assert.Equal(t, "¿Qué recibe Forgiving.__aexit__ y cómo termina el async with?", c.Prompt(es))
	assert.Equal(t, "ValueError → sustituida por KeyError",
		predict.Option{Exc: "ValueError", Outcome: predict.Raises, New: "KeyError"}.Label(es))
}
