"""Temporal expressions: dates, times, durations and sets, normalized to TIMEX3 values against the publication date.
Owns the date rules, their speed filter and the tense of the clause each expression dates."""
