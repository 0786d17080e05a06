package sim

import ()

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

// maxReprLen bounds one repr: a list can hold itself many times over
// (gather results of gather results), so its text could grow without end.
const maxReprLen = 1 << 16

// tooLongRepr stands for a repr longer than maxReprLen.
const tooLongRepr = "<too long to show>"

// reprOK is Python's repr(); ok is false for objects whose repr shows a
// memory address (which a deterministic trace cannot reproduce) and for
// text longer than maxReprLen.
func reprOK(v Value) (string, bool) {
	var b []byte
	ok := appendRepr(&b, v)
	if len(b) > maxReprLen {
		return tooLongRepr, false
	}
	return string(b), ok
}

func appendRepr(b *[]byte, v Value) bool {
	if len(*b) > maxReprLen {
		return false
	}
	switch v := v.(type) {
	case nil:
		*b = append(*b, "None"...)
	case bool:
		if v {
			*b = append(*b, "True"...)
		} else {
			*b = append(*b, "False"...)
		}
	case string:
		*b = append(*b, pyStrRepr(v)...)
	case *Exc:
		*b = append(*b, v.Repr()...)
	case *ExcClass:
		*b = append(*b, v.classRepr()...)
	case *instance:
		if v.kind == instClass && v.def.withRepr {
			*b = append(*b, v.def.Name+"()"...)
			return true
		}
		*b = append(*b, "<"+v.typeName()+" object>"...)
		return false
	case []Value:
		ok := true
		*b = append(*b, '[')
		for i, x := range v {
			if i > 0 {
				*b = append(*b, ", "...)
			}
			ok = appendRepr(b, x) && ok
			if len(*b) > maxReprLen {
				return false
			}
		}
		*b = append(*b, ']')
		return ok
	case *task:
		*b = append(*b, "<Task "+v.name+">"...)
		return false
	case tracebackValue:
		*b = append(*b, "<traceback object>"...)
		return false
	default:
		*b = append(*b, '?')
		return false
	}
	return true
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
