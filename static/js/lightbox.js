// Album lightbox. Each thumbnail is a link to the photo's own page, which works
// without JavaScript; with it, a click opens the photo large in a dialog instead.
// Arrow keys and swipes follow the reading direction (in right-to-left editions the
// next photo is to the left); Escape closes and gives focus back to the thumbnail.
(() => {
  "use strict";

  const rtl = () => document.documentElement.dir === "rtl";
  const digits = new Intl.NumberFormat(document.documentElement.lang === "fa" ? "fa" : "en");

  function element(tag, className, attributes = {}) {
    const node = document.createElement(tag);
    node.className = className;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function setUp(gallery) {
    const links = Array.from(gallery.querySelectorAll("a[data-lightbox-src]"));
    if (!links.length || typeof HTMLDialogElement !== "function") return;
    const labels = gallery.dataset;

    const dialog = element("dialog", "lightbox", { "aria-label": labels.labelDialog || "" });
    const figure = element("figure", "lightbox__figure");
    const image = element("img", "lightbox__image", { alt: "", decoding: "async" });
    const caption = element("figcaption", "lightbox__caption");
    const count = element("p", "lightbox__count", { "aria-live": "polite" });
    const close = element("button", "lightbox__close", { type: "button", "aria-label": labels.labelClose || "" });
    const previous = element("button", "lightbox__previous", { type: "button", "aria-label": labels.labelPrevious || "" });
    const next = element("button", "lightbox__next", { type: "button", "aria-label": labels.labelNext || "" });
    image.draggable = false;
    close.textContent = "×";
    figure.append(image, caption);
    dialog.append(figure, count, previous, next, close);
    document.body.append(dialog);

    let current = 0;

    function show(index) {
      current = (index + links.length) % links.length;
      const link = links[current];
      image.removeAttribute("srcset");
      image.src = link.dataset.lightboxSrc;
      if (link.dataset.lightboxSrcset) {
        image.srcset = link.dataset.lightboxSrcset;
        image.sizes = "100vw";
      }
      image.alt = link.dataset.lightboxAlt || "";
      caption.textContent = link.dataset.lightboxCaption || "";
      caption.hidden = !caption.textContent;
      count.textContent = `${digits.format(current + 1)} / ${digits.format(links.length)}`;
      // The arrow drawn on each button points where that photo lies on the page.
      previous.textContent = rtl() ? "→" : "←";
      next.textContent = rtl() ? "←" : "→";
    }

    function open(index) {
      show(index);
      if (!dialog.open) dialog.showModal();
      close.focus();
    }

    // Arrow keys and swipes: towards the end of the line is "next".
    function step(physicalDirection) {
      const forward = physicalDirection === "right" ? !rtl() : rtl();
      show(current + (forward ? 1 : -1));
    }

    links.forEach((link, index) => {
      link.addEventListener("click", (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        open(index);
      });
    });
    previous.addEventListener("click", () => show(current - 1));
    next.addEventListener("click", () => show(current + 1));
    // Focus goes back to the thumbnail of the photo last shown, at once (the
    // dialog's own "close" event comes later, after it restored focus elsewhere).
    function shut() {
      dialog.close();
      links[current].focus();
    }

    close.addEventListener("click", shut);
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) shut();
    });
    dialog.addEventListener("keydown", (event) => {
      if (event.key === "ArrowRight") step("right");
      else if (event.key === "ArrowLeft") step("left");
      else if (event.key === "Escape") shut();
      else return;
      event.preventDefault();
    });
    dialog.addEventListener("close", () => links[current].focus());

    let touchStart = null;
    figure.addEventListener("pointerdown", (event) => {
      touchStart = { x: event.clientX, y: event.clientY };
    });
    figure.addEventListener("pointerup", (event) => {
      if (!touchStart) return;
      const dx = event.clientX - touchStart.x;
      const dy = event.clientY - touchStart.y;
      touchStart = null;
      // A swipe to the left brings in what lies to the right, and the other way round.
      if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) step(dx < 0 ? "right" : "left");
    });
    figure.addEventListener("pointercancel", () => {
      touchStart = null;
    });
  }

  document.querySelectorAll("[data-lightbox]").forEach(setUp);
})();
