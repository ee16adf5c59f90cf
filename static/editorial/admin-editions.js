// Each language's rich-text editor writes in that language's direction (the textarea
// carries lang and dir from the server), a locked language's editor cannot be typed
// in, and a link ending in #language-fa opens the form on the Persian tabs.
(function () {
  "use strict";

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var editor = event.detail.editor;
    var targets = [editor.view.dom, textarea.closest(".prose-editor")];
    ["lang", "dir"].forEach(function (name) {
      if (!textarea.hasAttribute(name)) {
        return;
      }
      targets.forEach(function (element) {
        if (element) {
          element.setAttribute(name, textarea.getAttribute(name));
        }
      });
    });
    if (textarea.disabled && typeof editor.setEditable === "function") {
      editor.setEditable(false);
    }
  });

  // modeltranslation builds the tabs, then their language switch, once the page is
  // ready; wait for the switch (a few seconds at most) and turn it to the language.
  function openLanguageTab(code, attempt) {
    var select = document.getElementById("modeltranslation-main-switch");
    if (!select) {
      if (attempt < 60) {
        window.setTimeout(openLanguageTab, 50, code, attempt + 1);
      }
      return;
    }
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.textContent.trim() === code) {
        select.value = option.value;
        select.dispatchEvent(new Event("change"));
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var match = /^#language-([a-z_-]+)$/.exec(window.location.hash);
    if (match) {
      openLanguageTab(match[1].replace("_", "-"), 0);
    }
  });
})();
