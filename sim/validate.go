package sim

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"asyncwithlab/sim/internal/jsonfield"
)

// Static limits on a scenario's size. Runtime limits are in Limits.
const (
	MaxStatements   = 100_000
	MaxDefinitions  = 10_000
	maxBlockNesting = 20 // CPython refuses to compile deeper static nesting
)

// Validate checks a scenario's meaning: names, references, where each
// statement may appear, durations and sizes. It also numbers the nodes for
// the line map. Decode calls it; call it yourself on a Scenario built in Go.
func Validate(sc *Scenario) error {
	// The first pass builds no paths, so that a valid scenario costs
	// little; only when it finds a problem does a second pass say where.
	v := &validator{sc: sc, defs: map[string]string{}}
	v.run()
	if len(v.errs) == 0 {
		return nil
	}
	v = &validator{sc: sc, defs: map[string]string{}, paths: true}
	v.run()
	return &ScenarioError{v.errs}
}

type validator struct {
	paths  bool // build field paths for messages
	sc     *Scenario
	errs   []FieldError
	defs   map[string]string // name -> "manager" / "function"
	funcs  map[string]*FuncDef
	mgrs   map[string]*ManagerDef
	attrs  map[string]bool // the attributes constructors store (ctor.go)
	nextID int
	stmts  int
	// per body
	vars  map[string]bool
	inGen bool
	// plain names the plain (non-async) code being checked, which cannot
	// await ("" in async code): see plainSync and plainInit.
	plain string
	// inThread: the body is a plain function run in a worker thread.
	inThread bool
	// loops counts the loops (for, while, async for) around the statement
	// (break and continue need one); closers are the variables an
	// aclosing item binds in the body, which an async for may iterate.
	loops   int
	closers map[string]bool
	// star counts the except* clause bodies around the statement, and
	// starLoops is loops at the innermost one (exceptstar_syntax.go).
	star, starLoops int
	calls           map[string][]string // references between definitions, for recursion checks
	stack           map[string][]string // the references that run on the same task's stack
	owner           string
	hasYield        bool
}

