package replay

import (
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

// labels lists a lane's frames by manager.
func labels(l *Lane) []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, f := range l.Frames {
		out = append(out, f.Manager)
	}
	return out
}

// popOrder lists the managers in the order they leave the task's stack.
func popOrder(r *Replay, task string) []string {
	var out []string
	prev := labels(r.At(-1).Lane(task))
	for i := 0; i < r.Len(); i++ {
		cur := labels(r.At(i).Lane(task))
		for _, m := range prev {
			if !slices.Contains(cur, m) {
				out = append(out, m)
			}
		}
		prev = cur
	}
	return out
}

func TestFramesLeaveTheStackLastInFirstOut(t *testing.T) {
	tests := []struct {
		preset, task string
		deepest      []string // the stack at its deepest, outermost first
		popped       []string
	}{
		{"nested-exit-order", "main", []string{"A", "B", "C"}, []string{"C", "B", "A"}},
		{"exit-stack", "main", []string{"AsyncExitStack", "A", "B"}, []string{"B", "A", "AsyncExitStack"}},
		{"aenter-fails", "main", []string{"First", "Second"}, []string{"Second", "First"}},
		{"cancel-in-aenter", "worker", []string{"Logger", "SlowConnect"}, []string{"SlowConnect", "Logger"}},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			r := runPreset(t, tt.preset)
			var deepest []string
			for i := 0; i < r.Len(); i++ {
				if l := labels(r.At(i).Lane(tt.task)); len(l) > len(deepest) {
					deepest = l
				}
			}
			assert.Equal(t, tt.deepest, deepest)
			assert.Equal(t, tt.popped, popOrder(r, tt.task))
		})
	}
}

func TestFrameStaysVisibleForTheStepThatFinishesIt(t *testing.T) {
	r := runPreset(t, "nested-exit-order")
	i := eventIndex(t, r, sim.AexitReturned, "C", 0)
	c := r.At(i).Lane("main").Frame("C")
	require.NotNil(t, c, "C is still shown when its __aexit__ returns")
	assert.Equal(t, PhaseExited, c.Phase)
	assert.Equal(t, ResReleased, c.Resource)
	assert.Equal(t, "None, None, None", c.Args)
	assert.Equal(t, "None", c.Returned)
	assert.Nil(t, r.At(i+1).Lane("main").Frame("C"), "and gone at the next step")
	for _, m := range []string{"A", "B"} {
		f := r.At(i).Lane("main").Frame(m)
		require.NotNil(t, f)
		assert.Equal(t, PhaseBody, f.Phase, m)
		assert.Equal(t, ResOpen, f.Resource, m)
	}
}

func TestManagerWhoseAenterFailsGetsNoAexit(t *testing.T) {
	tests := []struct {
		preset, task, failing, outer, exc string
	}{
		{"aenter-fails", "main", "Second", "First", "ConnectionError"},
		{"cancel-in-aenter", "worker", "SlowConnect", "Logger", "CancelledError"},
		{"generator-never-yields", "main", "maybe_connect", "", "RuntimeError"},
		{"missing-aexit", "main", "HalfManager", "", "TypeError"},
		{"state-init-fails", "main", "Replica", "Connection", "ConnectionError"},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			r := runPreset(t, tt.preset)
			kind, res := sim.AenterRaised, ResClosed
			switch tt.preset {
			case "missing-aexit":
				kind = sim.ProtocolError
			case "state-init-fails":
				kind, res = sim.InitRaised, ResNone // no object, no resource
				f := r.At(i0(t, r, sim.InitStarted, tt.failing)).Lane(tt.task).Frame(tt.failing)
				require.NotNil(t, f, "shown while its __init__ runs")
				assert.Equal(t, PhaseInit, f.Phase)
			}
			i := eventIndex(t, r, kind, tt.failing, 0)
			s := r.At(i)
			l := s.Lane(tt.task)
			f := l.Frame(tt.failing)
			require.NotNil(t, f, "the failing manager is shown at the step it fails")
			assert.Equal(t, PhaseFailed, f.Phase)
			assert.True(t, f.NoAexit)
			require.NotNil(t, f.Raised)
			assert.Equal(t, tt.exc, f.Raised.Type)
			assert.Equal(t, res, f.Resource, "never acquired")
			tok := s.Token()
			require.NotNil(t, tok)
			assert.Equal(t, frameIndex(l, tt.failing), tok.Level)
			assert.Equal(t, tt.exc, tok.Exc.Type)

			next := r.At(i + 1)
			assert.Nil(t, next.Lane(tt.task).Frame(tt.failing), "gone at the next step")
			for j := 0; j < r.Len(); j++ {
				ev := r.Event(j)
				assert.False(t, ev.Kind == sim.AexitCalled && ev.Manager == tt.failing, "event %d calls its __aexit__", j)
			}
			if tt.outer != "" {
				j := eventIndex(t, r, sim.AexitCalled, tt.outer, 0)
				tok := r.At(j).Token()
				require.NotNil(t, tok)
				assert.Equal(t, MoveReceived, tok.Move)
				assert.Equal(t, tt.outer, tok.Manager)
				assert.Equal(t, 0, tok.Level)
				assert.Equal(t, tt.exc, tok.Exc.Type)
			}
		})
	}
}

