// Package catalog holds the simulator's built-in examples: the preset
// scenarios (assets/presets/NAME.json) and the catalogue that groups them
// into topics in teaching order and credits each to its course document
// (assets/presets/catalog.json). The titles and "watch for" texts are
// sentences, so they live with every other sentence in package i18n's
// catalogues, under the IDs topic.ID, example.NAME.title and
// example.NAME.watch.
//
// Builtin reads the embedded examples once; Read reads any file system
// with the same layout (tests, the fuzzer).
package catalog
