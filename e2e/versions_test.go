//go:build !js && !wasip1

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/session"
)

// TestCompareVersions opens an example whose run changes with the Python
// version, sets the three versions side by side and switches to another
// from there: the page must say what sim/session computes for each.
func TestCompareVersions(t *testing.T) {
	b := newBrowser(t, desktop, 3*time.Minute)
	ses, err := session.OpenPreset("version-wait-for-cancel")
	require.NoError(t, err)
	runs := ses.Versions() // 3.13 shown, as the link says
	b.openLink("v1.p.version-wait-for-cancel.0.py313")
	b.frames(5)

	b.step("the three versions side by side")
	b.clickItem("versions")
	var want []string
	for _, vr := range runs {
		switch {
		case vr.Shown:
			want = append(want, i18n.English.T("ui.versionShown"))
		case vr.FirstDiff >= 0:
			want = append(want, i18n.English.T("ui.versionDiffers", vr.FirstDiff+1))
		default:
			want = append(want, i18n.English.T("ui.versionSame"))
		}
		for i, line := range vr.Lines {
			if vr.Changed[i] {
				want = append(want, "≠ "+line)
			}
		}
	}
	require.Contains(t, want, "≠ caller: got data, the cancel was lost", "3.11 loses the cancel")
	b.waitText(want...)
	b.frames(5)
	b.screenshot("versions-1-side-by-side")

	b.step("show 3.11 from there")
	b.clickItem("version-3.11")
	b.waitText(fmt.Sprintf("[%s]", i18n.English.T("ui.python", "3.11")), i18n.English.T("ui.versionDiffers", runs[0].FirstDiff+1))
	b.frames(5)
	b.screenshot("versions-2-showing-3.11")
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}
