package replay

import (
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// Sequence is a run as a sequence diagram, the picture document 002
// draws: one participant per task and per manager instance, and one row
// per step worth seeing — calls to __aenter__/__aexit__ as arrows from
// the task to the manager, what they returned or raised as arrows back,
// and everything else (the body, suspensions, wake-ups, prints,
// exceptions) as a note on the participant running at that moment.
type Sequence struct {
	// Participants are the tasks in creation order, each followed by the
	// managers it entered, in creation order.
	Participants []Participant
	// Rows are in trace order.
	Rows []SeqRow
	// Spans are the activations: a manager's __aenter__ or __aexit__
	// running, a task's body.
	Spans []SeqSpan
}

// Participant is one column of the diagram.
type Participant struct {
	Name string
	// Owner is the index of the task a manager belongs to (a task's own
	// index for a task).
	Owner int
	// Manager: a manager instance rather than a task.
	Manager bool
	// Created is the event that brings it into the run.
	Created int
}

// SeqKind is how a row is drawn.
type SeqKind uint8

// The kinds of rows.
const (
	SeqNote   SeqKind = iota // a note on one participant
	SeqCall                  // a solid arrow: a call or a creation
	SeqReturn                // a dashed arrow back: what a call returned
)

// SeqTone colours a row.
type SeqTone uint8

// The tones of rows.
const (
	TonePlain   SeqTone = iota
	ToneMuted           // bookkeeping: created, started
	ToneError           // an exception: raised, received, propagated
	ToneSuspend         // a task gives the loop back
	ToneWake            // a task runs again
	ToneOutput          // a print
)

// SeqRow is one step of the diagram.
type SeqRow struct {
	// Event is the trace index it shows.
	Event int
	Kind  SeqKind
	Tone  SeqTone
	// From and To are participants (equal for a note).
	From, To int
	ev       sim.Event
}

// SeqSpan is an activation: participant P is active from row From to
// row To (-1: still active at the end of the run). Depth counts the
// spans of the same participant it sits inside (a task's nested bodies).
type SeqSpan struct {
	P, From, To, Depth int
}

// Sequence builds the diagram of the run (once per run: the screen keeps
// it).
func (r *Replay) Sequence() *Sequence {
	b := seqBuilder{s: &Sequence{}, index: map[string]int{}, calls: map[int][]int{}, open: map[int][]int{}, running: -1}
	var prev sim.Event
	for i := 0; i < r.n; i++ {
		ev := r.res.Trace.At(i)
		b.add(i, ev, prev)
		prev = ev
	}
	b.order()
	return b.s
}

type seqBuilder struct {
	s       *Sequence
	index   map[string]int // participant by name ("t:" task, "m:" manager)
	calls   map[int][]int  // per task: the managers whose hook it is inside
	open    map[int][]int  // per participant: its open spans
	running int            // the task running, -1 none
}

// participant finds or adds a task or manager.
func (b *seqBuilder) participant(task, manager string, at int) int {
	t, ok := b.index["t:"+task]
	if !ok {
		t = len(b.s.Participants)
		b.index["t:"+task] = t
		b.s.Participants = append(b.s.Participants, Participant{Name: task, Owner: t, Created: at})
	}
	if manager == "" {
		return t
	}
	m, ok := b.index["m:"+manager]
	if !ok {
		m = len(b.s.Participants)
		b.index["m:"+manager] = m
		b.s.Participants = append(b.s.Participants, Participant{Name: manager, Owner: t, Manager: true, Created: at})
	}
	return m
}

// active is the participant doing the work of task t: the manager whose
// __aenter__/__aexit__ it is inside, else the task.
func (b *seqBuilder) active(t int) int {
	if c := b.calls[t]; len(c) > 0 {
		return c[len(c)-1]
	}
	return t
}

func (b *seqBuilder) row(i int, ev sim.Event, k SeqKind, tone SeqTone, from, to int) {
	b.s.Rows = append(b.s.Rows, SeqRow{Event: i, Kind: k, Tone: tone, From: from, To: to, ev: ev})
}

func (b *seqBuilder) openSpan(p int) {
	b.open[p] = append(b.open[p], len(b.s.Spans))
	b.s.Spans = append(b.s.Spans, SeqSpan{P: p, From: len(b.s.Rows) - 1, To: -1, Depth: len(b.open[p])})
}

func (b *seqBuilder) closeSpan(p int) {
	if o := b.open[p]; len(o) > 0 {
		b.s.Spans[o[len(o)-1]].To = len(b.s.Rows) - 1
		b.open[p] = o[:len(o)-1]
	}
}

func (b *seqBuilder) add(i int, ev sim.Event, prev sim.Event) {
	if ev.Task == "" && ev.Kind != sim.Blocked {
		return
	}
	if ev.Task == "" { // the loop blocked: on the task running
		if len(b.s.Participants) == 0 {
			return
		}
		p := b.active(max(b.running, 0))
		b.row(i, ev, SeqNote, ToneError, p, p)
		return
	}
	t := b.participant(ev.Task, "", i)
	m := -1
	if ev.Manager != "" {
		m = b.participant(ev.Task, ev.Manager, i)
	}
	act := b.active(t)
	note := func(tone SeqTone) { b.row(i, ev, SeqNote, tone, act, act) }
	switch ev.Kind {
	case sim.TaskCreated:
		if b.running >= 0 && b.running != t && len(b.s.Rows) > 0 {
			from := b.active(b.running)
			b.row(i, ev, SeqCall, ToneMuted, from, t)
			return
		}
		b.row(i, ev, SeqNote, ToneMuted, t, t)
	case sim.TaskStarted:
		b.running = t
		b.row(i, ev, SeqNote, ToneMuted, t, t)
	case sim.TaskSuspended:
		b.running = -1
		note(ToneSuspend)
	case sim.TaskResumed:
		b.running = t
		if strings.Contains(ev.Text, "thrown in") {
			note(ToneError)
		} else {
			note(ToneWake)
		}
	case sim.AenterSuspend, sim.AexitSuspend:
		if !(prev.Kind == sim.TaskSuspended && prev.Task == ev.Task) {
			note(ToneSuspend)
		}
	case sim.AenterResumed, sim.AexitResumed:
		if !(prev.Kind == sim.TaskResumed && prev.Task == ev.Task) {
			note(ToneWake)
		}
	case sim.TaskFinished:
		b.running = -1
		b.row(i, ev, SeqNote, TonePlain, t, t)
	case sim.TaskFailed, sim.TaskCancelled:
		b.running = -1
		b.row(i, ev, SeqNote, ToneError, t, t)
	case sim.CancelRequest:
		if b.running >= 0 && b.running != t {
			b.row(i, ev, SeqCall, ToneError, b.active(b.running), t)
			return
		}
		b.row(i, ev, SeqNote, ToneError, t, t)
	case sim.InitStarted:
		b.row(i, ev, SeqCall, TonePlain, act, m)
		b.calls[t] = append(b.calls[t], m)
		b.openSpan(m)
	case sim.ManagerCreated, sim.InitRaised:
		if c := b.calls[t]; len(c) > 0 && c[len(c)-1] == m { // __init__ returns or raises
			b.calls[t] = c[:len(c)-1]
			tone := ToneMuted
			if ev.Kind == sim.InitRaised {
				tone = ToneError
			}
			b.row(i, ev, SeqReturn, tone, m, b.active(t))
			b.closeSpan(m)
			return
		}
		b.row(i, ev, SeqCall, ToneMuted, act, m)
	case sim.AenterStarted, sim.AexitCalled:
		tone := TonePlain
		if ev.Exc != nil {
			tone = ToneError
		}
		b.row(i, ev, SeqCall, tone, act, m)
		b.calls[t] = append(b.calls[t], m)
		b.openSpan(m)
	case sim.AenterReturned, sim.AenterRaised, sim.AexitReturned, sim.AexitRaised:
		if c := b.calls[t]; len(c) > 0 {
			b.calls[t] = c[:len(c)-1]
		}
		tone := TonePlain
		if ev.Kind == sim.AenterRaised || ev.Kind == sim.AexitRaised {
			tone = ToneError
		}
		b.row(i, ev, SeqReturn, tone, m, b.active(t))
		b.closeSpan(m)
	case sim.ProtocolError:
		b.row(i, ev, SeqNote, ToneError, t, t)
	case sim.TargetBound:
		b.row(i, ev, SeqNote, TonePlain, t, t)
	case sim.BodyStarted:
		b.row(i, ev, SeqNote, TonePlain, t, t)
		b.openSpan(t)
	case sim.BodyEnded:
		tone := TonePlain
		if ev.Exc != nil {
			tone = ToneError
		}
		b.row(i, ev, SeqNote, tone, t, t)
		b.closeSpan(t)
	case sim.GenYielded, sim.GenResumed, sim.GenFinished:
		b.row(i, ev, SeqNote, TonePlain, m, m)
	case sim.GenThrown:
		b.row(i, ev, SeqNote, ToneError, m, m)
	case sim.ExcRaised, sim.ExcPropagated, sim.ExcReplaced, sim.TimeoutFired:
		note(ToneError)
	case sim.ExcCaught, sim.ExcSuppressed:
		note(TonePlain)
	case sim.Printed:
		note(ToneOutput)
	}
}

// order puts each task's managers right after it: participants were
// added as they appeared, and rows and spans are renumbered to match.
func (b *seqBuilder) order() {
	ps := b.s.Participants
	var order []int
	for i, p := range ps {
		if p.Manager {
			continue
		}
		order = append(order, i)
		for j, q := range ps {
			if q.Manager && q.Owner == i {
				order = append(order, j)
			}
		}
	}
	newIndex := make([]int, len(ps))
	out := make([]Participant, len(ps))
	for k, old := range order {
		newIndex[old] = k
		out[k] = ps[old]
	}
	for k := range out {
		out[k].Owner = newIndex[out[k].Owner]
	}
	b.s.Participants = out
	for k := range b.s.Rows {
		b.s.Rows[k].From, b.s.Rows[k].To = newIndex[b.s.Rows[k].From], newIndex[b.s.Rows[k].To]
	}
	for k := range b.s.Spans {
		b.s.Spans[k].P = newIndex[b.s.Spans[k].P]
	}
}

// RowsUpTo is how many rows show events up to event i (rows 0..n-1).
func (s *Sequence) RowsUpTo(i int) int {
	lo, hi := 0, len(s.Rows)
	for lo < hi {
		mid := (lo + hi) / 2
		if s.Rows[mid].Event <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Label is what row k says, in the language lang: the call with what it
// receives, what came back, or the note.
func (s *Sequence) Label(k int, lang i18n.Lang) string {
	r := s.Rows[k]
	ev := r.ev
	c := captioner{lang: lang}
	exc := func() string {
		if ev.Exc == nil {
			return "?"
		}
		return ev.Exc.Repr
	}
	switch ev.Kind {
	case sim.TaskCreated:
		return c.say("seq.created")
	case sim.TaskStarted:
		return c.say("seq.started")
	case sim.TaskSuspended, sim.AenterSuspend, sim.AexitSuspend:
		switch {
		case ev.Wake > 0:
			return c.say("seq.sleeps", c.secs(ev.Wake))
		case strings.HasPrefix(ev.Text, "yields"):
			return c.say("seq.yields")
		case strings.HasPrefix(ev.Text, "waits for "):
			return c.say("seq.awaits", strings.TrimPrefix(ev.Text, "waits for "))
		}
		return c.say("seq.suspends")
	case sim.TaskResumed, sim.AenterResumed, sim.AexitResumed:
		if r.Tone == ToneError {
			return c.say("seq.resumesThrown", strings.TrimSuffix(strings.TrimPrefix(ev.Text, "resumed with "), " thrown in"))
		}
		return c.say("seq.resumes")
	case sim.TaskFinished:
		return c.say("seq.finished", ev.Text)
	case sim.TaskFailed:
		return c.say("seq.failed", exc())
	case sim.TaskCancelled:
		return c.say("seq.cancelled")
	case sim.CancelRequest:
		return "cancel()"
	case sim.ManagerCreated:
		return c.say("seq.created")
	case sim.InitStarted:
		return "__init__()"
	case sim.InitRaised:
		return c.say("seq.raises", exc())
	case sim.AenterStarted:
		if ev.Text != "" {
			return "__enter__()"
		}
		return "__aenter__()"
	case sim.AexitCalled:
		name := "__aexit__"
		if ev.Text != "" {
			name = "__exit__"
		}
		return name + "(" + ev.Args + ")"
	case sim.AenterReturned, sim.AexitReturned:
		return c.say("seq.returns", ev.Text)
	case sim.AenterRaised, sim.AexitRaised, sim.ProtocolError:
		return c.say("seq.raises", exc())
	case sim.TargetBound:
		return ev.Text
	case sim.BodyStarted:
		return c.say("seq.bodyStarts")
	case sim.BodyEnded:
		if ev.Exc != nil {
			return c.say("seq.bodyEndsBy", exc())
		}
		return c.say("seq.bodyEnds")
	case sim.GenYielded:
		return "yield " + ev.Text
	case sim.GenResumed:
		return c.say("seq.genResumed")
	case sim.GenThrown:
		return c.say("seq.genThrown", exc())
	case sim.GenFinished:
		return c.say("seq.genFinished")
	case sim.ExcRaised:
		return c.say("seq.raises", exc())
	case sim.ExcCaught:
		return c.say("seq.caught", exc())
	case sim.ExcSuppressed:
		return c.say("seq.suppressed", exc())
	case sim.ExcPropagated:
		return c.say("seq.propagates", exc())
	case sim.ExcReplaced:
		return c.say("seq.replaced", exc())
	case sim.TimeoutFired:
		return c.say("seq.timeout")
	case sim.Printed:
		return "print: " + ev.Text
	case sim.Blocked:
		return c.say("seq.blocked")
	}
	return ev.Kind.String()
}
