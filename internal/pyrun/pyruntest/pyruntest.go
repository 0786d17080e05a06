// Package pyruntest holds what the tests that compare with CPython share:
// finding the interpreter under the project's one rule.
package pyruntest

import (
	"os"
	"testing"

	"asyncwithlab/internal/pyrun"
)

// Python returns a CPython 3.11+ (see pyrun.FindPython) and its version.
// Without one the test is skipped, except in CI, where it fails: the
// comparisons with CPython must run there.
func Python(t testing.TB) (path, version string) {
	t.Helper()
	py, ver, err := pyrun.FindPython()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CPython is required in CI: %v", err)
		}
		t.Skipf("no CPython 3.11+: %v", err)
	}
	return py, ver
}

// PythonVersion returns a CPython of the given minor version ("3.13") and
// its full version (see pyrun.FindPythonVersion), skipping the test
// without one except in CI, where every version the engine reproduces
// must be there.
func PythonVersion(t testing.TB, minor string) (path, version string) {
	t.Helper()
	py, ver, err := pyrun.FindPythonVersion(minor)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CPython %s is required in CI: %v", minor, err)
		}
		t.Skipf("no CPython %s: %v", minor, err)
	}
	return py, ver
}
