package sim

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"asyncwithlab/sim/internal/jsonfield"
)

// MaxScenarioBytes bounds the size of a scenario file.
const MaxScenarioBytes = 4 << 20

// FieldError is one problem in a scenario, at a JSON path such as
// functions[0].body[2].sleep; its Error is "path: message".
type FieldError = jsonfield.Error

// ScenarioError lists every problem found in a scenario.
type ScenarioError struct {
	Errors []FieldError
}

// Error lists the problems, one a line.
func (e *ScenarioError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		msgs[i] = fe.Error()
	}
	return strings.Join(msgs, "\n")
}

// Decode reads a scenario from JSON and validates it. Every problem is
// reported at once, each with the path of the field and what was expected.
func Decode(data []byte) (*Scenario, error) {
	if len(data) > MaxScenarioBytes {
		return nil, &ScenarioError{[]FieldError{{Msg: fmt.Sprintf("scenario is %d bytes; the limit is %d", len(data), MaxScenarioBytes)}}}
	}
	raw, perr := jsonfield.Parse(data, "scenario")
	if perr != nil {
		return nil, &ScenarioError{[]FieldError{*perr}}
	}
	d := newDecoder()
	sc := d.scenario(raw)
	if len(d.Errs) > 0 {
		return nil, &ScenarioError{d.Errs}
	}
	if err := Validate(sc); err != nil {
		return nil, err
	}
	return sc, nil
}

// decoder reads a scenario or the catalog; the problems it finds are kept
// in its Reader.
type decoder struct{ jsonfield.Reader }

// newDecoder reports at most 100 problems.
func newDecoder() *decoder { return &decoder{jsonfield.Reader{Max: 100}} }

func (d *decoder) optBool(m map[string]any, path, key string) bool {
	if v, ok := m[key]; ok {
		return d.Bool(jsonfield.Join(path, key), v)
	}
	return false
}

func (d *decoder) number(path string, v any) float64 {
	n, ok := v.(json.Number)
	if !ok {
		d.Errorf(path, "expected a number, got %s", jsonfield.TypeOf(v))
		return 0
	}
	f, err := n.Float64()
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		d.Errorf(path, "expected a finite number, got %s", n)
		return 0
	}
	return f
}

func (d *decoder) scenario(v any) *Scenario {
	m := d.Object("", v, "version", "python", "title", "description", "shared", "managers", "functions")
	if m == nil {
		return &Scenario{}
	}
	sc := &Scenario{}
	if ver, ok := m["version"]; !ok {
		d.Errorf("version", "required field is missing (expected %d)", CurrentVersion)
	} else if n, isNum := ver.(json.Number); !isNum {
		d.Errorf("version", "expected the number %d, got %s", CurrentVersion, jsonfield.TypeOf(ver))
	} else if f := d.number("version", n); f != CurrentVersion {
		d.Errorf("version", "expected %d, got %v (this program reads version %d scenarios)", CurrentVersion, n, CurrentVersion)
	} else {
		sc.Version = CurrentVersion
	}
	if n, isNum := m["python"].(json.Number); isNum {
		// A version is a string: as a number, 3.10 would read as 3.1.
		d.Errorf("python", "expected a string such as %q, got the number %s (write it in quotes)", DefaultPython, n)
	} else {
		sc.Python = d.OptStr(m, "", "python")
	}
	if msg := checkPython(sc.Python); msg != "" {
		d.Errorf("python", "%s", msg)
	}
	sc.Title = d.OptStr(m, "", "title")
	sc.Description = d.OptStr(m, "", "description")
	if v, ok := m["shared"]; ok {
		for i, sv := range d.Array("shared", v) {
			sc.Shared = append(sc.Shared, d.shared(fmt.Sprintf("shared[%d]", i), sv))
		}
	}
	if v, ok := m["managers"]; ok {
		for i, mv := range d.Array("managers", v) {
			sc.Managers = append(sc.Managers, d.manager(fmt.Sprintf("managers[%d]", i), mv))
		}
	}
	if v, ok := m["functions"]; ok {
		for i, fv := range d.Array("functions", v) {
			sc.Functions = append(sc.Functions, d.function(fmt.Sprintf("functions[%d]", i), fv))
		}
	} else {
		d.Errorf("functions", "required field is missing (expected an array holding at least the function main)")
	}
	return sc
}

func (d *decoder) shared(path string, v any) *SharedDef {
	m := d.Object(path, v, "name", "kind", "value", "lock")
	sd := &SharedDef{}
	if m == nil {
		return sd
	}
	sd.Name = d.ReqStr(m, path, "name")
	sd.Kind = SharedKind(d.ReqStr(m, path, "kind"))
	if vv, ok := m["value"]; ok {
		n := int(d.number(jsonfield.Join(path, "value"), vv))
		sd.Value = &n
	}
	sd.Lock = d.OptStr(m, path, "lock")
	return sd
}

