package sim

import (
	"fmt"
	"slices"
	"strings"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file reads, writes and checks a wait statement (asyncio.wait,
// wait.go):
//
//	{"wait": {"tasks": ["t1", "t2"], "returnWhen": "FIRST_COMPLETED", "timeout": 2,
//	          "done": "done", "pending": "pending"}}

// waitStmt reads a wait statement's argument.
func (d *decoder) waitStmt(p string, arg any, s *Stmt) {
	w := &WaitSpec{}
	s.setExtra().Wait = w
	m := d.Object(p, arg, "tasks", "returnWhen", "timeout", "done", "pending")
	if m == nil {
		return
	}
	if tv, ok := m["tasks"]; ok {
		tp := jsonfield.Join(p, "tasks")
		for i, t := range d.Array(tp, tv) {
			w.Tasks = append(w.Tasks, d.Str(fmt.Sprintf("%s[%d]", tp, i), t))
		}
	} else {
		d.Errorf(jsonfield.Join(p, "tasks"), "required field is missing (expected an array of task variables)")
	}
	w.ReturnWhen = d.OptStr(m, p, "returnWhen")
	if tv, ok := m["timeout"]; ok {
		t := d.number(jsonfield.Join(p, "timeout"), tv)
		w.Timeout = &t
	}
	w.Done = d.OptStr(m, p, "done")
	w.Pending = d.OptStr(m, p, "pending")
}

// waitJSON writes a wait statement's argument.
func waitJSON(w *WaitSpec) obj {
	o := obj{"tasks": w.Tasks}
	putStr(o, "returnWhen", w.ReturnWhen)
	if w.Timeout != nil {
		o["timeout"] = *w.Timeout
	}
	putStr(o, "done", w.Done)
	putStr(o, "pending", w.Pending)
	return o
}

// waitStmt checks a wait statement.
func (v *validator) waitStmt(p string, s *Stmt) {
	p = v.join(p, "wait")
	w := s.Ext().Wait
	if w == nil {
		v.errorf(p, "expected asyncio.wait's arguments")
		return
	}
	if len(w.Tasks) == 0 {
		v.errorf(v.join(p, "tasks"), "expected at least one task variable (asyncio.wait raises ValueError on an empty set)")
	}
	for i, t := range w.Tasks {
		v.varRef(v.idx(v.join(p, "tasks"), i), t)
	}
	if w.ReturnWhen != "" && !slices.Contains(returnWhens, w.ReturnWhen) {
		v.errorf(v.join(p, "returnWhen"), "expected one of %s, got %q", strings.Join(returnWhens, ", "), w.ReturnWhen)
	}
	if w.Timeout != nil {
		v.duration(v.join(p, "timeout"), *w.Timeout)
	}
	if (w.Done == "") != (w.Pending == "") {
		v.errorf(p, "expected both done and pending (the targets of done, pending = ...), or neither")
	}
	v.target(v.join(p, "done"), w.Done)
	v.target(v.join(p, "pending"), w.Pending)
}
