package catalog

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"asyncwithlab/sim"
)

// Preset is a named, ready-made scenario.
type Preset struct {
	Name     string
	Scenario *sim.Scenario
}

// File is where the catalogue lives in the presets file system. It sits
// beside the scenarios, so readPresets skips it by name.
const File = "presets/catalog.json"

// readPresets reads every *.json file of fsys's presets folder (except
// the catalogue) as a scenario named after the file. Document examples
// (doc*) come first.
func readPresets(fsys fs.FS) ([]Preset, error) {
	names, err := fs.Glob(fsys, "presets/*.json")
	if err != nil {
		return nil, err
	}
	sort.Slice(names, func(i, j int) bool {
		di, dj := strings.HasPrefix(path.Base(names[i]), "doc"), strings.HasPrefix(path.Base(names[j]), "doc")
		if di != dj {
			return di
		}
		return names[i] < names[j]
	})
	var out []Preset
	var errs []string
	for _, n := range names {
		if n == File {
			continue
		}
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		sc, err := sim.Decode(data)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", n, strings.ReplaceAll(err.Error(), "\n", "\n"+n+": ")))
			continue
		}
		out = append(out, Preset{Name: strings.TrimSuffix(path.Base(n), ".json"), Scenario: sc})
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return out, nil
}
