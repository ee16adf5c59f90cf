// The rich-text editor (django-prose-editor) names most of its toolbar buttons in
// English ("bold", "heading 2") without asking for a translation; its dialogs ask
// window.gettext, whose catalogue has none of its words in our languages. Here the
// toolbar's titles, aria-labels and block type names are translated through the
// admin's JavaScript catalogue (djangojs, which LABELS fills), as the editor builds
// them and whenever it changes them.
const gettext = window.gettext || ((text) => text);
const interpolate = window.interpolate || ((format, values) => format.replace("%s", values[0]));
// Marks the words for makemessages (djangojs) without translating them here.
const gettext_noop = (text) => text;

// Every label the editor shows with our extensions (nejat.publishing.richtext), so
// that makemessages puts each of them in the catalogue.
const LABELS = [
  // Named in English by the editor itself.
  gettext_noop("paragraph"),
  gettext_noop("Paragraph"),
  gettext_noop("heading %s"),
  gettext_noop("Heading %s"),
  gettext_noop("unordered list"),
  gettext_noop("ordered list"),
  gettext_noop("blockquote"),
  gettext_noop("horizontal rule"),
  gettext_noop("figure"),
  gettext_noop("bold"),
  gettext_noop("italic"),
  gettext_noop("underline"),
  gettext_noop("strike"),
  gettext_noop("subscript"),
  gettext_noop("superscript"),
  gettext_noop("insert link"),
  gettext_noop("remove link"),
  gettext_noop("Insert table"),
  gettext_noop("Add column"),
  gettext_noop("Delete column"),
  gettext_noop("Add row"),
  gettext_noop("Delete row"),
  gettext_noop("Merge cells"),
  gettext_noop("Split cell"),
  gettext_noop("Toggle header cell"),
  gettext_noop("Delete table"),
  gettext_noop("undo"),
  gettext_noop("redo"),
  // Asked of window.gettext by the editor, in its menus and dialogs.
  gettext_noop("List properties"),
  gettext_noop("List type"),
  gettext_noop("Start at"),
  gettext_noop("Bullets"),
  gettext_noop("Decimal numbers"),
  gettext_noop("Lowercase letters"),
  gettext_noop("Uppercase letters"),
  gettext_noop("Lowercase Roman numerals"),
  gettext_noop("Uppercase Roman numerals"),
  gettext_noop("Edit Link"),
  gettext_noop("URL"),
  gettext_noop("Title"),
  gettext_noop("Edit Figure"),
  gettext_noop("Insert Figure"),
  gettext_noop("Edit Image"),
  gettext_noop("Image URL"),
  gettext_noop("Browse..."),
  gettext_noop("Alternative Text"),
  gettext_noop("Caption"),
  gettext_noop("Add caption"),
  gettext_noop("Remove caption"),
  gettext_noop("Insert Table"),
  gettext_noop("Table Properties"),
  gettext_noop("Rows"),
  gettext_noop("Columns"),
  gettext_noop("Include header row"),
  gettext_noop("Insert"),
  gettext_noop("Update"),
  gettext_noop("Cancel"),
];

// "heading 2" (a button's label) and "Heading 2" (the block type's option).
const HEADING = /^(heading|Heading) (\d)$/;
const NAMED = ["title", "aria-label"];
// The toolbar only: the text being written keeps its own titles untouched.
const EDITOR = ".prose-menubar";
// The block types' options show their names as text.
const OPTION_TEXT = ".prose-menubar__option *";

function translated(label) {
  const heading = HEADING.exec(label);
  if (heading) {
    return interpolate(gettext(`${heading[1]} %s`), [heading[2]]);
  }
  return LABELS.includes(label) ? gettext(label) : label;
}

function translate(element) {
  for (const name of NAMED) {
    const label = element.getAttribute(name);
    if (label && translated(label) !== label) {
      element.setAttribute(name, translated(label));
    }
  }
  if (element.matches(OPTION_TEXT) && element.childElementCount === 0) {
    const text = element.textContent;
    if (translated(text) !== text) {
      element.textContent = translated(text);
    }
  }
}

function translateWithin(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (!node.closest(EDITOR)) {
    node.querySelectorAll(EDITOR).forEach(translateWithin);
    return;
  }
  translate(node);
  node.querySelectorAll(`[title], [aria-label], ${OPTION_TEXT}`).forEach(translate);
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === "attributes") {
      translateWithin(mutation.target);
    } else {
      mutation.addedNodes.forEach(translateWithin);
    }
  }
}).observe(document.documentElement, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: NAMED,
});
translateWithin(document.documentElement);
