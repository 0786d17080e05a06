package pyrun

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requirePython returns a CPython >= 3.11. Without one the test is skipped,
// unless the CI environment variable is set, in which case it fails.
func requirePython(t *testing.T) string {
	t.Helper()
	path, version, err := FindPython()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but no usable CPython >= %s was found: %v", MinVersion, err)
		}
		t.Skipf("skipping: no usable CPython >= %s (set LAB_PYTHON or put python3 on PATH; with CI set this fails): %v", MinVersion, err)
	}
	t.Logf("using %s (CPython %s)", path, version)
	return path
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func dedent(s string) string {
	return strings.TrimLeft(s, "\n")
}

func taskNames(r Report) []string {
	var names []string
	for _, task := range r.Tasks {
		names = append(names, task.Name)
	}
	return names
}

func taskStates(r Report) []string {
	var states []string
	for _, task := range r.Tasks {
		states = append(states, task.State)
	}
	return states
}

func TestFindPython(t *testing.T) {
	path := requirePython(t)
	_, version, err := FindPython()
	require.NoError(t, err)
	assert.NotEmpty(t, path)
	assert.True(t, versionAtLeast(version, 3, 11), "version %s", version)
}

func TestVersionAtLeast(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"3.11.0", true},
		{"3.11.7", true},
		{"3.13.0", true},
		{"3.10.13", false},
		{"2.7.18", false},
		{"4.0.0", true},
		{"garbage", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, versionAtLeast(tc.v, 3, 11), tc.v)
	}
}

func TestFindPythonBadLabPython(t *testing.T) {
	t.Setenv("LAB_PYTHON", "/nonexistent/python3")
	_, _, err := FindPython()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "LAB_PYTHON")
}

