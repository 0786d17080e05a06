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
			ctx.cause = tr("The %s reaches the end of the block.", "A %s chega ao fim do bloco.", got)
		} else {
			ctx.cause = text{"The body finishes without an error.", "O corpo termina sem erro."}
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
		return tr("%s.%s raised %s, so %[1]s.%[4]s is never called.",
			"%s.%s lançou %s, então %[1]s.%[4]s nunca é chamado.", p.Manager, enter, excName(p.Exc), exit), true
	case sim.ProtocolError:
		return tr("%s does not support the protocol (TypeError), so none of its methods run.",
			"%s não segue o protocolo (TypeError), então nenhum método dele roda.", p.Manager), true
	case sim.BodyEnded:
		switch {
		case p.Exc == nil:
			return text{}, false
		case p.Exc.Type == "CancelledError":
			return text{"The task is cancelled during the body (CancelledError).",
				"A tarefa é cancelada durante o corpo (CancelledError)."}, true
		}
		return tr("The body raised %s.", "O corpo lançou %s.", p.Exc.Repr), true
	case sim.ExcPropagated:
		return tr("%s.%s let the %s propagate.", "%s.%s deixou a %s se propagar.", p.Manager, exit, got), true
	case sim.ExcReplaced:
		return tr("%s.%s replaced the error with %s.", "%s.%s trocou o erro por %s.", p.Manager, exit, excName(p.Exc)), true
	case sim.AexitRaised:
		return tr("%s.%s raised %s.", "%s.%s lançou %s.", p.Manager, exit, excName(p.Exc)), true
	}
	return text{}, false
}

// noExcCause explains, from event p, why the __aexit__ of mgr receives
// None; ok is false when p says nothing about it.
func noExcCause(p sim.Event, mgr, exit string) (t text, ok bool) {
	switch {
	case p.Kind == sim.ExcSuppressed:
		_, pexit := hookNames(false)
		return tr("%s.%s suppressed the %s, so the error stops there.",
			"%s.%s suprimiu a %s, então o erro para ali.", p.Manager, pexit, excName(p.Exc)), true
	case p.Kind == sim.ExcCaught:
		return tr("The %s was caught inside the block.", "A %s foi capturada dentro do bloco.", excName(p.Exc)), true
	case p.Kind == sim.BodyEnded && p.Text == "by return":
		return text{"The body leaves with return, which is not an error.",
			"O corpo sai com return, o que não é um erro."}, true
	case p.Kind == sim.BodyEnded && p.Exc != nil:
		return tr("The %s was dealt with before it reached %s.%s.",
			"A %s foi tratada antes de chegar a %s.%s.", excName(p.Exc), mgr, exit), true
	}
	return text{}, false
}