func TestLeaksShowWhenTheManagerIsDone(t *testing.T) {
	tests := []struct {
		preset, manager string
		exitEnd         sim.EventKind // how its exit ends
		leaks           bool
	}{
		{"generator-leak", "open_file", sim.AexitReturned, true},
		{"aexit-replaces", "FragileCleanup", sim.AexitRaised, true},
		{"generator-finally", "", sim.AexitReturned, false},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			r := runPreset(t, tt.preset)
			end := r.At(r.Len() - 1)
			if !tt.leaks {
				assert.Empty(t, end.Resources.Leaked)
				assert.Zero(t, end.Resources.Open)
				return
			}
			assert.Equal(t, []string{tt.manager}, end.Resources.Leaked)
			i := eventIndex(t, r, tt.exitEnd, tt.manager, 0)
			before := r.At(i - 1)
			assert.Equal(t, ResClosing, before.Lane("main").Frame(tt.manager).Resource, "still being closed")
			assert.Empty(t, before.Resources.Leaked)
			at := r.At(i)
			assert.Equal(t, before.Resources.Open-1, at.Resources.Open, "no longer counted as open")
			assert.Equal(t, ResLeaked, at.Lane("main").Frame(tt.manager).Resource)
			assert.Equal(t, []string{tt.manager}, at.Resources.Leaked)
		})
	}
}

func TestGatherShowsLanesAndQueues(t *testing.T) {
	r := runPreset(t, "gather-interleave")
	// main suspends on gather: both workers are created and queued in order.
	s := r.At(eventIndex(t, r, sim.TaskSuspended, "", 0))
	assert.Equal(t, []string{"main", "print_job", "scan_job"}, []string{s.Lanes[0].Task, s.Lanes[1].Task, s.Lanes[2].Task})
	assert.Equal(t, []string{"print_job", "scan_job"}, s.Loop.Ready)
	assert.Equal(t, []string{"main"}, s.Loop.Waiting)
	assert.Equal(t, TaskWaiting, s.Lanes[0].State)
	assert.Equal(t, "gather", s.Lanes[0].Waits)
	assert.Equal(t, "", s.Loop.Running)

	// Both managers are inside __aenter__, on timers: 1 s and 0.5 s.
	s = r.At(eventIndex(t, r, sim.AenterSuspend, "Scanner", 0))
	assert.Equal(t, []Sleeper{{"scan_job", 0.5}, {"print_job", 1}}, s.Loop.Sleeping)
	assert.Empty(t, s.Loop.Ready)
	for _, task := range []string{"print_job", "scan_job"} {
		l := s.Lane(task)
		assert.Equal(t, TaskSleeping, l.State, task)
		require.Len(t, l.Frames, 1)
		assert.Equal(t, PhaseEntering, l.Frames[0].Phase)
		assert.True(t, l.Frames[0].Suspended)
		assert.Equal(t, ResOpening, l.Frames[0].Resource)
	}

	// At 0.5 s the scanner's timer fires: it is ready, then running.
	i := eventIndex(t, r, sim.TaskReady, "", 0)
	s = r.At(i)
	assert.Equal(t, 0.5, s.Time)
	assert.Equal(t, []string{"scan_job"}, s.Loop.Ready)
	assert.Equal(t, []Sleeper{{"print_job", 1}}, s.Loop.Sleeping)
	s = r.At(i + 1)
	assert.Equal(t, "scan_job", s.Loop.Running)
	assert.Equal(t, TaskRunning, s.Lane("scan_job").State)

	end := r.At(r.Len() - 1)
	for _, l := range end.Lanes {
		assert.Equal(t, TaskDone, l.State, l.Task)
		assert.Empty(t, l.Frames)
	}
	assert.Equal(t, "'scanned'", end.Lane("scan_job").Outcome)
	assert.Equal(t, len(r.Lines()), end.Output)
}

