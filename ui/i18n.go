package ui

import "asyncwithlab/i18n"

// Lang is the interface language; its sentences come from package i18n's
// catalogues (assets/i18n/LANG/ui.json holds this package's).
type Lang = i18n.Lang

// English is the default language.
const English = i18n.English
