package predict

import (
	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// Kind says what a challenge asks.
type Kind int

const (
	// Order asks the learner to put the upcoming hook events in order.
	Order Kind = iota
	// Aexit asks what one __aexit__ receives and how its block ends.
	Aexit
)

// String names the kind, for logs and tests.
func (k Kind) String() string {
	switch k {
	case Order:
		return "order"
	case Aexit:
		return "aexit"
	}
	return "unknown"
}

// Challenge is one question asked during playback. It is asked when the
// playback reaches event At (before showing it) and answered by the events
// At..Until, which the animation then plays.
type Challenge struct {
	Kind Kind
	// At is the index of the first event the challenge is about.
	At int
	// Until is the index of the last event the challenge reveals.
	Until int
	// Task is the task the challenge happens in ("" when an Order
	// challenge spans several tasks).
	Task string

	// Items (Order) are the events to put in order, shuffled by the seed
	// so that their position gives nothing away.
	Items []Item

	// Manager (Aexit) is the instance label whose __aexit__ is asked about.
	Manager string
	// Options (Aexit) are the choices; exactly one is right.
	Options []Option

	// Answer is the right answer: Order holds the item IDs in trace order,
	// Option the index of the right option. Check(c.Answer) gets full marks.
	Answer Answer

	exit string // "__aexit__", or "__exit__" for a plain with
	why  text   // what really happened, for the explanation
}

// Item is one event of an Order challenge.
type Item struct {
	// ID names the item in an Answer. It is the manager and the event kind,
	// so it says nothing about the position.
	ID string
	// Manager is the instance label ("Conn", "Conn#2").
	Manager string
	// Event is the hook event: aenter.started, aenter.returned,
	// aenter.raised, aexit.called, aexit.returned or aexit.raised.
	Event sim.EventKind
	// Task is the task the event happens in.
	Task string

	sync bool // a plain with: the hooks are __enter__ and __exit__
}

// Outcome is how an __aexit__ ends its block.
type Outcome int

const (
	// Normal: no exception came in and none goes out.
	Normal Outcome = iota
	// Suppressed: __aexit__ returned a true value; the exception stops here.
	Suppressed
	// Propagates: the exception __aexit__ received goes on outwards.
	Propagates
	// Raises: __aexit__ raised a new exception, which replaces the one it
	// received (if any).
	Raises
)

// Option is one choice of an Aexit challenge: what __aexit__ receives and
// how the block ends.
type Option struct {
	// Exc is the type of the exception __aexit__ receives ("" for
	// None, None, None).
	Exc string
	// Outcome is how the block ends.
	Outcome Outcome
	// New is the type of the exception raised, for Outcome Raises.
	New string

	exit string
}

// Answer is a learner's answer: an order of item IDs for an Order
// challenge, an option index for an Aexit challenge.
type Answer struct {
	Order  []string
	Option int
}

// Mark is the verdict on an answer.
type Mark struct {
	Right bool
	// Score is in [0, 1]. An Order answer scores the fraction of pairs of
	// items it puts in the same relative order as the trace (so a single
	// swap of neighbours loses little, the reverse order scores 0). An
	// Aexit answer scores 1 when right, 0.5 when it gets either what
	// __aexit__ receives or how the block ends right, else 0.
	Score float64

	why text
}

// Explanation says what really happened, in plain words, in language l
// (a message its catalogue lacks is said in English).
func (m Mark) Explanation(l i18n.Lang) string { return m.why.in(l) }
