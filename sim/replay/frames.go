package replay

import "asyncwithlab/sim"

// applyWith moves the managers on a lane's stack: pushed when created (or
// entered again without being created: a reused object), popped after the
// step that finishes them (see sweep).
func (w *world) applyWith(i, ln int, ev sim.Event, ix *index) {
	if ev.Manager == "" {
		return
	}
	l := &w.snap.Lanes[ln]
	switch ev.Kind {
	case sim.InitStarted:
		w.push(l, ev.Manager, ix).Phase = PhaseInit
		return
	case sim.ManagerCreated:
		if f := l.Frame(ev.Manager); f != nil && f.Phase == PhaseInit {
			f.Phase = PhaseCreated // its __init__ returned
			return
		}
		w.push(l, ev.Manager, ix)
		return
	case sim.AenterStarted:
		f := l.Frame(ev.Manager)
		if f == nil || f.Phase != PhaseCreated {
			f = w.push(l, ev.Manager, ix)
		}
		f.Phase, f.Sync = PhaseEntering, ev.Text != ""
		return
	}
	f := l.Frame(ev.Manager)
	if f == nil {
		return
	}
	switch ev.Kind {
	case sim.AenterSuspend, sim.AexitSuspend:
		f.Suspended = true
	case sim.AenterResumed, sim.AexitResumed:
		f.Suspended = false
	case sim.AenterReturned:
		f.Phase, f.Suspended, f.Value = PhaseBody, false, ev.Text
	case sim.TargetBound:
		f.Target = ev.Text
	case sim.AenterRaised, sim.ProtocolError, sim.InitRaised:
		f.Phase, f.Suspended, f.Raised, f.NoAexit = PhaseFailed, false, ev.Exc, true
		w.pending = append(w.pending, frameRef{ln, ev.Manager})
	case sim.AexitCalled:
		f.Phase, f.Suspended, f.Args, f.Received = PhaseExiting, false, ev.Args, ev.Exc
		if ev.Text != "" {
			f.Sync = true
		}
	case sim.AexitReturned:
		f.Phase, f.Suspended, f.Returned = PhaseExited, false, ev.Text
		w.pending = append(w.pending, frameRef{ln, ev.Manager})
	case sim.AexitRaised:
		f.Phase, f.Suspended, f.Raised = PhaseExited, false, ev.Exc
		w.pending = append(w.pending, frameRef{ln, ev.Manager})
	}
}

func (w *world) push(l *Lane, manager string, ix *index) *Frame {
	led := -1
	if n, ok := ix.ledger[manager]; ok {
		led = n
	}
	l.Frames = append(l.Frames, Frame{Manager: manager, ledger: led})
	return &l.Frames[len(l.Frames)-1]
}

// applyExc moves the lane's exception token.
func (w *world) applyExc(i, ln int, ev sim.Event) {
	l := &w.snap.Lanes[ln]
	at := frameIndex(l, ev.Manager)
	switch ev.Kind {
	case sim.ExcRaised:
		w.setToken(i, ln, topLive(l), "", ev.Exc, MoveRaised)
	case sim.ExcCaught:
		w.setToken(i, ln, topLive(l), "", ev.Exc, MoveCaught)
	case sim.AenterRaised, sim.ProtocolError, sim.AexitRaised, sim.InitRaised:
		w.setToken(i, ln, at, ev.Manager, ev.Exc, MoveRaised)
	case sim.AexitCalled:
		if ev.Exc != nil {
			w.setToken(i, ln, at, ev.Manager, ev.Exc, MoveReceived)
		}
	case sim.BodyEnded:
		if ev.Exc != nil {
			w.setToken(i, ln, topLive(l), "", ev.Exc, MoveCarried)
		}
	case sim.GenThrown:
		w.setToken(i, ln, at, ev.Manager, ev.Exc, MoveThrown)
	case sim.GenFinished:
		if ev.Exc != nil {
			w.setToken(i, ln, at, ev.Manager, ev.Exc, MoveCarried)
		}
	case sim.ExcSuppressed:
		w.setToken(i, ln, at, ev.Manager, ev.Exc, MoveSuppressed)
	case sim.ExcPropagated:
		w.setToken(i, ln, max(at-1, -1), ev.Manager, ev.Exc, MovePropagated)
	case sim.ExcReplaced:
		old := replacedOf(ev.Exc)
		if t := w.token(ln); old == nil && t != nil {
			old = t.Exc
		}
		w.setToken(i, ln, at, ev.Manager, ev.Exc, MoveReplaced)
		if t := w.token(ln); t != nil {
			t.Old = old
		}
	}
}

// replacedOf is the exception a replacing one replaced: its __context__
// (or its __cause__, when the chain keeps only that).
func replacedOf(e *sim.ExcInfo) *sim.ExcInfo {
	if e == nil {
		return nil
	}
	if e.Context != nil {
		return e.Context
	}
	return e.Cause
}

// setToken puts the lane's exception at a stack level with what happened.
func (w *world) setToken(i, ln, level int, manager string, exc *sim.ExcInfo, m Move) {
	if exc == nil {
		return
	}
	final := m == MoveSuppressed || m == MoveCaught || m == MoveEnded
	w.finals = w.finals || final
	tok := Token{Lane: ln, Task: w.snap.Lanes[ln].Task, Level: level, Manager: manager, Exc: exc, Move: m, At: i, final: final}
	toks := w.snap.Tokens
	for j := range toks {
		switch {
		case toks[j].Lane == ln:
			toks[j] = tok
			return
		case toks[j].Lane > ln:
			toks = append(toks, Token{})
			copy(toks[j+1:], toks[j:])
			toks[j] = tok
			w.snap.Tokens = toks
			return
		}
	}
	w.snap.Tokens = append(toks, tok)
}

// token is the lane's exception in flight, or nil.
func (w *world) token(ln int) *Token {
	for j := range w.snap.Tokens {
		if w.snap.Tokens[j].Lane == ln {
			return &w.snap.Tokens[j]
		}
	}
	return nil
}

// frameIndex is the stack level of a manager in a lane (-1: not there).
func frameIndex(l *Lane, manager string) int {
	if manager == "" {
		return -1
	}
	for j := len(l.Frames) - 1; j >= 0; j-- {
		if l.Frames[j].Manager == manager {
			return j
		}
	}
	return -1
}

// topLive is the innermost frame the task's code is still in: frames
// leaving the stack at this step do not count.
func topLive(l *Lane) int {
	j := len(l.Frames) - 1
	for j >= 0 && (l.Frames[j].Phase == PhaseExited || l.Frames[j].Phase == PhaseFailed) {
		j--
	}
	return j
}
