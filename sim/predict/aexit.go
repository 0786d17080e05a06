package predict

import (
	"strings"

	"asyncwithlab/sim"
)

// aexitChallenges makes an Aexit challenge for each __aexit__ call that
// ends within the run. must holds the calls that receive an exception
// (always worth asking); may holds those that receive None, None, None
// where that is a lesson: the block saw an exception that was dealt with
// before, the body left by return, or __aexit__ raises anyway.
func aexitChallenges(s *scan) (must, may []Challenge) {
	for i, e := range s.evs {
		if e.Kind != sim.AexitCalled || s.end[i] < 0 {
			continue
		}
		c, lesson := s.aexitChallenge(i)
		switch {
		case c.Options[c.Answer.Option].Exc != "":
			must = append(must, c)
		case lesson:
			may = append(may, c)
		}
	}
	return must, may
}

// aexitChallenge builds the challenge about the aexit.called at i, with the
// right option first (Find shuffles). lesson reports a None call worth asking.
func (s *scan) aexitChallenge(i int) (c Challenge, lesson bool) {
	e := s.evs[i]
	j := s.end[i]
	fin := s.evs[j]
	until := j
	var follow *sim.Event
	if j+1 < len(s.evs) {
		n := &s.evs[j+1]
		switch n.Kind {
		case sim.ExcSuppressed, sim.ExcPropagated, sim.ExcReplaced:
			if n.Manager == e.Manager && n.Task == e.Task {
				follow, until = n, j+1
			}
		}
	}
	exit := "__aexit__"
	if strings.HasPrefix(e.Text, "__exit__") {
		exit = "__exit__"
	}
	right := Option{Exc: excType(e.Exc), exit: exit}
	right.Outcome, right.New = outcome(e, fin, follow)

	ctx := s.context(i)
	lesson = ctx.lesson || right.Outcome == Raises
	tempting := ctx.tempting
	if tempting == "" {
		tempting = firstOther(s.excs, right.Exc, "")
	}
	opts := append([]Option{right}, distractors(right, tempting, s.excs)...)
	for k := range opts {
		opts[k].exit = exit
	}
	c = Challenge{Kind: Aexit, At: i, Until: until, Task: e.Task, Manager: e.Manager,
		Options: opts, exit: exit}
	c.why = join(ctx.cause,
		say("predict.aexit.receives", e.Manager, exit, e.Args),
		outcomeText(right, fin, s.cancelledDuring(e.Task, i, j)))
	return c, lesson
}

// outcome reads how the block ended from the events that close the call:
// the engine's exception.suppressed/propagated/replaced when the call is
// an async with's, else (an AsyncExitStack's member) from the return value.
func outcome(called, fin sim.Event, follow *sim.Event) (Outcome, string) {
	if follow != nil {
		switch follow.Kind {
		case sim.ExcSuppressed:
			return Suppressed, ""
		case sim.ExcPropagated:
			return Propagates, ""
		case sim.ExcReplaced:
			return Raises, excName(follow.Exc)
		}
	}
	got := called.Exc
	switch {
	case fin.Kind == sim.AexitRaised && got != nil && fin.Exc != nil && fin.Exc.Repr == got.Repr && fin.Exc.Type == got.Type:
		return Propagates, ""
	case fin.Kind == sim.AexitRaised:
		return Raises, excName(fin.Exc)
	case got != nil && truthy(fin.Text):
		return Suppressed, ""
	case got != nil:
		return Propagates, ""
	}
	return Normal, ""
}

// excName is an exception's type, with a stand-in should the event lack it.
func excName(x *sim.ExcInfo) string {
	if x == nil || x.Type == "" {
		return "Exception"
	}
	return x.Type
}

// truthy is Python's truth value of a returned value, from its repr.
func truthy(repr string) bool {
	switch repr {
	case "", "None", "False", "0", "0.0", "''", `""`, "[]", "()", "{}":
		return false
	}
	return true
}

// firstOther is the first exception type of the run that is neither a nor b.
func firstOther(excs []string, a, b string) string {
	for _, x := range excs {
		if x != a && x != b {
			return x
		}
	}
	return ""
}

// distractors are up to three wrong options, most instructive first: the
// same arguments with another ending, then the other arguments (None
// instead of the exception, or the exception the learner may expect),
// then other exceptions of the run and CancelledError.
func distractors(right Option, tempting string, excs []string) []Option {
	var out []Option
	add := func(o Option) {
		if len(out) == 3 || o.key() == right.key() || (o.Outcome == Raises && (o.New == "" || o.New == o.Exc)) {
			return
		}
		if o.Exc == "" && (o.Outcome == Suppressed || o.Outcome == Propagates) ||
			o.Exc != "" && o.Outcome == Normal {
			return
		}
		for _, p := range out {
			if p.key() == o.key() {
				return
			}
		}
		out = append(out, o)
	}
	a := right.Exc
	if a != "" {
		add(Option{Exc: a, Outcome: Propagates})
		add(Option{Exc: a, Outcome: Suppressed})
		repl := right.New
		if right.Outcome != Raises {
			repl = firstOther(excs, a, "CancelledError")
		}
		add(Option{Exc: a, Outcome: Raises, New: repl})
		add(Option{Outcome: Normal})
	} else {
		t := tempting
		if t == "" {
			t = "CancelledError"
		}
		if right.Outcome == Raises {
			add(Option{Outcome: Normal})
			add(Option{Exc: t, Outcome: Raises, New: right.New})
		} else {
			add(Option{Outcome: Raises, New: t})
		}
		add(Option{Exc: t, Outcome: Propagates})
		add(Option{Exc: t, Outcome: Suppressed})
	}
	same := right.Outcome
	if same == Normal || same == Raises {
		same = Propagates
	}
	for _, x := range excs {
		if x != a {
			add(Option{Exc: x, Outcome: same})
		}
	}
	add(Option{Exc: "CancelledError", Outcome: Propagates})
	add(Option{Exc: "CancelledError", Outcome: Suppressed})
	fallback := "RuntimeError"
	if a == "CancelledError" {
		fallback = "TimeoutError"
	}
	add(Option{Exc: a, Outcome: Raises, New: fallback})
	add(Option{Outcome: Raises, New: fallback})
	return out
}

// key is the option without its presentation, for comparing choices.
func (o Option) key() Option {
	o.exit = ""
	return o
}

// cancelledDuring says whether task was cancelled (directly or by a
// timeout) between events from and to.
func (s *scan) cancelledDuring(task string, from, to int) bool {
	for _, k := range s.taskEvents(task, from, to) {
		if e := &s.evs[k]; e.Kind == sim.CancelRequest || e.Kind == sim.TimeoutFired {
			return true
		}
	}
	return false
}

// outcomeText says how the call ended, in words; cancelled: the task was
// cancelled while the call was waiting.
func outcomeText(o Option, fin sim.Event, cancelled bool) text {
	got := o.Exc
	switch {
	case o.Outcome == Raises && o.New == "CancelledError" && cancelled:
		return say("predict.outcome.cancelled")
	case o.Outcome == Suppressed:
		return say("predict.outcome.suppressed", fin.Text, got)
	case o.Outcome == Propagates && fin.Kind == sim.AexitRaised:
		return say("predict.outcome.letsThrough", got)
	case o.Outcome == Propagates:
		return say("predict.outcome.propagates", fin.Text, got)
	case o.Outcome == Raises && got != "":
		return say("predict.outcome.replaces", o.New, got)
	case o.Outcome == Raises:
		return say("predict.outcome.raises", o.New)
	}
	return say("predict.outcome.normal", fin.Text)
}
