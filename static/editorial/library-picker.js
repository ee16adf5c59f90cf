// The rich-text editor's picture picker (templates/editorial/library_picker.html), open
// in a window of its own: a chosen picture goes back to the editor's figure dialog
// through the file-browser call the editor understands (CKEDITOR.tools.callFunction),
// with its alt text and caption in the language of the text being written — the
// language of the field whose dialog is open.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector(".library-picker__choices");
  const opener = window.opener;
  if (!list || !opener) return;

  const textLanguage = () => {
    const dialog = opener.document.querySelector("dialog.prose-editor-dialog[open]");
    const field = dialog?.closest(".prose-editor")?.querySelector("textarea");
    const match = field?.name.match(/_([a-z]{2,3})$/);
    return match ? match[1] : document.documentElement.lang;
  };

  list.addEventListener("click", (event) => {
    const choice = event.target.closest(".library-picker__choice");
    if (!choice) return;
    const words = JSON.parse(choice.dataset.words)[textLanguage()] || {};
    opener.CKEDITOR.tools.callFunction(Number(list.dataset.callback), choice.dataset.url, {
      id: choice.dataset.id,
      alternative_text: words.alt || "",
      caption: words.caption || "",
    });
    window.close();
  });
});