func (d *decoder) manager(path string, v any) *ManagerDef {
	m := d.Object(path, v, "name", "kind", "protocol", "params", "init", "aenter", "aexit", "body")
	md := &ManagerDef{}
	if m == nil {
		return md
	}
	md.Name = d.ReqStr(m, path, "name")
	md.Kind = ManagerKind(d.ReqStr(m, path, "kind"))
	md.Protocol = Protocol(d.OptStr(m, path, "protocol"))
	md.Params = d.params(m, path)
	md.Init = d.block(m, path, "init")
	md.Aenter = d.block(m, path, "aenter")
	md.Aexit = d.block(m, path, "aexit")
	md.Body = d.block(m, path, "body")
	return md
}

func (d *decoder) function(path string, v any) *FuncDef {
	m := d.Object(path, v, "name", "exitParams", "sync", "params", "decorator", "body")
	fd := &FuncDef{}
	if m == nil {
		return fd
	}
	fd.Name = d.ReqStr(m, path, "name")
	fd.ExitParams = d.optBool(m, path, "exitParams")
	fd.Sync = d.optBool(m, path, "sync")
	fd.Params = d.params(m, path)
	fd.Decorator = d.decorator(m, path)
	fd.Body = d.block(m, path, "body")
	return fd
}

func (d *decoder) block(m map[string]any, path, key string) []*Stmt {
	v, ok := m[key]
	if !ok {
		return nil
	}
	p := jsonfield.Join(path, key)
	var out []*Stmt
	for i, sv := range d.Array(p, v) {
		out = append(out, d.stmt(fmt.Sprintf("%s[%d]", p, i), sv))
	}
	return out
}

var stmtKinds = []string{"print", "sleep", "block", "raise", "reraise", "return", "yield", "pass", "with", "try",
	"gather", "createTask", "await", "cancel", "call", "assign", "enterContext", "pushExit", "pushCallback", "ifException", "toThread", "shield", "waitFor",
	"asyncFor", "break", "continue", "if", "for", "while", "setAttr", "condWait", "notify", "notifyAll", "wait", "uncancel", "currentTask", "addNote",
	"reschedule", "popAll", "aclose"}

