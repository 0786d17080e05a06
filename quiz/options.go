package quiz

import (
	"fmt"
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

// readOptions reads an options block's lines (the first is file line
// openLine+1) into o and returns the names of the options it set.
func (p *parser) readOptions(body []byte, openLine int, o *Options) map[string]bool {
	set := map[string]bool{}
	lines, errs := splitOptions(string(body), openLine+1, "the options block", "option")
	for _, e := range errs {
		p.fileErrorf(e.Line, "%s", e.Msg)
	}
	for _, ol := range lines {
		name, ok := optionKeys[ol.key]
		if !ok {
			known := append([]string(nil), optionNames...)
			sort.Strings(known)
			p.fileErrorf(ol.line, "unknown option %q (expected one of %s)", ol.key, strings.Join(known, ", "))
			continue
		}
		set[name] = true
		switch name {
		case "shuffleAnswers", "shuffleQuestions", "enableRetry", "startOnLoad":
			b, ok := yamlBool(ol)
			if !ok {
				p.fileErrorf(ol.line, "option %s: expected true or false, got %q", ol.key, ol.value)
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
				p.fileErrorf(ol.line, "option %s: expected %s, got %q", ol.key, want, ol.value)
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
	return set
}

// optionValue is an option's value, written out, for comparing two
// quizzes' options by name.
func optionValue(o Options, name string) string {
	switch name {
	case "shuffleAnswers":
		return fmt.Sprint(o.ShuffleAnswers)
	case "shuffleQuestions":
		return fmt.Sprint(o.ShuffleQuestions)
	case "nQuestions":
		return fmt.Sprint(o.NQuestions)
	case "passingGrade":
		return fmt.Sprint(o.PassingGrade)
	case "locale":
		return o.Locale
	case "enableRetry":
		return fmt.Sprint(o.EnableRetry)
	case "primaryColor":
		return o.PrimaryColor
	case "secondaryColor":
		return o.SecondaryColor
	case "textColor":
		return o.TextColor
	case "startOnLoad":
		return fmt.Sprint(o.StartOnLoad)
	case "customPassMsg":
		return o.CustomPassMsg
	case "customFailMsg":
		return o.CustomFailMsg
	}
	return ""
}
