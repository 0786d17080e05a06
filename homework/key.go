package homework

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/crypto/blake2b"
)

// Key is the teacher's secret for an assignment: it derives each
// student's seed, so that a code handed in under another student's name
// is caught. It never goes in a link or a code.
type Key [32]byte

// keyPrefix starts a key's text form, so that a key pasted where a code
// or a link belongs is recognised.
const keyPrefix = "awl-key-v1-"

// NewKey makes a random key.
func NewKey() (Key, error) {
	var k Key
	if err := randomBytes(k[:]); err != nil {
		return k, fmt.Errorf("making a teacher key: %w", err)
	}
	return k, nil
}

// NewID makes a random assignment ID (16 hexadecimal digits).
func NewID() (string, error) {
	var b [8]byte
	if err := randomBytes(b[:]); err != nil {
		return "", fmt.Errorf("making an assignment ID: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// String is the key as text: awl-key-v1- and 64 hexadecimal digits.
func (k Key) String() string { return keyPrefix + hex.EncodeToString(k[:]) }

// ParseKey reads a key's text form (spaces around it are ignored, so a
// key file with a final newline reads).
func ParseKey(s string) (Key, error) {
	var k Key
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, keyPrefix) {
		return k, fmt.Errorf("teacher key: expected text starting %q", keyPrefix)
	}
	raw, err := hex.DecodeString(s[len(keyPrefix):])
	if err != nil || len(raw) != len(k) {
		return k, fmt.Errorf("teacher key: expected %d hexadecimal digits after %q", 2*len(k), keyPrefix)
	}
	copy(k[:], raw)
	return k, nil
}

// StudentSeed is the seed of a student's variant: a MAC of the
// assignment's ID and the student's name under the key (BLAKE2b in its
// keyed mode, RFC 7693: without the key no one can work out another
// student's variant). Names are compared as a teacher would: case,
// spacing and surrounding spaces do not matter.
//
// BLAKE2b rather than HMAC-SHA-256: Go's SHA-256, HMAC and crypto/rand
// link its whole FIPS module (AES, SHA-3, a DRBG), over 100 KB gzipped
// in the browser's .wasm; x/crypto's BLAKE2b links none of it.
func (k Key) StudentSeed(assignmentID, student string) uint64 {
	m, err := blake2b.New256(k[:])
	if err != nil {
		panic(err) // a 32-byte key is always accepted
	}
	m.Write([]byte(assignmentID))
	m.Write([]byte{0})
	m.Write([]byte(NormalizeName(student)))
	return binary.BigEndian.Uint64(m.Sum(nil))
}

// ClassSeed is the seed of a student who typed their name into a class
// link: derived from the assignment and the name alone (no key), so that
// the same name gets the same variant on any device.
func ClassSeed(assignmentID, student string) uint64 {
	sum := blake2b.Sum256([]byte(assignmentID + "\x00" + NormalizeName(student)))
	return binary.BigEndian.Uint64(sum[:8])
}

// NormalizeName is how names are compared: lower case, inner spaces
// collapsed, outer spaces dropped.
func NormalizeName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}
