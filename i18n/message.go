package i18n

import (
	"fmt"
	"sort"
)

// T is the message id in language l, formatted with args as by
// fmt.Sprintf. A message the language lacks is taken from English; an id
// no catalogue has comes back as itself, so a slip shows on screen
// instead of an empty space (the catalogue test keeps both from
// happening).
func (l Lang) T(id string, args ...any) string {
	m, from := l.lookup(id)
	return l.format(m.form(from, -1), args)
}

// N is the plural message id in language l for the count n, formatted
// with args (which usually hold n as well): "1 try left", "2 tries left".
// The form is chosen by the language's plural rule.
func (l Lang) N(id string, n int, args ...any) string {
	m, from := l.lookup(id)
	return l.format(m.form(from, n), args)
}

// ExplanationPrefixes are every language's explanation prefix
// ("Explanation:", "Explicação:", …), in the switch's order: the quiz
// reader accepts any of them, whatever the file's language. They come
// from language.json, so reading them loads no language's messages.
func ExplanationPrefixes() []string {
	var out []string
	for _, l := range Langs() {
		if p := load().langs[l].explain; p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Has reports whether language l's own catalogue holds id (English is
// not consulted): the catalogue test uses it.
func (l Lang) Has(id string) bool {
	c, ok := load().langs[l]
	if !ok {
		return false
	}
	_, ok = c.messages()[id]
	return ok
}

// lookup finds id in l's catalogue, else in English's, and says which
// language it came from (its plural rule picks the form).
func (l Lang) lookup(id string) (message, Lang) {
	c := load()
	if cat, ok := c.langs[l]; ok {
		if m, ok := cat.messages()[id]; ok {
			return m, l
		}
	}
	if m, ok := c.langs[English].messages()[id]; ok {
		return m, English
	}
	return message{other: id}, English
}

func (l Lang) format(f string, args []any) string {
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// message is one catalogue entry: a plain text (other only) or plural
// forms by CLDR category.
type message struct {
	forms map[string]string
	other string
}

// form picks the text for the count n (n < 0: no count, the "other"
// form or the plain text).
func (m message) form(l Lang, n int) string {
	if n >= 0 && m.forms != nil {
		if cat, ok := load().langs[l]; ok {
			if f, ok := m.forms[cat.plural.category(n)]; ok {
				return f
			}
		}
	}
	return m.other
}

// IDs lists the IDs of language l's own catalogue, sorted.
func IDs(l Lang) []string {
	c, ok := load().langs[l]
	if !ok {
		return nil
	}
	msgs := c.messages()
	out := make([]string, 0, len(msgs))
	for id := range msgs {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
