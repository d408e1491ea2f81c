"""The name each mention carries into linking: cleaned, trimmed of glued headline words, aliased.

Title-case headlines ("Nancy Pelosi Beats Back House") and sentence openers ("Plus Obama") make the
small model glue ordinary words onto a name. A PERSON mention in a headline, or one that starts or
ends with a function word, is trimmed to the longest part of it that the corpus's body text names
as a person; its offsets move with it, so `text[start:end]` still holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newskit.extract import lexicon
from newskit.extract.names import fold, name_parts, normalize_name

# Paragraph kinds whose words are capitalised like names.
HEADLINE_KINDS = frozenset({"title", "subtitle", "subheading"})
NOT_NAME_WORDS = lexicon.words("entities/not_name_words")
# Characters that never belong in a name: editorial brackets, ellipses ("[Barack] Obama").
_STRAY = re.compile(r"[\[\]{}()<>|…]|\.{3}")
_DASH = r"\s[-–—]+\s"
_LEADING_DASH = re.compile(r"^[-–—:;,'\"“”‘’\s]+|[-–—:;,\"“”\s]+$")


def clean_name(name: str) -> str:
    """A name without editorial brackets, ellipses or dangling punctuation ("Barack] Obama" ->
    "Barack Obama"); the name unchanged when nothing of it would remain."""
    cleaned = _LEADING_DASH.sub("", " ".join(_STRAY.sub(" ", name).split()))
    return cleaned if any(c.isalpha() for c in cleaned) else name


# A name of three words or more holding a full name the corpus uses this many times more often is
# that name with words glued on ("Sprinter Kelly Holmes", "Tories Ken Clarke").
GLUED_RATIO = 3


@dataclass
class Attested:
    """Person names the corpus's body text uses: full names and the surnames they end with."""

    names: frozenset[str]  # folded forms seen as PERSON in body paragraphs, and their surnames
    counts: dict[str, int]  # folded body form -> mentions

    @classmethod
    def from_rows(cls, forms: pd.Series, labels: pd.Series, kinds: pd.Series) -> Attested:
        body = forms[(labels == "PERSON") & ~kinds.isin(HEADLINE_KINDS)]
        names: set[str] = set()
        counts: dict[str, int] = {}
        for form, n in body.value_counts().items():
            folded = fold(form)
            counts[folded] = counts.get(folded, 0) + int(n)
            if _has_glue(folded):
                continue
            names.add(folded)
            parts = name_parts(form)
            if parts is not None and parts.first:
                names.add(parts.surname)
        return cls(frozenset(names), counts)

    def contains_commoner(self, form: str) -> bool:
        """Whether a name of 3+ words holds a full name used GLUED_RATIO times more often."""
        words = fold(form).split(" ")
        if len(words) < 3:
            return False
        mine = self.counts.get(" ".join(words), 0)
        return any(self.counts.get(" ".join(words[i:i + n]), 0) >= GLUED_RATIO * max(mine, 1)
                   for n in range(2, len(words)) for i in range(len(words) - n + 1))


def _has_glue(folded: str) -> bool:
    words = folded.split(" ")
    return words[0] in NOT_NAME_WORDS or words[-1] in NOT_NAME_WORDS


def trim_glued(entities: pd.DataFrame, forms: pd.Series, articles_text: dict[str, str]) -> tuple[pd.DataFrame, pd.Series]:
    """Trim headline-glued words off PERSON mentions; returns the rows (start, end, text moved)
    and their forms."""
    labels = entities["label"].astype(str)
    kinds = entities["paragraph_kind"].astype(str)
    attested = Attested.from_rows(forms, labels, kinds)
    person = labels == "PERSON"
    glued = forms.map(lambda f: _has_glue(fold(f))).astype(bool)
    # "Jonathan Kaplan - England", "Rudy Giuliani Wear ‘Make Mexico": no name holds a spaced dash or a quote mark
    dashed = forms.str.contains(_DASH + "|[‘’“”\"]", regex=True).astype(bool)
    commoner = pd.Series(False, index=forms.index)
    long_names = person & (forms.str.count(" ") >= 2)
    commoner[long_names] = forms[long_names].map(attested.contains_commoner).astype(bool)
    scored = forms.str.contains(r"\s\S*\d", regex=True).astype(bool)  # "Rafael Nadal 6-2 6-7"
    suspects = person & (kinds.isin(HEADLINE_KINDS) | glued | dashed | commoner | scored)
    if not suspects.any():
        return entities, forms
    entities = entities.copy()
    forms = forms.copy()
    for i in entities.index[suspects.to_numpy()]:
        form = forms.at[i]
        if fold(form) in attested.names and not _has_glue(fold(form)) and not commoner.at[i] \
                and not dashed.at[i] and not scored.at[i]:
            continue
        part = _best_part(form, attested)
        if part is None or part == form:
            continue
        text = str(entities.at[i, "text"])
        words = [re.escape(w) for w in part.split(" ")]
        found = re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text)
        if found is None:
            # the article gave this mention the glued name: "Holmes" -> "Sprinter Kelly Holmes"
            # stays with the trimmed name, "England" -> "Jonathan Kaplan - England" is itself again
            written = fold(normalize_name(text, "PERSON"))
            inside = re.search(r"(?<!\w)" + re.escape(written) + r"(?!\w)", fold(part))
            forms.at[i] = part if inside else clean_name(normalize_name(text, "PERSON"))
            continue
        start = int(entities.at[i, "start"]) + found.start()
        end = int(entities.at[i, "start"]) + found.end()
        article = articles_text.get(str(entities.at[i, "article_id"]))
        if article is None or article[start:end] != found.group(0):
            continue
        entities.at[i, "start"], entities.at[i, "end"], entities.at[i, "text"] = start, end, found.group(0)
        forms.at[i] = part
    return entities, forms


def _best_part(form: str, attested: Attested) -> str | None:
    """The longest run of words of `form` that the body text names as a person; else the form
    without the function words at its ends; None when neither differs from the form."""
    pieces = [p for p in re.split(_DASH, form) if p.strip()]
    if len(pieces) > 1:  # "Jonathan Kaplan - England": a name holds no spaced dash
        known = [p for p in pieces if fold(p) in attested.names]
        return (known or pieces)[0].strip()
    words = form.split(" ")
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n])
            if fold(part) in attested.names and not _has_glue(fold(part)):
                return part
    while len(words) > 1 and any(c.isdigit() for c in words[-1]):
        words = words[:-1]
    while len(words) > 1 and words[0].lower() in NOT_NAME_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in NOT_NAME_WORDS:
        words = words[:-1]
    return " ".join(words) if len(words) < len(form.split(" ")) else None

