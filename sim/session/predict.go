package session

import "asyncwithlab/sim/predict"

// Predict is "predict, then watch": before playback shows the events a
// challenge is about, it pauses and asks; once the answer is marked, the
// animation plays them. Scores are kept per scenario (predict.Key).
type Predict struct {
	Challenges []predict.Challenge
	next       int // the first challenge not yet asked or skipped
	// Active is the challenge being asked, nil between challenges.
	Active *predict.Challenge
	// Order is an Order answer so far (item IDs in the chosen order);
	// Option an Aexit answer (-1: none yet).
	Order  []string
	Option int
	// Mark is the verdict once checked, nil before.
	Mark *predict.Mark
	// Key names the scenario in Scores (predict.Key).
	Key string
	// Scores are the learner's results, per scenario; the caller loads
	// and saves them.
	Scores predict.Scores
}

// NewPredict starts predict mode with the scores saved so far (nil: none).
func NewPredict(scores *predict.Scores) *Predict {
	p := &Predict{Option: -1}
	if scores != nil {
		p.Scores = *scores
	}
	if p.Scores.Entries == nil {
		p.Scores.Entries = map[string]predict.Entry{}
	}
	return p
}

// TogglePredict turns predict mode on (asking from the current position
// on, with the scores saved so far) or off.
func (s *Session) TogglePredict(scores *predict.Scores) {
	if s.Predict != nil {
		s.Predict = nil
		return
	}
	s.Predict = NewPredict(scores)
	s.Predict.Reset(s)
}

// Reset finds the challenges of the session's run (after a load or an
// edit); those before the current position are not asked.
func (p *Predict) Reset(s *Session) {
	p.Challenges = predict.Find(s.Result, s.PredictSeed())
	p.Key = predict.Key(s.Name, s.Scenario)
	p.Active, p.Mark, p.Order, p.Option = nil, nil, nil, -1
	p.next = 0
	for p.next < len(p.Challenges) && p.Challenges[p.next].At <= s.Cursor.Event() {
		p.next++
	}
}

// Gate runs every tick: when playback reaches a challenge's first event
// it steps back before it, pauses and asks. A challenge the learner
// scrubbed past entirely is skipped, unmarked. It reports whether a
// question appeared (or playback was stopped for one).
func (p *Predict) Gate(s *Session) bool {
	if p.Active != nil {
		if p.Mark == nil && s.Cursor.Playing {
			s.Cursor.Pause()
			return true
		}
		return false
	}
	changed := false
	for p.next < len(p.Challenges) {
		ch := p.Challenges[p.next]
		e := s.Cursor.Event()
		if e > ch.Until {
			p.next++
			continue
		}
		if e >= ch.At {
			s.Cursor.SeekEvent(ch.At - 1)
			s.Cursor.Pause()
			p.Active = &p.Challenges[p.next]
			p.Order, p.Option, p.Mark = nil, -1, nil
			changed = true
		}
		break
	}
	return changed
}

// Pick adds an Order item to the answer, or chooses an Aexit option;
// once marked, the answer no longer changes.
func (p *Predict) Pick(id string, option int) {
	if p.Mark != nil || p.Active == nil {
		return
	}
	switch p.Active.Kind {
	case predict.Order:
		for _, o := range p.Order {
			if o == id {
				return
			}
		}
		p.Order = append(p.Order, id)
	case predict.Aexit:
		p.Option = option
	}
}

// Ready reports whether the answer is complete enough to check.
func (p *Predict) Ready() bool {
	ch := p.Active
	return ch != nil && p.Mark == nil &&
		((ch.Kind == predict.Order && len(p.Order) == len(ch.Items)) || (ch.Kind == predict.Aexit && p.Option >= 0))
}

// Check marks the answer and records it in Scores (which the caller
// saves).
func (p *Predict) Check() predict.Mark {
	m := p.Active.Check(predict.Answer{Order: p.Order, Option: p.Option})
	p.Mark = &m
	p.Scores.Record(p.Key, m)
	return m
}

// Watch closes the question and plays the events it was about.
func (p *Predict) Watch(s *Session) {
	p.Active, p.Mark = nil, nil
	p.next++
	s.Cursor.Play()
}
