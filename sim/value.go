package sim

import (
	"strings"
)

// Value is a Python value in a run: nil (None), string, bool, *instance,
// *Exc, *ExcClass, *task, tracebackValue or []Value (a gather result).
type Value any

// tracebackValue stands for the traceback __aexit__ receives.
type tracebackValue struct{}

// instanceKind says what kind of object an instance is.
type instanceKind uint8

const (
	instClass instanceKind = iota
	instACM                // _AsyncGeneratorContextManager
	instTimeout
	instExitStack
	instTaskGroup
)

// instance is a manager object created by a with item, an assign or an
// enter_async_context.
type instance struct {
	kind    instanceKind
	def     *ManagerDef
	seq     int // index in creation order
	ordinal int // among instances of its definition, 1-based; 0 if it is the only one

	// ledger
	acquired, released int // event seq, 0 = never

	// @asynccontextmanager
	gen        *genState
	acmEntered bool

	// asyncio.timeout
	tm *timeoutState
	// asyncio.TaskGroup
	tg *taskGroupState
	// AsyncExitStack
	stack []exitCallback
}

func truthy(v Value) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case []Value:
		return len(v) > 0
	}
	return true
}

// repr is Python's repr(); ok is false for objects whose repr shows a
// memory address (which a deterministic trace cannot reproduce).
func reprOK(v Value) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "None", true
	case bool:
		if v {
			return "True", true
		}
		return "False", true
	case string:
		return pyStrRepr(v), true
	case *Exc:
		return v.Repr(), true
	case *ExcClass:
		return v.classRepr(), true
	case *instance:
		if v.kind == instClass {
			return v.def.Name + "()", true
		}
		return "<" + v.def.Name + " object>", false
	case []Value:
		parts := make([]string, len(v))
		ok := true
		for i, x := range v {
			var o bool
			parts[i], o = reprOK(x)
			ok = ok && o
		}
		return "[" + strings.Join(parts, ", ") + "]", ok
	case *task:
		return "<Task " + v.name + ">", false
	case tracebackValue:
		return "<traceback object>", false
	}
	return "?", false
}

func repr(v Value) string { s, _ := reprOK(v); return s }

// strOK is Python's str().
func strOK(v Value) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case *Exc:
		return v.Str(), true
	}
	return reprOK(v)
}