func (d *decoder) stmt(path string, v any) *Stmt {
	s := &Stmt{Kind: SPass}
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		got := jsonfield.TypeOf(v)
		if ok {
			got = fmt.Sprintf("an object with %d fields", len(m))
		}
		d.Errorf(path, "expected a statement: an object with one field, one of %s; got %s", strings.Join(stmtKinds, ", "), got)
		return s
	}
	var kind string
	var arg any
	for k, a := range m {
		kind, arg = k, a
	}
	p := jsonfield.Join(path, kind)
	s.Kind = StmtKind(kind)
	switch s.Kind {
	case SPrint:
		s.Text = d.Str(p, arg)
	case SSleep, SBlock:
		s.Seconds = d.number(p, arg)
	case SRaise:
		s.Raise = d.excSpec(p, arg)
	case SReraise, SPass, SBreak, SContinue:
		if b, ok := arg.(bool); !ok {
			d.Errorf(p, "expected true, got %s", jsonfield.TypeOf(arg))
		} else if !b {
			d.Errorf(p, "expected true, got false (the statement is there or not: leave it out instead)")
		}
	case SReturn:
		if arg != nil {
			s.HasValue = true
			s.Value = d.expr(p, arg)
		}
	case SYield:
		if arg != nil {
			s.Value = d.expr(p, arg)
		}
	case SWith:
		w := d.Object(p, arg, "items", "body", "sync")
		if w != nil {
			if iv, ok := w["items"]; ok {
				for i, it := range d.Array(jsonfield.Join(p, "items"), iv) {
					s.Items = append(s.Items, d.withItem(fmt.Sprintf("%s.items[%d]", p, i), it))
				}
			}
			if len(s.Items) == 0 {
				d.Errorf(jsonfield.Join(p, "items"), "expected at least one item")
			}
			s.Body = d.block(w, p, "body")
			s.Sync = d.optBool(w, p, "sync")
		}
	case STry:
		w := d.Object(p, arg, "body", "except", "exceptStar", "finally")
		if w != nil {
			s.Body = d.block(w, p, "body")
			key := d.handlersKey(p, w, s)
			if hv, ok := w[key]; ok {
				for i, h := range d.Array(jsonfield.Join(p, key), hv) {
					s.Handlers = append(s.Handlers, d.handler(fmt.Sprintf("%s.%s[%d]", p, key, i), h))
				}
			}
			if _, ok := w["finally"]; ok {
				s.HasFinally = true
				s.Finally = d.block(w, p, "finally")
			}
		}
	case SGather:
		w := d.Object(p, arg, "awaitables", "returnExceptions", "as")
		if w != nil {
			if av, ok := w["awaitables"]; ok {
				for i, a := range d.Array(jsonfield.Join(p, "awaitables"), av) {
					s.setExtra().Awaitables = append(s.Ext().Awaitables, d.awaitable(fmt.Sprintf("%s.awaitables[%d]", p, i), a))
				}
			} else {
				d.Errorf(jsonfield.Join(p, "awaitables"), "required field is missing")
			}
			s.ReturnExceptions = d.optBool(w, p, "returnExceptions")
			s.As = d.OptStr(w, p, "as")
		}
	case SCreateTask:
		w := d.Object(p, arg, "call", "as", "group")
		if w != nil {
			s.Func = d.ReqStr(w, p, "call")
			s.As = d.OptStr(w, p, "as")
			if g := d.OptStr(w, p, "group"); g != "" {
				s.setExtra().Group = g
			}
		}
	case SAwait, SUncancel:
		if name, ok := arg.(string); ok {
			s.Task = name
		} else if w := d.Object(p, arg, "task", "as"); w != nil {
			s.Task = d.ReqStr(w, p, "task")
			s.As = d.OptStr(w, p, "as")
		}
	case SCancel:
		if name, ok := arg.(string); ok {
			s.Task = name
		} else if w := d.Object(p, arg, "task", "after", "message"); w != nil {
			s.Task = d.ReqStr(w, p, "task")
			if a, ok := w["after"]; ok {
				s.Delayed = true
				s.Seconds = d.number(jsonfield.Join(p, "after"), a)
			}
			if m, ok := w["message"]; ok {
				s.HasMessage = true
				s.Text = d.Str(jsonfield.Join(p, "message"), m)
			}
		}
	case SCall:
		if name, ok := arg.(string); ok {
			s.Func = name
		} else if w := d.Object(p, arg, "function", "as"); w != nil {
			s.Func = d.ReqStr(w, p, "function")
			s.As = d.OptStr(w, p, "as")
		}
	case SAssign:
		if w := d.Object(p, arg, "name", "manager", "args"); w != nil {
			s.As = d.ReqStr(w, p, "name")
			s.Manager = d.ReqStr(w, p, "manager")
			if args := d.args(w, p); args != nil {
				s.setExtra().Args = args
			}
		}
	case SEnterContext:
		if w := d.Object(p, arg, "stack", "manager", "args", "as", "sync"); w != nil {
			s.Stack = d.ReqStr(w, p, "stack")
			s.Manager = d.ReqStr(w, p, "manager")
			if args := d.args(w, p); args != nil {
				s.setExtra().Args = args
			}
			s.As = d.OptStr(w, p, "as")
			s.Sync = d.optBool(w, p, "sync")
		}
	case SIfException:
		if w := d.Object(p, arg, "then", "else"); w != nil {
			s.Body = d.block(w, p, "then")
			s.Else = d.block(w, p, "else")
		}
	case SToThread:
		if name, ok := arg.(string); ok {
			s.Func = name
		} else if w := d.Object(p, arg, "function", "as", "executor"); w != nil {
			s.Func = d.ReqStr(w, p, "function")
			s.As = d.OptStr(w, p, "as")
			s.Executor = d.optBool(w, p, "executor")
		}
	case SSetAttr:
		d.decodeSetAttr(p, arg, s)
	case SIf:
		d.decodeIf(p, arg, s)
	case SFor:
		d.decodeFor(p, arg, s)
	case SWhile:
		d.decodeWhile(p, arg, s)
	case SAsyncFor:
		if w := d.Object(p, arg, "gen", "use", "as", "body"); w != nil {
			s.Manager = d.OptStr(w, p, "gen")
			s.setExtra().Use = d.OptStr(w, p, "use")
			if (s.Manager == "") == (s.Ext().Use == "") {
				d.Errorf(p, "expected exactly one of gen (an async generator function, called afresh) or use (a variable an aclosing item bound)")
			}
			s.As = d.OptStr(w, p, "as")
			s.Body = d.block(w, p, "body")
		}
	case SShield:
		if w := d.Object(p, arg, "call", "task", "as"); w != nil {
			d.callOrTask(p, w, s)
		}
	case SWaitFor:
		if w := d.Object(p, arg, "call", "task", "timeout", "as"); w != nil {
			d.callOrTask(p, w, s)
			switch tv, ok := w["timeout"]; {
			case !ok:
				d.Errorf(jsonfield.Join(p, "timeout"), "required field is missing (a number of seconds, or null for None)")
			case tv == nil:
				s.NoTimeout = true
			default:
				s.Seconds = d.number(jsonfield.Join(p, "timeout"), tv)
			}
		}
	case SCondWait, SNotify, SNotifyAll:
		d.condStmt(p, arg, s)
	case SWait:
		d.waitStmt(p, arg, s)
	case SCurrentTask:
		s.As = d.Str(p, arg)
	case SAddNote:
		d.addNote(p, arg, s)
	case SPushExit, SPushCallback:
		d.push(p, arg, s)
	case SReschedule:
		d.reschedule(p, arg, s)
	case SPopAll, SAclose:
		d.stackMethod(p, arg, s)
	default:
		d.Errorf(path, "unknown statement %q (expected one of %s)", kind, strings.Join(stmtKinds, ", "))
		s.Kind = SPass
	}
	return s
}

