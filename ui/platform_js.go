//go:build js

package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"asyncwithlab/internal/webfetch"

	"github.com/hajimehoshi/ebiten/v2"
)

// browser keeps settings and progress in localStorage and reads the page.
type browser struct {
	aria  js.Value
	items []Clickable // the last items mirrored
}

// NewPlatform returns the browser platform.
func NewPlatform() Platform { return &browser{} }

func storage() (js.Value, bool) {
	s := js.Global().Get("localStorage")
	return s, s.Truthy()
}

func (b *browser) Load(key string) (out string) {
	defer func() { _ = recover() }() // localStorage can throw (private mode)
	s, ok := storage()
	if !ok {
		return ""
	}
	v := s.Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	return v.String()
}

func (b *browser) Save(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("localStorage refused the data: %v", r)
		}
	}()
	s, ok := storage()
	if !ok {
		return errors.New("localStorage is not available")
	}
	s.Call("setItem", key, value)
	return nil
}

func (b *browser) Language() string {
	nav := js.Global().Get("navigator")
	if l := nav.Get("language"); l.Truthy() {
		return l.String()
	}
	return "en"
}

// pageURL is the page's address as the browser's own URL object: its
// parser is the one that made the address, and net/url would add 20 KB
// (gzipped) to the .wasm.
func pageURL() js.Value {
	return js.Global().Get("URL").New(js.Global().Get("location").Get("href"))
}

func (b *browser) SetParam(name, value string) {
	u := pageURL()
	q := u.Get("searchParams")
	if v := q.Call("get", name); v.IsNull() || v.String() == "" {
		return // only an address that says it needs to change
	}
	q.Call("set", name, value)
	js.Global().Get("history").Call("replaceState", nil, "", u.Call("toString"))
}

func (b *browser) Param(name string) string {
	v := pageURL().Get("searchParams").Call("get", name)
	if v.IsNull() {
		return ""
	}
	return v.String()
}

// Fetch reads a file of the page's own origin (up to 2 MiB); other
// origins are refused.
func (b *browser) Fetch(path string) ([]byte, error) {
	base := pageURL()
	u, err := resolveURL(path, base)
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid address", path)
	}
	if u.Get("origin").String() != base.Get("origin").String() {
		return nil, fmt.Errorf("%q is on another site; quizzes load from this site only", path)
	}
	return webfetch.Get(u.Call("toString").String(), 2<<20)
}

func (b *browser) Mirror(text string, items []Clickable) {
	if !b.aria.Truthy() {
		b.aria = js.Global().Get("document").Call("getElementById", "lab-aria")
	}
	if b.aria.Truthy() && b.aria.Get("textContent").String() != text {
		b.aria.Set("textContent", text)
	}
	// The same slice again (a partial repaint): the items have not changed.
	if len(items) > 0 && len(items) == len(b.items) && &items[0] == &b.items[0] {
		return
	}
	b.items = items
	if data, err := json.Marshal(items); err == nil {
		js.Global().Set("labItems", string(data))
	}
}

func (b *browser) FirstFrame() {
	w := js.Global()
	w.Set("labFirstFrame", w.Get("performance").Call("now"))
	// labTick tells automation how many updates the app has run, so a
	// test can hold a key down until the app has seen it, whatever the
	// frame rate (a key pressed and released between two updates is
	// never seen).
	w.Set("labTick", js.FuncOf(func(js.Value, []js.Value) any { return ebiten.Tick() }))
	w.Call("dispatchEvent", w.Get("Event").New("lab-ready"))
}

func (b *browser) Fragment() string {
	h := js.Global().Get("location").Get("hash").String()
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	return h
}

func (b *browser) SetFragment(f string) {
	if b.Fragment() == f {
		return
	}
	u := pageURL()
	u.Set("hash", "")
	addr := strings.TrimSuffix(u.Call("toString").String(), "#")
	if f != "" {
		addr += "#" + f
	}
	js.Global().Get("history").Call("replaceState", nil, "", addr)
}

func (b *browser) ShareURL(fragment string) string {
	u := pageURL()
	u.Set("hash", "")
	return strings.TrimSuffix(u.Call("toString").String(), "#") + "#" + fragment
}

