"""The core every content app builds on: the ``Publishable`` base and its queryset,
translated fields, the edition view mixins, dates and digits per edition, rich text."""
