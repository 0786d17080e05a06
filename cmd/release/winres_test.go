package main

import (
	"bytes"
	"debug/pe"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestWindowsResources: the object the linker takes is a COFF file for the
// right machine, holding the icon and the version strings, and the same
// bytes every time (the downloads are reproducible).
func TestWindowsResources(t *testing.T) {
	for arch, machine := range map[string]uint16{"amd64": pe.IMAGE_FILE_MACHINE_AMD64, "arm64": pe.IMAGE_FILE_MACHINE_ARM64} {
		t.Run(arch, func(t *testing.T) {
			obj, err := windowsResources("v1.2.3", arch)
			require.NoError(t, err)
			again, err := windowsResources("v1.2.3", arch)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(obj, again), "the same input gives the same bytes")

			f, err := pe.NewFile(bytes.NewReader(obj))
			require.NoError(t, err)
			assert.Equal(t, machine, f.Machine)
			var rsrc []byte
			for _, s := range f.Sections {
				if s.Name == ".rsrc" {
					rsrc, err = s.Data()
					require.NoError(t, err)
				}
			}
			require.NotEmpty(t, rsrc, "a .rsrc section")
			assert.True(t, bytes.Contains(rsrc, utf16le("Async With Lab")), "the product name")
			assert.True(t, bytes.Contains(rsrc, utf16le("v1.2.3")), "the version")
			assert.True(t, bytes.Contains(rsrc, []byte("\x89PNG")), "the 256-pixel icon is stored as PNG")
		})
	}
	_, err := windowsResources("v1", "386")
	assert.Error(t, err)
}
