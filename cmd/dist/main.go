// Command dist puts the browser build of Async With Lab together in one
// directory, ready for any static host: it copies index.html and
// wasm_exec.js from the repository root and the app's .wasm into the output
// directory, and writes app.wasm.gz (gzip -9) and app.wasm.br (brotli
// quality 11) beside app.wasm.
//
// `make dist` runs
//
//	go run ./cmd/dist -build -root . -wasm dist/app.wasm -out dist
//
// (-build compiles the .wasm first, with web.WasmBuild, the one browser
// build command; the other flags are their defaults). `make serve` serves
// the result with cmd/serve. -build-only compiles and stops (make wasm).
//
// Brotli at quality 11 takes a minute or more for a large module, so the
// compressed copies are kept in a cache (flag -cache, by default
// asyncwithlab/dist under the user's cache directory) under the SHA-256 of
// the .wasm: packing an unchanged app again is quick. -cache "" turns the
// cache off.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"asyncwithlab/web"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("dist: ")
	root := flag.String("root", ".", "the directory with index.html and wasm_exec.js")
	wasm := flag.String("wasm", filepath.Join("dist", web.WasmName), "the app built with GOOS=js GOARCH=wasm")
	out := flag.String("out", "dist", "the output directory")
	cache := flag.String("cache", defaultCache(), "where compressed copies of earlier builds are kept (\"\": nowhere)")
	ver := flag.String("version", "", "the build's version, naming the offline cache (make dist gives git describe's)")
	quick := flag.Bool("quick", false, "no compressed copies (a server that gzips on the fly, as make serve's, needs none)")
	build := flag.Bool("build", false, "compile the app to -wasm first")
	buildOnly := flag.Bool("build-only", false, "compile the app to -wasm and stop")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: dist [-build | -build-only] [-root DIR] [-wasm FILE] [-out DIR] [-cache DIR] [-quick] [-version V]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}

	start := time.Now()
	if *build || *buildOnly {
		ldflags := ""
		if *ver != "" {
			ldflags = "-X asyncwithlab/version.Version=" + *ver
		}
		if err := os.MkdirAll(filepath.Dir(*wasm), 0o755); err != nil {
			log.Fatal(err)
		}
		if out, err := web.WasmBuild(".", ".", *wasm, ldflags).CombinedOutput(); err != nil {
			log.Fatalf("building %s: %v\n%s", *wasm, err, out)
		}
		fmt.Printf("%s built in %.1fs\n", *wasm, time.Since(start).Seconds())
		if *buildOnly {
			return
		}
	}
	sizes, err := web.Pack(web.Options{Root: *root, Wasm: *wasm, Out: *out, CacheDir: *cache, Quick: *quick, Version: *ver})
	if err != nil {
		log.Fatal(err)
	}
	name := filepath.Join(*out, web.WasmName)
	fmt.Printf("%-22s %10d bytes\n", name, sizes.Raw)
	if *quick {
		fmt.Printf("%s ready in %.1fs (no compressed copies: the server gzips)\n", *out, time.Since(start).Seconds())
		return
	}
	fmt.Printf("%-22s %10d bytes (%.1f%%)\n", name+".gz", sizes.Gzip, percent(sizes.Gzip, sizes.Raw))
	fmt.Printf("%-22s %10d bytes (%.1f%%)\n", name+".br", sizes.Brotli, percent(sizes.Brotli, sizes.Raw))
	how := "compressed"
	if sizes.Cached {
		how = "compressed copies from " + *cache
	}
	fmt.Printf("%s ready in %.1fs (%s)\n", *out, time.Since(start).Seconds(), how)
}

// defaultCache is asyncwithlab/dist under the user's cache directory, or
// no cache when there is none.
func defaultCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "asyncwithlab", "dist")
}

func percent(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}
