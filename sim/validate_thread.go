package sim

// threadKinds are the statements a plain def run in a worker thread may
// hold: it cannot await, so nothing that suspends a coroutine is there.
var threadKinds = map[StmtKind]bool{SPrint: true, SBlock: true, SRaise: true, SReraise: true,
	SReturn: true, SPass: true, STry: true}

const threadKindNames = "print, block, raise, reraise, return, pass and try"

// syncFunction checks a plain def: it is never main, takes no exit
// parameters, and its body only computes and blocks.
func (v *validator) syncFunction(p string, f *FuncDef) {
	if f.Name == "main" {
		v.errorf(v.join(p, "sync"), "main must be an async def: asyncio.run runs it as a coroutine")
	}
	if f.ExitParams {
		v.errorf(v.join(p, "exitParams"), "a plain def run in a worker thread takes no exit parameters")
	}
	v.vars = map[string]bool{}
	v.collectTargets(f.Body)
	v.inGen, v.syncOnly, v.owner, v.inThread = false, false, f.Name, true
	v.block(v.join(p, "body"), f.Body, 0, false)
	v.inThread = false
}
