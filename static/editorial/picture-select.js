/* The library-image autocomplete shows the pictures: a thumbnail beside each result,
   and the chosen picture below the field (data-picture-preview). Other autocompletes
   are untouched: a result without a thumbnail shows its text, as select2 does. */
"use strict";
{
  const $ = django.jQuery;

  function thumbnailOf(item) {
    return item.thumbnail || (item.element && item.element.dataset.thumbnail) || "";
  }

  function pictureAndTitle(item) {
    const source = thumbnailOf(item);
    if (!source) return item.text;
    const row = document.createElement("span");
    row.className = "picture-choice";
    const image = document.createElement("img");
    image.src = source;
    image.alt = "";
    image.loading = "lazy";
    row.append(image, document.createTextNode(item.text));
    return $(row);
  }

  // Before the admin's autocomplete.js sets its fields up (when the page is ready).
  $.fn.select2.defaults.set("templateResult", pictureAndTitle);

  function showChosen(select, box) {
    const chosen = $(select).select2("data")[0];
    const source = chosen ? thumbnailOf(chosen) : "";
    box.hidden = !source;
    if (source) box.firstChild.src = source;
    else if (chosen && chosen.element && chosen.id) askForThumbnail(select, box, chosen);
  }

  // A picture the field has no thumbnail for: one "+" has just added.
  function askForThumbnail(select, box, chosen) {
    const query = new URLSearchParams({
      app_label: select.dataset.appLabel,
      model_name: select.dataset.modelName,
      field_name: select.dataset.fieldName,
      chosen: chosen.id,
    });
    fetch(`${select.getAttribute("data-ajax--url")}?${query}`, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : { results: [] }))
      .then(({ results }) => {
        const found = results.find((item) => item.id === String(chosen.id));
        if (found && found.thumbnail && select.value === String(chosen.id)) {
          chosen.element.dataset.thumbnail = found.thumbnail;
          showChosen(select, box);
        }
      });
  }

  $(function () {
    document.querySelectorAll("select[data-picture-preview]").forEach((select) => {
      // Below the field, lined up with it as its help text is (the admin's "help" rules,
      // for both directions and narrow screens).
      const box = document.createElement("div");
      box.className = "help picture-select";
      const preview = document.createElement("img");
      preview.alt = "";
      box.append(preview);
      (select.closest(".flex-container") || select).after(box);
      showChosen(select, box);
      $(select).on("change", () => showChosen(select, box));
    });
  });
}
