package sim

// Scenario is one program for the simulator: manager definitions, coroutine
// functions, and the entry point "main". It is plain data so that the app
// can build, edit, save and share it; Decode reads it from JSON.
type Scenario struct {
	Version int `json:"version"`
	// Python is the CPython version the run follows, one of
	// PythonVersions; "" is DefaultPython.
	Python      string `json:"python,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	// Shared are objects made at module level (locks, semaphores) that
	// every function uses by name.
	Shared    []*SharedDef  `json:"shared,omitempty"`
	Managers  []*ManagerDef `json:"managers,omitempty"`
	Functions []*FuncDef    `json:"functions"`
}

// CurrentVersion is the scenario format version this package reads and writes.
const CurrentVersion = 1

// ManagerKind says how a manager is written in Python.
type ManagerKind string

const (
	// ClassManager is a class with __aenter__ and __aexit__ (or a broken variant, see Protocol).
	ClassManager ManagerKind = "class"
	// GeneratorManager is an @asynccontextmanager async generator function.
	GeneratorManager ManagerKind = "generator"
	// AsyncGenFunction is a plain async generator function: async for
	// iterates what it returns, and contextlib.aclosing closes that. It
	// is not a manager itself (async with on it is a TypeError).
	AsyncGenFunction ManagerKind = "asyncgen"
)

// Protocol says which special methods a class-based manager really defines.
type Protocol string

const (
	// AsyncProtocol defines async __aenter__ and __aexit__ (the default).
	AsyncProtocol Protocol = "async"
	// SyncProtocol defines only plain __enter__ and __exit__.
	SyncProtocol Protocol = "sync"
	// MissingAexit defines __aenter__ but forgets __aexit__.
	MissingAexit Protocol = "missing-aexit"
	// MissingAenter defines __aexit__ but forgets __aenter__.
	MissingAenter Protocol = "missing-aenter"
	// TypoProtocol misspells both methods with single underscores
	// (_aenter_/_aexit_), as document 004 does.
	TypoProtocol Protocol = "typo"
)

// ManagerDef defines a context manager that "async with" items construct
// by name. Every construction makes a new instance with its own ledger entry.
type ManagerDef struct {
	Name     string      `json:"name"`
	Kind     ManagerKind `json:"kind"`
	Protocol Protocol    `json:"protocol,omitempty"`
	// Aenter and Aexit are the method bodies of a class manager. A return
	// statement gives what the method returns; without one it returns None.
	Aenter []*Stmt `json:"aenter,omitempty"`
	Aexit  []*Stmt `json:"aexit,omitempty"`
	// Body is the generator function's body (it holds yield statements).
	Body []*Stmt `json:"body,omitempty"`
	// Params are the constructor's parameters: a class's __init__(self,
	// host, port) stores each as an attribute (self.host = host); a
	// generator function takes them as its local variables. Every
	// construction passes as many arguments (WithItem.Args, Stmt.Args).
	Params []string `json:"params,omitempty"`
	// Init is the rest of a class's __init__, run after the attributes
	// are stored: plain code (it cannot await) that may print or raise.
	Init []*Stmt `json:"init,omitempty"`

	id int
	// withRepr: the rendered class gets a __repr__, because a print may
	// show an instance (see Validate); otherwise repr has an address.
	withRepr bool
}

// FuncDef is an "async def": the entry point main, a task's coroutine, a
// helper awaited with a call statement, or an exit callback for an
// AsyncExitStack.
type FuncDef struct {
	Name string `json:"name"`
	// ExitParams makes the signature (exc_type, exc, tb), for push_async_exit
	// (or push, when Sync).
	ExitParams bool `json:"exitParams,omitempty"`
	// Sync makes it a plain "def": a blocking function that a toThread
	// statement runs in a worker thread of the default executor, or an
	// exit stack's sync methods (push, callback) call on the loop's thread.
	Sync bool    `json:"sync,omitempty"`
	Body []*Stmt `json:"body"`
	// Decorator, when set, is the @M(args) line above the function: every
	// call runs the body inside a fresh M(args) (see decorator.go).
	Decorator *Decorator `json:"decorator,omitempty"`
	// Params are the parameters of an exit callback that pushCallback
	// pushes with one argument for each (Stmt.Args); no other statement
	// passes arguments to a function.
	Params []string `json:"params,omitempty"`

	id int
}

// Decorator is an @asynccontextmanager function used as a decorator:
// @Manager(Args...) above an async def.
type Decorator struct {
	Manager string `json:"manager"`
	// Args are evaluated once, when the module runs: literals, or the
	// names of shared objects.
	Args []Expr `json:"-"`

	id int
}

// StmtKind names a statement.
type StmtKind string

// The statements a body can hold.
const (
	SPrint        StmtKind = "print"        // print(f"...")
	SSleep        StmtKind = "sleep"        // await asyncio.sleep(d)
	SBlock        StmtKind = "block"        // time.sleep(d): blocks the whole loop
	SRaise        StmtKind = "raise"        // raise Type("message")
	SReraise      StmtKind = "reraise"      // bare raise, inside an except block
	SReturn       StmtKind = "return"       // return [value]
	SYield        StmtKind = "yield"        // yield value (generator managers only)
	SPass         StmtKind = "pass"         // pass
	SWith         StmtKind = "with"         // async with A() as a, B() as b: ...
	STry          StmtKind = "try"          // try / except / finally
	SGather       StmtKind = "gather"       // [x =] await asyncio.gather(...)
	SCreateTask   StmtKind = "createTask"   // t = asyncio.create_task(f()) or tg.create_task(f())
	SAwait        StmtKind = "await"        // [x =] await t
	SCancel       StmtKind = "cancel"       // t.cancel(), now or after a delay
	SCall         StmtKind = "call"         // [x =] await f()
	SAssign       StmtKind = "assign"       // cm = Manager()
	SEnterContext StmtKind = "enterContext" // x = await stack.enter_async_context(M())
	SPushExit     StmtKind = "pushExit"     // stack.push_async_exit(f)
	SPushCallback StmtKind = "pushCallback" // stack.push_async_callback(f)
	SIfException  StmtKind = "ifException"  // if exc_type is not None: ... else: ... (in exit code)
	SToThread     StmtKind = "toThread"     // [x =] await asyncio.to_thread(f) (or loop.run_in_executor(None, f))
	SShield       StmtKind = "shield"       // [x =] await asyncio.shield(f()) or asyncio.shield(t)
	SWaitFor      StmtKind = "waitFor"      // [x =] await asyncio.wait_for(f(), d) or asyncio.wait_for(t, d)
	SAsyncFor     StmtKind = "asyncFor"     // async for x in gen(): ... (or in a variable)
	SSetAttr      StmtKind = "setAttr"      // self.NAME = VALUE (a class manager's methods)
	SIf           StmtKind = "if"           // if x: / if x == VALUE: ... else: ...
	SFor          StmtKind = "for"          // for i in range(n): ... else: ...
	SWhile        StmtKind = "while"        // while True: / while x: / while not t.done(): ... else: ...
	SBreak        StmtKind = "break"        // break, inside a for, a while or an async for
	SContinue     StmtKind = "continue"     // continue, inside a for, a while or an async for
	SCondWait     StmtKind = "condWait"     // await cond.wait() (a shared asyncio.Condition)
	SNotify       StmtKind = "notify"       // cond.notify() or cond.notify(n)
	SNotifyAll    StmtKind = "notifyAll"    // cond.notify_all()
	SWait         StmtKind = "wait"         // [done, pending =] await asyncio.wait({t1, t2}, ...)
	SUncancel     StmtKind = "uncancel"     // [n =] t.uncancel()
	SCurrentTask  StmtKind = "currentTask"  // me = asyncio.current_task()
	SAddNote      StmtKind = "addNote"      // e.add_note("text")
	SReschedule   StmtKind = "reschedule"   // cm.reschedule(loop.time() + d), (None) or (cm.when() + d)
	SPopAll       StmtKind = "popAll"       // [x =] stack.pop_all()
	SAclose       StmtKind = "aclose"       // await stack.aclose()
)

// Stmt is one statement. Kind says which fields are meaningful.
type Stmt struct {
	Kind StmtKind

	Text  string   // print: f-string text with {name} / {name!r} fields; cancel: the message; addNote: the note
	Raise *ExcSpec // raise
	Value Expr     // return, yield

	Items []*WithItem // with
	Body  []*Stmt     // with, try

	Handlers []*Handler // try
	Finally  []*Stmt    // try
	Else     []*Stmt    // ifException: when exc_type is None (Body: when it is not); if: else; for: else
	// Test is what an if or a while statement tests: a variable, maybe
	// compared; a while without one is while True.
	Test *Test
	// Extra holds the fields only a few kinds use (nil when none is set).
	Extra *StmtExtra

	Func    string     // call, createTask, pushExit, pushCallback, toThread, shield, waitFor
	Task    string     // await, cancel, uncancel, shield, waitFor (else Func: a fresh call)
	Manager string     // assign, enterContext, asyncFor (an async generator function)
	Stack   string     // enterContext, pushExit, pushCallback, popAll, aclose
	As      string     // target variable of gather, createTask, await, call, assign, enterContext, uncancel, currentTask
	tmpl    []tmplPart // print: Text parsed by Validate

	// The fields without pointers come last: the garbage collector scans
	// a statement only up to its last pointer, and scenarios can hold
	// tens of thousands of statements through a run.

	Seconds float64 // sleep, block, cancel (delay), waitFor (timeout)
	// Count is n in a for statement's range(n); As is its variable.
	Count int
	id    int
	// HasMessage: cancel(msg) was given a message (Text).
	HasMessage bool
	// NoTimeout: waitFor's timeout is None; reschedule's new deadline is None.
	NoTimeout bool
	Delayed   bool // cancel: after Seconds rather than at once
	HasValue  bool // return: a value was given
	Sync      bool // with: a plain (non-async) with; enterContext, pushExit, pushCallback: the sync method
	// Star: the handlers are except* clauses (JSON "exceptStar").
	Star             bool
	HasFinally       bool // try
	ReturnExceptions bool // gather
	// Executor: toThread is written loop.run_in_executor(None, f).
	Executor bool
	// Extend: reschedule's new deadline is the timeout's own plus Seconds
	// (cm.when() + d) rather than now plus Seconds.
	Extend bool
}

// StmtExtra holds the statement fields only a few kinds use. They sit
// behind one pointer because the collector scans every statement of a
// scenario, and scenarios can hold tens of thousands of them: a
// statement without these fields is a size class smaller.
type StmtExtra struct {
	Awaitables []Awaitable // gather
	Args       []Expr      // assign, enterContext: the arguments of Manager(...); pushCallback: the callback's
	Group      string      // createTask: the TaskGroup variable, or "" for asyncio.create_task
	Use        string      // asyncFor: a variable holding the async generator; addNote: the exception's variable; reschedule: the Timeout's; pushExit: the object's
	// Attr is the attribute setAttr assigns (to self, Value).
	Attr string
	// Cond names the shared condition of condWait, notify and notifyAll;
	// NotifyN is notify's n (nil writes notify(), which wakes one).
	Cond    string
	NotifyN *int
	// Wait holds asyncio.wait's arguments and targets (wait.go).
	Wait *WaitSpec
}

// noExtra is what Ext returns for a statement without extra fields.
var noExtra StmtExtra

// Ext is the statement's extra fields for reading: never nil, and never
// to be written through (a statement without them shares one empty
// value). Write through Extra, making it if it is nil.
func (s *Stmt) Ext() *StmtExtra {
	if s.Extra == nil {
		return &noExtra
	}
	return s.Extra
}

// setExtra is the statement's extra fields for writing, made if needed.
func (s *Stmt) setExtra() *StmtExtra {
	if s.Extra == nil {
		s.Extra = &StmtExtra{}
	}
	return s.Extra
}

// Awaitable is one argument of gather: a fresh call of a function, or a task variable.
type Awaitable struct {
	Call string `json:"call,omitempty"`
	Task string `json:"task,omitempty"`
}

// Handler is one except clause.
type Handler struct {
	Types []string `json:"types,omitempty"` // empty: a bare "except:"
	As    string   `json:"as,omitempty"`
	Body  []*Stmt  `json:"body"`

	id int
}

// WithItem is one item of an async with statement. Exactly one of Manager,
// Use, Timeout, TimeoutAt, ExitStack, TaskGroup, NullContext and Aclosing
// is set.
type WithItem struct {
	Manager   string   `json:"manager,omitempty"`   // Manager() — a new instance
	Use       string   `json:"use,omitempty"`       // an existing variable holding a manager
	Timeout   *float64 `json:"timeout,omitempty"`   // asyncio.timeout(d)
	ExitStack bool     `json:"exitStack,omitempty"` // contextlib.AsyncExitStack()
	TaskGroup bool     `json:"taskGroup,omitempty"` // asyncio.TaskGroup()
	// NoDeadline is asyncio.timeout(None) ({"timeout": null}): entered,
	// it never expires.
	NoDeadline bool `json:"-"`
	// TimeoutAt is asyncio.timeout_at(when)'s deadline (timeout_at.go).
	TimeoutAt *Deadline `json:"-"`
	// NullContext is contextlib.nullcontext(value)'s value (ENone: none).
	NullContext *Expr `json:"-"`
	// Aclosing names the async generator function of
	// contextlib.aclosing(gen()).
	Aclosing string `json:"aclosing,omitempty"`
	// Args are the arguments of Manager(...), one per ManagerDef.Params.
	Args []Expr `json:"-"`
	As   string `json:"as,omitempty"`

	id int
}

// ExcSpec is an exception a raise statement creates.
type ExcSpec struct {
	Type    string `json:"type"`
	Message string `json:"message,omitempty"`
	// NoMessage raises Type() with no argument rather than Type("").
	NoMessage bool `json:"-"`
	// HasFrom writes "raise ... from From": From is a variable holding
	// an exception, or "" for "from None".
	HasFrom bool   `json:"-"`
	From    string `json:"-"`
}

// ExprKind says what an Expr is. It is a byte so that it packs with Bool
// after the strings: a statement holds an Expr, and the collector scans
// tens of thousands of statements.
type ExprKind uint8

const (
	// ENone is Python's None.
	ENone ExprKind = iota
	// EStr is a string literal.
	EStr
	// EBool is True or False.
	EBool
	// EVar is a variable (or self).
	EVar
	// EInt is an integer literal (Int).
	EInt
)

// Expr is a value in a return, a yield or an argument: None, a string, a
// bool, an integer or a variable.
type Expr struct {
	Str  string
	Var  string
	Int  int64
	Kind ExprKind
	Bool bool
}

// Test is the condition of an if or a while statement: Var is true, or
// equal to Equals when it is set; Not negates it (if not x, if x != v).
type Test struct {
	// Var is a variable or what a print field may read of one: c.state,
	// t.done(), type(e).__name__, e.__cause__ (see fstring.go).
	Var    string
	Equals *Expr
	Not    bool

	field tmplPart // Var parsed by Validate
}
