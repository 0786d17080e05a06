package sim

import (
	"encoding/json"
	"fmt"
	"strconv"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file reads, writes, checks and renders what a scenario says of a
// shared asyncio.Condition (condition.go): the shared object's lock, and
// the statements condWait, notify and notifyAll.

// MaxNotify bounds notify's n.
const MaxNotify = 1000

// condStmt reads condWait, notify and notifyAll: the condition's name,
// or for notify {"cond": NAME, "n": N}.
func (d *decoder) condStmt(p string, arg any, s *Stmt) {
	if name, ok := arg.(string); ok {
		s.setExtra().Cond = name
		return
	}
	if _, ok := arg.(map[string]any); !ok || s.Kind != SNotify {
		what := "the name of a shared condition"
		if s.Kind == SNotify {
			what += ", or {\"cond\": NAME, \"n\": N}"
		}
		d.Errorf(p, "expected %s; got %s", what, jsonfield.TypeOf(arg))
		return
	}
	w := d.Object(p, arg, "cond", "n")
	s.setExtra().Cond = d.ReqStr(w, p, "cond")
	if nv, ok := w["n"]; ok {
		n := d.wholeNumber(jsonfield.Join(p, "n"), nv, MaxNotify)
		s.setExtra().NotifyN = &n
	}
}

// wholeNumber reads a number from 0 to limit written without fraction or
// exponent.
func (d *decoder) wholeNumber(path string, v any, limit int) int {
	num, ok := v.(json.Number)
	n, err := strconv.ParseInt(string(num), 10, 64)
	if !ok || err != nil || n < 0 || n > int64(limit) {
		d.Errorf(path, "expected a whole number from 0 to %d, got %s", limit, jsonText(v))
		return 0
	}
	return int(n)
}

// jsonText is v as a message quotes it: a number as written, anything
// else by its type.
func jsonText(v any) string {
	if n, ok := v.(json.Number); ok {
		return string(n)
	}
	return jsonfield.TypeOf(v)
}

// condJSON writes the argument of condWait, notify or notifyAll.
func condJSON(s *Stmt) any {
	if s.Ext().NotifyN == nil {
		return s.Ext().Cond
	}
	return obj{"cond": s.Ext().Cond, "n": *s.Ext().NotifyN}
}

// condSource is the Python line of condWait, notify or notifyAll.
func condSource(s *Stmt) string {
	switch s.Kind {
	case SCondWait:
		return "await " + s.Ext().Cond + ".wait()"
	case SNotifyAll:
		return s.Ext().Cond + ".notify_all()"
	}
	if s.Ext().NotifyN != nil {
		return fmt.Sprintf("%s.notify(%d)", s.Ext().Cond, *s.Ext().NotifyN)
	}
	return s.Ext().Cond + ".notify()"
}

// sharedKind is the kind of the shared object name, or "" when no shared
// object has that name.
func (v *validator) sharedKind(name string) SharedKind {
	for _, d := range v.sc.Shared {
		if d.Name == name {
			return d.Kind
		}
	}
	return ""
}

// condStmt checks condWait, notify and notifyAll: they name a shared
// condition (no variable can hold one otherwise).
func (v *validator) condStmt(p string, s *Stmt) {
	p = v.join(p, string(s.Kind))
	name := p
	if s.Kind == SNotify && s.Ext().NotifyN != nil {
		name = v.join(p, "cond")
		if *s.Ext().NotifyN < 0 || *s.Ext().NotifyN > MaxNotify {
			v.errorf(v.join(p, "n"), "expected a whole number from 0 to %d, got %d", MaxNotify, *s.Ext().NotifyN)
		}
	}
	if v.sharedKind(s.Ext().Cond) != SharedCondition {
		v.errorf(name, "expected the name of a shared condition (a \"shared\" entry of kind \"condition\"), got %q", s.Ext().Cond)
	}
}

// conditionLock checks a shared object's lock: only a condition has one,
// and it names a shared lock made before the condition (shared[i]).
func (v *validator) conditionLock(p string, i int, d *SharedDef) {
	switch {
	case d.Lock == "":
	case d.Kind != SharedCondition:
		v.errorf(p, "only a condition is made over a lock")
	case !v.sharedBefore(d.Lock, i):
		v.errorf(p, "expected the name of a shared lock listed before %q, got %q", d.Name, d.Lock)
	}
}

// sharedBefore reports whether name is a shared lock among shared[:i].
func (v *validator) sharedBefore(name string, i int) bool {
	for _, d := range v.sc.Shared[:i] {
		if d.Name == name {
			return d.Kind == SharedLock
		}
	}
	return false
}
