package sim

// threadKinds are the statements a plain def (run in a worker thread, or
// called by an exit stack) may hold: it cannot await, so nothing that
// suspends a coroutine is there. ifException joins them in one that takes
// the exit parameters.
var threadKinds = map[StmtKind]bool{SPrint: true, SBlock: true, SRaise: true, SReraise: true,
	SReturn: true, SPass: true, STry: true, SIf: true, SFor: true, SWhile: true, SBreak: true, SContinue: true, SAddNote: true}

const threadKindNames = "print, block, raise, reraise, return, pass, try, if, for, while, break, continue and addNote"

// syncFunction checks a plain def: it is never main, and its body only
// computes and blocks (with ifException too, when it takes the exit
// parameters that stack.push passes).
func (v *validator) syncFunction(p string, f *FuncDef, params []string) {
	if f.Name == "main" {
		v.errorf(v.join(p, "sync"), "main must be an async def: asyncio.run runs it as a coroutine")
	}
	if f.Decorator != nil {
		v.errorf(v.join(p, "decorator"), "a plain def cannot be decorated here: @asynccontextmanager's decorator makes it an async def, whose code to_thread or a sync exit stack method would never run")
	}
	v.vars = map[string]bool{}
	for _, n := range params {
		v.vars[n] = true
	}
	v.collectTargets(f.Body)
	v.inGen, v.plain, v.owner, v.inThread = false, "", f.Name, true
	v.block(v.join(p, "body"), f.Body, 0, false)
	v.inThread = false
}

// asyncGenRef checks that name is an async generator function.
func (v *validator) asyncGenRef(p, name string) {
	v.ref(p, name, "manager")
	for _, m := range v.sc.Managers {
		if m.Name == name && m.Kind != AsyncGenFunction {
			v.errorf(p, "%q is a %s manager, not an async generator function (kind \"asyncgen\")", name, m.Kind)
		}
	}
}

// collectClosers finds the targets of aclosing items in a body.
func collectClosers(stmts []*Stmt, out map[string]bool) {
	for _, s := range stmts {
		for _, it := range s.Items {
			if it.Aclosing != "" && it.As != "" {
				out[it.As] = true
			}
		}
		for _, h := range s.Handlers {
			collectClosers(h.Body, out)
		}
		collectClosers(s.Body, out)
		collectClosers(s.Finally, out)
		collectClosers(s.Else, out)
	}
}
