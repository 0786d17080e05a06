package replay

import "asyncwithlab/i18n"

// Status says in a few words where a lane's task stands, for the lane's
// header: "sleeping until 1.5 s", "waiting for worker#2", "failed:
// ValueError"; in the language lang (its catalogue's lane.status.*
// messages).
func (l *Lane) Status(lang i18n.Lang) string {
	c := captioner{lang: lang}
	switch l.State {
	case TaskNotStarted:
		return c.say("lane.status.notStarted")
	case TaskReady:
		return c.say("lane.status.ready")
	case TaskRunning:
		return c.say("lane.status.running")
	case TaskSleeping:
		return c.say("lane.status.sleeping", c.secs(l.Wake))
	case TaskWaiting:
		if l.WaitsLock {
			return c.say("lane.status.waitingLock", l.Waits)
		}
		if l.WaitsThread {
			return c.say("lane.status.waitingThread", l.Waits)
		}
		if l.WaitsCondition {
			return c.say("lane.status.waitingCondition", l.Waits)
		}
		if l.WaitsSet {
			return c.say("lane.status.waitingSet")
		}
		if l.Waits != "" {
			return c.say("lane.status.waitingFor", l.Waits)
		}
		return c.say("lane.status.waiting")
	case TaskDone:
		return c.say("lane.status.done", l.Outcome)
	case TaskFailed:
		return c.say("lane.status.failed", excType(l.Exc))
	case TaskCancelled:
		return c.say("lane.status.cancelled")
	}
	return l.State.String()
}

// Label names a phase for a frame's badge, in the language lang.
func (p Phase) Label(lang i18n.Lang) string {
	switch p {
	case PhaseCreated:
		return lang.T("lane.phase.created")
	case PhaseEntering:
		return lang.T("lane.phase.entering")
	case PhaseBody:
		return lang.T("lane.phase.inBody")
	case PhaseExiting:
		return lang.T("lane.phase.exiting")
	case PhaseExited:
		return lang.T("lane.phase.exited")
	case PhaseFailed:
		return lang.T("lane.phase.failed")
	case PhaseInit:
		return lang.T("lane.phase.init")
	}
	return p.String()
}

// Label names a resource state for a frame's badge, in the language lang
// ("" for ResNone: nothing to show).
func (r Resource) Label(lang i18n.Lang) string {
	switch r {
	case ResClosed:
		return lang.T("lane.res.closed")
	case ResOpening:
		return lang.T("lane.res.opening")
	case ResOpen:
		return lang.T("lane.res.open")
	case ResClosing:
		return lang.T("lane.res.closing")
	case ResReleased:
		return lang.T("lane.res.released")
	case ResLeaked:
		return lang.T("lane.res.leaked")
	}
	return ""
}
