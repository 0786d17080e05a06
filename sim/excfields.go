package sim

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The print fields that read an exception besides its chain:
// {e.__notes__} (its notes, a list; AttributeError without any),
// {e.exceptions} (a group's members, a tuple), {e.args} (the arguments
// it was made with, a tuple), and {len(...)} and {repr(...)} around a
// field, as Python writes them.

// pyTuple is a Python tuple: (a, b), (a,) or ().
type pyTuple []Value

// excAttr is attribute a of exception exc, or the AttributeError CPython
// raises; a is one of fieldAttrs.
func (x *exec) excAttr(exc *Exc, a string, node int) (Value, flow) {
	switch a {
	case "__context__":
		return excOrNone(exc.Context), normal
	case "__cause__":
		return excOrNone(exc.Cause), normal
	case "__suppress_context__":
		return exc.SuppressContext, normal
	case "__notes__":
		if exc.Notes != nil {
			notes := make([]Value, len(exc.Notes))
			for i, n := range exc.Notes {
				notes[i] = n
			}
			return notes, normal
		}
	case "exceptions":
		if exc.Group != nil {
			return excTuple(exc.Group), normal
		}
	case "args":
		switch {
		case exc.Group != nil && exc.tupleArgs:
			return pyTuple{exc.Msg, excTuple(exc.Group)}, normal
		case exc.Group != nil:
			return pyTuple{exc.Msg, []Value(excTuple(exc.Group))}, normal
		case exc.HasArg:
			return pyTuple{exc.Msg}, normal
		}
		return pyTuple{}, normal
	}
	return nil, x.raiseNew(AttributeErrorClass, noAttribute(exc, a), node)
}

// excTuple is a group's members as a tuple.
func excTuple(excs []*Exc) pyTuple {
	t := make(pyTuple, len(excs))
	for i, e := range excs {
		t[i] = e
	}
	return t
}

// appendTupleRepr writes repr(t) into b.
func appendTupleRepr(b *[]byte, t pyTuple) bool {
	*b = append(*b, '(')
	ok := appendItems(b, t)
	if len(t) == 1 {
		*b = append(*b, ',')
	}
	*b = append(*b, ')')
	return ok
}

// pyLen is len(v), or CPython's TypeError for a value without one.
func (x *exec) pyLen(v Value, node int) (Value, flow) {
	switch v := v.(type) {
	case string:
		return int64(utf8.RuneCountInString(v)), normal
	case []Value:
		return int64(len(v)), normal
	case pyTuple:
		return int64(len(v)), normal
	case taskSet:
		return int64(len(v)), normal
	}
	return nil, x.raiseNew(TypeErrorClass, fmt.Sprintf("object of type '%s' has no len()", pyTypeName(v)), node)
}

// parseCall reads len(EXPR) or repr(EXPR) around a field's expression:
// the function's name and the expression, or "" when there is none.
func parseCall(expr string) (fn, inner string) {
	for _, f := range []string{"len", "repr"} {
		if in, ok := strings.CutPrefix(expr, f+"("); ok {
			if in, ok := strings.CutSuffix(in, ")"); ok {
				return f, in
			}
		}
	}
	return "", expr
}
