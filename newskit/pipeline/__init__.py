"""Tagging: `tag()` runs the cache filter, spaCy plus the extractors, and the frame sink, in that order.
Owns where the work runs (in process, local worker processes, Dask), the model and its fingerprint, and the cache."""
