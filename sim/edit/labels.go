package edit

import "asyncwithlab/i18n"

// Short labels for the form's buttons, by the ID of their message in the
// catalogue (assets/i18n/LANG/editor.json).

var runnerLabels = map[Runner]string{
	RunGather:    "edit.runner.gather",
	RunTaskGroup: "edit.runner.taskGroup",
}

var kindLabels = map[ManagerKind]string{
	KindClass:     "edit.kind.class",
	KindGenerator: "edit.kind.generator",
	KindStack:     "edit.kind.stack",
	KindTimeout:   "edit.kind.timeout",
	KindLock:      "edit.kind.lock",
	KindSemaphore: "edit.kind.semaphore",
}

var faultLabels = map[FaultKind]string{
	FaultNone:     "edit.fault.none",
	FaultRaise:    "edit.fault.raise",
	FaultCancel:   "edit.fault.cancel",
	FaultTimeout:  "edit.fault.timeout",
	FaultSuppress: "edit.fault.suppress",
}

var hookLabels = map[Hook]string{
	HookEnterStart: "edit.hook.enterStart",
	HookEnterEnd:   "edit.hook.enterEnd",
	HookBody:       "edit.hook.body",
	HookExit:       "edit.hook.exit",
}

// Label is the runner's button text.
func (r Runner) Label(l i18n.Lang) string { return labelOf(runnerLabels, r, l) }

// Label is the manager kind's button text.
func (k ManagerKind) Label(l i18n.Lang) string { return labelOf(kindLabels, k, l) }

// Label is the fault kind's button text.
func (k FaultKind) Label(l i18n.Lang) string { return labelOf(faultLabels, k, l) }

// Label names the hook point.
func (h Hook) Label(l i18n.Lang) string { return labelOf(hookLabels, h, l) }

// Label is the fault's button text: the kind, with the exception type for
// a raise ("raise KeyError").
func (f Fault) Label(l i18n.Lang) string {
	if f.Kind == FaultRaise {
		return l.T("edit.fault.raiseType", f.excType())
	}
	return f.Kind.Label(l)
}

// labelOf says a value's label in language l, falling back to the value's
// own spelling so that an unknown value read from a link still shows as
// what it is.
func labelOf[K ~string](ids map[K]string, k K, l i18n.Lang) string {
	if id, ok := ids[k]; ok {
		return l.T(id)
	}
	return string(k)
}
