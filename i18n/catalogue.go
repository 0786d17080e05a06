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

	"asyncwithlab/assets"
)

// catalogue is one language's messages and facts.
type catalogue struct {
	name     string
	order    int
	plural   pluralRule
	messages map[string]message
	files    map[string]string // id → the file that defines it
}

// catalogues is every language's, loaded once.
type catalogues struct {
	langs  map[Lang]*catalogue
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
// left out and the app goes on. The catalogue test requires none.
func Problems() []error { return load().errors }

// languageFile is language.json: the facts of a language.
type languageFile struct {
	Name   string            `json:"name"`
	Order  int               `json:"order"`
	Plural map[string]string `json:"plural"`
}

// readCatalogues reads root/LANG/*.json from fsys.
func readCatalogues(fsys fs.FS, root string) *catalogues {
	c := &catalogues{langs: map[Lang]*catalogue{}}
	dirs, err := fs.ReadDir(fsys, root)
	if err != nil {
		c.errors = append(c.errors, err)
		return c
	}
	for _, d := range dirs {
		if d.IsDir() {
			c.readLanguage(fsys, root, Lang(d.Name()))
		}
	}
	if _, ok := c.langs[English]; !ok {
		c.errors = append(c.errors, fmt.Errorf("%s: no catalogue for English (%s/en)", root, root))
		c.langs[English] = &catalogue{messages: map[string]message{}, files: map[string]string{}}
	}
	return c
}

func (c *catalogues) readLanguage(fsys fs.FS, root string, l Lang) {
	dir := path.Join(root, string(l))
	cat := &catalogue{name: string(l), messages: map[string]message{}, files: map[string]string{}}
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		c.errors = append(c.errors, err)
		return
	}
	if _, err := fs.Stat(fsys, path.Join(dir, "language.json")); err != nil {
		c.errors = append(c.errors, fmt.Errorf("%s: no language.json (its name, order and plural rule)", dir))
	}
	for _, f := range files {
		name := path.Join(dir, f.Name())
		if f.IsDir() || !strings.HasSuffix(name, ".json") {
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			c.errors = append(c.errors, err)
			continue
		}
		if f.Name() == "language.json" {
			c.readFacts(name, data, cat)
			continue
		}
		c.readMessages(name, data, cat)
	}
	c.langs[l] = cat
}

func (c *catalogues) readFacts(name string, data []byte, cat *catalogue) {
	var lf languageFile
	if err := strictJSON(data, &lf); err != nil {
		c.errors = append(c.errors, fmt.Errorf("%s: %v", name, err))
		return
	}
	rule, err := parsePluralRule(lf.Plural)
	if err != nil {
		c.errors = append(c.errors, fmt.Errorf("%s: %v", name, err))
	}
	if strings.TrimSpace(lf.Name) == "" {
		c.errors = append(c.errors, fmt.Errorf("%s: expected the language's own name in \"name\"", name))
	} else {
		cat.name = lf.Name
	}
	if lf.Order <= 0 {
		c.errors = append(c.errors, fmt.Errorf("%s: expected the language's place in the switch in \"order\" (1, 2, …)", name))
	}
	cat.order, cat.plural = lf.Order, rule
}

// readMessages reads one file of messages: an object from ID to a text or
// to plural forms.
func (c *catalogues) readMessages(name string, data []byte, cat *catalogue) {
	var raw map[string]json.RawMessage
	if err := strictJSON(data, &raw); err != nil {
		c.errors = append(c.errors, fmt.Errorf("%s: %v", name, err))
		return
	}
	ids := make([]string, 0, len(raw))
	for id := range raw {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if prev, dup := cat.files[id]; dup {
			c.errors = append(c.errors, fmt.Errorf("%s: %q is already defined in %s", name, id, prev))
			continue
		}
		m, err := readMessage(raw[id])
		if err != nil {
			c.errors = append(c.errors, fmt.Errorf("%s: %q: %v", name, id, err))
			continue
		}
		cat.messages[id], cat.files[id] = m, name
	}
}

func readMessage(raw json.RawMessage) (message, error) {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		return message{other: text}, nil
	}
	var forms map[string]string
	if err := json.Unmarshal(raw, &forms); err != nil {
		return message{}, fmt.Errorf("expected a text or an object of plural forms")
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
