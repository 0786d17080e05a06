package share

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDecodeLink feeds arbitrary fragments to Decode. Nothing may panic,
// every failure must be an *Error, and a link that decodes must re-encode
// to a link that decodes to the same Link (the only failure allowed on the
// way is a link that grows past the size limits when written canonically).
// The seed corpus in testdata/fuzz/FuzzDecodeLink holds valid links of
// each form and malformed ones.
func FuzzDecodeLink(f *testing.F) {
	f.Add("v1.p.doc001-basic.0")
	f.Add("#v1.p.generator-leak.4.predict.dqlYqTs1JTS5JTVGyUspNzMxT0lHKL0jNU7KKNtAxjK0FBAAA__8")
	f.Fuzz(func(t *testing.T, fragment string) {
		l, err := Decode(fragment)
		if err != nil {
			var se *Error
			require.True(t, errors.As(err, &se), "Decode failed without a *share.Error: %v", err)
			require.NotEmpty(t, se.Part)
			return
		}
		s, err := Encode(l)
		if err != nil {
			var se *Error
			require.True(t, errors.As(err, &se))
			require.Contains(t, err.Error(), "too large", "a decoded link does not encode: %v", err)
			return
		}
		back, err := Decode(s)
		require.NoError(t, err, "an encoded link does not decode: %s", s)
		assert.Equal(t, l, back)
		again, err := Encode(back)
		require.NoError(t, err)
		assert.Equal(t, s, again, "Encode is not canonical")
		assert.True(t, strings.HasPrefix(s, versionPart+"."))
	})
}
