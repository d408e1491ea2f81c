"""Organisations and places under an acronym: "F.B.I." = "FBI" = "Federal Bureau of Investigation".

Dots never matter ("U.N." and "UN" are one form, see `form_key`). An acronym joins a name whose
initials it spells when enough of the acronym's articles also name it (MIN_TOGETHER: a name and
its acronym are introduced together now and then) and the corpus holds one such name or, when it
holds several ("EA": Electronic Arts, East Anglia), the one named beside the acronym most
(TOGETHER_SHARE of such articles, or most often while holding TOGETHER_SHARE of the candidates'
mentions). A place acronym joins the country whose ISO 3166 code it is (pycountry: "US", "USA"
-> "United States") or, failing that, the one country whose name it spells ("UK"). An article that spells an acronym out itself ("Global Organization of River Towns (GORT)")
decides for the whole corpus. No list of organisations is involved.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import pycountry

from newskit.extract import lexicon
from newskit.extract.entities import gazetteer
from newskit.extract.names import fold

NAME_CONNECTORS = lexicon.words("entities/name_connectors")
DOMINANT_SHARE = 0.9
# Share of the articles naming an acronym together with one of its candidate names that one
# candidate must hold ("UN" beside "United Nations", now and then beside a misspelt "United Nation").
TOGETHER_SHARE = 0.75
# Share of the acronym's articles that must also name its candidate names: an acronym and its name
# are introduced together now and then ("the Federal Bureau of Investigation (FBI)").
MIN_TOGETHER = 0.05
PLACE_LABELS = frozenset({"GPE", "LOC"})
_ISATION = re.compile(r"isation\b")
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
    """The key two spellings of one name share: folded, without dots in an acronym, British
    "-isation" spelled "-ization" ("World Trade Organisation"). An acronym ("US", "WHO") and a
    short word not in capitals ("us", "Us", "who") are two forms."""
    if is_acronym(name):
        return fold(name.replace(".", ""))
    folded = _ISATION.sub("ization", fold(name))
    return "~" + folded if len(name) <= 3 and not name.isupper() else folded


def initials(name: str) -> str | None:
    """The acronym a name would have ("Federal Bureau of Investigation" -> "fbi"), or None for
    a name of one word or one holding an acronym itself ("US Super Bowl")."""
    if any(c in name for c in ",:;"):  # a list of names, a title with a subtitle
        return None
    words = [w for w in name.replace("-", " ").split() if w.lower() not in NAME_CONNECTORS]
    if len(words) < 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def join_acronyms(forms: list[NameForm], articles_of, expanded: dict[str, Counter] | None = None) -> dict[str, str]:
    """acronym form key -> the key of the form it stands for. `articles_of(keys)`: form key ->
    the articles naming it, for the keys asked; `expanded`: acronym key -> the names that articles
    spelled it out as themselves ("Global Organization of River Towns (GORT)")."""
    expanded = expanded or {}
    by_key = {f.key: f for f in forms}
    spelled: dict[str, list[NameForm]] = defaultdict(list)
    for form in forms:
        letters = initials(form.spelling)
        if letters is not None:
            spelled[letters].append(form)
    joins: dict[str, str] = {}
    acronyms = [f for f in sorted(forms, key=lambda f: f.key) if is_acronym(f.spelling)]
    wanted = {f.key for f in acronyms} | {c.key for f in acronyms for c in spelled.get(f.key.replace("&", ""), [])}
    articles = articles_of(wanted)
    for form in acronyms:
        spelt = expanded.get(form.key)
        if spelt:
            best, n = max(spelt.items(), key=lambda kv: (kv[1], kv[0]))
            if best in by_key and best != form.key and n >= DOMINANT_SHARE * sum(spelt.values()):
                joins[form.key] = best
                continue
        letters = form.key.replace("&", "")
        target = country_named_by(letters) if form.label in PLACE_LABELS else None
        if target is not None and target in by_key and target != form.key:
            joins[form.key] = target
            continue
        candidates = [f for f in spelled.get(letters, []) if f.key != form.key]
        chosen = _chosen(form, candidates, articles)
        if chosen is not None:
            joins[form.key] = chosen.key
    return joins


def _chosen(acronym: NameForm, candidates: list[NameForm], articles: dict) -> NameForm | None:
    """The one name an acronym spells; among several ("EA": Electronic Arts, East Anglia ...), the
    one named in the same articles as the acronym, when it holds DOMINANT_SHARE of such articles."""
    mine = articles.get(acronym.key, frozenset())
    together = {c.key: len(mine & articles.get(c.key, frozenset())) for c in candidates}
    total = sum(together.values())
    # never named together, or together in too few of the acronym's articles ("BBC" beside a
    # law firm "Barkley, Beattie, Christophers" once): not the acronym's name
    if total < max(1, MIN_TOGETHER * len(mine)):
        return None
    if len(candidates) == 1:
        return candidates[0]
    best = max(candidates, key=lambda c: (together[c.key], c.mentions, c.key))
    if together[best.key] >= TOGETHER_SHARE * total:
        return best
    # named beside the acronym at least as often as any other, and the corpus's usual meaning
    commonest = max(candidates, key=lambda c: (c.mentions, c.key))
    mentions = sum(c.mentions for c in candidates)
    return best if best is commonest and best.mentions >= TOGETHER_SHARE * mentions else None


def country_named_by(code: str) -> str | None:
    """The folded gazetteer name of the country with ISO code `code` ("us" -> "united states"),
    else of the one country whose name has these initials ("uk" -> "united kingdom")."""
    if not code.isalpha():
        return None
    country = pycountry.countries.get(**{f"alpha_{len(code)}": code.upper()}) if len(code) in (2, 3) else None
    if country is not None:
        place = gazetteer.lookup(country.name) or gazetteer.lookup(getattr(country, "common_name", "") or "")
        if place is not None:
            return fold(place.name)
    names = _country_initials().get(code, ())
    return names[0] if len(names) == 1 else None


@functools.lru_cache(maxsize=1)
def _country_initials() -> dict[str, tuple[str, ...]]:
    """initials -> folded names of the countries with those initials ("uae" -> united arab emirates)."""
    found: dict[str, set[str]] = defaultdict(set)
    for place in gazetteer.places().values():
        letters = initials(place.name) if place.kind == "country" else None
        if letters:
            found[letters].add(fold(place.name))
    return {k: tuple(sorted(v)) for k, v in found.items()}
