package edit

import (
	"fmt"
	"strings"
)

// Problem explains one part of a design that Build left out (Dropped) or
// built differently from what the form says, or that has no effect. The
// form highlights the control at Where and shows Message.
type Problem struct {
	// Where is the field path in the design, as DecodeDesign names
	// fields: "tasks[1].managers[0].exit".
	Where string `json:"where"`
	Code  Code   `json:"code"`
	// Task and Manager locate the problem (0-based; -1 when it concerns
	// the whole design or the whole task); Hook is the hook point, if any.
	Task    int  `json:"task"`
	Manager int  `json:"manager"`
	Hook    Hook `json:"hook,omitempty"`
	// TaskName is the task's coroutine function ("worker2"); Name is the
	// Python name of the manager, if the problem is about one.
	TaskName string `json:"taskName,omitempty"`
	Name     string `json:"name,omitempty"`
	// Arg is the value the message quotes: the bad value, the count, the
	// kind of fault ("cancel" or "timeout").
	Arg string `json:"arg,omitempty"`
	// CauseName and CauseHook locate the earlier fault that makes this
	// one unreachable.
	CauseName string `json:"causeName,omitempty"`
	CauseHook Hook   `json:"causeHook,omitempty"`
	// Dropped says the built scenario leaves the part out.
	Dropped bool `json:"dropped"`
}

// Code says which rule a Problem is about.
type Code string

// The problems Build explains.
const (
	CodeNoTasks           Code = "no-tasks"            // zero tasks: one empty task is built
	CodeTooManyTasks      Code = "too-many-tasks"      // more than MaxTasks
	CodeTooManyManagers   Code = "too-many-managers"   // more than MaxManagers in one task
	CodeBadRunner         Code = "bad-runner"          // not one of Runners
	CodeBadKind           Code = "bad-kind"            // not one of ManagerKinds
	CodeBadFault          Code = "bad-fault"           // not one of FaultKinds
	CodeBadType           Code = "bad-type"            // not one of ExcTypes
	CodeBadDuration       Code = "bad-duration"        // not 0 or minSleep..MaxSleep
	CodeTimeoutHasNoCode  Code = "timeout-no-code"     // sleeps, faults... on asyncio.timeout
	CodeFinallyNotGen     Code = "finally-not-gen"     // try/finally on a non-generator
	CodeDeadlineNotTimer  Code = "deadline-not-timer"  // a deadline on a manager that is not a timeout
	CodeSuppressNotExit   Code = "suppress-not-exit"   // "return True" outside __aexit__
	CodeGeneratorSuppress Code = "generator-suppress"  // "return True" on a generator: built as a catch
	CodeBlockNoTime       Code = "block-no-time"       // a blocking call of 0 seconds
	CodeNoAwait           Code = "no-await"            // cancel/timeout where nothing awaits
	CodeNoAwaitAfter      Code = "no-await-after"      // cancel/timeout after the sleep of __aenter__
	CodeBlockingNoAwait   Code = "blocking-no-await"   // cancel/timeout during time.sleep
	CodeUnreachable       Code = "unreachable"         // an earlier fault stops the task first
	CodeExitNotCalled     Code = "exit-not-called"     // __aexit__ of a manager whose __aenter__ failed
	CodeSkippedTeardown   Code = "skipped-teardown"    // teardown after a bare yield, with an exception in flight
	CodeTimeoutIdle       Code = "timeout-idle"        // nothing awaits inside an asyncio.timeout
	CodeNotReached        Code = "not-reached"         // the run never got to the fault
	CodeCannotLand        Code = "cannot-land"         // no moment when the task waits there
	CodeNothingToSuppress Code = "nothing-to-suppress" // returns True but never receives an exception
)

