package homework

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/predict"
)

// Grader re-grades codes of one assignment from its keys. It trusts
// nothing in a code but the raw answers.
type Grader struct {
	a   *Assignment
	q   *quiz.Quiz
	key *Key // nil: seeds cannot be checked
	// runs are the examples' runs, by name; challenges counts each
	// example's challenges (every seed has as many).
	runs       map[string]*sim.Result
	challenges map[string]int
	columns    []Column
}

// Column is one graded item: a question (by its number in the
// assignment's quiz) or a challenge of an example.
type Column struct {
	Name     string
	Question int    // 1-based; 0 for a challenge
	Example  string // the example of a challenge
	N        int    // the challenge's number in the example's run
}

// Row is one student's grade.
type Row struct {
	Student  string
	HandedIn time.Time
	// Points are by Column; NaN-free: a question the student's variant
	// did not ask is left out of Asked.
	Points []float64
	Asked  []bool
	Total  float64
	Max    int
	// Percent is Total over Max.
	Percent float64
	Passed  bool
	// hasPassingGrade: the assignment has one, so Passed is meaningful.
	hasPassingGrade bool
	// Flags say what the teacher should look at (see the package
	// documentation).
	Flags []string
	// Code is the code graded (the latest of the student's).
	Code string
	sub  *Submission
	// mistake: some answered item scored less than full marks.
	mistake bool
}

// CodeProblem is a code that could not be graded.
type CodeProblem struct {
	// N is the code's number in the batch (1-based), Start its beginning.
	N     int
	Start string
	Err   error
}

func (p CodeProblem) Error() string {
	return fmt.Sprintf("code %d (%s…): %v", p.N, p.Start, p.Err)
}

// Report is a batch's grades: one row per student, and the codes that
// could not be read.
type Report struct {
	Columns  []Column
	Rows     []Row
	Problems []CodeProblem
}

