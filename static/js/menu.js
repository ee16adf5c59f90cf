/* Main menu: the dropdowns are <details> and work without JavaScript; this adds
   the keyboard (arrows, Escape), one dropdown open at a time, closing on a click
   elsewhere, and the compact phone menu's toggle. */
"use strict";
(function () {
  const menu = document.querySelector("[data-menu]");
  if (!menu) return;
  const toggle = menu.querySelector(".main-menu__toggle");
  const list = menu.querySelector(".main-menu__list");
  const submenus = Array.from(menu.querySelectorAll("[data-submenu]"));

  menu.classList.add("main-menu--enhanced");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    list.classList.toggle("is-open", open);
  });

  function links(details) {
    return Array.from(details.querySelectorAll(".submenu__list a"));
  }

  function close(details, focusSummary) {
    details.open = false;
    if (focusSummary) details.querySelector("summary").focus();
  }

  submenus.forEach((details) => {
    const summary = details.querySelector("summary");
    details.addEventListener("toggle", () => {
      if (details.open) submenus.filter((other) => other !== details).forEach((other) => close(other));
    });
    summary.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        details.open = true;
        links(details)[0]?.focus();
      }
    });
    details.addEventListener("keydown", (event) => {
      const items = links(details);
      const index = items.indexOf(event.target);
      if (event.key === "Escape" && details.open) {
        event.preventDefault();
        close(details, true);
      } else if (event.key === "ArrowDown" && index >= 0) {
        event.preventDefault();
        items[(index + 1) % items.length].focus();
      } else if (event.key === "ArrowUp" && index >= 0) {
        event.preventDefault();
        (index === 0 ? summary : items[index - 1]).focus();
      } else if ((event.key === "Home" || event.key === "End") && index >= 0) {
        event.preventDefault();
        items[event.key === "Home" ? 0 : items.length - 1].focus();
      }
    });
  });

  document.addEventListener("click", (event) => {
    submenus.filter((details) => !details.contains(event.target)).forEach((details) => close(details));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && list.classList.contains("is-open") && !submenus.some((d) => d.open)) {
      toggle.click();
      toggle.focus();
    }
  });
})();
