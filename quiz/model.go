package quiz

// Quiz is a parsed quizdown file: its options and its questions.
type Quiz struct {
	Name      string // the file name, used in messages
	Options   Options
	Questions []*Question
	// SetAside are the questions Read could not use, in file order, each
	// with its problems: the quiz goes on without them, and the app says
	// so where the quiz is shown.
	SetAside []SetAside
	// Problems lists every problem of the file in line order: the
	// set-aside questions' and the file's own (an option left out, an
	// unclosed shortcode). Parse refuses a file that has any.
	Problems []LineError
	// Warnings say where quizdown-js reads the file otherwise than this
	// app (which reading the app keeps is in each message); they refuse
	// nothing.
	Warnings []LineError

	// found are the problems found (up to maxKept), of which Problems
	// lists the first maxErrors: PutAside adds to them.
	found []LineError
}

// SetAside is a question Read could not use.
type SetAside struct {
	Line     int    // its heading's line
	Title    string // its heading, shortened
	Problems []LineError
}

// Err is the quiz's problems as a *ParseError, or nil when it has none.
func (q *Quiz) Err() error {
	if len(q.Problems) == 0 {
		return nil
	}
	return &ParseError{Name: q.Name, Errors: q.Problems}
}

// Options are the settings of quizdown's options block.
type Options struct {
	ShuffleAnswers   bool
	ShuffleQuestions bool
	NQuestions       int // 0: all
	PassingGrade     int // percent; 0: none
	Locale           string
	EnableRetry      bool
	PrimaryColor     string
	SecondaryColor   string
	TextColor        string
	StartOnLoad      bool
	CustomPassMsg    string
	CustomFailMsg    string
}

// DefaultOptions are quizdown-js's defaults.
var DefaultOptions = Options{ShuffleAnswers: true, EnableRetry: true, StartOnLoad: true,
	PrimaryColor: "steelblue", SecondaryColor: "#f2f2f2", TextColor: "black"}

// Type is a question's kind.
type Type int

const (
	// Multiple choice: an unordered task list; any number of keys, at least one.
	Multiple Type = iota
	// Single choice: an ordered task list with exactly one key.
	Single
	// Sequence: an ordered list without checkboxes, written in the right order.
	Sequence
)

func (t Type) String() string {
	switch t {
	case Single:
		return "single"
	case Sequence:
		return "sequence"
	}
	return "multiple"
}

// Question is one question.
type Question struct {
	Line        int   // line of its heading in the file
	Title       []Run // the heading's text
	Body        []Block
	Type        Type
	Answers     []*Answer
	Hint        []Block // shown on request, before answering
	Explanation []Block // shown after answering (the "Explanation:" extension)
	// ShuffleAnswers, when set, is the question's own shuffleAnswers
	// option (an options block under its heading), over the quiz's.
	ShuffleAnswers *bool `json:",omitempty"`
	// Watch is the simulator link that shows the question happen (a
	// share link's fragment, "v1.p.NAME.STEP" or "v1.s.…"): the first
	// link to one in the question's heading, text or explanation. Empty
	// when there is none. See WatchLink.
	Watch string `json:",omitempty"`
	// Engine, when set, says the simulator answers the question (a
	// ```lab block): package quizsim fills in its Type, Answers and the
	// program it asks about. Parse alone leaves such a question without
	// answers.
	Engine *EngineSpec `json:",omitempty"`
}

// EngineSpec is a question's ```lab block: the run, and what to ask
// about it.
type EngineSpec struct {
	Line int    // the block's first line
	Run  string // an example's name, or a simulator link ("#v1.p.…", "#v1.s.…", or a whole address)
	Ask  string // one of EngineAsks
}

// EngineAsks are what a lab block can ask about its run: the order of the
// lines it prints (a sequence), its last printed line (single choice
// among the lines it prints), and which manager's __aexit__ runs first
// (single choice among the managers entered).
var EngineAsks = []string{"output order", "last line", "first aexit"}

// Keys are the indices of the correct answers (for a sequence: all, in order).
func (q *Question) Keys() []int {
	var keys []int
	for i, a := range q.Answers {
		if a.Correct || q.Type == Sequence {
			keys = append(keys, i)
		}
	}
	return keys
}

// Answer is one option of a question (or one item of a sequence).
type Answer struct {
	Line    int
	Text    []Run
	More    []Block // further paragraphs or code of the answer, if any
	Correct bool
	Comment []Block // shown when this answer was picked
}

// Style is how a run of text is set.
type Style int

const (
	// Plain text.
	Plain Style = iota
	// Code is a code span, shown in monospace.
	Code
	// Emph is *emphasis*.
	Emph
	// Strong is **strong emphasis**.
	Strong
	// EmphStrong is both.
	EmphStrong
)

// Run is a piece of inline text in one style.
type Run struct {
	Text  string
	Style Style
	Link  string `json:",omitempty"` // the target, when the run is a link
}

// BlockKind says what a block is.
type BlockKind int

const (
	// Paragraph is text made of runs.
	Paragraph BlockKind = iota
	// CodeBlock is a listing.
	CodeBlock
)

// Block is a paragraph or a code listing.
type Block struct {
	Kind BlockKind
	Runs []Run  // Paragraph
	Code string // CodeBlock: the text, ending without a newline
	Lang string // CodeBlock: the info string's language, e.g. "python"
}

// PlainText joins runs into text without styles.
func PlainText(runs []Run) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		b = append(b, r.Text...)
	}
	return string(b)
}
