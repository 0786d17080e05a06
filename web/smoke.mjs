// Browser smoke test of the web build: starts cmd/serve on a free port of
// 127.0.0.1, opens the page in headless Chromium (driven over the DevTools
// protocol, in real time), waits for the app's first frame ("lab-ready"),
// saves a screenshot and prints what it saw. Exits 1 when the page shows an
// error or the app is not ready in time.
//
//   make web-smoke            (builds dist/ and bin/serve first)
//   node web/smoke.mjs -serve bin/serve -dir dist -out bin/smoke.png [-query '?lang=pt'] [-timeout 60000]
//
// Chromium's one-shot `--screenshot --virtual-time-budget=N` is no use here:
// virtual time runs ahead of the streamed .wasm download and of WebAssembly
// compilation, so its picture shows the loading screen however large N is.
//
// Needs node (18+) and chromium; with node 20 the script reruns itself with
// --experimental-websocket for the global WebSocket.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

if (typeof WebSocket !== "function") {
  const r = spawnSync(process.execPath, ["--experimental-websocket", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const args = { serve: "bin/serve", dir: "dist", out: "bin/smoke.png", query: "", timeout: "60000", chromium: "/usr/bin/chromium" };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^-+/, "");
  if (!(k in args) || i + 1 >= process.argv.length) {
    console.error(`usage: node web/smoke.mjs [${Object.keys(args).map((a) => `-${a} ${args[a] || "…"}`).join("] [")}]`);
    process.exit(2);
  }
  args[k] = process.argv[i + 1];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = [];
const profile = mkdtempSync(join(tmpdir(), "lab-smoke-"));
const cleanup = async () => {
  await Promise.all(children.map((c) => c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => {
    c.once("exit", r);
    c.kill();
    setTimeout(r, 3000);
  })));
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {}
};
const die = async (msg) => {
  console.error(`web-smoke: ${msg}`);
  await cleanup();
  process.exit(1);
};
const timer = setTimeout(() => die(`gave up after ${Number(args.timeout) + 30000} ms`), Number(args.timeout) + 30000);

// The server prints "serving DIR on http://127.0.0.1:PORT".
const server = spawn(args.serve, ["-dir", args.dir, "-addr", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
children.push(server);
const base = await new Promise((resolve, reject) => {
  let text = "";
  server.stderr.on("data", (d) => {
    text += d;
    const m = text.match(/serving .* on (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error(`${args.serve} exited (${code}): ${text.trim()}`)));
  server.on("error", reject);
}).catch((err) => die(err.message));

const chrome = spawn(args.chromium, [
  "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-gpu",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  `--user-data-dir=${profile}`, "--window-size=1024,720",
  "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank",
], { stdio: ["ignore", "ignore", "pipe"] });
children.push(chrome);
// Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID".
const browserWS = await new Promise((resolve, reject) => {
  let text = "";
  chrome.stderr.on("data", (d) => {
    text += d;
    const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  chrome.on("exit", (code) => reject(new Error(`chromium exited (${code})`)));
  chrome.on("error", reject);
}).catch((err) => die(err.message));

const httpBase = browserWS.replace(/^ws:/, "http:").replace(/\/devtools\/.*$/, "");
let pageWS;
for (let i = 0; i < 100 && !pageWS; i++) {
  try {
    const targets = await (await fetch(`${httpBase}/json`)).json();
    pageWS = targets.find((t) => t.type === "page")?.webSocketDebuggerUrl;
  } catch {}
  if (!pageWS) await sleep(100);
}
if (!pageWS) await die("no page target in chromium");

const ws = new WebSocket(pageWS);
await new Promise((r, j) => { ws.addEventListener("open", r); ws.addEventListener("error", j); });
let nextId = 0;
const pending = new Map();
const consoleLines = [];
const requests = [];
ws.addEventListener("message", (ev) => {
  const m = JSON.parse(ev.data);
  if (m.id && pending.has(m.id)) {
    pending.get(m.id)(m);
    pending.delete(m.id);
  } else if (m.method === "Runtime.consoleAPICalled") {
    consoleLines.push(`${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(" ")}`);
  } else if (m.method === "Runtime.exceptionThrown") {
    consoleLines.push(`exception: ${m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text}`);
  } else if (m.method === "Network.responseReceived") {
    const r = m.params.response;
    const h = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
    requests.push(`${r.status} ${r.url.replace(base, "")} ${h["content-type"] ?? ""} encoding=${h["content-encoding"] ?? "-"} length=${h["content-length"] ?? "-"} x-content-length=${h["x-content-length"] ?? "-"}`);
  } else if (m.method === "Network.loadingFailed") {
    requests.push(`failed ${m.params.errorText}`);
  }
});
const send = (method, params = {}) => new Promise((resolve) => {
  const id = ++nextId;
  pending.set(id, resolve);
  ws.send(JSON.stringify({ id, method, params }));
});
const evaluate = async (expression) => (await send("Runtime.evaluate", { expression, returnByValue: true })).result?.result?.value;

await send("Runtime.enable");
await send("Network.enable");
await send("Page.enable");
const url = base + "/" + args.query;
const t0 = Date.now();
await send("Page.navigate", { url });

const probe = `(() => {
  const $ = (id) => document.getElementById(id);
  const loading = $("lab-loading");
  const canvas = document.querySelector("canvas");
  return JSON.stringify({
    status: $("lab-status")?.textContent,
    loadingShown: !!loading && getComputedStyle(loading).display !== "none",
    failed: !!loading && loading.classList.contains("lab-failed"),
    error: $("lab-error-text")?.textContent || "",
    firstFrame: window.labFirstFrame ?? null,
    aria: ($("lab-aria")?.textContent || "").slice(0, 300),
    lang: document.documentElement.lang,
    window: innerWidth + "x" + innerHeight,
    canvas: canvas ? canvas.clientWidth + "x" + canvas.clientHeight : null,
  });
})()`;
let state = {};
let last = "";
const progress = [];
while (Date.now() - t0 < Number(args.timeout)) {
  const s = await evaluate(probe);
  if (s) {
    state = JSON.parse(s);
    if (state.status !== last) {
      progress.push(`${Date.now() - t0} ms: ${state.status}`);
      last = state.status;
    }
    if (state.failed || (state.firstFrame !== null && !state.loadingShown)) break;
  }
  await sleep(50);
}
await sleep(500); // a few more frames
state = JSON.parse(await evaluate(probe));
const shot = await send("Page.captureScreenshot", { format: "png" });
writeFileSync(args.out, Buffer.from(shot.result.data, "base64"));

console.log(`page      ${url}`);
console.log(`requests\n  ${requests.join("\n  ")}`);
console.log(`loading\n  ${progress.join("\n  ")}`);
console.log(`state     ${JSON.stringify(state, null, 1).replace(/\n\s*/g, " ")}`);
if (consoleLines.length) console.log(`console\n  ${consoleLines.slice(0, 40).join("\n  ")}`);
console.log(`picture   ${args.out}`);

ws.close();
clearTimeout(timer);
let problem = "";
if (state.failed) problem = `the page shows an error: ${state.error}`;
else if (state.firstFrame === null) problem = `no lab-ready within ${args.timeout} ms`;
else if (state.loadingShown) problem = "the loading screen is still shown after lab-ready";
else if (state.canvas !== state.window) problem = `the canvas (${state.canvas}) does not fill the window (${state.window})`;
if (problem) await die(problem);
console.log(`ok        first frame at ${Math.round(state.firstFrame)} ms after navigation start`);
await cleanup();
process.exit(0);
