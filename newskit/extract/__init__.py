"""Extraction: pure functions from one parsed article (extract/document.py) to rows, in a fixed order.
Owns sentences, entities, timexes and quotes, the names/titles/roles shared by entities and speakers, and the word lists."""
