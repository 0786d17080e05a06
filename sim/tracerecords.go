package sim

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"sync"
)

// This file holds the trace as the engine records it: compact records
// with tables of what they point at, read back as Events one at a time
// (Trace.At) and written out as JSON.

// evt is an event as the interpreter reports it to emit.
type evt struct {
	text string
	val  Value // a returned, yielded or bound value (shown with repr)
	task *task
	inst *instance
	exc  *Exc
	node int32
	kind EventKind
}

// rec is an event as the engine stores it: small and free of pointers
// (the garbage collector never scans the log), with nothing formatted.
// Strings, values, tasks, instances and exceptions are indices into the
// run's tables, 0 meaning none. Trace.At formats a record on demand.
type rec struct {
	time    float64
	text    int32 // into recTables.texts
	val     int32 // into recTables.vals
	task    int32 // task number (creation order, 1-based)
	inst    int32 // instance seq + 1
	exc     int32 // exception id
	node    int32
	outFrom int32 // print events: their line is Stdout[outFrom:outTo]; task.suspended: the awaited task's number
	outTo   int32
	// wake is when a task suspended on asyncio.sleep wakes (task.suspended).
	wake float64
	kind EventKind
}

// recTables hold what records point at.
type recTables struct {
	texts []string    // index 0 unused
	vals  []Value     // index 0 unused
	tasks []*task     // by number - 1
	insts []*instance // by seq
	excs  []*Exc      // by id - 1
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
	tab    *recTables
	tasks  []string    // labels by task creation order
	insts  []*instance // by creation order
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

// At returns event i, for 0 <= i < Len(); its Seq is i+1.
func (t *Trace) At(i int) Event {
	r := &t.recs[i/recChunk][i%recChunk]
	tab := t.tab
	var exc *Exc
	if r.exc > 0 {
		exc = tab.excs[r.exc-1]
	}
	var val Value
	if r.val > 0 {
		val = tab.vals[r.val]
	}
	ev := Event{Seq: i + 1, Time: r.time, Kind: r.kind, Text: tab.texts[r.text]}
	switch r.kind {
	case Printed:
		ev.Text = t.stdout[r.outFrom:r.outTo]
	case TargetBound:
		ev.Text += " = " + repr(val)
	case AenterReturned, AexitReturned, GenYielded, TaskFinished:
		ev.Text = repr(val)
	case AexitCalled:
		ev.Args = "None, None, None"
		if exc != nil {
			ev.Args = exc.Class.QualName() + ", " + exc.Repr() + ", <traceback>"
		}
	case TaskSuspended:
		ev.Wake = r.wake
		switch {
		case r.wake > 0:
			ev.Text = "sleeps until " + pyFloat(r.wake)
		case r.outFrom > 0:
			ev.Text = "waits for " + t.tasks[r.outFrom-1]
		}
	case ThreadSlept, Note:
		ev.Wake = r.wake
	case ThreadFinished:
		if exc == nil {
			ev.Args = repr(val)
		}
	case ExcReplaced:
		if old, ok := val.(*Exc); ok && exc != nil {
			ev.Text = old.Repr() + " replaced by " + exc.Repr()
		}
	}
	if r.task > 0 {
		ev.Task = t.tasks[r.task-1]
	}
	if r.inst > 0 {
		ev.Manager = t.insts[r.inst-1].label()
	}
	if exc != nil {
		ev.Exc = exc.Info()
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

// WriteJSON writes the result as JSON, one event per line, without ever
// holding the whole text in memory (a trace can have a million events).
// It is the same document json.Marshal(r) makes.
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("{\"events\":[")
	for i := 0; i < r.Trace.Len(); i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n")
		data, err := json.Marshal(r.Trace.At(i))
		if err != nil {
			return err
		}
		bw.Write(data)
	}
	bw.WriteString("\n],")
	rest := *r
	rest.Trace = nil
	data, err := json.Marshal(rest)
	if err != nil {
		return err
	}
	// rest starts with {"events":null, — drop that member.
	data = bytes.TrimPrefix(data, []byte(`{"events":null,`))
	bw.Write(data)
	bw.WriteByte('\n')
	return bw.Flush()
}
