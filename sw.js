// The service worker of Async With Lab: the site works offline after the
// first visit. web.Pack writes VERSION and FILES when it packs the site;
// a new version is a new sw.js, which the browser installs in the
// background; it waits until the page asks it to take over (the page
// shows "A new version is ready — reload"), so nothing changes under a
// learner's feet. Every path is relative, so the site works from any
// sub-path (a course site's /lab/).
"use strict";
const VERSION = "__VERSION__";
const FILES = __FILES__;
const PREFIX = "awl-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: "reload" skips the HTTP cache: the files of this version.
    await cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // Only this app's caches of other versions go.
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
  if (event.data === "version" && event.source) event.source.postMessage({ version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page, whatever its query (?lang=pt): the cached "./".
    if (req.mode === "navigate") {
      const page = await cache.match("./");
      if (page) return page;
    }
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    // Anything else of the site (a teacher's quiz file on the same site):
    // from the network, kept for offline use.
    try {
      const resp = await fetch(req);
      if (resp.ok) await cache.put(req, resp.clone());
      return resp;
    } catch (err) {
      const kept = await cache.match(req);
      if (kept) return kept;
      throw err;
    }
  })());
});
