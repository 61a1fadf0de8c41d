// Vouch's service worker: precaches the app so it opens with no connection, and never sends the
// user's data anywhere (it only serves the app's own files). The build fills in the two values below
// (tools/post_build.py); the cache name changes with every build, and old caches are removed.
const VERSION = "__VOUCH_VERSION__";
const PRECACHE = __VOUCH_PRECACHE__;
const CACHE = `vouch-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith("vouch-") && n !== CACHE).map((n) => caches.delete(n)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every page of the app is the same shell; routing happens in the page.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match("index.html").then((shell) => shell || fetch(request))
      )
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
