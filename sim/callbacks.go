package sim

import "strings"

// This file gives exit callbacks parameters: a function's "params" are
// the arguments that stack.push_async_callback(f, a, b) (or
// stack.callback) passes when the stack unwinds. No other statement calls
// a function with arguments, so a function that takes any is only ever
// pushed as a callback.

// funcParams checks a function's parameters and returns the names its
// body sees: (exc_type, exc, tb) for an exit function, else its params.
func (v *validator) funcParams(p string, f *FuncDef) []string {
	switch {
	case f.Name == "main" && f.ExitParams:
		v.errorf(v.join(p, "exitParams"), "main takes no parameters")
	case f.Name == "main" && len(f.Params) > 0:
		v.errorf(v.join(p, "params"), "main takes no parameters")
	case f.ExitParams && len(f.Params) > 0:
		v.errorf(v.join(p, "params"), "an exit function takes (exc_type, exc, tb) and nothing else: leave out params or exitParams")
	}
	if f.ExitParams {
		return exitParams
	}
	seen := make(map[string]bool, len(f.Params))
	for i, name := range f.Params {
		v.paramName(v.idx(v.join(p, "params"), i), name, seen)
	}
	return f.Params
}

// noArguments refuses a call without arguments of a function that takes
// some (a callback's params, or an exit function's exc_type, exc, tb).
func (v *validator) noArguments(p, name string) bool {
	f := v.funcs[name]
	switch {
	case f == nil:
	case len(f.Params) > 0:
		v.errorf(p, "%q takes parameters (%s); only pushCallback passes arguments (its args)", name, strings.Join(f.Params, ", "))
		return false
	case f.ExitParams && f.Sync:
		v.errorf(p, "%q takes (exc_type, exc, tb); it can only be pushed with pushExit", name)
		return false
	}
	return true
}

// callbackArgs checks that a pushCallback passes one argument for each
// of the function's parameters.
func (v *validator) callbackArgs(p string, f *FuncDef, args []Expr) {
	for i, a := range args {
		v.expr(v.idx(p, i), a)
	}
	v.argCountOf(p, f.Name, f.Params, len(args))
}

// callFrame is the frame of a call of fn with its parameters bound to
// args.
func (x *exec) callFrame(fn *FuncDef, args []Value) *frame {
	var f frame
	if len(fn.Params) <= len(f.vars.inline) {
		return x.newFrame(fn.Name, hookNone, nil, fn.Params, args...)
	}
	fr := x.newFrame(fn.Name, hookNone, nil, nil)
	bindParams(&fr.vars, fn.Params, args)
	return fr
}

// sleepNote is the comment on time.sleep in plain def f: it blocks the
// thread that runs f, a worker thread when toThread runs it, the event
// loop's when an exit stack calls it.
func (u usage) sleepNote(f string) string {
	switch {
	case u.onLoop[f] && u.threaded[f]:
		return "blocks the thread it runs in: a worker thread, or the event loop when the exit stack calls it"
	case u.onLoop[f]:
		return "blocks the whole event loop (the exit stack calls it there)"
	}
	return "blocks only this worker thread"
}
