package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"image/png"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var stamp = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

func someFiles() []file {
	return []file{
		{name: "b/prog", data: []byte("\x7fELF program"), exec: true},
		{name: "a/readme.txt", data: []byte("hello")},
	}
}

// TestArchivesAreReproducible: the same files give the same bytes, in
// whatever order they come and whenever they are packed; programs keep
// their executable mode.
func TestArchivesAreReproducible(t *testing.T) {
	for name, pack := range map[string]func([]file, time.Time) ([]byte, error){"zip": zipFiles, "tar.gz": tarGz} {
		t.Run(name, func(t *testing.T) {
			one, err := pack(someFiles(), stamp)
			require.NoError(t, err)
			files := someFiles()
			files[0], files[1] = files[1], files[0]
			two, err := pack(files, stamp)
			require.NoError(t, err)
			assert.Equal(t, one, two)
		})
	}

	z, err := zipFiles(someFiles(), stamp)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	require.NoError(t, err)
	require.Len(t, zr.File, 2)
	assert.Equal(t, "a/readme.txt", zr.File[0].Name, "sorted")
	assert.Equal(t, 0o644, int(zr.File[0].Mode().Perm()))
	assert.Equal(t, 0o755, int(zr.File[1].Mode().Perm()), "the program runs once unzipped")
	assert.True(t, zr.File[1].Modified.Equal(stamp))

	tg, err := tarGz(someFiles(), stamp)
	require.NoError(t, err)
	gz, err := gzip.NewReader(bytes.NewReader(tg))
	require.NoError(t, err)
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		names = append(names, h.Name)
		if h.Name == "b/prog" {
			assert.Equal(t, int64(0o755), h.Mode)
		}
		assert.True(t, h.ModTime.Equal(stamp))
	}
	assert.Equal(t, []string{"a/readme.txt", "b/prog"}, names)
}

// TestIcns: the macOS icon file is "icns", its length, then PNG entries
// of the sizes their types say.
func TestIcns(t *testing.T) {
	data := icns()
	require.Equal(t, "icns", string(data[:4]))
	assert.Equal(t, uint32(len(data)), binary.BigEndian.Uint32(data[4:8]))
	sizes := map[string]int{"ic07": 128, "ic08": 256, "ic09": 512}
	for p := 8; p < len(data); {
		typ, n := string(data[p:p+4]), int(binary.BigEndian.Uint32(data[p+4:p+8]))
		img, err := png.Decode(bytes.NewReader(data[p+8 : p+n]))
		require.NoError(t, err, typ)
		assert.Equal(t, sizes[typ], img.Bounds().Dx(), typ)
		delete(sizes, typ)
		p += n
	}
	assert.Empty(t, sizes, "every size is there")
	assert.Equal(t, data, icns(), "the same bytes every time")
	assert.Contains(t, string(infoPlist("v1.2.3")), "<key>CFBundleShortVersionString</key><string>v1.2.3</string>")
}