// TestPrograms runs small programs and checks CPython's own output and the
// harness report.
func TestPrograms(t *testing.T) {
	python := requirePython(t)
	tests := []struct {
		name   string
		source string
		stdout string
		check  func(t *testing.T, r Report)
	}{
		{
			name: "long sleep costs no real time",
			source: dedent(`
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(3600)
    print(loop.time())

t0 = time.perf_counter()
asyncio.run(main())
print(time.perf_counter() - t0 < 0.5)
`),
			stdout: "3600.0\nTrue\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, 3600.0, r.Time)
				assert.Empty(t, r.Error)
				assert.Nil(t, r.Uncaught)
				require.Len(t, r.Tasks, 1)
				assert.Equal(t, Task{Name: "main", State: StateResult, Result: ptr("None")}, r.Tasks[0])
			},
		},
		{
			name: "gather interleaves by virtual time",
			source: dedent(`
import asyncio

async def worker(name, delay, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await asyncio.sleep(delay)
        print(name, i, loop.time())
    return name

async def main():
    print(await asyncio.gather(worker("a", 1, 3), worker("b", 1.4, 2)))

asyncio.run(main())
`),
			stdout: "a 0 1.0\nb 0 1.4\na 1 2.0\nb 1 2.8\na 2 3.0\n['a', 'b']\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, 3.0, r.Time)
				assert.Equal(t, []string{"main", "worker", "worker"}, taskNames(r))
				assert.Equal(t, []string{StateResult, StateResult, StateResult}, taskStates(r))
				assert.Equal(t, ptr("'a'"), r.Tasks[1].Result)
				assert.Equal(t, ptr("'b'"), r.Tasks[2].Result)
			},
		},
		{
			name: "time.sleep blocks the loop in virtual time",
			source: dedent(`
import asyncio, time

async def ticker():
    await asyncio.sleep(1)
    print("tick", asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(2)
    print("blocked until", loop.time())
    await t
    time.sleep(0.5)

asyncio.run(main())
`),
			stdout: "blocked until 2.0\ntick 2.0\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, 2.5, r.Time)
				assert.Equal(t, []string{"main", "ticker"}, taskNames(r))
			},
		},
		{
			name: "raise from reports cause and context",
			source: dedent(`
import asyncio

async def main():
    await asyncio.sleep(1)
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad value") from e

asyncio.run(main())
`),
			check: func(t *testing.T, r Report) {
				u := r.Uncaught
				require.NotNil(t, u)
				assert.Equal(t, "ValueError", u.Type)
				assert.Equal(t, "builtins", u.Module)
				assert.Equal(t, "bad value", u.Message)
				assert.Equal(t, "ValueError('bad value')", u.Repr)
				assert.True(t, u.SuppressContext)
				assert.Nil(t, u.Exceptions)
				require.NotNil(t, u.Cause)
				assert.Equal(t, "KeyError", u.Cause.Type)
				assert.Equal(t, "'missing'", u.Cause.Message)
				require.NotNil(t, u.Context)
				assert.Equal(t, "KeyError", u.Context.Type)
				require.Len(t, r.Tasks, 1)
				assert.Equal(t, StateException, r.Tasks[0].State)
				assert.Equal(t, u, r.Tasks[0].Exception)
				assert.Equal(t, 1.0, r.Time)
				assert.Empty(t, r.Error)
			},
		},
		{
			name: "TaskGroup failure is an ExceptionGroup",
			source: dedent(`
import asyncio

async def boom(exc):
    await asyncio.sleep(1)
    raise exc

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom(ValueError("v")))
        tg.create_task(boom(TypeError("t")))
        tg.create_task(asyncio.sleep(5))

asyncio.run(main())
`),
			check: func(t *testing.T, r Report) {
				u := r.Uncaught
				require.NotNil(t, u)
				assert.Equal(t, "ExceptionGroup", u.Type)
				assert.Equal(t, "builtins", u.Module)
				assert.Equal(t, "unhandled errors in a TaskGroup (2 sub-exceptions)", u.Message)
				assert.True(t, u.IsGroup())
				require.Len(t, u.Exceptions, 2)
				assert.Equal(t, "ValueError", u.Exceptions[0].Type)
				assert.Equal(t, "v", u.Exceptions[0].Message)
				assert.Equal(t, "TypeError", u.Exceptions[1].Type)
				assert.Equal(t, "t", u.Exceptions[1].Message)
				assert.False(t, u.Exceptions[0].IsGroup())
				assert.Equal(t, []string{"main", "boom", "boom", "sleep"}, taskNames(r))
				assert.Equal(t, []string{StateException, StateException, StateException, StateCancelled}, taskStates(r))
				assert.Equal(t, 1.0, r.Time)
			},
		},
		{
			name: "cancelled tasks",
			source: dedent(`
import asyncio

async def sleeper():
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    asyncio.create_task(sleeper())  # still running when main returns
    return 42

asyncio.run(main())
`),
			stdout: "cancelled True\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, []string{"main", "sleeper", "sleeper"}, taskNames(r))
				assert.Equal(t, []string{StateResult, StateCancelled, StateCancelled}, taskStates(r))
				assert.Equal(t, ptr("42"), r.Tasks[0].Result)
				assert.Nil(t, r.Tasks[1].Result)
				assert.Nil(t, r.Tasks[1].Exception)
				assert.Equal(t, 1.0, r.Time)
				assert.Nil(t, r.Uncaught)
			},
		},
		{
			name: "deadlock is reported, not hung",
			source: dedent(`
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    await asyncio.sleep(2)
    print("waiting")
    await fut

asyncio.run(main())
`),
			stdout: "waiting\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, DeadlockError, r.Error)
				require.NotNil(t, r.Uncaught)
				assert.Equal(t, "RuntimeError", r.Uncaught.Type)
				assert.Equal(t, DeadlockError, r.Uncaught.Message)
				// asyncio.run's shutdown cancels the stuck main task.
				assert.Equal(t, []string{StateCancelled}, taskStates(r))
				assert.Equal(t, 2.0, r.Time)
			},
		},
		{
			name: "deadlock again during shutdown leaves the task pending",
			source: dedent(`
import asyncio

async def main():
    try:
        await asyncio.Event().wait()
    finally:
        print("cleanup")
        await asyncio.Event().wait()

asyncio.run(main())
`),
			stdout: "cleanup\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, DeadlockError, r.Error)
				assert.Equal(t, []string{StatePending}, taskStates(r))
			},
		},
		{
			name: "equal deadlines fire in CPython heap order",
			// heapq pops equal TimerHandles in its own (not FIFO) order;
			// these lines are what CPython 3.11-3.13 print.
			source: dedent(`
import asyncio

async def w(i):
    await asyncio.sleep(1)
    print("sleep", i)

async def main():
    await asyncio.gather(*(w(i) for i in range(10)))
    loop = asyncio.get_running_loop()
    for i in range(6):
        loop.call_at(5.0, print, "call_at", i)
    loop.call_later(4.0, print, "call_later", "x")  # also due at 5.0
    await asyncio.sleep(5)

asyncio.run(main())
`),
			stdout: "sleep 0\nsleep 2\nsleep 6\nsleep 9\nsleep 8\nsleep 5\nsleep 7\nsleep 4\nsleep 1\nsleep 3\n" +
				"call_at 0\ncall_at 2\ncall_later x\ncall_at 5\ncall_at 1\ncall_at 3\ncall_at 4\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, 6.0, r.Time)
				assert.Len(t, r.Tasks, 11)
			},
		},
		{
			name: "never-retrieved exception noise stays out of stdout",
			source: dedent(`
import asyncio

async def bad():
    raise ValueError("never retrieved")

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
`),
			stdout: "done\n",
			check: func(t *testing.T, r Report) {
				require.Len(t, r.Tasks, 2)
				assert.Equal(t, StateException, r.Tasks[1].State)
				assert.Equal(t, "never retrieved", r.Tasks[1].Exception.Message)
				assert.Nil(t, r.Uncaught)
			},
		},
		{
			name: "task names and clock are fresh per program",
			source: dedent(`
import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name(), await asyncio.create_task(child()))

asyncio.run(main())
asyncio.run(main())
`),
			// asyncio.run's shutdown runs shutdown_asyncgens and
			// shutdown_default_executor as tasks; they take Task-3 and
			// Task-4, exactly as in a fresh CPython process.
			stdout: "Task-1 Task-2\nTask-5 Task-6\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, []string{"main", "child", "main", "child"}, taskNames(r))
				assert.Equal(t, 0.0, r.Time)
			},
		},
		{
			name: "executor threads take no virtual time",
			source: dedent(`
import asyncio, time

def work(n):
    return n * 2

async def ticker():
    for i in range(3):
        await asyncio.sleep(1)
        print("tick", i, asyncio.get_running_loop().time())

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    print("thread", await asyncio.to_thread(work, 21), loop.time())
    await t
    # Pending at shutdown: must not fire while asyncio.run joins the
    # executor (3.12+ waits with a 300 s timeout).
    loop.call_later(1000, print, "late timer")

asyncio.run(main())
`),
			stdout: "thread 42 0.0\ntick 0 1.0\ntick 1 2.0\ntick 2 3.0\n",
			check: func(t *testing.T, r Report) {
				assert.Equal(t, 3.0, r.Time)
				assert.Equal(t, []string{"main", "ticker"}, taskNames(r))
				assert.Empty(t, r.Error)
			},
		},
		{
			name:   "syntax error",
			source: "def f(:\n",
			check: func(t *testing.T, r Report) {
				require.NotNil(t, r.Uncaught)
				assert.Equal(t, "SyntaxError", r.Uncaught.Type)
				assert.Empty(t, r.Tasks)
			},
		},
		{
			name: "sys.exit is reported as SystemExit",
			source: dedent(`
import asyncio, sys

async def main():
    print("bye")
    sys.exit(3)

asyncio.run(main())
`),
			stdout: "bye\n",
			check: func(t *testing.T, r Report) {
				require.NotNil(t, r.Uncaught)
				assert.Equal(t, "SystemExit", r.Uncaught.Type)
				assert.Equal(t, "3", r.Uncaught.Message)
			},
		},
	}

	programs := make([]Program, len(tests))
	for i, tc := range tests {
		programs[i] = Program{ID: fmt.Sprintf("p%d", i), Source: tc.source}
	}
	start := time.Now()
	results, err := RunBatch(testContext(t), python, programs)
	require.NoError(t, err)
	require.Len(t, results, len(tests))
	// Hours of virtual sleeping must not cost real time.
	assert.Less(t, time.Since(start), 30*time.Second)

	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := results[i]
			assert.Equal(t, programs[i].ID, res.ID)
			assert.Equal(t, tc.stdout, res.Stdout)
			tc.check(t, res.Report)
		})
	}
}

