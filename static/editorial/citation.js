// <cite> in the rich-text editor: who said a quote, on a line of its block quote
// (<blockquote><p>…</p><p>— <cite>Name</cite></p></blockquote>). The editor keeps only
// what its schema knows, so without this mark it would drop the citations of every
// body it opens. Loaded by the editor itself (DJANGO_PROSE_EDITOR_EXTENSIONS).
import { Mark, mergeAttributes } from "django-prose-editor/editor"

export const Citation = Mark.create({
  name: "citation",

  addOptions() {
    return { HTMLAttributes: {}, title: "Citation" }
  },

  parseHTML() {
    return [{ tag: "cite" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["cite", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0]
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "citation",
      groups: "marks",
      button: buttons.material("attribution", this.options.title),
      command(editor) {
        editor.chain().focus().toggleMark("citation").run()
      },
      active(editor) {
        return editor.isActive("citation")
      },
      enabled(editor) {
        return editor.can().toggleMark("citation")
      },
    })
  },
})
