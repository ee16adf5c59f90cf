"""The staff side: ``PublishableAdmin`` and its filters, editorial roles, language
locks for translators, revisions, and the translation board."""
