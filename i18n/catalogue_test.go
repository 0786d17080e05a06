package i18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/assets"
)

// TestEveryLanguageHasEveryMessage: a language has exactly English's IDs,
// each with the same arguments (the same indexes and verbs, in any
// order), and a plural message gives every form its rule can pick.
func TestEveryLanguageHasEveryMessage(t *testing.T) {
	c := load()
	en := c.langs[English]
	require.NotEmpty(t, en.messages())
	for _, l := range Langs() {
		t.Run(string(l), func(t *testing.T) {
			cat := c.langs[l]
			got := IDs(l)
			assert.Empty(t, missing(IDs(English), got), "IDs %s lacks", l)
			assert.Empty(t, missing(got, IDs(English)), "IDs only %s has", l)
			for id, m := range cat.messages() {
				want := verbs(en.messages()[id].other)
				for _, form := range m.all() {
					assert.Equal(t, want, verbs(form), "%s %s (%s): the same arguments as English: %q", l, id, cat.files[id], form)
					assert.NotEmpty(t, strings.TrimSpace(form), "%s %s is empty", l, id)
				}
				if m.forms == nil {
					continue
				}
				for _, category := range cat.plural.categories() {
					_, ok := m.forms[category]
					assert.True(t, ok, "%s %s: the %q form (counts such as %d)", l, id, category, cat.plural.example(category))
				}
			}
		})
	}
}

// all is every text of the message.
func (m message) all() []string {
	if m.forms == nil {
		return []string{m.other}
	}
	var out []string
	for _, f := range m.forms {
		out = append(out, f)
	}
	return out
}

