// The portal's service worker (served as /portal/sw.js, which sets self.SHANYRAK and imports this file): it keeps
// the event form and its files on the phone so the form opens without a connection, and keeps a submission made
// without a connection in the queue (static/js/offline-queue.js) instead of losing it.
"use strict";

const { version, files, pages, form, logout, events } = self.SHANYRAK;
// An event's own page (its edit form): kept when opened, and for this person's open events, ahead of need.
const EVENT_PAGE = new RegExp(self.SHANYRAK.eventPage);
const KEEP_EVENTS_EVERY = 60 * 1000;
let eventsKeptAt = 0;
const FILES = `shanyrak-files-${version}`;
const PAGES = "shanyrak-pages";

// The signed-in pages are fetched with the session; a redirect (to the sign-in page) is not kept.
async function keepPage(cache, path) {
  const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
  if (response.ok && !response.redirected) await cache.put(path, response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(FILES)).addAll(files);
      const cache = await caches.open(PAGES);
      await Promise.all(pages.map((path) => keepPage(cache, path).catch(() => null)));
      await keepEvents().catch(() => null);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("shanyrak-files-") && name !== FILES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// A page: from the network, kept for later (unfiltered only); without a connection, the kept one.
async function networkFirst(request, url) {
  const path = url.pathname;
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && !url.search) await cache.put(path, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(path);
    if (kept) return kept;
    throw error;
  }
}

// The pages of this person's open events (drafts, submitted, returned), so that they open without a connection.
async function keepEvents() {
  if (Date.now() - eventsKeptAt < KEEP_EVENTS_EVERY) return;
  eventsKeptAt = Date.now();
  const response = await fetch(events, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok || response.redirected) return;
  const cache = await caches.open(PAGES);
  for (const path of (await response.json()).pages) await keepPage(cache, path).catch(() => null);
}

// The event form (a new event, or a change of one) sent without a connection: kept on the phone, and the form
// opened again with a notice.
async function sendOrKeep(request, path) {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch (error) {
    await self.ShanyrakQueue.add(await copy.formData(), path, null);
    return Response.redirect(`${path}?offline=saved`, 303);
  }
}

async function tellPages() {
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage({ type: "queue-changed" });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST") {
    const isForm = url.pathname === form || EVENT_PAGE.test(url.pathname);
    if (isForm && request.mode === "navigate") event.respondWith(sendOrKeep(request, url.pathname));
    // Signing out forgets the kept pages: they were the signed-in person's.
    if (url.pathname === logout) event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && (pages.includes(url.pathname) || EVENT_PAGE.test(url.pathname))) {
    event.respondWith(networkFirst(request, url));
  } else if (files.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((kept) => kept || fetch(request)));
  }
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "keep-events") event.waitUntil(keepEvents().catch(() => null));
});

self.addEventListener("sync", (event) => {
  if (event.tag === self.ShanyrakQueue.SYNC_TAG) {
    event.waitUntil(self.ShanyrakQueue.sendWaiting().then(tellPages));
  }
});
