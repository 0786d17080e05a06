package sim

import (
	"fmt"
	"strconv"
	"strings"
)

// Render writes a scenario as a runnable Python 3.11 program. Run under
// CPython it prints exactly the Result.Stdout the engine predicts.
func Render(sc *Scenario) string {
	src, _ := renderWithLines(sc)
	return src
}

type renderer struct {
	b     strings.Builder
	line  int
	lines map[int]int
	// sleepNote is the comment on time.sleep in the function being
	// written: what it blocks (see sleepNote).
	sleepNote string
	uses      usage
}

func renderWithLines(sc *Scenario) (string, map[int]int) {
	r := &renderer{line: 1, lines: map[int]int{}}
	r.program(sc)
	return r.b.String(), r.lines
}

func (r *renderer) emit(indent int, s string) {
	r.b.WriteString(strings.Repeat("    ", indent))
	r.b.WriteString(s)
	r.b.WriteByte('\n')
	r.line++
}

func (r *renderer) blank() { r.b.WriteByte('\n'); r.line++ }

func (r *renderer) mark(id int) {
	if id != 0 {
		r.lines[id] = r.line
	}
}

func (r *renderer) program(sc *Scenario) {
	uses := markRepr(sc)
	r.uses = uses
	r.emit(0, "import asyncio")
	if uses.block {
		r.emit(0, "import time")
	}
	var from []string
	for _, k := range libKinds {
		if k.contextlib != "" && uses.contextlib[k.contextlib] {
			from = append(from, k.contextlib)
		}
	}
	if uses.generator {
		from = append(from, "asynccontextmanager")
	}
	if len(from) > 0 {
		r.emit(0, "from contextlib import "+strings.Join(from, ", "))
	}
	if len(sc.Shared) > 0 {
		r.blank()
		for _, d := range sc.Shared {
			r.emit(0, d.Name+" = "+d.source())
		}
	}
	for _, m := range sc.Managers {
		r.blank()
		r.blank()
		r.manager(m)
	}
	var mainFn *FuncDef
	for _, f := range sc.Functions {
		if f.Name == "main" {
			mainFn = f
			continue
		}
		r.blank()
		r.blank()
		r.function(f)
	}
	if mainFn != nil {
		r.blank()
		r.blank()
		r.function(mainFn)
	}
	r.blank()
	r.blank()
	r.emit(0, "asyncio.run(main())")
}

type usage struct {
	block, generator, fields bool
	contextlib               map[string]bool // names the program imports from contextlib
	escapes                  map[string]bool // classes whose instances reach a variable

	// threaded and onLoop are the plain defs that toThread statements run
	// in worker threads, and those an exit stack calls on the loop.
	threaded, onLoop map[string]bool
}

func scanUses(sc *Scenario) usage {
	u := usage{contextlib: map[string]bool{}, escapes: map[string]bool{}, threaded: map[string]bool{}, onLoop: map[string]bool{}}
	var walk func([]*Stmt)
	walk = func(stmts []*Stmt) {
		for _, s := range stmts {
			switch s.Kind {
			case SBlock:
				u.block = true
			case SPrint:
				if strings.Contains(strings.ReplaceAll(s.Text, "{{", ""), "{") {
					u.fields = true
				}
			case SAssign:
				u.escapes[s.Manager] = true
			case SToThread:
				u.threaded[s.Func] = true
			case SPushExit, SPushCallback:
				if s.Sync && s.Func != "" {
					u.onLoop[s.Func] = true
				}
			}
			for _, it := range s.Items {
				for _, k := range libKinds {
					if k.in(it) && k.contextlib != "" {
						u.contextlib[k.contextlib] = true
					}
				}
			}
			walk(s.Body)
			walk(s.Finally)
			walk(s.Else)
			for _, h := range s.Handlers {
				walk(h.Body)
			}
		}
	}
	for _, m := range sc.Managers {
		if m.Kind == GeneratorManager {
			u.generator = true
		}
		if returnsSelf(m.Aenter) || printsSelf(m.Aenter) || printsSelf(m.Aexit) || printsSelf(m.Init) || passesSelf(m) {
			u.escapes[m.Name] = true
		}
		walk(m.Init)
		walk(m.Aenter)
		walk(m.Aexit)
		walk(m.Body)
	}
	for _, f := range sc.Functions {
		walk(f.Body)
	}
	return u
}