func TestBlockingCallFreezesTheLoopForItsStep(t *testing.T) {
	r := runPreset(t, "blocking-call")
	i := eventIndex(t, r, sim.Blocked, "", 0)
	s := r.At(i)
	assert.True(t, s.Loop.Blocked)
	assert.Equal(t, 2.0, s.Loop.BlockedFor)
	assert.Equal(t, "connector", s.Loop.Running)
	assert.Equal(t, []Sleeper{{"ticker", 0.5}}, s.Loop.Sleeping, "the ticker's timer is overdue, and it cannot run")
	assert.False(t, r.At(i-1).Loop.Blocked)
	assert.False(t, r.At(i+1).Loop.Blocked)
}

func TestTokenFollowsTheException(t *testing.T) {
	tests := []struct {
		preset  string
		kind    sim.EventKind
		manager string
		move    Move
		level   int
		exc     string
		old     string
	}{
		{"suppress", sim.ExcRaised, "", MoveRaised, 1, "ValueError", ""},
		{"suppress", sim.AexitCalled, "Forgiving", MoveReceived, 1, "ValueError", ""},
		{"suppress", sim.ExcSuppressed, "Forgiving", MoveSuppressed, 1, "ValueError", ""},
		{"aexit-replaces", sim.ExcReplaced, "FragileCleanup", MoveReplaced, 1, "RuntimeError", "ValueError"},
		{"aexit-replaces", sim.ExcPropagated, "Outer", MovePropagated, -1, "RuntimeError", ""},
		{"generator-leak", sim.GenThrown, "open_file", MoveThrown, 0, "OSError", ""},
		{"timeout", sim.ExcReplaced, "timeout", MoveReplaced, 0, "TimeoutError", "CancelledError"},
		{"taskgroup-sibling-fails", sim.TaskFailed, "", MoveEnded, -1, "ValueError", ""},
	}
	for _, tt := range tests {
		t.Run(tt.preset+"/"+tt.kind.String(), func(t *testing.T) {
			r := runPreset(t, tt.preset)
			i := eventIndex(t, r, tt.kind, tt.manager, 0)
			tok := r.At(i).Token()
			require.NotNil(t, tok)
			assert.Equal(t, tt.move, tok.Move)
			assert.Equal(t, tt.level, tok.Level)
			assert.Equal(t, tt.exc, tok.Exc.Type)
			assert.Equal(t, i, tok.At)
			if tt.old != "" {
				require.NotNil(t, tok.Old)
				assert.Equal(t, tt.old, tok.Old.Type)
			}
		})
	}
}

func TestTokenEndsAfterItIsSuppressedOrCaught(t *testing.T) {
	for _, tc := range []struct {
		preset string
		kind   sim.EventKind
	}{{"suppress", sim.ExcSuppressed}, {"aenter-fails", sim.ExcCaught}} {
		r := runPreset(t, tc.preset)
		i := eventIndex(t, r, tc.kind, "", 0)
		assert.Len(t, r.At(i).Tokens, 1, tc.preset)
		assert.Empty(t, r.At(i+1).Tokens, tc.preset)
	}
}

