package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// MaxScenarioBytes bounds the size of a scenario file.
const MaxScenarioBytes = 4 << 20

// FieldError is one problem in a scenario, at a JSON path such as
// functions[0].body[2].sleep.
type FieldError struct {
	Path string
	Msg  string
}

// Error is "path: message".
func (e FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

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
		return nil, &ScenarioError{[]FieldError{{"", fmt.Sprintf("scenario is %d bytes; the limit is %d", len(data), MaxScenarioBytes)}}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, &ScenarioError{[]FieldError{{"", jsonSyntaxMessage(data, err)}}}
	}
	if dec.More() {
		return nil, &ScenarioError{[]FieldError{{"", "unexpected data after the scenario object"}}}
	}
	d := &decoder{}
	sc := d.scenario(raw)
	if len(d.errs) > 0 {
		return nil, &ScenarioError{d.errs}
	}
	if err := Validate(sc); err != nil {
		return nil, err
	}
	return sc, nil
}

func jsonSyntaxMessage(data []byte, err error) string {
	var se *json.SyntaxError
	var off int64 = -1
	if errors.As(err, &se) {
		off = se.Offset
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		off = te.Offset
	}
	if off < 0 {
		return "invalid JSON: " + err.Error()
	}
	line, col := 1, 1
	for i := int64(0); i < off-1 && i < int64(len(data)); i++ { // Offset counts the bad byte
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, strings.TrimPrefix(err.Error(), "json: "))
}

type decoder struct{ errs []FieldError }

func (d *decoder) errorf(path, format string, args ...any) {
	if len(d.errs) < 100 {
		d.errs = append(d.errs, FieldError{path, fmt.Sprintf(format, args...)})
	}
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// object checks v is an object with only the allowed keys.
func (d *decoder) object(path string, v any, allowed ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		d.errorf(path, "expected an object, got %s", jsonType(v))
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		found := false
		for _, a := range allowed {
			if a == k {
				found = true
			}
		}
		if !found {
			d.errorf(join(path, k), "unknown field (expected one of: %s)", strings.Join(allowed, ", "))
		}
	}
	return m
}

func (d *decoder) str(path string, v any) string {
	s, ok := v.(string)
	if !ok {
		d.errorf(path, "expected a string, got %s", jsonType(v))
	}
	return s
}

func (d *decoder) optStr(m map[string]any, path, key string) string {
	if v, ok := m[key]; ok {
		return d.str(join(path, key), v)
	}
	return ""
}

func (d *decoder) reqStr(m map[string]any, path, key string) string {
	v, ok := m[key]
	if !ok {
		d.errorf(join(path, key), "required field is missing")
		return ""
	}
	return d.str(join(path, key), v)
}

func (d *decoder) boolean(path string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		d.errorf(path, "expected true or false, got %s", jsonType(v))
	}
	return b
}

func (d *decoder) optBool(m map[string]any, path, key string) bool {
	if v, ok := m[key]; ok {
		return d.boolean(join(path, key), v)
	}
	return false
}

func (d *decoder) number(path string, v any) float64 {
	n, ok := v.(json.Number)
	if !ok {
		d.errorf(path, "expected a number, got %s", jsonType(v))
		return 0
	}
	f, err := n.Float64()
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		d.errorf(path, "expected a finite number, got %s", n)
		return 0
	}
	return f
}

func (d *decoder) array(path string, v any) []any {
	a, ok := v.([]any)
	if !ok {
		d.errorf(path, "expected an array, got %s", jsonType(v))
	}
	return a
}

func (d *decoder) scenario(v any) *Scenario {
	m := d.object("", v, "version", "title", "description", "managers", "functions")
	if m == nil {
		return &Scenario{}
	}
	sc := &Scenario{}
	if ver, ok := m["version"]; !ok {
		d.errorf("version", "required field is missing (expected %d)", CurrentVersion)
	} else if f := d.number("version", ver); f != CurrentVersion {
		d.errorf("version", "expected %d, got %v (this program reads version %d scenarios)", CurrentVersion, ver, CurrentVersion)
	} else {
		sc.Version = CurrentVersion
	}
	sc.Title = d.optStr(m, "", "title")
	sc.Description = d.optStr(m, "", "description")
	if v, ok := m["managers"]; ok {
		for i, mv := range d.array("managers", v) {
			sc.Managers = append(sc.Managers, d.manager(fmt.Sprintf("managers[%d]", i), mv))
		}
	}
	if v, ok := m["functions"]; ok {
		for i, fv := range d.array("functions", v) {
			sc.Functions = append(sc.Functions, d.function(fmt.Sprintf("functions[%d]", i), fv))
		}
	} else {
		d.errorf("functions", "required field is missing (expected an array holding at least the function main)")
	}
	return sc
}

