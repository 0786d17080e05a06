package ui

import "errors"

// errNoChooser is OpenFile's answer on a platform without a file chooser.
var errNoChooser = errors.New("no file chooser here: drop the file on the window")

// Clickable is an item of the screen that takes a click, in CSS pixels.
type Clickable struct {
	ID   string  `json:"id"`
	Text string  `json:"text"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
	// Area, for an item of a part that scrolls on its own (a panel's
	// list), is that part: the item shows and takes clicks only inside
	// it, and the wheel over it scrolls it.
	Area *Area `json:"area,omitempty"`
}

// Area is a rectangle in CSS pixels.
type Area struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Platform is what differs between the browser and the desktop.
type Platform interface {
	// Load returns a saved value, or "" when there is none.
	Load(key string) string
	// Save stores a value; errors are reported, never fatal.
	Save(key, value string) error
	// Language is the user's preferred language code ("en", "pt-BR"...).
	Language() string
	// Param returns a query parameter of the page (browser) or "" (desktop).
	Param(name string) string
	// SetParam changes a query parameter of the page's address without
	// reloading (browser), so that a reload keeps a choice the address holds.
	SetParam(name, value string)
	// Fetch reads a file: same-origin URL in the browser, a path on desktop.
	Fetch(path string) ([]byte, error)
	// Mirror writes the screen's text for screen readers (browser only),
	// and the clickable items with their place on screen in CSS pixels
	// (window.labItems, for automation and the end-to-end tests).
	Mirror(text string, items []Clickable)
	// FirstFrame is called once the first frame has been drawn.
	FirstFrame()
	// Fragment is the page address's fragment without '#' (browser), where
	// share links keep a scenario; "" on desktop.
	Fragment() string
	// SetFragment replaces the address's fragment without reloading, so
	// that the address bar always holds a link to what is shown.
	SetFragment(f string)
	// ShareURL is the full address a share link with this fragment opens.
	ShareURL(fragment string) string
	// CopyText puts text on the clipboard; an error means it could not
	// (the screen then shows the text to copy by hand).
	CopyText(s string) error
	// SaveFile saves data for the user: a download in the browser, a file
	// on desktop (name is a path, or a file name placed in the app's
	// folder). It returns where the data went.
	SaveFile(name string, data []byte) (string, error)
	// ReadText reads the clipboard's text and hands it to done, later and
	// from any goroutine (the browser answers a promise); an error means
	// it could not (the user then types, or drops a file).
	ReadText(done func(text string, err error))
	// OpenFile asks the user for a file (of the types accept lists, such
	// as ".md,.txt") and hands its name and bytes to done, later and from
	// any goroutine; done is not called when the user cancels. An error
	// means this platform has no file chooser (the desktop: the user drops
	// the file on the window instead).
	OpenFile(accept string, done func(name string, data []byte, err error))
}
