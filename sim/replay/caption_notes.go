package replay

import "strings"

// libraryNote translates the notes of library methods that have no event
// of their own: Timeout.reschedule. ok is false for any other note.
func (c *captioner) libraryNote() (s string, ok bool) {
	ev := c.ev
	switch t := ev.Text; {
	case strings.HasPrefix(t, "reschedule(None)"):
		return c.say("caption.note.rescheduled.none"), true
	case strings.HasPrefix(t, "reschedule"):
		if ev.Wake <= ev.Time {
			return c.say("caption.note.rescheduled.passed", c.secs(ev.Wake)), true
		}
		return c.say("caption.note.rescheduled", c.secs(ev.Wake)), true
	}
	return "", false
}