// categories are the categories the rule picks for the counts 0–1000.
func (r pluralRule) categories() []string {
	seen := map[string]bool{}
	for n := 0; n <= 1000; n++ {
		seen[r.category(n)] = true
	}
	var out []string
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// example is the smallest count of the category, for messages.
func (r pluralRule) example(category string) int {
	for n := 0; n <= 1000; n++ {
		if r.category(n) == category {
			return n
		}
	}
	return -1
}

func missing(want, got []string) []string {
	have := map[string]bool{}
	for _, g := range got {
		have[g] = true
	}
	var out []string
	for _, w := range want {
		if !have[w] {
			out = append(out, w)
		}
	}
	return out
}

var verb = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// verbs lists a format's arguments as "index:verb", sorted and once
// each: "%s then %d" and "%[2]d antes de %[1]s" both give [1:s 2:d]; a
// language may name an argument twice where another names it once.
func verbs(format string) []string {
	out := []string{}
	seen := map[string]bool{}
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		i := next
		if m[2] != "" {
			i, _ = strconv.Atoi(m[2])
		}
		next = i + 1
		if v := strconv.Itoa(i) + ":" + m[4]; !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

func TestVerbs(t *testing.T) {
	assert.Equal(t, []string{"1:s", "2:d"}, verbs("%s then %d"))
	assert.Equal(t, []string{"1:s", "2:d"}, verbs("%[2]d antes de %[1]s"))
	assert.Equal(t, []string{"1:f", "2:f", "3:d"}, verbs("%.0f%% (%.1f of %d)"))
	assert.Equal(t, []string{"1:s"}, verbs("%[1]s, so %[1]s"))
	assert.Equal(t, []string{}, verbs("100%% sure"))
}

func TestPluralRules(t *testing.T) {
	tests := []struct {
		rule map[string]string
		want map[int]string
	}{
		{map[string]string{"one": "i = 1 and v = 0"}, map[int]string{0: "other", 1: "one", 2: "other", 11: "other"}},
		{map[string]string{"one": "i = 0..1"}, map[int]string{0: "one", 1: "one", 2: "other"}},
		{map[string]string{"one": "n = 1"}, map[int]string{0: "other", 1: "one", 21: "other"}},
		// Russian: one, few, many.
		{map[string]string{
			"one":  "v = 0 and i % 10 = 1 and i % 100 != 11",
			"few":  "v = 0 and i % 10 = 2..4 and i % 100 != 12..14",
			"many": "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14",
		}, map[int]string{1: "one", 21: "one", 11: "many", 2: "few", 22: "few", 12: "many", 5: "many", 100: "many"}},
		// As CLDR writes Spanish today: samples after @, the operand e.
		{map[string]string{
			"one":  "n = 1 @integer 1 @decimal 1.0, 1.00",
			"many": "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5 @integer 1000000, 1c6",
		}, map[int]string{1: "one", 2: "other", 1000000: "many", 0: "other"}},
		// Arabic: zero, two, and lists of values.
		{map[string]string{"zero": "n = 0", "one": "n = 1", "two": "n = 2", "few": "n % 100 = 3..10", "many": "n % 100 = 11..99"},
			map[int]string{0: "zero", 1: "one", 2: "two", 3: "few", 103: "few", 11: "many", 100: "other"}},
	}
	for _, tt := range tests {
		r, err := parsePluralRule(tt.rule)
		require.NoError(t, err, "%v", tt.rule)
		for n, want := range tt.want {
			assert.Equal(t, want, r.category(n), "%v at %d", tt.rule, n)
		}
	}
}

func TestPluralRuleErrors(t *testing.T) {
	tests := []struct {
		rule map[string]string
		want string
	}{
		{map[string]string{"single": "n = 1"}, `plural category "single": expected one of zero, one, two, few, many`},
		{map[string]string{"one": "n"}, `"n": expected a condition such as "n = 1"`},
		{map[string]string{"one": "x = 1"}, `expected the operand n, i, v, w, f, t, e or c`},
		{map[string]string{"one": "n % 0 = 1"}, `expected a positive number after %`},
		{map[string]string{"one": "n = a"}, `expected a number or a range such as 2..4`},
		{map[string]string{"one": "n = 4..2"}, `expected a range such as 2..4`},
	}
	for _, tt := range tests {
		_, err := parsePluralRule(tt.rule)
		require.Error(t, err, "%v", tt.rule)
		assert.Contains(t, err.Error(), tt.want)
	}
}

func TestReadCataloguesReportsProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"m/en/language.json": {Data: []byte(`{"name": "English", "order": 1, "plural": {"one": "n = 1"}}`)},
		"m/en/a.json":        {Data: []byte(`{"hello": "Hello", "n": {"one": "%d item", "other": "%d items"}}`)},
		"m/en/b.json":        {Data: []byte(`{"hello": "Hi again"}`)},
		"m/en/c.json":        {Data: []byte(`{"x": "1", "x": "2"}`)},
		"m/en/d.json":        {Data: []byte(`{"p": {"one": "no other"}, "q": 3}`)},
		"m/en/e.json":        {Data: []byte(`[1]`)},
		"m/xx/language.json": {Data: []byte(`{"name": "X", "plurals": {}}`)},
		"m/xx/a.json":        {Data: []byte(`{"hello": "Hallo"}`)},
		"m/yy/a.json":        {Data: []byte(`{"hello": "Hej"}`)},
		"m/zz/language.json": {Data: []byte(`{"name": " ", "order": 0}`)},
	}
	c := readCatalogues(fsys, "m")
	var msgs []string
	for _, e := range c.problems() {
		msgs = append(msgs, e.Error())
	}
	assert.ElementsMatch(t, []string{
		`m/en/b.json: "hello" is already defined in m/en/a.json`,
		`m/en/d.json: "p": plural forms need an "other" form`,
		`m/en/d.json: "q": expected a text or an object of plural forms`,
		`m/en/e.json: json: cannot unmarshal array into Go value of type map[string]interface {}`,
		`m/xx/language.json: json: unknown field "plurals"`,
		`m/yy: no language.json (its name, order and plural rule)`,
		`m/zz/language.json: expected the language's own name in "name"`,
		`m/zz/language.json: expected the language's place in the switch in "order" (1, 2, …)`,
	}, msgs)
	assert.Equal(t, "Hello", c.langs[English].messages()["hello"].other)
	assert.Equal(t, "Hallo", c.langs["xx"].messages()["hello"].other, "the language's messages still load")
}

// TestNoKeyTwice: no catalogue file gives an ID twice (encoding/json
// would silently keep the last).
func TestNoKeyTwice(t *testing.T) {
	err := fs.WalkDir(assets.Messages, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.Messages, path)
		require.NoError(t, err)
		assert.NoError(t, noDuplicateKeys(data), path)
		return nil
	})
	require.NoError(t, err)
	assert.ErrorContains(t, noDuplicateKeys([]byte(`{"x": "1", "y": {"x": 2}, "x": "2"}`)), `the key "x" is given twice`)
	assert.ErrorContains(t, noDuplicateKeys([]byte(`[1]`)), "expected a JSON object")
}

// noDuplicateKeys walks the top-level object and reports a key given
// twice.
func noDuplicateKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("expected a JSON object")
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		if seen[key] {
			return fmt.Errorf("the key %q is given twice", key)
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

// TestLanguagesHaveTheirFacts: each language names itself and has its
// own place in the switch, English first (it is the fallback).
func TestLanguagesHaveTheirFacts(t *testing.T) {
	c := load()
	orders := map[int]Lang{}
	for l, cat := range c.langs {
		assert.NotEqual(t, string(l), cat.name, "%s names itself in language.json", l)
		assert.Positive(t, cat.order, "%s has an order", l)
		if other, dup := orders[cat.order]; dup {
			t.Errorf("%s and %s have the same order %d", l, other, cat.order)
		}
		orders[cat.order] = l
		assert.NotEmpty(t, cat.explain, "%s gives its explanation prefix", l)
	}
	assert.Equal(t, English, Langs()[0])
}

func TestReadCataloguesWithoutEnglish(t *testing.T) {
	c := readCatalogues(fstest.MapFS{
		"m/pt/a.json":        {Data: []byte(`{}`)},
		"m/pt/language.json": {Data: []byte(`{"name": "Português", "order": 2}`)},
	}, "m")
	errs := c.problems()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), "no catalogue for English")
	assert.NotNil(t, c.langs[English], "English is there, empty, so lookups still work")
}

