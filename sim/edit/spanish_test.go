package edit_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/edit"
)

var es = i18n.Lang("es")

// spanish checks a text said in Spanish: not empty, formatted without
// errors, no message ID left showing and, unless it is all Python names,
// not the English text.
func spanish(t *testing.T, what string, say func(i18n.Lang) string, translated bool) {
	t.Helper()
	got := say(es)
	assert.NotEmpty(t, got, what)
	assert.NotContains(t, got, "%!", what)
	assert.NotContains(t, got, "edit.", "%s: a message ID shows: %q", what, got)
	if translated {
		assert.NotEqual(t, say(i18n.English), got, "%s is not translated", what)
	}
}

func TestSpanishLabels(t *testing.T) {
	tests := []struct {
		name       string
		say        func(i18n.Lang) string
		translated bool
	}{
		{"gather", edit.RunGather.Label, false},
		{"class", edit.KindClass.Label, true},
		{"generator", edit.KindGenerator.Label, false},
		{"no fault", edit.FaultNone.Label, true},
		{"raise", edit.FaultRaise.Label, true},
		{"cancel", edit.FaultCancel.Label, true},
		{"timeout", edit.FaultTimeout.Label, true},
		{"suppress", edit.FaultSuppress.Label, true},
		{"raise KeyError", edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"}.Label, true},
		{"enter start", edit.HookEnterStart.Label, true},
		{"enter end", edit.HookEnterEnd.Label, true},
		{"body", edit.HookBody.Label, true},
		{"generator point", edit.Point{Owner: "open_file", Hook: edit.HookExit, Generator: true, Text: "open_file()"}.Label, true},
		{"body point", edit.Point{Owner: "main", Hook: edit.HookBody, Text: "async with Db()"}.Label, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { spanish(t, tt.name, tt.say, tt.translated) })
	}
	assert.Equal(t, "lanza KeyError", edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"}.Label(es))
	for _, p := range edit.Points(preset(t, "generator-leak")) {
		spanish(t, p.ID(), p.Label, true)
	}
}

// TestSpanishProblems: every problem Build or Inject explains reads in
// Spanish, with its place and its cause.
func TestSpanishProblems(t *testing.T) {
	codes := []edit.Code{edit.CodeNoTasks, edit.CodeTooManyTasks, edit.CodeTooManyManagers, edit.CodeBadRunner,
		edit.CodeBadKind, edit.CodeBadFault, edit.CodeBadType, edit.CodeBadDuration, edit.CodeTimeoutHasNoCode,
		edit.CodeFinallyNotGen, edit.CodeDeadlineNotTimer, edit.CodeSuppressNotExit, edit.CodeGeneratorSuppress,
		edit.CodeBlockNoTime, edit.CodeNoAwait, edit.CodeNoAwaitAfter, edit.CodeBlockingNoAwait, edit.CodeUnreachable,
		edit.CodeExitNotCalled, edit.CodeSkippedTeardown, edit.CodeTimeoutIdle, edit.CodeNotReached,
		edit.CodeCannotLand, edit.CodeNothingToSuppress, "no-such-code"}
	for _, code := range codes {
		t.Run(string(code), func(t *testing.T) {
			p := edit.Problem{Code: code, Task: 1, Manager: 0, TaskName: "worker2", Name: "Cache2", Hook: edit.HookExit,
				Arg: "cancel", CauseName: "Database2", CauseHook: edit.HookEnterEnd, Dropped: true}
			spanish(t, "problem", p.Message, true)
			msg := p.Message(es)
			assert.Contains(t, msg, "Tarea 2 (worker2), Cache2, __aexit__: ")
			switch code {
			case edit.CodeUnreachable, edit.CodeExitNotCalled, edit.CodeSkippedTeardown:
				assert.Contains(t, msg, "el fallo en Database2.__aenter__, después del sleep")
			case edit.CodeNoAwait, edit.CodeNoAwaitAfter, edit.CodeBlockingNoAwait, edit.CodeCannotLand:
				assert.Contains(t, msg, "la cancelación")
			}
			whole := edit.Problem{Code: code, Task: -1, Manager: -1, Arg: "7"}
			spanish(t, "problem without a place", whole.Message, true)
		})
	}
	assert.Equal(t, "Un diseño necesita al menos una tarea; en su lugar se crea una tarea vacía.",
		edit.Problem{Code: edit.CodeNoTasks, Task: -1, Manager: -1}.Message(es))

	// The problems of real designs.
	for i, d := range randomDesigns(40, 1, 4, 4) {
		_, probs := d.Build()
		for _, p := range probs {
			spanish(t, fmt.Sprintf("design %d: %s", i, p.Code), p.Message, true)
		}
	}

	injectCodes := []edit.Code{edit.CodeBadFault, edit.CodeBadType, edit.CodeUnknownPoint, edit.CodePointUnrun,
		edit.CodeSuppressClass, edit.CodeGenReturn, edit.CodeSyncCode, edit.CodeNoAwait, edit.CodeCannotLand,
		edit.CodeNoTaskHandle, edit.CodeMainTask, edit.CodeInvalid, "no-such-code"}
	for _, code := range injectCodes {
		e := &edit.InjectError{Point: edit.Point{Owner: "Db", InManager: true, Hook: edit.HookExit, Text: "Db.__aexit__"},
			Fault: edit.Fault{Kind: edit.FaultTimeout}, Code: code, Detail: "worker"}
		spanish(t, "inject "+string(code), e.Message, true)
		assert.Contains(t, e.Message(es), "Inicio de Db.__aexit__: ", code)
	}
}
