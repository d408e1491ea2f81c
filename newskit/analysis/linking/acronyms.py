"""Organisations and places under an acronym: "F.B.I." = "FBI" = "Federal Bureau of Investigation".

Dots never matter ("U.N." and "UN" are one form, see `form_key`). An acronym joins the name whose
initials it spells when the corpus holds one such name (or one holding DOMINANT_SHARE of the
mentions of all of them); a place acronym joins the country whose ISO 3166 code it is (pycountry:
"US", "USA" -> "United States"). No list of organisations is involved.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pycountry

from newskit.extract import lexicon
from newskit.extract.entities import gazetteer
from newskit.extract.names import fold

NAME_CONNECTORS = lexicon.words("entities/name_connectors")
DOMINANT_SHARE = 0.9
PLACE_LABELS = frozenset({"GPE", "LOC"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$|^[A-Z][A-Z&]{1,7}$")


@dataclass
class NameForm:
    key: str
    spelling: str  # the most used spelling
    label: str  # the majority label of its mentions
    mentions: int


def is_acronym(spelling: str) -> bool:
    return bool(_ACRONYM.match(spelling.strip()))


def form_key(name: str) -> str:
    """The key two spellings of one name share: folded, and without dots in an acronym."""
    return fold(name.replace(".", "")) if is_acronym(name) else fold(name)


def initials(name: str) -> str | None:
    """The acronym a name would have ("Federal Bureau of Investigation" -> "fbi"), or None for
    a name of one word."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in NAME_CONNECTORS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def join_acronyms(forms: list[NameForm]) -> dict[str, str]:
    """acronym form key -> the key of the form it stands for."""
    by_key = {f.key: f for f in forms}
    spelled: dict[str, list[NameForm]] = defaultdict(list)
    for form in forms:
        letters = initials(form.spelling)
        if letters is not None:
            spelled[letters].append(form)
    joins: dict[str, str] = {}
    for form in sorted(forms, key=lambda f: f.key):
        if not is_acronym(form.spelling):
            continue
        letters = form.key.replace("&", "")
        target = _country(letters) if form.label in PLACE_LABELS else None
        if target is not None and target in by_key and target != form.key:
            joins[form.key] = target
            continue
        candidates = [f for f in spelled.get(letters, []) if f.key != form.key]
        chosen = _dominant(candidates)
        if chosen is not None:
            joins[form.key] = chosen.key
    return joins


def _country(code: str) -> str | None:
    """The folded gazetteer name of the country with ISO code `code` ("us" -> "united states")."""
    if len(code) not in (2, 3) or not code.isalpha():
        return None
    country = pycountry.countries.get(**{f"alpha_{len(code)}": code.upper()})
    if country is None:
        return None
    place = gazetteer.lookup(country.name) or gazetteer.lookup(getattr(country, "common_name", "") or "")
    return fold(place.name) if place is not None else None


def _dominant(candidates: list[NameForm]) -> NameForm | None:
    if not candidates:
        return None
    best = max(candidates, key=lambda f: (f.mentions, f.key))
    total = sum(f.mentions for f in candidates)
    return best if best.mentions >= DOMINANT_SHARE * total else None
