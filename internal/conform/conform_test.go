package conform

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/internal/pyrun"
	"asyncwithlab/sim"
)

func TestCompare(t *testing.T) {
	valueErr := &sim.ExcInfo{Type: "ValueError", Message: "x", Repr: "ValueError('x')"}
	cancelled := &sim.ExcInfo{Type: "CancelledError", Repr: "CancelledError()"}
	pyValueErr := &pyrun.Exc{Type: "ValueError", Message: "x", Repr: "ValueError('x')"}
	pyCancelled := &pyrun.Exc{Type: "CancelledError", Repr: "CancelledError()"}
	none := "None"

	base := func() (*sim.Result, Expected) {
		res := &sim.Result{Stdout: "a\nb\n", Time: 1,
			Tasks: []sim.TaskOutcome{{Name: "main", Function: "main", State: "result", Result: "None"},
				{Name: "w", Function: "w", State: "exception", Exc: valueErr}}}
		exp := Expected{Stdout: "a\nb\n", Report: pyrun.Report{Time: 1, Tasks: []pyrun.Task{
			{Name: "main", State: "result", Result: &none},
			{Name: "w", State: "exception", Exception: pyValueErr},
			{Name: "async_generator_athrow", State: "result", Result: &none}}}}
		return res, exp
	}
	tests := []struct {
		name   string
		change func(*sim.Result, *Expected)
		want   string // "" means no differences
	}{
		{"identical (shutdown_asyncgens tasks ignored)", func(*sim.Result, *Expected) {}, ""},
		{"stdout", func(r *sim.Result, e *Expected) { e.Stdout = "a\nc\n" }, "stdout differs"},
		{"task state", func(r *sim.Result, e *Expected) { e.Report.Tasks[1].State = "cancelled" }, "engine state exception, CPython cancelled"},
		{"context chain", func(r *sim.Result, e *Expected) {
			e.Report.Tasks[1].Exception = &pyrun.Exc{Type: "ValueError", Message: "x", Repr: "ValueError('x')", Context: pyCancelled}
		}, "engine has no exception, CPython has CancelledError()"},
		{"cause that is the context", func(r *sim.Result, e *Expected) {
			r.Tasks[1].Exc = &sim.ExcInfo{Type: "TimeoutError", Repr: "TimeoutError()", Context: cancelled, CauseIsContext: true, SuppressContext: true}
			e.Report.Tasks[1].Exception = &pyrun.Exc{Type: "TimeoutError", Repr: "TimeoutError()", SuppressContext: true,
				Context: &pyrun.Exc{Type: "CancelledError", Repr: "CancelledError()"}, Cause: pyCancelled}
		}, ""},
		{"virtual time", func(r *sim.Result, e *Expected) { e.Report.Time = 2 }, "final virtual time"},
		{"harness error", func(r *sim.Result, e *Expected) { e.Report.Error = "deadlock" }, "CPython run failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, exp := base()
			tc.change(res, &exp)
			diffs := Compare(res, exp)
			if tc.want == "" {
				assert.Empty(t, diffs)
				return
			}
			assert.NotEmpty(t, diffs)
			assert.Contains(t, diffs[0], tc.want)
		})
	}
}
