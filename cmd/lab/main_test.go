package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runLab(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestPresetsListsTheDocumentExamples(t *testing.T) {
	code, out, _ := runLab("presets")
	require.Equal(t, 0, code)
	for _, name := range []string{"doc000-rollback", "doc001-basic", "doc002-database", "doc003-class", "doc003-decorator", "doc004-typo", "timeout"} {
		assert.Contains(t, out, name)
	}
	assert.True(t, strings.HasPrefix(out, "doc"), "document examples come first")
}

func TestTraceStdoutOfAPreset(t *testing.T) {
	code, out, errOut := runLab("trace", "-stdout", "-preset", "doc001-basic")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "Enter context\nInside context\nExit context\n", out)
}

func TestTraceTextAndJSON(t *testing.T) {
	code, out, _ := runLab("trace", "-preset", "generator-leak")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "aenter.started")
	assert.Contains(t, out, "LEAKED")

	code, out, _ = runLab("trace", "-json", "-preset", "doc003-class")
	require.Equal(t, 0, code)
	var res struct {
		Events []struct {
			Kind string `json:"kind"`
			Line int    `json:"line"`
		} `json:"events"`
		Stdout string `json:"stdout"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	assert.NotEmpty(t, res.Events)
	assert.Equal(t, "task.created", res.Events[0].Kind)
	assert.Contains(t, res.Stdout, "Connection opened.")
}

func TestPythonOfAFile(t *testing.T) {
	path := writeFile(t, "s.json", `{"version":1,"functions":[{"name":"main","body":[{"print":"hi"}]}]}`)
	code, out, _ := runLab("python", path)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "async def main():\n    print(\"hi\")")
	assert.Contains(t, out, "asyncio.run(main())")
}

func TestBadInputNamesTheFileAndTheField(t *testing.T) {
	tests := []struct {
		name, content string
		args          []string
		want          []string
	}{
		{"invalid JSON", `{"version":1,`, nil, []string{"bad.json: invalid JSON"}},
		{"wrong type", `{"version":1,"functions":[{"name":"main","body":[{"sleep":"x"}]}]}`, nil,
			[]string{"bad.json: functions[0].body[0].sleep: expected a number, got a string"}},
		{"unknown field", `{"version":1,"functions":[{"name":"main","body":[],"color":1}]}`, nil,
			[]string{"bad.json: functions[0].color: unknown field"}},
		{"missing manager", `{"version":1,"functions":[{"name":"main","body":[{"with":{"items":["Nope"],"body":[]}}]}]}`, nil,
			[]string{`unknown manager "Nope"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "bad.json", tc.content)
			for _, cmd := range []string{"trace", "python"} {
				code, _, errOut := runLab(cmd, path)
				assert.Equal(t, 1, code)
				for _, w := range tc.want {
					assert.Contains(t, errOut, w)
				}
			}
		})
	}
}

func TestOtherMistakes(t *testing.T) {
	code, _, errOut := runLab("trace", "-preset", "no-such-preset")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `no preset named "no-such-preset"`)

	code, _, errOut = runLab("trace", filepath.Join(t.TempDir(), "missing.json"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "missing.json")

	code, _, errOut = runLab("trace")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "expected one scenario FILE, -preset NAME or -link URL")

	code, _, errOut = runLab("python", "-preset", "suppress", "-link", "v1.p.suppress.0")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "give one of FILE, -preset NAME or -link URL")

	code, _, errOut = runLab("trace", "-link", "v1.p.no-such.3")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `the example "no-such" does not exist in this version of the app`)

	code, _, errOut = runLab("trace", "-link", "v9.zz")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "lab trace: share link")

	code, _, errOut = runLab("trace", "-stdout", "-captions", "en", "-preset", "suppress")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "choose one of -json, -stdout and -captions")

	code, _, _ = runLab("frobnicate")
	assert.Equal(t, 2, code)

	big := writeFile(t, "big.json", strings.Repeat(" ", 5<<20))
	code, _, errOut = runLab("trace", big)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "limit")
}

