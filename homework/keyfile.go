package homework

import (
	"fmt"
	"strconv"
	"strings"
)

// KeyFile is the text of the file a teacher keeps: the key, then comments
// naming the assignment and its class link (ReadKeyFile skips them).
func KeyFile(key Key, title, classAddress string) string {
	return fmt.Sprintf("%s\n# The teacher key of %q. Keep it: lab grade needs it to check each student's variant.\n# Class link: %s\n",
		key, title, classAddress)
}

// ReadKeyFile reads a key from a key file's text, or from any text
// holding one (a pasted key line); nil, nil when the text holds none.
func ReadKeyFile(text string) (*Key, error) {
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, "awl-key-") {
			k, err := ParseKey(w)
			if err != nil {
				return nil, err
			}
			return &k, nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			_, err := ParseKey(line)
			return nil, err
		}
	}
	return nil, nil
}

// ParseQuestionNumbers reads question numbers such as 1,2,5-8.
func ParseQuestionNumbers(s string) ([]int, error) {
	var out []int
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(p, "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil || a < 1 {
			return nil, fmt.Errorf("%q: expected question numbers from 1, such as 1-3,5", p)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				return nil, fmt.Errorf("%q: expected a range such as 1-3", p)
			}
		}
		if b-a > 1000 {
			return nil, fmt.Errorf("%q: too many questions", p)
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
	}
	return out, nil
}
