package replay

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/catalog"
)

// seqLines writes the diagram one row a line: "from -> to: label" for an
// arrow, "on: label" for a note.
func seqLines(s *Sequence, lang i18n.Lang) []string {
	var out []string
	for k, r := range s.Rows {
		from, to := s.Participants[r.From].Name, s.Participants[r.To].Name
		switch r.Kind {
		case SeqCall:
			out = append(out, from+" -> "+to+": "+s.Label(k, lang))
		case SeqReturn:
			out = append(out, from+" --> "+to+": "+s.Label(k, lang))
		default:
			out = append(out, from+": "+s.Label(k, lang))
		}
	}
	return out
}

// TestSequenceOfDocument001: document 001's order of execution as the
// diagram draws it, the calls and their results as arrows between main
// and the manager, the prints on whoever runs them.
func TestSequenceOfDocument001(t *testing.T) {
	s := runPreset(t, "doc001-basic").Sequence()
	require.Len(t, s.Participants, 2)
	assert.Equal(t, Participant{Name: "main", Owner: 0, Created: 0}, s.Participants[0])
	assert.Equal(t, Participant{Name: "AsyncContextManager", Owner: 0, Manager: true, Created: 2}, s.Participants[1])
	assert.Equal(t, []string{
		"main: created",
		"main: starts running",
		"main -> AsyncContextManager: created",
		"main -> AsyncContextManager: __aenter__()",
		"AsyncContextManager: print: Enter context",
		"AsyncContextManager --> main: returns <AsyncContextManager object>",
		"main: body starts",
		"main: print: Inside context",
		"main: body ends",
		"main -> AsyncContextManager: __aexit__(None, None, None)",
		"AsyncContextManager: print: Exit context",
		"AsyncContextManager --> main: returns None",
		"main: returns None",
	}, seqLines(s, i18n.English))
	// The activations: __aenter__, the body, __aexit__.
	assert.Equal(t, []SeqSpan{{P: 1, From: 3, To: 5, Depth: 1}, {P: 0, From: 6, To: 8, Depth: 1}, {P: 1, From: 9, To: 11, Depth: 1}}, s.Spans)
}

// TestSequenceParticipantsAndTones: tasks in creation order, each
// followed by its managers; suspensions and wake-ups are marked; a body's
// exception goes to __aexit__ on a red arrow.
func TestSequenceParticipantsAndTones(t *testing.T) {
	s := runPreset(t, "gather-interleave").Sequence()
	var names []string
	for _, p := range s.Participants {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"main", "print_job", "Printer", "scan_job", "Scanner"}, names)
	lines := seqLines(s, i18n.English)
	assert.Contains(t, lines, "main -> print_job: created", "main creates the tasks")
	assert.Contains(t, lines, "Printer: ▌▌ sleeps until 1 s", "the sleep inside __aenter__ is the manager's")
	assert.Contains(t, lines, "Printer: ► resumes")
	assert.Contains(t, lines, "main: ▌▌ awaits gather")

	s = runPreset(t, "generator-finally").Sequence()
	for k, r := range s.Rows {
		if strings.HasPrefix(s.Label(k, i18n.English), "__aexit__") {
			assert.Equal(t, ToneError, r.Tone, "__aexit__ receives OSError")
			assert.Equal(t, "__aexit__(OSError, OSError('disk full'), <traceback>)", s.Label(k, i18n.English))
		}
	}
	assert.Contains(t, seqLines(s, i18n.Lang("pt")), "open_file --> main: devolve False")
}

// TestSequenceOfAConstructor: __init__ is a call into the object, which
// returns it made (created) or raises; only then comes __aenter__.
func TestSequenceOfAConstructor(t *testing.T) {
	lines := seqLines(runPreset(t, "state-init-fails").Sequence(), i18n.English)
	at := func(line string) int {
		for k, l := range lines {
			if l == line {
				return k
			}
		}
		t.Fatalf("no row %q in\n%s", line, strings.Join(lines, "\n"))
		return -1
	}
	assert.Less(t, at("main -> Replica: __init__()"), at("Replica: print: looking up replica.example"))
	assert.Less(t, at("Replica: print: looking up replica.example"), at("Replica --> main: raises ConnectionError('unknown host')"))
	lines = seqLines(runPreset(t, "state-connection").Sequence(), i18n.English)
	assert.Less(t, at("main -> Connection#1: __init__()"), at("Connection#1 --> main: created"))
	assert.Less(t, at("Connection#1 --> main: created"), at("main -> Connection#1: __aenter__()"))
}

// TestSequenceEveryExample: every built-in example makes a diagram whose
// rows point at participants that exist by then, in event order, with a
// label in every language; RowsUpTo counts the rows up to an event.
func TestSequenceEveryExample(t *testing.T) {
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	for _, p := range cat.Presets {
		name := p.Name
		t.Run(name, func(t *testing.T) {
			r := runPreset(t, name)
			s := r.Sequence()
			last := -1
			for k, row := range s.Rows {
				require.Greater(t, row.Event, last)
				last = row.Event
				for _, p := range []int{row.From, row.To} {
					require.Less(t, p, len(s.Participants))
					assert.LessOrEqual(t, s.Participants[p].Created, row.Event, "row %d before its participant exists", k)
				}
				for _, l := range i18n.Langs() {
					assert.NotEmpty(t, s.Label(k, l))
				}
				assert.Equal(t, k+1, s.RowsUpTo(row.Event))
			}
			assert.Equal(t, 0, s.RowsUpTo(-1))
		})
	}
}
