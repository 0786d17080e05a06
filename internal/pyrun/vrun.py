#!/usr/bin/env python3
"""vrun: run asyncio programs under CPython on a virtual-time event loop.

The program text is executed unchanged; it calls ``asyncio.run(main())``
itself.  While it runs:

* an event loop policy makes every new event loop a ``VirtualEventLoop``
  whose ``time()`` is a virtual clock starting at 0.0;
* the loop's selector never blocks: when the loop would wait ``timeout``
  seconds for its next timer, the clock advances by exactly
  ``clock = clock + timeout`` and the selector returns at once;
* ``time.sleep(d)`` advances the clock by ``clock = clock + d`` without
  sleeping, so a blocking call stalls the loop in virtual time;
* work the loop hands to its default executor (``asyncio.to_thread``,
  ``loop.run_in_executor(None, f)``) runs in one deterministic order: the
  loop waits, in real time, until the worker thread finishes or calls
  ``time.sleep(d)``; that sleep parks the thread until the virtual clock
  reaches its end, which the selector treats like a timer (threads due at
  the same time wake one at a time, in the order they parked, before the
  loop's own timers due then run);
* every task created through ``loop.create_task`` (which is what
  ``asyncio.create_task``, ``ensure_future``, ``gather``, ``TaskGroup`` and
  ``asyncio.run`` itself use) is recorded in creation order.

Afterwards a JSON report describes the tasks, what escaped the program, and
the final virtual time.  Standard library only; CPython 3.11+.

Usage:
    vrun.py FILE.py [--report OUT.json] [--repeat N]
    vrun.py --batch < programs.json > results.json
"""

import argparse
import asyncio
import asyncio.base_events
import builtins
import concurrent.futures
import contextlib
import contextvars
import gc
import io
import itertools
import json
import logging
import math
import operator
import os
import selectors
import sys
import threading
import time
import traceback
import types
import warnings

DEADLOCK_MESSAGE = "deadlock: event loop has nothing scheduled"
REPORT_PREFIX = "VRUN-REPORT "
MAX_EXC_DEPTH = 20
# How long (real seconds) to wait for other threads or real file descriptors
# when the loop has nothing scheduled before declaring a deadlock, and for
# executor threads before letting virtual time move on without them.
REAL_WAIT_SECONDS = 10.0
# Largest value (in seconds * 1e9) accepted by the real time.sleep.
_PYTIME_MAX_NS_FLOAT = 9.223372036854775808e18
_PYTIME_MAX_INT_SECONDS = 9223372036

_real_sleep = time.sleep
_real_asyncio_run = asyncio.run
_MAXIMUM_SELECT_TIMEOUT = asyncio.base_events.MAXIMUM_SELECT_TIMEOUT

# Coroutines that asyncio.run runs as tasks during its own shutdown; they are
# not part of the program and are left out of the report (VirtualEventLoop's
# own shutdown_default_executor is added below).
_INTERNAL_CODES = {
    f.__code__
    for f in (
        getattr(asyncio.base_events.BaseEventLoop, "shutdown_asyncgens", None),
        getattr(asyncio.base_events.BaseEventLoop, "shutdown_default_executor", None),
    )
    if f is not None
}


class VirtualClock:
    """The virtual clock shared by all loops (and time.sleep) of one program."""

    __slots__ = ("now", "deadlock")

    def __init__(self):
        self.now = 0.0
        self.deadlock = False


_thread_state = threading.local()


