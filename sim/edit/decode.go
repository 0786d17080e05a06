package edit

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"asyncwithlab/sim"
	"asyncwithlab/sim/internal/jsonfield"
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
// several kinds encodes the same as one set directly; the semaphore's
// places are left out when they are the default; a duration JSON cannot
// hold (NaN, infinite), which no form produces, is written as 0.
func (d Design) Encode() []byte {
	c := d.Clone()
	if c.Places == DefaultPlaces {
		c.Places = 0
	}
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
	raw, perr := jsonfield.Parse(data, "design")
	if perr != nil {
		return Design{}, &DesignError{[]sim.FieldError{*perr}}
	}
	r := &reader{jsonfield.Reader{Max: maxErrors}}
	d := r.design(raw)
	if len(r.Errs) > 0 {
		return Design{}, &DesignError{r.Errs}
	}
	return d, nil
}

// reader walks decoded JSON, collecting errors rather than stopping at the
// first, so that the learner sees everything wrong with a link at once.
type reader struct{ jsonfield.Reader }

// maxErrors bounds the problems a design reports.
const maxErrors = 50

func (r *reader) boolean(m map[string]any, path, key string) bool {
	v, ok := m[key]
	if !ok {
		return false
	}
	return r.Bool(jsonfield.Join(path, key), v)
}

// duration reads an optional number of seconds: 0, or minSleep..MaxSleep.
func (r *reader) duration(m map[string]any, path, key string) float64 {
	v, ok := m[key]
	if !ok {
		return 0
	}
	p := jsonfield.Join(path, key)
	n, ok := v.(json.Number)
	if !ok {
		r.Errorf(p, "expected a number of seconds, got %s", jsonfield.TypeOf(v))
		return 0
	}
	f, err := n.Float64()
	if err != nil || !validDuration(f) {
		r.Errorf(p, "expected 0 or a number of seconds from %v to %v, got %s", minSleep, MaxSleep, n)
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
	p := jsonfield.Join(path, key)
	if !ok {
		if required {
			r.Errorf(p, "required field is missing (expected one of %s)", quoted(values))
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr || !slices.Contains(values, T(s)) {
		got := jsonfield.TypeOf(v)
		if isStr {
			got = fmt.Sprintf("%q", s)
		}
		r.Errorf(p, "expected one of %s, got %s", quoted(values), got)
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
	m := r.Object("", v, "runner", "tasks", "places")
	if m == nil {
		return Design{}
	}
	d := Design{Runner: choice(r, m, "", "runner", true, Runners), Places: r.places(m)}
	tv, ok := m["tasks"]
	if !ok {
		r.Errorf("tasks", "required field is missing (expected an array of %d to %d tasks)", MinTasks, MaxTasks)
		return d
	}
	tasks := r.Array("tasks", tv)
	if tasks != nil && (len(tasks) < MinTasks || len(tasks) > MaxTasks) {
		r.Errorf("tasks", "expected %d to %d tasks, got %d", MinTasks, MaxTasks, len(tasks))
		return d
	}
	for i, t := range tasks {
		d.Tasks = append(d.Tasks, r.task(fmt.Sprintf("tasks[%d]", i), t))
	}
	return d
}

// places reads the shared semaphore's optional number of places: a whole
// number from 1 to MaxPlaces (0 when absent, for the default).
func (r *reader) places(m map[string]any) int {
	v, ok := m["places"]
	if !ok {
		return 0
	}
	n, isNum := v.(json.Number)
	i, err := n.Int64()
	if !isNum || err != nil || i < 1 || i > MaxPlaces {
		got := jsonfield.TypeOf(v)
		if isNum {
			got = n.String()
		}
		r.Errorf("places", "expected the semaphore's number of places, a whole number from 1 to %d, got %s", MaxPlaces, got)
		return 0
	}
	return int(i)
}

func (r *reader) task(path string, v any) TaskDesign {
	m := r.Object(path, v, "managers", "bodySleep", "body")
	if m == nil {
		return TaskDesign{}
	}
	t := TaskDesign{BodySleep: r.duration(m, path, "bodySleep"), Body: r.fault(m, path, "body")}
	if mv, ok := m["managers"]; ok {
		p := jsonfield.Join(path, "managers")
		ms := r.Array(p, mv)
		if len(ms) > MaxManagers {
			r.Errorf(p, "expected at most %d managers, got %d", MaxManagers, len(ms))
			return t
		}
		for i, mv := range ms {
			t.Managers = append(t.Managers, r.manager(fmt.Sprintf("%s[%d]", p, i), mv))
		}
	}
	return t
}

func (r *reader) manager(path string, v any) ManagerDesign {
	m := r.Object(path, v, "kind", "enterSleep", "exitSleep", "blocking", "threaded", "finally", "timeout", "enterStart", "enterEnd", "exit")
	if m == nil {
		return ManagerDesign{}
	}
	return ManagerDesign{
		Kind:       choice(r, m, path, "kind", true, ManagerKinds),
		EnterSleep: r.duration(m, path, "enterSleep"),
		ExitSleep:  r.duration(m, path, "exitSleep"),
		Blocking:   r.boolean(m, path, "blocking"),
		Threaded:   r.boolean(m, path, "threaded"),
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
	p := jsonfield.Join(path, key)
	fm := r.Object(p, v, "kind", "type")
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
		r.Errorf(jsonfield.Join(p, "type"), "unexpected: only a fault of kind \"raise\" has an exception type")
	}
	return f
}
