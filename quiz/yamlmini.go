package quiz

import (
	"fmt"
	"strconv"
	"strings"
)

// optionLine is one "name: value" line of the options block.
type optionLine struct {
	line  int
	key   string
	value string
	kind  scalarKind
}

type scalarKind int

const (
	plainScalar scalarKind = iota
	quotedScalar
)

// splitOptions reads the options block as the flat YAML mapping quizdown
// uses: one "name: value" a line, values plain or quoted, # comments.
// It replaces gopkg.in/yaml.v3, which would add 1.4 MB (360 KB gzipped)
// to the browser build for a dozen scalar options (see README).
//
// what names the block in messages ("the options block", "the lab
// block"), and key a name of it ("option", "the lab block's").
func splitOptions(body string, firstLine int, what, key string) ([]optionLine, []LineError) {
	keyWord := key
	var out []optionLine
	var errs []LineError
	for i, raw := range strings.Split(body, "\n") {
		line := firstLine + i
		s := strings.TrimRight(raw, " \t\r")
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if s[0] == ' ' || s[0] == '\t' {
			errs = append(errs, LineError{line, what + " is a flat list of name: value lines; this line is indented"})
			continue
		}
		key, rest, ok := strings.Cut(s, ":")
		if !ok || strings.TrimSpace(key) == "" || strings.ContainsAny(key, " \t\"'") {
			errs = append(errs, LineError{line, fmt.Sprintf("expected name: value, got %q", s)})
			continue
		}
		val, kind, err := scalar(strings.TrimSpace(rest))
		if err != "" {
			errs = append(errs, LineError{line, fmt.Sprintf("%s %s: %s", keyWord, key, err)})
			continue
		}
		out = append(out, optionLine{line: line, key: key, value: val, kind: kind})
	}
	return out, errs
}

// scalar reads a YAML scalar: 'single' or "double" quoted (with the usual
// escapes), or plain up to a " #" comment. Lists and maps are refused.
func scalar(s string) (string, scalarKind, string) {
	switch {
	case s == "":
		return "", plainScalar, "expected a value after the colon"
	case s[0] == '#':
		return "", plainScalar, `expected a value (in YAML a # starts a comment: quote a colour, "#ff0000")`
	case s[0] == '"' || s[0] == '\'':
		end := strings.LastIndexByte(s, s[0])
		if end == 0 {
			return "", 0, "the quoted value is not closed"
		}
		if tail := strings.TrimSpace(s[end+1:]); tail != "" && !strings.HasPrefix(tail, "#") {
			return "", 0, fmt.Sprintf("unexpected %q after the quoted value", tail)
		}
		if s[0] == '\'' {
			return strings.ReplaceAll(s[1:end], "''", "'"), quotedScalar, ""
		}
		v, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return "", 0, "the quoted value has a bad escape"
		}
		return v, quotedScalar, ""
	case s[0] == '[' || s[0] == '{' || s[0] == '-' && (len(s) == 1 || s[1] == ' ') || s[0] == '|' || s[0] == '>' || s[0] == '&' || s[0] == '*':
		return "", 0, "expected a single value (lists, maps and block text are not options)"
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s, plainScalar, ""
}

// yamlBool reads YAML 1.2's true and false (in the three spellings).
func yamlBool(o optionLine) (bool, bool) {
	if o.kind != plainScalar {
		return false, false
	}
	switch o.value {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

func yamlInt(o optionLine) (int, bool) {
	if o.kind != plainScalar {
		return 0, false
	}
	n, err := strconv.Atoi(o.value)
	return n, err == nil
}
