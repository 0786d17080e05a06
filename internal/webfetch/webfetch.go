//go:build js

// Package webfetch reads a file over the network with the browser's
// fetch, for the browser build (net/http would add megabytes to the
// .wasm). It blocks the calling goroutine until the answer is in, so it
// must not be called from a js.FuncOf callback, whose event the answer
// would wait behind; Ebitengine runs Update and Draw in a goroutine of
// their own, where it is fine.
package webfetch

import (
	"fmt"
	"syscall/js"
)

// Get fetches address (relative to the page, or absolute) and returns
// its body; a body larger than limit bytes, an HTTP error status or a
// network failure is an error that names the address.
func Get(address string, limit int) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	var onResp, onBody, onErr js.Func
	onErr = js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{err: fmt.Errorf("%s: %s", address, args[0].Call("toString").String())}
		return nil
	})
	onBody = js.FuncOf(func(this js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		n := arr.Get("length").Int()
		if n > limit {
			done <- result{err: fmt.Errorf("%s: larger than %d KiB", address, limit>>10)}
			return nil
		}
		data := make([]byte, n)
		js.CopyBytesToGo(data, arr)
		done <- result{data: data}
		return nil
	})
	onResp = js.FuncOf(func(this js.Value, args []js.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			done <- result{err: fmt.Errorf("%s: HTTP %d %s", address, resp.Get("status").Int(), resp.Get("statusText").String())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody, onErr)
		return nil
	})
	defer onResp.Release()
	defer onBody.Release()
	defer onErr.Release()
	js.Global().Call("fetch", address).Call("then", onResp, onErr)
	r := <-done
	return r.data, r.err
}