// TestLinksOpenAsInTheApp: a share link copied from the app opens the
// same scenario here, whole address or fragment, and its captions come in
// the language asked for.
func TestLinksOpenAsInTheApp(t *testing.T) {
	_, fromPreset, _ := runLab("python", "-preset", "aenter-fails")
	for _, link := range []string{"v1.p.aenter-fails.4", "https://example.org/lab/#v1.p.aenter-fails.0.predict"} {
		code, out, errOut := runLab("python", "-link", link)
		require.Equal(t, 0, code, errOut)
		assert.Equal(t, fromPreset, out)
	}
	tests := []struct{ lang, want string }{
		{"en", "asyncio.run(main()) creates the task main"},
		{"pt-BR", "asyncio.run(main()) cria a tarefa main"},
		{"es", "asyncio.run(main()) crea la tarea main"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			code, out, errOut := runLab("trace", "-captions", tt.lang, "-link", "v1.p.aenter-fails.0")
			require.Equal(t, 0, code, errOut)
			lines := strings.Split(strings.TrimSpace(out), "\n")
			require.Greater(t, len(lines), 10)
			assert.Contains(t, lines[0], tt.want)
			assert.NotContains(t, out, "%!", "every caption formats")
		})
	}
}

func TestQuizCheck(t *testing.T) {
	good := writeFile(t, "good.md", "# Pick\n\n- [x] a\n- [ ] b\n- [x] c\n\n## One\n\n1. [ ] a\n2. [x] b\n\n## Order\n\n1. x\n2. y\n")
	code, out, errOut := runLab("quiz", "check", good)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "good.md: 3 questions")
	assert.Regexp(t, `1\. line 1 +multiple +3 options, correct: 1,3`, out)
	assert.Regexp(t, `2\. line 7 +single +2 options, correct: 2 `, out)
	assert.Regexp(t, `3\. line 12 +sequence +2 options, correct: 1,2`, out)

	bad := writeFile(t, "bad.md", "# A\n\n1. [x] a\n2. [x] b\n\n# B\n")
	code, _, errOut = runLab("quiz", "check", good, bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `bad.md:3: single-choice question "A" has 2 correct answers`)
	assert.Contains(t, errOut, `bad.md:6: question "B" has no answers`)

	code, out, _ = runLab("quiz", "check", "-json", good, bad)
	assert.Equal(t, 1, code)
	var reports []struct {
		File      string `json:"file"`
		Questions []struct {
			Type    string `json:"type"`
			Correct []int  `json:"correct"`
		} `json:"questions"`
		Errors []struct {
			Line int `json:"line"`
		} `json:"errors"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &reports))
	require.Len(t, reports, 2)
	assert.Equal(t, []int{1, 3}, reports[0].Questions[0].Correct)
	assert.Equal(t, 3, reports[1].Errors[0].Line)

	code, _, _ = runLab("quiz")
	assert.Equal(t, 2, code)
}

// TestQuizCheckSetsAsideAndWarns: a file with a broken question lists
// the questions the app shows and the one it sets aside, with the error
// (exit 1); where quizdown-js reads the file otherwise, -warnings says
// where, and without it a line says how many.
func TestQuizCheckSetsAsideAndWarns(t *testing.T) {
	file := writeFile(t, "mixed.md", "# Good\n\n- [x] a\n- [ ] b\n\n# No key\n\n- [ ] a\n- [ ] b\n\n# Also good\n\n- [x]a\n- [x] b\n- [ ] c\n")
	tests := []struct {
		name    string
		args    []string
		out     []string
		errOut  []string
		without []string
	}{
		{
			name:    "plain",
			args:    []string{file},
			out:     []string{"mixed.md: 2 questions", "mixed.md: 1 set aside", "line 6    No key"},
			errOut:  []string{`mixed.md:8: multiple-choice question "No key" has no correct answer`, "mixed.md: 1 warning where quizdown-js reads the file otherwise (-warnings shows them)"},
			without: []string{"warning:"},
		},
		{
			name:   "with warnings",
			args:   []string{"-warnings", file},
			out:    []string{"mixed.md: 2 questions"},
			errOut: []string{`mixed.md:13: warning: `, `"[x]" that is not a checkbox`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runLab(append([]string{"quiz", "check"}, tc.args...)...)
			assert.Equal(t, 1, code, "a set-aside question is an error")
			for _, w := range tc.out {
				assert.Contains(t, out, w)
			}
			for _, w := range tc.errOut {
				assert.Contains(t, errOut, w)
			}
			for _, w := range tc.without {
				assert.NotContains(t, errOut, w)
			}
		})
	}

	code, out, _ := runLab("quiz", "check", "-json", file)
	assert.Equal(t, 1, code)
	var reports []struct {
		Questions []struct{ Line int } `json:"questions"`
		SetAside  []struct {
			Line   int `json:"line"`
			Errors []struct {
				Line int `json:"line"`
			} `json:"errors"`
		} `json:"setAside"`
		Warnings []struct {
			Line int `json:"line"`
		} `json:"warnings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &reports))
	require.Len(t, reports, 1)
	assert.Len(t, reports[0].Questions, 2)
	require.Len(t, reports[0].SetAside, 1)
	assert.Equal(t, 6, reports[0].SetAside[0].Line)
	assert.Equal(t, 8, reports[0].SetAside[0].Errors[0].Line)
	require.Len(t, reports[0].Warnings, 1)
	assert.Equal(t, 13, reports[0].Warnings[0].Line)
}

