package replay

import "strings"

// This file captions what the library's less common methods do:
// Timeout.reschedule, AsyncExitStack.pop_all and aclose, and the plain
// __enter__ and __exit__ calls of an exit stack.

// libraryNote translates the notes of library methods that have no event
// of their own: Timeout.reschedule, AsyncExitStack.pop_all and aclose. ok
// is false for any other note.
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
	case strings.HasPrefix(t, "pop_all()"):
		return c.say("caption.note.popall"), true
	case strings.HasPrefix(t, "aclose()"):
		return c.say("caption.note.aclose"), true
	}
	return "", false
}

// plainEnterKey is the caption of a plain __enter__ call (Text says who
// calls it): a plain with, or stack.enter_context.
func plainEnterKey(text string) string {
	if strings.HasSuffix(text, "(enter_context)") {
		return "caption.enter.stack"
	}
	return "caption.enter.started"
}

// plainExitKey is the caption of a plain __exit__ call: by a plain with,
// or by an exit stack unwinding.
func plainExitKey(text string) string {
	if strings.HasSuffix(text, "(an exit stack)") {
		return "caption.exit.stack"
	}
	return "caption.exit.called"
}
