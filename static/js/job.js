// The page of a running job follows it: every few seconds it fetches itself and puts the new status in place, and
// reloads once the job has finished. Without scripts, the page refreshes itself (<noscript> in its head).
"use strict";

(() => {
  const status = document.getElementById("job-status");
  if (!status || !status.dataset.jobPoll) return;
  const seconds = Math.max(1, Number(status.dataset.jobPoll) || 2);

  async function look() {
    try {
      const response = await fetch(window.location.href, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("job-status");
      if (!fresh || !fresh.dataset.jobPoll) {
        window.location.reload();
        return;
      }
      status.replaceChildren(...fresh.childNodes);
    } catch (error) {
      // A missed look (a restart, the network): the next one tries again.
    }
    window.setTimeout(look, seconds * 1000);
  }

  window.setTimeout(look, seconds * 1000);
})();
