package predict

import (
	"fmt"
	"strings"

	"asyncwithlab/sim"
)

// text is one sentence in both languages: every string the learner sees
// is built in English and Brazilian Portuguese side by side, so that the
// two can never say different things.
type text struct{ en, pt string }

// in picks the language; any locale starting with "pt" is Portuguese.
func (t text) in(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "pt") {
		return t.pt
	}
	return t.en
}

// tr formats the same arguments into both sentences.
func tr(en, pt string, args ...any) text {
	return text{fmt.Sprintf(en, args...), fmt.Sprintf(pt, args...)}
}

// join puts sentences one after the other, skipping empty ones.
func join(parts ...text) text {
	var en, pt []string
	for _, p := range parts {
		if p.en != "" {
			en = append(en, p.en)
		}
		if p.pt != "" {
			pt = append(pt, p.pt)
		}
	}
	return text{strings.Join(en, " "), strings.Join(pt, " ")}
}

// hookNames are the method names of an async with and of a plain with.
func hookNames(sync bool) (enter, exit string) {
	if sync {
		return "__enter__", "__exit__"
	}
	return "__aenter__", "__aexit__"
}

// Label is the item as a short line for a button: "Database.__aenter__
// starts" ("Database.__aenter__ começa" in Portuguese).
func (it Item) Label(lang string) string { return it.text().in(lang) }

func (it Item) text() text {
	enter, exit := hookNames(it.sync)
	m := it.Manager
	switch it.Event {
	case sim.AenterStarted:
		return tr("%s.%s starts", "%s.%s começa", m, enter)
	case sim.AenterReturned:
		return tr("%s.%s returns", "%s.%s retorna", m, enter)
	case sim.AenterRaised:
		return tr("%s.%s raises", "%s.%s lança exceção", m, enter)
	case sim.AexitCalled:
		return tr("%s.%s is called", "%s.%s é chamado", m, exit)
	case sim.AexitReturned:
		return tr("%s.%s returns", "%s.%s retorna", m, exit)
	case sim.AexitRaised:
		return tr("%s.%s raises", "%s.%s lança exceção", m, exit)
	}
	return tr("%s: %s", "%s: %s", m, it.Event)
}

// Label is the option as a short line for a button: what __aexit__
// receives, an arrow, how the block ends ("ValueError → suppressed").
func (o Option) Label(lang string) string { return o.text().in(lang) }

func (o Option) text() text {
	args := o.Exc
	if args == "" {
		args = "None, None, None"
	}
	var end text
	switch {
	case o.Outcome == Suppressed:
		end = text{"suppressed", "suprimida"}
	case o.Outcome == Propagates:
		end = text{"propagates", "propaga"}
	case o.Outcome == Raises && o.Exc != "":
		end = tr("replaced by %s", "trocada por %s", o.New)
	case o.Outcome == Raises:
		end = tr("raises %s", "lança %s", o.New)
	default:
		end = text{"no error", "sem erro"}
	}
	return text{args + " → " + end.en, args + " → " + end.pt}
}

// Prompt is the question asked before the challenge's events play.
func (c Challenge) Prompt(lang string) string {
	if c.Kind == Aexit {
		with := "async with"
		if c.exit == "__exit__" {
			with = "with"
		}
		return tr("What does %s.%s receive, and how does the %s end?",
			"O que %s.%s recebe, e como termina o %s?", c.Manager, c.exit, with).in(lang)
	}
	return text{"In what order do these happen?", "Em que ordem isto acontece?"}.in(lang)
}
