//go:build !js

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDesktopSaveFile(t *testing.T) {
	dir := t.TempDir()
	d := &desktop{dir: filepath.Join(dir, "config")}
	tests := []struct {
		name string
		want string
	}{
		{"scenario.json", filepath.Join(dir, "config", "scenarios", "scenario.json")}, // a bare name: the app's folder
		{filepath.Join(dir, "mine", "s.json"), filepath.Join(dir, "mine", "s.json")},  // a path: there (the -scenario file)
	}
	for _, tc := range tests {
		where, err := d.SaveFile(tc.name, []byte(`{"version": 1}`))
		require.NoError(t, err)
		assert.Equal(t, tc.want, where)
		data, err := os.ReadFile(where)
		require.NoError(t, err)
		assert.Equal(t, `{"version": 1}`, string(data))
	}
	// A file that cannot be written says so.
	_, err := d.SaveFile(filepath.Join(dir, "mine", "s.json", "under-a-file.json"), nil)
	assert.Error(t, err)
}
