// Command lab is Async With Lab's command-line tool. It needs no display
// and no cgo: it lists the simulator's presets, prints a scenario's trace,
// its captions or its Python program, and checks quiz files. Scenarios,
// examples and share links open through sim/session, as in the app.
//
//	lab presets
//	lab trace [-json | -stdout | -captions LANG] (FILE | -preset NAME | -link URL)
//	lab python (FILE | -preset NAME | -link URL)
//	lab quiz check [-json] [-warnings] FILE...
//	lab assign -title T -key FILE [-questions 1,2,5-8] [-challenges a,b] [-roster FILE] …
//	lab grade [-key FILE] [-quiz FILE] ASSIGNMENT_LINK FILES...
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  lab presets                                      list the simulator's presets
  lab trace [-json|-stdout|-captions LANG] [-python 3.X] (FILE | -preset NAME | -link URL)
                                                   run a scenario, print its trace (or only its
                                                   output, or the simulator's captions in LANG)
  lab python (FILE | -preset NAME | -link URL)     print a scenario as a Python program
  lab quiz check [-json] [-warnings] FILE...       check quizdown files: questions, types, keys, or errors
  lab assign -title T -key FILE [options]          make homework: a class link (or, with -roster, one link
                                                   per student as CSV) and the teacher key (lab assign -h)
  lab grade [-key FILE] ASSIGNMENT_LINK FILES...   re-grade the submission codes found in FILES, as CSV
`

// run is the whole command; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "presets":
		return cmdPresets(args[1:], stdout, stderr)
	case "trace":
		return cmdTrace(args[1:], stdout, stderr)
	case "python":
		return cmdPython(args[1:], stdout, stderr)
	case "quiz":
		return cmdQuiz(args[1:], stdout, stderr)
	case "assign":
		return cmdAssign(args[1:], stdout, stderr)
	case "grade":
		return cmdGrade(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "lab: unknown command %q\n%s", args[0], usage)
	return 2
}
