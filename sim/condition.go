package sim

// This file ports asyncio.Condition (asyncio/locks.py) as a shared
// object: "async with cond:" takes its lock (its own, or a shared Lock it
// was made over); "await cond.wait()" releases the lock, waits for a
// notify and takes the lock back before it returns, even when it is
// cancelled; cond.notify(n) and cond.notify_all() wake waiters in the
// order they began to wait. 3.11.7 and 3.12.1 are the same. 3.13.0's
// wait re-raises the last CancelledError it caught while taking the lock
// back (3.11 raises a new one), and when it leaves with any exception it
// notifies another waiter in its place, since the notify it may have
// received would otherwise be lost.

// condCM is an asyncio.Condition.
type condCM struct {
	lock    *lockCM
	waiters []*future // a deque in CPython: FIFO, removed from anywhere
}

// newCondition makes a Condition over the shared lock d names, or over a
// lock of its own; Validate has checked that the lock is made before it.
func newCondition(d *SharedDef, shared map[string]*instance) *condCM {
	if d.Lock != "" {
		return &condCM{lock: shared[d.Lock].mgr.(*lockCM)}
	}
	return &condCM{lock: &lockCM{}}
}

func (c *condCM) typeName() string { return "Condition" }

// aenter is _ContextManagerMixin.__aenter__: await self.acquire(), the
// lock's own acquire.
func (c *condCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	return nil, enterLock(x, inst, c.lock)
}

// aexit is __aexit__: self.release(), the lock's.
func (c *condCM) aexit(x *exec, inst *instance, _ *Exc, node int) (Value, flow) {
	return nil, exitLock(x, inst, c.lock, node)
}

// condition reads the variable name, which should hold a Condition; for
// anything else it raises CPython's AttributeError for method.
func (x *exec) condition(name, method string, node int) (*instance, *condCM, flow) {
	v, fl := x.lookup(name, node)
	if fl.kind == flowExc {
		return nil, nil, fl
	}
	if inst, ok := v.(*instance); ok {
		if c, ok := inst.mgr.(*condCM); ok {
			return inst, c, normal
		}
	}
	return nil, nil, x.raiseNew(AttributeErrorClass, noAttribute(v, method), node)
}

// execCondWait is "await cond.wait()".
func (x *exec) execCondWait(s *Stmt) flow {
	inst, c, fl := x.condition(s.Ext().Cond, "wait", s.id)
	if fl.kind == flowExc {
		return fl
	}
	f := x.newFrame("wait", hookNone, inst, nil)
	x.push(f)
	if !c.lock.locked {
		return x.pop(f, x.raiseNew(RuntimeErrorClass, "cannot wait on un-acquired lock", s.id))
	}
	c.lock.release(x.e)
	fut := x.e.newFuture()
	c.waiters = append(c.waiters, fut)
	exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: fut, text: "waits for " + inst.name + ".notify()"})
	c.waiters = removeFuture(c.waiters, fut)
	fl = c.reacquire(x, f, exc, inst.name, s.id)
	if fl.kind == flowExc && x.e.py.atLeast(13) {
		// except BaseException: self._notify(1); raise
		c.notify(x.e, 1)
	}
	return x.pop(f, fl)
}

// reacquire is the finally of wait() that takes the lock back, run in
// wait's frame f with exc, the exception "await fut" raised (nil after a
// notify): it returns how wait leaves.
func (c *condCM) reacquire(x *exec, f *frame, exc *Exc, name string, node int) flow {
	if exc != nil {
		f.handled = append(f.handled, exc) // a finally handles what passes through it
		defer func() { f.handled = f.handled[:len(f.handled)-1] }()
	}
	// while True: try: await self.acquire(); break
	//             except exceptions.CancelledError: cancelled = True (3.13: err = e)
	var last *Exc
	for {
		e2 := c.lock.acquire(x, name)
		if e2 == nil {
			break
		}
		last = e2
	}
	switch {
	case last != nil && x.e.py.atLeast(13):
		return x.raise(last, node) // raise err
	case last != nil:
		return x.raise(x.e.newExc(CancelledErrorClass, false, ""), node) // raise exceptions.CancelledError
	case exc != nil:
		return excFlow(exc)
	}
	return normal // return True
}

// execNotify is cond.notify(), cond.notify(n) or cond.notify_all().
func (x *exec) execNotify(s *Stmt) flow {
	method := "notify"
	if s.Kind == SNotifyAll {
		method = "notify_all"
	}
	inst, c, fl := x.condition(s.Ext().Cond, method, s.id)
	if fl.kind == flowExc {
		return fl
	}
	if !c.lock.locked {
		f := x.newFrame(method, hookNone, inst, nil)
		x.push(f)
		return x.pop(f, x.raiseNew(RuntimeErrorClass, "cannot notify on un-acquired lock", s.id))
	}
	n := 1
	switch {
	case s.Kind == SNotifyAll:
		n = len(c.waiters) // self.notify(len(self._waiters))
	case s.Ext().NotifyN != nil:
		n = *s.Ext().NotifyN
	}
	c.notify(x.e, n)
	return normal
}

// notify is Condition._notify(n) (the body of notify before 3.13): wake
// at most n waiters not already woken, first come first.
func (c *condCM) notify(e *engine, n int) {
	idx := 0
	for _, fut := range c.waiters {
		if idx >= n {
			break
		}
		if !fut.done() {
			idx++
			e.setResult(fut, false)
		}
	}
}
