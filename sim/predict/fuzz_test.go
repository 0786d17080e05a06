package predict_test

import (
	"testing"

	"asyncwithlab/sim/predict"
)

// FuzzDecodeScores: saved scores, however damaged, never panic; what
// decodes is exactly what Encode writes for it (the format is canonical),
// and decodes again to the same scores. The seed corpus is in
// testdata/fuzz/FuzzDecodeScores.
func FuzzDecodeScores(f *testing.F) {
	f.Add("p1;aenter-fails:3,2,250,1,2;~0a1b2c3d4e5f:1,0,50,0,0")
	f.Add("p1")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := predict.DecodeScores(in)
		if err != nil {
			if len(err.Error()) > 400 {
				t.Fatalf("an unreadably long message: %d bytes", len(err.Error()))
			}
			return
		}
		enc := s.Encode()
		if enc != in {
			t.Fatalf("decoded %q but encodes as %q", in, enc)
		}
		back, err := predict.DecodeScores(enc)
		if err != nil {
			t.Fatalf("Encode wrote what Decode refuses: %v", err)
		}
		if back.Encode() != enc || len(back.Entries) != len(s.Entries) {
			t.Fatalf("round trip changed the scores")
		}
		for k, e := range s.Entries {
			if back.Entries[k] != e {
				t.Fatalf("entry %q: %+v became %+v", k, e, back.Entries[k])
			}
		}
	})
}
