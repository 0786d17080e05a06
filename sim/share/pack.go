package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"io"
)

// MaxUnpackedBytes bounds what one packed part (scenario or design) may
// unpack to. DEFLATE can expand a thousandfold, so the limit is enforced
// while reading: a small hostile link cannot make the app allocate more.
const MaxUnpackedBytes = 256 << 10

// b64 is unpadded base64url in strict mode, so that each byte string has
// exactly one spelling and a link stays canonical.
var b64 = base64.RawURLEncoding.Strict()

// pack compresses data with raw DEFLATE and writes it in base64url.
func pack(data []byte) string {
	var buf bytes.Buffer
	// NewWriter fails only for an invalid level; BestCompression is valid.
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data) // writes to a bytes.Buffer cannot fail
	w.Close()
	return b64.EncodeToString(buf.Bytes())
}

// unpack reverses pack for the part named what, which starts at byte
// offset start of the fragment (so that a bad character is located in the
// link the person sees, not in the part).
func unpack(part string, start int, what string) ([]byte, *Error) {
	raw, err := b64.DecodeString(part)
	if err != nil {
		var ce base64.CorruptInputError
		if errors.As(err, &ce) {
			return nil, errorf(what, "the %s part is not base64url (illegal character at %d)", what, start+int(ce))
		}
		return nil, errorf(what, "the %s part is not base64url (%v)", what, err)
	}
	src := bytes.NewReader(raw) // an io.ByteReader: flate reads no further than its stream
	zr := flate.NewReader(src)
	data, err := io.ReadAll(io.LimitReader(zr, MaxUnpackedBytes+1))
	if len(data) > MaxUnpackedBytes {
		return nil, errorf(what, "the %s part unpacks to more than %d bytes", what, MaxUnpackedBytes)
	}
	if err != nil {
		return nil, errorf(what, "the %s part is not raw DEFLATE data (%v)", what, err)
	}
	if src.Len() > 0 {
		return nil, errorf(what, "the %s part has %d bytes after the end of its compressed data", what, src.Len())
	}
	if len(data) == 0 {
		return nil, errorf(what, "the %s part unpacks to nothing; expected JSON", what)
	}
	return data, nil
}
