package share

import (
	"strconv"
	"strings"

	"asyncwithlab/sim"
)

// minParts and maxParts bound the number of '.'-separated parts of a v1
// link: version, kind, name or data, step, then "sequence", "predict"
// and a design.
const (
	minParts = 4
	maxParts = 8
)

// Decode reads a link fragment, with or without its leading '#'. A custom
// scenario is checked strictly with sim.Decode. Any problem is an *Error
// naming the part at fault and what was expected; no input panics. A
// position in a message ("illegal character at 17") is a byte offset in the
// fragment, counted from 0 after any '#'.
func Decode(fragment string) (Link, error) {
	frag := strings.TrimPrefix(fragment, "#")
	if len(frag) > MaxLinkBytes {
		return Link{}, errorf("link", "%d bytes is too long (at most %d)", len(frag), MaxLinkBytes)
	}
	if frag == "" {
		return Link{}, errorf("link", "the link is empty; expected it to start with %s", versionPart)
	}
	if err := checkVersion(frag); err != nil {
		return Link{}, err
	}
	n := strings.Count(frag, ".") + 1
	if n < minParts || n > maxParts {
		return Link{}, errorf("link", "the link has %d parts separated by '.'; expected %d to %d (%s.KIND.NAME-OR-DATA.STEP, then optionally a Python version, sequence, predict and a design)", n, minParts, maxParts, versionPart)
	}
	parts := strings.Split(frag, ".")
	starts := make([]int, len(parts)) // byte offset of each part in frag
	for i := 1; i < len(parts); i++ {
		starts[i] = starts[i-1] + len(parts[i-1]) + 1
	}
	for i, p := range parts {
		if p == "" {
			return Link{}, errorf("link", "part %d of the link (at %d) is empty", i+1, starts[i])
		}
	}

	var l Link
	switch parts[1] {
	case kindPreset:
		if err := checkPresetName(parts[2]); err != nil {
			return Link{}, err
		}
		l.Preset = parts[2]
	case kindCustom:
		data, err := unpack(parts[2], starts[2], "scenario")
		if err != nil {
			return Link{}, err
		}
		sc, derr := sim.Decode(data)
		if derr != nil {
			return Link{}, scenarioError(derr)
		}
		l.Scenario = sc
		l.Python = sc.Python
	default:
		return Link{}, errorf("kind", "the second part is %s; expected %q (a preset) or %q (a scenario)", quoteShort(parts[1]), kindPreset, kindCustom)
	}

	step, err := parseStep(parts[3])
	if err != nil {
		return Link{}, err
	}
	l.Step = step

	for i := minParts; i < len(parts); i++ {
		p := parts[i]
		switch {
		case strings.HasPrefix(p, pythonMark) && i == minParts:
			v := pythonOfPart(p)
			if v == "" {
				return Link{}, errorf("python", "part %d of the link (%s) names no Python version this app follows: expected %s", i+1, quoteShort(p), strings.Join(pythonParts(), ", "))
			}
			if l.Python != "" && l.Python != v {
				return Link{}, errorf("python", "the link names Python %s, and its scenario Python %s; expected one version", v, l.Python)
			}
			l.Python = v
			if l.Scenario != nil {
				l.Scenario.Python = v
			}
		case p == sequencePart && !l.Sequence && !l.Predict && l.Design == nil:
			l.Sequence = true
		case p == predictPart && !l.Predict && l.Design == nil:
			l.Predict = true
		case strings.HasPrefix(p, designMark) && l.Design == nil:
			design, err := unpack(p[len(designMark):], starts[i]+len(designMark), "design")
			if err != nil {
				return Link{}, err
			}
			if err := checkDesign(design); err != nil {
				return Link{}, err
			}
			l.Design = design
		default:
			return Link{}, errorf("option", "part %d of the link (%s) is not expected there; after the step a %s link may have a Python version (%s), %q, %q and d<design>, in that order, each at most once", i+1, quoteShort(p), versionPart, pythonParts()[0], sequencePart, predictPart)
		}
	}
	return l, nil
}

// checkVersion reads the first part. A later version gets its own message,
// so that the person knows to update the app rather than fix the link.
func checkVersion(frag string) *Error {
	v, _, _ := strings.Cut(frag, ".")
	if v == versionPart {
		return nil
	}
	digits := strings.TrimPrefix(v, "v")
	isNumber := len(digits) > 0 && len(digits) < len(v) && digits[0] != '0'
	for i := 0; isNumber && i < len(digits); i++ {
		isNumber = digits[i] >= '0' && digits[i] <= '9'
	}
	if isNumber { // only versions above 1 remain
		return errorf("version", "version %s is newer than this app reads (%s); open the link in a newer version of the app", quoteShort(v), versionPart)
	}
	return errorf("version", "the link does not start with a version: expected %q, found %s", versionPart, quoteShort(v))
}

// parseStep reads the step: decimal digits, no sign, no leading zero (so
// each step has one spelling), below MaxStep.
func parseStep(s string) (int, *Error) {
	ok := len(s) > 0 && (s == "0" || s[0] != '0')
	for i := 0; ok && i < len(s); i++ {
		ok = s[i] >= '0' && s[i] <= '9'
	}
	if !ok {
		return 0, errorf("step", "the step %s is not a whole number (expected digits only, no sign and no leading zero, like 0 or 17)", quoteShort(s))
	}
	n, err := strconv.Atoi(s)
	if err != nil || n >= MaxStep {
		return 0, errorf("step", "the step %s is too large (at most %d)", quoteShort(s), MaxStep-1)
	}
	return n, nil
}

// pythonParts are the link parts that name a version, oldest first.
func pythonParts() []string {
	out := make([]string, len(sim.PythonVersions))
	for i, v := range sim.PythonVersions {
		out[i], _ = pythonPart(v)
	}
	return out
}
