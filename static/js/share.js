/* The share lists' "Copy link": with scripts, it copies the page's (or the card's)
   address instead of following the link, and says so. */
"use strict";
(function () {
  const copied = document.currentScript.dataset.copied;
  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    const card = link.closest(".card");
    const own = card && card.querySelector(".card__title a");
    navigator.clipboard.writeText((own || link).href).then(() => {
      link.textContent = copied;
      link.setAttribute("role", "status");
    });
  });
})();
