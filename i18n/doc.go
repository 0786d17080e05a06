// Package i18n is the one place the app's sentences come from: the
// language type, the rule that matches a locale to a language, and one
// catalogue per language, read from the data files embedded under
// assets/i18n/LANG/ (see assets.Messages).
//
// A catalogue is a folder of JSON files, each an object from message ID
// to text. A text is a fmt format (arguments may be indexed, "%[2]s", so
// a language can put the words in its own order), or an object of CLDR
// plural forms ("one", "other", …) picked by a count. The folder's
// language.json gives the language's own name, its place in the
// language switch and its plural rule in CLDR's notation, so a new
// language needs only new data files:
//
//	{"name": "Español", "order": 3, "plural": {"one": "n = 1"}}
//
// The package is a leaf: it imports only the standard library and the
// embedded assets, so every other package (sim/replay, sim/predict,
// sim/edit, quiz, ui) can use it.
package i18n
