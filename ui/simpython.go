package ui

import (
	"reflect"
	"slices"

	"asyncwithlab/sim"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/session"
)

// pythonKey is where the CPython version the learner chose last is kept.
const pythonKey = "asyncwithlab.python"

// preferredPython is the version the learner chose last, or "" (the
// newest) until they choose.
func preferredPython(gs gameState) string {
	if v := gs.platform().Load(pythonKey); slices.Contains(sim.PythonVersions, v) {
		return v
	}
	return ""
}

// preferPython makes a session the app opened (a question's example, from
// its link) follow the version the learner chose. An example opened from
// the app is opened as that version at once (session.OpenPresetAs).
func preferPython(gs gameState, ses *session.Session) {
	if v := preferredPython(gs); v != "" {
		ses.SetPython(v)
	}
}

// nextPython is the title bar's Python button: the run follows the next
// version (after the newest, the oldest again), the choice is kept, the
// link says it, and a message says whether this program runs otherwise
// on it than on the version before.
func (s *simScene) nextPython(gs gameState) {
	vs := sim.PythonVersions
	from := s.ses.PythonVersion()
	s.choosePython(gs, vs[(slices.Index(vs, from)+1)%len(vs)])
}

// choosePython makes the run follow CPython to, as nextPython says.
func (s *simScene) choosePython(gs gameState, to string) {
	from := s.ses.PythonVersion()
	before := s.ses.Result
	s.ses.SetPython(to)
	_ = gs.platform().Save(pythonKey, to) // not kept: the choice still holds for this screen
	s.syncLink(gs)
	s.message = versionDifference(gs.lang(), from, to, before, s.ses.Result)
}

// versionDifference says how the run of one program on CPython to differs
// from its run on from.
func versionDifference(l Lang, from, to string, a, b *sim.Result) string {
	if d := replay.FirstDifference(a, b); d >= 0 {
		return l.T("ui.pythonDiffers", to, from, d+1)
	}
	if a.Stdout != b.Stdout || !reflect.DeepEqual(a.Tasks, b.Tasks) || !reflect.DeepEqual(a.Uncaught, b.Uncaught) {
		return l.T("ui.pythonChainDiffers", to, from)
	}
	return l.T("ui.pythonSame", to, from)
}
