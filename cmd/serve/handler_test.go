package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// site is the directory the tests serve, with a secret beside it that no
// request may read.
type site struct {
	dir    string
	files  map[string][]byte // by slash path under dir
	secret []byte
}

func newSite(t *testing.T) *site {
	t.Helper()
	parent := t.TempDir()
	s := &site{dir: filepath.Join(parent, "dist"), files: map[string][]byte{}}
	text := func(prefix string, n int) []byte {
		return []byte(prefix + strings.Repeat("async with lab ", n))
	}
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("wasm body "), 400)...)
	files := map[string][]byte{
		"index.html":      text("<!doctype html><title>lab</title>", 40),
		"wasm_exec.js":    text("\"use strict\";", 40),
		"quiz/bank.md":    text("# Quiz\n", 40),
		"data.json":       text(`{"a": "`, 40),
		"app.wasm":        wasm,
		"app.wasm.br":     bytes.Repeat([]byte("pretend brotli "), 1000), // > net/http's buffer
		"app.wasm.gz":     []byte("pretend gzip"),
		"small.txt":       []byte("tiny"),
		"image.png":       append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 600)...),
		"unknown.zzq":     text("plain words ", 40),
		"sub/index.html":  text("<!doctype html><title>sub</title>", 40),
		"stale.js":        text("let rebuilt = true;", 40),
		"stale.js.br":     []byte("old brotli"),
		".hidden":         []byte("hidden"),
		"only.css.gz":     []byte("orphan sibling"),
		"styles/site.css": text("body{margin:0}", 40),
	}
	for name, data := range files {
		p := filepath.Join(s.dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
		s.files[name] = data
	}
	// The siblings are at least as new as their files, except stale.js.br,
	// left over from an earlier build.
	base := time.Now().Add(-time.Hour)
	for name := range files {
		require.NoError(t, os.Chtimes(filepath.Join(s.dir, filepath.FromSlash(name)), base, base))
	}
	old := base.Add(-time.Minute)
	require.NoError(t, os.Chtimes(filepath.Join(s.dir, "stale.js.br"), old, old))

	s.secret = []byte("the secret outside the served directory")
	require.NoError(t, os.WriteFile(filepath.Join(parent, "secret.txt"), s.secret, 0o644))
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(s.dir, "link.txt")); err != nil {
		t.Logf("no symbolic link: %v", err)
	}
	return s
}

