package predict_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
	"asyncwithlab/sim/predict"
)

func TestScoresRecord(t *testing.T) {
	// Real marks from a real challenge, so that Record sees what Check gives.
	c := firstOf(t, "nested-exit-order", predict.Order)
	right := c.Check(c.Answer)
	o := c.Answer.Order
	partial := c.Check(predict.Answer{Order: []string{o[0], o[1], o[3], o[2], o[4], o[5]}}) // 14/15
	wrong := c.Check(predict.Answer{Order: []string{o[5], o[4], o[3], o[2], o[1], o[0]}})   // 0
	require.InDelta(t, 14.0/15, partial.Score, 1e-9)

	tests := []struct {
		name  string
		marks []predict.Mark
		want  predict.Entry
	}{
		{"one right", []predict.Mark{right}, predict.Entry{Asked: 1, Right: 1, Points: 100, Streak: 1, Best: 1}},
		{"partial rounds to hundredths", []predict.Mark{partial}, predict.Entry{Asked: 1, Points: 93}},
		{"streak broken, best kept", []predict.Mark{right, right, wrong, right},
			predict.Entry{Asked: 4, Right: 3, Points: 300, Streak: 1, Best: 2}},
		{"best can come late", []predict.Mark{wrong, right, partial, right, right, right},
			predict.Entry{Asked: 6, Right: 4, Points: 493, Streak: 3, Best: 3}},
		// A hand-made mark cannot make the entry contradict itself.
		{"right counts a whole point", []predict.Mark{{Right: true, Score: 0.2}}, predict.Entry{Asked: 1, Right: 1, Points: 100, Streak: 1, Best: 1}},
		{"score clamped", []predict.Mark{{Score: 7}, {Score: -3}}, predict.Entry{Asked: 2, Points: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s predict.Scores
			for _, m := range tt.marks {
				s.Record("k", m)
			}
			assert.Equal(t, tt.want, s.Entries["k"])
			back, err := predict.DecodeScores(s.Encode())
			require.NoError(t, err)
			assert.Equal(t, s, back)
		})
	}

	var s predict.Scores
	s.Record("", right)
	assert.Empty(t, s.Entries, "a mark without a key is dropped")
	assert.InDelta(t, 4.93, predict.Entry{Asked: 6, Right: 4, Points: 493}.Score(), 1e-9)
}

func TestScoresEncodeStable(t *testing.T) {
	var a, b predict.Scores
	marks := map[string]predict.Mark{"zeta": {Right: true, Score: 1}, "aenter-fails": {Score: 0.5}, "odd key;:,%é": {Score: 0.25}}
	for _, k := range []string{"zeta", "aenter-fails", "odd key;:,%é"} {
		a.Record(k, marks[k])
	}
	for _, k := range []string{"odd key;:,%é", "zeta", "aenter-fails"} {
		b.Record(k, marks[k])
	}
	assert.Equal(t, a.Encode(), b.Encode(), "insertion order does not matter")
	assert.Equal(t, "p1;aenter-fails:1,0,50,0,0;odd%20key%3B%3A%2C%25%C3%A9:1,0,25,0,0;zeta:1,1,100,1,1", a.Encode())
	assert.Equal(t, "p1", predict.Scores{}.Encode())
	back, err := predict.DecodeScores(a.Encode())
	require.NoError(t, err)
	assert.Equal(t, a, back)
}

func TestDecodeScoresErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", `expected "p1" at the start, got ""`},
		{"q1.i0.1", `expected "p1" at the start`},
		{"p2;a:1,1,100,1,1", "format version 2; this program reads version 1"},
		{"p1;", `entry 1: expected KEY:asked,right,points,streak,best, got ""`},
		{"p1;a", "entry 1: expected KEY:"},
		{"p1;:1,1,100,1,1", `entry 1: key "": empty`},
		{"p1;a b:1,1,100,1,1", `entry 1: key "a b": unexpected ' ' at byte 2`},
		{"p1;a%2:1,1,100,1,1", `unexpected '%' at byte 2`},
		{"p1;a%2c:1,1,100,1,1", `unexpected '%' at byte 2`},
		{"p1;%41:1,1,100,1,1", `"%41" at byte 1 must be written as it is`},
		{"p1;b:1,1,100,1,1;a:1,1,100,1,1", `entry 2: key "a" comes after "b"`},
		{"p1;a:1,1,100,1,1;a:1,1,100,1,1", `entry 2: key "a" comes after "a"`},
		{"p1;a:1,1,100,1", `entry 1 ("a"): expected 5 numbers`},
		{"p1;a:1,1,100,1,1,1", `expected 5 numbers (asked,right,points,streak,best), got 6`},
		{"p1;a:01,1,100,1,1", `asked: "01" is not a whole number as saved`},
		{"p1;a:1,-1,100,1,1", `right: "-1" is not a whole number`},
		{"p1;a:1,1,1e2,1,1", `points: "1e2" is not a whole number`},
		{"p1;a:1,1,,1,1", `points: "" is not a whole number`},
		{"p1;a:1000000000,0,0,0,0", `asked (1000000000) is more than 999999999`},
		{"p1;a:99999999999,0,0,0,0", `asked: "99999999999" is out of range`},
		{"p1;a:1,1,100,1,9999999999999", `best: "9999999999999" is not a whole number`},
		{"p1;a:1,2,200,1,1", "right (2) is more than asked (1)"},
		{"p1;a:2,1,50,1,1", "points (50 hundredths) must lie between 100×right (100) and 100×asked (200)"},
		{"p1;a:2,1,201,1,1", "must lie between"},
		{"p1;a:2,1,100,0,2", "best (2) is more than right (1)"},
		{"p1;a:3,2,200,2,1", "streak (2) is more than best (1)"},
		{"p1;a:1,1,100,1,1;", "entry 2: expected KEY:"},
		{strings.Repeat("x", 2<<20), "is too long"},
	}
	for _, tt := range tests {
		t.Run(clipName(tt.in), func(t *testing.T) {
			s, err := predict.DecodeScores(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "scores: "))
			assert.Empty(t, s.Entries)
		})
	}
}

func clipName(s string) string {
	if len(s) > 30 {
		return s[:30]
	}
	return s
}

func TestKey(t *testing.T) {
	sc := catalogtest.Scenario(t, "suppress")
	assert.Equal(t, "suppress", predict.Key("suppress", sc))

	k := predict.Key("", sc)
	assert.Regexp(t, `^~[0-9a-f]{12}$`, k)
	// The same scenario, decoded again, gets the same key; an edit, another.
	data, err := sim.Encode(sc)
	require.NoError(t, err)
	again, err := sim.Decode(data)
	require.NoError(t, err)
	assert.Equal(t, k, predict.Key("", again))
	again.Title += " (edited)"
	assert.NotEqual(t, k, predict.Key("", again))
	assert.Regexp(t, `^~[0-9a-f]{12}$`, predict.Key("", nil))

	// Keys survive a round trip through the saved string.
	var s predict.Scores
	s.Record(k, predict.Mark{Right: true, Score: 1})
	back, err := predict.DecodeScores(s.Encode())
	require.NoError(t, err)
	assert.Equal(t, 1, back.Entries[k].Right)
}
