"""The site around the content: site settings, editable pages, the menu, the
contact form and its spam protection, old addresses, what search engines and feed
readers read, and staff notifications."""
