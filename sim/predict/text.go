package predict

import (
	"fmt"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// text is what the learner reads, held as sentences to be said in any
// language: each a message of the catalogue (assets/i18n/LANG/predict.json)
// and its arguments. A challenge is found once and then shown in whatever
// language the screen has at that moment, so nothing is rendered early.
type text []phrase

// phrase is one catalogue message with its arguments. An argument that
// can say itself (a text, a numbered list) is said in the same language
// before the message is formatted.
type phrase struct {
	id   string
	args []any
}

// sayer is an argument said in the language of the sentence around it.
type sayer interface{ in(l i18n.Lang) string }

// say is the one-sentence text of message id with args.
func say(id string, args ...any) text { return text{{id: id, args: args}} }

// join puts texts one after the other; empty ones add nothing.
func join(parts ...text) text {
	var out text
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// in says the text in language l, sentence after sentence.
func (t text) in(l i18n.Lang) string {
	out := make([]string, 0, len(t))
	for _, p := range t {
		if s := p.in(l); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

func (p phrase) in(l i18n.Lang) string {
	args := make([]any, len(p.args))
	for i, a := range p.args {
		if s, ok := a.(sayer); ok {
			a = s.in(l)
		}
		args[i] = a
	}
	return l.T(p.id, args...)
}

// numbered is a list said as "1) first; 2) second".
type numbered []text

func (n numbered) in(l i18n.Lang) string {
	out := make([]string, len(n))
	for k, t := range n {
		out[k] = fmt.Sprintf("%d) %s", k+1, t.in(l))
	}
	return strings.Join(out, "; ")
}

// hookNames are the method names of an async with and of a plain with.
func hookNames(sync bool) (enter, exit string) {
	if sync {
		return "__enter__", "__exit__"
	}
	return "__aenter__", "__aexit__"
}

// Label is the item as a short line for a button: "Database.__aenter__
// starts" ("Database.__aenter__ começa" in Portuguese).
func (it Item) Label(l i18n.Lang) string { return it.text().in(l) }

func (it Item) text() text {
	enter, exit := hookNames(it.sync)
	m := it.Manager
	switch it.Event {
	case sim.AenterStarted:
		return say("predict.item.aenter.started", m, enter)
	case sim.AenterReturned:
		return say("predict.item.aenter.returned", m, enter)
	case sim.AenterRaised:
		return say("predict.item.aenter.raised", m, enter)
	case sim.AexitCalled:
		return say("predict.item.aexit.called", m, exit)
	case sim.AexitReturned:
		return say("predict.item.aexit.returned", m, exit)
	case sim.AexitRaised:
		return say("predict.item.aexit.raised", m, exit)
	}
	return say("predict.item.other", m, it.Event)
}

// Label is the option as a short line for a button: what __aexit__
// receives, an arrow, how the block ends ("ValueError → suppressed").
func (o Option) Label(l i18n.Lang) string { return o.text().in(l) }

func (o Option) text() text {
	args := o.Exc
	if args == "" {
		args = "None, None, None"
	}
	switch {
	case o.Outcome == Suppressed:
		return say("predict.option.suppressed", args)
	case o.Outcome == Propagates:
		return say("predict.option.propagates", args)
	case o.Outcome == Raises && o.Exc != "":
		return say("predict.option.replaced", args, o.New)
	case o.Outcome == Raises:
		return say("predict.option.raises", args, o.New)
	}
	return say("predict.option.noError", args)
}

// Prompt is the question asked before the challenge's events play.
func (c Challenge) Prompt(l i18n.Lang) string {
	if c.Kind == Aexit {
		with := "async with"
		if c.exit == "__exit__" {
			with = "with"
		}
		return l.T("predict.prompt.aexit", c.Manager, c.exit, with)
	}
	return l.T("predict.prompt.order")
}
