package jsonfield

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStrings(t *testing.T) {
	r := &Reader{}
	m := map[string]any{"name": "x", "n": json.Number("3")}
	assert.Equal(t, "x", r.ReqStr(m, "a[0]", "name"))
	assert.Equal(t, "", r.OptStr(m, "a[0]", "doc"))
	assert.Equal(t, "", r.ReqStr(m, "a[0]", "doc"))
	assert.Equal(t, "", r.OptStr(m, "a[0]", "n"))
	assert.Equal(t, []Error{
		{"a[0].doc", "required field is missing"},
		{"a[0].n", "expected a string, got a number"},
	}, r.Errs)
}

func TestReaderStopsAtMax(t *testing.T) {
	r := &Reader{Max: 2}
	for range 5 {
		r.Str("x", nil)
	}
	assert.Len(t, r.Errs, 2)
	assert.Equal(t, "x: expected a string, got null", r.Errs[0].Error())
}

func TestSyntaxMessage(t *testing.T) {
	tests := []struct {
		data, want string
	}{
		{"{\n  \"a\": ,\n}", "invalid JSON at line 2, column 8: invalid character ',' looking for beginning of value"},
		{`{"a": 1`, "invalid JSON at line 1, column 7: unexpected end of JSON input"},
		{`[1, "x"]`, "invalid JSON at line 1, column 7: cannot unmarshal string into Go value of type int"},
	}
	for _, tt := range tests {
		var v []int
		err := json.Unmarshal([]byte(tt.data), &v)
		if tt.data[0] == '{' {
			var m map[string]int
			err = json.Unmarshal([]byte(tt.data), &m)
		}
		assert.Equal(t, tt.want, SyntaxMessage([]byte(tt.data), err), tt.data)
	}
	assert.Equal(t, "invalid JSON: boom", SyntaxMessage(nil, errors.New("boom")))
}

// TestParseRefusesDeepNesting: a nest past MaxDepth is refused at once,
// with its place, however long the input (a short link unpacks to a deep
// one).
func TestParseRefusesDeepNesting(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000)
	_, err := Parse([]byte(deep), "scenario")
	if assert.NotNil(t, err) {
		assert.Contains(t, err.Msg, "nested more than 200 levels deep at line 1, column 201")
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	_, err = Parse([]byte(ok), "scenario")
	assert.Nil(t, err)
}
