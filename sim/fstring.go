package sim

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A print statement's text is an f-string body: literal text with {name}
// or {name!r} fields, and {{ / }} for literal braces. A field may read an
// attribute a constructor set, {self.host} or {c.host} (see ctor.go), an
// exception's chain, {e.__context__}, {e.__cause__},
// {e.__suppress_context__} (repeated: {e.__context__.__context__}), the
// name of a value's type, {type(e).__name__}; an exception's notes,
// members or arguments ({e.__notes__}, {e.exceptions}, {e.args}); a
// task's query methods, {t.done()}, {t.cancelling()} (taskmethods.go);
// and len(...) or repr(...) of a field (see excfields.go).

type tmplPart struct {
	lit   string
	field string // variable name; "" for a literal part
	repr  bool
	// attrs are the attributes read after the name, in order.
	attrs []string
	// typeName: the field is type(field).__name__.
	typeName bool
	// method is the task method called after the attributes ("done" for
	// {t.done()}), or "".
	method string
	// lenOf and reprCall: the field is len(...) or repr(...) of that.
	lenOf, reprCall bool
	// src is the field as written, for messages.
	src string
}

// fieldAttrs are the attributes a print field may read.
var fieldAttrs = map[string]bool{"__context__": true, "__cause__": true, "__suppress_context__": true,
	"__notes__": true, "exceptions": true, "args": true}

// parseField reads a field's expression: NAME, NAME.ATTR...,
// type(NAME).__name__, or len(...) or repr(...) of one of those.
func parseField(expr string) (tmplPart, bool) {
	p := tmplPart{src: expr}
	if fn, inner := parseCall(expr); fn != "" {
		q, ok := parseField(inner)
		if !ok || q.lenOf || q.reprCall {
			return p, false
		}
		q.src, q.lenOf, q.reprCall = expr, fn == "len", fn == "repr"
		return q, true
	}
	if inner, ok := strings.CutPrefix(expr, "type("); ok {
		name, rest, ok := strings.Cut(inner, ")")
		if !ok || rest != ".__name__" || !isIdent(name) {
			return p, false
		}
		p.field, p.typeName = name, true
		return p, true
	}
	parts := strings.Split(expr, ".")
	p.field = parts[0]
	if m, ok := strings.CutSuffix(parts[len(parts)-1], "()"); ok && len(parts) > 1 {
		if !taskMethods[m] {
			return p, false
		}
		p.method, parts = m, parts[:len(parts)-1]
	}
	for _, a := range parts[1:] {
		if !fieldAttrs[a] && !isAttrName(a) {
			return p, false
		}
		p.attrs = append(p.attrs, a)
	}
	return p, isIdent(p.field)
}

func parseTemplate(s string) ([]tmplPart, error) {
	var parts []tmplPart
	var lit strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				lit.WriteByte('{')
				i++
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed { at offset %d (write {{ for a literal brace)", i)
			}
			field := s[i+1 : i+end]
			expr, repr := strings.CutSuffix(field, "!r")
			p, ok := parseField(expr)
			if p.reprCall && repr {
				return nil, fmt.Errorf("field {%s} at offset %d: repr(...) gives the text already; leave out !r", field, i)
			}
			p.repr = repr || p.reprCall
			if !ok {
				return nil, fmt.Errorf("field {%s} at offset %d: expected a variable name, NAME.ATTRIBUTE (an attribute a constructor sets), NAME.__context__, NAME.__cause__, NAME.__suppress_context__, NAME.__notes__, NAME.exceptions, NAME.args, type(NAME).__name__ or a task's NAME.done(), NAME.cancelled(), NAME.cancelling(), NAME.result() or NAME.exception(), or len(...) or repr(...) of one, each optionally followed by !r", field, i)
			}
			if lit.Len() > 0 {
				parts = append(parts, tmplPart{lit: lit.String()})
				lit.Reset()
			}
			parts = append(parts, p)
			i += end
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				lit.WriteByte('}')
				i++
				continue
			}
			return nil, fmt.Errorf("single } at offset %d (write }} for a literal brace)", i)
		default:
			lit.WriteByte(c)
		}
	}
	if lit.Len() > 0 {
		parts = append(parts, tmplPart{lit: lit.String()})
	}
	return parts, nil
}

func isIdent(s string) bool {
	if s == "" || pyKeywords[s] {
		return false
	}
	ascii := true
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok && r >= utf8.RuneSelf {
			ok, ascii = identRune(r, i == 0), false
		}
		if !ok {
			return false
		}
	}
	return ascii || nfkcProblem(s) == ""
}

var pyKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`False None True and as assert async await break class continue def del
		elif else except finally for from global if import in is lambda nonlocal not or pass raise return try
		while with yield print len asyncio time contextlib asynccontextmanager AsyncExitStack`) {
		pyKeywords[k] = true
	}
}
