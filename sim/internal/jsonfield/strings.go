package jsonfield

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Str checks that v is a string.
func (r *Reader) Str(path string, v any) string {
	s, ok := v.(string)
	if !ok {
		r.Errorf(path, "expected a string, got %s", TypeOf(v))
	}
	return s
}

// OptStr reads the optional string field key of m ("" when absent).
func (r *Reader) OptStr(m map[string]any, path, key string) string {
	if v, ok := m[key]; ok {
		return r.Str(Join(path, key), v)
	}
	return ""
}

// ReqStr reads the required string field key of m.
func (r *Reader) ReqStr(m map[string]any, path, key string) string {
	v, ok := m[key]
	if !ok {
		r.Errorf(Join(path, key), "required field is missing")
		return ""
	}
	return r.Str(Join(path, key), v)
}

// SyntaxMessage turns encoding/json's error about data into a message
// that names the line and column, which an author can find in an editor.
func SyntaxMessage(data []byte, err error) string {
	var se *json.SyntaxError
	var off int64 = -1
	if errors.As(err, &se) {
		off = se.Offset
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		off = te.Offset
	}
	if off < 0 {
		return "invalid JSON: " + err.Error()
	}
	line, col := 1, 1
	for i := int64(0); i < off-1 && i < int64(len(data)); i++ { // Offset counts the bad byte
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, strings.TrimPrefix(err.Error(), "json: "))
}
