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
