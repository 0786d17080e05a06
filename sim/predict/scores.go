package predict

import (
	"encoding/hex"
	"fmt"
	"golang.org/x/crypto/blake2b"
	"math"
	"sort"
	"strconv"
	"strings"

	"asyncwithlab/sim"
)

// Scores keeps the marks of the predict challenges, per scenario. It is
// saved with Encode next to the quiz progress (localStorage in the
// browser, a file on the desktop) and read back with DecodeScores.
type Scores struct {
	// Entries is keyed by Key: a preset's name or a scenario's hash.
	Entries map[string]Entry
}

// Entry is the record of one scenario's challenges. Points counts
// hundredths of a point, so that saving and loading are exact.
type Entry struct {
	Asked  int // challenges answered
	Right  int // answered fully right
	Points int // sum of the marks' scores, in hundredths
	Streak int // right answers in a row, up to the latest one
	Best   int // the longest run of right answers in a row
}

// Score is the entry's points as a number of whole points.
func (e Entry) Score() float64 { return float64(e.Points) / 100 }

// maxCount bounds every counter, so that a saved string stays short and
// every number fits an int everywhere; Record stops counting there.
const maxCount = 999_999_999

// Record adds a mark to key's entry. A mark without a key has nowhere to
// go and is dropped; so is one past maxCount answers.
func (s *Scores) Record(key string, m Mark) {
	if key == "" {
		return
	}
	e := s.Entries[key]
	if e.Asked >= maxCount {
		return
	}
	pts := 0
	switch {
	case m.Right:
		// A right answer is worth a whole point, whatever Score says:
		// that keeps every entry consistent (see check).
		pts = 100
	case m.Score > 0:
		pts = int(math.Round(math.Min(m.Score, 1) * 100))
	}
	e.Asked++
	e.Points += pts
	if m.Right {
		e.Right++
		e.Streak++
		e.Best = max(e.Best, e.Streak)
	} else {
		e.Streak = 0
	}
	if s.Entries == nil {
		s.Entries = map[string]Entry{}
	}
	s.Entries[key] = e
}

// scoresTag starts every saved string; its number is the format version.
const scoresTag = "p1"

// Encode writes the scores compactly and always the same way for the same
// scores: "p1;KEY:asked,right,points,streak,best;..." with the keys
// sorted and percent-escaped, e.g. "p1;aenter-fails:3,2,250,1,2".
func (s Scores) Encode() string {
	keys := make([]string, 0, len(s.Entries))
	for k := range s.Entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(scoresTag)
	for _, k := range keys {
		e := s.Entries[k]
		fmt.Fprintf(&b, ";%s:%d,%d,%d,%d,%d", escapeKey(k), e.Asked, e.Right, e.Points, e.Streak, e.Best)
	}
	return b.String()
}

// maxScoresLen is far beyond any real record and keeps a damaged store
// from costing much.
const maxScoresLen = 1 << 20

// DecodeScores reads what Encode wrote. It is strict: anything Encode
// would not have written (another version, a malformed number, keys out
// of order, counts that contradict each other) is an error naming the
// entry and what was expected.
func DecodeScores(s string) (Scores, error) {
	if len(s) > maxScoresLen {
		return Scores{}, fmt.Errorf("scores: %d bytes is too long (at most %d)", len(s), maxScoresLen)
	}
	parts := strings.Split(s, ";")
	if parts[0] != scoresTag {
		if v, ok := strings.CutPrefix(parts[0], "p"); ok && v != "" && strings.Trim(v, "0123456789") == "" {
			return Scores{}, fmt.Errorf("scores: format version %s; this program reads version 1", clip(v))
		}
		return Scores{}, fmt.Errorf("scores: expected %q at the start, got %q", scoresTag, clip(parts[0]))
	}
	var out Scores
	prev := ""
	for i, p := range parts[1:] {
		n := i + 1
		rawKey, fields, ok := strings.Cut(p, ":")
		if !ok {
			return Scores{}, fmt.Errorf("scores: entry %d: expected KEY:asked,right,points,streak,best, got %q", n, clip(p))
		}
		key, err := unescapeKey(rawKey)
		if err != nil {
			return Scores{}, fmt.Errorf("scores: entry %d: key %q: %v", n, clip(rawKey), err)
		}
		if i > 0 && key <= prev {
			return Scores{}, fmt.Errorf("scores: entry %d: key %q comes after %q (keys are sorted, each once)", n, clip(key), clip(prev))
		}
		prev = key
		e, err := decodeEntry(fields)
		if err != nil {
			return Scores{}, fmt.Errorf("scores: entry %d (%q): %v", n, clip(key), err)
		}
		if out.Entries == nil {
			out.Entries = map[string]Entry{}
		}
		out.Entries[key] = e
	}
	return out, nil
}

