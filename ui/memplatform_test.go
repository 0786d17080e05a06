package ui

import "os"

// memPlatform is a Platform in memory: what the game stores, the
// address's fragment, the clipboard and the files it saves.
type memPlatform struct {
	store    map[string]string
	fragment string
	copied   string
	copyErr  error // when set, the clipboard fails
	files    map[string][]byte
	// openName and openData are the file a user picks (nil: none).
	openName string
	openData []byte
	// params are the address's query parameters (nil: none).
	params map[string]string
}

func newMemPlatform() *memPlatform {
	return &memPlatform{store: map[string]string{}, files: map[string][]byte{}}
}

func (m *memPlatform) Load(key string) string            { return m.store[key] }
func (m *memPlatform) Save(key, value string) error      { m.store[key] = value; return nil }
func (m *memPlatform) Language() string                  { return "en" }
func (m *memPlatform) Param(name string) string          { return m.params[name] }
func (m *memPlatform) SetParam(string, string)           {}
func (m *memPlatform) Fetch(path string) ([]byte, error) { return os.ReadFile(path) }
func (m *memPlatform) Mirror(string, []Clickable)        {}
func (m *memPlatform) FirstFrame()                       {}
func (m *memPlatform) Fragment() string                  { return m.fragment }
func (m *memPlatform) SetFragment(f string)              { m.fragment = f }
func (m *memPlatform) ShareURL(fragment string) string   { return "https://lab.example/#" + fragment }
func (m *memPlatform) SaveFile(name string, data []byte) (string, error) {
	m.files[name] = data
	return "/saved/" + name, nil
}

// ReadText reads what was copied last (or pasteText, when set).
func (m *memPlatform) ReadText(done func(string, error)) {
	if m.copyErr != nil {
		done("", m.copyErr)
		return
	}
	done(m.copied, nil)
}

func (m *memPlatform) CopyText(s string) error {
	if m.copyErr != nil {
		return m.copyErr
	}
	m.copied = s
	return nil
}

// OpenFile gives openName and openData, as a user choosing that file;
// without them, it has no chooser, as the desktop.
func (m *memPlatform) OpenFile(_ string, done func(string, []byte, error)) {
	if m.openData == nil {
		done("", nil, errNoChooser)
		return
	}
	done(m.openName, m.openData, nil)
}
