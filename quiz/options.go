package quiz

import (
	"bytes"
	"sort"
	"strings"
)

// optionKeys maps every spelling quizdown accepts (camelCase and the older
// snake_case) to the option's name.
var optionKeys = map[string]string{}

var optionNames = []string{"shuffleAnswers", "shuffleQuestions", "nQuestions", "passingGrade", "locale",
	"enableRetry", "primaryColor", "secondaryColor", "textColor", "startOnLoad", "customPassMsg", "customFailMsg"}

func init() {
	for _, n := range optionNames {
		optionKeys[n] = n
		var snake strings.Builder
		for _, r := range n {
			if r >= 'A' && r <= 'Z' {
				snake.WriteByte('_')
				r += 'a' - 'A'
			}
			snake.WriteRune(r)
		}
		optionKeys[snake.String()] = n
	}
}

// options reads the options block (YAML between --- lines before the
// first heading) and returns src with the block blanked out, so that line
// numbers stay the same.
func (p *parser) options(src []byte) []byte {
	start := 0
	for start < len(src) && (src[start] == '\n' || src[start] == '\r' || src[start] == ' ' || src[start] == '\t') {
		start++
	}
	if !bytes.HasPrefix(src[start:], []byte("---")) {
		return src
	}
	firstEnd := bytes.IndexByte(src[start:], '\n')
	if firstEnd < 0 || strings.TrimSpace(string(src[start:start+firstEnd])) != "---" {
		return src
	}
	bodyStart := start + firstEnd + 1
	openLine := p.lineOff + bytes.Count(src[:start], []byte("\n")) + 1
	end := -1
	for i := bodyStart; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		lineEnd := len(src)
		if j >= 0 {
			lineEnd = i + j
		}
		if strings.TrimSpace(string(src[i:lineEnd])) == "---" {
			end = i
			break
		}
		if j < 0 {
			break
		}
		i = lineEnd + 1
	}
	if end < 0 {
		p.errorf(openLine, "the options block opened here is never closed: expected a line with --- after the options")
		return src
	}
	p.readOptions(src[bodyStart:end], openLine)
	out := append([]byte(nil), src...)
	closeEnd := bytes.IndexByte(out[end:], '\n')
	if closeEnd < 0 {
		closeEnd = len(out) - end
	}
	for i := start; i < end+closeEnd; i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

func (p *parser) readOptions(body []byte, openLine int) {
	lines, errs := splitOptions(string(body), openLine+1)
	p.errs = append(p.errs, errs...)
	o := &p.quiz.Options
	for _, ol := range lines {
		name, ok := optionKeys[ol.key]
		if !ok {
			known := append([]string(nil), optionNames...)
			sort.Strings(known)
			p.errorf(ol.line, "unknown option %q (expected one of %s)", ol.key, strings.Join(known, ", "))
			continue
		}
		switch name {
		case "shuffleAnswers", "shuffleQuestions", "enableRetry", "startOnLoad":
			b, ok := yamlBool(ol)
			if !ok {
				p.errorf(ol.line, "option %s: expected true or false, got %q", ol.key, ol.value)
				continue
			}
			switch name {
			case "shuffleAnswers":
				o.ShuffleAnswers = b
			case "shuffleQuestions":
				o.ShuffleQuestions = b
			case "enableRetry":
				o.EnableRetry = b
			default:
				o.StartOnLoad = b
			}
		case "nQuestions", "passingGrade":
			n, ok := yamlInt(ol)
			if !ok || n < 0 || (name == "passingGrade" && n > 100) {
				want := "a whole number of questions, 0 or more"
				if name == "passingGrade" {
					want = "a percentage from 0 to 100"
				}
				p.errorf(ol.line, "option %s: expected %s, got %q", ol.key, want, ol.value)
				continue
			}
			if name == "nQuestions" {
				o.NQuestions = n
			} else {
				o.PassingGrade = n
			}
		case "locale":
			o.Locale = ol.value
		case "primaryColor":
			o.PrimaryColor = ol.value
		case "secondaryColor":
			o.SecondaryColor = ol.value
		case "textColor":
			o.TextColor = ol.value
		case "customPassMsg":
			o.CustomPassMsg = ol.value
		case "customFailMsg":
			o.CustomFailMsg = ol.value
		}
	}
}
