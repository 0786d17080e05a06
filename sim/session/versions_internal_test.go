package session

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestChangedLines(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want []bool
	}{
		{"same", []string{"x", "y"}, []string{"x", "y"}, []bool{false, false}},
		{"one replaced", []string{"x", "y", "z"}, []string{"x", "q", "z"}, []bool{false, true, false}},
		{"moved earlier", []string{"a", "b", "c"}, []string{"c", "a", "b"}, []bool{true, false, false}},
		{"longer", []string{"a"}, []string{"a", "b", "c"}, []bool{false, true, true}},
		{"shorter", []string{"a", "b", "c"}, []string{"b"}, []bool{false}},
		{"empty", nil, []string{"a"}, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, changedLines(tt.a, tt.b))
		})
	}
}
