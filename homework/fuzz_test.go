package homework_test

import (
	"strings"
	"testing"

	"asyncwithlab/homework"
)

// FuzzDecodeLink: no link panics the decoder; a link it accepts holds a
// sound assignment and encodes again to a link that decodes the same.
// Seeds: testdata/fuzz/FuzzDecodeLink.
func FuzzDecodeLink(f *testing.F) {
	a, _ := week3(f)
	class, _ := homework.Link{Assignment: a}.Encode()
	one, _ := homework.Link{Assignment: a, Student: "Ana", Seed: 42}.Encode()
	for _, s := range []string{class, one, "v1.a.", "v2.a.x", "#v1.a.AAAA.u..1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := homework.DecodeLink(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "assignment link: ") {
				t.Fatalf("error does not say what it is about: %v", err)
			}
			return
		}
		if err := l.Assignment.Check(); err != nil {
			t.Fatalf("accepted an unsound assignment: %v", err)
		}
		again, err := l.Encode()
		if err != nil {
			t.Fatalf("an accepted link does not encode again: %v", err)
		}
		back, err := homework.DecodeLink(again)
		if err != nil || back.Student != l.Student || back.Seed != l.Seed || back.Assignment.Fingerprint() != l.Assignment.Fingerprint() {
			t.Fatalf("round trip changed the link: %v", err)
		}
	})
}

// FuzzDecodeCode: no code panics the decoder; a code it accepts encodes
// again to a code that decodes the same. Seeds: testdata/fuzz/FuzzDecodeCode.
func FuzzDecodeCode(f *testing.F) {
	a, q := week3(f)
	code, _, _ := student(f, a, q, "Ana", 9, 1, wrongThenRight, false)
	for _, s := range []string{code, "awl1.", "awl1.AAAA.00000000", "awl2.x.y", code[:len(code)-3]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sub, err := homework.DecodeCode(s)
		if err != nil {
			return
		}
		again, err := sub.Encode()
		if err != nil {
			t.Fatalf("an accepted code does not encode again: %v", err)
		}
		back, err := homework.DecodeCode(again)
		if err != nil || back.Student != sub.Student || back.Seed != sub.Seed || len(back.Questions) != len(sub.Questions) {
			t.Fatalf("round trip changed the code: %v", err)
		}
	})
}

// FuzzDecodeProgress: no stored text panics the reader; what it accepts
// stores again the same. Seeds: testdata/fuzz/FuzzDecodeProgress.
func FuzzDecodeProgress(f *testing.F) {
	f.Add(`{"a":"3f9a0c1d2e4b5a69","u":"Ana","q":[{"q":1,"tries":[{"c":[2],"t":1}]}],"s":"1f"}`)
	f.Add(`{"a":"x","u":"Ana","s":"zz"}`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := homework.DecodeProgress(s)
		if err != nil {
			return
		}
		back, err := homework.DecodeProgress(p.Encode())
		if err != nil || back.Seed != p.Seed || back.Student != p.Student {
			t.Fatalf("stored progress does not read back: %v", err)
		}
	})
}
