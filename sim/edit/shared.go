package edit

import (
	"errors"
	"slices"
	"strings"

	"asyncwithlab/sim"
)

// This file holds what is particular to the objects every task shares,
// the lock and the semaphore: which entries the program writes, the
// module-level definitions, and the deadlocks a run can show. A task
// holds what it entered until it leaves, so with two shared objects, or
// a semaphore entered twice, tasks can end up each waiting for what
// another holds; Python then hangs. The engine runs exactly as CPython
// does, so a run of the built scenario shows whether that happens, and
// Build leaves out the entry that closed the circle.

// entry is manager mi of task ti.
type entry struct{ task, mgr int }

// sharedName is the Python name of the shared object a kind enters.
var sharedName = map[ManagerKind]string{KindLock: LockName, KindSemaphore: SemaphoreName}

// enters reports whether manager j of a task's stack is entered in the
// program. A task takes the lock once and the semaphore at most places
// times: one more entry would wait for the task itself to leave, forever,
// so Build leaves it out (CodeLockTwice, CodeSemaphoreFull).
func enters(ms []ManagerDesign, j, places int) bool {
	k := ms[j].Kind
	if !k.shared() {
		return true
	}
	limit := places
	if k == KindLock {
		limit = 1
	}
	held := 0
	for _, o := range ms[:j] {
		if o.Kind == k {
			held++
		}
	}
	return held < limit
}

// written reports whether manager mi of task ti is in the program: not
// left out by enters, nor by untangle.
func (b *builder) written(ti, mi int) bool {
	return enters(b.d.Tasks[ti].Managers, mi, b.d.SemaphoreValue()) && !b.leftOut[entry{ti, mi}]
}

// sharedDefs are the module-level objects the program's tasks enter, in
// the order they first appear.
func (b *builder) sharedDefs() []*sim.SharedDef {
	var out []*sim.SharedDef
	for _, t := range b.d.Tasks {
		for _, m := range t.Managers {
			name := sharedName[m.Kind]
			if name == "" || slices.ContainsFunc(out, func(d *sim.SharedDef) bool { return d.Name == name }) {
				continue
			}
			def := &sim.SharedDef{Name: name, Kind: sim.SharedLock}
			if m.Kind == KindSemaphore {
				n := b.d.SemaphoreValue()
				def.Kind, def.Value = sim.SharedSemaphore, &n
			}
			out = append(out, def)
		}
	}
	return out
}

// mayDeadlock says whether some task enters two shared objects, or one
// twice: only a task that waits while it holds something can be part of
// a deadlock.
func (b *builder) mayDeadlock() bool {
	for ti, t := range b.d.Tasks {
		n := 0
		for mi, m := range t.Managers {
			if m.Kind.shared() && b.written(ti, mi) {
				n++
			}
		}
		if n > 1 {
			return true
		}
	}
	return false
}

// untangle runs the scenario and, while the run ends in a deadlock,
// leaves out the entry at which the last task to get stuck, holding a
// shared object, waits; each is explained. Every round removes an entry,
// so it ends.
func (b *builder) untangle() []Problem {
	if !b.mayDeadlock() {
		return nil
	}
	if b.leftOut == nil {
		b.leftOut = map[entry]bool{}
	}
	c := &checker{d: &b.d}
	var probs []Problem
	for {
		res, err := sim.Run(b.scenario())
		if !errors.Is(err, sim.ErrDeadlock) || res == nil || res.Trace == nil {
			return probs
		}
		at, held, ok := b.stuck(res.Trace)
		if !ok {
			return probs // a wait on no shared object: not the editor's to untangle
		}
		b.leftOut[at] = true
		p := c.managerProblem(at.task, at.mgr, "", "kind", CodeDeadlock)
		for i, name := range held {
			held[i] = "async with " + name
		}
		p.Arg = strings.Join(held, ", ")
		probs = append(probs, p)
	}
}

// stuck reads a deadlocked run: among the tasks waiting to enter a shared
// object while they hold one, the last to start waiting, the entry it
// waits at, and what it holds.
func (b *builder) stuck(tr *sim.Trace) (entry, []string, bool) {
	type waiting struct {
		name string
		nth  int // the task's nth entry of that object
		seq  int
	}
	tasks := map[string]int{}
	for ti := range b.d.Tasks {
		tasks[taskName(ti, b.tasks())] = ti
	}
	started := map[string]map[string]int{} // task → object → entries started
	held := map[string][]string{}          // task → objects held, one per entry
	waits := map[string]waiting{}
	isShared := func(name string) bool { return name == LockName || name == SemaphoreName }
	for i := 0; i < tr.Len(); i++ {
		ev := tr.At(i)
		if _, ok := tasks[ev.Task]; !ok || !isShared(ev.Manager) {
			continue
		}
		switch ev.Kind {
		case sim.AenterStarted:
			if started[ev.Task] == nil {
				started[ev.Task] = map[string]int{}
			}
			started[ev.Task][ev.Manager]++
			waits[ev.Task] = waiting{ev.Manager, started[ev.Task][ev.Manager], ev.Seq}
		case sim.AenterReturned:
			held[ev.Task] = append(held[ev.Task], ev.Manager)
			delete(waits, ev.Task)
		case sim.AenterRaised:
			delete(waits, ev.Task)
		case sim.AexitCalled:
			if at := slices.Index(held[ev.Task], ev.Manager); at >= 0 {
				held[ev.Task] = slices.Delete(held[ev.Task], at, at+1)
			}
		}
	}
	last, found := "", false
	for task, w := range waits {
		if len(held[task]) > 0 && (!found || w.seq > waits[last].seq) {
			last, found = task, true
		}
	}
	if !found {
		return entry{}, nil, false
	}
	w, ti := waits[last], tasks[last]
	for mi, m := range b.d.Tasks[ti].Managers {
		if sharedName[m.Kind] == w.name && b.written(ti, mi) {
			if w.nth--; w.nth == 0 {
				return entry{ti, mi}, slices.Compact(slices.Sorted(slices.Values(held[last]))), true
			}
		}
	}
	return entry{}, nil, false
}
