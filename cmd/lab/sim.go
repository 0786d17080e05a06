package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/session"
)

func cmdPresets(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "lab presets: takes no arguments\n")
		return 2
	}
	cat, err := catalog.Builtin()
	if err != nil {
		fmt.Fprintf(stderr, "lab presets: %v\n", err)
		return 1
	}
	presets := cat.Presets
	width := 0
	for _, p := range presets {
		width = max(width, len(p.Name))
	}
	for _, p := range presets {
		fmt.Fprintf(stdout, "%-*s  %s\n", width, p.Name, p.Scenario.Title)
	}
	return 0
}

// source is where a command's scenario comes from: a FILE argument, a
// built-in example (-preset) or a share link (-link), opened through
// sim/session exactly as the app opens them.
type source struct {
	preset, link string
	// python, when set, is the CPython version the run follows instead
	// of the one the scenario or link names.
	python string
}

func (src *source) flags(fs *flag.FlagSet, verb string) {
	fs.StringVar(&src.preset, "preset", "", verb+" the named preset")
	fs.StringVar(&src.link, "link", "", verb+" what a share link shows (the whole address, or the part after #)")
	fs.StringVar(&src.python, "python", "", "the CPython version the run follows: "+strings.Join(sim.PythonVersions, ", ")+
		" (default: the one the file or link names, else "+sim.DefaultPython+")")
}

// open opens the scenario and sets the version -python asks for.
func (src *source) open(fs *flag.FlagSet) (*session.Session, error) {
	if src.python != "" && !slices.Contains(sim.PythonVersions, src.python) {
		return nil, fmt.Errorf("-python %s: expected one of %s", src.python, strings.Join(sim.PythonVersions, ", "))
	}
	s, err := src.openScenario(fs)
	if err == nil && src.python != "" {
		s.SetPython(src.python)
	}
	return s, err
}

// openScenario opens the scenario; an error names the file where there
// is one.
func (src *source) openScenario(fs *flag.FlagSet) (*session.Session, error) {
	given := 0
	for _, set := range []bool{src.preset != "", src.link != "", fs.NArg() > 0} {
		if set {
			given++
		}
	}
	switch {
	case given > 1:
		return nil, errors.New("give one of FILE, -preset NAME or -link URL")
	case src.preset != "":
		s, err := session.OpenPreset(src.preset)
		if session.IsUnknownPreset(err) {
			cat, _ := catalog.Builtin()
			names := make([]string, len(cat.Presets))
			for i, p := range cat.Presets {
				names[i] = p.Name
			}
			return nil, fmt.Errorf("no preset named %q (try: %s)", src.preset, strings.Join(names, ", "))
		}
		return s, err
	case src.link != "":
		return session.OpenLink(src.link)
	case fs.NArg() == 1:
		name := fs.Arg(0)
		data, err := readLimited(name, sim.MaxScenarioBytes)
		if err != nil {
			return nil, err
		}
		s, err := session.OpenFile(name, data)
		if err != nil {
			return nil, prefixLines(name, err)
		}
		return s, nil
	}
	return nil, errors.New("expected one scenario FILE, -preset NAME or -link URL")
}

func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than the %d-byte limit", name, limit)
	}
	return data, nil
}

// prefixLines puts the file name before every line of a multi-line error.
func prefixLines(name string, err error) error {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = name + ": " + l
	}
	return errors.New(strings.Join(lines, "\n"))
}