// loopProblems lists what is wrong with a snapshot's loop and lanes:
// every task in at most one queue, the one its state says; ended tasks
// in none; at most one task running; timers in deadline order; tokens on
// existing stack levels.
func loopProblems(s *Snapshot) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	seen := map[string]int{}
	for _, q := range [][]string{s.Loop.Ready, s.Loop.Waiting} {
		for _, task := range q {
			seen[task]++
		}
	}
	for _, sl := range s.Loop.Sleeping {
		seen[sl.Task]++
	}
	if !sort.SliceIsSorted(s.Loop.Sleeping, func(a, b int) bool { return s.Loop.Sleeping[a].Wake < s.Loop.Sleeping[b].Wake }) {
		bad("timers out of order")
	}
	running := 0
	for _, l := range s.Lanes {
		if seen[l.Task] > 1 {
			bad("%s in two queues", l.Task)
		}
		switch l.State {
		case TaskRunning:
			running++
			if s.Loop.Running != l.Task {
				bad("%s runs but the loop runs %q", l.Task, s.Loop.Running)
			}
		case TaskReady, TaskNotStarted:
			if !slices.Contains(s.Loop.Ready, l.Task) {
				bad("%s ready but not queued", l.Task)
			}
		case TaskSleeping:
			if !slices.Contains(s.Loop.Sleeping, Sleeper{l.Task, l.Wake}) {
				bad("%s sleeps but has no timer", l.Task)
			}
		case TaskWaiting:
			if !slices.Contains(s.Loop.Waiting, l.Task) {
				bad("%s waits but is not listed", l.Task)
			}
		default:
			if seen[l.Task] > 0 {
				bad("%s ended but queued", l.Task)
			}
		}
	}
	if running > 1 {
		bad("%d tasks running", running)
	}
	for _, tok := range s.Tokens {
		if tok.Level < -1 || tok.Level >= len(s.Lanes[tok.Lane].Frames) {
			bad("token of %s at level %d", tok.Task, tok.Level)
		}
	}
	return out
}

func TestEveryPresetKeepsTheLoopConsistent(t *testing.T) {
	for _, p := range catalogtest.Presets(t) {
		res, err := sim.Run(p.Scenario)
		require.NoError(t, err)
		r := New(res)
		for i := -1; i < r.Len(); i++ {
			if s := r.At(i); len(loopProblems(s)) > 0 {
				assert.Empty(t, loopProblems(s), "%s\n%s", p.Name, dump(s))
			}
		}
		end := r.At(r.Len() - 1)
		assert.Equal(t, len(r.Lines()), end.Output, p.Name)
		assert.Equal(t, len(res.Tasks), len(end.Lanes), p.Name)
		for k, out := range res.Tasks {
			want := map[string]TaskState{"result": TaskDone, "exception": TaskFailed, "cancelled": TaskCancelled}[out.State]
			assert.Equal(t, want, end.Lanes[k].State, "%s %s", p.Name, out.Name)
		}
	}
}

// TestRandomAccessEqualsStepping: the world at step i is the same whether
// reached by playing from the start or by jumping there from anywhere,
// with checkpoints dense, sparse, or thinned to fit a tiny budget.
func TestRandomAccessEqualsStepping(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, p := range catalogtest.Presets(t) {
		res, err := sim.Run(p.Scenario)
		require.NoError(t, err)
		played := New(res)
		want := make([]*Snapshot, 0, played.Len()+1)
		for i := -1; i < played.Len(); i++ {
			want = append(want, played.At(i))
		}
		for _, cfg := range []struct{ every, budget int }{{minEvery, markBudget}, {2, 1 << 20}, {3, 40}} {
			r := newReplay(res, cfg.every, cfg.budget)
			order := rng.Perm(r.Len() + 1)
			if len(order) > 200 { // the stress preset: a sample is enough
				order = order[:200]
			}
			for _, i := range order {
				require.Equal(t, want[i], r.At(i-1), "%s at %d (every %d)", p.Name, i-1, cfg.every)
			}
			for i := min(r.Len(), 300) - 1; i >= -1; i-- {
				require.Equal(t, want[i+1], r.At(i), "%s backwards at %d", p.Name, i)
			}
		}
	}
}

func TestCheckpointsStayWithinBudget(t *testing.T) {
	r := runPreset(t, "gather-interleave")
	small := newReplay(r.Result(), 1, 30)
	used := 0
	for _, m := range small.marks {
		used += m.size()
	}
	assert.LessOrEqual(t, used, 30+small.marks[len(small.marks)-1].size())
	assert.Greater(t, small.every, 1, "the spacing doubled")
	for k, m := range small.marks {
		assert.Equal(t, k*small.every-1, m.snap.Index, "checkpoint %d", k)
	}
}

func TestAtClampsAndCaches(t *testing.T) {
	r := runPreset(t, "suppress")
	assert.Equal(t, -1, r.At(-5).Index)
	assert.Equal(t, r.Len()-1, r.At(r.Len()+10).Index)
	assert.Same(t, r.At(3), r.At(3), "the same step twice is the same snapshot")
	before := r.At(-1)
	assert.Empty(t, before.Lanes)
	assert.Zero(t, before.Output)
}
