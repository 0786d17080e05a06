package sim

import (
	"fmt"
	"strings"
)

// A print statement's text is an f-string body: literal text with {name}
// or {name!r} fields, and {{ / }} for literal braces.

type tmplPart struct {
	lit   string
	field string // variable name; "" for a literal part
	repr  bool
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
			p := tmplPart{field: field}
			if strings.HasSuffix(field, "!r") {
				p.field, p.repr = strings.TrimSuffix(field, "!r"), true
			}
			if !isIdent(p.field) {
				return nil, fmt.Errorf("field {%s} at offset %d: expected a variable name, optionally followed by !r", field, i)
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
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

var pyKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`False None True and as assert async await break class continue def del
		elif else except finally for from global if import in is lambda nonlocal not or pass raise return try
		while with yield print asyncio time contextlib asynccontextmanager AsyncExitStack`) {
		pyKeywords[k] = true
	}
}
