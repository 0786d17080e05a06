package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"asyncwithlab/assets"
)

// catalogue is one language's facts, read at start, and its messages,
// read when the language is first used: the browser build fetches the
// catalogues of the languages it was not opened in (see assets.Later),
// and parsing every language's JSON would only delay the first frame.
type catalogue struct {
	name    string
	order   int
	plural  pluralRule
	explain string   // the explanation prefix (language.json)
	fsys    fs.FS    // where the files are
	paths   []string // the message files, read once they all read
	mu      sync.Mutex
	loaded  bool
	err     error     // the last read's first failure, if any
	failed  time.Time // when it failed: the next try waits retryAfter
	msgs    map[string]message
	files   map[string]string // id → the file that defines it
	owner   *catalogues
}

// retryAfter is how long a language whose files could not be read (the
// browser build fetches them: a page opened offline before its service
// worker kept them) waits before they are tried again; meanwhile English
// stands in, without a fetch on every lookup.
const retryAfter = 10 * time.Second

// messages are the language's messages, read on first use.
func (cat *catalogue) messages() map[string]message {
	cat.mu.Lock()
	defer cat.mu.Unlock()
	if !cat.loaded && (cat.failed.IsZero() || time.Since(cat.failed) >= retryAfter) {
		cat.read()
	}
	return cat.msgs
}

// Ready reads language l's messages if they are not read yet and says
// what kept any of them from reading (nil when all did): the app tells
// the learner when a language it switches to cannot be loaded.
func (l Lang) Ready() error {
	cat, ok := load().langs[l]
	if !ok {
		return nil
	}
	cat.messages()
	cat.mu.Lock()
	defer cat.mu.Unlock()
	return cat.err
}

// catalogues is every language's, loaded once.
type catalogues struct {
	langs  map[Lang]*catalogue
	mu     sync.Mutex // guards errors: languages load as they are used
	errors []error
}

var (
	loadOnce sync.Once
	loaded   *catalogues
)

func load() *catalogues {
	loadOnce.Do(func() { loaded = readCatalogues(assets.Messages, "i18n") })
	return loaded
}

// Problems lists what was wrong with the embedded catalogues (a file that
// is not valid JSON, an ID defined twice…): the entries in question are
// left out and the app goes on. It reads every language's messages; the
// catalogue test requires none.
func Problems() []error { return load().problems() }

// problems reads every language's messages and lists what went wrong.
func (c *catalogues) problems() []error {
	for _, cat := range c.langs {
		cat.messages()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]error(nil), c.errors...)
}

func (c *catalogues) fail(err error) {
	c.mu.Lock()
	c.errors = append(c.errors, err)
	c.mu.Unlock()
}

// languageFile is language.json: the facts of a language.
type languageFile struct {
	Name   string            `json:"name"`
	Order  int               `json:"order"`
	Plural map[string]string `json:"plural"`
	// ExplanationPrefix starts a quiz answer's explanation in this
	// language ("Explanation:"); the quiz reader accepts every
	// language's, so it is a fact read at start, not a message.
	ExplanationPrefix string `json:"explanationPrefix"`
}

// readCatalogues reads root/LANG/language.json from fsys and notes the
// other root/LANG/*.json files, read when the language is first used.
func readCatalogues(fsys fs.FS, root string) *catalogues {
	c := &catalogues{langs: map[Lang]*catalogue{}}
	dirs, err := fs.ReadDir(fsys, root)
	if err != nil {
		c.fail(err)
		return c
	}
	for _, d := range dirs {
		if d.IsDir() {
			c.readLanguage(fsys, root, Lang(d.Name()))
		}
	}
	if _, ok := c.langs[English]; !ok {
		c.fail(fmt.Errorf("%s: no catalogue for English (%s/en)", root, root))
		c.langs[English] = &catalogue{owner: c}
	}
	return c
}

