package share

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"asyncwithlab/sim"
)

// Link is what a share link holds.
type Link struct {
	// Preset is a built-in preset's name when the scenario is that preset
	// unchanged ("" otherwise): the link stays short and readable, and
	// follows the preset if a later app version improves it.
	Preset string
	// Scenario is the scenario itself when Preset is "".
	Scenario *sim.Scenario
	// Design is the scenario editor's state as JSON, opaque to this
	// package, or nil. It travels compressed and comes back byte for byte;
	// an empty Design is not written, and Decode returns nil for it.
	Design []byte
	// Step is the playback position: the index of the event shown.
	Step int
	// Sequence shows the run as a sequence diagram rather than as lanes.
	Sequence bool
	// Predict opens the link in "predict, then watch" mode.
	Predict bool
	// Python is the CPython version the run follows (one of
	// sim.PythonVersions), or "" when the link names none: links from
	// before versions were chosen, which showed LegacyPython.
	Python string
}

// LegacyPython is the version a link that names none was made with: the
// engine followed CPython 3.11 until it could follow others.
const LegacyPython = "3.11"

const (
	// Version is the format version Encode writes and the newest Decode reads.
	Version = 1
	// MaxLinkBytes bounds a fragment. Browsers and chat programs keep
	// links far longer, but a longer scenario is better shared as a file.
	MaxLinkBytes = 32 << 10
	// MaxStep bounds Step (exclusive): no trace has more events than the
	// engine's default limit, sim.DefaultLimits.MaxEvents.
	MaxStep = 1_000_000
	// MaxPresetName bounds the length of a preset name.
	MaxPresetName = 64
)

// The fixed words of the format (see the package documentation).
const (
	versionPart  = "v1"
	kindPreset   = "p"
	kindCustom   = "s"
	pythonMark   = "py" // then the version's digits: py313
	sequencePart = "sequence"
	predictPart  = "predict"
	designMark   = "d"
)

// Encode writes l as a link fragment (without '#'). It refuses a link that
// Decode would refuse, so every link it writes opens again; in particular
// a scenario that does not pass sim.Decode, and a result longer than
// MaxLinkBytes.
func Encode(l Link) (string, error) {
	var b strings.Builder
	b.WriteString(versionPart)
	switch {
	case l.Preset != "" && l.Scenario != nil:
		return "", errorf("link", "both a preset name and a scenario are set; set the preset name only when the scenario is that preset unchanged")
	case l.Preset != "":
		if err := checkPresetName(l.Preset); err != nil {
			return "", err
		}
		b.WriteString("." + kindPreset + "." + l.Preset)
	case l.Scenario != nil:
		sc := l.Scenario
		if sc.Python != "" {
			// The version travels in its own part, for presets and
			// scenarios alike.
			if l.Python != "" && l.Python != sc.Python {
				return "", errorf("python", "the link's version %s and the scenario's %s differ", quoteShort(l.Python), quoteShort(sc.Python))
			}
			l.Python = sc.Python
			bare := *sc
			bare.Python = ""
			sc = &bare
		}
		data, err := compactScenario(sc)
		if err != nil {
			return "", err
		}
		b.WriteString("." + kindCustom + "." + pack(data))
	default:
		return "", errorf("link", "neither a preset name nor a scenario is set")
	}
	if l.Step < 0 || l.Step >= MaxStep {
		return "", errorf("step", "step %d is out of range (0 to %d)", l.Step, MaxStep-1)
	}
	b.WriteString("." + strconv.Itoa(l.Step))
	if l.Python != "" {
		part, err := pythonPart(l.Python)
		if err != nil {
			return "", err
		}
		b.WriteString("." + part)
	}
	if l.Sequence {
		b.WriteString("." + sequencePart)
	}
	if l.Predict {
		b.WriteString("." + predictPart)
	}
	if len(l.Design) > 0 {
		if err := checkDesign(l.Design); err != nil {
			return "", err
		}
		b.WriteString("." + designMark + pack(l.Design))
	}
	if b.Len() > MaxLinkBytes {
		return "", errorf("link", "the link would be %d bytes, too large to share as a link (at most %d); save it as a file", b.Len(), MaxLinkBytes)
	}
	return b.String(), nil
}

// compactScenario gives the JSON that a link carries: sim.Encode's output
// without white space, checked with sim.Decode so that the link opens.
func compactScenario(sc *sim.Scenario) ([]byte, error) {
	indented, err := sim.Encode(sc)
	if err != nil {
		return nil, &Error{Part: "scenario", Msg: "scenario: " + err.Error(), Err: err}
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, indented); err != nil {
		return nil, &Error{Part: "scenario", Msg: "scenario: " + err.Error(), Err: err}
	}
	if _, err := sim.Decode(buf.Bytes()); err != nil {
		return nil, scenarioError(err)
	}
	if buf.Len() > MaxUnpackedBytes {
		return nil, errorf("scenario", "the scenario is %d bytes of JSON, too large to share as a link (at most %d); save it as a file", buf.Len(), MaxUnpackedBytes)
	}
	return buf.Bytes(), nil
}

// scenarioError wraps sim.Decode's error, one line per problem, each line
// saying that it is about the scenario.
func scenarioError(err error) *Error {
	msg := strings.ReplaceAll(err.Error(), "\n", "\nscenario: ")
	return &Error{Part: "scenario", Msg: "scenario: " + msg, Err: err}
}

// checkPresetName checks a preset name's shape only: whether the app has
// such a preset is for the app to say (sim.FindPreset).
func checkPresetName(name string) *Error {
	ok := name != "" && len(name) <= MaxPresetName
	for i := 0; ok && i < len(name); i++ {
		c := name[i]
		ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
	}
	if !ok {
		return errorf("preset", "preset name %s is not valid: expected 1 to %d characters from a-z, 0-9 and '-'", quoteShort(name), MaxPresetName)
	}
	return nil
}

// checkDesign checks that the editor's state is JSON of a size a link can
// carry; its content belongs to the editor.
func checkDesign(design []byte) *Error {
	if len(design) > MaxUnpackedBytes {
		return errorf("design", "the design is %d bytes, too large to share as a link (at most %d); save it as a file", len(design), MaxUnpackedBytes)
	}
	if !json.Valid(design) {
		return errorf("design", "the design is not valid JSON")
	}
	return nil
}

// pythonPart is the link part naming version v ("3.13" → "py313").
func pythonPart(v string) (string, *Error) {
	if !slices.Contains(sim.PythonVersions, v) {
		return "", errorf("python", "version %s is not one this app follows (%s)", quoteShort(v), strings.Join(sim.PythonVersions, ", "))
	}
	return pythonMark + strings.ReplaceAll(v, ".", ""), nil
}

// pythonOfPart is the version a link part names, or "" when it names none
// this app follows.
func pythonOfPart(p string) string {
	for _, v := range sim.PythonVersions {
		if part, _ := pythonPart(v); part == p {
			return v
		}
	}
	return ""
}
