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

// The header's menu is a <details> disclosure: closed behind a "Menu" button on a phone, open in a row on a wide
// screen (the CSS hides the button there). Without script it stays a working button everywhere.
const wide = window.matchMedia("(min-width: 48rem)");
const fitMenu = () => {
  for (const menu of document.querySelectorAll("details.menu")) menu.open = wide.matches;
};
wide.addEventListener("change", fitMenu);
fitMenu();