func (r *renderer) manager(m *ManagerDef) {
	r.mark(m.id)
	switch m.Kind {
	case GeneratorManager:
		r.emit(0, "@asynccontextmanager")
		r.emit(0, "async def "+m.Name+"("+strings.Join(m.Params, ", ")+"):")
		r.block(1, m.Body)
		return
	case AsyncGenFunction:
		r.emit(0, "async def "+m.Name+"():")
		r.block(1, m.Body)
		return
	}
	r.emit(0, "class "+m.Name+":")
	first := true
	// method writes a method: its lines of plain Python, then its body.
	method := func(header string, lines []string, body []*Stmt) {
		if !first {
			r.blank()
		}
		first = false
		r.emit(1, header)
		for _, l := range lines {
			r.emit(2, l)
		}
		if len(lines) == 0 || len(body) > 0 {
			r.block(2, body)
		}
	}
	if m.hasCtor() {
		method(initHeader(m), initLines(m), m.Init)
	}
	if m.withRepr {
		method("def __repr__(self):", []string{"return " + reprSource(m)}, nil)
	}
	enter, exit := "async def __aenter__(self):", "async def __aexit__(self, exc_type, exc, tb):"
	switch m.Protocol {
	case SyncProtocol:
		enter, exit = "def __enter__(self):", "def __exit__(self, exc_type, exc, tb):"
	case TypoProtocol:
		enter, exit = "async def _aenter_(self):", "async def _aexit_(self, exc_type, exc, tb):"
	case MissingAexit:
		exit = ""
	case MissingAenter:
		enter = ""
	}
	if enter != "" {
		method(enter, nil, m.Aenter)
	}
	if exit != "" {
		method(exit, nil, m.Aexit)
	}
}

func (r *renderer) function(f *FuncDef) {
	if d := f.Decorator; d != nil {
		r.mark(d.id)
		r.emit(0, "@"+callSource(d.Manager, d.Args))
	}
	r.mark(f.id)
	params := strings.Join(f.Params, ", ")
	if f.ExitParams {
		params = "exc_type, exc, tb"
	}
	if f.Sync {
		r.emit(0, "def "+f.Name+"("+params+"):")
		r.sleepNote = r.uses.sleepNote(f.Name)
		r.block(1, f.Body)
		r.sleepNote = ""
		return
	}
	r.emit(0, "async def "+f.Name+"("+params+"):")
	r.block(1, f.Body)
}

func (r *renderer) block(indent int, stmts []*Stmt) {
	if len(stmts) == 0 {
		r.emit(indent, "pass")
		return
	}
	for _, s := range stmts {
		r.stmt(indent, s)
	}
}

func pyExpr(e Expr) string {
	switch e.Kind {
	case EStr:
		return pyStrLiteral(e.Str)
	case EBool:
		if e.Bool {
			return "True"
		}
		return "False"
	case EVar:
		return e.Var
	case EInt:
		return strconv.FormatInt(e.Int, 10)
	}
	return "None"
}

