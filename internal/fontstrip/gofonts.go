package fontstrip

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// GoFont is one of the Go fonts the app draws with, and the name of its
// stripped copy in assets/fonts.
type GoFont struct {
	File string
	TTF  []byte
}

// GoFonts are the fonts the app uses: regular text, bold, and code.
var GoFonts = []GoFont{
	{"go-regular.ttf", goregular.TTF},
	{"go-bold.ttf", gobold.TTF},
	{"go-mono.ttf", gomono.TTF},
}
