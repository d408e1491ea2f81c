"""Quotation marks: pair the opening and closing marks of every common style into quoted spans.

Straight ("), curly (“ ”), low-high („ “), guillemets (« » and » «) and single marks (‘ ’, ')
are paired left to right. An apostrophe (Russia’s, don't, the boys' toys) is never a mark, a
mark that cannot be paired is skipped, and a quote still open at the end of the text is
reported with `closed=False` (a quote that runs on into the next paragraph), as is one whose
sentence ends right before the next opening mark (`"A. "B."`: the paragraphs of one long quote
run together). Nothing here
raises on odd input: mismatched, unbalanced or hundreds of marks in a row just give fewer spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the closing marks that may end it (a straight mark may end a curly one:
# copy-edited text mixes them)
_DOUBLE_CLOSERS = {
    "“": "”\"",
    "„": "“”\"",
    "«": "»\"",
    "»": "«",  # Danish / German »...«
    "\"": "\"”“",
    "”": "”",  # Swedish ”...”
}
_SINGLE_CLOSERS = {"‘": "’'", "'": "'’", "‚": "‘’"}
DOUBLE_MARKS = "\"“”„«»"  # every double quotation mark, for code that reads tokens or strips marks
SINGLE_MARKS = "'‘’‚"
_DOUBLE_MARKS = re.compile(f"[{DOUBLE_MARKS}]")
_SINGLE_MARKS = re.compile(f"[{SINGLE_MARKS}]")
_OPEN_BEFORE = " \t\n([{—–-/:;\"“„«»"  # what may stand before an opening mark


def closes(opening: str, closing: str) -> bool:
    """Whether the mark `closing` may end a quote opened by `opening` (both single characters)."""
    return len(closing) == 1 and closing in _DOUBLE_CLOSERS.get(opening, "") + _SINGLE_CLOSERS.get(opening, "")


@dataclass(frozen=True)
class Quoted:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (the end of the text when not closed)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _opens(text: str, i: int) -> bool:
    """A mark opens a quote when it stands at a word start and a word follows it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "“„«":  # unambiguous openers, also right after a comma: `Ryan said,“Look`
        return not after.isspace()
    return (before in _OPEN_BEFORE or before.isspace()) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """A mark closes a quote when no word character follows it (so it is not an apostrophe)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _pair(text: str, marks: re.Pattern, closers: dict[str, str], single: bool) -> list[Quoted]:
    spans: list[Quoted] = []
    open_at, open_mark = -1, ""
    for match in marks.finditer(text):
        i, mark = match.start(), match.group()
        # an opening curly mark typed for the closing one: `“Apparently not,“ he said`
        typo = not single and mark == open_mark == "“" and not text[i - 1].isspace() and text[i + 1:i + 2] in ("", " ", "\n")
        if open_at >= 0 and (mark in closers[open_mark] or typo) and _closes(text, i):
            if single and text[i - 1].isspace():
                continue  # "the boys ' toys": a free-standing apostrophe-like mark
            if any(ch.isalnum() for ch in text[open_at + 1:i]):
                spans.append(Quoted(open_at, i + 1, True))
            open_at = -1
        elif mark in closers and _opens(text, i):
            # a second opener while one is open: the first was never closed; start again here.
            # When the open one ends a sentence (`"By failing ... hardest. "By pledging ...`, the
            # paragraphs of a long quote run together), it is a quote of its own, left open.
            if open_at >= 0:
                run = text[open_at + 1:i].rstrip()
                if run[-1:] in ".?!" and any(ch.isalnum() for ch in run):
                    spans.append(Quoted(open_at, open_at + 1 + len(run), False))
            open_at, open_mark = i, mark
    if open_at >= 0 and any(ch.isalnum() for ch in text[open_at + 1:]):
        spans.append(Quoted(open_at, len(text), False))
    return spans


def quoted_spans(text: str) -> list[Quoted]:
    """Top-level quoted spans of a paragraph, in order.

    Double marks are the quotation marks of news English; single marks count at the top level
    only where a paragraph has no double marks (British style). Inside double quotes, single
    marks are nested quotes: see `nested_spans`.
    """
    spans = _pair(text, _DOUBLE_MARKS, _DOUBLE_CLOSERS, single=False)
    if spans or _DOUBLE_MARKS.search(text):
        return spans
    return [s for s in _pair(text, _SINGLE_MARKS, _SINGLE_CLOSERS, single=True) if s.closed]


def nested_spans(text: str, outer: Quoted) -> list[Quoted]:
    """Single-quoted spans inside a double-quoted one (offsets in `text`)."""
    start, end = outer.inner
    return [Quoted(s.start + start, s.end + start, s.closed)
            for s in _pair(text[start:end], _SINGLE_MARKS, _SINGLE_CLOSERS, single=True) if s.closed]
