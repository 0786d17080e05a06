package sim

import (
	"fmt"
	"strings"
)

// ExcClass is a Python exception class the simulator knows.
type ExcClass struct {
	Name   string
	Module string // "builtins" or "asyncio.exceptions"
	Base   *ExcClass
	// StrIsRepr: str(e) of a one-argument exception is repr(arg) (KeyError).
	StrIsRepr bool
}

// IsSubclass reports whether c is other or derives from it.
func (c *ExcClass) IsSubclass(other *ExcClass) bool {
	for k := c; k != nil; k = k.Base {
		if k == other {
			return true
		}
	}
	return false
}

// QualName is the name as the program spells it (asyncio.CancelledError).
func (c *ExcClass) QualName() string {
	if c.Module == "asyncio.exceptions" {
		return "asyncio." + c.Name
	}
	return c.Name
}

// classRepr is str() of the class object: <class 'ValueError'>.
func (c *ExcClass) classRepr() string {
	if c.Module == "builtins" {
		return "<class '" + c.Name + "'>"
	}
	return "<class '" + c.Module + "." + c.Name + "'>"
}

func builtin(name string, base *ExcClass) *ExcClass {
	return &ExcClass{Name: name, Module: "builtins", Base: base}
}

// The exception classes, with CPython's hierarchy.
var (
	BaseExceptionClass      = builtin("BaseException", nil)
	ExceptionClass          = builtin("Exception", BaseExceptionClass)
	BaseExceptionGroupClass = builtin("BaseExceptionGroup", BaseExceptionClass)
	// ExceptionGroup derives from both BaseExceptionGroup and Exception;
	// IsSubclass follows one chain, so catchesClass special-cases it.
	ExceptionGroupClass     = builtin("ExceptionGroup", ExceptionClass)
	ValueErrorClass         = builtin("ValueError", ExceptionClass)
	TypeErrorClass          = builtin("TypeError", ExceptionClass)
	RuntimeErrorClass       = builtin("RuntimeError", ExceptionClass)
	AttributeErrorClass     = builtin("AttributeError", ExceptionClass)
	LookupErrorClass        = builtin("LookupError", ExceptionClass)
	KeyErrorClass           = &ExcClass{Name: "KeyError", Module: "builtins", Base: LookupErrorClass, StrIsRepr: true}
	ArithmeticErrorClass    = builtin("ArithmeticError", ExceptionClass)
	ZeroDivisionErrorClass  = builtin("ZeroDivisionError", ArithmeticErrorClass)
	OSErrorClass            = builtin("OSError", ExceptionClass)
	ConnectionErrorClass    = builtin("ConnectionError", OSErrorClass)
	TimeoutErrorClass       = builtin("TimeoutError", OSErrorClass)
	StopAsyncIterationClass = builtin("StopAsyncIteration", ExceptionClass)
	GeneratorExitClass      = builtin("GeneratorExit", BaseExceptionClass)
	KeyboardInterruptClass  = builtin("KeyboardInterrupt", BaseExceptionClass)
	SystemExitClass         = builtin("SystemExit", BaseExceptionClass)
	NameErrorClass          = builtin("NameError", ExceptionClass)
	unboundLocalErrorClass  = builtin("UnboundLocalError", NameErrorClass)
	CancelledErrorClass     = &ExcClass{Name: "CancelledError", Module: "asyncio.exceptions", Base: BaseExceptionClass}
	// InvalidStateErrorClass is what a task's result() and exception()
	// raise before it is done.
	InvalidStateErrorClass = &ExcClass{Name: "InvalidStateError", Module: "asyncio.exceptions", Base: ExceptionClass}
)

// excClasses maps the names scenarios may use to classes.
var excClasses = map[string]*ExcClass{}

