package sim

// This file ports the parts of CPython's asyncio event loop that decide
// ordering: the FIFO ready queue, the timer heap (heapq, compared by
// deadline only, exactly as TimerHandle.__lt__), the periodic purge of
// cancelled timers, and BaseEventLoop._run_once. The virtual clock moves
// the way the CPython harness's selector moves it: by exactly the select
// timeout.

const (
	clockResolution           = 1e-9
	minScheduledTimerHandles  = 100
	minCancelledTimerFraction = 0.5
	maxSelectTimeout          = 24 * 3600
)

// handle is an asyncio Handle or TimerHandle: a callback on the loop.
// The hot callbacks (a task's step, a task's wakeup, a sleep's timer) are
// named by op with their operands, so that scheduling them allocates
// nothing but the handle; anything else is a closure in fn.
type handle struct {
	fn        func()
	op        handleOp
	cancelled bool
	queued    bool // in the ready queue
	timer     bool
	scheduled bool
	task      *task
	fut       *future
	when      float64
}

type handleOp uint8

const (
	opFunc      handleOp = iota // call fn
	opStep                      // task.__step()
	opWakeup                    // task.__wakeup(fut)
	opSleepDone                 // futures._set_result_unless_cancelled(fut, None)
)

func (l *loop) cancelHandle(h *handle) {
	if h.cancelled {
		return
	}
	if h.timer && h.scheduled {
		l.timerCancelledCount++
	}
	h.cancelled = true
}

// loop is the event loop state.
type loop struct {
	// run executes a handle (set by the engine).
	run                 func(*handle)
	now                 float64
	ready               []*handle
	readyHead           int
	sched               []*handle
	timerCancelledCount int
	stopping            bool
	// aborted: a callback raised KeyboardInterrupt or SystemExit, which
	// leaves _run_once with the rest of the turn's callbacks still queued.
	aborted bool
	// onIteration is called once per _run_once, for the limits check.
	iterations int
	// threadsParked: some worker thread sleeps (see threads.go); the
	// loop wakes it as it would fire a timer.
	threadsParked  bool
	nextThreadWake func() (float64, bool)
	wakeThreads    func()
}

func (l *loop) callSoon(fn func()) *handle {
	return l.callSoonOp(&handle{fn: fn})
}

func (l *loop) callSoonOp(h *handle) *handle {
	h.queued = true
	l.ready = append(l.ready, h)
	return h
}

func (l *loop) callLater(delay float64, fn func()) *handle {
	return l.callAt(l.now+delay, fn)
}

func (l *loop) callAt(when float64, fn func()) *handle {
	return l.callAtOp(when, &handle{fn: fn})
}

func (l *loop) callAtOp(when float64, h *handle) *handle {
	h.timer, h.scheduled, h.when = true, true, when
	heapPush(&l.sched, h)
	return h
}

func (l *loop) readyLen() int { return len(l.ready) - l.readyHead }

func (l *loop) popReady() *handle {
	h := l.ready[l.readyHead]
	h.queued = false
	l.ready[l.readyHead] = nil
	l.readyHead++
	if l.readyHead == len(l.ready) {
		l.ready = l.ready[:0]
		l.readyHead = 0
	}
	return h
}

// runOnce is BaseEventLoop._run_once. It returns false when the loop would
// block forever (nothing ready, no timer): a deadlock.
func (l *loop) runOnce() bool {
	l.iterations++
	schedCount := len(l.sched)
	if schedCount > minScheduledTimerHandles &&
		float64(l.timerCancelledCount)/float64(schedCount) > minCancelledTimerFraction {
		kept := make([]*handle, 0, schedCount)
		for _, h := range l.sched {
			if h.cancelled {
				h.scheduled = false
			} else {
				kept = append(kept, h)
			}
		}
		heapify(kept)
		l.sched = kept
		l.timerCancelledCount = 0
	} else {
		for len(l.sched) > 0 && l.sched[0].cancelled {
			l.timerCancelledCount--
			h := heapPop(&l.sched)
			h.scheduled = false
		}
	}

	if l.readyLen() == 0 && !l.stopping {
		none := len(l.sched) == 0 // select(timeout=None)
		var timeout float64
		if !none {
			timeout = l.sched[0].when - l.now
			if timeout < 0 {
				timeout = 0
			}
			if timeout > maxSelectTimeout {
				timeout = maxSelectTimeout
			}
		}
		switch wake, ok := l.threadWake(); {
		case ok && (none || (timeout > 0 && l.now+timeout >= wake)):
			// A worker thread's sleep ends first: the selector moves the
			// clock there and lets the thread go on.
			if wake > l.now {
				l.now = wake
			}
			l.wakeThreads()
		case none:
			return false
		case timeout > 0:
			l.now = l.now + timeout
		}
	}

	endTime := l.now + clockResolution
	for len(l.sched) > 0 {
		if l.sched[0].when >= endTime {
			break
		}
		h := heapPop(&l.sched)
		h.scheduled = false
		h.queued = true
		l.ready = append(l.ready, h)
	}

	ntodo := l.readyLen()
	for i := 0; i < ntodo; i++ {
		h := l.popReady()
		if h.cancelled {
			continue
		}
		if l.run(h); l.aborted {
			break
		}
	}
	return true
}

// threadWake is when the earliest sleeping worker thread wakes, if any.
func (l *loop) threadWake() (float64, bool) {
	if !l.threadsParked {
		return 0, false
	}
	return l.nextThreadWake()
}

// The heap functions are Python's heapq, line for line: which of two equal
// deadlines fires first depends on these exact moves.

func heapPush(heap *[]*handle, h *handle) {
	*heap = append(*heap, h)
	siftDown(*heap, 0, len(*heap)-1)
}

func heapPop(heap *[]*handle) *handle {
	h := *heap
	last := h[len(h)-1]
	h = h[:len(h)-1]
	*heap = h
	if len(h) > 0 {
		ret := h[0]
		h[0] = last
		siftUp(h, 0)
		return ret
	}
	return last
}

func heapify(h []*handle) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftUp(h, i)
	}
}

func siftDown(h []*handle, startpos, pos int) {
	newitem := h[pos]
	for pos > startpos {
		parentpos := (pos - 1) >> 1
		parent := h[parentpos]
		if newitem.when < parent.when {
			h[pos] = parent
			pos = parentpos
			continue
		}
		break
	}
	h[pos] = newitem
}

func siftUp(h []*handle, pos int) {
	endpos := len(h)
	startpos := pos
	newitem := h[pos]
	childpos := 2*pos + 1
	for childpos < endpos {
		rightpos := childpos + 1
		if rightpos < endpos && !(h[childpos].when < h[rightpos].when) {
			childpos = rightpos
		}
		h[pos] = h[childpos]
		pos = childpos
		childpos = 2*pos + 1
	}
	h[pos] = newitem
	siftDown(h, startpos, pos)
}
