package session

import (
	"errors"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/share"
)

// Session is one scenario open in the simulator and the position in its
// run.
type Session struct {
	// Name is the built-in example shown, "" for any other scenario.
	Name string
	// File is the scenario file it was opened from (desktop), "" if none:
	// saving writes back to it.
	File string
	// Scenario is what runs.
	Scenario *sim.Scenario
	// Result is the engine's run of it; Err says why the run stopped early
	// (a limit), in which case Result holds what ran.
	Result *sim.Result
	Err    error
	// Replay and Cursor step through the run.
	Replay *replay.Replay
	Cursor *replay.Cursor
	// Source is the scenario rendered as Python, by line.
	Source []string
	// Gen counts runs, so that a view can tell its cache is stale.
	Gen int
	// Predict is "predict, then watch" when it is on, else nil.
	Predict *Predict
	// Sequence: the run is shown as a sequence diagram rather than as
	// lanes (a link keeps it).
	Sequence bool
	// Editor is the editor's state once it was opened (or a link brought
	// a design), else nil.
	Editor *Editor
	// Seed shuffles the predict challenges' items and options (0: the
	// simulator's own, 1); homework gives each student's variant its own.
	Seed uint64
	// Python is the CPython version every run of the session follows
	// (one of sim.PythonVersions; "" is sim.DefaultPython): the scenario
	// run, an edit's, a link's.
	Python string
}

// PredictSeed is the seed the predict challenges are made with.
func (s *Session) PredictSeed() uint64 {
	if s.Seed == 0 {
		return 1
	}
	return s.Seed
}

// UnknownPresetError is a link or a name that asks for an example this
// version of the app does not have.
type UnknownPresetError struct{ Name string }

// Error is the message in English.
func (e *UnknownPresetError) Error() string { return e.In(i18n.English) }

// In is the message in lang.
func (e *UnknownPresetError) In(lang i18n.Lang) string { return lang.T("ui.unknownPreset", e.Name) }

// OpenPreset opens the built-in example name at its first event.
func OpenPreset(name string) (*Session, error) { return OpenPresetAs(name, "") }

// OpenPresetAs opens the built-in example name at its first event, run
// as CPython python ("" for sim.DefaultPython): one run, not a run and a
// rerun.
func OpenPresetAs(name, python string) (*Session, error) {
	sc, err := preset(name)
	if err != nil {
		return nil, err
	}
	s := &Session{Python: python}
	s.Load(name, sc, 0)
	return s, nil
}

func preset(name string) (*sim.Scenario, error) {
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	p, ok := cat.Preset(name)
	if !ok {
		return nil, &UnknownPresetError{name}
	}
	return p.Scenario, nil
}

// OpenLink opens a share link: the whole address or only the part after
// '#'. It returns the share package's errors for a malformed link and an
// *UnknownPresetError for an example this version lacks.
func OpenLink(link string) (*Session, error) {
	if i := strings.IndexByte(link, '#'); i >= 0 {
		link = link[i+1:]
	}
	l, err := share.Decode(link)
	if err != nil {
		return nil, err
	}
	if l.Preset != "" {
		if l.Scenario, err = preset(l.Preset); err != nil {
			return nil, err
		}
	}
	// A link names the version it was made with; one made before
	// versions could be chosen showed 3.11.
	s := &Session{Python: l.Python}
	if s.Python == "" {
		s.Python = share.LegacyPython
	}
	if len(l.Design) > 0 {
		s.Editor = NewEditorFromDesign(l.Design)
	}
	s.Load(l.Preset, l.Scenario, l.Step)
	s.Sequence = l.Sequence
	if s.Editor != nil && s.Editor.Building {
		// The link's scenario is the design's: the editor goes on from it.
		s.Editor.Built = s.Scenario
	}
	if l.Predict {
		s.Predict = NewPredict(nil)
		s.Predict.Reset(s)
	}
	return s, nil
}

