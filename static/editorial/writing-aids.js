// Writing aids on the admin's change forms: the browser's spell check in the rich-text
// editor (in each field's own language), a word count under it, and a warning before
// leaving a form with changes that were not saved.
(function () {
  "use strict";

  var unsaved = false;

  function markUnsaved() {
    unsaved = true;
  }

  function countWords(text) {
    var words = text.trim().split(/\s+/u);
    return words[0] === "" ? 0 : words.length;
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var editor = event.detail.editor;
    editor.view.dom.setAttribute("spellcheck", "true");
    editor.on("update", markUnsaved);
    var label = textarea.getAttribute("data-word-count");
    if (!label) {
      return;
    }
    var counter = document.createElement("p");
    counter.className = "word-count help";
    var digits = new Intl.NumberFormat(textarea.getAttribute("lang") || undefined);
    function update() {
      var count = countWords(editor.view.dom.textContent || "");
      counter.textContent = label.replace("%(count)s", digits.format(count));
    }
    update();
    editor.on("update", update);
    (textarea.closest(".prose-editor") || textarea).insertAdjacentElement("afterend", counter);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#content-main form[method=post]");
    if (!form || !form.querySelector("[name=_save]")) {
      return;
    }
    form.addEventListener("input", markUnsaved);
    form.addEventListener("change", markUnsaved);
    form.addEventListener("submit", function () {
      unsaved = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (unsaved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });
})();
