package sim

// This file adds asyncio.timeout_at(when): the same Timeout object as
// asyncio.timeout (timeout.go), made from a deadline on the loop's clock
// rather than a delay.

// Deadline is the argument of asyncio.timeout_at: None, or a moment on
// the event loop's clock. That clock counts from an arbitrary start (the
// machine's uptime, say), so a fixed number would mean nothing: a
// deadline is always written relative to the moment the item is
// evaluated, asyncio.get_running_loop().time() + After.
type Deadline struct {
	// None is timeout_at(None): entered, it never expires.
	None bool
	// After is how many seconds after now the deadline falls.
	After float64
}

// timeoutAtKind is the with item {"timeoutAt": 2.5}:
// asyncio.timeout_at(asyncio.get_running_loop().time() + 2.5), and
// {"timeoutAt": null}: asyncio.timeout_at(None).
var timeoutAtKind = libKind{
	field: "timeoutAt",
	label: "timeout_at",
	in:    func(it *WithItem) bool { return it.TimeoutAt != nil },
	decode: func(d *decoder, path string, v any, it *WithItem) {
		if v == nil {
			it.TimeoutAt = &Deadline{None: true}
			return
		}
		it.TimeoutAt = &Deadline{After: d.number(path, v)}
	},
	encode: func(it *WithItem) any {
		if it.TimeoutAt.None {
			return nil
		}
		return it.TimeoutAt.After
	},
	validate: func(v *validator, path string, it *WithItem) {
		if !it.TimeoutAt.None {
			v.duration(path, it.TimeoutAt.After)
		}
	},
	source: func(it *WithItem) string {
		if it.TimeoutAt.None {
			return "asyncio.timeout_at(None)"
		}
		return "asyncio.timeout_at(" + loopTimePlus(it.TimeoutAt.After) + ")"
	},
	create: func(x *exec, it *WithItem) contextManager {
		if it.TimeoutAt.None {
			return &timeoutCM{never: true}
		}
		// The deadline is computed as the item is evaluated, before
		// timeout_at is even called.
		return &timeoutCM{when: x.e.loop.now + it.TimeoutAt.After}
	},
}

// loopTimePlus is the Python expression of the moment d seconds from now
// on the event loop's clock.
func loopTimePlus(d float64) string {
	return "asyncio.get_running_loop().time() + " + pyFloat(d)
}
