// The portal without a connection, on the page's side: registers the service worker, gives each new event (and each
// change of an existing one) its key when the form is first saved, keeps the form on the phone when it cannot be
// sent, sends what waits when the connection returns, and shows it all in the panel (#offline-panel; its texts come
// in its data- attributes, in the page's language).
"use strict";

(() => {
  const Queue = self.ShanyrakQueue;
  const body = document.body;
  const user = body.dataset.user || "";
  if (!Queue || !user || !("indexedDB" in self)) return;

  if ("serviceWorker" in navigator && body.dataset.serviceWorker) {
    navigator.serviceWorker.register(body.dataset.serviceWorker).catch(() => null);
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "queue-changed") render();
    });
  }

  const panel = document.getElementById("offline-panel");
  const text = (name) => (panel ? panel.dataset[name] || "" : "");
  const params = new URLSearchParams(location.search);
  const csrfToken = () => (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  const when = (iso) =>
    new Date(iso).toLocaleString(document.documentElement.lang || undefined, { dateStyle: "short", timeStyle: "short" });

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children) node.append(child);
    return node;
  }

  function item(entry) {
    const title = entry.title || "—";
    const li = element("li", { "data-key": entry.key, class: `offline-${entry.state}` });
    if (entry.state === "sent") {
      li.append(element("a", { href: entry.url }, title), " · ", `${text("sentAt")} ${when(entry.sentAt)}`);
      return li;
    }
    li.append(element("strong", {}, title), " · ", `${text("savedAt")} ${when(entry.savedAt)}`);
    if (entry.state === "conflict" && entry.stale) {
      // The event changed meanwhile: the coordinator's change is not sent over it; they discard it, or open the
      // event as it is now and make their change there.
      li.append(element("p", { class: "error" }, entry.message || ""));
      const reopen = element("a", { href: `${entry.action}?reopen=${encodeURIComponent(entry.key)}` }, text("reopen"));
      const discard = element(
        "button",
        { type: "button", class: "link", "data-discard": entry.key },
        text("discardChange"),
      );
      li.append(reopen, " · ", discard);
    } else if (entry.state === "conflict") {
      li.append(element("p", { class: "error" }, entry.message || ""));
      const fix = element("a", { href: `${entry.action}?fix=${encodeURIComponent(entry.key)}` }, text("fix"));
      const discard = element("button", { type: "button", class: "link", "data-discard": entry.key }, text("discard"));
      li.append(fix, " · ", discard);
    } else if (entry.note === "signin") {
      li.append(element("p", { class: "muted" }, text("signin")));
    }
    return li;
  }

  function section(entries, heading, name) {
    if (!entries.length) return null;
    const list = element("ul", { class: "list small", id: `offline-${name}` }, ...entries.map(item));
    return element("div", {}, element("h3", {}, `${heading} (${entries.length})`), list);
  }

  async function render() {
    if (!panel) return;
    const mine = (await Queue.all()).filter((entry) => !entry.user || entry.user === user);
    const newest = (a, b) => (b.sentAt || b.savedAt).localeCompare(a.sentAt || a.savedAt);
    const by = (state) => mine.filter((entry) => entry.state === state).sort(newest);
    const content = panel.querySelector("[data-offline-content]");
    content.replaceChildren(
      ...[
        section(by("conflict"), text("conflicts"), "conflicts"),
        section(by("waiting"), text("waiting"), "waiting"),
        section(by("sent"), text("sent"), "sent"),
      ].filter(Boolean),
    );
    panel.querySelector("[data-send-now]").hidden = !by("waiting").length;
    panel.hidden = !mine.length && !panel.querySelector("[data-offline-notice]").textContent;
  }

  function notice(message) {
    if (!panel) return;
    panel.querySelector("[data-offline-notice]").textContent = message;
    panel.hidden = false;
  }

  let sending = false;
  async function send() {
    if (sending || !navigator.onLine) return;
    sending = true;
    try {
      await Queue.sendWaiting({ user, csrfToken: csrfToken() });
      // "Saved on this phone" no longer holds once nothing of this person's waits to be sent.
      const shown = panel && panel.querySelector("[data-offline-notice]");
      const mine = (entry) => !entry.user || entry.user === user;
      const waiting = (await Queue.all()).some((entry) => entry.state === "waiting" && mine(entry));
      if (!waiting && shown && shown.textContent.startsWith(text("saved"))) shown.textContent = "";
    } finally {
      sending = false;
      await render();
    }
  }

  // The event form (a new event, or a change of one): its key is made when it is first saved, and kept for every
  // retry.
  const form = document.querySelector("form[data-offline-form]");
  const keyField = form && form.querySelector("input[name=client_key]");

  async function fill(entry) {
    for (const field of form.elements) {
      if (field.name && field.name !== "csrfmiddlewaretoken" && (field.type === "checkbox" || field.type === "radio")) {
        field.checked = false;
      }
    }
    for (const [name, value] of entry.fields) {
      if (name === "csrfmiddlewaretoken") continue;
      for (const field of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
        if (field.type === "checkbox" || field.type === "radio") {
          if (field.value === value) field.checked = true;
        } else if (field.multiple) {
          for (const option of field.options) if (option.value === value) option.selected = true;
        } else {
          field.value = value;
        }
      }
    }
    keyField.value = entry.key;
    notice(`${text("fixing")} ${entry.message || ""}`);
  }

  if (form && keyField) {
    let released = false;
    form.addEventListener("submit", (event) => {
      if (released) return;
      event.preventDefault();
      if (!keyField.value) keyField.value = Queue.newKey();
      const submitter = event.submitter;
      const data = new FormData(form, submitter);
      // With the service worker in charge it keeps the form if the network fails; without it, this page does.
      const keepHere = !(navigator.serviceWorker && navigator.serviceWorker.controller) && !navigator.onLine;
      (async () => {
        try {
          if (keepHere) {
            const entry = await Queue.add(data, form.getAttribute("action") || location.pathname, user);
            form.reset();
            keyField.value = "";
            notice(`${text("saved")} «${entry.title}»`);
            await render();
            return;
          }
          const fixing = await Queue.get(keyField.value);
          if (fixing && fixing.state !== "sent") {
            // A corrected entry goes with its key again, and waits until the server has answered it.
            await Queue.put({ ...fixing, fields: [...data.entries()], state: "waiting", message: "" });
          }
        } catch (error) {
          if (keepHere) return;
        }
        released = true;
        if (submitter) form.requestSubmit(submitter);
        else form.requestSubmit();
      })();
    });
    if (params.get("fix")) Queue.get(params.get("fix")).then((entry) => entry && fill(entry));
  }
  if (params.get("offline") === "saved") notice(text("saved"));
  // Opened online after a stale change: the page shows the event as it is now; the change kept on the phone is
  // dropped, to be made again here if it is still needed.
  if (params.get("reopen") && navigator.onLine) {
    Queue.remove(params.get("reopen")).then(() => {
      notice(text("reopened"));
      return render();
    });
  }
  // With a connection, the service worker keeps the pages of this person's open events for use without one.
  if (navigator.onLine && navigator.serviceWorker && navigator.serviceWorker.controller) {
    navigator.serviceWorker.controller.postMessage({ type: "keep-events" });
  }

  if (panel) {
    panel.addEventListener("click", async (event) => {
      const discard = event.target.closest("[data-discard]");
      if (discard) {
        await Queue.remove(discard.dataset.discard);
        render();
      } else if (event.target.closest("[data-send-now]")) {
        send();
      }
    });
  }
  window.addEventListener("online", send);
  document.addEventListener("DOMContentLoaded", () => render().then(send));
})();
