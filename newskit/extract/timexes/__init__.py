"""Temporal expressions: dates, times, durations and sets, normalized to TIMEX3 values against the publication date.
Owns the date rules, their speed filter and the tense of the clause each expression dates.

vocabulary (the word lists in lexicon/timexes/) and patterns (regex pieces) build the rules in rules.py,
which registry.py registers (reading each pattern with regex_reader.py for the speed filter) and which
use the calendar helpers of dates.py; finder.py finds their matches in a text, normalize.py reads
one phrase and tagger.py gives an article's rows. Nothing here is imported by `import newskit`."""
