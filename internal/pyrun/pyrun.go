// Package pyrun runs Python programs under CPython on a virtual-time asyncio
// event loop and reports what happened.
//
// It exists for conformance tests that compare a Go simulator of asyncio with
// CPython. The embedded script vrun.py installs an event loop policy whose
// loops read a virtual clock: when the loop would wait for its next timer the
// clock jumps forward by exactly the wait (clock = clock + timeout, the same
// float64 addition the Go side can reproduce), so `await asyncio.sleep(3600)`
// costs no real time. time.sleep(d) advances the clock by d without sleeping.
// Every task created on the loop is recorded, and after the program ends a
// Report describes each task's final state, the exception (if any) that
// escaped the program, and the final virtual time.
//
// Programs call asyncio.run(main()) themselves. Each program gets a fresh
// clock, a fresh __main__ namespace and fresh "Task-N" numbering, so a batch
// behaves like one interpreter per program.
//
// Details of the virtual loop:
//   - the loop's _clock_resolution is fixed at 1e-9 on every machine;
//   - when the loop has nothing ready, no timers and no other threads or
//     file descriptors that could wake it, the run stops with a
//     RuntimeError(DeadlockError) instead of hanging; a loop whose only
//     timers are at +inf counts as deadlocked too;
//   - executor work (run_in_executor, asyncio.to_thread, and the executor
//     shutdown in asyncio.run) takes no virtual time: while it is pending
//     the loop waits for it in real time (up to 10 s) before advancing the
//     clock;
//   - tasks are recorded by overriding loop.create_task, so CPython's own
//     scheduling is untouched and programs may still install task
//     factories. The recorder keeps every task alive until the report is
//     written, so a pending task is never garbage-collected mid-run (in
//     CPython that can happen to tasks nothing references);
//   - loops built by explicitly passing a real loop class (for example
//     asyncio.run(..., loop_factory=asyncio.SelectorEventLoop)) bypass the
//     virtual clock.
package pyrun

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed vrun.py
var script []byte

// MinVersion is the oldest CPython version FindPython accepts.
const MinVersion = "3.11"

// DeadlockError is the Report.Error text when a program's event loop had
// nothing left to do while the program still waited (for example a task
// awaiting a future nobody resolves). Real CPython would hang forever.
const DeadlockError = "deadlock: event loop has nothing scheduled"

// Task states reported in Task.State.
const (
	// StateResult means the task finished and returned a value.
	StateResult = "result"
	// StateException means the task finished by raising an exception.
	StateException = "exception"
	// StateCancelled means the task was cancelled.
	StateCancelled = "cancelled"
	// StatePending means the task never finished (only possible when the
	// run was aborted, for example by a deadlock during shutdown).
	StatePending = "pending"
)

// Exc describes a Python exception and its chain.
type Exc struct {
	// Type is type(e).__name__, for example "ValueError".
	Type string `json:"type"`
	// Module is type(e).__module__, for example "builtins" or
	// "asyncio.exceptions".
	Module string `json:"module"`
	// Message is str(e).
	Message string `json:"message"`
	// Repr is repr(e).
	Repr string `json:"repr"`
	// Context is e.__context__ (nil if none, or if the chain is cyclic or
	// deeper than 20 levels). When __context__ is the same object as
	// __cause__ (the usual `except E as e: raise X from e`), Context holds
	// only that exception's own fields; its chain is under Cause.
	Context *Exc `json:"context"`
	// Cause is e.__cause__, set by `raise X from Y`.
	Cause *Exc `json:"cause"`
	// SuppressContext is e.__suppress_context__ (true after `raise X from Y`).
	SuppressContext bool `json:"suppressContext"`
	// Exceptions holds the sub-exceptions of a BaseExceptionGroup; it is nil
	// for every other exception.
	Exceptions []*Exc `json:"exceptions,omitempty"`
	// Notes is e.__notes__ (what add_note gave it); nil when it has none.
	Notes []string `json:"notes,omitempty"`
}

// IsGroup reports whether e is a BaseExceptionGroup.
func (e *Exc) IsGroup() bool { return e != nil && e.Exceptions != nil }

// Task is the final state of one task created on the event loop.
type Task struct {
	// Name is the __qualname__ of the task's coroutine, e.g. "main" or
	// "main.<locals>.worker" (not the task's "Task-N" name).
	Name string `json:"name"`
	// State is one of StateResult, StateException, StateCancelled,
	// StatePending.
	State string `json:"state"`
	// Result is repr() of the task's result when State is StateResult.
	Result *string `json:"result"`
	// Exception is the task's exception when State is StateException.
	Exception *Exc `json:"exception"`
}

