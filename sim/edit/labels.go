package edit

// Short labels for the form's buttons, in English ("en") and Brazilian
// Portuguese ("pt"). Any other language gets English.

type label struct{ en, pt string }

func (l label) in(lang string) string {
	if lang == "pt" {
		return l.pt
	}
	return l.en
}

var runnerLabels = map[Runner]label{
	RunGather:    {"asyncio.gather", "asyncio.gather"},
	RunTaskGroup: {"asyncio.TaskGroup", "asyncio.TaskGroup"},
}

var kindLabels = map[ManagerKind]label{
	KindClass:     {"class (__aenter__/__aexit__)", "classe (__aenter__/__aexit__)"},
	KindGenerator: {"@asynccontextmanager", "@asynccontextmanager"},
	KindStack:     {"AsyncExitStack", "AsyncExitStack"},
	KindTimeout:   {"asyncio.timeout", "asyncio.timeout"},
}

var faultLabels = map[FaultKind]label{
	FaultNone:     {"nothing", "nada"},
	FaultRaise:    {"raise", "lança exceção"},
	FaultCancel:   {"cancel the task", "cancela a tarefa"},
	FaultTimeout:  {"time out", "estoura o tempo"},
	FaultSuppress: {"return True", "retorna True"},
}

var hookLabels = map[Hook]label{
	HookEnterStart: {"__aenter__, before the sleep", "__aenter__, antes do sleep"},
	HookEnterEnd:   {"__aenter__, after the sleep", "__aenter__, depois do sleep"},
	HookBody:       {"the body", "o corpo"},
	HookExit:       {"__aexit__", "__aexit__"},
}

// Label is the runner's button text.
func (r Runner) Label(lang string) string { return labelOf(runnerLabels, r, lang) }

// Label is the manager kind's button text.
func (k ManagerKind) Label(lang string) string { return labelOf(kindLabels, k, lang) }

// Label is the fault kind's button text.
func (k FaultKind) Label(lang string) string { return labelOf(faultLabels, k, lang) }

// Label names the hook point.
func (h Hook) Label(lang string) string { return labelOf(hookLabels, h, lang) }

// Label is the fault's button text: the kind, with the exception type for
// a raise ("raise KeyError").
func (f Fault) Label(lang string) string {
	if f.Kind == FaultRaise {
		return f.Kind.Label(lang) + " " + f.excType()
	}
	return f.Kind.Label(lang)
}

// labelOf looks a value up, falling back to its own spelling so that an
// unknown value read from a link still shows as what it is.
func labelOf[K ~string](m map[K]label, k K, lang string) string {
	if l, ok := m[k]; ok {
		return l.in(lang)
	}
	return string(k)
}
