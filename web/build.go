package web

import (
	"os"
	"os/exec"
)

// noInline are the app's packages compiled without inlining in the
// browser build. Inlining copies a function's body into every caller;
// Go's WebAssembly code is verbose, so these copies cost 113 KB of the
// gzipped .wasm. None of these packages runs in the frame loop: the
// engine runs a scenario about a quarter slower (make bench-sim) and the
// simulator screen's frame work is unchanged (make bench-ui), because ui
// and sim/replay, which draw and caption every frame, keep inlining.
var noInline = []string{
	"asyncwithlab/sim", "asyncwithlab/sim/edit", "asyncwithlab/sim/predict",
	"asyncwithlab/sim/share", "asyncwithlab/sim/catalog", "asyncwithlab/sim/session",
	"asyncwithlab/sim/internal/jsonfield", "asyncwithlab/quiz", "asyncwithlab/homework",
	"asyncwithlab/i18n", "asyncwithlab/version",
}

// WasmBuild is the one go command that compiles a program for the
// browser (make wasm, dist and serve through cmd/dist, make release,
// make bench-web and the browser tests): GOOS=js GOARCH=wasm, -trimpath,
// no symbol tables, the given extra linker flags, and noInline. Other
// programs (bench-web's minimal one) build the same way; the -gcflags
// patterns name only this app's packages.
func WasmBuild(dir, pkg, out, ldflags string) *exec.Cmd {
	args := []string{"build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid= " + ldflags}
	for _, p := range noInline {
		args = append(args, "-gcflags="+p+"=-l")
	}
	args = append(args, "-o", out, pkg)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	return cmd
}
