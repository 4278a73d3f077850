// Names for the admin's autocomplete boxes. Select2 draws a combobox beside each hidden <select> and leaves it
// without an accessible name; it also redraws parts of it on every change. So, whenever the page changes, each box
// is named after its <select>'s label (or aria-label) again. Kept out of the HTML: the Content-Security-Policy allows
// no inline script.
"use strict";

function labelOf(select) {
  const label = select.id ? document.querySelector(`label[for="${CSS.escape(select.id)}"]`) : null;
  if (label) {
    if (!label.id) label.id = `${select.id}-label`;
    return { id: label.id, text: label.textContent.replace(/:\s*$/, "").trim() };
  }
  return { id: null, text: select.getAttribute("aria-label") || "" };
}

function nameAutocompletes() {
  for (const select of document.querySelectorAll("select.admin-autocomplete")) {
    const container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2")) continue;
    const label = labelOf(select);
    if (!label.text) continue;
    const box = container.querySelector(".select2-selection");
    const shown = container.querySelector(".select2-selection__rendered");
    if (box && shown && shown.id && label.id) {
      box.setAttribute("aria-labelledby", `${label.id} ${shown.id}`);
    } else if (box) {
      box.removeAttribute("aria-labelledby");
      box.setAttribute("aria-label", label.text);
    }
    if (shown && shown.getAttribute("role") === "textbox") shown.setAttribute("aria-label", label.text);
    for (const field of container.querySelectorAll(".select2-search__field")) field.setAttribute("aria-label", label.text);
    // The "clear all" cross sits inside the list of chosen items; it is for the mouse (the keyboard clears with
    // backspace), so assistive technology skips it.
    for (const clear of container.querySelectorAll(".select2-selection__clear")) clear.setAttribute("aria-hidden", "true");
  }
}

let pending = false;
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    nameAutocompletes();
  });
}).observe(document.documentElement, { childList: true, subtree: true });
document.addEventListener("DOMContentLoaded", nameAutocompletes);
