// The language tabs open where the work is. modeltranslation gives each translated
// field its own tabs, on the admin's language; when a form comes back with errors, or
// an item is written in other languages only, every field's tabs turn instead to the
// first language with an error, else to the language written in: the admin's own if
// it has text, else the first that has. A link ending in #language-xx chose its
// language already (admin-editions.js). This script comes after modeltranslation's:
// its ready handler runs once the tabs are built.
(function () {
  "use strict";

  var $ = window.jQuery || django.jQuery;
  var TEXT_FIELDS = "textarea, input:not([type]), input[type=text], input[type=url], input[type=email]";

  function hasText(field) {
    // The rich-text editor posts markup: an empty paragraph is no text.
    return field.value.replace(/<[^>]*>|&nbsp;/g, "").trim() !== "";
  }

  function survey(groups) {
    var languages = [];
    var withErrors = {};
    var written = {};
    groups.each(function () {
      $(this).children(".ui-tabs-nav").children("li").each(function () {
        var code = $(this).text().trim();
        var panel = $(document.getElementById($(this).attr("aria-controls")));
        if (languages.indexOf(code) < 0) {
          languages.push(code);
        }
        // A file to choose again is no error to fix, but it says where the editor worked.
        if (panel.find(".errorlist").not(".upload-lost").length) {
          withErrors[code] = true;
        }
        if (panel.find(".upload-lost").length || panel.find(TEXT_FIELDS).filter(function () {
          return hasText(this);
        }).length) {
          written[code] = true;
        }
      });
    });
    return { languages: languages, withErrors: withErrors, written: written };
  }

  function first(languages, marked) {
    for (var i = 0; i < languages.length; i += 1) {
      if (marked[languages[i]]) {
        return languages[i];
      }
    }
    return null;
  }

  function open(groups, code) {
    groups.each(function () {
      var tabs = $(this).children(".ui-tabs-nav").children("li");
      var index = tabs.filter(function () {
        return $(this).text().trim() === code;
      }).index();
      if (index >= 0) {
        $(this).tabs("option", "active", index);
      }
    });
    var select = document.getElementById("modeltranslation-main-switch");
    if (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.textContent.trim() === code) {
          select.value = option.value;
        }
      });
    }
  }

  $(function () {
    if (/^#language-[a-z_-]+$/.test(window.location.hash)) {
      return;
    }
    var groups = $("#content-main form .ui-tabs");
    var found = survey(groups);
    var own = (document.documentElement.lang || "").replace("_", "-").toLowerCase();
    var code =
      first(found.languages, found.withErrors) ||
      (found.written[own] ? own : first(found.languages, found.written));
    if (code) {
      open(groups, code);
    }
  });
})();