// FuzzReadMessages: no input panics the catalogue reader; what it accepts
// has an "other" text for every ID. Seeds: testdata/fuzz/FuzzReadMessages.
func FuzzReadMessages(f *testing.F) {
	f.Add([]byte(`{"a": "x", "b": {"one": "1", "other": "2"}}`))
	f.Add([]byte(`{"a": "x", "a": "y"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := readCatalogues(fstest.MapFS{"m/en/a.json": {Data: data}, "m/en/language.json": {Data: data}}, "m")
		for id, m := range c.langs[English].messages() {
			if m.forms != nil {
				if _, ok := m.forms["other"]; !ok {
					t.Fatalf("%q has plural forms without other", id)
				}
			}
		}
		English.T("a", 1)
	})
}

// countingFS records which files were opened (it has only Open, so every
// read goes through it).
type countingFS struct {
	files  fstest.MapFS
	opened map[string]int
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.opened[name]++
	return c.files.Open(name)
}

// TestMessagesLoadOnFirstUse: reading the catalogues reads each
// language's facts only; a language's messages are read when it is first
// used, once (the browser build fetches the other languages' files).
func TestMessagesLoadOnFirstUse(t *testing.T) {
	fsys := countingFS{files: fstest.MapFS{
		"m/en/language.json": {Data: []byte(`{"name": "English", "order": 1, "explanationPrefix": "Explanation:"}`)},
		"m/en/a.json":        {Data: []byte(`{"hello": "Hello"}`)},
		"m/xx/language.json": {Data: []byte(`{"name": "X", "order": 2, "explanationPrefix": "Xplain:"}`)},
		"m/xx/a.json":        {Data: []byte(`{"hello": "Hallo"}`)},
	}, opened: map[string]int{}}
	c := readCatalogues(fsys, "m")
	assert.Equal(t, "X", c.langs["xx"].name)
	assert.Equal(t, "Xplain:", c.langs["xx"].explain)
	assert.Zero(t, fsys.opened["m/en/a.json"]+fsys.opened["m/xx/a.json"], "no messages read yet")

	assert.Equal(t, "Hello", c.langs[English].messages()["hello"].other)
	assert.Equal(t, 1, fsys.opened["m/en/a.json"])
	assert.Zero(t, fsys.opened["m/xx/a.json"], "another language's messages wait for their first use")
	c.langs[English].messages()
	assert.Equal(t, 1, fsys.opened["m/en/a.json"], "read once")
	assert.Empty(t, c.problems())
	assert.Equal(t, 1, fsys.opened["m/xx/a.json"], "Problems reads every language")
}

// flakyFS fails to open message files while down, as a fetch does
// offline.
type flakyFS struct {
	files fstest.MapFS
	down  *bool
	reads map[string]int
}

func (f flakyFS) Open(name string) (fs.File, error) {
	if *f.down && strings.HasSuffix(name, "/a.json") {
		f.reads[name]++
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("network is down")}
	}
	return f.files.Open(name)
}

// TestMessagesRetryAfterAFailedRead: a language whose files cannot be
// read says so (Ready), is not read again on every lookup, and reads once
// they can be.
func TestMessagesRetryAfterAFailedRead(t *testing.T) {
	down := true
	fsys := flakyFS{files: fstest.MapFS{
		"m/en/language.json": {Data: []byte(`{"name": "English", "order": 1}`)},
		"m/en/b.json":        {Data: []byte(`{"hello": "Hello"}`)},
		"m/xx/language.json": {Data: []byte(`{"name": "X", "order": 2}`)},
		"m/xx/a.json":        {Data: []byte(`{"hello": "Hallo"}`)},
	}, down: &down, reads: map[string]int{}}
	c := readCatalogues(fsys, "m")
	xx := c.langs["xx"]
	assert.Empty(t, xx.messages())
	assert.ErrorContains(t, xx.err, "network is down")
	xx.messages()
	assert.Equal(t, 1, fsys.reads["m/xx/a.json"], "no new try before retryAfter")

	down = false
	xx.failed = xx.failed.Add(-retryAfter)
	assert.Equal(t, "Hallo", xx.messages()["hello"].other, "read once the files can be")
	assert.NoError(t, xx.err)
}