func (c *catalogues) readLanguage(fsys fs.FS, root string, l Lang) {
	dir := path.Join(root, string(l))
	cat := &catalogue{name: string(l), fsys: fsys, owner: c}
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		c.fail(err)
		return
	}
	facts := path.Join(dir, "language.json")
	if data, err := fs.ReadFile(fsys, facts); err != nil {
		c.fail(fmt.Errorf("%s: no language.json (its name, order and plural rule)", dir))
	} else {
		c.readFacts(facts, data, cat)
	}
	for _, f := range files {
		name := path.Join(dir, f.Name())
		if !f.IsDir() && strings.HasSuffix(name, ".json") && name != facts {
			cat.paths = append(cat.paths, name)
		}
	}
	c.langs[l] = cat
}

// read reads the language's message files. It reads them side by side:
// in the browser each may be a fetch (see assets.Later), and one round
// trip is shorter than seven.
func (cat *catalogue) read() {
	cat.msgs, cat.files, cat.err = map[string]message{}, map[string]string{}, nil
	data := make([][]byte, len(cat.paths))
	errs := make([]error, len(cat.paths))
	var wg sync.WaitGroup
	for i, name := range cat.paths {
		wg.Go(func() { data[i], errs[i] = fs.ReadFile(cat.fsys, name) })
	}
	wg.Wait()
	for i, name := range cat.paths { // in order: the first file to define an ID keeps it
		if errs[i] != nil {
			if cat.err == nil {
				cat.owner.fail(errs[i])
				cat.err = errs[i]
			}
			continue
		}
		cat.readMessages(name, data[i])
	}
	cat.loaded, cat.failed = cat.err == nil, time.Time{}
	if cat.err != nil {
		cat.failed = time.Now()
	}
}

func (c *catalogues) readFacts(name string, data []byte, cat *catalogue) {
	var lf languageFile
	if err := strictJSON(data, &lf); err != nil {
		c.fail(fmt.Errorf("%s: %v", name, err))
		return
	}
	rule, err := parsePluralRule(lf.Plural)
	if err != nil {
		c.fail(fmt.Errorf("%s: %v", name, err))
	}
	if strings.TrimSpace(lf.Name) == "" {
		c.fail(fmt.Errorf("%s: expected the language's own name in \"name\"", name))
	} else {
		cat.name = lf.Name
	}
	if lf.Order <= 0 {
		c.fail(fmt.Errorf("%s: expected the language's place in the switch in \"order\" (1, 2, …)", name))
	}
	cat.order, cat.plural, cat.explain = lf.Order, rule, strings.TrimSpace(lf.ExplanationPrefix)
}

// readMessages reads one file of messages: an object from ID to a text or
// to plural forms.
//
// The file is decoded in one pass into plain values (map[string]any):
// in the browser that is several times faster than decoding each message
// again from a json.RawMessage, and the English catalogue is read before
// the first frame.
func (cat *catalogue) readMessages(name string, data []byte) {
	var raw map[string]any
	if err := strictJSON(data, &raw); err != nil {
		cat.owner.fail(fmt.Errorf("%s: %v", name, err))
		return
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if prev, dup := cat.files[id]; dup {
			cat.owner.fail(fmt.Errorf("%s: %q is already defined in %s", name, id, prev))
			continue
		}
		m, err := readMessage(raw[id])
		if err != nil {
			cat.owner.fail(fmt.Errorf("%s: %q: %v", name, id, err))
			continue
		}
		cat.msgs[id], cat.files[id] = m, name
	}
}

func readMessage(raw any) (message, error) {
	if text, ok := raw.(string); ok {
		return message{other: text}, nil
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return message{}, fmt.Errorf("expected a text or an object of plural forms")
	}
	forms := make(map[string]string, len(obj))
	for category, v := range obj {
		text, ok := v.(string)
		if !ok {
			return message{}, fmt.Errorf("expected a text or an object of plural forms")
		}
		forms[category] = text
	}
	other, ok := forms["other"]
	if !ok {
		return message{}, fmt.Errorf("plural forms need an \"other\" form")
	}
	return message{forms: forms, other: other}, nil
}

// strictJSON decodes one JSON value, refusing unknown fields. (A key
// given twice in one file is caught by the catalogue test, not here: the
// files are the app's own, and the check would cost the download the
// code of encoding/json's tokenizer.)
func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("unexpected data after the JSON object")
	}
	return nil
}
