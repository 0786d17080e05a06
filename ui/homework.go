package ui

import (
	"strconv"
	"strings"
	"time"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/sim/catalog"
)

// isAssignmentLink tells an assignment link (v1.a.…, alone or at the end
// of an address) from a share link of the simulator.
func isAssignmentLink(link string) bool {
	if i := strings.IndexByte(link, '#'); i >= 0 {
		link = link[i+1:]
	}
	return strings.HasPrefix(link, "v1.a.")
}

// openLink opens what a link holds: an assignment or a simulator view.
func (g *Game) openLink(link string) {
	if isAssignmentLink(link) {
		g.openAssignment(link)
		return
	}
	g.openSimLink(link)
}

// openAssignment opens an assignment link on its first screen; a bad one
// leaves a notice on Home (with the decoder's message) and clears the
// address's fragment, as a bad share link does.
func (g *Game) openAssignment(link string) {
	l, err := homework.DecodeLink(link)
	if err != nil {
		g.noticeText = g.language.T("hw.badLink", err)
		g.plat.SetFragment("")
		g.goTo(&homeScene{})
		return
	}
	g.goTo(newHWStart(g, l))
}

// hwLoaded is the outcome of reading an assignment's questions.
type hwLoaded struct {
	q   *quiz.Quiz
	err error
}

// loadHWQuestions reads the questions in the background: a teacher's
// file on the same site is fetched, and in the browser a fetch must not
// block the game's loop.
func loadHWQuestions(plat Platform, a *homework.Assignment) chan hwLoaded {
	ch := make(chan hwLoaded, 1)
	go func() {
		q, err := a.LoadQuestions(plat.Fetch)
		ch <- hwLoaded{q, err}
	}()
	return ch
}

// loadHWProgress reads the saved work on an assignment (nil: none). Work
// that cannot be read, or that belongs to another student than a
// per-student link names, is kept aside under a backup key, never lost;
// the notice says why a fresh start was made.
func loadHWProgress(gs gameState, l homework.Link) (*homework.Progress, string) {
	plat := gs.platform()
	key := hwStoreKey(l.Assignment.ID)
	saved := plat.Load(key)
	if saved == "" {
		return nil, ""
	}
	prog, err := homework.DecodeProgress(saved)
	notice := ""
	switch {
	case err != nil:
		notice = gs.lang().T("hw.corrupt")
	case prog.Assignment != l.Assignment.ID:
		notice = gs.lang().T("hw.corrupt")
	case l.Student != "" && (homework.NormalizeName(prog.Student) != homework.NormalizeName(l.Student) || prog.Seed != l.Seed):
		notice = gs.lang().T("hw.otherStudent", prog.Student)
	default:
		return prog, ""
	}
	backup := key + ".unreadable." + strconv.FormatInt(time.Now().Unix(), 10)
	_ = plat.Save(backup, saved)
	_ = plat.Save(key, "")
	return nil, notice
}

// leaveHomework goes Home: the address no longer holds the assignment.
func leaveHomework(gs gameState) {
	gs.platform().SetFragment("")
	gs.goTo(&homeScene{})
}

// exampleTitle is a built-in example's title in the interface language
// (its name when the catalogue lacks it).
func exampleTitle(l Lang, name string) string {
	if cat, err := catalog.Builtin(); err == nil {
		if e, _, ok := cat.Entry(name); ok {
			return e.Title(l)
		}
	}
	return name
}
