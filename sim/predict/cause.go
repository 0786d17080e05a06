package predict

import (
	"strings"

	"asyncwithlab/sim"
)

// aexitContext is what led up to an __aexit__ call, read backwards from
// the call to the instance's __aenter__ in the same task.
type aexitContext struct {
	// cause says where the exception __aexit__ receives came from, or why
	// it receives none.
	cause text
	// lesson: the call receives None although something happened that a
	// learner may think reaches __aexit__ (an exception dealt with
	// earlier, a return out of the body).
	lesson bool
	// tempting is the latest exception raised inside the block: the wrong
	// answer a learner is most likely to pick when __aexit__ receives None.
	tempting string
}

// context reads the events of the aexit.called at i's task between the
// instance's aenter.started and the call.
func (s *scan) context(i int) aexitContext {
	e := s.evs[i]
	got := excType(e.Exc)
	_, exit := hookNames(strings.HasPrefix(e.Text, "__exit__"))
	var ctx aexitContext
	found := false
	span := s.taskEvents(e.Task, s.enter[i], i)
	for k := len(span) - 1; k >= 0; k-- {
		p := &s.evs[span[k]]
		switch {
		case p.Kind == sim.ExcRaised || p.Kind == sim.ExcSuppressed || p.Kind == sim.ExcCaught:
			ctx.lesson = true
			if ctx.tempting == "" {
				ctx.tempting = excType(p.Exc)
			}
		case p.Kind == sim.BodyEnded && p.Text == "by return":
			ctx.lesson = true
		}
		if found {
			continue
		}
		if got != "" {
			ctx.cause, found = excCause(*p, got)
		} else {
			ctx.cause, found = noExcCause(*p, e.Manager, exit)
		}
	}
	if !found {
		if got != "" {
			ctx.cause = say("predict.cause.reachesEnd", got)
		} else {
			ctx.cause = say("predict.cause.noError")
		}
	}
	return ctx
}

// excCause explains, from event p, where the exception got came from; ok
// is false when p says nothing about it.
func excCause(p sim.Event, got string) (t text, ok bool) {
	enter, exit := hookNames(false)
	switch p.Kind {
	case sim.AenterRaised:
		return say("predict.cause.aenterRaised", p.Manager, enter, excName(p.Exc), exit), true
	case sim.ProtocolError:
		return say("predict.cause.protocol", p.Manager), true
	case sim.InitRaised:
		return say("predict.cause.initRaised", p.Manager, excName(p.Exc)), true
	case sim.BodyEnded:
		switch {
		case p.Exc == nil:
			return nil, false
		case p.Exc.Type == "CancelledError":
			return say("predict.cause.cancelled"), true
		}
		return say("predict.cause.bodyRaised", p.Exc.Repr), true
	case sim.ExcPropagated:
		return say("predict.cause.propagated", p.Manager, exit, got), true
	case sim.ExcReplaced:
		return say("predict.cause.replaced", p.Manager, exit, excName(p.Exc)), true
	case sim.AexitRaised:
		return say("predict.cause.aexitRaised", p.Manager, exit, excName(p.Exc)), true
	}
	return nil, false
}

// noExcCause explains, from event p, why the __aexit__ of mgr receives
// None; ok is false when p says nothing about it.
func noExcCause(p sim.Event, mgr, exit string) (t text, ok bool) {
	switch {
	case p.Kind == sim.ExcSuppressed:
		_, pexit := hookNames(false)
		return say("predict.cause.suppressed", p.Manager, pexit, excName(p.Exc)), true
	case p.Kind == sim.ExcCaught:
		return say("predict.cause.caught", excName(p.Exc)), true
	case p.Kind == sim.BodyEnded && p.Text == "by return":
		return say("predict.cause.return"), true
	case p.Kind == sim.BodyEnded && p.Exc != nil:
		return say("predict.cause.dealtWith", excName(p.Exc), mgr, exit), true
	}
	return nil, false
}