// OpenFile opens a scenario file's contents; name is where it came from
// (its messages name it, and saving goes back to it).
func OpenFile(name string, data []byte) (*Session, error) {
	sc, err := sim.Decode(data)
	if err != nil {
		return nil, err
	}
	s := &Session{Python: sc.Python, File: name} // the file's version, if it names one
	s.Load("", sc, 0)
	return s, nil
}

// Load runs a scenario and shows it from event step.
func (s *Session) Load(name string, sc *sim.Scenario, step int) {
	s.Name, s.Scenario = name, sc
	s.run()
	s.Cursor.SeekEvent(step)
}

// run runs the engine and resets what depends on the result.
func (s *Session) run() {
	res, err := sim.Run(s.versioned())
	if res == nil {
		// Run only fails without a result on a scenario it cannot compile,
		// which Decode and the editor never hand over; show it all the same.
		res = &sim.Result{}
	}
	s.Result, s.Err = res, err
	s.Replay = replay.New(res)
	s.Cursor = replay.NewCursor(s.Replay.Stops())
	s.Source = strings.Split(strings.TrimSuffix(sim.Render(s.Scenario), "\n"), "\n")
	s.Gen++
	if s.Predict != nil {
		s.Predict.Reset(s)
	}
}

// Rerun runs an edited scenario and goes on from the first event that
// changed, playing if it was, so the learner sees the edit's consequence
// at once.
func (s *Session) Rerun(name string, sc *sim.Scenario) {
	old := s.Result
	s.Name, s.Scenario = name, sc
	playing := s.Cursor.Playing
	s.run()
	d := replay.FirstDifference(old, s.Result)
	s.Cursor.SeekEvent(max(d-1, 0))
	if playing {
		s.Cursor.Play()
	}
}

// versioned is the scenario set to the session's version: itself when it
// names that version, else a copy (a preset's scenario is the
// catalogue's, shared, and the editor knows its scenario by pointer).
func (s *Session) versioned() *sim.Scenario {
	if v := s.python(); s.Scenario.Python != v {
		sc := *s.Scenario
		sc.Python = v
		return &sc
	}
	return s.Scenario
}

// PythonVersion is the CPython version the session's runs follow.
func (s *Session) PythonVersion() string { return s.python() }

// python is the version the session's runs follow.
func (s *Session) python() string {
	if s.Python == "" {
		return sim.DefaultPython
	}
	return s.Python
}

// SetPython makes every run follow CPython v from now on, and reruns the
// scenario so, going on from the first event the version changes.
func (s *Session) SetPython(v string) {
	if v == s.python() {
		s.Python = v
		return
	}
	s.Python = v
	s.Rerun(s.Name, s.Scenario)
}

// Link is the share link (the fragment, without '#') to what is shown:
// the example or the scenario itself, the position, the view, predict
// mode, and the editor's design when the scenario is the design's.
func (s *Session) Link() (string, error) {
	l := share.Link{Preset: s.Name, Step: max(s.Cursor.Event(), 0), Sequence: s.Sequence, Predict: s.Predict != nil,
		Python: s.python()}
	if s.Name == "" {
		l.Scenario = s.Scenario
	}
	if s.Editor != nil && s.Editor.Built == s.Scenario {
		l.Design = s.Editor.Design.Encode()
	}
	return share.Encode(l)
}

// SaveName is the file name the scenario is saved under: its own file,
// else the example's name, else scenario.json.
func (s *Session) SaveName() string {
	switch {
	case s.File != "":
		return s.File
	case s.Name != "":
		return s.Name + ".json"
	}
	return "scenario.json"
}

// Encode is the scenario as the JSON a file holds, with a final newline.
func (s *Session) Encode() ([]byte, error) {
	data, err := sim.Encode(s.versioned()) // the file keeps the version it ran as
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// IsUnknownPreset reports whether err is an *UnknownPresetError.
func IsUnknownPreset(err error) bool {
	var u *UnknownPresetError
	return errors.As(err, &u)
}