// serve starts a server on 127.0.0.1 for the site.
func (s *site) serve(t *testing.T) *httptest.Server {
	t.Helper()
	h, err := NewHandler(s.dir)
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// get sends a request with the given Accept-Encoding ("" sends none) and
// returns the response with its body read, not decoded.
func get(t *testing.T, srv *httptest.Server, method, path, acceptEncoding string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	require.NoError(t, err)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	// No transparent gzip, no following redirects: the test sees what the
	// server sent.
	client := &http.Client{
		Transport: &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out
}

func TestContentTypes(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	tests := []struct {
		path, want string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/wasm_exec.js", "text/javascript; charset=utf-8"},
		{"/app.wasm", "application/wasm"},
		{"/quiz/bank.md", "text/markdown; charset=utf-8"},
		{"/data.json", "application/json"},
		{"/small.txt", "text/plain; charset=utf-8"},
		{"/image.png", "image/png"},
		{"/styles/site.css", "text/css; charset=utf-8"},
		{"/unknown.zzq", "text/plain; charset=utf-8"}, // sniffed
		{"/sub/", "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			for _, ae := range []string{"", "gzip, deflate, br"} {
				resp, _ := get(t, srv, http.MethodGet, tt.path, ae)
				assert.Equal(t, http.StatusOK, resp.StatusCode, "Accept-Encoding %q", ae)
				assert.Equal(t, tt.want, resp.Header.Get("Content-Type"), "Accept-Encoding %q", ae)
				assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	tests := []struct {
		name           string
		path           string
		acceptEncoding string
		wantEncoding   string // the Content-Encoding
		wantBody       []byte // the body as sent; nil: the gzip of the file
	}{
		{"wasm no Accept-Encoding", "/app.wasm", "", "", s.files["app.wasm"]},
		{"wasm identity", "/app.wasm", "identity", "", s.files["app.wasm"]},
		{"wasm gzip sibling", "/app.wasm", "gzip", "gzip", s.files["app.wasm.gz"]},
		{"wasm x-gzip sibling", "/app.wasm", "x-gzip", "gzip", s.files["app.wasm.gz"]},
		{"wasm br sibling", "/app.wasm", "br", "br", s.files["app.wasm.br"]},
		{"wasm br preferred", "/app.wasm", "gzip, deflate, br, zstd", "br", s.files["app.wasm.br"]},
		{"wasm br refused", "/app.wasm", "br;q=0, gzip", "gzip", s.files["app.wasm.gz"]},
		{"wasm both refused", "/app.wasm", "br;q=0, gzip;q=0", "", s.files["app.wasm"]},
		{"wasm any", "/app.wasm", "*", "br", s.files["app.wasm.br"]},
		{"wasm any but br", "/app.wasm", "*, br;q=0", "gzip", s.files["app.wasm.gz"]},
		{"wasm upper case", "/app.wasm", "GZIP", "gzip", s.files["app.wasm.gz"]},
		{"wasm deflate only", "/app.wasm", "deflate", "", s.files["app.wasm"]},
		{"html gzip on the fly", "/index.html", "gzip", "gzip", nil},
		{"html br only: as it is", "/index.html", "br", "", s.files["index.html"]},
		{"html no Accept-Encoding", "/index.html", "", "", s.files["index.html"]},
		{"markdown gzip on the fly", "/quiz/bank.md", "gzip, br", "gzip", nil},
		{"json gzip on the fly", "/data.json", "gzip", "gzip", nil},
		{"js gzip on the fly", "/wasm_exec.js", "gzip", "gzip", nil},
		{"stale sibling skipped", "/stale.js", "br, gzip", "gzip", nil},
		{"tiny file as it is", "/small.txt", "gzip", "", s.files["small.txt"]},
		{"png as it is", "/image.png", "gzip, br", "", s.files["image.png"]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := s.files[strings.TrimPrefix(tt.path, "/")]
			resp, body := get(t, srv, http.MethodGet, tt.path, tt.acceptEncoding)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, tt.wantEncoding, resp.Header.Get("Content-Encoding"))
			assert.Contains(t, resp.Header.Values("Vary"), "Accept-Encoding")
			assert.Equal(t, strconv.Itoa(len(file)), resp.Header.Get("X-Content-Length"))
			assert.Equal(t, strconv.Itoa(len(body)), resp.Header.Get("Content-Length"))
			assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
			if tt.wantBody != nil {
				assert.Equal(t, tt.wantBody, body)
			} else {
				assert.Less(t, len(body), len(file))
				assert.Equal(t, file, gunzip(t, body))
			}
		})
	}
}

func TestGzipCacheFollowsChanges(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	_, body := get(t, srv, http.MethodGet, "/wasm_exec.js", "gzip")
	assert.Equal(t, s.files["wasm_exec.js"], gunzip(t, body))

	rebuilt := []byte(strings.Repeat("// rebuilt\n", 100))
	p := filepath.Join(s.dir, "wasm_exec.js")
	require.NoError(t, os.WriteFile(p, rebuilt, 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(p, later, later))
	resp, body := get(t, srv, http.MethodGet, "/wasm_exec.js", "gzip")
	assert.Equal(t, rebuilt, gunzip(t, body))
	assert.Equal(t, strconv.Itoa(len(rebuilt)), resp.Header.Get("X-Content-Length"))
}

func TestRange(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	resp, body := get(t, srv, http.MethodGet, "/app.wasm", "br", "Range", "bytes=0-9")
	assert.Equal(t, http.StatusPartialContent, resp.StatusCode)
	assert.Equal(t, "br", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, "10", resp.Header.Get("Content-Length"))
	assert.Equal(t, s.files["app.wasm.br"][:10], body)
}

func TestRevalidation(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	for _, ae := range []string{"", "gzip", "br"} {
		resp, _ := get(t, srv, http.MethodGet, "/app.wasm", ae)
		tag := resp.Header.Get("ETag")
		require.NotEmpty(t, tag)
		resp, body := get(t, srv, http.MethodGet, "/app.wasm", ae, "If-None-Match", tag)
		assert.Equal(t, http.StatusNotModified, resp.StatusCode, "Accept-Encoding %q", ae)
		assert.Empty(t, body)
	}
	gz, _ := get(t, srv, http.MethodGet, "/app.wasm", "gzip")
	br, _ := get(t, srv, http.MethodGet, "/app.wasm", "br")
	assert.NotEqual(t, gz.Header.Get("ETag"), br.Header.Get("ETag"), "each coding has its own ETag")
}

func TestHead(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	resp, body := get(t, srv, http.MethodHead, "/app.wasm", "br")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, body)
	assert.Equal(t, "br", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, int64(len(s.files["app.wasm.br"])), resp.ContentLength)
	assert.Equal(t, strconv.Itoa(len(s.files["app.wasm"])), resp.Header.Get("X-Content-Length"))
}

func TestRefused(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	tests := []struct {
		name, method, path string
		want               int
	}{
		{"missing file", http.MethodGet, "/missing.js", http.StatusNotFound},
		{"missing directory", http.MethodGet, "/nowhere/index.html", http.StatusNotFound},
		{"sibling of a missing file", http.MethodGet, "/only.css", http.StatusNotFound},
		{"hidden file", http.MethodGet, "/.hidden", http.StatusNotFound},
		{"directory without index", http.MethodGet, "/quiz/", http.StatusNotFound},
		{"dot dot", http.MethodGet, "/../secret.txt", http.StatusBadRequest},
		{"dot dot inside", http.MethodGet, "/sub/../../secret.txt", http.StatusBadRequest},
		{"escaped dot dot", http.MethodGet, "/%2e%2e/secret.txt", http.StatusBadRequest},
		{"escaped slash", http.MethodGet, "/..%2fsecret.txt", http.StatusBadRequest},
		{"backslash", http.MethodGet, "/..%5csecret.txt", http.StatusBadRequest},
		{"symbolic link out", http.MethodGet, "/link.txt", http.StatusNotFound},
		{"post", http.MethodPost, "/index.html", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ae := range []string{"", "gzip, br"} {
				resp, body := get(t, srv, tt.method, tt.path, ae)
				assert.Equal(t, tt.want, resp.StatusCode, "Accept-Encoding %q", ae)
				assert.NotContains(t, string(body), string(s.secret))
				assert.Empty(t, resp.Header.Get("Content-Encoding"))
				assert.Empty(t, resp.Header.Get("X-Content-Length"))
			}
		})
	}
}

func TestDirectoryRedirect(t *testing.T) {
	s := newSite(t)
	srv := s.serve(t)
	resp, _ := get(t, srv, http.MethodGet, "/sub?lang=pt", "")
	assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
	assert.Equal(t, "/sub/?lang=pt", resp.Header.Get("Location"))

	resp, body := get(t, srv, http.MethodGet, "/sub/?lang=pt", "")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, s.files["sub/index.html"], body)
}