func cmdTrace(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lab trace", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the whole result as JSON")
	onlyStdout := fs.Bool("stdout", false, "print only what the program prints")
	captions := fs.String("captions", "", "print the simulator's caption of every event, in this language ("+i18n.Codes()+")")
	var src source
	src.flags(fs, "run")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *asJSON && *onlyStdout || *captions != "" && (*asJSON || *onlyStdout) {
		fmt.Fprintln(stderr, "lab trace: choose one of -json, -stdout and -captions")
		return 2
	}
	s, err := src.open(fs)
	if err != nil {
		fmt.Fprintf(stderr, "lab trace: %v\n", err)
		return 1
	}
	res, runErr := s.Result, s.Err
	switch {
	case *captions != "":
		lang := i18n.Match(*captions)
		for i := 0; i < res.Trace.Len(); i++ {
			fmt.Fprintf(stdout, "%5d  %s\n", i, s.Replay.Caption(i, lang))
		}
	case *onlyStdout:
		fmt.Fprint(stdout, res.Stdout)
	case *asJSON:
		if err := res.WriteJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "lab trace: %v\n", err)
			return 1
		}
	default:
		writeTrace(stdout, res)
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "lab trace: the run stopped: %v\n", runErr)
		return 1
	}
	return 0
}

func cmdPython(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lab python", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	src.flags(fs, "print")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	s, err := src.open(fs)
	if err != nil {
		fmt.Fprintf(stderr, "lab python: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, sim.Render(s.Scenario))
	return 0
}

// writeTrace prints a readable trace: one event a line, then outcomes.
func writeTrace(w io.Writer, res *sim.Result) {
	fmt.Fprintf(w, "%5s %8s  %-6s %-22s %-12s %-18s %s\n", "seq", "time", "line", "event", "task", "manager", "detail")
	for i := 0; i < res.Trace.Len(); i++ {
		ev := res.Trace.At(i)
		detail := ev.Text
		if ev.Args != "" {
			detail = strings.TrimSpace(detail + " (" + ev.Args + ")")
		}
		if ev.Exc != nil {
			detail = strings.TrimSpace(detail + " " + excChain(ev.Exc))
		}
		line := ""
		if ev.Line > 0 {
			line = fmt.Sprintf("L%d", ev.Line)
		}
		fmt.Fprintf(w, "%5d %8.3f  %-6s %-22s %-12s %-18s %s\n", ev.Seq, ev.Time, line, ev.Kind, ev.Task, ev.Manager, detail)
	}
	fmt.Fprintln(w, "\ntasks:")
	for _, t := range res.Tasks {
		switch t.State {
		case "result":
			fmt.Fprintf(w, "  %s returned %s\n", t.Name, t.Result)
		case "exception":
			fmt.Fprintf(w, "  %s raised %s\n", t.Name, excChain(t.Exc))
		default:
			fmt.Fprintf(w, "  %s %s\n", t.Name, t.State)
		}
	}
	if len(res.Ledger) > 0 {
		fmt.Fprintln(w, "\nresources:")
		for _, l := range res.Ledger {
			state := "never acquired"
			switch {
			case l.Leaked:
				state = fmt.Sprintf("LEAKED (acquired at event %d, never released)", l.AcquiredAt)
			case l.Released:
				state = fmt.Sprintf("acquired at event %d, released at event %d", l.AcquiredAt, l.ReleasedAt)
			}
			fmt.Fprintf(w, "  %s: %s\n", l.Label(), state)
		}
	}
	if res.Uncaught != nil {
		fmt.Fprintf(w, "\nasyncio.run raised %s\n", excChain(res.Uncaught))
	}
	if res.Unordered {
		fmt.Fprintln(w, "\nnote: at least one step's order is unspecified in CPython (set iteration); creation order is shown")
	}
	fmt.Fprintf(w, "\nvirtual time at the end: %gs\n", res.Time)
}

// excChain writes repr(e) and its chain: "RuntimeError('x') <- during ValueError('y')".
func excChain(e *sim.ExcInfo) string {
	s := e.Repr
	switch {
	case e.CauseIsContext:
		s += " (caused by " + excChain(e.Context) + ")"
	case e.Cause != nil:
		s += " (caused by " + excChain(e.Cause) + ")"
	case e.Context != nil && !e.SuppressContext:
		s += " (while handling " + excChain(e.Context) + ")"
	}
	return s
}
