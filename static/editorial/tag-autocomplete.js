/* Suggests existing tags while an editor types in a comma-separated tag field.
   Uses the admin's own autocomplete endpoint; typing a new tag still works. */
"use strict";
(function () {
  function setUp(input) {
    const list = document.createElement("ul");
    list.className = "tag-suggestions";
    list.setAttribute("role", "listbox");
    list.id = input.id + "_suggestions";
    list.hidden = true;
    input.after(list);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    let active = -1;
    let timer = null;

    const fragment = () => input.value.split(",").pop().trim();
    const options = () => Array.from(list.children);

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      input.removeAttribute("aria-activedescendant");
    }

    function choose(name) {
      const parts = input.value.split(",");
      parts[parts.length - 1] = " " + (name.includes(" ") ? '"' + name + '"' : name);
      input.value = parts.join(",").replace(/^\s+/, "") + ", ";
      close();
      input.focus();
    }

    function highlight(index) {
      const items = options();
      items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
      active = index;
      if (items[index]) input.setAttribute("aria-activedescendant", items[index].id);
    }

    async function suggest() {
      const term = fragment();
      if (!term) return close();
      const response = await fetch(input.dataset.autocompleteUrl + "&term=" + encodeURIComponent(term), {
        credentials: "same-origin",
      });
      if (!response.ok) return close();
      const data = await response.json();
      const taken = input.value.split(",").map((part) => part.trim().replace(/^"|"$/g, ""));
      list.replaceChildren(
        ...data.results
          .filter((result) => !taken.includes(result.text))
          .map((result, index) => {
            const item = document.createElement("li");
            item.id = list.id + "_" + index;
            item.setAttribute("role", "option");
            item.textContent = result.text;
            item.addEventListener("mousedown", (event) => {
              event.preventDefault();
              choose(result.text);
            });
            return item;
          })
      );
      list.hidden = list.children.length === 0;
      active = -1;
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", (event) => {
      const items = options();
      if (list.hidden || items.length === 0) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + items.length) % items.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(items[active].textContent);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-autocomplete-url]").forEach(setUp);
  });
})();
