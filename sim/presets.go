package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"asyncwithlab/sim/internal/jsonfield"
)

// Preset is a named, ready-made scenario.
type Preset struct {
	Name     string
	Scenario *Scenario
}

// CatalogFile is where the catalog lives in the presets file system. It
// sits beside the scenarios, so LoadPresets skips it by name.
const CatalogFile = "presets/catalog.json"

// LoadPresets reads every *.json file of fsys's presets folder (except the
// catalog) as a scenario named after the file. Document examples (doc*)
// come first.
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
		if n == CatalogFile {
			continue
		}
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

// Catalog is how the simulator screen offers the presets: topics in
// teaching order, each listing its presets with a button title and a hint
// of what to watch for. It is read from CatalogFile by LoadCatalog.
type Catalog struct {
	Topics []Topic
}

// Topic is one group of presets on the simulator screen.
type Topic struct {
	// ID is a short stable key (lower case, digits and dashes), for links
	// and saved state, which must survive a retitling.
	ID      string
	Title   Text
	Presets []CatalogEntry
}

// CatalogEntry presents one preset.
type CatalogEntry struct {
	// Name is the preset's file name without .json.
	Name string
	// Doc is the course document the example comes from ("000" to "004"),
	// so the screen can credit it; "" for the project's own showcases.
	Doc string
	// Title fits on a button: at most MaxPresetTitle characters.
	Title Text
	// Watch says, in a sentence or two, what to look at in the animation.
	Watch Text
}

// Text is a short text in each language the app speaks.
type Text struct {
	En, Pt string
}

// In returns the text for a language tag such as "en", "pt" or "pt-BR".
// Every language other than Portuguese gets English, the app's default.
func (t Text) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "pt") && t.Pt != "" {
		return t.Pt
	}
	return t.En
}

const (
	// MaxPresetTitle is the longest button title, in characters.
	MaxPresetTitle = 48
	// MaxWatchText is the longest "watch for" text, in characters: it must
	// fit under the animation without scrolling.
	MaxWatchText = 320
	// maxCatalogBytes bounds the catalog file, like MaxScenarioBytes.
	maxCatalogBytes = 1 << 20
)

// CourseDocs are the course documents a preset can be credited to.
var CourseDocs = []string{"000", "001", "002", "003", "004"}

// CatalogError lists every problem found in a catalog, each at the JSON
// path of the field (topics[2].presets[0].title.pt) or naming the preset.
type CatalogError struct {
	File   string // the catalog's path in the file system, CatalogFile
	Errors []FieldError
}

// Error is one "file: path: message" line per problem.
func (e *CatalogError) Error() string {
	lines := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		lines[i] = e.File + ": " + fe.Error()
	}
	return strings.Join(lines, "\n")
}

var topicID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// docName matches the presets that are a course document's own example:
// their name says which document, and the catalog must credit the same one.
var docName = regexp.MustCompile(`^doc([0-9]{3})-`)

// LoadCatalog reads CatalogFile from fsys and checks it against the
// presets (as LoadPresets returned them). It is strict, because a mistake
// here shows on screen: unknown fields, missing or empty texts, over-long
// titles, an entry naming no preset, a preset listed twice or in no topic
// are all reported at once, each at its place.
func LoadCatalog(fsys fs.FS, presets []Preset) (*Catalog, error) {
	data, err := fs.ReadFile(fsys, CatalogFile)
	if err != nil {
		return nil, fmt.Errorf("reading the preset catalog: %w", err)
	}
	fail := func(msg string) (*Catalog, error) {
		return nil, &CatalogError{CatalogFile, []FieldError{{Msg: msg}}}
	}
	if len(data) > maxCatalogBytes {
		return fail(fmt.Sprintf("catalog is %d bytes; the limit is %d", len(data), maxCatalogBytes))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return fail(jsonSyntaxMessage(data, err))
	}
	if dec.More() {
		return fail("unexpected data after the catalog object")
	}
	d := newDecoder()
	c := d.catalog(raw)
	checkCoverage(d, c, presets)
	if len(d.Errs) > 0 {
		return nil, &CatalogError{CatalogFile, d.Errs}
	}
	return c, nil
}

// Entry finds a preset's entry and the topic that lists it. A nil catalog
// (one that failed to load) lists nothing, so the screen can still show
// the preset under its scenario title.
func (c *Catalog) Entry(name string) (CatalogEntry, Topic, bool) {
	if c == nil {
		return CatalogEntry{}, Topic{}, false
	}
	for _, t := range c.Topics {
		for _, e := range t.Presets {
			if e.Name == name {
				return e, t, true
			}
		}
	}
	return CatalogEntry{}, Topic{}, false
}

func (d *decoder) catalog(v any) *Catalog {
	m := d.Object("", v, "topics")
	c := &Catalog{}
	if m == nil {
		return c
	}
	raw, ok := m["topics"]
	if !ok {
		d.Errorf("topics", "required field is missing")
		return c
	}
	topics := d.Array("topics", raw)
	if a, isArr := raw.([]any); isArr && len(a) == 0 {
		d.Errorf("topics", "expected at least one topic")
	}
	ids := map[string]string{}
	for i, tv := range topics {
		p := fmt.Sprintf("topics[%d]", i)
		t := d.topic(p, tv)
		if t.ID != "" {
			if first, dup := ids[t.ID]; dup {
				d.Errorf(jsonfield.Join(p, "id"), "topic %q is already defined at %s", t.ID, first)
			}
			ids[t.ID] = p
		}
		c.Topics = append(c.Topics, t)
	}
	return c
}

