package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"asyncwithlab/sim"
)

// MaxDesignBytes bounds a design's JSON: a full design (twenty tasks of ten
// managers, every fault set) takes about 60 KB.
const MaxDesignBytes = 256 << 10

// DesignError lists every problem DecodeDesign found, each at a field path
// such as tasks[1].managers[0].enterSleep.
type DesignError struct {
	Errors []sim.FieldError
}

// Error lists the problems, one a line.
func (e *DesignError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		msgs[i] = fe.Error()
	}
	return strings.Join(msgs, "\n")
}

// Encode writes the design as compact JSON for a share link. A fault's
// type is kept only for a raise, so that a design the form cycled through
// several kinds encodes the same as one set directly; a duration JSON
// cannot hold (NaN, infinite), which no form produces, is written as 0.
func (d Design) Encode() []byte {
	c := d.Clone()
	finite := func(f *float64) {
		if math.IsNaN(*f) || math.IsInf(*f, 0) {
			*f = 0
		}
	}
	for ti := range c.Tasks {
		t := &c.Tasks[ti]
		t.Body = t.Body.normal()
		finite(&t.BodySleep)
		for mi := range t.Managers {
			m := &t.Managers[mi]
			m.EnterStart, m.EnterEnd, m.Exit = m.EnterStart.normal(), m.EnterEnd.normal(), m.Exit.normal()
			finite(&m.EnterSleep)
			finite(&m.ExitSleep)
			finite(&m.Timeout)
		}
	}
	// Strings, bools, finite numbers, slices and structs cannot fail.
	data, _ := json.Marshal(c)
	return data
}

// normal drops the type of a fault that raises nothing.
func (f Fault) normal() Fault {
	if f.Kind != FaultRaise {
		f.Type = ""
	}
	return f
}

