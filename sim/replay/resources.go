package replay

import "asyncwithlab/sim"

// ledger answers, for any step, what state each instance's resource is in.
// The engine's ledger says when a resource was acquired and released (as
// event sequence numbers, 1-based: event i has Seq i+1); a leak shows from
// the step where the manager is done with a resource it never released.
type ledger struct {
	entries []sim.LedgerEntry
	leakAt  []int // by entry: the event index a leak shows from, -1 for none
}

func newLedger(entries []sim.LedgerEntry) *ledger {
	lg := &ledger{entries: entries, leakAt: make([]int, len(entries))}
	for j := range lg.leakAt {
		lg.leakAt[j] = -1
	}
	return lg
}

// see notes the end of a manager's exit, where its leak shows.
func (lg *ledger) see(i int, ev sim.Event, ix *index) {
	if ev.Kind != sim.AexitReturned && ev.Kind != sim.AexitRaised {
		return
	}
	j, ok := ix.ledger[ev.Manager]
	if !ok {
		return
	}
	if e := lg.entries[j]; e.Leaked && lg.leakAt[j] < 0 && e.AcquiredAt <= i+1 {
		lg.leakAt[j] = i
	}
}

// finish shows the leaks whose manager never exited at the last step.
func (lg *ledger) finish(last int) {
	for j, e := range lg.entries {
		if e.Leaked && lg.leakAt[j] < 0 {
			lg.leakAt[j] = last
		}
	}
}

// state is the resource state of ledger entry j at step i, for a frame in
// phase p.
func (lg *ledger) state(j, i int, p Phase) Resource {
	if j < 0 || j >= len(lg.entries) {
		return ResNone
	}
	e := lg.entries[j]
	switch {
	case e.AcquiredAt == 0 || e.AcquiredAt > i+1:
		if p == PhaseEntering {
			return ResOpening
		}
		return ResClosed
	case e.ReleasedAt != 0 && e.ReleasedAt <= i+1:
		return ResReleased
	case lg.leakAt[j] >= 0 && lg.leakAt[j] <= i:
		return ResLeaked
	case p == PhaseExiting:
		return ResClosing
	}
	return ResOpen
}

// summary counts what is open at step i and lists what leaked.
func (lg *ledger) summary(i int) Resources {
	var r Resources
	for j, e := range lg.entries {
		switch lg.state(j, i, PhaseBody) {
		case ResOpen:
			r.Open++
		case ResLeaked:
			r.Leaked = append(r.Leaked, e.Label())
		}
	}
	return r
}
