// The library image's focal point: click the picture to set it; the mark shows it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const frame = document.querySelector(".focal-point");
  const across = document.getElementById("id_focal_x");
  const down = document.getElementById("id_focal_y");
  if (!frame) return;
  const mark = frame.querySelector(".focal-point__mark");
  const show = (x, y) => {
    mark.style.insetInlineStart = "";
    mark.style.left = `${x}%`;
    mark.style.top = `${y}%`;
  };
  show(frame.dataset.x, frame.dataset.y);
  if (!across || !down) return; // read-only for this user
  frame.classList.add("focal-point--editable");
  frame.addEventListener("click", (event) => {
    const box = frame.querySelector("img").getBoundingClientRect();
    const x = Math.round(((event.clientX - box.left) / box.width) * 100);
    const y = Math.round(((event.clientY - box.top) / box.height) * 100);
    across.value = Math.min(100, Math.max(0, x));
    down.value = Math.min(100, Math.max(0, y));
    show(across.value, down.value);
    across.dispatchEvent(new Event("change", { bubbles: true }));
  });
  for (const input of [across, down]) {
    input.addEventListener("input", () => show(across.value, down.value));
  }
});