// CopyText writes to the clipboard. navigator.clipboard answers later (a
// promise); a refusal is kept in window.labCopyError. window.labCopied
// holds the last text, for the end-to-end tests.
func (b *browser) CopyText(s string) error {
	w := js.Global()
	w.Set("labCopied", s)
	clip := w.Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return errors.New("this browser gives no clipboard here (it needs https or localhost)")
	}
	var onErr js.Func
	onErr = js.FuncOf(func(this js.Value, args []js.Value) any {
		w.Set("labCopyError", args[0].Call("toString"))
		onErr.Release()
		return nil
	})
	clip.Call("writeText", s).Call("catch", onErr)
	return nil
}

// mediaType is a download's type by its name's extension: a scenario
// (JSON), grades and links (CSV), a key or a code (text).
func mediaType(name string) string {
	switch {
	case strings.HasSuffix(name, ".json"):
		return "application/json"
	case strings.HasSuffix(name, ".csv"):
		return "text/csv"
	}
	return "text/plain"
}

// SaveFile offers the data as a download.
func (b *browser) SaveFile(name string, data []byte) (string, error) {
	w := js.Global()
	arr := w.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := w.Get("Blob").New([]any{arr}, map[string]any{"type": mediaType(name)})
	href := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", filepathBase(name))
	a.Call("click")
	// Revoking at once can cancel the download in some browsers.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		w.Get("URL").Call("revokeObjectURL", href)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 10000)
	return filepathBase(name), nil
}

func filepathBase(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' || name[i] == '\\' {
			return name[i+1:]
		}
	}
	return name
}

// ReadText reads the clipboard: navigator.clipboard.readText answers a
// promise (the browser may ask the user first, or refuse outside https).
func (b *browser) ReadText(done func(string, error)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("readText").Truthy() {
		done("", errors.New("this browser does not let the page read the clipboard here"))
		return
	}
	var onOK, onErr js.Func
	release := func() { onOK.Release(); onErr.Release() }
	onOK = js.FuncOf(func(this js.Value, args []js.Value) any {
		text := args[0].String()
		release()
		go done(text, nil)
		return nil
	})
	onErr = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := args[0].Call("toString").String()
		release()
		go done("", errors.New(msg))
		return nil
	})
	clip.Call("readText").Call("then", onOK, onErr)
}

// maxOpenFile bounds a chosen file: a quiz or a batch of codes is far
// smaller; this keeps a wrong pick (a video) from filling the memory.
const maxOpenFile = 16 << 20

// OpenFile clicks a hidden file input. The click follows the user's own
// click within the browser's activation window (Ebitengine handles input
// on the next animation frame), so the browser lets it open the chooser.
func (b *browser) OpenFile(accept string, done func(string, []byte, error)) {
	doc := js.Global().Get("document")
	input := doc.Call("createElement", "input")
	input.Set("type", "file")
	input.Set("accept", accept)
	var onChange, onCancel js.Func
	onCancel = js.FuncOf(func(js.Value, []js.Value) any {
		onChange.Release()
		onCancel.Release()
		return nil
	})
	onChange = js.FuncOf(func(js.Value, []js.Value) any {
		onChange.Release()
		onCancel.Release()
		files := input.Get("files")
		if files.Length() == 0 {
			return nil // cancelled
		}
		f := files.Index(0)
		name := f.Get("name").String()
		if size := f.Get("size").Int(); size > maxOpenFile {
			go done(name, nil, fmt.Errorf("%s is %d bytes; a quiz or a file of codes is at most %d", name, size, maxOpenFile))
			return nil
		}
		var onOK, onErr js.Func
		release := func() { onOK.Release(); onErr.Release() }
		onOK = js.FuncOf(func(this js.Value, args []js.Value) any {
			data := make([]byte, args[0].Get("byteLength").Int())
			js.CopyBytesToGo(data, js.Global().Get("Uint8Array").New(args[0]))
			release()
			go done(name, data, nil)
			return nil
		})
		onErr = js.FuncOf(func(this js.Value, args []js.Value) any {
			msg := args[0].Call("toString").String()
			release()
			go done(name, nil, errors.New(msg))
			return nil
		})
		f.Call("arrayBuffer").Call("then", onOK, onErr)
		return nil
	})
	input.Call("addEventListener", "change", onChange)
	input.Call("addEventListener", "cancel", onCancel)
	input.Call("click")
}

// resolveURL reads ref relative to base with the browser's URL
// constructor, which throws on an address it cannot read.
func resolveURL(ref string, base js.Value) (u js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return js.Global().Get("URL").New(ref, base), nil
}