// TestQuizCheckOpensSimulatorLinks: a question's "See it run" link is
// opened as the app would open it; one that names no example, or an
// event past the run's end, is an error on the question's line.
func TestQuizCheckOpensSimulatorLinks(t *testing.T) {
	good := writeFile(t, "watch.md", "# Which first?\n\n- [x] a\n- [ ] b\n\n> Explanation: [watch](#v1.p.doc001-basic.2)\n")
	code, out, errOut := runLab("quiz", "check", good)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Which first?  (see it run: #v1.p.doc001-basic.2)")

	bad := writeFile(t, "badwatch.md", "# A\n\n- [x] a\n- [ ] b\n\n> Explanation: [watch](#v1.p.no-such-example.2)\n\n"+
		"# B\n\n- [x] a\n- [ ] b\n\n> Explanation: [watch](#v1.p.doc001-basic.900)\n")
	code, _, errOut = runLab("quiz", "check", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `badwatch.md:1: question "A": its simulator link #v1.p.no-such-example.2 does not open: `)
	assert.Contains(t, errOut, "no-such-example")
	assert.Regexp(t, `badwatch.md:8: question "B": its simulator link #v1.p.doc001-basic.900 names event 900, but the run has \d+ events`, errOut)
}

func TestQuizCheckReadsDocument002AsPublished(t *testing.T) {
	code, out, errOut := runLab("quiz", "check", "../../../shared/seeds/002_800c21156c46ab96.txt")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "10 questions")
}

// TestQuizCheckBuiltInBanks: the app's own banks check cleanly, every
// "See it run" link opening at an event of its example.
func TestQuizCheckBuiltInBanks(t *testing.T) {
	code, out, errOut := runLab("quiz", "check", "../../assets/quiz/en.md", "../../assets/quiz/pt.md", "../../assets/quiz/es.md")
	require.Equal(t, 0, code, errOut)
	// 37 questions link their example; the 8 the simulator answers open
	// their own run.
	assert.Equal(t, 3*45, strings.Count(out, "(see it run: #v1.p."))
}

// TestQuizCheckAnswersLabQuestions: lab questions get their answers from
// the engine; a run that cannot answer is an error on its block's line.
func TestQuizCheckAnswersLabQuestions(t *testing.T) {
	good := writeFile(t, "lab.md", "# In what order?\n\n```lab\nrun: doc001-basic\nask: output order\n```\n\n# Printed last?\n\n```lab\nrun: doc001-basic\nask: last line\n```\n")
	code, out, errOut := runLab("quiz", "check", good)
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `1\. line 1 +sequence +3 options, correct: 1,2,3`, out)
	assert.Regexp(t, `2\. line 8 +single +3 options, correct: 1 `, out)

	bad := writeFile(t, "badlab.md", "# Q\n\n```lab\nrun: doc001-basic\nask: first aexit\n```\n")
	code, _, errOut = runLab("quiz", "check", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `badlab.md:3: the run "doc001-basic" enters only one manager`)
}

// TestTraceAsAPythonVersion: -python runs the scenario as that CPython;
// the example of gather counting a finished task prints in another order
// on 3.11 than on 3.12 and later.
func TestTraceAsAPythonVersion(t *testing.T) {
	tests := []struct {
		python, second string
	}{
		{"3.11", "report: first step"},
		{"3.12", "main: gathered ['data']"},
		{"", "main: gathered ['data']"}, // the newest
	}
	for _, tc := range tests {
		args := []string{"trace", "-stdout", "-preset", "version-gather-done-task"}
		if tc.python != "" {
			args = append(args, "-python", tc.python)
		}
		code, out, errOut := runLab(args...)
		require.Equal(t, 0, code, errOut)
		assert.Equal(t, tc.second, strings.Split(out, "\n")[1], "python %q", tc.python)
	}
	code, _, errOut := runLab("trace", "-python", "2.7", "-preset", "timeout")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "-python 2.7: expected one of 3.11, 3.12, 3.13")
}
