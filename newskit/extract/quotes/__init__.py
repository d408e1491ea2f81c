"""Quotes: direct, reported, mixed and "according to" attributions with their cues and speakers.
Owns quote-mark pairing, reporting cues, reported-speech extents and speaker resolution."""