func TestRecorderPaths(t *testing.T) {
	// Paths that a client library would clean before sending.
	s := newSite(t)
	h, err := NewHandler(s.dir)
	require.NoError(t, err)
	defer h.Close()
	tests := []struct {
		path string
		want int
	}{
		{"..", http.StatusBadRequest},
		{"../secret.txt", http.StatusBadRequest},
		{"/a/b/../../../secret.txt", http.StatusBadRequest},
		{"index.html", http.StatusOK},
		{"//index.html", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.URL.Path = tt.path
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			assert.Equal(t, tt.want, w.Code)
			assert.NotContains(t, w.Body.String(), string(s.secret))
		})
	}
}

func TestAcceptEncoding(t *testing.T) {
	tests := []struct {
		header      string
		gzip, brotl bool
	}{
		{"", false, false},
		{"gzip", true, false},
		{"gzip, deflate, br, zstd", true, true},
		{"br;q=1.0, gzip;q=0.8", true, true},
		{"gzip;q=0", false, false},
		{"gzip; q=0.000", false, false},
		{"*", true, true},
		{"*;q=0", false, false},
		{"*, gzip;q=0", false, true},
		{"identity", false, false},
		{" BR ,X-GZIP ", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			a := parseAcceptEncoding(tt.header)
			assert.Equal(t, tt.gzip, a.allows("gzip"), "gzip")
			assert.Equal(t, tt.brotl, a.allows("br"), "br")
		})
	}
}

func TestURL(t *testing.T) {
	tests := []struct {
		addr   string
		actual net.Addr
		want   string
	}{
		{"localhost:8080", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://localhost:8080"},
		{"127.0.0.1:0", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 41234}, "http://127.0.0.1:41234"},
		{":8080", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "http://localhost:8080"},
		{"0.0.0.0:9000", &net.TCPAddr{IP: net.IPv4zero, Port: 9000}, "http://localhost:9000"},
		{"[::1]:8080", &net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, "http://[::1]:8080"},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			assert.Equal(t, tt.want, URL(tt.addr, tt.actual))
		})
	}
}
