package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentTypes are the types this server gives by file extension, so that
// they do not depend on the machine's mime.types. Other extensions go to
// mime.TypeByExtension and then to content sniffing.
var contentTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".gif":   "image/gif",
	".htm":   "text/html; charset=utf-8",
	".html":  "text/html; charset=utf-8",
	".ico":   "image/x-icon",
	".jpeg":  "image/jpeg",
	".jpg":   "image/jpeg",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".md":    "text/markdown; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".png":   "image/png",
	".svg":   "image/svg+xml",
	".ttf":   "font/ttf",
	".txt":   "text/plain; charset=utf-8",
	".wasm":  "application/wasm",
	".webp":  "image/webp",
	".woff2": "font/woff2",
	".xml":   "application/xml",
}

// precompressed are the sibling files looked for next to a requested file,
// best first: NAME.br is served as NAME with Content-Encoding br.
var precompressed = []struct{ ext, encoding string }{
	{".br", "br"},
	{".gz", "gzip"},
}

// minGzipSize is the size below which a file is sent as it is: gzip's own
// header and trailer would eat most of the saving.
const minGzipSize = 256

// Handler serves the files under one directory. GET and HEAD only.
//
// For a request of NAME it serves, in this order, NAME.br or NAME.gz when
// the request's Accept-Encoding allows that encoding and the sibling is
// not older than NAME; NAME gzip-compressed on the fly (and remembered
// until NAME changes) when its type compresses well, it is not tiny and
// gzip is accepted; or NAME as it is. Every response of a file carries
// NAME's Content-Type, Vary: Accept-Encoding, Cache-Control: no-cache (so
// a rebuilt app.wasm is fetched again, revalidated by ETag and
// Last-Modified) and X-Content-Length, NAME's uncompressed size, which
// index.html uses to fill its progress bar when Content-Length is the
// compressed size.
//
// A directory is served by its index.html, never listed; hidden files
// (a path element starting with a dot) are not found. Paths with a ".."
// element are refused with 400, and files are opened through an os.Root,
// so neither a path nor a symbolic link reaches outside the directory.
type Handler struct {
	root *os.Root

	mu   sync.Mutex
	gzip map[string]gzipped // on-the-fly gzip results by cleaned path
}

// gzipped is one file compressed on the fly, valid while the file keeps
// its size and modification time.
type gzipped struct {
	size int64
	mod  time.Time
	data []byte
}

// NewHandler returns a Handler serving dir. The directory must exist.
func NewHandler(dir string) (*Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Handler{root: root, gzip: make(map[string]gzipped)}, nil
}

// Close releases the directory.
func (h *Handler) Close() error { return h.root.Close() }

// ServeHTTP serves one request; see Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	upath := r.URL.Path
	if !strings.HasPrefix(upath, "/") {
		upath = "/" + upath
	}
	if containsDotDot(upath) || strings.ContainsAny(upath, "\\\x00") {
		http.Error(w, "400 bad request: invalid path", http.StatusBadRequest)
		return
	}
	name := strings.TrimPrefix(path.Clean(upath), "/")
	if name == "" {
		name = "."
	}
	if hidden(name) {
		http.NotFound(w, r)
		return
	}

	f, info, err := h.open(name)
	if err != nil {
		h.fail(w, err)
		return
	}
	if info.IsDir() {
		f.Close()
		if !strings.HasSuffix(upath, "/") {
			// Relative links of the directory's index.html need the slash.
			target := path.Base(upath) + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		if f, info, err = h.open(name); err != nil {
			h.fail(w, err)
			return
		}
		if info.IsDir() {
			f.Close()
			http.NotFound(w, r)
			return
		}
	}
	defer f.Close()

	hdr := w.Header()
	ctype := contentType(name)
	if ctype == "" {
		var buf [512]byte
		n, _ := io.ReadFull(f, buf[:])
		ctype = http.DetectContentType(buf[:n])
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			h.fail(w, err)
			return
		}
	}
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Length", strconv.FormatInt(info.Size(), 10))
	hdr.Add("Vary", "Accept-Encoding")
	accept := parseAcceptEncoding(r.Header.Get("Accept-Encoding"))

	// A precompressed sibling.
	for _, p := range precompressed {
		if !accept.allows(p.encoding) {
			continue
		}
		sf, sinfo, err := h.open(name + p.ext)
		if err != nil {
			continue
		}
		if sinfo.IsDir() || sinfo.ModTime().Before(info.ModTime()) {
			// Older than the file: left over from an earlier build.
			sf.Close()
			continue
		}
		defer sf.Close()
		hdr.Set("Content-Encoding", p.encoding)
		hdr.Set("ETag", etag(sinfo, p.encoding))
		serveEncoded(w, r, name, sinfo.ModTime(), sf, sinfo.Size())
		return
	}

	// Gzip on the fly.
	if accept.allows("gzip") && compressible(ctype) && info.Size() >= minGzipSize {
		data, err := h.gzipped(name, f, info)
		if err != nil {
			h.fail(w, err)
			return
		}
		hdr.Set("Content-Encoding", "gzip")
		hdr.Set("ETag", etag(info, "gzip"))
		serveEncoded(w, r, name, info.ModTime(), bytes.NewReader(data), int64(len(data)))
		return
	}

	hdr.Set("ETag", etag(info, ""))
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// serveEncoded is http.ServeContent for a body sent with a
// Content-Encoding, which ServeContent sends without a Content-Length
// (unless it answers a range): the length of the encoded body is known
// here, so browsers and download tools see it. ServeContent replaces it
// for a range and drops it for 304 Not Modified and errors.
func serveEncoded(w http.ResponseWriter, r *http.Request, name string, mod time.Time, body io.ReadSeeker, size int64) {
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	http.ServeContent(w, r, name, mod, body)
}

