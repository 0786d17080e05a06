// Package sim simulates Python's async context managers exactly as CPython
// 3.11, 3.12 or 3.13 runs them (the scenario says which; the newest by
// default): the order in which managers enter and exit, nested and across
// concurrent tasks, with errors injected where the learner chooses.
//
// It is pure Go and never imports ebiten. A Scenario (plain data, read from
// JSON by Decode) runs on a deterministic port of asyncio's event loop with
// a virtual clock (Run). The run produces a Result: the trace of events the
// screen steps through, the console output, each task's outcome, and a
// ledger of acquired, released and leaked resources. Render writes the same
// scenario as a runnable Python program; the conformance tests run that
// program under CPython and require the same output and outcomes.
//
// # Scenario format (version 1)
//
// A scenario defines managers and coroutine functions. The program runs
// asyncio.run(main()), so a function named main is required.
//
//	{
//	  "version": 1,
//	  "python": "3.13",
//	  "title": "Two workers share a database",
//	  "managers": [
//	    {"name": "Database", "kind": "class",
//	     "aenter": [{"print": "connect"}, {"sleep": 1}, {"return": {"var": "self"}}],
//	     "aexit":  [{"ifException": {"then": [{"print": "rollback after {exc!r}"}]}},
//	                {"print": "close"}]},
//	    {"name": "session", "kind": "generator",
//	     "body": [{"print": "open session"},
//	              {"try": {"body": [{"yield": "s1"}],
//	                       "finally": [{"print": "close session"}]}}]}
//	  ],
//	  "functions": [
//	    {"name": "worker", "body": [
//	      {"with": {"items": [{"manager": "Database", "as": "db"},
//	                          {"manager": "session", "as": "s"}],
//	                "body": [{"print": "working in {s}"}, {"sleep": 0.5},
//	                         {"raise": {"type": "ValueError", "message": "bad row"}}]}}]},
//	    {"name": "main", "body": [
//	      {"createTask": {"call": "worker", "as": "t"}},
//	      {"cancel": {"task": "t", "after": 0.25}},
//	      {"gather": {"awaitables": [{"task": "t"}, {"call": "worker"}],
//	                  "returnExceptions": true, "as": "results"}},
//	      {"print": "results: {results}"}]}
//	  ]
//	}
//
// "python" (optional) is the CPython version the run follows, one of
// PythonVersions ("3.11", "3.12", "3.13"); without it, DefaultPython.
// PythonVersions' documentation lists where the versions differ.
//
// "shared" (optional) lists objects made at module level, before
// asyncio.run, that every function uses by name:
//
//	"shared": [{"name": "lock", "kind": "lock"},
//	           {"name": "slots", "kind": "semaphore", "value": 2},
//	           {"name": "gate", "kind": "boundedSemaphore"},
//	           {"name": "ready", "kind": "condition", "lock": "lock"}]
//
// asyncio.Lock(), asyncio.Semaphore(2), asyncio.BoundedSemaphore() (value
// 0 to MaxSemaphoreValue, default 1), asyncio.Condition(lock) (over a
// shared lock listed before it; without "lock", a lock of its own). A
// with item {"use": "lock"} is "async with lock:": a task that finds it
// taken queues for it (FIFO) and the trace says it waits to acquire it;
// no function may assign a shared name. Inside "async with ready:", the
// statements condWait, notify and notifyAll use the condition (outside
// it, CPython's RuntimeError): wait releases the lock until a notify,
// then takes it back before it returns, even when cancelled.
//
// Managers have a name and a kind:
//
//   - "class": a class with "aenter" and "aexit" bodies. A return statement
//     gives what the method returns (None without one); an aexit that returns
//     true suppresses the exception. "protocol" makes it broken on purpose:
//     "sync" (only __enter__/__exit__), "missing-aexit", "missing-aenter",
//     "typo" (_aenter_/_aexit_, as document 004 writes them).
//   - "generator": an @asynccontextmanager function whose "body" holds at
//     least one yield statement (a generator that returns before its yield
//     "never yields"; one that reaches two yields "yields twice").
//   - "asyncgen": a plain async generator function (no decorator), which
//     an async for statement iterates and an aclosing item closes; it is
//     no manager ({"manager": "gen"} is the TypeError CPython raises).
//     Left by break or an exception while it waits at a yield, it is
//     dropped, and CPython's finalizer hook runs its aclose() later in a
//     task of its own (async_generator_athrow).
//
// A manager may take arguments, the way course documents write
// Connection(host, port): "params" lists them, and every call of the
// manager (a with item, an assign, an enterContext) passes one VALUE for
// each as "args" (Validate counts them):
//
//	{"name": "Connection", "kind": "class", "params": ["host", "port"],
//	 "init": [{"print": "made for {host}"}],
//	 "aenter": [{"print": "dialling {self.host}:{self.port}"}, {"return": {"var": "self"}}]}
//	{"with": {"items": [{"manager": "Connection", "args": ["db.example", 5432], "as": "c"}],
//	          "body": [{"print": "using {c.host}"}]}}
//
// A class gets def __init__(self, host, port): storing each parameter as
// an attribute (self.host = host), then its optional "init" body: plain
// code that may print, raise or pass but not await. __init__ runs when the
// item's expression is evaluated, before __aenter__ is looked up: if it
// raises, no object is bound, neither __aenter__ nor __aexit__ runs, and
// the exception leaves from the with line (the trace says
// manager.init-raised; manager.created is only for an object that was
// made). Print fields read attributes, {self.host} in its methods and
// {c.host} (or {c.host!r}) wherever c holds an instance: an attribute must
// be a parameter of some class (Validate refuses others), and reading it
// from a value that lacks it raises CPython's AttributeError ('Connection'
// object has no attribute 'port'). A class parameter may not start with _
// nor share its name with an attribute of Python's own values (upper,
// args, cancel...). A class whose instances can be printed gets a
// __repr__: Connection('db.example', 5432). A generator manager's params
// are its function's parameters, the local variables of its body.
//
// Functions have a name, a body and, for exit functions pushed with
// pushExit, "exitParams": true (the signature exc_type, exc, tb). A
// callback pushed with pushCallback may take "params": ["name", "n"],
// for which the statement passes one VALUE each in its "args"; no other
// statement passes arguments, so only pushCallback takes a function
// with params.
// "sync": true makes a plain def: a blocking function that a toThread
// statement runs in a worker thread, or that an exit stack's plain
// methods (pushExit and pushCallback with "sync": true) call on the
// loop's own thread. Its body holds print, block, raise, reraise,
// return, pass, try, if, for, while, break, continue and addNote (and
// ifException when it takes exitParams), and
// its time.sleep ("block") blocks the thread it runs in: only its worker
// thread, or the whole event loop. It cannot be decorated.
// A function may be decorated with a generator manager:
//
//	{"name": "report", "decorator": {"manager": "session", "args": ["reports"]}, "body": [...]}
//
// renders @session("reports") above async def report():. The decorator
// line runs once, when the module does, so its args are literals or shared
// objects' names; every call of the function (a call statement, a task, a
// gather) then runs CPython's AsyncContextDecorator: a fresh
// session("reports") is entered around the body, in a coroutine frame of
// its own (inner, which functools.wraps names report: a task running it
// is named report), and the body's return value passes through.
//
// A body is a list of statements, each an object with one field:
//
//	{"print": "text {name} {name!r}"}     print(f"...") — {{ and }} are literal braces; a field may
//	                                      also read an attribute, {c.host}, or be {e.__context__},
//	                                      {e.__cause__}, {e.__suppress_context__} (chained:
//	                                      {e.__cause__.__context__}), {type(e).__name__},
//	                                      a task's {t.done()}, {t.cancelled()}, {t.cancelling()},
//	                                      {t.result()} or {t.exception()}; {e.__notes__},
//	                                      {e.exceptions} (a group's, a tuple), {e.args};
//	                                      len(...) or repr(...) of a field: {len(done)},
//	                                      {len(eg.exceptions)}, {repr(e)}
//	{"sleep": 1.5}                        await asyncio.sleep(1.5) (0 yields once)
//	{"block": 2}                          time.sleep(2): stalls every task on the loop
//	{"raise": {"type": "ValueError", "message": "boom"}}   or {"raise": "ValueError"};
//	                                      "from": "e" (a variable) or null adds from e / from None
//	{"reraise": true}                     bare raise, inside an except block
//	{"addNote": {"to": "e", "note": "retry later"}}   e.add_note("retry later")
//	{"return": VALUE}                     return VALUE; null is a bare return
//	{"yield": VALUE}                      yield VALUE (generator managers only)
//	{"pass": true}
//	{"with": {"items": [ITEM...], "body": [...], "sync": false}}
//	{"try": {"body": [...], "except": [{"types": ["ValueError"], "as": "e", "body": [...]}], "finally": [...]}}
//	                                      "exceptStar" instead of "except" makes except* clauses
//	                                      (see "except*" below)
//	{"ifException": {"then": [...], "else": [...]}}   if exc_type is not None (exit code only)
//	{"gather": {"awaitables": [{"call": "f"}, {"task": "t"}], "returnExceptions": true, "as": "r"}}
//	{"createTask": {"call": "f", "as": "t", "group": "tg"}}   asyncio.create_task or tg.create_task
//	{"await": {"task": "t", "as": "r"}}
//	{"cancel": {"task": "t", "after": 1.5}}   t.cancel() now, or call_later(1.5, t.cancel);
//	                                      "message": "why" passes t.cancel("why")
//	{"call": {"function": "f", "as": "r"}}    r = await f()
//	{"assign": {"name": "cm", "manager": "M", "args": [...]}}   cm = M(...) (enter it later with {"use": "cm"})
//	{"enterContext": {"stack": "stack", "manager": "M", "args": [...], "as": "x"}}
//	                                      x = await stack.enter_async_context(M(...));
//	                                      "sync": true is x = stack.enter_context(M(...))
//	{"pushExit": {"stack": "stack", "function": "on_exit"}}   stack.push_async_exit(on_exit);
//	                                      "sync": true is stack.push(on_exit), a plain def;
//	                                      "object": "cm" instead of "function" pushes cm's
//	                                      __aexit__ (its __exit__ when sync); an object without
//	                                      one is pushed as the callable, and calling it fails
//	{"pushCallback": {"stack": "stack", "function": "cleanup", "args": ["db", 1]}}
//	                                      stack.push_async_callback(cleanup, "db", 1);
//	                                      "sync": true is stack.callback(cleanup, "db", 1)
//	{"popAll": {"stack": "stack", "as": "rest"}}   rest = stack.pop_all(): a new AsyncExitStack
//	                                      takes every callback and the stack is left empty;
//	                                      enter rest ({"use": "rest"}) or close it later
//	{"aclose": "stack"}                   await stack.aclose(): unwind it now, as __aexit__(None,
//	                                      None, None) would, leaving it empty for more callbacks
//	{"shield": {"call": "f", "as": "r"}}   r = await asyncio.shield(f()); or {"task": "t"}: shield(t)
//	{"waitFor": {"call": "f", "timeout": 1.5, "as": "r"}}   r = await asyncio.wait_for(f(), 1.5);
//	                                      or {"task": "t"}; "timeout": null is None (required)
//	{"asyncFor": {"gen": "ticks", "as": "x", "body": [...]}}   async for x in ticks(): ...
//	                                      or {"use": "it"}: a variable an aclosing item bound
//	{"setAttr": {"name": "conn", "value": VALUE}}   self.conn = VALUE (a class manager's aenter, aexit, init)
//	{"if": {"var": "x", "equals": VALUE, "not": false, "then": [...], "else": [...]}}
//	                                      if x: (no "equals"), if x == VALUE:, if x is None: (null);
//	                                      "not" writes if not x:, !=, is not None; "var" may
//	                                      be what a print field reads: c.state, t.done(), e.__cause__
//	{"for": {"var": "i", "range": 3, "body": [...], "else": [...]}}   for i in range(3): (0..1000)
//	{"while": {"var": "x", "equals": VALUE, "not": false, "body": [...], "else": [...]}}
//	                                      while x: tested as an if's "var"; no "var" is while True.
//	                                      A loop that never ends stops at the run's limits
//	{"break": true}, {"continue": true}  inside a for, a while or an async for
//	{"toThread": {"function": "fetch", "as": "r"}}   r = await asyncio.to_thread(fetch);
//	                                      "executor": true writes
//	                                      await asyncio.get_running_loop().run_in_executor(None, fetch)
//	{"condWait": "ready"}                 await ready.wait() (a shared condition)
//	{"notify": "ready"}                   ready.notify(); {"notify": {"cond": "ready", "n": 2}}: notify(2)
//	{"notifyAll": "ready"}                ready.notify_all()
//	{"wait": {"tasks": ["t1", "t2"], "returnWhen": "FIRST_COMPLETED", "timeout": 2,
//	          "done": "done", "pending": "pending"}}
//	                                      done, pending = await asyncio.wait({t1, t2},
//	                                      return_when=asyncio.FIRST_COMPLETED, timeout=2);
//	                                      returnWhen (FIRST_COMPLETED, FIRST_EXCEPTION or
//	                                      ALL_COMPLETED), timeout, done and pending are optional
//	                                      (done and pending together); the sets are unordered,
//	                                      so a print shows {len(done)} or asks each task
//	{"uncancel": {"task": "t", "as": "n"}}   n = t.uncancel(); or {"uncancel": "t"}
//	{"currentTask": "me"}                 me = asyncio.current_task() (print {me.cancelling()},
//	                                      not {me}: a task's repr holds an address)
//	{"reschedule": {"timeout": "cm", "after": 3}}   cm.reschedule(asyncio.get_running_loop().time() + 3):
//	                                      cm holds an asyncio.Timeout (async with asyncio.timeout(...) as cm);
//	                                      "after": null is cm.reschedule(None) (no deadline);
//	                                      "extend": 1.5 instead is cm.reschedule(cm.when() + 1.5).
//	                                      Only an active timeout moves: before it is entered, once it
//	                                      fired or after its block, it raises RuntimeError
//
// A run that ends with a generator manager entered and never exited,
// held by an exit stack that was never unwound (popped and forgotten, or
// pushed to after its block), is refused: CPython closes that generator
// when the last reference to the stack goes, at a moment set by
// reference counts, which the engine does not keep. Pushing the exit of
// asyncio's own objects (a Timeout, a TaskGroup, a lock or a semaphore),
// whose exits depend on how they were entered, is refused as well.
//
// A VALUE is a string, true or false, a whole number (-9223372036854775808
// to 9223372036854775807, written as Python writes an int; 5432, not 5432.0
// or 5.432e3), {"var": "name"} (including "self"), or {"none": true}. A
// with ITEM is {"manager": "M", "args": [VALUE...], "as": "x"} (a new
// instance; args only when M has params), {"use": "cm"} (an existing one), {"timeout": 2} (asyncio.timeout;
// {"timeout": null} is asyncio.timeout(None), which never expires),
// {"timeoutAt": 2.5} (asyncio.timeout_at(asyncio.get_running_loop().time()
// + 2.5): the loop's clock starts at no meaningful moment, so a deadline
// is always written from now; {"timeoutAt": null} is timeout_at(None)),
// {"exitStack": true, "as": "stack"}, {"taskGroup": true, "as": "tg"},
// {"nullContext": VALUE} (contextlib.nullcontext(VALUE); null for none) or
// {"aclosing": "gen", "as": "it"} (contextlib.aclosing(gen())).
//
// A try statement's "exceptStar" clauses are except* T as eg: (PEP 654).
// Each clause takes the part of the exception that matches its types —
// a group split level by level (exceptions that match keep their place
// in nested groups, the groups around them rebuilt with their message,
// __context__, __cause__ and notes), a naked exception wrapped in
// ExceptionGroup("", (exc,)) — and runs once with it; the rest goes on
// to the next clauses. What the clauses raise comes out first, then the
// parts they re-raised with a bare raise and those none handled, back in
// the group's shape: one exception alone, several in a new
// ExceptionGroup("", [...]). A clause needs types, and cannot name
// ExceptionGroup or BaseExceptionGroup (CPython's TypeError); return,
// break and continue cannot leave its body; one try statement has
// except or exceptStar clauses, not both.
//
// KeyboardInterrupt and SystemExit (raise statements, not Ctrl+C) are
// raised and caught as any exception, but neither is an Exception, and
// one that leaves a task's coroutine stops the event loop at once: its
// task's step stores it on the task and raises it again, out of the
// loop, with the rest of that turn's callbacks still queued. asyncio.run
// then cancels the tasks still running and runs them (those callbacks
// first), and raises it; a TaskGroup raises it alone, not in a group. An
// exception that ends asyncio.run's cleanup early (another such
// exception, or a RuntimeError when a stop callback queued earlier stops
// the loop too soon) is the one asyncio.run raises. If that leaves a task
// or worker thread unfinished as the loop closes, CPython runs the rest
// of its code whenever the garbage collector frees it: such a run fails
// with ErrNotReproducible.
//
// Error injection is data: a raise statement at any point of an aenter,
// aexit, generator or body; a cancel statement with a delay; a timeout item.
//
// # What is exact
//
// The engine ports the parts of CPython that decide order: the ready queue
// and the heapq timer heap of BaseEventLoop._run_once, Task.__step and
// __wakeup (with cancellation requests and uncancel), gather, asyncio.wait,
// asyncio.timeout, TaskGroup, AsyncExitStack,
// _AsyncGeneratorContextManager, Lock, Semaphore and Condition, and
// implicit exception chaining (__context__), including how a cancellation
// thrown into a suspended coroutine chain is chained level by level.
// Where CPython iterates a set (asyncio.run cancelling several leftover
// tasks, a TaskGroup cancelling several siblings, asyncio.wait failing on
// one of several values that are not tasks) its order is unspecified;
// the engine uses creation (or written) order and sets Result.Unordered.
// asyncio.wait's own sets are only counted ({len(done)}) or asked about
// each task ({t.done()}), so their order never shows.
//
// Worker threads (toThread) follow the one order the CPython harness
// fixes: a thread runs as soon as it is handed its work, until it
// finishes or calls time.sleep; that sleep parks it until the virtual
// clock reaches its end, which the loop waits for like a timer (threads
// due together wake in the order they parked, and what they hand back is
// queued before timers due at the same moment). The default executor runs
// min(32, CPUs + 4) threads, so a run with more than five calls in threads
// at once, whose order would depend on the machine, is refused.
package sim
