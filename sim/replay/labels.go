package replay

import "fmt"

// Status says in a few words where a lane's task stands, for the lane's
// header: "sleeping until 1.5 s", "waiting for worker#2", "failed:
// ValueError"; English ("en") or Brazilian Portuguese ("pt").
func (l *Lane) Status(lang string) string {
	c := captioner{pt: lang == "pt"}
	switch l.State {
	case TaskSleeping:
		return c.say("status.sleeping", c.secs(l.Wake))
	case TaskWaiting:
		if l.Waits != "" {
			return c.say("status.waiting.for", l.Waits)
		}
	case TaskDone:
		return c.say("status.done", l.Outcome)
	case TaskFailed:
		return c.say("status.failed", excType(l.Exc))
	}
	return c.say("status." + l.State.String())
}

// Label names a phase for a frame's badge, in English or Portuguese.
func (p Phase) Label(lang string) string {
	return (&captioner{pt: lang == "pt"}).say("phase." + p.String())
}

// Label names a resource state for a frame's badge, in English or
// Portuguese ("" for ResNone: nothing to show).
func (r Resource) Label(lang string) string {
	if r == ResNone {
		return ""
	}
	return (&captioner{pt: lang == "pt"}).say("res." + r.String())
}

// badges are the short words of the badges, English then Portuguese.
var badges = map[string][2]string{
	"status.not started": {"not started", "não iniciada"},
	"status.ready":       {"ready", "pronta"},
	"status.running":     {"running", "rodando"},
	"status.sleeping":    {"sleeping until %[1]s", "dormindo até %[1]s"},
	"status.waiting":     {"waiting", "esperando"},
	"status.waiting.for": {"waiting for %[1]s", "esperando %[1]s"},
	"status.done":        {"returned %[1]s", "retornou %[1]s"},
	"status.failed":      {"failed: %[1]s", "falhou: %[1]s"},
	"status.cancelled":   {"cancelled", "cancelada"},
	"phase.created":      {"created", "criado"},
	"phase.entering":     {"entering", "entrando"},
	"phase.in body":      {"in body", "no corpo"},
	"phase.exiting":      {"exiting", "saindo"},
	"phase.exited":       {"exited", "saiu"},
	"phase.failed":       {"aexit never called", "aexit nunca chamado"},
	"res.closed":         {"closed", "fechado"},
	"res.opening":        {"opening", "abrindo"},
	"res.open":           {"open", "aberto"},
	"res.closing":        {"closing", "fechando"},
	"res.released":       {"closed again", "fechado de novo"},
	"res.leaked":         {"LEAKED", "VAZOU"},
}

func init() {
	for k, v := range badges {
		if _, dup := phrases[k]; dup {
			panic(fmt.Sprintf("replay: label %q is also a phrase", k))
		}
		phrases[k] = v
	}
}
