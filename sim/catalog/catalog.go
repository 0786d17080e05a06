package catalog

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"

	"asyncwithlab/assets"
	"asyncwithlab/i18n"
	"asyncwithlab/sim/internal/jsonfield"
)

// Catalog is every built-in example and how the simulator screen offers
// them: topics in teaching order, each listing its presets.
type Catalog struct {
	Presets []Preset
	Topics  []Topic
}

// Topic is one group of presets on the simulator screen.
type Topic struct {
	// ID is a short stable key (lower case, digits and dashes), for links
	// and saved state, which must survive a retitling; the title is the
	// message topic.ID.
	ID      string
	Entries []Entry
}

// Entry presents one preset.
type Entry struct {
	// Name is the preset's file name without .json.
	Name string
	// Doc is the course document the example comes from ("000" to "004"),
	// so the screen can credit it; "" for the project's own showcases.
	Doc string
}

const (
	// MaxTitle is the longest button title (a topic's or an example's),
	// in characters, in any language.
	MaxTitle = 48
	// MaxWatch is the longest "watch for" text, in characters: it must
	// fit under the animation without scrolling.
	MaxWatch = 320
	// maxFileBytes bounds the catalogue file, like sim.MaxScenarioBytes.
	maxFileBytes = 1 << 20
)

// CourseDocs are the course documents a preset can be credited to.
var CourseDocs = []string{"000", "001", "002", "003", "004"}

// Title is the topic's name in lang.
func (t Topic) Title(lang i18n.Lang) string { return lang.T("topic." + t.ID) }

// Title is the example's button title in lang.
func (e Entry) Title(lang i18n.Lang) string { return lang.T("example." + e.Name + ".title") }

// Watch says in lang what to look at in the example's animation.
func (e Entry) Watch(lang i18n.Lang) string { return lang.T("example." + e.Name + ".watch") }

var (
	builtinOnce sync.Once
	builtin     *Catalog
	builtinErr  error
)

// Builtin is the embedded examples, read once. An error (which the tests
// rule out) leaves a nil catalogue.
func Builtin() (*Catalog, error) {
	builtinOnce.Do(func() { builtin, builtinErr = Read(assets.Presets) })
	return builtin, builtinErr
}

// Read reads the presets and the catalogue from fsys. It is strict,
// because a mistake here shows on screen: unknown fields, an entry naming
// no preset, a preset listed twice or in no topic are all reported at
// once, each at its place (an *Error).
func Read(fsys fs.FS) (*Catalog, error) {
	presets, err := readPresets(fsys)
	if err != nil {
		return nil, err
	}
	c, err := readTopics(fsys, presets)
	if err != nil {
		return nil, err
	}
	c.Presets = presets
	return c, nil
}

// Preset finds a preset by name. A nil catalogue has none.
func (c *Catalog) Preset(name string) (Preset, bool) {
	if c == nil {
		return Preset{}, false
	}
	for _, p := range c.Presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// Entry finds a preset's entry and the topic that lists it. A nil
// catalogue (one that failed to load) lists nothing, so the screen can
// still show the preset under its scenario title.
func (c *Catalog) Entry(name string) (Entry, Topic, bool) {
	if c == nil {
		return Entry{}, Topic{}, false
	}
	for _, t := range c.Topics {
		for _, e := range t.Entries {
			if e.Name == name {
				return e, t, true
			}
		}
	}
	return Entry{}, Topic{}, false
}

// Error lists every problem found in a catalogue file, each at the JSON
// path of the field (topics[2].presets[0].doc) or naming the preset.
type Error struct {
	File   string // the catalogue's path in the file system, File
	Errors []jsonfield.Error
}

// Error is one "file: path: message" line per problem.
func (e *Error) Error() string {
	lines := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		lines[i] = e.File + ": " + fe.Error()
	}
	return strings.Join(lines, "\n")
}

var topicID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// docName matches the presets that are a course document's own example:
// their name says which document, and the catalogue must credit the same
// one.
var docName = regexp.MustCompile(`^doc([0-9]{3})-`)

// readTopics reads File and checks it against the presets.
func readTopics(fsys fs.FS, presets []Preset) (*Catalog, error) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, fmt.Errorf("reading the preset catalog: %w", err)
	}
	fail := func(msg string) (*Catalog, error) {
		return nil, &Error{File, []jsonfield.Error{{Msg: msg}}}
	}
	if len(data) > maxFileBytes {
		return fail(fmt.Sprintf("catalog is %d bytes; the limit is %d", len(data), maxFileBytes))
	}
	raw, perr := jsonfield.Parse(data, "catalog")
	if perr != nil {
		return nil, &Error{File, []jsonfield.Error{*perr}}
	}
	d := &decoder{jsonfield.Reader{Max: 100}}
	c := d.catalog(raw)
	d.checkCoverage(c, presets)
	if len(d.Errs) > 0 {
		return nil, &Error{File, d.Errs}
	}
	return c, nil
}

// decoder reads the catalogue file's JSON.
type decoder struct{ jsonfield.Reader }

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
	m := d.Object(p, v, "id", "presets")
	if m == nil {
		return Topic{}
	}
	t := Topic{ID: d.ReqStr(m, p, "id")}
	if _, ok := m["id"].(string); ok && !topicID.MatchString(t.ID) {
		d.Errorf(jsonfield.Join(p, "id"), "%q is not a topic id: expected lower-case letters and digits, words joined by dashes", t.ID)
	}
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
		t.Entries = append(t.Entries, d.entry(fmt.Sprintf("%s[%d]", pp, i), ev))
	}
	return t
}

func (d *decoder) entry(p string, v any) Entry {
	m := d.Object(p, v, "name", "doc")
	if m == nil {
		return Entry{}
	}
	e := Entry{Name: d.ReqStr(m, p, "name"), Doc: d.OptStr(m, p, "doc")}
	if _, ok := m["doc"]; ok && !isCourseDoc(e.Doc) {
		d.Errorf(jsonfield.Join(p, "doc"), "%q is not a course document: expected one of %s, or no doc field for a showcase",
			e.Doc, strings.Join(CourseDocs, ", "))
	}
	if sm := docName.FindStringSubmatch(e.Name); sm != nil && e.Doc != sm[1] {
		d.Errorf(jsonfield.Join(p, "doc"), "preset %s is document %s's example, so doc must be %q", e.Name, sm[1], sm[1])
	}
	return e
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
func (d *decoder) checkCoverage(c *Catalog, presets []Preset) {
	sound := len(d.Errs) == 0
	known := map[string]bool{}
	for _, p := range presets {
		known[p.Name] = true
	}
	listed := map[string]string{}
	for ti, t := range c.Topics {
		for ei, e := range t.Entries {
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
