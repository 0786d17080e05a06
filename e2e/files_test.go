//go:build !js && !wasip1

package e2e

import (
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chooseFile clicks the button with that id, which opens the browser's
// file chooser, and picks the file at path in it, as a user would in the
// dialog (the test intercepts the dialog, which headless Chromium cannot
// show).
func (b *browserApp) chooseFile(button, path string) {
	b.t.Helper()
	b.step("choose %s with %s", path, button)
	_, err := chromedp.Call(b.ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true})
	b.must(err, "intercepting the file chooser")
	opened := make(chan page.EventFileChooserOpened, 1)
	events := chromedp.Events(b.ctx, page.FileChooserOpened)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			opened <- ev
			return
		}
	}()
	b.clickItem(button)
	select {
	case ev := <-opened:
		_, err := chromedp.Call(b.ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{path}, BackendNodeID: ev.BackendNodeID})
		b.must(err, "choosing %s", path)
	case <-b.ctx.Done():
		b.t.Fatalf("%s opened no file chooser", button)
	}
}

// dropFiles drags files from outside the browser and drops them at x, y,
// as a user dragging them from their file manager.
func (b *browserApp) dropFiles(x, y float64, paths ...string) {
	b.t.Helper()
	b.step("drop %v at %.0f,%.0f", paths, x, y)
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: paths, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		_, err := chromedp.Call(b.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: x, Y: y, Data: data})
		b.must(err, "dispatching %s", typ)
	}
	b.frames(2)
}
