// Command release builds every download of Async With Lab from one Linux
// machine, with no C compiler (Ebitengine 2.10 needs no cgo):
//
//	asyncwithlab-VERSION-windows-amd64.exe   no console window
//	asyncwithlab-VERSION-windows-arm64.exe
//	asyncwithlab-VERSION-macos-arm64.zip     Async With Lab.app, unsigned
//	asyncwithlab-VERSION-macos-amd64.zip
//	asyncwithlab-VERSION-linux-amd64.tar.gz
//	asyncwithlab-VERSION-linux-arm64.tar.gz
//	asyncwithlab-VERSION-web.zip             the site, for any static host or itch.io
//	SHA256SUMS
//
// The builds are reproducible: the same commit gives the same bytes (Go
// with -trimpath and no build ID; archives with sorted entries, fixed
// modes and the commit's time). make release runs it; make release-check
// runs it twice and compares.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"asyncwithlab/web"
)

// target is one desktop build.
type target struct{ goos, goarch, name string }

var targets = []target{
	{"windows", "amd64", "windows-amd64"},
	{"windows", "arm64", "windows-arm64"},
	{"darwin", "arm64", "macos-arm64"},
	{"darwin", "amd64", "macos-amd64"},
	{"linux", "amd64", "linux-amd64"},
	{"linux", "arm64", "linux-arm64"},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("release: ")
	out := flag.String("out", filepath.Join("dist", "release"), "where the downloads are written")
	version := flag.String("version", "", "the version stamped in every build (required; make release gives git describe's)")
	epoch := flag.Int64("time", 0, "the archives' file time, in Unix seconds (make release gives the commit's; 0: SOURCE_DATE_EPOCH, or 2026-01-01)")
	flag.Parse()
	if *version == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if *epoch == 0 {
		if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				log.Fatalf("SOURCE_DATE_EPOCH=%q: expected Unix seconds", s)
			}
			*epoch = n
		}
	}
	if *epoch != 0 {
		stamp = time.Unix(*epoch, 0).UTC()
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "asyncwithlab-release-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	base := "asyncwithlab-" + *version + "-"
	var made []string
	for _, t := range targets {
		start := time.Now()
		bin := filepath.Join(tmp, t.name)
		ldflags := "-s -w -buildid= -X asyncwithlab/version.Version=" + *version
		if t.goos == "windows" {
			ldflags += " -H=windowsgui" // no console window behind the app's
		}
		build := func() error { return goBuild(t.goos, t.goarch, ldflags, bin) }
		if t.goos == "windows" {
			err = withWindowsResources(*version, t.goarch, build)
		} else {
			err = build()
		}
		if err != nil {
			log.Fatal(err)
		}
		exe, err := os.ReadFile(bin)
		if err != nil {
			log.Fatal(err)
		}
		var name string
		var data []byte
		switch t.goos {
		case "windows":
			name, data = base+t.name+".exe", exe
		case "darwin":
			app := "Async With Lab.app/Contents/"
			name = base + t.name + ".zip"
			data, err = zipFiles([]file{
				{name: app + "Info.plist", data: infoPlist(*version)},
				{name: app + "MacOS/AsyncWithLab", data: exe, exec: true},
				{name: app + "Resources/AsyncWithLab.icns", data: icns()},
			}, stamp)
		default:
			name = base + t.name + ".tar.gz"
			data, err = tarGz([]file{{name: "asyncwithlab-" + *version + "/asyncwithlab", data: exe, exec: true}}, stamp)
		}
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
		made = append(made, name)
		fmt.Printf("%-46s %10d bytes  %.0fs\n", name, len(data), time.Since(start).Seconds())
	}

	// The web site, with index.html at the zip's root (as itch.io wants).
	start := time.Now()
	site := filepath.Join(tmp, "site")
	wasm := filepath.Join(tmp, web.WasmName)
	if out, err := web.WasmBuild(".", ".", wasm, "-X asyncwithlab/version.Version="+*version).CombinedOutput(); err != nil {
		log.Fatalf("building for the browser: %v\n%s", err, out)
	}
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "asyncwithlab", "dist")
	}
	if _, err := web.Pack(web.Options{Root: ".", Wasm: wasm, Out: site, CacheDir: cache, Version: *version}); err != nil {
		log.Fatal(err)
	}
	files, err := siteFiles(site, "")
	if err != nil {
		log.Fatal(err)
	}
	for i := range files {
		files[i].name = strings.TrimPrefix(files[i].name, "/")
	}
	data, err := zipFiles(files, stamp)
	if err != nil {
		log.Fatal(err)
	}
	name := base + "web.zip"
	if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
		log.Fatal(err)
	}
	made = append(made, name)
	fmt.Printf("%-46s %10d bytes  %.0fs\n", name, len(data), time.Since(start).Seconds())

	if err := writeSums(*out, made); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d downloads and SHA256SUMS\n", *out, len(made))
}

// goBuild builds the desktop app for a platform, pure Go and
// reproducible (the browser build is web.WasmBuild).
func goBuild(goos, goarch, ldflags, out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags="+ldflags, "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building for %s/%s: %v", goos, goarch, err)
	}
	return nil
}

// writeSums writes SHA256SUMS in sha256sum's format, sorted by name.
func writeSums(dir string, names []string) error {
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(b.String()), 0o644)
}
