package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"asyncwithlab/assets"
)

// SiteFiles are the files the service worker keeps for offline use: all
// of the site, by paths relative to it (so it works from a sub-path). The
// page is "./", not index.html: static servers redirect index.html to the
// directory, and a browser refuses a redirected response for a page.
func SiteFiles() []string {
	files := []string{WasmName}
	for _, f := range PageFiles {
		if f == "index.html" {
			f = "./"
		}
		files = append(files, f)
	}
	for _, n := range IconSizes {
		files = append(files, iconName(n))
	}
	for _, name := range assets.Later {
		files = append(files, laterPath(name))
	}
	return files
}

// laterPath is where a file of assets.Later is on the site: the browser
// build fetches assets/NAME relative to the page.
func laterPath(name string) string { return "assets/" + name }

// writeLater writes the files the browser build fetches instead of
// embedding (assets.Later), from the desktop build's embedded copies, so
// the site and the .wasm always come from the same sources.
func writeLater(out string) error {
	for _, name := range assets.Later {
		data, err := readAsset(name)
		if err != nil {
			return fmt.Errorf("assets.Later lists %s: %w", name, err)
		}
		dst := filepath.Join(out, filepath.FromSlash(laterPath(name)))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := writeFile(dst, data); err != nil {
			return err
		}
	}
	return nil
}

// readAsset reads NAME from the assets folder it belongs to.
func readAsset(name string) ([]byte, error) {
	for _, fsys := range []fs.FS{assets.Banks, assets.Messages, assets.Fonts} {
		if data, err := fs.ReadFile(fsys, name); err == nil {
			return data, nil
		}
	}
	return nil, fs.ErrNotExist
}

func iconName(size int) string { return fmt.Sprintf("icon-%d.png", size) }

// writeOffline writes what makes the site an installable offline app:
// the files the .wasm fetches (assets.Later), the icons and sw.js with
// this version and file list.
func writeOffline(opts Options) error {
	if err := writeLater(opts.Out); err != nil {
		return err
	}
	for _, n := range IconSizes {
		if err := writeFile(filepath.Join(opts.Out, iconName(n)), IconPNG(n)); err != nil {
			return err
		}
	}
	tmpl, err := os.ReadFile(filepath.Join(opts.Root, ServiceWorker))
	if err != nil {
		return err
	}
	version := opts.Version
	if version == "" {
		version = "dev"
	}
	v, _ := json.Marshal(version)
	list, _ := json.Marshal(SiteFiles())
	if !bytes.Contains(tmpl, []byte(`"__VERSION__"`)) || !bytes.Contains(tmpl, []byte("__FILES__")) {
		return fmt.Errorf("%s: expected the placeholders \"__VERSION__\" and __FILES__", ServiceWorker)
	}
	sw := bytes.Replace(tmpl, []byte(`"__VERSION__"`), v, 1)
	sw = bytes.Replace(sw, []byte("__FILES__"), list, 1)
	return writeFile(filepath.Join(opts.Out, ServiceWorker), sw)
}
