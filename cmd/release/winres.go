package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"

	"asyncwithlab/web"
)

// windowsIconSizes are the sizes Windows picks from for the taskbar, the
// title bar, Explorer's views and the Start menu (at 100–200 % scaling).
var windowsIconSizes = []int{16, 24, 32, 48, 64, 128, 256}

// windowsResources is the .syso object the Go linker puts into a Windows
// program: the app's icon (drawn by package web, as on the web and macOS)
// and the version information Explorer shows in the file's properties.
func windowsResources(ver, goarch string) ([]byte, error) {
	var images []image.Image
	for _, size := range windowsIconSizes {
		img, err := png.Decode(bytes.NewReader(web.IconPNG(size)))
		if err != nil {
			return nil, err
		}
		images = append(images, img)
	}
	icon, err := winres.NewIconFromImages(images)
	if err != nil {
		return nil, err
	}
	var rs winres.ResourceSet
	if err := rs.SetIcon(winres.Name("APPICON"), icon); err != nil {
		return nil, err
	}
	var vi version.Info
	for key, value := range map[string]string{
		version.ProductName:      "Async With Lab",
		version.FileDescription:  "Async With Lab",
		version.OriginalFilename: "asyncwithlab.exe",
	} {
		if err := vi.Set(version.LangNeutral, key, value); err != nil {
			return nil, err
		}
	}
	vi.SetProductVersion(ver)
	vi.SetFileVersion(ver)
	rs.SetVersionInfo(vi)
	arch := map[string]winres.Arch{"amd64": winres.ArchAMD64, "arm64": winres.ArchARM64}[goarch]
	if arch == "" {
		return nil, fmt.Errorf("no Windows resources for %s", goarch)
	}
	var b bytes.Buffer
	if err := rs.WriteObject(&b, arch); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// withWindowsResources writes the resources where go build finds them (a
// .syso file in the main package, for this architecture only), runs
// build, and removes the file again.
func withWindowsResources(ver, goarch string, build func() error) error {
	obj, err := windowsResources(ver, goarch)
	if err != nil {
		return fmt.Errorf("windows resources: %w", err)
	}
	name := "rsrc_windows_" + goarch + ".syso"
	if err := os.WriteFile(name, obj, 0o644); err != nil {
		return err
	}
	defer os.Remove(name)
	return build()
}
