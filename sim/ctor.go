package sim

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file gives managers state, the way course documents write them:
// Connection(host, port). A class manager may have a constructor — its
// ManagerDef.Params, each stored as an attribute by __init__, then its
// Init body — and a generator manager parameters, the locals of its body.
// A with item, an assign and an enterContext pass the arguments (Args);
// print fields read the attributes ({self.host}, {c.host}).
//
// CPython evaluates "Connection(a, b)" before anything of the with
// statement runs: should __init__ raise, no object is bound, __aenter__
// is never looked up and __aexit__ never runs; the exception leaves from
// the with line. The trace says manager.init when __init__'s own code
// starts, then manager.created once it returned — or manager.init-raised:
// manager.created is only for an object that was made.

// hasCtor reports whether a class manager defines __init__.
func (m *ManagerDef) hasCtor() bool {
	return m.Kind == ClassManager && (len(m.Params) > 0 || len(m.Init) > 0)
}

// stateCM is an instance of a class with a constructor: a classCM with
// the attributes its __init__ stored, in the order of its Params. The
// classes without one stay a plain classCM, which costs no allocation.
type stateCM struct {
	classCM
	attrs []Value
	// failed: __init__ raised, so no manager was made.
	failed bool
}

// pyRepr is the rendered __repr__ (Name(repr(attr), ...)), when the class
// has one and every attribute's repr can be shown.
func (s *stateCM) pyRepr() (string, bool) {
	if !s.def.withRepr {
		return "", false
	}
	var b []byte
	if !s.appendRepr(&b) || len(b) > maxReprLen {
		return "", false
	}
	return string(b), true
}

// appendRepr writes the repr into b; appendRepr of value.go calls it so
// that attributes holding instances holding instances share one bounded
// buffer.
func (s *stateCM) appendRepr(b *[]byte) bool {
	*b = append(*b, s.def.Name...)
	*b = append(*b, '(')
	ok := true
	for i, v := range s.attrs {
		if i > 0 {
			*b = append(*b, ", "...)
		}
		ok = appendRepr(b, v) && ok
	}
	*b = append(*b, ')')
	return ok
}

// unmade reports whether the instance's __init__ raised: the object never
// became a manager, so it has no ledger entry.
func (inst *instance) unmade() bool {
	s, ok := inst.mgr.(*stateCM)
	return ok && s.failed
}

// refs are the values an instance keeps alive: its attributes, or the
// arguments a generator manager holds.
func (inst *instance) refs() []Value {
	if len(inst.set) > 0 {
		out := make([]Value, 0, len(inst.set)+4)
		if st, ok := inst.mgr.(*stateCM); ok {
			out = append(out, st.attrs...)
		}
		for _, v := range inst.set {
			out = append(out, v)
		}
		return out
	}
	switch m := inst.mgr.(type) {
	case *stateCM:
		return m.attrs
	case *asyncGenCM:
		if !m.gen.finished {
			return m.gen.args
		}
	}
	return nil
}

// evalArgs evaluates a call's arguments, left to right.
func (x *exec) evalArgs(args []Expr, node int) ([]Value, flow) {
	if len(args) == 0 {
		return nil, normal
	}
	vals := make([]Value, len(args))
	for i, a := range args {
		v, fl := x.eval(a, node)
		if fl.kind == flowExc {
			return nil, fl
		}
		vals[i] = v
	}
	return vals, normal
}

// bindParams binds a function's parameters to the arguments it got.
func bindParams(vs *vars, names []string, vals []Value) {
	for i, n := range names {
		if i < len(vals) {
			vs.set(n, vals[i])
		}
	}
}

// initInstance calls a class that defines __init__: the object is made,
// __init__ stores the arguments as attributes and runs its Init body.
func (x *exec) initInstance(def *ManagerDef, args []Value, node int) (*instance, flow) {
	st := &stateCM{classCM: classCM{def: def}, attrs: args}
	inst := x.e.newInstance(def.Name, def, st)
	if len(def.Init) > 0 {
		x.e.emit(evt{kind: InitStarted, inst: inst, node: int32(node)})
		f := x.newFrame("__init__", hookNone, inst, nil)
		x.push(f)
		f.vars.set("self", inst)
		bindParams(&f.vars, def.Params, args)
		if fl := x.pop(f, x.execBlock(def.Init)); fl.kind == flowExc {
			st.failed = true
			x.e.emit(evt{kind: InitRaised, inst: inst, exc: fl.exc, node: int32(node)})
			return nil, fl
		}
	}
	x.e.emit(evt{kind: ManagerCreated, inst: inst, text: "__init__ ran", node: int32(node)})
	return inst, normal
}

// attr is v.name in a print field: an attribute a constructor stored, or
// CPython's AttributeError.
func (x *exec) attr(v Value, name string, node int) (Value, flow) {
	if inst, ok := v.(*instance); ok {
		if st, ok := inst.mgr.(*stateCM); ok {
			for i, p := range st.def.Params {
				if p == name {
					return st.attrs[i], normal
				}
			}
		}
		if a, ok := inst.set[name]; ok {
			return a, normal
		}
	}
	return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, name), node)
}