class ThreadGate:
    """Runs a loop's executor threads one at a time, in virtual time.

    ``busy`` counts work items submitted and not yet settled: a work item
    settles when its thread parks in ``time.sleep`` or when its future's
    callbacks (which hand the result to the loop with call_soon_threadsafe)
    have run.  The loop thread waits for ``busy == 0`` after every
    submission and every wake-up, so thread code runs at well-defined points
    of the loop.
    """

    def __init__(self, clock):
        self._clock = clock
        self._cond = threading.Condition()
        self._busy = 0
        self._parked = []  # [wake, seq, woken] of each parked thread
        self._seq = itertools.count().__next__
        self._closed = False

    def wrap(self, fn):
        def gated(*args, **kwargs):
            _thread_state.gate = self
            try:
                return fn(*args, **kwargs)
            finally:
                _thread_state.gate = None

        return gated

    def started(self):
        with self._cond:
            self._busy += 1

    def settled(self, *_):
        with self._cond:
            self._busy -= 1
            self._cond.notify_all()

    def park(self, secs):
        """time.sleep(secs) in a worker thread: wait for the virtual clock."""
        with self._cond:
            if self._closed:
                return
            entry = [self._clock.now + secs, self._seq(), False]
            self._parked.append(entry)
            self._busy -= 1
            self._cond.notify_all()
            while not entry[2] and not self._closed:
                self._cond.wait()

    def wait_settled(self):
        with self._cond:
            self._cond.wait_for(lambda: self._busy <= 0 or self._closed, REAL_WAIT_SECONDS)

    def next_wake(self):
        with self._cond:
            if not self._parked:
                return None
            return min(self._parked)[0]

    def wake_due(self, now):
        """Wake, one at a time, every parked thread whose sleep has ended."""
        while True:
            with self._cond:
                due = [p for p in self._parked if p[0] <= now]
                if not due:
                    return
                entry = min(due)
                self._parked.remove(entry)
                entry[2] = True
                self._busy += 1
                self._cond.notify_all()
            self.wait_settled()

    def close(self):
        """Release every parked thread (the program is over)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class GatedExecutor(concurrent.futures.ThreadPoolExecutor):
    """The loop's default executor: submissions go through its gate."""

    def __init__(self, gate, **kwargs):
        super().__init__(**kwargs)
        self._vgate = gate

    def submit(self, fn, /, *args, **kwargs):
        gate = self._vgate
        gate.started()
        try:
            fut = super().submit(gate.wrap(fn), *args, **kwargs)
        except BaseException:
            gate.settled()
            raise
        add = fut.add_done_callback

        def add_done_callback(callback):
            # asyncio's wrap_future adds the callback that hands the result
            # to the loop; the work item settles once it has run.
            del fut.add_done_callback

            def then_settle(f):
                try:
                    callback(f)
                finally:
                    gate.settled()

            add(then_settle)

        fut.add_done_callback = add_done_callback
        return fut


class Recorder:
    """Remembers every task created on a virtual loop, in creation order.

    It also numbers unnamed tasks: CPython's "Task-N" counter lives in C and
    cannot be reset, so create_task passes name="Task-N" from this per-program
    counter, which gives the names a fresh interpreter would give.
    """

    __slots__ = ("tasks", "next_name")

    def __init__(self):
        self.tasks = []  # list of (task, coroutine qualname)
        self.next_name = itertools.count(1).__next__

    def record(self, task, coro):
        if getattr(coro, "cr_code", None) in _INTERNAL_CODES:
            return
        name = getattr(coro, "__qualname__", None)
        if not isinstance(name, str):
            name = type(coro).__qualname__
        self.tasks.append((task, name))


class VirtualSelector(selectors.DefaultSelector):
    """A selector that never blocks; waiting advances the virtual clock."""

    def __init__(self, clock):
        super().__init__()
        self._vclock = clock
        self._self_fd = None  # the loop's self-pipe, set by the loop
        self._loop = None  # the VirtualEventLoop, set by the loop

    def close(self):
        self._loop = None
        super().close()

    def _only_self_pipe(self):
        fds = self.get_map()
        return len(fds) == 0 or (len(fds) == 1 and self._self_fd in fds)

    def _deadlock(self):
        self._vclock.deadlock = True
        raise RuntimeError(DEADLOCK_MESSAGE)

    def select(self, timeout=None):
        # Poll real readiness first (self-pipe written by call_soon_threadsafe,
        # executor threads, real sockets).  This never blocks.
        ready = super().select(0)
        if ready:
            return ready
        loop = self._loop
        if (timeout is None or timeout > 0) and loop is not None:
            wake = loop._vgate.next_wake()
            clock = self._vclock
            if wake is not None and (timeout is None or clock.now + timeout >= wake):
                # A worker thread's time.sleep ends first: move the clock
                # there and let the thread go on (timers due at the same
                # time run after what it hands back).
                if wake > clock.now:
                    clock.now = wake
                loop._vgate.wake_due(clock.now)
                return super().select(0)
        if (timeout is None or timeout > 0) and loop is not None and loop._real_work_pending():
            # Executor threads take no virtual time: wait for them in real
            # time (they wake the loop through call_soon_threadsafe) before
            # letting the virtual clock move.
            ready = super().select(REAL_WAIT_SECONDS)
            if ready:
                return ready
        if timeout is None:
            if self._only_self_pipe() and threading.active_count() <= 1:
                self._deadlock()
            # Other threads or real file descriptors may still wake us up.
            ready = super().select(REAL_WAIT_SECONDS)
            if not ready:
                self._deadlock()
            return ready
        if timeout != timeout:
            # NaN: let the real selector raise exactly what CPython raises.
            return super().select(timeout)
        if timeout > 0:
            if timeout >= _MAXIMUM_SELECT_TIMEOUT and loop is not None:
                scheduled = loop._scheduled
                if scheduled and scheduled[0]._when == math.inf:
                    # Only timers at +inf remain: nothing can ever happen.
                    self._deadlock()
            clock = self._vclock
            clock.now = clock.now + timeout
        return []


class VirtualEventLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose time() is the virtual clock."""

    def __init__(self, clock, recorder):
        self._vclock = clock
        self._vrecorder = recorder
        self._vgate = ThreadGate(clock)
        self._vshutting_down = 0
        selector = VirtualSelector(clock)
        super().__init__(selector)
        selector._self_fd = self._ssock.fileno()
        selector._loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return self._vclock.now

    def _real_work_pending(self):
        """True while the default executor shuts down in another thread."""
        return bool(self._vshutting_down)

    def run_in_executor(self, executor, func, *args):
        if executor is None and self._default_executor is None and not self.is_closed():
            self._default_executor = GatedExecutor(self._vgate, thread_name_prefix="asyncio")
        fut = super().run_in_executor(executor, func, *args)
        self._vgate.wait_settled()
        return fut

    async def shutdown_default_executor(self, *args, **kwargs):
        # asyncio.run (3.12+) passes a 300 s timeout; the joining thread must
        # finish in real time before that virtual timeout may fire.
        self._vshutting_down += 1
        try:
            return await super().shutdown_default_executor(*args, **kwargs)
        finally:
            self._vshutting_down -= 1

    def create_task(self, coro, **kwargs):
        if kwargs.get("name") is None:
            kwargs["name"] = "Task-%d" % self._vrecorder.next_name()
        task = super().create_task(coro, **kwargs)
        self._vrecorder.record(task, coro)
        return task


_INTERNAL_CODES.add(VirtualEventLoop.shutdown_default_executor.__code__)

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    _BasePolicy = asyncio.DefaultEventLoopPolicy


class VirtualPolicy(_BasePolicy):
    """Event loop policy whose new_event_loop() returns a VirtualEventLoop."""

    def __init__(self, clock, recorder):
        super().__init__()
        self._vclock = clock
        self._vrecorder = recorder
        self.loops = []

    def new_event_loop(self):
        loop = VirtualEventLoop(self._vclock, self._vrecorder)
        self.loops.append(loop)
        return loop


def _make_virtual_sleep(clock):
    def sleep(secs):
        """Virtual time.sleep: advance the virtual clock by secs."""
        if isinstance(secs, float):
            if secs != secs or secs < 0 or secs * 1e9 >= _PYTIME_MAX_NS_FLOAT:
                _real_sleep(secs)  # raises CPython's own error, never sleeps
                raise ValueError("invalid sleep length")
        elif hasattr(type(secs), "__index__"):
            secs = operator.index(secs)
            if secs < 0 or secs > _PYTIME_MAX_INT_SECONDS:
                _real_sleep(secs)  # raises CPython's own error, never sleeps
                raise ValueError("invalid sleep length")
        else:
            _real_sleep(secs)  # raises TypeError exactly like CPython
            raise TypeError("invalid sleep length")
        gate = getattr(_thread_state, "gate", None)
        if gate is not None:
            gate.park(secs)  # blocks only this worker thread
            return
        clock.now = clock.now + secs

    return sleep


def _set_policy(policy):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        asyncio.set_event_loop_policy(policy)


def _silence_asyncio_logger():
    logger = logging.getLogger("asyncio")
    logger.disabled = True
    logger.propagate = False
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _safe_str(obj):
    try:
        return str(obj)
    except BaseException as e:  # noqa: BLE001
        return "<str() failed: %s>" % type(e).__name__


def _safe_repr(obj):
    try:
        return repr(obj)
    except BaseException as e:  # noqa: BLE001
        return "<repr() failed: %s>" % type(e).__name__


# Upper bound on exception nodes written for one exception (cause and
# context are usually the same object, so long `raise ... from` chains would
# otherwise expand exponentially).
MAX_EXC_NODES = 2000


def exc_to_json(exc, depth=0, path=frozenset(), budget=None):
    """Describe an exception (and its chain) as a JSON-able dict.

    Cycles, chains deeper than MAX_EXC_DEPTH and nodes beyond MAX_EXC_NODES
    are cut off as None.  When __context__ is the very object __cause__ is
    (the usual `except E as e: raise X from e`), the chain is written under
    "cause" only and "context" gets that exception without its own
    context/cause/exceptions, which keeps the output linear in the chain
    length.
    """
    if budget is None:
        budget = [MAX_EXC_NODES]
    if exc is None or depth > MAX_EXC_DEPTH or id(exc) in path or budget[0] <= 0:
        return None
    budget[0] -= 1
    path = path | {id(exc)}
    t = type(exc)
    d = {
        "type": t.__name__,
        "module": t.__module__,
        "message": _safe_str(exc),
        "repr": _safe_repr(exc),
        "context": None,
        "cause": exc_to_json(exc.__cause__, depth + 1, path, budget),
        "suppressContext": bool(exc.__suppress_context__),
    }
    ctx = exc.__context__
    if ctx is not None and ctx is exc.__cause__:
        cause = d["cause"]
        if cause is not None:
            d["context"] = {k: cause[k] for k in ("type", "module", "message", "repr")}
            d["context"].update(context=None, cause=None,
                                suppressContext=cause["suppressContext"])
    else:
        d["context"] = exc_to_json(ctx, depth + 1, path, budget)
    if isinstance(exc, BaseExceptionGroup):
        d["exceptions"] = [exc_to_json(e, depth + 1, path, budget) for e in exc.exceptions]
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, list):
        d["notes"] = [_safe_str(n) for n in notes]
    return d


def _task_to_json(task, name):
    d = {"name": name, "state": "pending", "result": None, "exception": None}
    try:
        if task.cancelled():
            d["state"] = "cancelled"
        elif task.done():
            exc = task.exception()  # marks the exception as retrieved
            if exc is None:
                d["state"] = "result"
                d["result"] = _safe_repr(task.result())
            else:
                d["state"] = "exception"
                d["exception"] = exc_to_json(exc)
    except BaseException as e:  # noqa: BLE001
        d["state"] = "pending"
        d["exception"] = exc_to_json(e)
    return d


def compile_program(source, filename):
    """Compile program text; returns (code, None) or (None, SyntaxError)."""
    try:
        return compile(source, filename, "exec"), None
    except (SyntaxError, ValueError) as e:
        return None, e


def run_program(code, filename="<program>", compile_error=None, print_traceback=False):
    """Run one compiled program as __main__ on a fresh virtual clock.

    The program's output goes to whatever sys.stdout currently is.  Returns
    the report dict.
    """
    clock = VirtualClock()
    recorder = Recorder()
    policy = VirtualPolicy(clock, recorder)
    module = types.ModuleType("__main__")
    module.__file__ = filename
    module.__builtins__ = builtins

    saved_main = sys.modules.get("__main__")
    saved_sleep = time.sleep
    saved_argv = sys.argv
    saved_stdout = sys.stdout
    saved_stderr = sys.stderr
    uncaught = compile_error
    error = None
    _silence_asyncio_logger()
    try:
        _set_policy(policy)
        time.sleep = _make_virtual_sleep(clock)
        sys.modules["__main__"] = module
        sys.argv = [filename]
        if code is not None:
            with warnings.catch_warnings():
                try:
                    contextvars.Context().run(exec, code, module.__dict__)
                except BaseException as e:  # noqa: BLE001 (SystemExit too)
                    uncaught = e
    finally:
        sys.stdout = saved_stdout
        sys.stderr = saved_stderr
        sys.argv = saved_argv
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        time.sleep = saved_sleep
        asyncio.events._set_running_loop(None)
        _set_policy(None)
        for loop in policy.loops:
            loop._vgate.close()
            try:
                if not loop.is_running() and not loop.is_closed():
                    loop.close()
            except BaseException:  # noqa: BLE001
                pass

    if print_traceback and uncaught is not None:
        try:
            tb = uncaught.__traceback__
            if tb is not None and tb.tb_frame.f_code is run_program.__code__:
                tb = tb.tb_next  # hide the harness's own frame
            traceback.print_exception(type(uncaught), uncaught, tb, file=sys.stderr)
        except BaseException:  # noqa: BLE001
            pass
    if clock.deadlock:
        error = DEADLOCK_MESSAGE
    tasks = [_task_to_json(task, name) for task, name in recorder.tasks]
    now = clock.now
    if not isinstance(now, float) or not math.isfinite(now):
        error = error or ("virtual clock is not finite: %r" % (now,))
        now = None
    report = {
        "tasks": tasks,
        "uncaught": exc_to_json(uncaught),
        "time": now,
    }
    if error is not None:
        report["error"] = error
    recorder.tasks.clear()
    # What a process does as it exits: the program's objects go, and an
    # async generator that ignored GeneratorExit (aclose() skips it, as it
    # is closed already) is closed now, its finally printing to this
    # program's output rather than into the next program's.
    uncaught = None
    module.__dict__.clear()
    gc.collect()
    return report


def _harness_failure(exc):
    return {
        "tasks": [],
        "uncaught": None,
        "time": 0.0,
        "error": "harness failure: %s" % "".join(
            traceback.format_exception_only(type(exc), exc)
        ).strip(),
    }


def timed_runs(code, filename, repeat):
    """Run the program repeat times with stdout discarded; ns per run.

    Only the time spent inside asyncio.run calls is counted; a program that
    never calls asyncio.run is timed as a whole.
    """
    total = 0
    calls = 0

    def timed_run(*args, **kwargs):
        nonlocal total, calls
        calls += 1
        t0 = time.perf_counter_ns()
        try:
            return _real_asyncio_run(*args, **kwargs)
        finally:
            total += time.perf_counter_ns() - t0

    whole = 0
    with open(os.devnull, "w") as devnull:
        for _ in range(repeat):
            asyncio.run = timed_run
            t0 = time.perf_counter_ns()
            try:
                with contextlib.redirect_stdout(devnull):
                    run_program(code, filename)
            finally:
                whole += time.perf_counter_ns() - t0
                asyncio.run = _real_asyncio_run
    if calls == 0:
        total = whole
    return total // repeat


def main_single(args):
    path = args.file
    with open(path, "rb") as f:
        source = f.read()
    code, cerr = compile_program(source, path)
    try:
        report = run_program(code, path, cerr, print_traceback=True)
        if args.repeat is not None and code is not None:
            report["elapsed_ns_per_run"] = timed_runs(code, path, args.repeat)
    except BaseException as e:  # noqa: BLE001
        report = _harness_failure(e)
    try:
        sys.stdout.flush()
    except BaseException:  # noqa: BLE001
        pass
    text = json.dumps(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stderr.write(REPORT_PREFIX + text + "\n")
        sys.stderr.flush()
    return 0


def main_batch():
    programs = json.loads(sys.stdin.buffer.read())
    # Keep fd 1 for our JSON: anything a program writes straight to file
    # descriptor 1 (os.write, subprocesses) goes to stderr instead.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    results = []
    for item in programs:
        pid = str(item.get("id", ""))
        buf = io.StringIO()
        filename = "<%s>" % pid
        try:
            code, cerr = compile_program(item.get("source", ""), filename)
            with contextlib.redirect_stdout(buf):
                report = run_program(code, filename, cerr)
        except BaseException as e:  # noqa: BLE001
            report = _harness_failure(e)
        results.append({"id": pid, "stdout": buf.getvalue(), "report": report})
    json.dump(results, out)
    out.flush()
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="program to run as __main__")
    parser.add_argument("--report", help="write the JSON report here")
    parser.add_argument("--repeat", type=int, help="time N extra runs")
    parser.add_argument("--batch", action="store_true",
                        help="read [{id, source}] JSON from stdin")
    args = parser.parse_args(argv)
    if args.batch:
        if args.file or args.report or args.repeat is not None:
            parser.error("--batch takes no FILE, --report or --repeat")
        return main_batch()
    if not args.file:
        parser.error("FILE or --batch is required")
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be >= 1")
    return main_single(args)


if __name__ == "__main__":
    sys.exit(main())
