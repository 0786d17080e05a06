// Command gen writes the app's fonts: golang.org/x/image's Go Regular, Go
// Bold and Go Mono without their hinting (see package fontstrip), into the
// folder given by -out. `go generate ./assets` runs it.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"asyncwithlab/internal/fontstrip"
)

func main() {
	out := flag.String("out", "fonts", "the folder to write the fonts into")
	flag.Parse()
	for _, f := range fontstrip.GoFonts {
		stripped, err := fontstrip.Strip(f.TTF)
		if err != nil {
			log.Fatalf("%s: %v", f.File, err)
		}
		if err := os.WriteFile(filepath.Join(*out, f.File), stripped, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