// isAttrName reports whether a print field may name the attribute: an
// identifier without a leading underscore (dunders are the exception
// fields of fstring.go).
func isAttrName(a string) bool { return isIdent(a) && !strings.HasPrefix(a, "_") }

// builtinAttrs are the public attributes of the values a scenario can
// hold besides its own managers: str, int, bool, None, list, set,
// exceptions and exception groups, exception classes and type,
// asyncio.Task, Timeout, TaskGroup, Lock, Semaphore, BoundedSemaphore,
// Condition, AsyncExitStack, nullcontext and
// _AsyncGeneratorContextManager — dir() of each under
// CPython 3.11, 3.12 and 3.13, names without a leading underscore. A
// class parameter may not take one of these names: the engine knows no
// attribute but those its constructors store, so {x.NAME} must mean an
// AttributeError on every value that is not such an instance.
var builtinAttrs = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`aclose acquire add_done_callback add_note append args as_integer_ratio
		bit_count bit_length callback cancel cancelled cancelling capitalize casefold center clear conjugate
		copy count create_task denominator derive done encode endswith enter_async_context enter_context
		enter_result exception exceptions expandtabs expired extend find format format_map from_bytes func
		gen get_context get_coro get_loop get_name get_stack imag index insert is_integer isalnum isalpha
		isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join
		kwds ljust locked lower lstrip maketrans message mro numerator partition pop pop_all print_stack
		push push_async_callback push_async_exit real release remove remove_done_callback removeprefix
		removesuffix replace reschedule result reverse rfind rindex rjust rpartition rsplit rstrip
		set_exception set_name set_result sort split splitlines startswith strip subgroup swapcase title
		to_bytes translate uncancel upper when with_traceback zfill
		add difference difference_update discard intersection intersection_update isdisjoint issubset
		issuperset symmetric_difference symmetric_difference_update union update
		wait wait_for notify notify_all`) {
		m[n] = true
	}
	return m
}()

// The plain code a validator checks (validator.plain): it cannot await.
const (
	plainSync = "the plain methods of a sync protocol class"
	plainInit = "__init__, a plain method (def, not async def) that runs while the manager is made: it cannot await"
)

// indexManagers notes the definitions by name and the attributes the
// constructors store, before any body is checked.
func (v *validator) indexManagers() {
	v.mgrs = make(map[string]*ManagerDef, len(v.sc.Managers))
	v.attrs = map[string]bool{}
	for _, m := range v.sc.Managers {
		v.mgrs[m.Name] = m
		if m.Kind == ClassManager {
			for _, p := range m.Params {
				v.attrs[p] = true
			}
		}
	}
}

// ctor checks a definition's parameters and a class's __init__ body.
func (v *validator) ctor(p string, m *ManagerDef) {
	seen := make(map[string]bool, len(m.Params))
	class := m.Kind == ClassManager
	for i, name := range m.Params {
		pp := v.idx(v.join(p, "params"), i)
		switch {
		case !v.paramName(pp, name, seen):
		case class:
			v.attrName(pp, name)
		}
	}
	if !class {
		if len(m.Init) > 0 {
			v.errorf(v.join(p, "init"), "only a class has __init__; a generator manager's params are its function's parameters")
		}
		return
	}
	v.body(v.join(p, "init"), m.Name, m.Init, append([]string{"self"}, m.Params...), false, plainInit)
	if anyStmt(m.Init, func(s *Stmt) bool { return s.Kind == SReturn && s.HasValue }) {
		v.errorf(v.join(p, "init"), "__init__ must return None (CPython raises TypeError otherwise); use a bare return (null)")
	}
}

// attrName checks the name of an attribute a class stores.
func (v *validator) attrName(p, name string) {
	switch {
	case !isIdent(name):
		v.errorf(p, "expected a Python identifier, got %q", name)
	case strings.HasPrefix(name, "_"):
		v.errorf(p, "%q starts with _: the attribute would look private; choose a name without it", name)
	case builtinAttrs[name]:
		v.errorf(p, "%q is also an attribute of Python's own values (a str, an exception, a task...), so {x.%s} would read it there; choose another name", name, name)
	}
}

// args checks the arguments of a call of the manager definition named
// manager: one VALUE per parameter.
func (v *validator) args(p, manager string, args []Expr) {
	for i, a := range args {
		v.expr(v.idx(p, i), a)
	}
	v.argCount(p, manager, len(args))
}

// argCount checks that a call of manager passes n arguments, one per
// parameter.
func (v *validator) argCount(p, manager string, n int) {
	if m := v.mgrs[manager]; m != nil { // an unknown manager is reported by ref
		v.argCountOf(p, m.Name, m.Params, n)
	}
}

