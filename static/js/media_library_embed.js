// Swaps a video's poster for the provider's player when the reader presses play,
// so nothing from YouTube, Vimeo or Aparat loads before then. Without JavaScript
// the poster stays a plain link to the video on the provider's site.
document.addEventListener("click", (event) => {
  const start = event.target.closest(".video-embed__start");
  if (!start) return;
  const box = start.closest(".video-embed");
  if (!box || !box.dataset.player) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.src = box.dataset.player;
  frame.title = box.dataset.title || "";
  frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  box.replaceChildren(frame);
  frame.focus();
});
