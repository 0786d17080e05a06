package sim

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Preset is a named, ready-made scenario.
type Preset struct {
	Name     string
	Scenario *Scenario
}

// LoadPresets reads every *.json file of fsys's presets folder as a
// scenario named after the file. Document examples (doc*) come first.
func LoadPresets(fsys fs.FS) ([]Preset, error) {
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
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		sc, err := Decode(data)
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

// FindPreset returns the preset with the given name.
func FindPreset(presets []Preset, name string) (Preset, bool) {
	for _, p := range presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}
