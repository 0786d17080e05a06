// Package web packs the browser build of Async With Lab into a directory
// that any static host can serve: the page (index.html), Go's WebAssembly
// loader (wasm_exec.js), the app compiled to WebAssembly (app.wasm) and two
// precompressed copies of it, app.wasm.gz (gzip -9) and app.wasm.br
// (brotli quality 11), for servers that pick a precompressed sibling by the
// request's Accept-Encoding, as cmd/serve does.
//
// cmd/dist is its command line; `make dist` builds the .wasm and runs it.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// WasmName is the name of the .wasm file that index.html loads.
const WasmName = "app.wasm"

// PageFiles are the files copied as they are from the repository root.
var PageFiles = []string{"index.html", "wasm_exec.js", "manifest.webmanifest"}

// ServiceWorker is the service worker's file in the root and on the site;
// Pack writes the version and the list of files into it.
const ServiceWorker = "sw.js"

// IconSizes are the sizes of the icons Pack draws (icon-SIZE.png), as the
// manifest lists them.
var IconSizes = []int{192, 512}

// Options tell Pack where its inputs are and where to write.
type Options struct {
	// Root is the directory that holds index.html and wasm_exec.js.
	Root string
	// Wasm is the app compiled with GOOS=js GOARCH=wasm. It may already
	// be Out/app.wasm, in which case it is left where it is.
	Wasm string
	// Out is the output directory; it is created when missing.
	Out string
	// CacheDir, when set, keeps the compressed copies of each .wasm under
	// the SHA-256 of its content, so packing an unchanged app again (Go
	// rewrites the .wasm on every build) skips brotli's quality 11, which
	// takes a minute or more for a large module. The newest few entries
	// are kept.
	CacheDir string
	// Version names the build (version.Version): the offline cache is
	// named after it, so a new version replaces the old one. Empty: "dev".
	Version string
	// Quick skips the compressed copies (and removes stale ones): the
	// server of make serve gzips on the fly, so the page shows within
	// seconds of the build; make dist and make release make them.
	Quick bool
}

// Sizes are the byte counts of the .wasm as written into Out.
type Sizes struct {
	Raw, Gzip, Brotli int64
	// Cached tells that both compressed copies came from Options.CacheDir.
	Cached bool
}

// cacheKeep is how many files Options.CacheDir keeps: two per build.
const cacheKeep = 6

// Pack copies the page files and the .wasm into opts.Out and writes the
// .wasm's gzip and brotli siblings next to it. Every file is written to a
// temporary name first and renamed into place, so a server running on Out
// never serves half a file, and the compressed copies end up no older than
// the .wasm they were made from.
func Pack(opts Options) (Sizes, error) {
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return Sizes{}, err
	}
	for _, name := range PageFiles {
		data, err := os.ReadFile(filepath.Join(opts.Root, name))
		if err != nil {
			return Sizes{}, err
		}
		if err := writeFile(filepath.Join(opts.Out, name), data); err != nil {
			return Sizes{}, err
		}
	}

	if err := writeOffline(opts); err != nil {
		return Sizes{}, err
	}

	wasm, err := os.ReadFile(opts.Wasm)
	if err != nil {
		return Sizes{}, err
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		return Sizes{}, fmt.Errorf("%s is not a WebAssembly module (build it with GOOS=js GOARCH=wasm)", opts.Wasm)
	}
	dst := filepath.Join(opts.Out, WasmName)
	if !sameFile(opts.Wasm, dst) {
		if err := writeFile(dst, wasm); err != nil {
			return Sizes{}, err
		}
	}

	if opts.Quick {
		for _, ext := range []string{".gz", ".br"} {
			if err := os.Remove(dst + ext); err != nil && !os.IsNotExist(err) {
				return Sizes{}, err
			}
		}
		return Sizes{Raw: int64(len(wasm))}, nil
	}

	// The two compressions are independent; brotli at quality 11 is by far
	// the slower, so they run side by side.
	sum := sha256.Sum256(wasm)
	key := hex.EncodeToString(sum[:])
	var gz, br []byte
	var gzHit, brHit bool
	var gzErr, brErr error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); gz, gzHit, gzErr = cached(opts.CacheDir, key+".gz9", wasm, Gzip) }()
	go func() { defer wg.Done(); br, brHit, brErr = cached(opts.CacheDir, key+".br11", wasm, Brotli) }()
	wg.Wait()
	if err := errors.Join(gzErr, brErr); err != nil {
		return Sizes{}, err
	}
	if opts.CacheDir != "" {
		pruneCache(opts.CacheDir, cacheKeep)
	}
	if err := writeFile(dst+".gz", gz); err != nil {
		return Sizes{}, err
	}
	if err := writeFile(dst+".br", br); err != nil {
		return Sizes{}, err
	}
	return Sizes{
		Raw:    int64(len(wasm)),
		Gzip:   int64(len(gz)),
		Brotli: int64(len(br)),
		Cached: gzHit && brHit,
	}, nil
}

// cached returns compress(data), read from dir/name when an earlier run
// left it there, and otherwise computed and, when dir is set, stored
// there. A cache that cannot be read or written is only skipped.
func cached(dir, name string, data []byte, compress func(io.Writer, []byte) error) (out []byte, hit bool, err error) {
	if dir != "" {
		if out, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(out) > 0 {
			now := time.Now()
			os.Chtimes(filepath.Join(dir, name), now, now) // most recently used
			return out, true, nil
		}
	}
	var b bytes.Buffer
	if err := compress(&b, data); err != nil {
		return nil, false, err
	}
	if dir != "" && os.MkdirAll(dir, 0o755) == nil {
		writeFile(filepath.Join(dir, name), b.Bytes())
	}
	return b.Bytes(), false, nil
}

// pruneCache removes all but the keep most recently used files of dir.
func pruneCache(dir string, keep int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		name string
		mod  time.Time
	}
	var files []file
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			files = append(files, file{e.Name(), info.ModTime()})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].mod.After(files[j].mod) })
	for i := keep; i < len(files); i++ {
		os.Remove(filepath.Join(dir, files[i].name))
	}
}

// Gzip writes data to w compressed with gzip at its best compression (-9).
func Gzip(w io.Writer, data []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Close()
}

// Brotli writes data to w compressed with brotli at quality 11, the best.
func Brotli(w io.Writer, data []byte) error {
	bw := brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: brotli.BestCompression})
	if _, err := bw.Write(data); err != nil {
		return err
	}
	return bw.Close()
}

// writeFile writes data to a temporary file beside name and renames it to
// name.
func writeFile(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(ai, bi)
}