func TestRunSingle(t *testing.T) {
	python := requirePython(t)
	start := time.Now()
	res, err := Run(testContext(t), python, dedent(`
import asyncio
async def main():
    await asyncio.sleep(3600)
    print("slept an hour")
asyncio.run(main())
`))
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Equal(t, "main", res.ID)
	assert.Equal(t, "slept an hour\n", res.Stdout)
	assert.Equal(t, 3600.0, res.Report.Time)
}

func TestRunBatchLarge(t *testing.T) {
	python := requirePython(t)
	for _, n := range []int{200, 600} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			programs := make([]Program, n)
			for i := range programs {
				programs[i] = Program{ID: fmt.Sprintf("prog-%d", i), Source: fmt.Sprintf(dedent(`
import asyncio, time

async def main(i):
    await asyncio.sleep(i)
    time.sleep(0.25)
    print("program", i, asyncio.get_running_loop().time())
    if i %% 7 == 0:
        raise KeyError(i)
    return i

asyncio.run(main(%d))
`), i)}
			}
			results, err := RunBatch(testContext(t), python, programs)
			require.NoError(t, err)
			require.Len(t, results, n)
			for i, res := range results {
				want := float64(i) + 0.25
				assert.Equal(t, programs[i].ID, res.ID)
				assert.Equal(t, fmt.Sprintf("program %d %v\n", i, pyFloat(want)), res.Stdout)
				assert.Equal(t, want, res.Report.Time)
				require.Len(t, res.Report.Tasks, 1)
				if i%7 == 0 {
					require.NotNil(t, res.Report.Uncaught, "program %d", i)
					assert.Equal(t, "KeyError", res.Report.Uncaught.Type)
				} else {
					assert.Nil(t, res.Report.Uncaught, "program %d", i)
					assert.Equal(t, ptr(fmt.Sprint(i)), res.Report.Tasks[0].Result)
				}
			}
		})
	}
}