func init() {
	for _, c := range []*ExcClass{BaseExceptionClass, ExceptionClass, BaseExceptionGroupClass,
		ExceptionGroupClass, ValueErrorClass, TypeErrorClass, RuntimeErrorClass, AttributeErrorClass,
		LookupErrorClass, KeyErrorClass, ArithmeticErrorClass, ZeroDivisionErrorClass, OSErrorClass,
		ConnectionErrorClass, TimeoutErrorClass, NameErrorClass, unboundLocalErrorClass, CancelledErrorClass,
		StopAsyncIterationClass, GeneratorExitClass, InvalidStateErrorClass, KeyboardInterruptClass, SystemExitClass} {
		excClasses[c.Name] = c
	}
}

// LookupExcClass finds a class by name; "asyncio.CancelledError" and
// "CancelledError" both work.
func LookupExcClass(name string) (*ExcClass, bool) {
	c, ok := excClasses[strings.TrimPrefix(name, "asyncio.")]
	return c, ok
}

// raisableClass reports whether a raise statement may create c. Groups
// need sub-exceptions and are made by TaskGroup only.
func raisableClass(c *ExcClass) bool {
	return c != BaseExceptionGroupClass && c != ExceptionGroupClass
}

// catchesClass reports whether "except handler:" catches an exception of class c.
func catchesClass(handler, c *ExcClass) bool {
	if c == ExceptionGroupClass && handler == BaseExceptionGroupClass {
		return true
	}
	return c.IsSubclass(handler)
}

// Exc is a live Python exception object. Context and Cause are mutated as
// CPython would (implicit chaining happens when it is raised), so an event
// pointing at an Exc shows its final chain.
type Exc struct {
	Class *ExcClass
	// HasArg: the exception was created with one string argument Msg.
	HasArg bool
	Msg    string
	Group  []*Exc // sub-exceptions of an exception group
	// holds are the managers its traceback keeps alive (frames it left
	// while an orphaned generator existed: see orphans.go).
	holds           []*instance
	Context         *Exc
	Cause           *Exc
	SuppressContext bool
	// Notes are the notes add_note gave it (its __notes__ list); nil
	// when it has none, and so no __notes__ attribute.
	Notes []string

	// tupleArgs: the group was made from a tuple, not a list, as
	// except* wraps a naked exception; its repr shows the tuple.
	tupleArgs bool
	// tbOf is the exception whose traceback object this one shares (a
	// part split from a group copies the group's), nil for its own:
	// except* tells re-raised parts from raised ones by it.
	tbOf *Exc

	id int
}

// Str is str(e).
func (e *Exc) Str() string {
	if e.Group != nil {
		s := "s"
		if len(e.Group) == 1 {
			s = ""
		}
		return fmt.Sprintf("%s (%d sub-exception%s)", e.Msg, len(e.Group), s)
	}
	if !e.HasArg {
		return ""
	}
	if e.Class.StrIsRepr {
		return pyStrRepr(e.Msg)
	}
	return e.Msg
}

// Repr is repr(e): ValueError('boom').
func (e *Exc) Repr() string {
	if e.Group != nil {
		parts := make([]string, len(e.Group))
		for i, s := range e.Group {
			parts[i] = s.Repr()
		}
		return fmt.Sprintf("%s(%s, %s)", e.Class.Name, pyStrRepr(e.Msg), e.seqRepr(strings.Join(parts, ", ")))
	}
	if !e.HasArg {
		return e.Class.Name + "()"
	}
	return e.Class.Name + "(" + pyStrRepr(e.Msg) + ")"
}

// String is the short form used in traces: ValueError: boom.
func (e *Exc) String() string {
	if s := e.Str(); s != "" {
		return e.Class.Name + ": " + s
	}
	return e.Class.Name
}

// setContext sets e.__context__ = ctx the way CPython's implicit chaining
// does: never to itself, and breaking a cycle that ctx's chain would make.
func setContext(e, ctx *Exc) {
	if ctx == nil || ctx == e {
		return
	}
	// Walk ctx's chain; if it reaches e, cut it there (as _PyErr_SetObject).
	seen := 0
	for o := ctx; o.Context != nil; o = o.Context {
		if o.Context == e {
			o.Context = nil
			break
		}
		seen++
		if seen > 10000 {
			break
		}
	}
	e.Context = ctx
}
