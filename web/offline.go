package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
	return files
}

func iconName(size int) string { return fmt.Sprintf("icon-%d.png", size) }

// writeOffline writes what makes the site an installable offline app:
// the icons and sw.js with this version and file list.
func writeOffline(opts Options) error {
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
