// Package e2e holds the end-to-end tests of the browser version of Async
// With Lab: the app compiled to WebAssembly, served with index.html and
// wasm_exec.js from a local test server, and driven in headless Chromium
// through the Chrome DevTools Protocol (github.com/chromedp/chromedp).
//
// The tests only read what the app offers for automation: the text of the
// screen in #lab-aria, the clickable items with their place in
// window.labItems, window.labFirstFrame and the "lab-ready" event. They
// press real keys and move a real mouse on the canvas.
//
// Run them with
//
//	go test ./e2e -v
//
// They need Chromium (/usr/bin/chromium, or the path in CHROME_PATH). When
// it is missing the tests are skipped, except on CI (env CI set), where
// they fail. Screenshots of the key screens go to SCREENSHOT_DIR (default:
// a temporary directory, printed with -v). TestMain builds app.wasm once
// (GOOS=js GOARCH=wasm) and serves it from an httptest server with the
// page, wasm_exec.js and a few broken quiz files under /fixtures/.
//
// The browser draws with SwiftShader (software WebGL), where one redraw
// of the app costs a few hundred milliseconds, so the whole run takes
// about three and a half minutes. TestQuizByKeyboard and TestQuizByMouse
// each take all 53 questions (E2E_QUICK=1 makes the mouse take only the
// last 15, after restoring the others from saved progress).
package e2e