// decodeEntry reads "asked,right,points,streak,best" and checks that the
// counts agree with each other as Record keeps them.
func decodeEntry(s string) (Entry, error) {
	names := [...]string{"asked", "right", "points", "streak", "best"}
	f := strings.Split(s, ",")
	if len(f) != len(names) {
		return Entry{}, fmt.Errorf("expected 5 numbers (asked,right,points,streak,best), got %d in %q", len(f), clip(s))
	}
	var v [5]int
	for i, x := range f {
		n, err := count(x)
		if err != nil {
			return Entry{}, fmt.Errorf("%s: %v", names[i], err)
		}
		v[i] = n
	}
	e := Entry{Asked: v[0], Right: v[1], Points: v[2], Streak: v[3], Best: v[4]}
	switch {
	case e.Asked > maxCount:
		return Entry{}, fmt.Errorf("asked (%d) is more than %d", e.Asked, maxCount)
	case e.Right > e.Asked:
		return Entry{}, fmt.Errorf("right (%d) is more than asked (%d)", e.Right, e.Asked)
	case e.Points < 100*e.Right || e.Points > 100*e.Asked:
		return Entry{}, fmt.Errorf("points (%d hundredths) must lie between 100×right (%d) and 100×asked (%d)", e.Points, 100*e.Right, 100*e.Asked)
	case e.Best > e.Right:
		return Entry{}, fmt.Errorf("best (%d) is more than right (%d)", e.Best, e.Right)
	case e.Streak > e.Best:
		return Entry{}, fmt.Errorf("streak (%d) is more than best (%d)", e.Streak, e.Best)
	}
	return e, nil
}

// count reads a counter written as Encode writes it: decimal, no sign, no
// leading zero, at most maxCount (points: at most 100×maxCount).
func count(s string) (int, error) {
	if s == "" || len(s) > 12 || strings.Trim(s, "0123456789") != "" || len(s) > 1 && s[0] == '0' {
		return 0, fmt.Errorf("%q is not a whole number as saved (digits, no leading zero)", clip(s))
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > 100*maxCount {
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return n, nil
}

// clip shortens what an error message quotes.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// keySafe are the bytes a key keeps as they are; any other byte is
// written %XX, so that ';', ':' and ',' never appear inside a key.
func keySafe(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

func escapeKey(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if c := k[i]; keySafe(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// unescapeKey accepts exactly what escapeKey writes.
func unescapeKey(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case keySafe(c):
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && isUpperHex(s[i+1]) && isUpperHex(s[i+2]):
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if keySafe(byte(v)) {
				return "", fmt.Errorf("%q at byte %d must be written as it is", s[i:i+3], i+1)
			}
			b.WriteByte(byte(v))
			i += 2
		default:
			return "", fmt.Errorf("unexpected %q at byte %d (expected letters, digits, -_.~ or %%XX)", c, i+1)
		}
	}
	return b.String(), nil
}

func isUpperHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

// Key names a scenario in Scores: the preset's name when it is one, else
// "~" and a hash of the scenario's JSON (the same scenario always gets the
// same key, an edited one a new key).
func Key(presetName string, sc *sim.Scenario) string {
	if presetName != "" {
		return presetName
	}
	var data []byte
	if sc != nil {
		data, _ = sim.Encode(sc)
	}
	sum := blake2b.Sum256(data)
	return "~" + hex.EncodeToString(sum[:6])
}
