"""Moving in from WordPress: ``manage.py import_wordpress`` reads WXR exports.

- ``wxr`` reads an export as a stream with a parser that refuses entities;
- ``survey`` is the first pass: what every item needs to know about the others
  (attachments, translation groups), kept in a temporary index on disk;
- ``content`` turns WordPress bodies (shortcodes, blocks, auto-paragraphs) into our HTML;
- ``files`` copies files from a local ``wp-content/uploads``;
- ``importer`` maps posts and pages onto our models (``terms`` the categories and
  tags, ``comments`` the comments), each matched by ``models.ImportRecord``
  (``records``) so that a second run changes nothing;
- ``report`` counts what was done and lists what was not.
"""
