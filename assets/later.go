package assets

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// laterFS is the browser build's view of a folder of assets: the files
// embedded in the .wasm (first) and the files of Later under the same
// top folder, fetched on first read and kept. It is a whole fs.FS: a
// folder lists both kinds. A failed fetch is not kept, so a read after
// the network is back succeeds.
type laterFS struct {
	first fs.FS
	later map[string]bool
	fetch func(name string) ([]byte, error)

	mu  sync.Mutex
	got map[string][]byte
}

// newLaterFS joins first with the names of later under the folder top
// (a Later file of another folder is not this one's).
func newLaterFS(first fs.FS, top string, later []string, fetch func(string) ([]byte, error)) *laterFS {
	l := &laterFS{first: first, later: map[string]bool{}, fetch: fetch, got: map[string][]byte{}}
	for _, name := range later {
		if strings.HasPrefix(name, top+"/") {
			l.later[name] = true
		}
	}
	return l
}

// ReadFile reads an embedded file, or fetches a Later one (once).
func (l *laterFS) ReadFile(name string) ([]byte, error) {
	if !l.later[name] {
		return fs.ReadFile(l.first, name)
	}
	l.mu.Lock()
	data, ok := l.got[name]
	l.mu.Unlock()
	if ok {
		return bytes.Clone(data), nil // the caller may change its copy
	}
	// Fetched without the lock, so that files are fetched side by side
	// (two reads of one file at once may both fetch it; no harm).
	data, err := l.fetch(name)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	l.mu.Lock()
	l.got[name] = data
	l.mu.Unlock()
	return bytes.Clone(data), nil
}

// Open opens a file (a Later one is fetched) or a folder (listing both
// kinds).
func (l *laterFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if l.later[name] {
		data, err := l.ReadFile(name)
		if err != nil {
			return nil, err
		}
		return &memFile{info: fileInfo{name: path.Base(name), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
	}
	entries, err := l.ReadDir(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return l.first.Open(name) // a file, not a folder
	}
	return &dirFile{info: fileInfo{name: path.Base(name), dir: true}, entries: entries}, nil
}

// ReadDir lists a folder: its embedded entries and its Later files and
// folders, sorted by name.
func (l *laterFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(l.first, name)
	embedded := err == nil
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name()] = true
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	for later := range l.later {
		rest, ok := strings.CutPrefix(later, prefix)
		if !ok {
			continue
		}
		child, deeper, _ := strings.Cut(rest, "/")
		if seen[child] {
			continue
		}
		seen[child] = true
		entries = append(entries, laterEntry{fs: l, name: path.Join(name, child), dir: deeper != ""})
	}
	if !embedded && len(entries) == 0 {
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
		}
		return nil, err
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// laterEntry lists a Later file, or a folder holding only Later files.
type laterEntry struct {
	fs   *laterFS
	name string
	dir  bool
}

func (e laterEntry) Name() string { return path.Base(e.name) }
func (e laterEntry) IsDir() bool  { return e.dir }
func (e laterEntry) Type() fs.FileMode {
	if e.dir {
		return fs.ModeDir
	}
	return 0
}

// Info fetches a Later file to know its size (listing a folder fetches
// nothing; package i18n never asks).
func (e laterEntry) Info() (fs.FileInfo, error) {
	if e.dir {
		return fileInfo{name: e.Name(), dir: true}, nil
	}
	data, err := e.fs.ReadFile(e.name)
	if err != nil {
		return nil, err
	}
	return fileInfo{name: e.Name(), size: int64(len(data))}, nil
}

// fileInfo describes a Later file (its size is known once fetched) or a
// folder.
type fileInfo struct {
	name string
	size int64
	dir  bool
}

func (fi fileInfo) Name() string { return fi.name }
func (fi fileInfo) Size() int64  { return fi.size }
func (fi fileInfo) Mode() fs.FileMode {
	if fi.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (fi fileInfo) ModTime() time.Time { return time.Time{} }
func (fi fileInfo) IsDir() bool        { return fi.dir }
func (fi fileInfo) Sys() any           { return nil }

// memFile is an open Later file.
type memFile struct {
	info fileInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Close() error               { return nil }

// dirFile is an open folder, listing both kinds of entries.
type dirFile struct {
	info    fileInfo
	entries []fs.DirEntry
	off     int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}
func (d *dirFile) Close() error { return nil }

// ReadDir follows fs.ReadDirFile: n > 0 reads at most n entries and
// io.EOF at the end; n <= 0 reads the rest.
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.off += len(rest)
	return rest, nil
}
