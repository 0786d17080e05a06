package sim

import (
	"fmt"
	"slices"
)

// This file ports asyncio.Lock, Semaphore and BoundedSemaphore
// (asyncio/locks.py) as the program's shared objects: made once at module
// level, used by any function with async with NAME:. Lock is the same in
// 3.11.7, 3.12.1 and 3.13.0; 3.13's Semaphore.acquire wakes as many
// waiters as there are places when it leaves, cancelled or not.

// SharedKind says what a shared object is.
type SharedKind string

const (
	// SharedLock is asyncio.Lock().
	SharedLock SharedKind = "lock"
	// SharedSemaphore is asyncio.Semaphore(value).
	SharedSemaphore SharedKind = "semaphore"
	// SharedBoundedSemaphore is asyncio.BoundedSemaphore(value).
	SharedBoundedSemaphore SharedKind = "boundedSemaphore"
)

// sharedKinds are the kinds, in the order messages list them.
var sharedKinds = []SharedKind{SharedLock, SharedSemaphore, SharedBoundedSemaphore}

// MaxSemaphoreValue bounds a semaphore's initial counter.
const MaxSemaphoreValue = 1000

// SharedDef is an object the program creates at module level, before
// asyncio.run, which every function can use by its name: "async with
// lock:" in two tasks is the same lock.
type SharedDef struct {
	Name string     `json:"name"`
	Kind SharedKind `json:"kind"`
	// Value is a semaphore's initial counter; nil is Python's default, 1.
	Value *int `json:"value,omitempty"`
}

// source is the Python expression that makes it.
func (d *SharedDef) source() string {
	switch d.Kind {
	case SharedLock:
		return "asyncio.Lock()"
	case SharedSemaphore, SharedBoundedSemaphore:
		class := "Semaphore"
		if d.Kind == SharedBoundedSemaphore {
			class = "BoundedSemaphore"
		}
		if d.Value == nil {
			return "asyncio." + class + "()"
		}
		return fmt.Sprintf("asyncio.%s(%d)", class, *d.Value)
	}
	return "None"
}

// newShared makes the shared object's manager.
func newShared(d *SharedDef) contextManager {
	if d.Kind == SharedLock {
		return &lockCM{}
	}
	v := 1
	if d.Value != nil {
		v = *d.Value
	}
	return &semaphoreCM{value: v, bound: v, bounded: d.Kind == SharedBoundedSemaphore}
}

// lockCM is an asyncio.Lock.
type lockCM struct {
	locked  bool
	waiters []*future // a deque in CPython: FIFO, removed from anywhere
}

func (l *lockCM) typeName() string { return "Lock" }

// aenter is _ContextManagerMixin.__aenter__: await self.acquire(), then
// None for the as target.
func (l *lockCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	f := x.newFrame("__aenter__", hookAenter, inst, nil)
	x.push(f)
	if !l.locked && !slices.ContainsFunc(l.waiters, func(w *future) bool { return w.state != cancelled }) {
		l.locked = true
		return nil, x.pop(f, normal)
	}
	fut := x.e.newFuture()
	l.waiters = append(l.waiters, fut)
	exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: fut, waitsFor: inst.name})
	l.waiters = removeFuture(l.waiters, fut)
	if exc != nil {
		if !l.locked {
			l.wakeUpFirst(x.e)
		}
		return nil, x.pop(f, excFlow(exc))
	}
	l.locked = true
	return nil, x.pop(f, normal)
}

// aexit is __aexit__: self.release().
func (l *lockCM) aexit(x *exec, inst *instance, _ *Exc, node int) (Value, flow) {
	if !l.locked {
		f := x.newFrame("__aexit__", hookAexit, inst, nil)
		x.push(f)
		return nil, x.pop(f, x.raiseNew(RuntimeErrorClass, "Lock is not acquired.", node))
	}
	l.locked = false
	l.wakeUpFirst(x.e)
	return nil, normal
}

// wakeUpFirst is Lock._wake_up_first.
func (l *lockCM) wakeUpFirst(e *engine) {
	if len(l.waiters) > 0 && !l.waiters[0].done() {
		e.setResult(l.waiters[0], true)
	}
}

// semaphoreCM is an asyncio.Semaphore or BoundedSemaphore.
type semaphoreCM struct {
	value, bound int
	bounded      bool
	waiters      []*future
}

func (s *semaphoreCM) typeName() string {
	if s.bounded {
		return "BoundedSemaphore"
	}
	return "Semaphore"
}

// locked is Semaphore.locked.
func (s *semaphoreCM) locked() bool {
	return s.value == 0 || slices.ContainsFunc(s.waiters, func(w *future) bool { return w.state != cancelled })
}

// aenter is __aenter__: await self.acquire().
func (s *semaphoreCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	f := x.newFrame("__aenter__", hookAenter, inst, nil)
	x.push(f)
	if !s.locked() {
		s.value--
		return nil, x.pop(f, normal)
	}
	fut := x.e.newFuture()
	s.waiters = append(s.waiters, fut)
	exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: fut, waitsFor: inst.name})
	s.waiters = removeFuture(s.waiters, fut)
	if x.e.py.atLeast(13) {
		if exc != nil && fut.done() && fut.state != cancelled {
			s.value++
		}
		for s.value > 0 && s.wakeUpNext(x.e) {
		}
		if exc != nil {
			return nil, x.pop(f, excFlow(exc))
		}
		return nil, x.pop(f, normal)
	}
	if exc != nil {
		if fut.state != cancelled {
			s.value++
			s.wakeUpNext(x.e)
		}
		return nil, x.pop(f, excFlow(exc))
	}
	if s.value > 0 {
		s.wakeUpNext(x.e)
	}
	return nil, x.pop(f, normal)
}

// aexit is __aexit__: self.release().
func (s *semaphoreCM) aexit(x *exec, inst *instance, _ *Exc, node int) (Value, flow) {
	if s.bounded && s.value >= s.bound {
		f := x.newFrame("__aexit__", hookAexit, inst, nil)
		x.push(f)
		return nil, x.pop(f, x.raiseNew(ValueErrorClass, "BoundedSemaphore released too many times", node))
	}
	s.value++
	s.wakeUpNext(x.e)
	return nil, normal
}

// wakeUpNext is Semaphore._wake_up_next; it says whether it woke one.
func (s *semaphoreCM) wakeUpNext(e *engine) bool {
	for _, w := range s.waiters {
		if !w.done() {
			s.value--
			e.setResult(w, true)
			return true
		}
	}
	return false
}

// removeFuture is deque.remove(fut).
func removeFuture(fs []*future, f *future) []*future {
	if i := slices.Index(fs, f); i >= 0 {
		return slices.Delete(fs, i, i+1)
	}
	return fs
}
