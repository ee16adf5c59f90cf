// Never loaded. The words of Django's admin scripts that its catalogue leaves in
// English in Persian and Arabic, listed for makemessages (djangojs) so that ours has
// them: the admin's script catalogue reads locale/ after Django's own.
// (The same for the server's words: nejat/editorial/catalogue_gaps.py.)
/* global gettext_noop, ngettext, pgettext */
export const WORDS = [
  // SelectFilter2.js
  gettext_noop('Choose %s by selecting them and then select the "Choose" arrow button.'),
  gettext_noop("Choose all %s"),
  gettext_noop("Choose selected %s"),
  gettext_noop("Remove selected %s"),
  gettext_noop('Remove %s by selecting them and then select the "Remove" arrow button.'),
  gettext_noop("Type into this box to filter down the list of selected %s."),
  gettext_noop("(click to clear)"),
  gettext_noop("Remove all %s"),
  ngettext("%s selected option not visible", "%s selected options not visible", 1),
  // calendar.js
  gettext_noop("Sunday"),
  gettext_noop("Monday"),
  gettext_noop("Tuesday"),
  gettext_noop("Wednesday"),
  gettext_noop("Thursday"),
  gettext_noop("Friday"),
  gettext_noop("Saturday"),
  pgettext("abbrev. day Sunday", "Sun"),
  pgettext("abbrev. day Monday", "Mon"),
  pgettext("abbrev. day Tuesday", "Tue"),
  pgettext("abbrev. day Wednesday", "Wed"),
  pgettext("abbrev. day Thursday", "Thur"),
  pgettext("abbrev. day Friday", "Fri"),
  pgettext("abbrev. day Saturday", "Sat"),
];
