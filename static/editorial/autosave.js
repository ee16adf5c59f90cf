// Autosave on the admin's change forms (see nejat/editorial/autosave.py): while the
// form has changes that were not sent yet, its fields (never its files) are sent every
// few seconds and kept as the editor's draft copy, never as the item itself; a draft
// copy newer than the item's last save is offered back. The warning before leaving
// (writing-aids.js) stays as it is: a draft copy is not a save.
(function () {
  "use strict";

  var editors = new Map();

  document.addEventListener("prose-editor:ready", function (event) {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function withoutFiles(form) {
    var data = new FormData(form);
    var files = [];
    data.forEach(function (value, name) {
      if (value instanceof File) {
        files.push(name);
      }
    });
    files.forEach(function (name) {
      data.delete(name);
    });
    return data;
  }

  function fill(form, name, value) {
    var field = form.elements.namedItem(name);
    if (!field || field.disabled) {
      return;
    }
    if (field.type === "checkbox") {
      field.checked = Boolean(value);
    } else if (field.type === "select-multiple") {
      Array.prototype.forEach.call(field.options, function (option) {
        option.selected = value.indexOf(option.value) !== -1;
      });
    } else {
      field.value = value;
      var editor = editors.get(field);
      if (editor) {
        // The editor writes its own HTML back into the field.
        editor.commands.setContent(value, { emitUpdate: true });
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("autosave");
    var form = box && box.closest("form");
    if (!form) {
      return;
    }
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    var statuses = Array.prototype.map.call(
      form.querySelectorAll(".submit-row"),
      function (row, index) {
        var status = document.createElement("p");
        status.className = "autosave-status help";
        status.style.margin = "0";
        status.style.alignSelf = "center";
        if (index === 0) {
          status.setAttribute("role", "status");
        }
        // Beside the save buttons, before the delete link at the far end.
        var end = row.querySelector(":scope > .deletelink-box, :scope > .deletelink");
        row.insertBefore(status, end);
        return status;
      }
    );
    var changed = false;
    var sending = false;
    var stopped = false;
    var request = null;

    function show(text) {
      statuses.forEach(function (status) {
        status.textContent = text;
      });
    }

    function send(method, body) {
      request = new AbortController();
      return fetch(box.dataset.url, {
        method: method,
        body: body,
        headers: { "X-CSRFToken": token },
        credentials: "same-origin",
        redirect: "error",
        signal: request.signal,
      }).then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            answer.status = response.status;
            answer.ok = response.ok;
            return answer;
          });
      });
    }

    function autosave() {
      var data = withoutFiles(form);
      data.set("autosave_version", box.dataset.version);
      changed = false;
      sending = true;
      send("POST", data)
        .then(function (answer) {
          // Saved elsewhere since the form was opened (409): no later copy could be a
          // draft of this item. Any other refusal is tried again after the next change.
          stopped = stopped || answer.status === 409;
          show(answer.message || box.dataset.failed);
        })
        .catch(function () {
          if (!stopped) {
            changed = true;
            show(box.dataset.failed);
          }
        })
        .finally(function () {
          sending = false;
        });
    }

    function markChanged() {
      changed = true;
    }

    form.addEventListener("input", markChanged);
    form.addEventListener("change", markChanged);
    form.addEventListener("submit", function () {
      // The real save ends the draft copy; one still on its way must not outlive it.
      stopped = true;
      if (request) {
        request.abort();
      }
    });
    window.setInterval(function () {
      if (changed && !sending && !stopped) {
        autosave();
      }
    }, (Number(box.dataset.seconds) || 60) * 1000);

    var notice = box.querySelector(".autosave-notice");
    if (!notice) {
      return;
    }
    var draft = JSON.parse(document.getElementById("autosave-draft").textContent);
    box.querySelector("[data-autosave=restore]").addEventListener("click", function () {
      Object.keys(draft).forEach(function (name) {
        fill(form, name, draft[name]);
      });
      // Tells writing-aids.js, and this script, that the form has unsaved changes.
      form.dispatchEvent(new Event("change"));
      notice.remove();
      show(box.dataset.restored);
    });
    box.querySelector("[data-autosave=discard]").addEventListener("click", function () {
      // Should it fail, the notice stays to be tried again.
      send("DELETE").then(function (answer) {
        if (answer.ok) {
          notice.remove();
        }
      });
    });
  });
})();
