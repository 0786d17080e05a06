package predict_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/simrand"
)

// aexitWant is what one Aexit challenge must say, from Python's rules.
type aexitWant struct {
	manager string
	exc     string // what __aexit__ receives ("" for None)
	outcome predict.Outcome
	new     string   // the exception raised, for Raises
	names   []string // what the explanation must name
}

func TestFindAexitFollowsPython(t *testing.T) {
	tests := []struct {
		preset string
		want   []aexitWant
	}{
		// B.__aenter__ raises: B gets no __aexit__, A gets the error.
		{"aenter-fails", []aexitWant{{"First", "ConnectionError", predict.Propagates, "", []string{"Second.__aenter__", "Second.__aexit__ is never called"}}}},
		// A truthy return suppresses; the outer manager then sees None.
		{"suppress", []aexitWant{
			{"Forgiving", "ValueError", predict.Suppressed, "", []string{"True"}},
			{"Outer", "", predict.Normal, "", []string{"Forgiving.__aexit__ suppressed"}}}},
		// A raising __aexit__ replaces the error; the outer one sees the new one.
		{"aexit-replaces", []aexitWant{
			{"FragileCleanup", "ValueError", predict.Raises, "RuntimeError", []string{"RuntimeError"}},
			{"Outer", "RuntimeError", predict.Propagates, "", []string{"FragileCleanup.__aexit__"}}}},
		{"cancel-in-body", []aexitWant{{"Connection", "CancelledError", predict.Propagates, "", []string{"cancelled"}}}},
		{"cancel-swallowed", []aexitWant{{"SwallowAll", "CancelledError", predict.Suppressed, "", nil}}},
		// Cancelled inside __aenter__: that manager gets no __aexit__.
		{"cancel-in-aenter", []aexitWant{{"Logger", "CancelledError", predict.Propagates, "", []string{"SlowConnect.__aenter__"}}}},
		// Cancelled while __aexit__ waits: it raises though it got None.
		{"cancel-in-aexit", []aexitWant{
			{"SlowClose", "", predict.Raises, "CancelledError", []string{"cancelled"}},
			{"Outer", "CancelledError", predict.Propagates, "", []string{"SlowClose.__aexit__"}}}},
		// The classic leak: the error is thrown in at the bare yield.
		{"generator-leak", []aexitWant{{"open_file", "OSError", predict.Propagates, "", nil}}},
		{"generator-swallows", []aexitWant{{"forgiving", "ValueError", predict.Suppressed, "", nil}}},
		{"generator-raises-other", []aexitWant{{"transaction", "ValueError", predict.Raises, "ConnectionError", nil}}},
		// Inner managers see CancelledError; the timeout turns it into TimeoutError.
		{"timeout", []aexitWant{
			{"Resource", "CancelledError", predict.Propagates, "", nil},
			{"timeout", "CancelledError", predict.Raises, "TimeoutError", []string{"Resource.__aexit__"}}}},
		// return out of the body: __aexit__(None, None, None).
		{"return-in-body", []aexitWant{{"Connection", "", predict.Normal, "", []string{"return"}}}},
		// A failing sibling cancels the task: its manager sees CancelledError.
		{"taskgroup-sibling-fails", []aexitWant{{"Connection", "CancelledError", predict.Propagates, "", nil}}},
		// The stack's exit callback suppresses the body's error.
		{"exit-stack", []aexitWant{{"AsyncExitStack", "ValueError", predict.Suppressed, "", nil}}},
		// Nothing goes wrong anywhere: no Aexit challenge.
		{"nested-exit-order", nil},
		{"gather-interleave", nil},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			res := runPreset(t, tt.preset)
			var got []predict.Challenge
			for _, c := range predict.Find(res, 7) {
				if c.Kind == predict.Aexit {
					got = append(got, c)
				}
			}
			require.Len(t, got, len(tt.want))
			for i, w := range tt.want {
				c := got[i]
				assert.Equal(t, w.manager, c.Manager)
				r := rightOption(t, c)
				assert.Equal(t, w.exc, r.Exc, "what %s.__aexit__ receives", w.manager)
				assert.Equal(t, w.outcome, r.Outcome, "how %s's block ends", w.manager)
				assert.Equal(t, w.new, r.New)
				expl := c.Check(c.Answer).Explanation(i18n.English)
				for _, n := range append(w.names, w.manager+".__aexit__ receives") {
					assert.Contains(t, expl, n)
				}
				assert.Contains(t, c.Check(c.Answer).Explanation(i18n.Lang("pt")), w.manager+".__aexit__ recebe")
			}
		})
	}
}

// orderOf lists an Order challenge's answer as item labels.
func orderOf(c predict.Challenge) []string {
	byID := map[string]predict.Item{}
	for _, it := range c.Items {
		byID[it.ID] = it
	}
	var out []string
	for _, id := range c.Answer.Order {
		out = append(out, byID[id].Label(i18n.English))
	}
	return out
}