// pyStrLiteral writes s as a double-quoted Python string literal.
func pyStrLiteral(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func printCall(text string) string {
	if strings.Contains(strings.ReplaceAll(text, "{{", ""), "{") {
		return "print(f" + pyStrLiteral(text) + ")"
	}
	plain := strings.NewReplacer("{{", "{", "}}", "}").Replace(text)
	return "print(" + pyStrLiteral(plain) + ")"
}

func excName(name string) string {
	c, ok := LookupExcClass(name)
	if !ok {
		return name
	}
	return c.QualName()
}

func assignPrefix(as string) string {
	if as == "" {
		return ""
	}
	return as + " = "
}

func (r *renderer) stmt(ind int, s *Stmt) {
	r.mark(s.id)
	switch s.Kind {
	case SPass:
		r.emit(ind, "pass")
	case SPrint:
		r.emit(ind, printCall(s.Text))
	case SSleep:
		r.emit(ind, "await asyncio.sleep("+pyFloat(s.Seconds)+")")
	case SBlock:
		note := r.sleepNote
		if note == "" {
			note = "blocks the whole event loop"
		}
		r.emit(ind, "time.sleep("+pyFloat(s.Seconds)+")  # "+note)
	case SRaise:
		line := "raise " + excName(s.Raise.Type)
		if !s.Raise.NoMessage {
			line += "(" + pyStrLiteral(s.Raise.Message) + ")"
		}
		switch {
		case s.Raise.HasFrom && s.Raise.From == "":
			line += " from None"
		case s.Raise.HasFrom:
			line += " from " + s.Raise.From
		}
		r.emit(ind, line)
	case SReraise:
		r.emit(ind, "raise")
	case SReturn:
		if s.HasValue {
			r.emit(ind, "return "+pyExpr(s.Value))
		} else {
			r.emit(ind, "return")
		}
	case SYield:
		if s.Value.Kind == ENone {
			r.emit(ind, "yield")
		} else {
			r.emit(ind, "yield "+pyExpr(s.Value))
		}
	case SWith:
		items := make([]string, len(s.Items))
		for i, it := range s.Items {
			r.mark(it.id)
			items[i] = withItemSource(it)
		}
		kw := "async with "
		if s.Sync {
			kw = "with "
		}
		r.emit(ind, kw+strings.Join(items, ", ")+":")
		r.block(ind+1, s.Body)
	case STry:
		r.emit(ind, "try:")
		r.block(ind+1, s.Body)
		for _, h := range s.Handlers {
			r.mark(h.id)
			line := exceptKeyword(s)
			if len(h.Types) == 1 {
				line += " " + excName(h.Types[0])
			} else if len(h.Types) > 1 {
				names := make([]string, len(h.Types))
				for i, t := range h.Types {
					names[i] = excName(t)
				}
				line += " (" + strings.Join(names, ", ") + ")"
			}
			if h.As != "" {
				line += " as " + h.As
			}
			r.emit(ind, line+":")
			r.block(ind+1, h.Body)
		}
		if s.HasFinally {
			r.emit(ind, "finally:")
			r.block(ind+1, s.Finally)
		}
	case SGather:
		args := make([]string, 0, len(s.Ext().Awaitables)+1)
		for _, a := range s.Ext().Awaitables {
			if a.Call != "" {
				args = append(args, a.Call+"()")
			} else {
				args = append(args, a.Task)
			}
		}
		if s.ReturnExceptions {
			args = append(args, "return_exceptions=True")
		}
		r.emit(ind, assignPrefix(s.As)+"await asyncio.gather("+strings.Join(args, ", ")+")")
	case SCreateTask:
		owner := "asyncio"
		if s.Ext().Group != "" {
			owner = s.Ext().Group
		}
		r.emit(ind, assignPrefix(s.As)+owner+".create_task("+s.Func+"())")
	case SAwait:
		r.emit(ind, assignPrefix(s.As)+"await "+s.Task)
	case SCancel:
		msg := ""
		if s.HasMessage {
			msg = pyStrLiteral(s.Text)
		}
		switch {
		case s.Delayed && s.HasMessage:
			r.emit(ind, fmt.Sprintf("asyncio.get_running_loop().call_later(%s, %s.cancel, %s)", pyFloat(s.Seconds), s.Task, msg))
		case s.Delayed:
			r.emit(ind, fmt.Sprintf("asyncio.get_running_loop().call_later(%s, %s.cancel)", pyFloat(s.Seconds), s.Task))
		default:
			r.emit(ind, s.Task+".cancel("+msg+")")
		}
	case SCall:
		r.emit(ind, assignPrefix(s.As)+"await "+s.Func+"()")
	case SAssign:
		r.emit(ind, s.As+" = "+callSource(s.Manager, s.Ext().Args))
	case SEnterContext:
		if s.Sync {
			r.emit(ind, assignPrefix(s.As)+s.Stack+".enter_context("+callSource(s.Manager, s.Ext().Args)+")")
		} else {
			r.emit(ind, assignPrefix(s.As)+"await "+s.Stack+".enter_async_context("+callSource(s.Manager, s.Ext().Args)+")")
		}
	case SIfException:
		r.emit(ind, "if exc_type is not None:")
		r.block(ind+1, s.Body)
		if len(s.Else) > 0 {
			r.emit(ind, "else:")
			r.block(ind+1, s.Else)
		}
	case SPushExit, SPushCallback:
		r.emit(ind, pushSource(s))
	case SAddNote:
		r.emit(ind, addNoteSource(s))
	case SAsyncFor:
		target, src := s.As, s.Ext().Use
		if target == "" {
			target = "_"
		}
		if s.Manager != "" {
			src = s.Manager + "()"
		}
		r.emit(ind, "async for "+target+" in "+src+":")
		r.block(ind+1, s.Body)
	case SIf, SFor, SWhile:
		r.renderControl(ind, s)
	case SSetAttr:
		r.emit(ind, "self."+s.Ext().Attr+" = "+pyExpr(s.Value))
	case SBreak:
		r.emit(ind, "break")
	case SContinue:
		r.emit(ind, "continue")
	case SShield:
		r.emit(ind, assignPrefix(s.As)+"await asyncio.shield("+awaitableArg(s)+")")
	case SWaitFor:
		timeout := "None"
		if !s.NoTimeout {
			timeout = pyFloat(s.Seconds)
		}
		r.emit(ind, assignPrefix(s.As)+"await asyncio.wait_for("+awaitableArg(s)+", "+timeout+")")
	case SCondWait, SNotify, SNotifyAll:
		r.emit(ind, condSource(s))
	case SWait:
		r.emit(ind, waitSource(s.Ext().Wait))
	case SUncancel, SCurrentTask:
		r.emit(ind, taskStmtSource(s))
	case SReschedule:
		r.emit(ind, rescheduleSource(s))
	case SPopAll, SAclose:
		r.emit(ind, stackMethodSource(s))
	case SToThread:
		if s.Executor {
			r.emit(ind, assignPrefix(s.As)+"await asyncio.get_running_loop().run_in_executor(None, "+s.Func+")")
		} else {
			r.emit(ind, assignPrefix(s.As)+"await asyncio.to_thread("+s.Func+")")
		}
	}
}

// Source is the with item as the rendered program writes it:
// "Database()", "asyncio.timeout(2)", "lock", each with its " as x".
func (it *WithItem) Source() string { return withItemSource(it) }

func withItemSource(it *WithItem) string {
	var src string
	switch k := it.libKind(); {
	case it.Manager != "":
		src = callSource(it.Manager, it.Args)
	case it.Use != "":
		src = it.Use
	case k != nil:
		src = k.source(it)
	}
	if it.As != "" {
		src += " as " + it.As
	}
	return src
}

func returnsSelf(stmts []*Stmt) bool {
	return anyStmt(stmts, func(s *Stmt) bool {
		return (s.Kind == SReturn || s.Kind == SYield) && s.Value.Kind == EVar && s.Value.Var == "self"
	})
}

// anyStmt reports whether f holds for a statement of stmts or of the
// blocks nested in them.
func anyStmt(stmts []*Stmt, f func(*Stmt) bool) bool {
	for _, s := range stmts {
		if f(s) || anyStmt(s.Body, f) || anyStmt(s.Finally, f) || anyStmt(s.Else, f) {
			return true
		}
		for _, h := range s.Handlers {
			if anyStmt(h.Body, f) {
				return true
			}
		}
	}
	return false
}

// lineNumbers maps node ids to rendered lines, indexed by id.
func lineNumbers(sc *Scenario) []int32 {
	_, m := renderWithLines(sc)
	maxID := 0
	for id := range m {
		maxID = max(maxID, id)
	}
	out := make([]int32, maxID+1)
	for id, l := range m {
		out[id] = int32(l)
	}
	return out
}

// markRepr decides which classes get a __repr__ (ManagerDef.withRepr):
// those whose instances can reach a print, when the scenario prints any
// value at all. The engine shows such instances as Name(); others have
// CPython's default repr, with a memory address.
func markRepr(sc *Scenario) usage {
	uses := scanUses(sc)
	for _, m := range sc.Managers {
		m.withRepr = m.Kind == ClassManager && uses.fields && uses.escapes[m.Name]
	}
	return uses
}

func printsSelf(stmts []*Stmt) bool {
	return anyStmt(stmts, func(s *Stmt) bool {
		return s.Kind == SPrint && (strings.Contains(s.Text, "{self}") || strings.Contains(s.Text, "{self!r}"))
	})
}

// awaitableArg is the argument of shield or wait_for: "f()" or "t".
func awaitableArg(s *Stmt) string {
	if s.Func != "" {
		return s.Func + "()"
	}
	return s.Task
}
