// The export page's "Select all" box: django-import-export wires it with an inline handler, which the
// Content-Security-Policy refuses; the same function is attached here instead.
"use strict";

document.addEventListener("change", (event) => {
  if (event.target.matches("input.select-toggle") && typeof onSelectToggleChange === "function") {
    onSelectToggleChange(event);
  }
});