func TestFindOrderFollowsPython(t *testing.T) {
	tests := []struct {
		preset string
		want   [][]string // the answers of the Order challenges, in turn
		tasks  []string   // each challenge's Task ("" across tasks)
	}{
		{"nested-exit-order", [][]string{
			{"A.__aenter__ starts", "A.__aenter__ returns", "B.__aenter__ starts", "B.__aenter__ returns", "C.__aenter__ starts", "C.__aenter__ returns"},
			// Exits unwind last-in, first-out.
			{"C.__aexit__ is called", "C.__aexit__ returns", "B.__aexit__ is called", "B.__aexit__ returns", "A.__aexit__ is called", "A.__aexit__ returns"},
		}, []string{"main", "main"}},
		{"aenter-fails", [][]string{
			{"First.__aenter__ starts", "First.__aenter__ returns", "Second.__aenter__ starts", "Second.__aenter__ raises"},
		}, []string{"main"}},
		// Two tasks interleave at every await inside the hooks.
		{"gather-interleave", [][]string{
			{"Printer.__aenter__ starts", "Scanner.__aenter__ starts", "Scanner.__aenter__ returns", "Printer.__aenter__ returns"},
			{"Printer.__aexit__ is called", "Scanner.__aexit__ is called", "Scanner.__aexit__ returns", "Printer.__aexit__ returns"},
		}, []string{"", ""}},
		// One manager alone has one possible order: nothing to ask.
		{"doc001-basic", nil, nil},
		{"doc002-database", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			var got [][]string
			var tasks []string
			for _, c := range predict.Find(runPreset(t, tt.preset), 3) {
				if c.Kind == predict.Order {
					got = append(got, orderOf(c))
					tasks = append(tasks, c.Task)
				}
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.tasks, tasks)
		})
	}
}

func TestFindTrivialRunsAskNothing(t *testing.T) {
	for _, name := range []string{"doc001-basic", "doc002-resource", "doc000-commit"} {
		t.Run(name, func(t *testing.T) {
			assert.Empty(t, predict.Find(runPreset(t, name), 1))
		})
	}
	assert.Nil(t, predict.Find(nil, 1))
	assert.Nil(t, predict.Find(&sim.Result{}, 1))
}

// TestFindEveryPresetConsistent is the property test: in every preset,
// every challenge's answer is what the trace does, and Check agrees.
func TestFindEveryPresetConsistent(t *testing.T) {
	total := 0
	for _, p := range presets(t) {
		res, err := sim.Run(p.Scenario)
		if err != nil {
			require.NotNil(t, res, p.Name)
		}
		for _, seed := range []uint64{1, 99} {
			cs := predict.Find(res, seed)
			checkConsistent(t, fmt.Sprintf("%s seed %d", p.Name, seed), res, cs)
			total += len(cs)
		}
	}
	assert.Greater(t, total, 20)
}

// TestFindRandomScenariosConsistent runs the same property over random
// scenarios: many managers, tasks, cancellations and errors at once.
func TestFindRandomScenariosConsistent(t *testing.T) {
	lim := sim.Limits{MaxEvents: 5000, MaxTasks: 50, MaxManagers: 200, MaxOutput: 1 << 16, MaxIterate: 100_000, MaxSteps: 100_000}
	kinds := map[predict.Kind]int{}
	for seed := uint64(1); seed <= 120; seed++ {
		res, _ := sim.RunWithLimits(simrand.Scenario(seed), lim)
		if res == nil {
			continue
		}
		cs := predict.Find(res, seed)
		checkConsistent(t, fmt.Sprintf("random %d", seed), res, cs)
		for _, c := range cs {
			kinds[c.Kind]++
		}
	}
	assert.Positive(t, kinds[predict.Order])
	assert.Positive(t, kinds[predict.Aexit])
}

func TestFindDeterministicPerSeed(t *testing.T) {
	for _, name := range []string{"nested-exit-order", "aexit-replaces", "gather-interleave"} {
		t.Run(name, func(t *testing.T) {
			res := runPreset(t, name)
			a := predict.Find(res, 42)
			require.NotEmpty(t, a)
			assert.Equal(t, a, predict.Find(res, 42), "same seed, same challenges")

			// Other seeds: the same questions and answers, other shuffles.
			differs := false
			for seed := uint64(1); seed <= 5; seed++ {
				b := predict.Find(res, seed)
				require.Len(t, b, len(a))
				for i := range a {
					assert.Equal(t, a[i].At, b[i].At)
					assert.Equal(t, orderOf(a[i]), orderOf(b[i]))
					if a[i].Kind == predict.Aexit {
						assert.Equal(t, rightOption(t, a[i]), rightOption(t, b[i]))
						assert.ElementsMatch(t, a[i].Options, b[i].Options)
					}
					if fmt.Sprint(a[i].Items, a[i].Options) != fmt.Sprint(b[i].Items, b[i].Options) {
						differs = true
					}
				}
			}
			assert.True(t, differs, "five seeds all shuffled alike")
		})
	}
}