func (d *decoder) manager(path string, v any) *ManagerDef {
	m := d.object(path, v, "name", "kind", "protocol", "aenter", "aexit", "body")
	md := &ManagerDef{}
	if m == nil {
		return md
	}
	md.Name = d.reqStr(m, path, "name")
	md.Kind = ManagerKind(d.reqStr(m, path, "kind"))
	md.Protocol = Protocol(d.optStr(m, path, "protocol"))
	md.Aenter = d.block(m, path, "aenter")
	md.Aexit = d.block(m, path, "aexit")
	md.Body = d.block(m, path, "body")
	return md
}

func (d *decoder) function(path string, v any) *FuncDef {
	m := d.object(path, v, "name", "exitParams", "body")
	fd := &FuncDef{}
	if m == nil {
		return fd
	}
	fd.Name = d.reqStr(m, path, "name")
	fd.ExitParams = d.optBool(m, path, "exitParams")
	fd.Body = d.block(m, path, "body")
	return fd
}

func (d *decoder) block(m map[string]any, path, key string) []*Stmt {
	v, ok := m[key]
	if !ok {
		return nil
	}
	p := join(path, key)
	var out []*Stmt
	for i, sv := range d.array(p, v) {
		out = append(out, d.stmt(fmt.Sprintf("%s[%d]", p, i), sv))
	}
	return out
}

var stmtKinds = []string{"print", "sleep", "block", "raise", "reraise", "return", "yield", "pass", "with", "try",
	"gather", "createTask", "await", "cancel", "call", "assign", "enterContext", "pushExit", "pushCallback", "ifException"}

func (d *decoder) stmt(path string, v any) *Stmt {
	s := &Stmt{Kind: SPass}
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		got := jsonType(v)
		if ok {
			got = fmt.Sprintf("an object with %d fields", len(m))
		}
		d.errorf(path, "expected a statement: an object with one field, one of %s; got %s", strings.Join(stmtKinds, ", "), got)
		return s
	}
	var kind string
	var arg any
	for k, a := range m {
		kind, arg = k, a
	}
	p := join(path, kind)
	s.Kind = StmtKind(kind)
	switch s.Kind {
	case SPrint:
		s.Text = d.str(p, arg)
	case SSleep, SBlock:
		s.Seconds = d.number(p, arg)
	case SRaise:
		s.Raise = d.excSpec(p, arg)
	case SReraise, SPass:
		if b, ok := arg.(bool); !ok || !b {
			d.errorf(p, "expected true, got %s", jsonType(arg))
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
		w := d.object(p, arg, "items", "body", "sync")
		if w != nil {
			if iv, ok := w["items"]; ok {
				for i, it := range d.array(join(p, "items"), iv) {
					s.Items = append(s.Items, d.withItem(fmt.Sprintf("%s.items[%d]", p, i), it))
				}
			}
			if len(s.Items) == 0 {
				d.errorf(join(p, "items"), "expected at least one item")
			}
			s.Body = d.block(w, p, "body")
			s.Sync = d.optBool(w, p, "sync")
		}
	case STry:
		w := d.object(p, arg, "body", "except", "finally")
		if w != nil {
			s.Body = d.block(w, p, "body")
			if hv, ok := w["except"]; ok {
				for i, h := range d.array(join(p, "except"), hv) {
					s.Handlers = append(s.Handlers, d.handler(fmt.Sprintf("%s.except[%d]", p, i), h))
				}
			}
			if _, ok := w["finally"]; ok {
				s.HasFinally = true
				s.Finally = d.block(w, p, "finally")
			}
		}
	case SGather:
		w := d.object(p, arg, "awaitables", "returnExceptions", "as")
		if w != nil {
			if av, ok := w["awaitables"]; ok {
				for i, a := range d.array(join(p, "awaitables"), av) {
					s.Awaitables = append(s.Awaitables, d.awaitable(fmt.Sprintf("%s.awaitables[%d]", p, i), a))
				}
			} else {
				d.errorf(join(p, "awaitables"), "required field is missing")
			}
			s.ReturnExceptions = d.optBool(w, p, "returnExceptions")
			s.As = d.optStr(w, p, "as")
		}
	case SCreateTask:
		w := d.object(p, arg, "call", "as", "group")
		if w != nil {
			s.Func = d.reqStr(w, p, "call")
			s.As = d.optStr(w, p, "as")
			s.Group = d.optStr(w, p, "group")
		}
	case SAwait:
		if name, ok := arg.(string); ok {
			s.Task = name
		} else if w := d.object(p, arg, "task", "as"); w != nil {
			s.Task = d.reqStr(w, p, "task")
			s.As = d.optStr(w, p, "as")
		}
	case SCancel:
		if name, ok := arg.(string); ok {
			s.Task = name
		} else if w := d.object(p, arg, "task", "after"); w != nil {
			s.Task = d.reqStr(w, p, "task")
			if a, ok := w["after"]; ok {
				s.Delayed = true
				s.Seconds = d.number(join(p, "after"), a)
			}
		}
	case SCall:
		if name, ok := arg.(string); ok {
			s.Func = name
		} else if w := d.object(p, arg, "function", "as"); w != nil {
			s.Func = d.reqStr(w, p, "function")
			s.As = d.optStr(w, p, "as")
		}
	case SAssign:
		if w := d.object(p, arg, "name", "manager"); w != nil {
			s.As = d.reqStr(w, p, "name")
			s.Manager = d.reqStr(w, p, "manager")
		}
	case SEnterContext:
		if w := d.object(p, arg, "stack", "manager", "as"); w != nil {
			s.Stack = d.reqStr(w, p, "stack")
			s.Manager = d.reqStr(w, p, "manager")
			s.As = d.optStr(w, p, "as")
		}
	case SIfException:
		if w := d.object(p, arg, "then", "else"); w != nil {
			s.Body = d.block(w, p, "then")
			s.Else = d.block(w, p, "else")
		}
	case SPushExit, SPushCallback:
		if w := d.object(p, arg, "stack", "function"); w != nil {
			s.Stack = d.reqStr(w, p, "stack")
			s.Func = d.reqStr(w, p, "function")
		}
	default:
		d.errorf(path, "unknown statement %q (expected one of %s)", kind, strings.Join(stmtKinds, ", "))
		s.Kind = SPass
	}
	return s
}