// Report is what vrun.py reports about one program run.
type Report struct {
	// Tasks lists every task created on the program's event loops, in
	// creation order (asyncio.run's main task first). Tasks run by
	// asyncio.run's own shutdown (shutdown_asyncgens,
	// shutdown_default_executor) are left out.
	Tasks []Task `json:"tasks"`
	// Uncaught is the exception that escaped the program (what asyncio.run
	// raised, a SyntaxError, or SystemExit from sys.exit), nil if none.
	Uncaught *Exc `json:"uncaught"`
	// Time is the final virtual clock in seconds.
	Time float64 `json:"time"`
	// Error is set when the harness itself failed, e.g. DeadlockError; the
	// program's stdout up to that point is still reported.
	Error string `json:"error,omitempty"`
	// ElapsedNsPerRun is the real time per run of the asyncio.run calls,
	// only set by `vrun.py --repeat` (see Time).
	ElapsedNsPerRun int64 `json:"elapsed_ns_per_run,omitempty"`
}

// Program is one Python program to run.
type Program struct {
	// ID identifies the program in the results.
	ID string `json:"id"`
	// Source is the program text; it runs as __main__.
	Source string `json:"source"`
}

// Result is the outcome of one Program.
type Result struct {
	// ID is the Program's ID.
	ID string `json:"id"`
	// Stdout is everything the program printed to sys.stdout.
	Stdout string `json:"stdout"`
	// Report describes the run.
	Report Report `json:"report"`
}

// FindPython locates a CPython >= 3.11 interpreter: the LAB_PYTHON
// environment variable if set (no fallback if it is unusable), otherwise
// python3 on PATH. It returns the path of the interpreter executable
// (sys.executable, so wrappers such as pyenv shims are resolved) and its
// version, e.g. "3.11.7".
func FindPython() (path string, version string, err error) {
	if p := os.Getenv("LAB_PYTHON"); p != "" {
		path, version, err = probePython(p)
		if err != nil {
			return "", "", fmt.Errorf("pyrun: LAB_PYTHON=%q: %w", p, err)
		}
		return path, version, nil
	}
	p, err := exec.LookPath("python3")
	if err != nil {
		return "", "", fmt.Errorf("pyrun: python3 not found on PATH (or set LAB_PYTHON to a CPython >= %s): %w", MinVersion, err)
	}
	path, version, err = probePython(p)
	if err != nil {
		return "", "", fmt.Errorf("pyrun: %s: %w", p, err)
	}
	return path, version, nil
}

const probeCode = `import sys; print(sys.implementation.name, "%d.%d.%d" % sys.version_info[:3]); print(sys.executable)`

type probed struct{ path, version string }

var (
	probeMu    sync.Mutex
	probeCache = map[string]probed{}
)

// probePython checks that p is a CPython >= 3.11 and returns its executable
// and version. Successful probes are cached for the life of the process.
func probePython(p string) (string, string, error) {
	probeMu.Lock()
	defer probeMu.Unlock()
	if r, ok := probeCache[p]; ok {
		return r.path, r.version, nil
	}
	path, version, err := probeUncached(p)
	if err == nil {
		probeCache[p] = probed{path, version}
	}
	return path, version, err
}

