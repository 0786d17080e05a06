//go:build !js

package homework

import "crypto/rand"

// randomBytes fills b from the system's secure random source.
func randomBytes(b []byte) error {
	_, err := rand.Read(b)
	return err
}
