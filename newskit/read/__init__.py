"""Reading: files, folders, exports and wire feeds into the articles frame (`read_articles`).
Owns decoding, site-chrome removal, title / subtitle / dateline / paragraph structure and the per-format readers."""
