// Package jsonfield reads JSON that encoding/json decoded into `any` (with
// UseNumber) strictly: every problem is collected with the path of its
// field (functions[0].body[2].sleep) and what was expected, so that a
// file's author sees them all at once. The scenario decoder (package sim)
// and the editor's design decoder (sim/edit) share it.
package jsonfield

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Error is one problem, at a JSON path such as functions[0].body[2].sleep.
type Error struct {
	Path string
	Msg  string
}

// Error is "path: message".
func (e Error) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Reader collects the problems of one document, at most Max of them
// (0: no limit), so that a hostile file cannot grow the list without end.
type Reader struct {
	Errs []Error
	Max  int
}

// Errorf records a problem at path.
func (r *Reader) Errorf(path, format string, args ...any) {
	if r.Max == 0 || len(r.Errs) < r.Max {
		r.Errs = append(r.Errs, Error{path, fmt.Sprintf(format, args...)})
	}
}

// TypeOf names the JSON type of a decoded value, for messages.
func TypeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// Join is the path of a field key inside path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Object checks that v is an object holding only the allowed keys; every
// other key is a problem (in sorted order, so messages are stable).
func (r *Reader) Object(path string, v any, allowed ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		r.Errorf(path, "expected an object, got %s", TypeOf(v))
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			r.Errorf(Join(path, k), "unknown field (expected one of: %s)", strings.Join(allowed, ", "))
		}
	}
	return m
}

// Array checks that v is an array.
func (r *Reader) Array(path string, v any) []any {
	a, ok := v.([]any)
	if !ok {
		r.Errorf(path, "expected an array, got %s", TypeOf(v))
	}
	return a
}

// Bool checks that v is true or false.
func (r *Reader) Bool(path string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		r.Errorf(path, "expected true or false, got %s", TypeOf(v))
	}
	return b
}