func (d *decoder) excSpec(path string, v any) *ExcSpec {
	if name, ok := v.(string); ok {
		return &ExcSpec{Type: name, NoMessage: true}
	}
	m := d.Object(path, v, "type", "message", "from")
	if m == nil {
		return &ExcSpec{Type: "Exception", NoMessage: true}
	}
	es := &ExcSpec{Type: d.ReqStr(m, path, "type")}
	if fv, ok := m["from"]; ok {
		es.HasFrom = true
		if fv != nil {
			es.From = d.Str(jsonfield.Join(path, "from"), fv)
		}
	}
	if mv, ok := m["message"]; ok {
		es.Message = d.Str(jsonfield.Join(path, "message"), mv)
	} else {
		es.NoMessage = true
	}
	return es
}

func (d *decoder) expr(path string, v any) Expr {
	switch v := v.(type) {
	case string:
		return Expr{Kind: EStr, Str: v}
	case bool:
		return Expr{Kind: EBool, Bool: v}
	case json.Number:
		n, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			d.Errorf(path, "expected a whole number from %d to %d (no fraction or exponent), got %s", int64(math.MinInt64), int64(math.MaxInt64), v)
		}
		return Expr{Kind: EInt, Int: n}
	case map[string]any:
		if _, ok := v["none"]; ok {
			d.Object(path, v, "none")
			return Expr{Kind: ENone}
		}
		m := d.Object(path, v, "var")
		return Expr{Kind: EVar, Var: d.ReqStr(m, path, "var")}
	}
	d.Errorf(path, "expected a value: a string, true/false, a whole number, {\"var\": name} or {\"none\": true}; got %s", jsonfield.TypeOf(v))
	return Expr{}
}

func (d *decoder) withItem(path string, v any) *WithItem {
	if name, ok := v.(string); ok {
		return &WithItem{Manager: name}
	}
	m := d.Object(path, v, withItemFields...)
	it := &WithItem{}
	if m == nil {
		return it
	}
	it.Manager = d.OptStr(m, path, "manager")
	it.Use = d.OptStr(m, path, "use")
	for _, k := range libKinds {
		if fv, ok := m[k.field]; ok {
			k.decode(d, jsonfield.Join(path, k.field), fv, it)
		}
	}
	it.Args = d.args(m, path)
	it.As = d.OptStr(m, path, "as")
	return it
}

func (d *decoder) handler(path string, v any) *Handler {
	m := d.Object(path, v, "types", "as", "body")
	h := &Handler{}
	if m == nil {
		return h
	}
	if tv, ok := m["types"]; ok {
		for i, t := range d.Array(jsonfield.Join(path, "types"), tv) {
			h.Types = append(h.Types, d.Str(fmt.Sprintf("%s.types[%d]", path, i), t))
		}
	}
	h.As = d.OptStr(m, path, "as")
	h.Body = d.block(m, path, "body")
	return h
}

func (d *decoder) awaitable(path string, v any) Awaitable {
	if name, ok := v.(string); ok {
		return Awaitable{Call: name}
	}
	m := d.Object(path, v, "call", "task")
	if m == nil {
		return Awaitable{}
	}
	a := Awaitable{Call: d.OptStr(m, path, "call"), Task: d.OptStr(m, path, "task")}
	if (a.Call == "") == (a.Task == "") {
		d.Errorf(path, "expected exactly one of call (a function name) or task (a task variable)")
	}
	return a
}

// callOrTask reads the awaitable of shield and wait_for: "call" (a fresh
// call of a function) or "task" (a task variable), and "as".
func (d *decoder) callOrTask(p string, w map[string]any, s *Stmt) {
	s.Func = d.OptStr(w, p, "call")
	s.Task = d.OptStr(w, p, "task")
	if (s.Func == "") == (s.Task == "") {
		d.Errorf(p, "expected exactly one of call (a function name) or task (a task variable)")
	}
	s.As = d.OptStr(w, p, "as")
}
