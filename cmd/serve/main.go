// Command serve is a small static file server for the browser build of
// Async With Lab, standard library only. It serves a directory (by default
// dist, which `make dist` fills) with the right MIME types (application/wasm
// for .wasm, text/markdown for quiz files), a precompressed NAME.br or
// NAME.gz when the browser accepts it, gzip on the fly otherwise,
// X-Content-Length (the uncompressed size, for the page's progress bar) and
// Cache-Control: no-cache, so a rebuilt app.wasm is picked up on reload.
//
// Usage:
//
//	go run ./cmd/serve [-dir dist] [-addr localhost:8080]
//
// `make serve` builds dist and runs it. It stops on Ctrl-C.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("serve: ")
	dir := flag.String("dir", "dist", "the directory to serve")
	addr := flag.String("addr", "localhost:8080", "the address to listen on (host:port; port 0 picks a free one)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: serve [-dir DIR] [-addr HOST:PORT]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}

	if info, err := os.Stat(*dir); err != nil || !info.IsDir() {
		log.Fatalf("%s is not a directory (run `make dist` to build it)", *dir)
	}
	h, err := NewHandler(*dir)
	if err != nil {
		log.Fatal(err)
	}
	defer h.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// Without the prefix: the one line reads "serving dist on http://...".
	fmt.Fprintf(os.Stderr, "serving %s on %s\n", *dir, URL(*addr, ln.Addr()))

	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// URL is the address to open in a browser for a server asked to listen on
// addr that listens on actual: the host as given (localhost when empty or
// unspecified, so the link works) and the port it really got, which
// differs when addr's port is 0.
func URL(addr string, actual net.Addr) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = ""
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	port := ""
	if tcp, ok := actual.(*net.TCPAddr); ok {
		port = fmt.Sprint(tcp.Port)
	} else if _, p, err := net.SplitHostPort(actual.String()); err == nil {
		port = p
	}
	return "http://" + net.JoinHostPort(host, port)
}