func TestRunBatchEmpty(t *testing.T) {
	results, err := RunBatch(context.Background(), "python3-not-needed", nil)
	require.NoError(t, err)
	assert.Empty(t, results)
}

func TestRunBatchContextCancel(t *testing.T) {
	python := requirePython(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	// An endless loop in virtual time never finishes; ctx must stop it.
	_, err := Run(ctx, python, dedent(`
import asyncio
async def main():
    while True:
        await asyncio.sleep(1)
asyncio.run(main())
`))
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 20*time.Second)
}

func TestTime(t *testing.T) {
	python := requirePython(t)
	d, err := Time(testContext(t), python, dedent(`
import asyncio

async def worker(i):
    for _ in range(10):
        await asyncio.sleep(1)
    print("done", i)

async def main():
    await asyncio.gather(*(worker(i) for i in range(100)))

asyncio.run(main())
`), 3)
	require.NoError(t, err)
	assert.Greater(t, d, time.Duration(0))
	assert.Less(t, d, 10*time.Second)

	_, err = Time(testContext(t), python, "import asyncio\nasyncio.run(asyncio.Event().wait())\n", 1)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "deadlock")

	_, err = Time(testContext(t), python, "pass\n", 0)
	require.Error(t, err)
}

func ptr(s string) *string { return &s }

// pyFloat formats f the way Python's repr does for the values used here.
func pyFloat(f float64) string {
	s := fmt.Sprint(f)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}