// open opens name under the directory and stats it.
func (h *Handler) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// fail answers a request whose file could not be served.
func (h *Handler) fail(w http.ResponseWriter, err error) {
	// The headers set for the file do not belong to the error page.
	for _, k := range []string{"Content-Encoding", "ETag", "X-Content-Length", "Vary"} {
		w.Header().Del(k)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		http.Error(w, "404 page not found", http.StatusNotFound)
	case errors.Is(err, fs.ErrPermission):
		http.Error(w, "403 forbidden", http.StatusForbidden)
	default:
		// Among others, a symbolic link leading out of the directory.
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// gzipped returns the content of f, of the file name described by info,
// gzip-compressed, from the cache while the file is unchanged.
func (h *Handler) gzipped(name string, f io.Reader, info fs.FileInfo) ([]byte, error) {
	h.mu.Lock()
	c, ok := h.gzip[name]
	h.mu.Unlock()
	if ok && c.size == info.Size() && c.mod.Equal(info.ModTime()) {
		return c.data, nil
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := io.Copy(zw, f); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	h.mu.Lock()
	h.gzip[name] = gzipped{size: info.Size(), mod: info.ModTime(), data: b.Bytes()}
	h.mu.Unlock()
	return b.Bytes(), nil
}

// contentType is the Content-Type for a file name by its extension, or ""
// when it is unknown.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}

// compressible reports whether a body of the content type ctype shrinks
// with gzip: text, JSON, JavaScript, XML, SVG and WebAssembly do; images,
// fonts and archives are compressed already.
func compressible(ctype string) bool {
	t, _, _ := strings.Cut(ctype, ";")
	t = strings.TrimSpace(strings.ToLower(t))
	switch {
	case strings.HasPrefix(t, "text/"):
		return true
	case t == "application/wasm", t == "application/json", t == "application/javascript",
		t == "application/xml", t == "image/svg+xml", t == "image/x-icon":
		return true
	case strings.HasSuffix(t, "+json"), strings.HasSuffix(t, "+xml"):
		return true
	}
	return false
}

// etag is a strong validator for a file sent with the given content
// coding: the same file sent with another coding is other bytes.
func etag(info fs.FileInfo, encoding string) string {
	tag := fmt.Sprintf("%x-%x", info.ModTime().UnixNano(), info.Size())
	if encoding != "" {
		tag += "-" + encoding
	}
	return `"` + tag + `"`
}

// hidden reports whether a cleaned slash-separated path has an element
// starting with a dot, such as .git or the temporary files cmd/dist
// writes before renaming them into place.
func hidden(name string) bool {
	for _, elem := range strings.Split(name, "/") {
		if elem != "." && strings.HasPrefix(elem, ".") {
			return true
		}
	}
	return false
}

// containsDotDot reports whether a slash-separated path has a ".."
// element.
func containsDotDot(p string) bool {
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			return true
		}
	}
	return false
}

// acceptEncoding is a parsed Accept-Encoding header: coding → quality.
type acceptEncoding map[string]float64

// parseAcceptEncoding reads an Accept-Encoding header such as
// "gzip, deflate, br;q=0.5". Codings are case-insensitive; a missing q is 1.
func parseAcceptEncoding(header string) acceptEncoding {
	a := acceptEncoding{}
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		q := 1.0
		for _, param := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(param), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		a[coding] = q
	}
	return a
}

// allows reports whether the coding may be sent: it is listed with a
// non-zero quality, or it is not listed and "*" is, with a non-zero
// quality. "x-gzip" counts as "gzip".
func (a acceptEncoding) allows(coding string) bool {
	if q, ok := a[coding]; ok {
		return q > 0
	}
	if coding == "gzip" {
		if q, ok := a["x-gzip"]; ok {
			return q > 0
		}
	}
	if q, ok := a["*"]; ok {
		return q > 0
	}
	return false
}
