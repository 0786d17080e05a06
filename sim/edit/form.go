package edit

import (
	"fmt"
	"strings"
)

// This file holds what the editor's form calls: the starting design, the
// steppers and cycling buttons, and the Python names it shows next to
// each row. None of these calls can make a design Build refuses; they keep
// counts in range so the form never shows a problem it caused itself.

// Default is the design the editor starts from: two workers under gather,
// each entering class managers that take a little time, so the two tasks
// visibly interleave.
func Default() Design {
	return Design{
		Runner: RunGather,
		Tasks: []TaskDesign{
			{Managers: []ManagerDesign{
				{Kind: KindClass, EnterSleep: 1, ExitSleep: 0.5},
				{Kind: KindClass, EnterSleep: 0.5, ExitSleep: 0.25},
			}, BodySleep: 1},
			{Managers: []ManagerDesign{
				{Kind: KindClass, EnterSleep: 0.5, ExitSleep: 0.5},
			}, BodySleep: 1.5},
		},
	}
}

// newTask is the task SetTasks adds: one class manager with short sleeps.
func newTask() TaskDesign {
	return TaskDesign{Managers: []ManagerDesign{newManager()}, BodySleep: 0.5}
}

// newManager is the manager AddManager appends.
func newManager() ManagerDesign {
	return ManagerDesign{Kind: KindClass, EnterSleep: 0.5, ExitSleep: 0.25}
}

// Clone returns a deep copy, so that the form can keep an undo history.
func (d Design) Clone() Design {
	out := Design{Runner: d.Runner, Tasks: make([]TaskDesign, len(d.Tasks)), Places: d.Places}
	for i, t := range d.Tasks {
		t.Managers = append([]ManagerDesign(nil), t.Managers...)
		out.Tasks[i] = t
	}
	return out
}

// SetTasks sets the number of tasks, clamped to MinTasks..MaxTasks: new
// tasks get one manager, removed ones are dropped from the end.
func (d *Design) SetTasks(n int) {
	n = max(MinTasks, min(MaxTasks, n))
	for len(d.Tasks) < n {
		d.Tasks = append(d.Tasks, newTask())
	}
	d.Tasks = d.Tasks[:n]
}

// AddManager appends a manager to a task's stack (innermost) and reports
// whether it could: the task must exist and hold fewer than MaxManagers.
func (d *Design) AddManager(task int) bool {
	if task < 0 || task >= len(d.Tasks) || len(d.Tasks[task].Managers) >= MaxManagers {
		return false
	}
	d.Tasks[task].Managers = append(d.Tasks[task].Managers, newManager())
	return true
}

// RemoveManager removes manager i of a task and reports whether it existed.
func (d *Design) RemoveManager(task, i int) bool {
	if task < 0 || task >= len(d.Tasks) || i < 0 || i >= len(d.Tasks[task].Managers) {
		return false
	}
	ms := d.Tasks[task].Managers
	d.Tasks[task].Managers = append(ms[:i:i], ms[i+1:]...)
	return true
}

// SetKind changes the manager's kind and clears the settings the new kind
// has no use for (a timeout has no code of its own; only a generator has a
// finally block), so that switching kinds never leaves a hidden choice
// behind for Build to complain about.
func (m *ManagerDesign) SetKind(k ManagerKind) {
	m.Kind = k
	if k != KindGenerator {
		m.Finally = false
	}
	switch k {
	case KindTimeout:
		d := m.Timeout
		if d == 0 {
			d = 1 // timeout(0) expires at the first await: a poor start
		}
		*m = ManagerDesign{Kind: KindTimeout, Timeout: d}
		return
	case KindLock, KindSemaphore:
		*m = ManagerDesign{Kind: k}
		return
	}
	m.Timeout = 0
}

// SetPlaces sets the shared semaphore's number of places, clamped to
// 1..MaxPlaces, as the form's stepper does.
func (d *Design) SetPlaces(n int) {
	d.Places = max(1, min(MaxPlaces, n))
}

// SetFault sets the fault at a hook of manager i of a task (HookBody
// ignores i and sets the task's body fault). A raise without a type gets
// ValueError. It reports whether the place exists.
func (d *Design) SetFault(task, i int, h Hook, f Fault) bool {
	if task < 0 || task >= len(d.Tasks) {
		return false
	}
	if f.Kind == FaultRaise && f.Type == "" {
		f.Type = ExcTypes[0]
	}
	if f.Kind != FaultRaise {
		f.Type = ""
	}
	if h == HookBody {
		d.Tasks[task].Body = f
		return true
	}
	ms := d.Tasks[task].Managers
	if i < 0 || i >= len(ms) || ms[i].fault(h) == nil {
		return false
	}
	*ms[i].fault(h) = f
	return true
}

// Cycle returns the value step places after cur in values, wrapping
// around; a cur not in values counts as the first. It is what a cycling
// button does with any of the lists (Runners, ManagerKinds, FaultKinds,
// ExcTypes, Durations).
func Cycle[T comparable](values []T, cur T, step int) T {
	var zero T
	if len(values) == 0 {
		return zero
	}
	at := 0
	for i, v := range values {
		if v == cur {
			at = i
			break
		}
	}
	n := len(values)
	return values[((at+step)%n+n)%n]
}

// StepDuration moves a duration step places along Durations without
// wrapping: a stepper stops at 0 and at the longest offered sleep. A value
// between two offered ones steps to the nearest one in that direction.
func StepDuration(cur float64, step int) float64 {
	at := 0
	for i, v := range Durations {
		if v <= cur {
			at = i
		}
	}
	if Durations[at] < cur { // between two offered values
		switch {
		case step > 0:
			step-- // the first step up only reaches the next one
			at = min(at+1, len(Durations)-1)
		case step < 0:
			step++ // the first step down only reaches the one below
		}
	}
	at = max(0, min(len(Durations)-1, at+step))
	return Durations[at]
}

// managerBases are the managers' names by position in a stack: resources
// a learner recognises, so that "Cache: opening" tells the story.
var managerBases = []string{"Database", "Cache", "Lock", "Socket", "Session", "Archive", "Queue", "Cursor", "Channel", "Pool"}

// TaskName is the coroutine function task i runs ("worker" when the
// design has a single task, else "worker1", "worker2"...).
func (d Design) TaskName(task int) string { return taskName(task, len(d.Tasks)) }

// ManagerName is the Python name of manager i of a task: the class
// ("Database2") or the generator function ("database2"); the shared
// object's name for the lock and the semaphore; "" for a timeout, which is
// asyncio.timeout itself.
func (d Design) ManagerName(task, i int) string {
	if task < 0 || task >= len(d.Tasks) || i < 0 || i >= len(d.Tasks[task].Managers) {
		return ""
	}
	return managerName(d.Tasks[task].Managers[i].Kind, task, i, len(d.Tasks))
}

func taskName(task, tasks int) string {
	if tasks == 1 {
		return "worker"
	}
	return fmt.Sprintf("worker%d", task+1)
}

func taskVar(task, tasks int) string {
	if tasks == 1 {
		return "t"
	}
	return fmt.Sprintf("t%d", task+1)
}

func managerName(k ManagerKind, task, i, tasks int) string {
	switch k {
	case KindTimeout:
		return ""
	case KindLock:
		return LockName
	case KindSemaphore:
		return SemaphoreName
	}
	name := managerBases[i%len(managerBases)]
	if k == KindGenerator {
		name = strings.ToLower(name)
	}
	if tasks > 1 {
		name += fmt.Sprint(task + 1)
	}
	return name
}
