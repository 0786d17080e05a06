package ui

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"asyncwithlab/sim/replay"
)

// The lanes view's contents: a lane's stack of managers and the
// exceptions in flight over them.

// resColour is the fill of a manager box for its resource's state.
func resColour(r replay.Resource) color.Color {
	switch r {
	case replay.ResOpening:
		return colResOpening
	case replay.ResOpen:
		return colResOpen
	case replay.ResClosing:
		return colResClosing
	case replay.ResReleased:
		return colResReleased
	case replay.ResLeaked:
		return colResLeaked
	}
	return colResClosed
}

// paintStack draws a lane's managers as boxes, outermost first; a box that
// has just appeared (it was not there at prev) fades in.
func paintStack(f *simFrame, dst *ebiten.Image, row rect, labelW float64, lane *replay.Lane, prev *replay.Snapshot) {
	t := f.th
	boxes := stackBoxes(row, labelW, len(lane.Frames), f.unit)
	var before *replay.Lane
	if prev != nil {
		before = prev.Lane(lane.Task)
	}
	name := t.face(fontBold, 12)
	small := t.face(fontRegular, 11)
	for i, fr := range lane.Frames {
		b := boxes[i]
		alpha := 1.0
		if before != nil && before.Frame(fr.Manager) == nil {
			alpha = ease(f.anim)
		}
		fill := resColour(fr.Resource)
		border := color.Color(colBorder)
		if fr.NoAexit || fr.Resource == replay.ResLeaked {
			border = colWrong
		}
		// Plain rectangles: a lane view of 200 managers stays cheap to draw.
		boxRect(dst, b, t.px(1.5), fade(fill, alpha), fade(border, alpha))
		if b.w < t.px(24) {
			continue
		}
		drawString(dst, fitString(fr.Manager, name, b.w-t.px(8)), name, b.x+t.px(4), b.y+t.px(2), fade(colText, alpha))
		if b.h >= t.px(30) {
			drawString(dst, fitString(frameNote(f.lang, &fr), small, b.w-t.px(8)), small, b.x+t.px(4), b.y+t.px(17), fade(colMuted, alpha))
		}
	}
}

// frameNote is the second line of a manager box: what happened to it
// last, else its resource's (or phase's) badge.
func frameNote(l Lang, fr *replay.Frame) string {
	switch {
	case fr.Resource == replay.ResLeaked:
		return fr.Resource.Label(l)
	case fr.NoAexit:
		return replay.PhaseFailed.Label(l)
	case fr.Phase == replay.PhaseExited && fr.Raised != nil:
		return l.T("ui.raisedNote") + fr.Raised.Type
	case fr.Phase == replay.PhaseExited:
		return "→ " + fr.Returned
	case fr.Phase == replay.PhaseExiting && fr.Received != nil:
		return l.T("ui.gotNote") + fr.Received.Type
	case fr.Phase == replay.PhaseExiting:
		return "__aexit__(None…)"
	case fr.Phase == replay.PhaseEntering:
		return "__aenter__…"
	case fr.Phase == replay.PhaseInit:
		return "__init__…"
	case fr.Phase == replay.PhaseCreated:
		// Made, not entered (kept for later, or pushed on an exit stack):
		// it holds no resource yet, whatever its ledger says later.
		return fr.Phase.Label(l)
	}
	if r := fr.Resource.Label(l); r != "" {
		return r
	}
	return fr.Phase.Label(l)
}

// paintTokens draws each exception in flight as a red tag at the stack
// level it has reached; the highlighted one glides from where it was at
// prev.
func paintTokens(f *simFrame, dst *ebiten.Image, geo laneGeometry, prev *replay.Snapshot) {
	t := f.th
	bf := t.face(fontBold, 12)
	for _, tk := range f.snap.Tokens {
		x, y, ok := tokenPos(geo, f.snap, tk, f.unit)
		if !ok {
			continue
		}
		if prev != nil {
			for _, pt := range prev.Tokens {
				if pt.Task == tk.Task {
					if px, py, ok := tokenPos(geo, prev, pt, f.unit); ok {
						k := ease(f.anim)
						x, y = px+(x-px)*k, py+(y-py)*k
					}
				}
			}
		}
		label := tk.Exc.Type
		switch tk.Move {
		case replay.MoveSuppressed:
			label += " (" + f.lang.T("ui.suppressed") + ")"
		case replay.MoveReplaced:
			if tk.Old != nil {
				label = tk.Old.Type + " → " + tk.Exc.Type
			}
		}
		label = displayable(label)
		w := text.Advance(label, bf) + t.px(12)
		roundRect(dst, float32(x), float32(y), float32(w), float32(t.px(18)), float32(t.px(9)), colToken)
		drawString(dst, label, bf, x+t.px(6), y+t.px(2), colAccentText)
	}
}

// tokenPos is where a token sits: on the box of the manager it is at, or
// at the left of the lane's stack when it is in the task's own code.
func tokenPos(geo laneGeometry, snap *replay.Snapshot, tk replay.Token, unit float64) (x, y float64, ok bool) {
	r := tk.Lane - geo.first
	if r < 0 || r >= len(geo.rows) || tk.Exc == nil {
		return 0, 0, false
	}
	row := geo.rows[r]
	lane := &snap.Lanes[tk.Lane]
	boxes := stackBoxes(row, geo.label, len(lane.Frames), unit)
	if tk.Level >= 0 && tk.Level < len(boxes) {
		b := boxes[tk.Level]
		return b.x + b.w*0.35, b.y + b.h - unit*12, true
	}
	// In the task's own code: under the task's name.
	return row.x + 8*unit, row.y + max(row.h-20*unit, 16*unit), true
}
