// Gloss service worker: keeps a copy of the site (its hashed, immutable files
// and the page) so Gloss works offline after the first visit. It never
// fetches anything that is not part of the site, and caches nothing else:
// pasted text never leaves the page. scripts/build-site.sh writes the file
// list and a version that changes with any file; a new version replaces the
// old copy when it activates.
const VERSION = 'gloss-dev';
const FILES = [];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gloss-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the network when it answers (so a new version shows at once), else the copy.
    event.respondWith(
      fetch(request).catch(() => caches.open(VERSION).then((cache) => cache.match('./'))),
    );
    return;
  }
  // Hashed files never change: the copy first.
  event.respondWith(
    caches.open(VERSION).then((cache) => cache.match(request).then((hit) => hit || fetch(request))),
  );
});