// NewGrader prepares grading: q is the assignment's questions
// (LoadQuestions), key the teacher's key (nil when lost: seeds are then
// not checked).
func NewGrader(a *Assignment, q *quiz.Quiz, key *Key) (*Grader, error) {
	g := &Grader{a: a, q: q, key: key, runs: map[string]*sim.Result{}, challenges: map[string]int{}}
	for i := range q.Questions {
		g.columns = append(g.columns, Column{Name: "Q" + strconv.Itoa(i+1), Question: i + 1})
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	for _, name := range a.Challenges {
		p, ok := cat.Preset(name)
		if !ok {
			return nil, fmt.Errorf("challenges: no example named %q in this version of the app", name)
		}
		res, err := sim.Run(p.Scenario)
		if err != nil {
			return nil, fmt.Errorf("challenges: %s: %v", name, err)
		}
		g.runs[name] = res
		n := len(predict.Find(res, 0))
		g.challenges[name] = n
		for k := 1; k <= n; k++ {
			g.columns = append(g.columns, Column{Name: name + " #" + strconv.Itoa(k), Example: name, N: k})
		}
	}
	return g, nil
}

// Columns are the graded items, questions first.
func (g *Grader) Columns() []Column { return g.columns }

// Grade grades a batch of codes. A student who handed in several codes is
// graded on the latest (by the time in the code); a code that cannot be
// read is reported and the others are graded.
func (g *Grader) Grade(codes []string) *Report {
	r := &Report{Columns: g.columns}
	latest := map[string]int{} // normalised name → row index
	count := map[string]int{}
	for i, code := range codes {
		s, err := DecodeCode(code)
		if err != nil {
			r.Problems = append(r.Problems, CodeProblem{N: i + 1, Start: start(code), Err: err})
			continue
		}
		if s.Assignment != g.a.ID {
			r.Problems = append(r.Problems, CodeProblem{N: i + 1, Start: start(code),
				Err: fmt.Errorf("%s handed it in for another assignment (%s)", s.Student, s.Assignment)})
			continue
		}
		row := g.row(s)
		row.Code, row.sub = code, s
		name := NormalizeName(s.Student)
		count[name]++
		if j, seen := latest[name]; seen {
			if !row.HandedIn.After(r.Rows[j].HandedIn) {
				continue
			}
			r.Rows[j] = row
			continue
		}
		latest[name] = len(r.Rows)
		r.Rows = append(r.Rows, row)
	}
	for i := range r.Rows {
		if n := count[NormalizeName(r.Rows[i].Student)]; n > 1 {
			r.Rows[i].Flags = append(r.Rows[i].Flags, fmt.Sprintf("handed in %d codes; the latest counts", n))
		}
	}
	flagTwins(r.Rows)
	sort.SliceStable(r.Rows, func(i, j int) bool { return NormalizeName(r.Rows[i].Student) < NormalizeName(r.Rows[j].Student) })
	return r
}

// start is the beginning of a code, to name it in a message.
func start(code string) string {
	code = strings.TrimSpace(code)
	if len(code) > 16 {
		return code[:16]
	}
	return code
}

// row re-grades one submission.
func (g *Grader) row(s *Submission) Row {
	row := Row{Student: s.Student, HandedIn: time.Unix(s.HandedIn, 0).UTC(),
		Points: make([]float64, len(g.columns)), Asked: make([]bool, len(g.columns))}
	flag := func(format string, args ...any) { row.Flags = append(row.Flags, fmt.Sprintf(format, args...)) }
	if s.Fingerprint != g.a.Fingerprint() {
		flag("made for an edited version of this assignment")
	}
	if g.key != nil && s.Seed != g.key.StudentSeed(g.a.ID, s.Student) && s.Seed != ClassSeed(g.a.ID, s.Student) {
		flag("its variant is not this student's: the code may have been handed in under another name")
	}
	at := g.a.NewAttempt(g.q, s.Seed)
	pos := map[int]int{} // question number → position in the attempt
	for i, qi := range at.Order {
		pos[qi+1] = i
		row.Asked[qi] = true
	}
	for _, qa := range s.Questions {
		i, ok := pos[qa.Q]
		if !ok {
			flag("answers question %d, which this student's variant does not ask", qa.Q)
			continue
		}
		for _, try := range qa.Tries {
			chosen := make([]int, len(try.Chosen))
			for k, c := range try.Chosen {
				chosen[k] = c - 1
			}
			if _, err := at.Answer(i, chosen); err != nil {
				flag("question %d: an impossible answer (%v)", qa.Q, err)
			}
		}
	}
	for i, qi := range at.Order {
		row.Points[qi] = at.Points(i)
		row.Total += row.Points[qi]
		if at.Responses[i].Tries > 0 && row.Points[qi] < 1 {
			row.mistake = true
		}
	}
	row.Max = len(at.Order)
	g.gradeChallenges(s, &row, flag)
	if row.Max > 0 {
		row.Percent = 100 * row.Total / float64(row.Max)
	}
	row.hasPassingGrade = g.a.PassingGrade > 0
	row.Passed = row.hasPassingGrade && row.Percent >= float64(g.a.PassingGrade)
	return row
}

// gradeChallenges marks the predict answers with the student's variant
// of each example's challenges.
func (g *Grader) gradeChallenges(s *Submission, row *Row, flag func(string, ...any)) {
	first := len(g.q.Questions)
	col := map[string]int{}
	for i, c := range g.columns[first:] {
		col[c.Example+"#"+strconv.Itoa(c.N)] = first + i
		row.Asked[first+i] = true
	}
	row.Max += len(g.columns) - first
	chs := map[string][]predict.Challenge{}
	for _, ca := range s.Challenges {
		k, ok := col[ca.Example+"#"+strconv.Itoa(ca.N)]
		if !ok {
			flag("answers challenge %d of %s, which this assignment does not ask", ca.N, ca.Example)
			continue
		}
		list, ok := chs[ca.Example]
		if !ok {
			list = predict.Find(g.runs[ca.Example], s.Seed)
			chs[ca.Example] = list
		}
		ch := list[ca.N-1]
		ans := predict.Answer{Order: ca.Order, Option: ca.Option - 1}
		if ch.Kind == predict.Aexit && (ca.Option < 1 || ca.Option > len(ch.Options)) {
			flag("%s #%d: an impossible answer (option %d of %d)", ca.Example, ca.N, ca.Option, len(ch.Options))
			continue
		}
		m := ch.Check(ans)
		row.Total += m.Score - row.Points[k]
		row.Points[k] = m.Score
		row.mistake = row.mistake || m.Score < 1
	}
}

// flagTwins flags students whose answers are all the same as another's,
// every try included, when they share a mistake: right answers agree by
// themselves, identical wrong ones rarely do. At least three items must
// be answered.
func flagTwins(rows []Row) {
	byAnswers := map[string][]int{}
	for i, r := range rows {
		s := r.sub
		if !r.mistake || len(s.Questions)+len(s.Challenges) < 3 {
			continue
		}
		type tries struct {
			Q      int
			Chosen [][]int
		}
		var qs []tries
		for _, q := range s.Questions {
			t := tries{Q: q.Q}
			for _, try := range q.Tries {
				t.Chosen = append(t.Chosen, try.Chosen)
			}
			qs = append(qs, t)
		}
		sort.Slice(qs, func(a, b int) bool { return qs[a].Q < qs[b].Q })
		chs := append([]ChallengeAnswer(nil), s.Challenges...)
		for k := range chs {
			chs[k].At = 0
		}
		sort.Slice(chs, func(a, b int) bool {
			if chs[a].Example != chs[b].Example {
				return chs[a].Example < chs[b].Example
			}
			return chs[a].N < chs[b].N
		})
		key, _ := json.Marshal([]any{qs, chs})
		byAnswers[string(key)] = append(byAnswers[string(key)], i)
	}
	for _, same := range byAnswers {
		if len(same) < 2 {
			continue
		}
		for _, i := range same {
			var others []string
			for _, j := range same {
				if j != i {
					others = append(others, rows[j].Student)
				}
			}
			rows[i].Flags = append(rows[i].Flags, "the same answers as "+strings.Join(others, ", ")+", mistakes included")
		}
	}
}