func probeUncached(p string) (string, string, error) {
	if abs, err := exec.LookPath(p); err == nil {
		p = abs
	} else {
		return "", "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, p, "-I", "-c", probeCode)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", "", fmt.Errorf("cannot run interpreter: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	lines := strings.SplitN(strings.TrimRight(string(out), "\r\n"), "\n", 2)
	fields := strings.Fields(lines[0])
	if len(fields) != 2 || len(lines) != 2 {
		return "", "", fmt.Errorf("unexpected version output %q", out)
	}
	impl, version := fields[0], fields[1]
	// Prefer the real interpreter over wrappers such as pyenv shims, which
	// cost a shell start-up per run and may resolve differently later.
	if exe := strings.TrimSpace(lines[1]); exe != "" {
		if st, err := os.Stat(exe); err == nil && !st.IsDir() {
			p = exe
		}
	}
	if impl != "cpython" {
		return "", "", fmt.Errorf("interpreter is %s %s, need CPython >= %s", impl, version, MinVersion)
	}
	if !versionAtLeast(version, 3, 11) {
		return "", "", fmt.Errorf("interpreter is CPython %s, need >= %s", version, MinVersion)
	}
	return p, version, nil
}

func versionAtLeast(v string, major, minor int) bool {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false
	}
	return ma > major || (ma == major && mi >= minor)
}

// writeScript writes the embedded harness to a fresh temporary file and
// returns its path and a cleanup function.
func writeScript() (string, func(), error) {
	f, err := os.CreateTemp("", "vrun-*.py")
	if err != nil {
		return "", nil, fmt.Errorf("pyrun: %w", err)
	}
	name := f.Name()
	cleanup := func() { os.Remove(name) }
	if _, err := f.Write(script); err != nil {
		f.Close()
		cleanup()
		return "", nil, fmt.Errorf("pyrun: writing harness: %w", err)
	}
	if err := f.Close(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("pyrun: writing harness: %w", err)
	}
	return name, cleanup, nil
}

// command builds the interpreter invocation. -I (isolated mode) ignores
// PYTHON* environment variables (e.g. PYTHONASYNCIODEBUG), the user site
// directory and the script's directory on sys.path (the temp directory could
// hold a stray asyncio.py); -X utf8 fixes the I/O encoding.
func command(ctx context.Context, python string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, python, append([]string{"-I", "-X", "utf8"}, args...)...)
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// minChunk is the smallest number of programs worth a separate interpreter.
const minChunk = 25

// RunBatch runs programs with `vrun.py --batch` and returns one Result per
// program, in order. Each program runs in a fresh __main__ namespace with a
// fresh virtual clock. Large batches are split across several interpreter
// processes that run in parallel (at most GOMAXPROCS); the results do not
// depend on the split. An error means the harness failed (interpreter
// crash, bad output, ctx done); failures of the programs themselves are
// reported in each Result.
func RunBatch(ctx context.Context, python string, programs []Program) ([]Result, error) {
	if len(programs) == 0 {
		return []Result{}, nil
	}
	path, cleanup, err := writeScript()
	if err != nil {
		return nil, err
	}
	defer cleanup()

	workers := runtime.GOMAXPROCS(0)
	if n := (len(programs) + minChunk - 1) / minChunk; n < workers {
		workers = n
	}
	size := (len(programs) + workers - 1) / workers
	results := make([]Result, len(programs))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo := w * size
		hi := min(lo+size, len(programs))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = runChunk(ctx, python, path, programs[lo:hi], results[lo:hi])
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return results, nil
}

func runChunk(ctx context.Context, python, path string, programs []Program, out []Result) error {
	input, err := json.Marshal(programs)
	if err != nil {
		return fmt.Errorf("pyrun: %w", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := command(ctx, python, path, "--batch")
	cmd.Stdin = bytes.NewReader(input)
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr
		}
		return fmt.Errorf("pyrun: batch of %d programs (first %q) failed: %w%s",
			len(programs), programs[0].ID, err, stderrTail(&stderr))
	}
	var got []Result
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		return fmt.Errorf("pyrun: bad batch output: %w%s", err, stderrTail(&stderr))
	}
	if len(got) != len(programs) {
		return fmt.Errorf("pyrun: batch returned %d results for %d programs", len(got), len(programs))
	}
	for i := range got {
		if got[i].ID != programs[i].ID {
			return fmt.Errorf("pyrun: batch result %d has id %q, want %q", i, got[i].ID, programs[i].ID)
		}
	}
	copy(out, got)
	return nil
}

func stderrTail(b *bytes.Buffer) string {
	s := strings.TrimSpace(b.String())
	if s == "" {
		return ""
	}
	const max = 4000
	if len(s) > max {
		s = "..." + s[len(s)-max:]
	}
	return "\nstderr:\n" + s
}

// Run runs a single program; it is RunBatch with one Program whose ID is
// "main".
func Run(ctx context.Context, python, source string) (Result, error) {
	res, err := RunBatch(ctx, python, []Program{{ID: "main", Source: source}})
	if err != nil {
		return Result{}, err
	}
	return res[0], nil
}

// Time runs source once (output discarded) and then repeat more times with
// stdout sent to os.devnull, and returns the mean real time per run spent
// inside asyncio.run (the whole program if it never calls asyncio.run). It
// is meant for benchmarks comparing CPython's speed with the Go engine; the
// virtual clock means sleeps cost nothing. It fails if the harness reports
// an error such as a deadlock.
func Time(ctx context.Context, python, source string, repeat int) (time.Duration, error) {
	if repeat < 1 {
		return 0, fmt.Errorf("pyrun: repeat must be >= 1, got %d", repeat)
	}
	path, cleanup, err := writeScript()
	if err != nil {
		return 0, err
	}
	defer cleanup()
	dir, err := os.MkdirTemp("", "vrun-time-*")
	if err != nil {
		return 0, fmt.Errorf("pyrun: %w", err)
	}
	defer os.RemoveAll(dir)
	prog := filepath.Join(dir, "program.py")
	if err := os.WriteFile(prog, []byte(source), 0o600); err != nil {
		return 0, fmt.Errorf("pyrun: %w", err)
	}
	reportPath := filepath.Join(dir, "report.json")
	var stderr bytes.Buffer
	cmd := command(ctx, python, path, prog, "--repeat", strconv.Itoa(repeat), "--report", reportPath)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr
		}
		return 0, fmt.Errorf("pyrun: timing run failed: %w%s", err, stderrTail(&stderr))
	}
	data, err := os.ReadFile(reportPath)
	if err != nil {
		return 0, fmt.Errorf("pyrun: no report: %w%s", err, stderrTail(&stderr))
	}
	var rep Report
	if err := json.Unmarshal(data, &rep); err != nil {
		return 0, fmt.Errorf("pyrun: bad report: %w", err)
	}
	if rep.Error != "" {
		return 0, fmt.Errorf("pyrun: %s", rep.Error)
	}
	if u := rep.Uncaught; u != nil && u.Type == "SyntaxError" {
		return 0, fmt.Errorf("pyrun: program does not compile: %s", u.Message)
	}
	return time.Duration(rep.ElapsedNsPerRun), nil
}