// DecodeDesign reads a design from JSON. It is strict, because a share
// link may have been edited or cut short: unknown fields, wrong types,
// unknown choices and out-of-range numbers are all reported, each with its
// field path and what was expected. Combinations that are valid JSON but
// make no sense in Python are Build's business, not errors here.
func DecodeDesign(data []byte) (Design, error) {
	if len(data) > MaxDesignBytes {
		return Design{}, &DesignError{[]sim.FieldError{{Msg: fmt.Sprintf("design is %d bytes; the limit is %d", len(data), MaxDesignBytes)}}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return Design{}, &DesignError{[]sim.FieldError{{Msg: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}}}
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return Design{}, &DesignError{[]sim.FieldError{{Msg: "unexpected data after the design object"}}}
	}
	r := &reader{}
	d := r.design(raw)
	if len(r.errs) > 0 {
		return Design{}, &DesignError{r.errs}
	}
	return d, nil
}

// reader walks decoded JSON, collecting errors rather than stopping at the
// first, so that the learner sees everything wrong with a link at once.
type reader struct{ errs []sim.FieldError }

const maxErrors = 50

func (r *reader) errorf(path, format string, args ...any) {
	if len(r.errs) < maxErrors {
		r.errs = append(r.errs, sim.FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
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

func field(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// object checks that v is an object holding only the allowed keys.
func (r *reader) object(path string, v any, allowed ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		r.errorf(path, "expected an object, got %s", jsonType(v))
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			r.errorf(field(path, k), "unknown field (expected one of: %s)", strings.Join(allowed, ", "))
		}
	}
	return m
}

func (r *reader) array(path string, v any) []any {
	a, ok := v.([]any)
	if !ok {
		r.errorf(path, "expected an array, got %s", jsonType(v))
	}
	return a
}

func (r *reader) boolean(m map[string]any, path, key string) bool {
	v, ok := m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.errorf(field(path, key), "expected true or false, got %s", jsonType(v))
	}
	return b
}

// duration reads an optional number of seconds: 0, or minSleep..MaxSleep.
func (r *reader) duration(m map[string]any, path, key string) float64 {
	v, ok := m[key]
	if !ok {
		return 0
	}
	p := field(path, key)
	n, ok := v.(json.Number)
	if !ok {
		r.errorf(p, "expected a number of seconds, got %s", jsonType(v))
		return 0
	}
	f, err := n.Float64()
	if err != nil || !validDuration(f) {
		r.errorf(p, "expected 0 or a number of seconds from %v to %v, got %s", minSleep, MaxSleep, n)
		return 0
	}
	return f
}

func validDuration(f float64) bool {
	return !math.IsNaN(f) && (f == 0 || (f >= minSleep && f <= MaxSleep))
}

// choice reads a string that must be one of values.
func choice[T ~string](r *reader, m map[string]any, path, key string, required bool, values []T) T {
	v, ok := m[key]
	p := field(path, key)
	if !ok {
		if required {
			r.errorf(p, "required field is missing (expected one of %s)", quoted(values))
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr || !slices.Contains(values, T(s)) {
		got := jsonType(v)
		if isStr {
			got = fmt.Sprintf("%q", s)
		}
		r.errorf(p, "expected one of %s, got %s", quoted(values), got)
		return ""
	}
	return T(s)
}

func quoted[T ~string](values []T) string {
	var parts []string
	for _, v := range values {
		if v != "" {
			parts = append(parts, fmt.Sprintf("%q", string(v)))
		}
	}
	return strings.Join(parts, ", ")
}

func (r *reader) design(v any) Design {
	m := r.object("", v, "runner", "tasks")
	if m == nil {
		return Design{}
	}
	d := Design{Runner: choice(r, m, "", "runner", true, Runners)}
	tv, ok := m["tasks"]
	if !ok {
		r.errorf("tasks", "required field is missing (expected an array of %d to %d tasks)", MinTasks, MaxTasks)
		return d
	}
	tasks := r.array("tasks", tv)
	if tasks != nil && (len(tasks) < MinTasks || len(tasks) > MaxTasks) {
		r.errorf("tasks", "expected %d to %d tasks, got %d", MinTasks, MaxTasks, len(tasks))
		return d
	}
	for i, t := range tasks {
		d.Tasks = append(d.Tasks, r.task(fmt.Sprintf("tasks[%d]", i), t))
	}
	return d
}

func (r *reader) task(path string, v any) TaskDesign {
	m := r.object(path, v, "managers", "bodySleep", "body")
	if m == nil {
		return TaskDesign{}
	}
	t := TaskDesign{BodySleep: r.duration(m, path, "bodySleep"), Body: r.fault(m, path, "body")}
	if mv, ok := m["managers"]; ok {
		p := field(path, "managers")
		ms := r.array(p, mv)
		if len(ms) > MaxManagers {
			r.errorf(p, "expected at most %d managers, got %d", MaxManagers, len(ms))
			return t
		}
		for i, mv := range ms {
			t.Managers = append(t.Managers, r.manager(fmt.Sprintf("%s[%d]", p, i), mv))
		}
	}
	return t
}

func (r *reader) manager(path string, v any) ManagerDesign {
	m := r.object(path, v, "kind", "enterSleep", "exitSleep", "blocking", "finally", "timeout", "enterStart", "enterEnd", "exit")
	if m == nil {
		return ManagerDesign{}
	}
	return ManagerDesign{
		Kind:       choice(r, m, path, "kind", true, ManagerKinds),
		EnterSleep: r.duration(m, path, "enterSleep"),
		ExitSleep:  r.duration(m, path, "exitSleep"),
		Blocking:   r.boolean(m, path, "blocking"),
		Finally:    r.boolean(m, path, "finally"),
		Timeout:    r.duration(m, path, "timeout"),
		EnterStart: r.fault(m, path, "enterStart"),
		EnterEnd:   r.fault(m, path, "enterEnd"),
		Exit:       r.fault(m, path, "exit"),
	}
}

// faultKindNames are the spellings a fault's kind may take in JSON:
// "none" stands for FaultNone, which Encode leaves out.
var faultKindNames = []FaultKind{"none", FaultRaise, FaultCancel, FaultTimeout, FaultSuppress}

func (r *reader) fault(m map[string]any, path, key string) Fault {
	v, ok := m[key]
	if !ok {
		return Fault{}
	}
	p := field(path, key)
	fm := r.object(p, v, "kind", "type")
	if fm == nil {
		return Fault{}
	}
	f := Fault{Kind: choice(r, fm, p, "kind", true, faultKindNames)}
	if f.Kind == "none" {
		f.Kind = FaultNone
	}
	_, hasType := fm["type"]
	switch {
	case f.Kind == FaultRaise:
		f.Type = choice(r, fm, p, "type", true, ExcTypes)
	case hasType:
		r.errorf(field(p, "type"), "unexpected: only a fault of kind \"raise\" has an exception type")
	}
	return f
}
