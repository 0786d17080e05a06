//go:build !js && !wasip1

package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/replay"
)

// seqLine is how the screen's text names the sequence diagram's newest
// row at event i, as the engine's diagram of the same run has it.
func seqLine(seq *replay.Sequence, i int) string {
	n := seq.RowsUpTo(i)
	if n == 0 {
		return "Sequence: nothing yet"
	}
	r := seq.Rows[n-1]
	from, to := seq.Participants[r.From].Name, seq.Participants[r.To].Name
	label := seq.Label(n-1, i18n.English)
	if r.From == r.To {
		return "Sequence: " + from + ": " + label
	}
	return "Sequence: " + from + " → " + to + ": " + label
}

// TestSequenceView switches an example to the sequence diagram, steps
// it (the newest row follows the cursor, as the engine's diagram says),
// finds the view in the address, and finds it chosen again when Home
// opens the simulator.
func TestSequenceView(t *testing.T) {
	b := newBrowser(t, wideFast, 4*time.Minute)
	_, rp := engineRun(t, "gather-interleave")
	seq := rp.Sequence()
	stops := rp.Stops()

	b.step("open the example in lanes and switch to the sequence view")
	b.openLink("v1.p.gather-interleave.0")
	waitEvent(b, rp, stops[0])
	assert.NotContains(t, b.aria(), "Sequence: ")
	b.clickItem("view")
	b.waitText(seqLine(seq, stops[0]))

	b.step("step it with → and the button; the diagram follows")
	for k := 1; k <= 12; k++ {
		if k%2 == 0 {
			b.clickItem("step")
		} else {
			b.press(keyRight)
		}
		waitEvent(b, rp, stops[k])
		b.waitText(seqLine(seq, stops[k]))
	}
	b.frames(20)
	b.screenshot("sequence-1-stepped")
	assert.Equal(t, "#v1.p.gather-interleave."+strconv.Itoa(stops[12])+".py311.sequence", evaluate[string](b, `location.hash`), "the view is in the link")

	b.step("scrub to the end: every task has its column")
	b.press(keyEnd)
	last := stops[len(stops)-1]
	waitEvent(b, rp, last)
	b.waitText(seqLine(seq, last))
	for _, p := range seq.Participants {
		if !p.Manager {
			b.waitText(p.Name)
		}
	}
	b.frames(20)
	b.screenshot("sequence-2-end")

	b.step("Home, then the simulator again: the view chosen last")
	b.clickItem("home")
	b.waitAria("Home", func(s string) bool { return !strings.Contains(s, "Sequence: ") })
	b.clickItem("sim")
	b.waitText("Sequence: ")

	b.step("V goes back to the lanes")
	b.press(key{key: "v", code: "KeyV", vk: 86})
	b.waitAria("the lanes", func(s string) bool { return !strings.Contains(s, "Sequence: ") })
}
