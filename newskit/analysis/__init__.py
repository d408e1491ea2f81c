"""Corpus-level helpers, frame in, frame out: entity tables and counts, the timeline, quote breakdowns.
They read a Corpus's frames and never re-tag."""
