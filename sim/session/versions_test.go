package session_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/session"
)

func TestVersionsSideBySide(t *testing.T) {
	tests := []struct {
		preset string
		// differs: which versions run otherwise than the one shown (3.13)
		differs map[string]bool
	}{
		{"version-wait-for-cancel", map[string]bool{"3.11": true}},
		{"version-gather-done-task", map[string]bool{"3.11": true}},
		{"doc001-basic", map[string]bool{}},
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			ses, err := session.OpenPreset(tt.preset)
			require.NoError(t, err)
			shownOut := ses.Result.Stdout
			runs := ses.Versions()
			require.Len(t, runs, len(sim.PythonVersions))
			for _, vr := range runs {
				require.NoError(t, vr.Err, vr.Python)
				assert.Equal(t, vr.Python == ses.PythonVersion(), vr.Shown, vr.Python)
				assert.Equal(t, tt.differs[vr.Python], vr.FirstDiff >= 0, vr.Python)
				anyChanged := false
				for _, c := range vr.Changed {
					anyChanged = anyChanged || c
				}
				assert.Equal(t, vr.Result.Stdout != shownOut, anyChanged, "%s: changed lines only where the output differs", vr.Python)
				assert.Len(t, vr.Changed, len(vr.Lines))
			}
			assert.Equal(t, shownOut, ses.Result.Stdout, "comparing changes nothing shown")
		})
	}
}
