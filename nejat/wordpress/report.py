"""What an import did, and what it did not do and why."""

from collections import Counter

CHANGES = ("created", "updated", "translations added")
ORDER = ("created", "translations added", "updated", "unchanged", "copied")
# How many examples to name for each reason; the count is always complete.
EXAMPLES = 10


class Report:
    def __init__(self):
        self.counts = Counter()  # (kind, action, language) → number
        self.skipped = {}  # (kind, reason) → [number, examples]
        self.notes = {}  # message → [number, examples]
        self.missing_files = {}  # file name → None (an ordered set)
        self.refused_files = {}  # file name → reason
        self.shortcodes = {}  # unknown shortcode removed → [items, examples]
        self.blocks = Counter()  # block-editor block not kept → items

    def count(self, kind, action, language="", number=1):
        self.counts[(kind, action, language)] += number

    def skip(self, kind, reason, example=""):
        self._add(self.skipped, (kind, reason), example)

    def note(self, message, example=""):
        self._add(self.notes, message, example)

    def shortcode(self, name, example=""):
        self._add(self.shortcodes, name, example)

    def missing_file(self, name):
        self.missing_files[name] = None

    def refused_file(self, name, reason):
        self.refused_files[name] = reason

    @staticmethod
    def _add(table, key, example):
        entry = table.setdefault(key, [0, []])
        entry[0] += 1
        if example and len(entry[1]) < EXAMPLES:
            entry[1].append(str(example))

    @property
    def changes(self):
        return sum(n for (_kind, action, _lang), n in self.counts.items() if action in CHANGES)

    def total(self, kind, action):
        return sum(n for (k, a, _lang), n in self.counts.items() if (k, a) == (kind, action))

    def lines(self):
        lines = ["", "Imported:" if self.changes else "Nothing new or changed."]
        kinds = list(dict.fromkeys(kind for kind, _action, _lang in self.counts))
        for kind in kinds:
            parts = []
            actions = {a for k, a, _lang in self.counts if k == kind}
            for action in sorted(actions, key=lambda a: (ORDER.index(a) if a in ORDER else 9, a)):
                languages = [
                    f"{lang} {n}"
                    for (k, a, lang), n in sorted(self.counts.items())
                    if (k, a) == (kind, action) and lang
                ]
                text = f"{self.total(kind, action)} {action}"
                parts.append(f"{text} ({', '.join(languages)})" if languages else text)
            lines.append(f"  {kind}: {'; '.join(parts)}")
        if self.skipped:
            lines.append("Skipped:")
            for (kind, reason), (number, examples) in self.skipped.items():
                lines.append(f"  {number} {kind}: {reason}{_examples(examples, number)}")
        if self.notes:
            lines.append("To check:")
            for message, (number, examples) in self.notes.items():
                lines.append(f"  {number} × {message}{_examples(examples, number)}")
        if self.missing_files:
            lines.append(f"Missing files ({len(self.missing_files)}), not in the uploads folder:")
            lines.extend(f"  {name}" for name in self.missing_files)
        if self.refused_files:
            lines.append(f"Files not copied ({len(self.refused_files)}):")
            lines.extend(f"  {name}: {reason}" for name, reason in self.refused_files.items())
        if self.shortcodes:
            lines.append("Unknown shortcodes, removed from what readers see:")
            lines.extend(
                f"  [{name}] in {number} items{_examples(examples, number)}"
                for name, (number, examples) in self.shortcodes.items()
            )
        if self.blocks:
            lines.append("Block-editor blocks with no content of their own, left out:")
            lines.extend(f"  {name} in {n} items" for name, n in self.blocks.most_common())
        return lines


def _examples(examples, number):
    if not examples:
        return ""
    more = ", …" if number > len(examples) else ""
    return f": {', '.join(examples)}{more}"
