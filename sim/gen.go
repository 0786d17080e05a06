package sim

// genState is an async generator object behind @asynccontextmanager.
type genState struct {
	def  *ManagerDef
	inst *instance
	// args are what the function was called with: its parameters' values.
	args  []Value
	co    *coro
	frame *frame
	// gx interprets the generator's body. A generator can be resumed by a
	// task other than the one that started it (an exit stack handed from
	// one task to another), so gx takes the resuming task's state at every
	// resumption and gives it back when the generator stops.
	gx *exec
	// end is how the body ended, once it has.
	end      flow
	finished bool
	yielded  bool // has yielded at least once: the resource is acquired
	// teardownRan: a finally clause completed after the yield while an
	// exception was passing, so teardown ran although the body raised.
	teardownRan bool
	// orphan: it ignored aclose's GeneratorExit and is suspended, closed
	// in CPython's eyes (see orphans.go).
	orphan bool
	// closeOnSend: an aclose() awaitable had an exception thrown in
	// before it started, which 3.11 and 3.12 pass to the generator while
	// the awaitable stays unstarted; the next plain resumption starts it,
	// throwing GeneratorExit in wherever the generator waits.
	closeOnSend bool
}

// genOutcome is what one resumption of a generator did.
type genOutcome struct {
	yielded bool
	value   Value
	exc     *Exc // the exception it raised (nil: it finished normally)
}

// genYield runs a yield statement inside the generator's own coroutine.
func (x *exec) genYield(s *Stmt) flow {
	f := x.cur
	g := f.gen
	v, fl := x.eval(s.Value, s.id)
	if fl.kind == flowExc {
		return fl
	}
	if !g.yielded {
		g.yielded = true
		g.inst.acquired = x.e.nextSeq()
	}
	x.e.emit(evt{kind: GenYielded, inst: g.inst, val: v, node: int32(s.id)})
	exc := f.runner.suspend(suspendReq{kind: suspendGenYield, value: v})
	x.cur = f
	x.node = s.id
	if exc != nil {
		// athrow/aclose: the exception appears at the yield, chained to
		// what the generator itself is handling (_PyErr_ChainStackItem).
		chainOwn(f, exc)
		x.e.emit(evt{kind: GenThrown, inst: g.inst, exc: exc, node: int32(s.id)})
		return excFlow(exc)
	}
	x.e.emit(evt{kind: GenResumed, inst: g.inst, node: int32(s.id)})
	return normal
}

// genResume is asend(None) (throw == nil) or athrow(throw), awaited from
// the current frame: it runs the generator until it yields, returns or
// raises, forwarding its awaits to the task.
func (x *exec) genResume(g *genState, throw *Exc) genOutcome { return x.resumeGen(g, throw, false) }

// genResumeOnce is gen_close's synchronous send: should the generator
// await or yield, it is abandoned there (CPython reports "async generator
// ignored GeneratorExit" as unraisable) and never runs again.
func (x *exec) genResumeOnce(g *genState, throw *Exc) genOutcome { return x.resumeGen(g, throw, true) }

func (x *exec) resumeGen(g *genState, throw *Exc, once bool) genOutcome {
	driver := x.cur
	if g.finished {
		if throw != nil {
			return genOutcome{exc: throw}
		}
		return genOutcome{}
	}
	if g.co == nil {
		g.frame = &frame{name: g.def.Name, gen: g}
		bindParams(&g.frame.vars, g.def.Params, g.args)
		g.gx = &exec{e: x.e}
		gx := g.gx
		g.co = newCoro(func() {
			gx.cur = g.frame
			g.end = gx.execBlock(g.def.Body)
		})
		g.frame.runner = g.co
		x.e.gens = append(x.e.gens, g)
		if throw != nil {
			// athrow before the first anext: raised at once, body never runs.
			g.finished = true
			return genOutcome{exc: throw}
		}
	}
	g.frame.parent = driver
	in := throw
	for {
		if in == nil && g.closeOnSend {
			g.closeOnSend = false
			in = x.e.newExc(GeneratorExitClass, false, "")
		}
		g.gx.t, g.gx.visRoot, g.gx.node = x.t, x.visRoot, x.node
		req, ok := g.co.resume(in)
		x.visRoot, x.node = g.gx.visRoot, g.gx.node
		x.cur = driver
		if !ok {
			g.finished = true
			out := genOutcome{}
			if g.end.kind == flowExc {
				out.exc = g.end.exc
				if out.exc.Class.IsSubclass(StopAsyncIterationClass) && out.exc != throw {
					// An async generator may not raise StopAsyncIteration
					// itself (it would look like its end): CPython turns
					// it into a RuntimeError, from it.
					rt := x.e.newExc(RuntimeErrorClass, true, "async generator raised StopAsyncIteration")
					rt.Cause, rt.Context, rt.SuppressContext = out.exc, out.exc, true
					out.exc = rt
				}
			}
			if out.exc == nil || g.teardownRan {
				if g.yielded && g.inst.released == 0 {
					g.inst.released = x.e.nextSeq()
				}
			}
			x.e.emit(evt{kind: GenFinished, inst: g.inst, exc: out.exc, node: int32(g.gx.node)})
			x.leaveGen(g, driver, out.exc)
			return out
		}
		if req.kind == suspendGenYield || once {
			x.leaveGen(g, driver, nil)
			if once {
				g.finished = true // suspended for good
			}
			return genOutcome{yielded: true, value: req.value}
		}
		// An await inside the generator suspends the whole task; the
		// asend/athrow object passes the resumption straight back in.
		in = driver.runner.suspend(req)
	}
}

