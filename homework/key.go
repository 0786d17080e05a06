package homework

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
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
	if _, err := rand.Read(k[:]); err != nil {
		return k, fmt.Errorf("making a teacher key: %w", err)
	}
	return k, nil
}

// NewID makes a random assignment ID (16 hexadecimal digits).
func NewID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
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

// StudentSeed is the seed of a student's variant: an HMAC of the
// assignment's ID and the student's name under the key. Names are
// compared as a teacher would: case, spacing and surrounding spaces do
// not matter.
func (k Key) StudentSeed(assignmentID, student string) uint64 {
	m := hmac.New(sha256.New, k[:])
	m.Write([]byte(assignmentID))
	m.Write([]byte{0})
	m.Write([]byte(NormalizeName(student)))
	return binary.BigEndian.Uint64(m.Sum(nil))
}

// ClassSeed is the seed of a student who typed their name into a class
// link: derived from the assignment and the name alone (no key), so that
// the same name gets the same variant on any device.
func ClassSeed(assignmentID, student string) uint64 {
	sum := sha256.Sum256([]byte(assignmentID + "\x00" + NormalizeName(student)))
	return binary.BigEndian.Uint64(sum[:8])
}

// NormalizeName is how names are compared: lower case, inner spaces
// collapsed, outer spaces dropped.
func NormalizeName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}
