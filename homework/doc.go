// Package homework is homework with no server: a teacher's assignment
// travels in a link, each student hands in a code holding their raw
// answers, and the teacher's side re-grades every code from the keys.
// Nothing here trusts a score a student's device computed.
//
// It is pure Go and never imports ebiten; the app's Teacher screen and
// the command line (lab assign, lab grade) use it alike, so both give the
// same numbers.
//
// # Assignment links
//
//	v1.a.DATA               a class link (students type their name)
//	v1.a.DATA.u.NAME.SEED   one student's link
//
// DATA is the Assignment as JSON, deflated, in base64url; NAME is the
// student's name in base64url; SEED is the student's variant in
// hexadecimal, Key.StudentSeed of the assignment's ID and the name under
// the teacher's key (a class link's students get ClassSeed instead). For
// example, the assignment
//
//	{"id": "3f9a0c1d2e4b5a69", "title": "Week 3: async with",
//	 "quiz": {"builtin": true, "questions": [1, 2, 5], "fp": "…"},
//	 "challenges": ["aenter-fails"], "mode": "interactive", "tries": 2,
//	 "pass": 60, "draw": 2, "due": "2026-12-18"}
//
// asks two of the bank's questions 1, 2 and 5 (drawn per student), and
// every predict challenge of the aenter-fails example.
//
// # Teacher keys
//
//	awl-key-v1-<64 hexadecimal digits>
//
// The key never leaves the teacher: it is what makes a per-student seed
// checkable.
//
// # Submission codes
//
//	awl1.DATA.CHECK
//
// DATA is the Submission as JSON (short field names: a assignment ID, fp
// its fingerprint, u student, s seed in hexadecimal, q questions with
// every try, c challenges, t time handed in, v app version), deflated, in
// base64url; CHECK is the CRC-32 of DATA in 8 hexadecimal digits, which
// catches a code damaged by copying. FindCodes finds codes anywhere in a
// text (a form's CSV export, a mail).
//
// # What it guarantees, and what it does not
//
// Every point is recomputed from the raw answers and the keys. With no
// server there is no proof of who did the work or when (a code's times
// are the student's device clock); copying answers between students is
// flagged, not prevented; a per-student seed catches a code handed in
// under another student's name, and a class link cannot.
package homework
