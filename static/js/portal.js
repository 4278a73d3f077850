// Behaviour of portal pages, kept out of the HTML: the Content-Security-Policy allows no inline script.
"use strict";

// <input type="checkbox" data-check-all="NAME"> ticks or clears every checkbox named NAME.
document.addEventListener("change", (event) => {
  const master = event.target.closest("input[data-check-all]");
  if (!master) return;
  for (const box of document.querySelectorAll(`input[type=checkbox][name="${master.dataset.checkAll}"]`)) {
    box.checked = master.checked;
  }
});

// The error summary ("There is a problem") takes the focus when the page opens, so a screen reader reads it first
// and a phone shows it; each of its links moves the focus to the field it names.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-error-summary] a[href^='#field-']");
  if (!link) return;
  const container = document.getElementById(link.getAttribute("href").slice(1));
  if (!container) return;
  const details = container.closest("details");
  if (details) details.open = true;
  const input = container.querySelector("input:not([type=hidden]), select, textarea");
  if (!input) return;
  event.preventDefault();
  container.scrollIntoView({ block: "start" });
  input.focus({ preventScroll: true });
});

// <select data-searchable="placeholder">: a text box above a long list narrows its options as one types.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-searchable]")) {
    const search = document.createElement("input");
    search.type = "search";
    search.className = "select-search";
    search.placeholder = select.dataset.searchable;
    search.setAttribute("aria-label", select.dataset.searchable);
    search.setAttribute("aria-controls", select.id);
    select.before(search);
    search.addEventListener("input", () => {
      const words = search.value.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
      let first = null;
      for (const option of select.options) {
        const text = option.textContent.toLocaleLowerCase();
        const shown = !option.value || words.every((word) => text.includes(word));
        option.hidden = !shown;
        if (shown && option.value && !first) first = option;
      }
      if (first && select.selectedOptions[0]?.hidden) select.value = first.value;
    });
  }
});

// The header's menu is a <details> disclosure: closed behind a "Menu" button on a phone, open in a row on a wide
// screen (the CSS hides the button there). Without script it stays a working button everywhere.
const wide = window.matchMedia("(min-width: 48rem)");
const fitMenu = () => {
  for (const menu of document.querySelectorAll("details.menu")) menu.open = wide.matches;
};
wide.addEventListener("change", fitMenu);
fitMenu();