// messages are the explanations by code, in English and Portuguese:
// {noun} is the fault's noun (see nouns), {arg} the Problem's Arg and
// {cause} the earlier fault that makes this one unreachable.
var messages = map[Code]label{
	CodeNoTasks: {"a design needs at least one task; an empty task is built in its place.",
		"um design precisa de pelo menos uma tarefa; uma tarefa vazia é criada no lugar."},
	CodeTooManyTasks: {fmt.Sprintf("a design has at most %d tasks; this one has {arg}, and those after the %dth are left out of the scenario.", MaxTasks, MaxTasks),
		fmt.Sprintf("um design tem no máximo %d tarefas; este tem {arg}, e as que vêm depois da %dª ficam de fora do cenário.", MaxTasks, MaxTasks)},
	CodeTooManyManagers: {fmt.Sprintf("a task stacks at most %d managers; this one has {arg}, and those after the %dth are left out of the scenario.", MaxManagers, MaxManagers),
		fmt.Sprintf("uma tarefa empilha no máximo %d gerenciadores; esta tem {arg}, e os que vêm depois do %dº ficam de fora do cenário.", MaxManagers, MaxManagers)},
	CodeBadRunner: {"\"{arg}\" is not a way to run tasks; asyncio.gather is used.",
		"\"{arg}\" não é um jeito de rodar tarefas; usa-se asyncio.gather."},
	CodeBadKind: {"\"{arg}\" is not a kind of manager; a class is built.",
		"\"{arg}\" não é um tipo de gerenciador; cria-se uma classe."},
	CodeBadFault: {"\"{arg}\" is not a kind of fault.",
		"\"{arg}\" não é um tipo de falha."},
	CodeBadType: {"\"{arg}\" is not one of the exceptions the editor raises (" + strings.Join(ExcTypes, ", ") + ").",
		"\"{arg}\" não é uma das exceções que o editor lança (" + strings.Join(ExcTypes, ", ") + ")."},
	CodeBadDuration: {fmt.Sprintf("{arg} is not a duration: use 0 or %v to %v seconds. 0 is used.", minSleep, MaxSleep),
		fmt.Sprintf("{arg} não é uma duração: use 0 ou de %v a %v segundos. Usa-se 0.", minSleep, MaxSleep)},
	CodeTimeoutHasNoCode: {"asyncio.timeout is a manager from the library: it has no code of its own, so {arg} does not apply to it.",
		"asyncio.timeout é um gerenciador da biblioteca: não tem código próprio, então {arg} não se aplica a ele."},
	CodeFinallyNotGen: {"only an @asynccontextmanager generator has a yield to wrap in try/finally; a class always runs its __aexit__.",
		"só um gerador @asynccontextmanager tem um yield para envolver em try/finally; uma classe sempre executa seu __aexit__."},
	CodeDeadlineNotTimer: {"only an asyncio.timeout manager has a deadline.",
		"só um gerenciador asyncio.timeout tem prazo."},
	CodeSuppressNotExit: {"only __aexit__ can suppress an exception, by returning True.",
		"só o __aexit__ pode suprimir uma exceção, retornando True."},
	CodeGeneratorSuppress: {"an @asynccontextmanager generator has no __aexit__ to return True from: it suppresses by catching the exception thrown in at its yield. It is built as try/except Exception around the yield, which lets a cancellation through (CancelledError is not an Exception).",
		"um gerador @asynccontextmanager não tem __aexit__ para retornar True: ele suprime capturando a exceção lançada no seu yield. É construído como try/except Exception em volta do yield, que deixa passar um cancelamento (CancelledError não é uma Exception)."},
	CodeBlockNoTime: {"a blocking call needs a duration: give __aenter__ a sleep (time.sleep(0) would block nothing).",
		"uma chamada bloqueante precisa de uma duração: dê um sleep ao __aenter__ (time.sleep(0) não bloquearia nada)."},
	CodeNoAwait: {"a coroutine can only be interrupted at an await, and this point never awaits: give it a sleep so that the {noun} has somewhere to land.",
		"uma corrotina só pode ser interrompida num await, e este ponto nunca faz await: dê a ele um sleep para que {noun} tenha onde cair."},
	CodeNoAwaitAfter: {"a coroutine can only be interrupted at an await, and nothing awaits after the sleep of __aenter__: choose \"before the sleep\" instead, and the {noun} lands during the sleep.",
		"uma corrotina só pode ser interrompida num await, e nada faz await depois do sleep do __aenter__: escolha \"antes do sleep\", e {noun} cai durante o sleep."},
	CodeBlockingNoAwait: {"time.sleep does not await: it freezes the whole event loop, which cannot deliver a {noun} until it returns. Use await asyncio.sleep to make this point interruptible.",
		"time.sleep não faz await: congela todo o laço de eventos, que não consegue entregar {noun} até ele retornar. Use await asyncio.sleep para que este ponto possa ser interrompido."},
	CodeUnreachable: {"never reached: {cause} already interrupts the task before this point.",
		"nunca alcançado: {cause} já interrompe a tarefa antes deste ponto."},
	CodeExitNotCalled: {"Python never calls the __aexit__ of a manager whose __aenter__ did not finish, and {cause} interrupts it.",
		"o Python nunca chama o __aexit__ de um gerenciador cujo __aenter__ não terminou, e {cause} o interrompe."},
	CodeSkippedTeardown: {"the teardown after a bare yield does not run when an exception arrives at the yield (here from {cause}), so this fault is never reached: turn on try/finally to make the teardown run.",
		"a limpeza depois de um yield sem try/finally não roda quando uma exceção chega ao yield (aqui vinda de {cause}), então esta falha nunca é alcançada: ligue o try/finally para a limpeza rodar."},
	CodeTimeoutIdle: {"nothing inside this asyncio.timeout block awaits, so it can never expire: the deadline only interrupts a task that waits.",
		"nada dentro deste bloco asyncio.timeout faz await, então ele nunca expira: o prazo só interrompe uma tarefa que espera."},
	CodeNotReached: {"the run never gets here: the task has already stopped (it failed, or was cancelled, for example by its TaskGroup) before this point.",
		"a execução nunca chega aqui: a tarefa já parou (falhou, ou foi cancelada, por exemplo pelo seu TaskGroup) antes deste ponto."},
	CodeCannotLand: {"the {noun} could not be made to land here: in the run, the task is never waiting at this point at a moment the clock can reach.",
		"não foi possível fazer {noun} cair aqui: na execução, a tarefa nunca está esperando neste ponto num momento que o relógio alcance."},
	CodeNothingToSuppress: {"__aexit__ returns True, but it never receives an exception (only None, None, None), so there is nothing to suppress.",
		"o __aexit__ retorna True, mas nunca recebe uma exceção (só None, None, None), então não há nada a suprimir."},
}

