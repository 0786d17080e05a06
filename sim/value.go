package sim

import (
	"fmt"
	"strconv"
)

// Value is a Python value in a run: nil (None), string, bool, int64, *instance,
// *Exc, *ExcClass, *task, tracebackValue or []Value (a gather result).
type Value any

// tracebackValue stands for the traceback __aexit__ receives.
type tracebackValue struct{}

func truthy(v Value) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case int64:
		return v != 0
	case string:
		return v != ""
	case []Value:
		return len(v) > 0
	case taskSet:
		return len(v) > 0
	case pyTuple:
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
	case int64:
		*b = strconv.AppendInt(*b, v, 10)
	case *Exc:
		*b = append(*b, v.Repr()...)
	case *ExcClass:
		*b = append(*b, v.classRepr()...)
	case *instance:
		if st, ok := v.mgr.(*stateCM); ok && st.def.withRepr {
			return st.appendRepr(b) // attributes' reprs go straight into b
		}
		s, ok := v.pyRepr()
		*b = append(*b, s...)
		return ok
	case []Value:
		*b = append(*b, '[')
		ok := appendItems(b, v)
		*b = append(*b, ']')
		return ok
	case pyTuple:
		return appendTupleRepr(b, v)
	case *task:
		*b = append(*b, "<Task "+v.name+">"...)
		return false
	case taskSet:
		return v.appendRepr(b)
	case tracebackValue:
		*b = append(*b, "<traceback object>"...)
		return false
	case shownRepr:
		*b = append(*b, v...)
	default:
		*b = append(*b, '?')
		return false
	}
	return true
}

// appendItems writes the reprs of items, separated by commas, into b;
// false when one cannot be shown or the text grows too long.
func appendItems(b *[]byte, items []Value) bool {
	ok := true
	for i, x := range items {
		if i > 0 {
			*b = append(*b, ", "...)
		}
		ok = appendRepr(b, x) && ok
		if len(*b) > maxReprLen {
			return false
		}
	}
	return ok
}

func repr(v Value) string { s, _ := reprOK(v); return s }

// unshowableWhy says why reprOK refuses v (or the first object in it that
// it refuses): most objects' repr holds a memory address, but some hold
// another reading no run reproduces.
func unshowableWhy(v Value) string {
	switch v := v.(type) {
	case *instance:
		if u, ok := v.mgr.(interface{ unshowable() string }); ok {
			if _, shown := v.pyRepr(); !shown {
				return u.unshowable()
			}
		}
	case []Value:
		for _, x := range v {
			if _, ok := reprOK(x); !ok {
				return unshowableWhy(x)
			}
		}
	}
	return "whose text holds a memory address"
}

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

// fieldValue is what a print field reads from v, its variable's value:
// an attribute, an exception's __context__, __cause__ or
// __suppress_context__, in turn, or type(v).__name__.
func (x *exec) fieldValue(p tmplPart, v Value, node int) (Value, flow) {
	switch t, isTask := v.(*task); {
	case p.typeName && isTask && t != nil:
		v = "Task" // the C class's own __name__
	case p.typeName:
		v = pyTypeName(v)
	}
	for _, a := range p.attrs {
		var fl flow
		if !fieldAttrs[a] {
			v, fl = x.attr(v, a, node)
		} else if exc, ok := v.(*Exc); ok {
			v, fl = x.excAttr(exc, a, node)
		} else {
			fl = x.raiseNew(AttributeErrorClass, noAttribute(v, a), node)
		}
		if fl.kind == flowExc {
			return nil, fl
		}
	}
	if p.method != "" {
		var fl flow
		if v, fl = x.callTaskMethod(v, p.method, node); fl.kind == flowExc {
			return nil, fl
		}
	}
	if p.lenOf {
		return x.pyLen(v, node)
	}
	return v, normal
}

// excOrNone is exc as a Value: None when it is nil.
func excOrNone(exc *Exc) Value {
	if exc == nil {
		return nil
	}
	return exc
}

// noAttribute is CPython's AttributeError message for v.attr.
func noAttribute(v Value, attr string) string {
	if c, ok := v.(*ExcClass); ok {
		return fmt.Sprintf("type object '%s' has no attribute '%s'", c.Name, attr)
	}
	return fmt.Sprintf("'%s' object has no attribute '%s'", pyTypeName(v), attr)
}

// pyTypeName is type(v)'s name as CPython's error messages write it.
func pyTypeName(v Value) string {
	switch v := v.(type) {
	case nil:
		return "NoneType"
	case string:
		return "str"
	case bool:
		return "bool"
	case int64:
		return "int"
	case []Value:
		return "list"
	case taskSet:
		return "set"
	case pyTuple:
		return "tuple"
	case *Exc:
		return v.Class.Name
	case *ExcClass:
		return "type"
	case *task:
		return "_asyncio.Task"
	case *instance:
		return v.typeName()
	case tracebackValue:
		return "traceback"
	}
	return "object"
}

// shownRepr is a repr taken when an event happened, for the trace: the
// object itself may have changed since.
type shownRepr string