func (v *validator) errorf(path, format string, args ...any) {
	if len(v.errs) < 100 {
		v.errs = append(v.errs, FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
}

func (v *validator) join(path, key string) string {
	if !v.paths {
		return ""
	}
	return jsonfield.Join(path, key)
}

func (v *validator) idx(path string, i int) string {
	if !v.paths {
		return ""
	}
	return path + "[" + strconv.Itoa(i) + "]"
}

func (v *validator) id() int { v.nextID++; return v.nextID }

func (v *validator) run() {
	sc := v.sc
	if sc.Version != CurrentVersion {
		v.errorf("version", "expected %d", CurrentVersion)
	}
	if msg := checkPython(sc.Python); msg != "" {
		v.errorf("python", "%s", msg)
	}
	if len(sc.Managers)+len(sc.Functions) > MaxDefinitions {
		v.errorf("", "%d definitions; the limit is %d", len(sc.Managers)+len(sc.Functions), MaxDefinitions)
		return
	}
	v.calls = map[string][]string{}
	v.stack = map[string][]string{}
	v.funcs = make(map[string]*FuncDef, len(sc.Functions))
	for _, f := range sc.Functions {
		v.funcs[f.Name] = f
	}
	v.indexManagers()
	v.setAttrNames()
	for i, d := range sc.Shared {
		p := v.idx("shared", i)
		v.defineName(v.join(p, "name"), d.Name, "shared object")
		switch {
		case !slices.Contains(sharedKinds, d.Kind):
			v.errorf(v.join(p, "kind"), "expected one of %s, got %q", quotedKinds(sharedKinds), d.Kind)
		case d.Value != nil && (d.Kind == SharedLock || d.Kind == SharedCondition):
			v.errorf(v.join(p, "value"), "a %s takes no value (only a semaphore's counter has one)", d.Kind)
		case d.Value != nil && (*d.Value < 0 || *d.Value > MaxSemaphoreValue):
			v.errorf(v.join(p, "value"), "expected a whole number from 0 to %d, got %d", MaxSemaphoreValue, *d.Value)
		}
		v.conditionLock(v.join(p, "lock"), i, d)
	}
	for i, m := range sc.Managers {
		v.defineName(v.join(v.idx("managers", i), "name"), m.Name, "manager")
	}
	for i, f := range sc.Functions {
		v.defineName(v.join(v.idx("functions", i), "name"), f.Name, "function")
	}
	if v.defs["main"] != "function" {
		v.errorf("functions", "expected a function named main: the program runs asyncio.run(main())")
	}
	for i, m := range sc.Managers {
		v.manager(v.idx("managers", i), m)
	}
	for i, f := range sc.Functions {
		p := v.idx("functions", i)
		f.id = v.id()
		params := v.funcParams(p, f)
		if f.Sync {
			v.syncFunction(p, f, params)
			v.decorator(v.join(p, "decorator"), f)
			continue
		}
		v.body(v.join(p, "body"), f.Name, f.Body, params, false, "")
		v.decorator(v.join(p, "decorator"), f)
	}
	if v.stmts > MaxStatements {
		v.errorf("", "%d statements; the limit is %d", v.stmts, MaxStatements)
	}
	v.checkRecursion()
	markRepr(sc)
}

func (v *validator) defineName(path, name, kind string) {
	switch {
	case identProblem(name) != "":
		v.errorf(path, "%q: %s", name, identProblem(name))
	case !isIdent(name) || reservedName(name):
		v.errorf(path, "expected a Python identifier that is not a keyword or a name the program uses (asyncio, time, print, exception classes, self, exc_type, exc, tb...), got %q", name)
	case v.defs[name] != "":
		v.errorf(path, "%q is already defined as a %s", name, v.defs[name])
	default:
		v.defs[name] = kind
	}
}

func (v *validator) manager(p string, m *ManagerDef) {
	m.id = v.id()
	v.ctor(p, m)
	switch m.Kind {
	case ClassManager:
		switch m.Protocol {
		case "", AsyncProtocol, SyncProtocol, MissingAexit, MissingAenter, TypoProtocol:
		default:
			v.errorf(v.join(p, "protocol"), "expected one of async, sync, missing-aexit, missing-aenter, typo; got %q", m.Protocol)
		}
		if len(m.Body) > 0 {
			v.errorf(v.join(p, "body"), "a class manager has aenter and aexit, not a body")
		}
		if m.Protocol == MissingAexit && len(m.Aexit) > 0 {
			v.errorf(v.join(p, "aexit"), "a class that misses __aexit__ cannot have an aexit body")
		}
		if m.Protocol == MissingAenter && len(m.Aenter) > 0 {
			v.errorf(v.join(p, "aenter"), "a class that misses __aenter__ cannot have an aenter body")
		}
		plain := ""
		if m.Protocol == SyncProtocol {
			plain = plainSync
		}
		v.body(v.join(p, "aenter"), m.Name, m.Aenter, []string{"self"}, false, plain)
		v.body(v.join(p, "aexit"), m.Name, m.Aexit, []string{"self", "exc_type", "exc", "tb"}, false, plain)
	case GeneratorManager, AsyncGenFunction:
		if m.Protocol != "" {
			v.errorf(v.join(p, "protocol"), "only class managers have a protocol")
		}
		if len(m.Aenter)+len(m.Aexit) > 0 {
			v.errorf(p, "a generator manager has a body, not aenter/aexit")
		}
		if m.Kind == AsyncGenFunction && len(m.Params) > 0 {
			v.errorf(v.join(p, "params"), "an async generator function takes no parameters here (async for and aclosing call it with none)")
		}
		v.hasYield = false
		v.body(v.join(p, "body"), m.Name, m.Body, m.Params, true, "")
		if !v.hasYield && m.Kind == AsyncGenFunction {
			v.errorf(v.join(p, "body"), "expected at least one yield statement: without one the function is a plain coroutine, not an async generator")
		} else if !v.hasYield {
			v.errorf(v.join(p, "body"), "expected at least one yield statement: without one the function is a plain coroutine, not an async generator")
		}
	default:
		v.errorf(v.join(p, "kind"), "expected \"class\", \"generator\" or \"asyncgen\", got %q", m.Kind)
	}
}

// body checks one function body. Variables are local to it: every name it
// reads must be a parameter or assigned somewhere in it.
func (v *validator) body(p, owner string, stmts []*Stmt, params []string, inGen bool, plain string) {
	v.vars = map[string]bool{}
	for _, n := range params {
		v.vars[n] = true
	}
	v.collectTargets(stmts)
	v.inGen, v.plain, v.owner, v.inThread = inGen, plain, owner, false
	v.loops, v.closers, v.star = 0, map[string]bool{}, 0
	collectClosers(stmts, v.closers)
	v.block(p, stmts, 0, false)
}

func (v *validator) collectTargets(stmts []*Stmt) {
	for _, s := range stmts {
		if s.As != "" {
			v.vars[s.As] = true
		}
		if w := s.Ext().Wait; w != nil && w.Done != "" {
			v.vars[w.Done] = true
		}
		if w := s.Ext().Wait; w != nil && w.Pending != "" {
			v.vars[w.Pending] = true
		}
		for _, it := range s.Items {
			if it.As != "" {
				v.vars[it.As] = true
			}
		}
		for _, h := range s.Handlers {
			if h.As != "" {
				v.vars[h.As] = true
			}
			v.collectTargets(h.Body)
		}
		v.collectTargets(s.Body)
		v.collectTargets(s.Finally)
		v.collectTargets(s.Else)
	}
}

func (v *validator) block(p string, stmts []*Stmt, depth int, inExcept bool) {
	for i, s := range stmts {
		v.stmt(v.idx(p, i), s, depth, inExcept)
	}
}

func (v *validator) duration(p string, d float64) {
	if math.IsNaN(d) || d < 0 || d > 86400 || (d > 0 && d < 0.001) {
		v.errorf(p, "expected 0 or a number of seconds from 0.001 to 86400, got %v", d)
	}
}

func (v *validator) text(p, s string) {
	if !allowedText(s) {
		v.errorf(p, "expected text in Latin, Greek, Cyrillic, CJK or Hangul, with common punctuation, symbols and emoji (no control characters or tabs), so that it shows exactly as Python 3.11 shows it")
	}
	if len(s) > 1000 {
		v.errorf(p, "text is %d bytes; the limit is 1000", len(s))
	}
}

func (v *validator) varRef(p, name string) {
	switch {
	case !isIdent(name):
		v.errorf(p, "expected a variable name, got %q", name)
	case !v.vars[name] && v.defs[name] != "shared object":
		v.errorf(p, "unknown variable %q: it is never assigned in %s", name, v.owner)
	}
}

func (v *validator) target(p, name string) {
	if name == "" {
		return
	}
	if msg := identProblem(name); msg != "" {
		v.errorf(p, "%q: %s", name, msg)
	} else if !isIdent(name) || (reservedName(name) && !paramNames[name]) {
		v.errorf(p, "expected a Python identifier that is not a keyword or a name the program uses, got %q", name)
	} else if v.defs[name] != "" {
		v.errorf(p, "%q would hide the %s of the same name", name, v.defs[name])
	}
}

func (v *validator) ref(p, name, kind string) {
	if v.defs[name] != kind {
		if v.defs[name] == "" {
			v.errorf(p, "unknown %s %q", kind, name)
		} else {
			v.errorf(p, "%q is a %s, expected a %s", name, v.defs[name], kind)
		}
		return
	}
	v.calls[v.owner] = append(v.calls[v.owner], name)
}

// sameStack notes that the current definition runs name's code in its own
// task (a call, or a manager's hooks), which deepens Python's stack.
func (v *validator) sameStack(name string) {
	if v.defs[name] != "" {
		v.stack[v.owner] = append(v.stack[v.owner], name)
	}
}

// maxCallDepth bounds how deep definitions may run inside each other in
// one task. CPython stops at 1000 frames (RecursionError); a level here can
// take several frames (a generator manager takes three), so the tool
// refuses scenarios long before CPython would fail.
const maxCallDepth = 100

// checkDepth measures the longest chain of same-stack references; run it
// only once the graph is known to have no cycle.
func (v *validator) checkDepth() {
	depth := map[string]int{}
	var measure func(n string) int
	measure = func(n string) int {
		if d, ok := depth[n]; ok {
			return d
		}
		best := 0
		for _, m := range v.stack[n] {
			best = max(best, measure(m))
		}
		depth[n] = best + 1
		return best + 1
	}
	for _, name := range sortedKeys(v.defs) {
		if d := measure(name); d > maxCallDepth {
			v.errorf("", "%s runs definitions nested %d deep in one task; this tool allows %d (CPython's recursion limit is about 1000 frames)", name, d, maxCallDepth)
			return
		}
	}
}

func (v *validator) function(p, name string, exitParams bool) {
	v.ref(p, name, "function")
	if f := v.funcs[name]; f != nil && f.Sync {
		v.errorf(p, "%q is a plain def (sync): toThread runs it in a worker thread, and an exit stack's sync methods (pushExit or pushCallback with \"sync\": true) call it", name)
		return
	}
	if !v.noArguments(p, name) {
		return
	}
	if f := v.funcs[name]; f != nil && f.ExitParams != exitParams {
		if exitParams {
			v.errorf(p, "%q must take (exc_type, exc, tb): set exitParams", name)
		} else {
			v.errorf(p, "%q takes (exc_type, exc, tb); it can only be pushed with pushExit", name)
		}
	}
}

var awaitingKinds = map[StmtKind]bool{SSleep: true, SWith: true, SGather: true, SAwait: true, SCall: true,
	SEnterContext: true, SCreateTask: true, SCancel: true, SAssign: true, SPushExit: true, SPushCallback: true, SYield: true,
	SToThread: true, SShield: true, SWaitFor: true, SAsyncFor: true, SCondWait: true, SWait: true, SReschedule: true,
	SPopAll: true, SAclose: true}

func (v *validator) stmt(p string, s *Stmt, depth int, inExcept bool) {
	s.id = v.id()
	v.stmts++
	if v.plain != "" && awaitingKinds[s.Kind] && !(s.Kind == SWith && s.Sync) {
		v.errorf(p, "a %s statement cannot appear in %s", s.Kind, v.plain)
	}
	if v.inThread && !threadKinds[s.Kind] && !(s.Kind == SIfException && v.vars["exc_type"]) {
		v.errorf(p, "a %s statement cannot appear in a plain def, which cannot await (it may hold %s)", s.Kind, threadKindNames)
	}
	switch s.Kind {
	case SPrint:
		v.text(v.join(p, "print"), s.Text)
		parts, err := parseTemplate(s.Text)
		if err != nil {
			v.errorf(v.join(p, "print"), "%v", err)
		}
		s.tmpl = parts
		for _, part := range parts {
			if part.field != "" {
				v.varRef(v.join(p, "print"), part.field)
				v.attrsOf(v.join(p, "print"), "{"+part.src+"}", part)
				if part.field == "tb" {
					v.errorf(v.join(p, "print"), "a traceback prints with a memory address; print exc_type or exc instead")
				}
			}
		}
	case SSleep, SBlock:
		v.duration(v.join(p, string(s.Kind)), s.Seconds)
	case SRaise:
		c, ok := LookupExcClass(s.Raise.Type)
		if !ok || !raisableClass(c) {
			v.errorf(v.join(p, "raise.type"), "expected one of %s; got %q", strings.Join(raisableNames(), ", "), s.Raise.Type)
		}
		v.text(v.join(p, "raise.message"), s.Raise.Message)
		if s.Raise.From != "" {
			v.varRef(v.join(p, "raise.from"), s.Raise.From)
		}
	case SReraise:
		if !inExcept {
			v.errorf(p, "a bare raise belongs inside an except block")
		}
	case SReturn:
		v.leavesExceptStar(p, s)
		if v.inGen && s.HasValue {
			v.errorf(v.join(p, "return"), "an async generator cannot return a value (a SyntaxError in Python); use a bare return (null)")
		}
		v.expr(v.join(p, "return"), s.Value)
	case SYield:
		if !v.inGen {
			v.errorf(p, "yield belongs only in a generator manager's body")
		}
		v.hasYield = true
		v.expr(v.join(p, "yield"), s.Value)
	case SPass:
	case SWith:
		d := depth
		for i, it := range s.Items {
			ip := v.idx(v.join(p, "with.items"), i)
			v.withItem(ip, it)
			d++
		}
		if d > maxBlockNesting {
			v.errorf(v.join(p, "with"), "blocks nested %d deep; CPython compiles at most %d (use an AsyncExitStack for many managers)", d, maxBlockNesting)
			return
		}
		v.block(v.join(p, "with.body"), s.Body, d, inExcept)
	case STry:
		if len(s.Handlers) == 0 && !s.HasFinally {
			v.errorf(v.join(p, "try"), "expected at least one except clause or a finally block")
		}
		// CPython's compiler counts up to three blocks for a handler body
		// inside try/except/finally.
		if depth+3 > maxBlockNesting {
			v.errorf(v.join(p, "try"), "blocks nested too deep; CPython compiles at most %d", maxBlockNesting)
			return
		}
		v.block(v.join(p, "try.body"), s.Body, depth+1, inExcept)
		for i, h := range s.Handlers {
			hp := v.starPath(p, s, i)
			h.id = v.id()
			if len(h.Types) == 0 && i != len(s.Handlers)-1 && !s.Star {
				v.errorf(hp, "a bare except must be the last clause")
			}
			if len(h.Types) == 0 && h.As != "" {
				v.errorf(v.join(hp, "as"), "a bare except cannot bind a name (except as e: is a SyntaxError); give types, such as [\"BaseException\"]")
			}
			for j, t := range h.Types {
				if _, ok := LookupExcClass(t); !ok {
					v.errorf(v.idx(v.join(hp, "types"), j), "unknown exception class %q", t)
				}
			}
			v.target(v.join(hp, "as"), h.As)
			leave := v.enterHandler(hp, s, h)
			v.block(v.join(hp, "body"), h.Body, depth+3, true)
			leave()
		}
		v.block(v.join(p, "try.finally"), s.Finally, depth+3, inExcept)
	case SGather:
		if len(s.Ext().Awaitables) == 0 {
			v.errorf(v.join(p, "gather.awaitables"), "expected at least one awaitable")
		}
		for i, a := range s.Ext().Awaitables {
			ap := v.idx(v.join(p, "gather.awaitables"), i)
			if a.Call != "" {
				v.function(v.join(ap, "call"), a.Call, false)
			} else {
				v.varRef(v.join(ap, "task"), a.Task)
			}
		}
		v.target(v.join(p, "gather.as"), s.As)
	case SCreateTask:
		v.function(v.join(p, "createTask.call"), s.Func, false)
		v.target(v.join(p, "createTask.as"), s.As)
		if s.Ext().Group != "" {
			v.varRef(v.join(p, "createTask.group"), s.Ext().Group)
		}
	case SAwait:
		v.varRef(v.join(p, "await.task"), s.Task)
		v.target(v.join(p, "await.as"), s.As)
	case SCancel:
		v.varRef(v.join(p, "cancel.task"), s.Task)
		if s.Delayed {
			v.duration(v.join(p, "cancel.after"), s.Seconds)
		}
		if s.HasMessage {
			v.text(v.join(p, "cancel.message"), s.Text)
		}
	case SCall:
		v.function(v.join(p, "call.function"), s.Func, false)
		v.sameStack(s.Func)
		if s.Func == "main" {
			v.errorf(v.join(p, "call.function"), "main cannot be called again")
		}
		v.target(v.join(p, "call.as"), s.As)
	case SAssign:
		v.ref(v.join(p, "assign.manager"), s.Manager, "manager")
		v.args(v.join(p, "assign.args"), s.Manager, s.Ext().Args)
		v.sameStack(s.Manager)
		v.target(v.join(p, "assign.name"), s.As)
		if s.As == "" {
			v.errorf(v.join(p, "assign.name"), "required field is missing")
		}
	case SEnterContext:
		v.varRef(v.join(p, "enterContext.stack"), s.Stack)
		v.ref(v.join(p, "enterContext.manager"), s.Manager, "manager")
		v.args(v.join(p, "enterContext.args"), s.Manager, s.Ext().Args)
		v.sameStack(s.Manager)
		v.target(v.join(p, "enterContext.as"), s.As)
	case SIfException:
		if !v.vars["exc_type"] {
			v.errorf(p, "ifException belongs in exit code that receives exc_type: a class's aexit or an exitParams function")
		}
		if depth+1 > maxBlockNesting {
			v.errorf(v.join(p, "ifException"), "blocks nested too deep; this tool allows %d", maxBlockNesting)
			return
		}
		v.block(v.join(p, "ifException.then"), s.Body, depth+1, inExcept)
		v.block(v.join(p, "ifException.else"), s.Else, depth+1, inExcept)
	case SPushExit, SPushCallback:
		v.push(p, s)
	case SAsyncFor:
		if s.Manager != "" {
			v.asyncGenRef(v.join(p, "asyncFor.gen"), s.Manager)
			v.sameStack(s.Manager)
		} else if v.varRef(v.join(p, "asyncFor.use"), s.Ext().Use); !v.closers[s.Ext().Use] {
			v.errorf(v.join(p, "asyncFor.use"), "%q is not bound by an aclosing item in %s: iterate a fresh call with gen, or the target of async with aclosing(...)", s.Ext().Use, v.owner)
		}
		v.target(v.join(p, "asyncFor.as"), s.As)
		if depth+1 > maxBlockNesting {
			v.errorf(v.join(p, "asyncFor"), "blocks nested too deep; CPython compiles at most %d", maxBlockNesting)
			return
		}
		v.loops++
		v.block(v.join(p, "asyncFor.body"), s.Body, depth+1, inExcept)
		v.loops--
	case SIf, SFor, SWhile:
		v.validateControl(p, s, depth, inExcept)
	case SSetAttr:
		v.validateSetAttr(p, s)
	case SBreak, SContinue:
		if v.loops == 0 {
			v.errorf(p, "%s belongs inside a for, a while or an async for", s.Kind)
		} else {
			v.leavesExceptStar(p, s)
		}
	case SShield, SWaitFor:
		k := string(s.Kind)
		if s.Func != "" {
			v.function(v.join(p, k+".call"), s.Func, false)
			if s.Func == "main" {
				v.errorf(v.join(p, k+".call"), "main cannot be called again")
			}
			if s.Kind == SWaitFor {
				v.sameStack(s.Func) // from 3.12 it runs in the caller's task
			}
		} else {
			v.varRef(v.join(p, k+".task"), s.Task)
		}
		if s.Kind == SWaitFor && !s.NoTimeout {
			if s.Seconds == 0 {
				v.errorf(v.join(p, "waitFor.timeout"), "a timeout of 0 takes another path in wait_for that this tool does not follow; give a number of seconds from 0.001 to 86400, or null")
			} else {
				v.duration(v.join(p, "waitFor.timeout"), s.Seconds)
			}
		}
		v.target(v.join(p, k+".as"), s.As)
	case SCondWait, SNotify, SNotifyAll:
		v.condStmt(p, s)
	case SWait:
		v.waitStmt(p, s)
	case SUncancel, SCurrentTask:
		v.taskStmt(p, s)
	case SToThread:
		v.ref(v.join(p, "toThread.function"), s.Func, "function")
		if f := v.funcs[s.Func]; f != nil && !f.Sync {
			v.errorf(v.join(p, "toThread.function"), "%q is an async def; to_thread runs a plain function in a worker thread (give it \"sync\": true)", s.Func)
		}
		v.noArguments(v.join(p, "toThread.function"), s.Func)
		v.target(v.join(p, "toThread.as"), s.As)
	case SAddNote:
		v.addNote(p, s)
	case SReschedule:
		v.reschedule(p, s)
	case SPopAll, SAclose:
		v.stackMethod(p, s)
	default:
		v.errorf(p, "unknown statement %q", s.Kind)
	}
}

func (v *validator) expr(p string, e Expr) {
	switch e.Kind {
	case EStr:
		v.text(p, e.Str)
	case EVar:
		v.varRef(p, e.Var)
	}
}

func (v *validator) withItem(p string, it *WithItem) {
	it.id = v.id()
	n := 0
	if it.Manager != "" {
		n++
		v.ref(v.join(p, "manager"), it.Manager, "manager")
		v.sameStack(it.Manager)
		v.args(v.join(p, "args"), it.Manager, it.Args)
	} else if it.Args != nil {
		v.errorf(v.join(p, "args"), "only a manager item takes args ({\"manager\": NAME, \"args\": [...]})")
	}
	if it.Use != "" {
		n++
		v.varRef(v.join(p, "use"), it.Use)
	}
	for _, k := range libKinds {
		if k.in(it) {
			n++
			if k.validate != nil {
				k.validate(v, v.join(p, k.field), it)
			}
		}
	}
	if n != 1 {
		v.errorf(p, "expected exactly one of %s; got %d", strings.Join(withItemSources, ", "), n)
	}
	v.target(v.join(p, "as"), it.As)
}

// checkRecursion refuses call cycles: the engine, like Python, would
// recurse without end.
func (v *validator) checkRecursion() {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var visit func(n string) bool
	visit = func(n string) bool {
		color[n] = grey
		stack = append(stack, n)
		for _, m := range v.calls[n] {
			switch color[m] {
			case grey:
				i := len(stack) - 1
				for stack[i] != m {
					i--
				}
				v.errorf("", "endless recursion: %s -> %s", strings.Join(stack[i:], " -> "), m)
				return false
			case white:
				if !visit(m) {
					return false
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[n] = black
		return true
	}
	for _, name := range sortedKeys(v.defs) {
		if color[name] == white && !visit(name) {
			return
		}
	}
	// A reference of the wrong kind ({"manager": "main"}) is refused but
	// still noted on the stack, where it may close a cycle the calls do
	// not have: measure only a scenario without errors.
	if len(v.errs) == 0 {
		v.checkDepth()
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

func raisableNames() []string {
	var out []string
	for name, c := range excClasses {
		if raisableClass(c) && c != unboundLocalErrorClass {
			out = append(out, name)
		}
	}
	sortStrings(out)
	return out
}

// paramNames are the parameters of exit code; a target may rebind them,
// but a definition of that name would be shadowed by them.
var paramNames = map[string]bool{"self": true, "exc_type": true, "exc": true, "tb": true}

// reservedName reports names a definition may not take: the program's
// parameters, the exception classes it may raise or catch, and __debug__.
func reservedName(name string) bool {
	if paramNames[name] || name == "__debug__" || strings.HasPrefix(name, "__") {
		return true
	}
	_, isExc := excClasses[name]
	return isExc
}

// quotedKinds lists kinds for a message: "lock", "semaphore", ...
func quotedKinds(ks []SharedKind) string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(out, ", ")
}
