package pyrun

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// PyenvRoot is where the project's machines keep their CPython versions
// (pyenv's default), searched after the environment and PATH.
var PyenvRoot = "/root/.pyenv/versions"

// FindPythonVersion locates a CPython of the given minor version ("3.12"):
// the environment variable LAB_PYTHON_3_12 if set (no fallback if it is
// unusable), otherwise python3.12 on PATH, otherwise the newest
// PyenvRoot/3.12.*/bin/python3.12, otherwise LAB_PYTHON or python3 when
// that is the version. It returns the interpreter and its full version.
func FindPythonVersion(minor string) (path, version string, err error) {
	env := "LAB_PYTHON_" + strings.ReplaceAll(minor, ".", "_")
	if p := os.Getenv(env); p != "" {
		path, version, err = probePython(p)
		if err == nil && !sameMinor(version, minor) {
			err = fmt.Errorf("it is CPython %s", version)
		}
		if err != nil {
			return "", "", fmt.Errorf("pyrun: %s=%q: %w", env, p, err)
		}
		return path, version, nil
	}
	var tried []string
	candidates := []string{"python" + minor}
	pyenv, _ := filepath.Glob(filepath.Join(PyenvRoot, minor+".*", "bin", "python"+minor))
	sort.Sort(sort.Reverse(sort.StringSlice(pyenv))) // newest patch release first
	candidates = append(candidates, pyenv...)
	if p, v, err := FindPython(); err == nil && sameMinor(v, minor) {
		candidates = append(candidates, p)
	}
	for _, c := range candidates {
		p, v, err := probePython(c)
		if err == nil && sameMinor(v, minor) {
			return p, v, nil
		}
		tried = append(tried, c)
	}
	return "", "", fmt.Errorf("pyrun: no CPython %s found (tried %s; set %s to one)", minor, strings.Join(tried, ", "), env)
}

// sameMinor says whether full version v ("3.12.1") is of minor ("3.12").
func sameMinor(v, minor string) bool { return v == minor || strings.HasPrefix(v, minor+".") }
