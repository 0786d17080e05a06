// Package quiz reads quizzes written in quizdown, the Markdown quiz format
// of quizdown-js (and of Hugo's {{< quizdown >}} shortcode), and runs them:
// deterministic shuffling from a seed, scoring, feedback modes, and a
// compact saved form of an attempt. It is pure Go and never imports ebiten.
//
// # Format
//
//	---
//	shuffleAnswers: false     # options block (optional); snake_case works too
//	passingGrade: 60
//	---
//
//	# Any heading starts a question
//
//	Paragraphs and code blocks after the heading are the question's body.
//
//	- [x] an unordered task list is multiple choice
//	- [ ] any number of answers may be right
//	    > a blockquote under an answer is a comment shown when it is picked
//
//	> a blockquote at question level is a hint, shown on request
//
//	> **Explanation:** a blockquote that starts with "Explanation:" (or the
//	> Portuguese "Explicação:", or the Spanish "Explicación:") is shown
//	> after answering.
//
//	## An ordered task list is single choice
//
//	1. [ ] exactly one answer
//	2. [x] is marked
//
//	## An ordered list without checkboxes is a sequence
//
//	1. written in the right order
//	2. shown scrambled
//
// The "Explanation:" blockquote is this package's extension of quizdown
// (course document 002 writes one under every question); every other
// question-level blockquote is a hint, as in quizdown-js. Inline Markdown
// (code spans, emphasis, links) is kept as styled runs.
//
// # See it run
//
// A second extension, also plain Markdown to quizdown-js (a link is just
// a link there): a link to the simulator in a question's heading, text or
// explanation names the run that shows the question happen.
//
//	> **Explanation:** … [Watch it](#v1.p.doc002-exception.17).
//
// The target is an example and the event to open at ("#v1.p.NAME.STEP",
// events counted from 0) or any share link the simulator's Copy link made
// (a whole address ending in "#v1.s.…" works too). The first such link
// becomes Question.Watch (see WatchLink); the app offers it as "See it
// run", and `lab quiz check` opens it and reports, on the question's line,
// a link that names no example or an event past the run's end.
//
// # Questions the simulator answers
//
// A third extension: a question may have, instead of a list of answers,
// a fenced block with the info string lab, naming a run and what to ask
// about it; the engine, which follows CPython exactly, makes the answers
// and the key, and the question shows the program as Python above its
// own text.
//
//	# In what order does this program print its lines?
//
//	```lab
//	run: doc001-basic     # an example (lab presets), or a simulator link
//	ask: output order     # or: last line, first aexit
//	```
//
// "output order" is a sequence of the printed lines; "last line" a
// single choice of the last printed line among the lines printed before
// it; "first aexit" a single choice of the manager whose __aexit__ runs
// first among those entered. Parse reads the block into
// Question.Engine (its mistakes are named on their lines) and leaves the
// answers empty; package quizsim makes them, and reports on the block's
// line a run that cannot answer (one that prints a line twice, or only
// one line, enters one manager, or whose order CPython leaves
// unspecified). quizdown-js shows such a question with the block as code
// and no answers.
//
// # Reading as quizdown-js reads
//
// quizdown-js hands its text to marked 2, so the Markdown here is marked's,
// not CommonMark's, and the quiz is what quizdown-js's parser makes of it
// (its src/parser.ts): a line right under an answer that starts no answer
// belongs to it (so "> text" there is the answer's comment); "[x]" makes a
// checkbox only with one space before and after it (after a tab, with no
// space, or with a zero-width space it is text, never a key); an ordered
// list whose first item has no checkbox is a sequence; tabs are four
// spaces, and a list indented by four is a code listing; CRLF and a lone
// CR end lines; the common indentation of the quiz (a shortcode inside a
// list item) goes. A block between two "---" lines is an options block
// wherever it stands: the first before any heading is the quiz's, one
// under a question heading sets that question's shuffleAnswers, one in a
// later {{< quizdown >}} block sets its questions' shuffleAnswers (a page
// is one quiz here, so its other options are left out). An unclosed
// {{< quizdown >}} is reported (Hugo refuses such a page).
//
// The deliberate differences are warnings (Quiz.Warnings), never silent:
// a heading on the line right after the last answer starts the next
// question (marked folds it into the answer), and where quizdown-js reads
// a box as text the message says so.
//
// # One bad question
//
// Read loads every question it can: a question with a problem (no key,
// no answers, a line past MaxLineLength or a quote deeper than
// MaxQuoteDepth inside it) is set aside (Quiz.SetAside) with its problems,
// and the quiz goes on without it; problems that are the file's (an
// option left out, an unclosed shortcode) leave the questions as they
// are. Every problem is in Quiz.Problems in line order, the first 200 of
// them. Read fails only when no question can be used or the file itself
// cannot be read (MaxFileBytes, not UTF-8, too many markers). Parse is
// Read refusing a file with any problem: `lab quiz check` and the
// built-in banks use it; the app and homework load teachers' files with
// Read (through package quizsim) and show what was set aside.
package quiz
