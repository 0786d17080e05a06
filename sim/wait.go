package sim

import (
	"slices"
	"strings"
)

// This file ports asyncio.wait and its helper tasks._wait (the same in
// 3.11.7, 3.12.1 and 3.13.0): one waiter future, a done callback on every
// task that counts them down and releases the waiter as return_when says,
// an optional timer that releases it too, and a finally that cancels the
// timer and removes the callbacks. The tasks are a set in CPython, so the
// order it handles them in is unspecified: it cannot be seen (the
// callbacks of tasks already done run back to back, and the sets it
// returns are only counted or asked about each task), except in which
// error a set holding several kinds of non-tasks raises first (Unordered).

// The return_when values.
const (
	FirstCompleted = "FIRST_COMPLETED"
	FirstException = "FIRST_EXCEPTION"
	AllCompleted   = "ALL_COMPLETED"
)

// returnWhens are the values of WaitSpec.ReturnWhen, in the order
// messages list them.
var returnWhens = []string{FirstCompleted, FirstException, AllCompleted}

// WaitSpec is asyncio.wait's call:
//
//	done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED, timeout=2)
type WaitSpec struct {
	// Tasks are the variables of the set literal, in the order written.
	Tasks []string
	// ReturnWhen is one of returnWhens, or "" to leave it out (ALL_COMPLETED).
	ReturnWhen string
	// Timeout is timeout= in seconds; nil leaves it out (None).
	Timeout *float64
	// Done and Pending are the targets of "done, pending = ": both, or
	// neither (the result is dropped).
	Done, Pending string
}

// taskSet is a Python set of tasks (asyncio.wait's done and pending),
// kept in the order the engine added them; CPython's is unspecified, so
// nothing shows it.
type taskSet []*task

// appendRepr is repr(set): "set()" when empty; otherwise it holds the
// tasks' reprs, which show memory addresses.
func (ts taskSet) appendRepr(b *[]byte) bool {
	if len(ts) == 0 {
		*b = append(*b, "set()"...)
		return true
	}
	*b = append(*b, "{...}"...)
	return false
}

// unhashable reports whether a set or a dict refuses v as a member.
func unhashable(v Value) bool {
	switch v.(type) {
	case []Value, taskSet:
		return true
	}
	return false
}

// execWait is [done, pending =] await asyncio.wait({...}, ...).
func (x *exec) execWait(s *Stmt) flow {
	w := s.Ext().Wait
	// The set literal reads each variable, then adds each value in turn.
	vals := make([]Value, len(w.Tasks))
	for i, name := range w.Tasks {
		v, fl := x.lookup(name, s.id)
		if fl.kind == flowExc {
			return fl
		}
		vals[i] = v
	}
	for _, v := range vals {
		if unhashable(v) {
			return x.raiseNew(TypeErrorClass, "unhashable type: '"+pyTypeName(v)+"'", s.id)
		}
	}
	f := x.newFrame("wait", hookNone, nil, nil)
	x.push(f)
	done, pending, fl := x.wait(vals, w, s.id)
	if fl = x.pop(f, fl); fl.kind == flowExc {
		return fl
	}
	if w.Done != "" {
		x.cur.vars.set(w.Done, done)
		x.cur.vars.set(w.Pending, pending)
	}
	return normal
}

// wait is tasks._wait(set(fs), timeout, return_when, loop).
func (x *exec) wait(vals []Value, w *WaitSpec, node int) (done, pending taskSet, fl flow) {
	e := x.e
	var fs []*task
	var others []Value
	for _, v := range vals {
		switch t, ok := v.(*task); {
		case !ok:
			others = append(others, v)
		case !slices.Contains(fs, t): // set(fs) holds each task once
			fs = append(fs, t)
		}
	}
	waiter := e.newFuture()
	var timer *handle
	if w.Timeout != nil {
		timer = e.loop.callLater(*w.Timeout, func() { e.setResult(waiter, nil) }) // _release_waiter
	}
	if len(others) > 0 {
		// f.add_done_callback fails on the first value that is no future,
		// in the set's order; the timer stays, and so do the callbacks of
		// the tasks before it, which can only release a waiter nobody awaits.
		kinds := map[string]bool{}
		for _, v := range others {
			kinds[pyTypeName(v)] = true
		}
		if len(kinds) > 1 {
			e.markUnordered("asyncio.wait adds its callbacks by iterating a set; which value that is not a task fails first is unspecified in CPython, shown here in the order written")
		}
		return nil, nil, x.raiseNew(AttributeErrorClass, noAttribute(others[0], "add_done_callback"), node)
	}
	counter := len(fs)
	onCompletion := func(f *future) {
		counter--
		if counter <= 0 || w.ReturnWhen == FirstCompleted ||
			w.ReturnWhen == FirstException && f.state != cancelled && f.exc != nil {
			if timer != nil {
				e.loop.cancelHandle(timer)
			}
			e.setResult(waiter, nil)
		}
	}
	for _, t := range fs {
		e.addDone(t.fut, doneCallback{fn: onCompletion, key: waiter})
	}
	exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: waiter, text: waitText(w)})
	// finally:
	if timer != nil {
		e.loop.cancelHandle(timer)
	}
	for _, t := range fs {
		e.removeDone(t.fut, waiter)
	}
	if exc != nil {
		return nil, nil, excFlow(exc)
	}
	done, pending = taskSet{}, taskSet{}
	for _, t := range fs {
		if t.fut.done() {
			done = append(done, t)
		} else {
			pending = append(pending, t)
		}
	}
	return done, pending, normal
}

// waitText is what the trace says a task in asyncio.wait waits for:
// "waits for asyncio.wait(FIRST_COMPLETED, timeout=2)".
func waitText(w *WaitSpec) string {
	mode := w.ReturnWhen
	if mode == "" {
		mode = AllCompleted
	}
	if w.Timeout != nil {
		mode += ", timeout=" + pyFloat(*w.Timeout)
	}
	return "waits for asyncio.wait(" + mode + ")"
}

// waitSource is the Python line of a wait statement.
func waitSource(w *WaitSpec) string {
	var b strings.Builder
	if w.Done != "" {
		b.WriteString(w.Done + ", " + w.Pending + " = ")
	}
	b.WriteString("await asyncio.wait({" + strings.Join(w.Tasks, ", ") + "}")
	if w.ReturnWhen != "" {
		b.WriteString(", return_when=asyncio." + w.ReturnWhen)
	}
	if w.Timeout != nil {
		b.WriteString(", timeout=" + pyFloat(*w.Timeout))
	}
	b.WriteString(")")
	return b.String()
}
