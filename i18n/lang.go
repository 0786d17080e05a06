package i18n

import (
	"sort"
	"strings"
)

// Lang is a language the app speaks, by its ISO 639-1 code ("en", "pt",
// "es"): the name of its catalogue's folder.
type Lang string

// English is the language of last resort: a locale that matches no
// catalogue gets it, and a message missing from a catalogue is taken
// from it.
const English Lang = "en"

// Match picks the language for a locale, by one rule: the part before
// the first '-', '_', '.' or '@', in any case, names the language
// ("pt-BR", "pt_PT", "PT" and "pt_BR.UTF-8" are all Portuguese); a locale
// whose language has no catalogue gets English.
func Match(locale string) Lang {
	code := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(code, "-_.@"); i >= 0 {
		code = code[:i]
	}
	if _, ok := load().langs[Lang(code)]; ok {
		return Lang(code)
	}
	return English
}

// Langs lists the languages that have a catalogue, in the order the
// language switch shows them (each catalogue's "order", then its code).
func Langs() []Lang {
	c := load()
	out := make([]Lang, 0, len(c.langs))
	for l := range c.langs {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := c.langs[out[i]], c.langs[out[j]]
		if a.order != b.order {
			return a.order < b.order
		}
		return out[i] < out[j]
	})
	return out
}

// Codes are the codes of Langs, for help texts ("en, pt, es").
func Codes() string {
	var codes []string
	for _, l := range Langs() {
		codes = append(codes, string(l))
	}
	return strings.Join(codes, ", ")
}

// Name is the language's name in itself ("Português"), for the switch.
func (l Lang) Name() string {
	if c, ok := load().langs[l]; ok && c.name != "" {
		return c.name
	}
	return string(l)
}
