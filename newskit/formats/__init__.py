"""Readers that turn input files (text, records, HTML, wire formats) into Draft records."""