// paramName checks one parameter's name and notes it in seen; it reports
// whether the name is good.
func (v *validator) paramName(p, name string, seen map[string]bool) bool {
	dup := seen[name]
	seen[name] = true
	switch {
	case !isIdent(name) || reservedName(name):
		v.errorf(p, "expected a Python identifier that is not a keyword or a name the program uses (asyncio, time, print, exception classes, self, exc_type, exc, tb...), got %q", name)
	case dup:
		v.errorf(p, "duplicate parameter %q", name)
	case v.defs[name] != "":
		v.errorf(p, "%q would hide the %s of the same name", name, v.defs[name])
	default:
		return true
	}
	return false
}

// argCountOf checks that a call of name(params) passes n arguments.
func (v *validator) argCountOf(p, name string, params []string, n int) {
	if n == len(params) {
		return
	}
	takes := "no arguments"
	switch n := len(params); {
	case n == 1:
		takes = "1 argument"
	case n > 1:
		takes = fmt.Sprintf("%d arguments", n)
	}
	v.errorf(p, "%s(%s) takes %s; got %d", name, strings.Join(params, ", "), takes, n)
}

// attrsOf checks the attributes a print field or a test reads: each must be one a
// constructor or a setAttr stores (an exception's dunders aside).
//
// shown is the expression as the message quotes it: {c.host} in a
// print, c.host in a test.
func (v *validator) attrsOf(p, shown string, part tmplPart) {
	for _, a := range part.attrs {
		if fieldAttrs[a] || v.attrs[a] {
			continue
		}
		known := "no class manager has params or sets attributes"
		if len(v.attrs) > 0 {
			known = "the attributes stored are " + strings.Join(slices.Sorted(maps.Keys(v.attrs)), ", ")
		}
		hint := ""
		if taskMethods[a] {
			hint = fmt.Sprintf("; to call the task's method, write %s()", a)
		}
		v.errorf(p, "%s reads the attribute %q, which no class manager's __init__ or setAttr stores (%s)%s", shown, a, known, hint)
	}
}

// params reads a definition's "params": parameter names.
func (d *decoder) params(m map[string]any, path string) []string {
	return decodeList(d, m, path, "params", d.Str)
}

// args reads a call's "args": VALUEs; present but empty is an empty,
// non-nil list (Validate refuses args where no call takes them).
func (d *decoder) args(m map[string]any, path string) []Expr {
	return decodeList(d, m, path, "args", d.expr)
}

// decodeList reads m[key], an array, with read for each element: nil when
// the key is absent, never nil when it is there.
func decodeList[T any](d *decoder, m map[string]any, path, key string, read func(path string, v any) T) []T {
	v, ok := m[key]
	if !ok {
		return nil
	}
	p := jsonfield.Join(path, key)
	out := []T{}
	for i, e := range d.Array(p, v) {
		out = append(out, read(fmt.Sprintf("%s[%d]", p, i), e))
	}
	return out
}

// putArgs writes a call's arguments, when it has any.
func putArgs(o obj, args []Expr) {
	if len(args) == 0 {
		return
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = exprJSON(a)
	}
	o["args"] = out
}

// callSource is the Python of a call of a manager definition:
// Connection("db.example", port).
func callSource(name string, args []Expr) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = pyExpr(a)
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// initHeader is the class's def __init__(self, host, port): line.
func initHeader(m *ManagerDef) string {
	return "def __init__(" + strings.Join(append([]string{"self"}, m.Params...), ", ") + "):"
}

// initLines store the parameters: self.host = host.
func initLines(m *ManagerDef) []string {
	out := make([]string, len(m.Params))
	for i, p := range m.Params {
		out[i] = "self." + p + " = " + p
	}
	return out
}

// reprSource is what the rendered __repr__ returns: "Name()", or with
// parameters f"Name({self.host!r}, {self.port!r})" — what stateCM shows.
func reprSource(m *ManagerDef) string {
	if len(m.Params) == 0 {
		return pyStrLiteral(m.Name + "()")
	}
	fields := make([]string, len(m.Params))
	for i, p := range m.Params {
		fields[i] = "{self." + p + "!r}"
	}
	return "f" + pyStrLiteral(m.Name+"("+strings.Join(fields, ", ")+")")
}

// passesSelf reports whether the class's code passes self to a
// constructor, which may then show it (the class needs a __repr__).
func passesSelf(m *ManagerDef) bool {
	hasSelf := func(args []Expr) bool {
		for _, a := range args {
			if a.Kind == EVar && a.Var == "self" {
				return true
			}
		}
		return false
	}
	f := func(s *Stmt) bool {
		for _, it := range s.Items {
			if hasSelf(it.Args) {
				return true
			}
		}
		return hasSelf(s.Ext().Args)
	}
	return anyStmt(m.Init, f) || anyStmt(m.Aenter, f) || anyStmt(m.Aexit, f)
}
