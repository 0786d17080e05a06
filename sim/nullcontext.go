package sim

// nullContextKind is the with item {"nullContext": VALUE}:
// contextlib.nullcontext(VALUE), a manager that does nothing: its
// __aenter__ returns VALUE (None when it is null) and its __aexit__
// suppresses nothing. It stands in where code sometimes has a real
// manager and sometimes none.
var nullContextKind = libKind{
	field:      "nullContext",
	label:      "nullcontext",
	contextlib: "nullcontext",
	in:         func(it *WithItem) bool { return it.NullContext != nil },
	decode: func(d *decoder, path string, v any, it *WithItem) {
		e := Expr{Kind: ENone}
		if v != nil {
			e = d.expr(path, v)
		}
		it.NullContext = &e
	},
	encode: func(it *WithItem) any { return exprJSON(*it.NullContext) },
	validate: func(v *validator, path string, it *WithItem) {
		switch e := *it.NullContext; e.Kind {
		case EVar:
			v.varRef(path, e.Var)
		case EStr:
			v.text(path, e.Str)
		}
	},
	source: func(it *WithItem) string {
		if it.NullContext.Kind == ENone {
			return "nullcontext()"
		}
		return "nullcontext(" + pyExpr(*it.NullContext) + ")"
	},
	create: func(x *exec, it *WithItem) contextManager {
		v, _ := x.eval(*it.NullContext, it.id) // validated: the variable exists
		return &nullContextCM{value: v}
	},
}

// nullContextCM is a contextlib.nullcontext object.
type nullContextCM struct{ value Value }

func (n *nullContextCM) typeName() string { return "nullcontext" }

// hasMethods: nullcontext is a plain manager too (with nullcontext():).
func (n *nullContextCM) hasMethods(bool) (enter, exit bool) { return true, true }

// aenter is nullcontext.__aenter__: the enter_result.
func (n *nullContextCM) aenter(*exec, *instance, int) (Value, flow) { return n.value, normal }

// aexit is nullcontext.__aexit__: nothing, and no suppression.
func (n *nullContextCM) aexit(*exec, *instance, *Exc, int) (Value, flow) { return nil, normal }
