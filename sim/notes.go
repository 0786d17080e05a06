package sim

// This file is e.add_note("text") (BaseException.add_note, 3.11+): the
// statement {"addNote": {"to": "e", "note": "text"}} appends a note to
// the exception variable e holds, which {e.__notes__} prints and a
// traceback shows under the exception's line (its repr does not). A
// group's parts split by except* get copies of its notes.

import "fmt"

// addNote reads the statement's argument: {"to": VARIABLE, "note": TEXT}.
func (d *decoder) addNote(p string, arg any, s *Stmt) {
	if w := d.Object(p, arg, "to", "note"); w != nil {
		s.setExtra().Use = d.ReqStr(w, p, "to")
		s.Text = d.ReqStr(w, p, "note")
	}
}

// addNoteJSON is the statement's argument as Decode reads it.
func addNoteJSON(s *Stmt) obj { return obj{"to": s.Ext().Use, "note": s.Text} }

// addNoteSource is the statement as the program writes it.
func addNoteSource(s *Stmt) string { return s.Ext().Use + ".add_note(" + pyStrLiteral(s.Text) + ")" }

// addNote checks the statement: a variable of the function, and text.
func (v *validator) addNote(p string, s *Stmt) {
	v.varRef(v.join(p, "addNote.to"), s.Ext().Use)
	v.text(v.join(p, "addNote.note"), s.Text)
}

// execAddNote runs e.add_note(text): an exception gets the note; an
// exception class is the unbound method called with the text as its
// self (CPython's TypeError); anything else has no add_note.
func (x *exec) execAddNote(s *Stmt) flow {
	v, fl := x.lookup(s.Ext().Use, s.id)
	if fl.kind == flowExc {
		return fl
	}
	switch v := v.(type) {
	case *Exc:
		if len(v.Notes) >= x.e.limits.MaxHeld {
			x.e.fail(fmt.Errorf("%w: more than %d notes on one exception (a loop that never ends?)", ErrLimit, x.e.limits.MaxHeld))
		}
		v.Notes = append(v.Notes, s.Text)
		return normal
	case *ExcClass:
		return x.raiseNew(TypeErrorClass, "descriptor 'add_note' for 'BaseException' objects doesn't apply to a 'str' object", s.id)
	}
	return x.raiseNew(AttributeErrorClass, noAttribute(v, "add_note"), s.id)
}
