package i18n_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/catalog"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		locale string
		want   i18n.Lang
	}{
		{"pt-BR", "pt"}, {"pt_PT", "pt"}, {"PT", "pt"}, {"pt_BR.UTF-8", "pt"}, {"pt", "pt"},
		{"es", "es"}, {"es-419", "es"}, {"ES_es", "es"}, {"es_MX.utf8@euro", "es"},
		{"en-US", "en"}, {"en", "en"}, {"C", "en"}, {"POSIX", "en"}, {"", "en"}, {"xx-XX", "en"},
		{" pt-BR ", "pt"}, {"ptx", "en"}, {"e", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) { assert.Equal(t, tt.want, i18n.Match(tt.locale)) })
	}
}

func TestLangs(t *testing.T) {
	all := i18n.Langs()
	require.GreaterOrEqual(t, len(all), 3)
	assert.Equal(t, []i18n.Lang{"en", "pt", "es"}, all[:3], "in the switch's order; a new language comes after")
	assert.Equal(t, "Português", i18n.Lang("pt").Name())
	assert.Equal(t, "Español", i18n.Lang("es").Name())
	assert.Equal(t, "xx", i18n.Lang("xx").Name(), "a language without a catalogue")
	assert.True(t, strings.HasPrefix(i18n.Codes(), "en, pt, es"), i18n.Codes())
	for _, l := range all {
		assert.Equal(t, l, i18n.Match(string(l)), "every language is matched by its own code")
	}
}

func TestT(t *testing.T) {
	assert.Equal(t, "Pergunta 3 de 9", i18n.Lang("pt").T("ui.questionOf", 3, 9))
	assert.Equal(t, "Question 3 of 9", i18n.Lang("xx").T("ui.questionOf", 3, 9), "an unknown language speaks English")
	assert.Equal(t, "no.such.id", i18n.Lang("pt").T("no.such.id"), "a missing ID shows itself")
	assert.Equal(t, "Async With Lab", i18n.Lang("es").T("ui.app"))
}

func TestN(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		n    int
		want string
	}{
		{"en", 1, "1 try left"}, {"en", 2, "2 tries left"}, {"en", 0, "0 tries left"},
		// Brazilian Portuguese counts 0 and 1 as singular.
		{"pt", 0, "0 tentativa restante"}, {"pt", 1, "1 tentativa restante"}, {"pt", 2, "2 tentativas restantes"},
		{"es", 1, "1 intento"}, {"es", 3, "3 intentos"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+strconv.Itoa(tt.n), func(t *testing.T) {
			assert.Contains(t, tt.lang.N("ui.tryAgain", tt.n, tt.n), tt.want)
		})
	}
}

func TestExplanationPrefixes(t *testing.T) {
	got := i18n.ExplanationPrefixes()
	require.Len(t, got, len(i18n.Langs()), "one per language")
	assert.Equal(t, "Explanation:", got[0])
	assert.Contains(t, got, "Explicação:")
}

func TestCatalogueLoadsCleanly(t *testing.T) {
	assert.Empty(t, i18n.Problems())
}

// TestEveryMessageIsUsed: every ID appears as a whole string literal in
// the Go code that is not a test, except the examples' texts, which are
// named after the catalogue's topics and presets.
func TestEveryMessageIsUsed(t *testing.T) {
	literals := map[string]bool{}
	called := map[string]string{} // ID → where a translation call names it
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					literals[s] = true
				}
			}
			// lang.T("id", …), lang.N("id", …) and replay's c.say("id", …).
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) > 0 {
				sel, isSel := call.Fun.(*ast.SelectorExpr)
				lit, isLit := call.Args[0].(*ast.BasicLit)
				if isSel && isLit && lit.Kind == token.STRING && (sel.Sel.Name == "T" || sel.Sel.Name == "N" || sel.Sel.Name == "say") {
					if id, err := strconv.Unquote(lit.Value); err == nil {
						called[id] = fmt.Sprintf("%s:%d", path, fset.Position(lit.Pos()).Line)
					}
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	for _, topic := range cat.Topics {
		literals["topic."+topic.ID] = true
		for _, e := range topic.Entries {
			literals["example."+e.Name+".title"] = true
			literals["example."+e.Name+".watch"] = true
		}
	}
	for _, id := range i18n.IDs(i18n.English) {
		assert.True(t, literals[id], "message %q is never used (no Go literal names it)", id)
	}
	// And the other way: an ID a translation call names exists, or the
	// screen would show the ID itself.
	for id, where := range called {
		assert.True(t, i18n.English.Has(id), "%s asks for the message %q, which English does not have", where, id)
	}
}