// leaveGen hands control back from the generator frame to its driver. If
// the generator was resumed by a throw (a cancellation), its driver is now
// the resumption root, as in pop.
func (x *exec) leaveGen(g *genState, driver *frame, exc *Exc) {
	if x.visRoot == g.frame {
		x.visRoot = driver
		if exc != nil {
			chainOwn(driver, exc)
		}
	}
}

// genClose is aclose(): GeneratorExit is thrown in at the yield.
func (x *exec) genClose(g *genState, node int) flow {
	if g.finished || g.co == nil {
		return normal
	}
	ge := x.e.newExc(GeneratorExitClass, false, "")
	out := x.genResume(g, ge)
	switch {
	case out.yielded:
		fl := x.raiseNew(RuntimeErrorClass, "async generator ignored GeneratorExit", node)
		x.e.orphan(g, fl.exc)
		return fl
	case out.exc == nil || out.exc == ge:
		return normal
	case out.exc.Class == StopAsyncIterationClass:
		return normal
	}
	return excFlow(out.exc)
}

// asyncGenCM is the _AsyncGeneratorContextManager that calling an
// @asynccontextmanager function returns ("kind": "generator"). Making it
// runs no code: the generator starts in __aenter__.
type asyncGenCM struct {
	gen     genState // held inline: one allocation per manager, not two
	entered bool
}

func (a *asyncGenCM) typeName() string { return "_AsyncGeneratorContextManager" }

// aenter is _AsyncGeneratorContextManager.__aenter__.
func (a *asyncGenCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	f := x.newFrame("__aenter__", hookAenter, inst, nil)
	x.push(f)
	if a.entered {
		// "del self.args, ..." fails the second time.
		fl := x.raiseNew(AttributeErrorClass, "'_AsyncGeneratorContextManager' object has no attribute 'args'", node)
		return nil, x.pop(f, fl)
	}
	a.entered = true
	out := x.genResume(&a.gen, nil)
	switch {
	case out.yielded:
		x.pop(f, normal)
		return out.value, normal
	case out.exc != nil:
		return nil, x.pop(f, excFlow(out.exc))
	}
	// The generator returned without yielding.
	stop := x.stopAsyncIteration()
	f.handled = append(f.handled, stop)
	exc := x.e.newExc(RuntimeErrorClass, true, "generator didn't yield")
	exc.SuppressContext = true
	fl := x.raise(exc, node)
	f.handled = f.handled[:len(f.handled)-1]
	return nil, x.pop(f, fl)
}

// stopAsyncIteration is the StopAsyncIteration a finished generator raises
// to its awaiter, chained like any raise.
func (x *exec) stopAsyncIteration() *Exc {
	stop := x.e.newExc(StopAsyncIterationClass, false, "")
	setContext(stop, x.topHandled())
	return stop
}

// aexit is _AsyncGeneratorContextManager.__aexit__ (CPython 3.11.7+).
func (a *asyncGenCM) aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow) {
	g := &a.gen
	f := x.newFrame("__aexit__", hookAexit, inst, nil)
	x.push(f)
	if exc == nil {
		out := x.genResume(g, nil)
		switch {
		case out.exc != nil:
			return nil, x.pop(f, excFlow(out.exc))
		case !out.yielded:
			x.pop(f, normal)
			return false, normal
		}
		// Yielded again: "generator didn't stop", then aclose() in finally.
		return nil, x.pop(f, x.didntStop(g, "generator didn't stop", node))
	}
	out := x.genResume(g, exc)
	switch {
	case out.yielded:
		return nil, x.pop(f, x.didntStop(g, "generator didn't stop after athrow()", node))
	case out.exc == nil:
		// StopAsyncIteration: the generator swallowed the exception.
		x.pop(f, normal)
		return true, normal
	case out.exc == exc:
		x.pop(f, normal)
		return false, normal
	}
	// A different exception: "except RuntimeError/BaseException: raise".
	return nil, x.pop(f, excFlow(out.exc))
}

// didntStop raises RuntimeError(msg) and closes the generator in a finally.
func (x *exec) didntStop(g *genState, msg string, node int) flow {
	f := x.cur
	rt := x.e.newExc(RuntimeErrorClass, true, msg)
	fl := x.raise(rt, node)
	f.handled = append(f.handled, rt)
	cfl := x.genClose(g, node)
	f.handled = f.handled[:len(f.handled)-1]
	if cfl.kind == flowExc {
		return cfl
	}
	return fl
}