// nouns name a fault inside a sentence.
var nouns = map[FaultKind]label{
	FaultCancel:  {"cancellation", "o cancelamento"},
	FaultTimeout: {"time-out", "o estouro de tempo"},
	FaultRaise:   {"exception", "a exceção"},
}

var droppedNote = label{" This choice is left out of the scenario.", " Essa escolha fica de fora do cenário."}

// saysDropped are the codes whose message already says what is left out.
var saysDropped = map[Code]bool{CodeTooManyTasks: true, CodeTooManyManagers: true}

// Message explains the problem in English ("en") or Brazilian Portuguese
// ("pt"), starting with where it is.
func (p Problem) Message(lang string) string {
	tmpl, ok := messages[p.Code]
	if !ok {
		tmpl = label{"problem {arg}.", "problema {arg}."}
	}
	noun := labelOf(nouns, FaultKind(p.Arg), lang)
	cause := placeText(lang, p.CauseName, p.CauseHook)
	text := strings.NewReplacer("{noun}", noun, "{arg}", p.Arg, "{cause}", cause).Replace(tmpl.in(lang))
	if p.Dropped && !saysDropped[p.Code] {
		text += droppedNote.in(lang)
	}
	if where := p.place(lang); where != "" {
		return where + ": " + text
	}
	return upperFirst(text)
}

// place says where the problem is: "Task 2 (worker2), Cache2, __aexit__".
func (p Problem) place(lang string) string {
	if p.Task < 0 {
		return ""
	}
	task := label{"Task %d", "Tarefa %d"}
	s := fmt.Sprintf(task.in(lang), p.Task+1)
	if p.TaskName != "" {
		s += " (" + p.TaskName + ")"
	}
	if p.Manager < 0 {
		if p.Hook != "" {
			s += ", " + p.Hook.Label(lang)
		}
		return s
	}
	if p.Name != "" {
		s += ", " + p.Name
	} else {
		s += fmt.Sprintf(label{", manager %d", ", gerenciador %d"}.in(lang), p.Manager+1)
	}
	if p.Hook != "" {
		s += ", " + p.Hook.Label(lang)
	}
	return s
}

// placeText names a hook of a manager (or a task's body) in a sentence:
// "the raise in Cache2.__aenter__, before the sleep".
func placeText(lang, name string, h Hook) string {
	if h == "" {
		return name
	}
	what := label{"the fault in ", "a falha em "}.in(lang)
	if h == HookBody {
		return what + fmt.Sprintf(label{"the body of %s", "o corpo de %s"}.in(lang), name)
	}
	return what + name + "." + h.Label(lang)
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