func (d *decoder) excSpec(path string, v any) *ExcSpec {
	if name, ok := v.(string); ok {
		return &ExcSpec{Type: name, NoMessage: true}
	}
	m := d.object(path, v, "type", "message")
	if m == nil {
		return &ExcSpec{Type: "Exception", NoMessage: true}
	}
	es := &ExcSpec{Type: d.reqStr(m, path, "type")}
	if mv, ok := m["message"]; ok {
		es.Message = d.str(join(path, "message"), mv)
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
	case map[string]any:
		if _, ok := v["none"]; ok {
			d.object(path, v, "none")
			return Expr{Kind: ENone}
		}
		m := d.object(path, v, "var")
		return Expr{Kind: EVar, Var: d.reqStr(m, path, "var")}
	}
	d.errorf(path, "expected a value: a string, true/false, {\"var\": name} or {\"none\": true}; got %s", jsonType(v))
	return Expr{}
}

func (d *decoder) withItem(path string, v any) *WithItem {
	if name, ok := v.(string); ok {
		return &WithItem{Manager: name}
	}
	m := d.object(path, v, "manager", "use", "timeout", "exitStack", "taskGroup", "as")
	it := &WithItem{}
	if m == nil {
		return it
	}
	it.Manager = d.optStr(m, path, "manager")
	it.Use = d.optStr(m, path, "use")
	if t, ok := m["timeout"]; ok {
		f := d.number(join(path, "timeout"), t)
		it.Timeout = &f
	}
	it.ExitStack = d.optBool(m, path, "exitStack")
	it.TaskGroup = d.optBool(m, path, "taskGroup")
	it.As = d.optStr(m, path, "as")
	return it
}

func (d *decoder) handler(path string, v any) *Handler {
	m := d.object(path, v, "types", "as", "body")
	h := &Handler{}
	if m == nil {
		return h
	}
	if tv, ok := m["types"]; ok {
		for i, t := range d.array(join(path, "types"), tv) {
			h.Types = append(h.Types, d.str(fmt.Sprintf("%s.types[%d]", path, i), t))
		}
	}
	h.As = d.optStr(m, path, "as")
	h.Body = d.block(m, path, "body")
	return h
}

func (d *decoder) awaitable(path string, v any) Awaitable {
	if name, ok := v.(string); ok {
		return Awaitable{Call: name}
	}
	m := d.object(path, v, "call", "task")
	if m == nil {
		return Awaitable{}
	}
	a := Awaitable{Call: d.optStr(m, path, "call"), Task: d.optStr(m, path, "task")}
	if (a.Call == "") == (a.Task == "") {
		d.errorf(path, "expected exactly one of call (a function name) or task (a task variable)")
	}
	return a
}
