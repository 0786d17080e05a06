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
	// SharedCondition is asyncio.Condition(), or asyncio.Condition(lock)
	// over a shared lock (condition.go).
	SharedCondition SharedKind = "condition"
)

// sharedKinds are the kinds, in the order messages list them.
var sharedKinds = []SharedKind{SharedLock, SharedSemaphore, SharedBoundedSemaphore, SharedCondition}

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
	// Lock is the shared lock a condition uses; "" makes it its own.
	Lock string `json:"lock,omitempty"`
}

// source is the Python expression that makes it.
func (d *SharedDef) source() string {
	switch d.Kind {
	case SharedLock:
		return "asyncio.Lock()"
	case SharedCondition:
		return "asyncio.Condition(" + d.Lock + ")"
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

// newShared makes the shared object's manager; shared are the objects
// made before it.
func newShared(d *SharedDef, shared map[string]*instance) contextManager {
	switch d.Kind {
	case SharedLock:
		return &lockCM{}
	case SharedCondition:
		return newCondition(d, shared)
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
	return nil, enterLock(x, inst, l)
}

// enterLock runs __aenter__ for an object whose acquire is l's (a Lock,
// or a Condition over it).
func enterLock(x *exec, inst *instance, l *lockCM) flow {
	f := x.newFrame("__aenter__", hookAenter, inst, nil)
	x.push(f)
	if exc := l.acquire(x, inst.name); exc != nil {
		return x.pop(f, excFlow(exc))
	}
	return x.pop(f, normal)
}

// acquire is Lock.acquire awaited in the current frame: nil once the lock
// is taken, or the exception thrown in while it queued (a cancellation).
// name is what the trace says the task waits to acquire.
func (l *lockCM) acquire(x *exec, name string) *Exc {
	if !l.locked && !slices.ContainsFunc(l.waiters, func(w *future) bool { return w.state != cancelled }) {
		l.locked = true
		return nil
	}
	fut := x.e.newFuture()
	l.waiters = append(l.waiters, fut)
	exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: fut, waitsFor: name})
	l.waiters = removeFuture(l.waiters, fut)
	if exc != nil {
		if !l.locked {
			l.wakeUpFirst(x.e)
		}
		return exc
	}
	l.locked = true
	return nil
}

// aexit is __aexit__: self.release().
func (l *lockCM) aexit(x *exec, inst *instance, _ *Exc, node int) (Value, flow) {
	return nil, exitLock(x, inst, l, node)
}

// exitLock runs __aexit__ for an object whose release is l's.
func exitLock(x *exec, inst *instance, l *lockCM, node int) flow {
	if !l.locked {
		f := x.newFrame("__aexit__", hookAexit, inst, nil)
		x.push(f)
		return x.pop(f, x.raiseNew(RuntimeErrorClass, "Lock is not acquired.", node))
	}
	l.release(x.e)
	return normal
}

// release is Lock.release of a held lock.
func (l *lockCM) release(e *engine) {
	l.locked = false
	l.wakeUpFirst(e)
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
