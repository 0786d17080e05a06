package sim

import (
	"bytes"
	"encoding/json"
	"sync"
)

// rec is an event as the engine records it: small, with nothing formatted,
// so that recording costs next to nothing. Trace.At formats it on demand.
type rec struct {
	time    float64
	text    string
	val     Value // a returned, yielded or bound value (shown with repr)
	task    *task
	inst    *instance
	exc     *Exc
	node    int32
	outFrom int32 // print events: their line is Stdout[outFrom:outTo]
	outTo   int32
	kind    EventKind
}

// recChunk is how many records one block of the event log holds: the log
// grows by whole blocks, never by copying what it already has.
const recChunk = 4096

// Trace is a run's ordered events. The engine records them compactly;
// At builds the readable Event for one step, so a screen that shows one
// step at a time never pays for the whole list.
type Trace struct {
	recs   [][]rec
	n      int
	tasks  []string // labels by task creation order
	insts  []string // labels by instance creation order
	sc     *Scenario
	once   sync.Once
	lines  []int32 // rendered line by node id, computed on first use
	stdout string
}

// Len is the number of events.
func (t *Trace) Len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// At returns event i (0-based); its Seq is i+1.
func (t *Trace) At(i int) Event {
	r := &t.recs[i/recChunk][i%recChunk]
	ev := Event{Seq: i + 1, Time: r.time, Kind: r.kind, Text: r.text}
	switch r.kind {
	case Printed:
		ev.Text = t.stdout[r.outFrom:r.outTo]
	case TargetBound:
		ev.Text = r.text + " = " + repr(r.val)
	case AenterReturned, AexitReturned, GenYielded, TaskFinished:
		ev.Text = repr(r.val)
	case AexitCalled:
		ev.Args = "None, None, None"
		if r.exc != nil {
			ev.Args = r.exc.Class.QualName() + ", " + r.exc.Repr() + ", <traceback>"
		}
	case ExcReplaced:
		if old, ok := r.val.(*Exc); ok && r.exc != nil {
			ev.Text = old.Repr() + " replaced by " + r.exc.Repr()
		}
	}
	if r.task != nil {
		ev.Task = t.tasks[r.task.num-1]
	}
	if r.inst != nil {
		ev.Manager = t.insts[r.inst.seq]
	}
	if r.exc != nil {
		ev.Exc = r.exc.Info()
	}
	t.once.Do(func() { t.lines = lineNumbers(t.sc) })
	if r.node > 0 && int(r.node) < len(t.lines) {
		ev.Line = int(t.lines[r.node])
	}
	return ev
}

// All returns every event.
func (t *Trace) All() []Event {
	out := make([]Event, t.Len())
	for i := range out {
		out[i] = t.At(i)
	}
	return out
}

// MarshalJSON writes the events as a JSON array, one at a time.
func (t *Trace) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := 0; i < t.Len(); i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		data, err := json.Marshal(t.At(i))
		if err != nil {
			return nil, err
		}
		b.Write(data)
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}
