// The events a coordinator saved on the phone while the connection was down, kept in IndexedDB until they are sent.
// Used by the pages (static/js/offline.js) and by the service worker (static/js/offline-worker.js).
//
// An entry: { key, user, action, fields: [[name, value], …], title, startDate, version, savedAt, state, message,
// url, stale, note, sentAt }. `key` is made when the form is first saved and goes with every send as
// `Idempotency-Key`: the server logs the event (or makes the change) once and answers any repeat with it. A change of
// an existing event keeps the `version` its form was opened at and sends it as `If-Match`: if the event changed
// meanwhile, the server refuses it (412) and `stale` is set. `state` is "waiting", "sent" or "conflict" (the server
// refused it: its message is kept until the coordinator fixes or discards the entry, never overwritten).
"use strict";

self.ShanyrakQueue = (() => {
  const DATABASE = "shanyrak-offline";
  const STORE = "submissions";
  const KEEP_SENT = 20;
  const SYNC_TAG = "shanyrak-send";

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run(mode, work) {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const result = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }

  const all = async () => (await run("readonly", (store) => store.getAll())) || [];
  const get = (key) => run("readonly", (store) => store.get(key));
  const put = (entry) => run("readwrite", (store) => store.put(entry));
  const remove = (key) => run("readwrite", (store) => store.delete(key));

  function newKey() {
    if (self.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // Keep a submission of the event form (its FormData) to send later; its key is the form's client_key.
  async function add(formData, action, user) {
    const fields = [...formData.entries()].filter(([, value]) => typeof value === "string");
    const value = (name) => (fields.find(([field]) => field === name) || [])[1] || "";
    const key = value("client_key") || newKey();
    const entry = {
      key,
      user: user || null,
      action,
      fields: fields.filter(([name]) => name !== "client_key").concat([["client_key", key]]),
      title: value("title"),
      startDate: value("start_date"),
      version: value("version"),
      savedAt: new Date().toISOString(),
      state: "waiting",
    };
    await put(entry);
    await askForSync();
    return entry;
  }

  // Where supported, the browser wakes the service worker to send when the connection returns.
  async function askForSync() {
    try {
      const registration = await (self.registration || navigator.serviceWorker.ready);
      if (registration.sync) await registration.sync.register(SYNC_TAG);
    } catch (error) {
      // No background sync here: the next page load or the "online" event sends instead.
    }
  }

  async function sendOne(entry, csrfToken) {
    const body = new URLSearchParams();
    for (const [name, value] of entry.fields) {
      body.append(name, name === "csrfmiddlewaretoken" && csrfToken ? csrfToken : value);
    }
    const token = csrfToken || (entry.fields.find(([name]) => name === "csrfmiddlewaretoken") || [])[1] || "";
    const headers = { Accept: "application/json", "Idempotency-Key": entry.key, "X-CSRFToken": token };
    if (entry.version) headers["If-Match"] = `"${entry.version}"`;
    let response;
    try {
      response = await fetch(entry.action, { method: "POST", body, credentials: "same-origin", headers });
    } catch (error) {
      return "offline";
    }
    const isJson = (response.headers.get("Content-Type") || "").includes("application/json");
    if (!isJson) {
      // The sign-in page (the session ended) or the CSRF refusal: wait until the coordinator signs in again.
      entry.note = response.redirected || response.status === 403 ? "signin" : "server";
      await put(entry);
      return entry.note;
    }
    const answer = await response.json();
    entry.message = answer.message || "";
    entry.note = "";
    if (response.ok) {
      Object.assign(entry, { state: "sent", url: answer.url, sentAt: new Date().toISOString() });
    } else {
      // A stale change (412) keeps the event's page and what changed there; it is never sent over that change.
      Object.assign(entry, { state: "conflict", stale: response.status === 412, url: answer.url || entry.url });
    }
    await put(entry);
    return entry.state;
  }

  // Send every waiting entry of `user` (or not yet claimed by anyone), one at a time, oldest first; stops at the
  // first network failure. Returns how many were sent.
  async function sendWaiting({ user, csrfToken } = {}) {
    const work = async () => {
      let sent = 0;
      const waiting = (await all())
        .filter((entry) => entry.state === "waiting" && (!user || !entry.user || entry.user === user))
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      for (const entry of waiting) {
        if (user && !entry.user) entry.user = user;
        const outcome = await sendOne(entry, csrfToken);
        if (outcome === "sent") sent += 1;
        if (outcome === "offline") break;
      }
      await forgetOldSent();
      return sent;
    };
    // One sender at a time across the pages and the worker: a second one would only repeat the first's sends.
    if (self.navigator && navigator.locks) return navigator.locks.request("shanyrak-send", work);
    return work();
  }

  async function forgetOldSent() {
    const sent = (await all()).filter((entry) => entry.state === "sent").sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    for (const entry of sent.slice(KEEP_SENT)) await remove(entry.key);
  }

  return { all, get, put, remove, add, newKey, sendWaiting, askForSync, SYNC_TAG };
})();