func (d *decoder) topic(p string, v any) Topic {
	m := d.Object(p, v, "id", "title", "presets")
	if m == nil {
		return Topic{}
	}
	t := Topic{ID: d.reqStr(m, p, "id")}
	if _, ok := m["id"].(string); ok && !topicID.MatchString(t.ID) {
		d.Errorf(jsonfield.Join(p, "id"), "%q is not a topic id: expected lower-case letters and digits, words joined by dashes", t.ID)
	}
	t.Title = d.text(m, p, "title", MaxPresetTitle)
	pp := jsonfield.Join(p, "presets")
	raw, ok := m["presets"]
	if !ok {
		d.Errorf(pp, "required field is missing")
		return t
	}
	entries := d.Array(pp, raw)
	if a, isArr := raw.([]any); isArr && len(a) == 0 {
		d.Errorf(pp, "expected at least one preset")
	}
	for i, ev := range entries {
		t.Presets = append(t.Presets, d.entry(fmt.Sprintf("%s[%d]", pp, i), ev))
	}
	return t
}

func (d *decoder) entry(p string, v any) CatalogEntry {
	m := d.Object(p, v, "name", "doc", "title", "watch")
	if m == nil {
		return CatalogEntry{}
	}
	e := CatalogEntry{Name: d.reqStr(m, p, "name"), Doc: d.optStr(m, p, "doc")}
	if _, ok := m["doc"]; ok && !isCourseDoc(e.Doc) {
		d.Errorf(jsonfield.Join(p, "doc"), "%q is not a course document: expected one of %s, or no doc field for a showcase",
			e.Doc, strings.Join(CourseDocs, ", "))
	}
	if sm := docName.FindStringSubmatch(e.Name); sm != nil && e.Doc != sm[1] {
		d.Errorf(jsonfield.Join(p, "doc"), "preset %s is document %s's example, so doc must be %q", e.Name, sm[1], sm[1])
	}
	e.Title = d.text(m, p, "title", MaxPresetTitle)
	e.Watch = d.text(m, p, "watch", MaxWatchText)
	return e
}

// text reads a required {"en": ..., "pt": ...} field: both languages
// present, not blank, on one line, and at most max characters.
func (d *decoder) text(m map[string]any, p, key string, max int) Text {
	p = jsonfield.Join(p, key)
	v, ok := m[key]
	if !ok {
		d.Errorf(p, "required field is missing (expected {\"en\": ..., \"pt\": ...})")
		return Text{}
	}
	tm := d.Object(p, v, "en", "pt")
	if tm == nil {
		return Text{}
	}
	t := Text{En: d.reqStr(tm, p, "en"), Pt: d.reqStr(tm, p, "pt")}
	for _, l := range []struct{ lang, s string }{{"en", t.En}, {"pt", t.Pt}} {
		if _, present := tm[l.lang].(string); !present {
			continue
		}
		lp := jsonfield.Join(p, l.lang)
		switch n := utf8.RuneCountInString(l.s); {
		case strings.TrimSpace(l.s) == "":
			d.Errorf(lp, "text is empty")
		case strings.ContainsAny(l.s, "\n\r\t"):
			d.Errorf(lp, "text must be a single line without tabs")
		case n > max:
			d.Errorf(lp, "text is %d characters; at most %d fit", n, max)
		}
	}
	return t
}

func isCourseDoc(s string) bool {
	for _, d := range CourseDocs {
		if s == d {
			return true
		}
	}
	return false
}

// checkCoverage requires every preset to be listed exactly once and every
// entry to name a preset. A preset in no topic is only reported when the
// file is otherwise sound: in a broken file it is noise that would bury
// the real mistake (a missing topic lists none of its presets).
func checkCoverage(d *decoder, c *Catalog, presets []Preset) {
	sound := len(d.Errs) == 0
	known := map[string]bool{}
	for _, p := range presets {
		known[p.Name] = true
	}
	listed := map[string]string{}
	for ti, t := range c.Topics {
		for ei, e := range t.Presets {
			if e.Name == "" {
				continue
			}
			p := fmt.Sprintf("topics[%d].presets[%d].name", ti, ei)
			if !known[e.Name] {
				d.Errorf(p, "no preset named %q (expected a file presets/%s.json)", e.Name, e.Name)
			}
			if first, dup := listed[e.Name]; dup {
				d.Errorf(p, "preset %q is listed twice (first at %s)", e.Name, first)
				continue
			}
			listed[e.Name] = p
		}
	}
	for _, p := range presets {
		if _, ok := listed[p.Name]; !ok && sound {
			d.Errorf("", "preset %q (presets/%s.json) is in no topic", p.Name, p.Name)
		}
	}
}
