"""Canonical entity names within one article: full names for surnames, acronyms, places, label votes."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import newskit.extract.entities.gazetteer as gazetteer
from newskit.extract import lexicon
from newskit.extract.document import ParagraphDoc
from newskit.extract.entities.mention import Mention
from newskit.extract.entities.rules import speaks_of_self
from newskit.extract.names import (COURTESY_TITLES, FAMILY_NOUNS, FIRM_DESIGNATORS, NAME_LABELS, NAME_PARTICLES, PARTY_WORDS, STYLES, fold, is_club_name,
                                   ORGANISATION_NOUNS, PERSON_DESCRIPTION_NOUNS, is_first_name,
                                   after_organisation_kind, is_known_place, named_as_organisation, names_a_region, firm_context,
                                   is_demonym, is_title_word, is_womans_title, org_context, spokesman_after, words_after, normalize_name, one_edit_apart, title_fits_first_name, untagged_first_names,
                                   without_designation)

# Lowercase words inside a name that an acronym skips ("International Committee of the Red Cross" -> ICRC).
NAME_CONNECTORS = lexicon.words("entities/name_connectors")
# Labels whose names newskit looks for again where the model missed a later mention.
PROPAGATED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
MAX_NAME_TOKENS = 5
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")
_PAIR = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+$")
_INITIALLED = re.compile(r"^(?:[A-Z]\.? ?){1,3} [A-Z][a-z]+(?:-[A-Z][a-z]+)?$|^(?:[A-Z]\.){1,3} ?[A-Z][a-z]+$")


# Parts of a firm written after its name ("Santander's board"), never of a town's
_FIRM_PARTS = lexicon.words("entities/firm_parts")
KNIGHTED = "sir/dame "  # key prefix of a first name after "Sir" or "Dame" in _person_names
FIRST_NAME = "first "  # key prefix of a first name written alone in _person_names


def resolve_article(mentions: list[Mention], paragraphs: list[ParagraphDoc]) -> list[Mention]:
    """Give every mention its canonical name and its entity's label, and add missed later mentions."""
    for m in mentions:
        m.entity = normalize_name(m.span.text, m.label)
    _people_called_by_title(mentions)
    for m in mentions:
        if m.label == "PERSON":  # a person the rules relabelled: "GDC Mr Allard" -> "Allard"
            m.entity = normalize_name(m.span.text, m.label)
    _kind_glued_at_sentence_start(mentions)
    _people_tagged_organisations(mentions)
    _people_by_surname_tagged_organisations(mentions, paragraphs)
    _kin_by_first_name(mentions)
    people = _person_names(mentions)
    organisations = _organisations_by_context(mentions)
    for name in organisations:
        people.pop(name, None)
    acronyms = _acronyms(mentions)
    shared = _shared_surnames(mentions, people)
    firms = _organisations_tagged_otherwise(mentions, paragraphs)
    # (one whose spokesman is named after it is no person's name in its other mentions either:
    # "William Hill made the move"; a kind before a name is not as sure: "broadcaster Cyril Fletcher")
    spoken_for = {m.entity for m in mentions if spokesman_after(m.span)}
    for key in [key for key, name in people.items() if name in spoken_for]:
        del people[key]
    settled: dict[tuple[str, str], str] = {}
    kin_names: dict[str, list[str]] = defaultdict(list)  # surname -> kin's names made with it
    for m in mentions:
        if m.kin and m.entity not in kin_names[m.entity.split()[-1].casefold()]:
            kin_names[m.entity.split()[-1].casefold()].append(m.entity)
    for m in mentions:
        _canonicalize(m, people, acronyms, shared, settled, kin_names)
        if m.entity.casefold() in organisations and m.label in ("PERSON", "GPE", "LOC", "NORP") \
                and gazetteer.lookup(m.entity) is None:
            m.label = "ORG"  # "Cult band Kasabian", which is no place the gazetteer knows
        elif m.entity in firms and m.label in ("PERSON", "GPE", "LOC", "NORP"):
            m.label = "ORG"
    mentions = _untagged_first_names(mentions, paragraphs, people)
    _club_short_names(mentions)
    _firm_short_names(mentions)
    _places_opening_firms_names(mentions, paragraphs)
    mentions = _place_split_from_firm(mentions)
    _vote_labels(mentions)
    mentions += _missed_mentions(mentions, paragraphs, people)
    _vote_labels(mentions)
    return mentions


def _people_called_by_title(mentions: list[Mention]) -> None:
    """A full name the model did not tag PERSON is a person's when the article writes its surname
    with "Mr"/"Mrs"/"Ms"/"Dr" ("Damian Hockney", tagged ORG, of "Mr Hockney"; the entity rules
    already made every such titled mention a PERSON, entities/rules.titled_name)."""
    titled = set()
    for m in mentions:
        words = m.span.text.split()
        if m.label == "PERSON" and " " not in m.entity and (len(words) == 2 or m.start_i > 0 and (
                m.pdoc.doc[m.start_i - 1].lower_.rstrip(".") in COURTESY_TITLES and m.pdoc.doc[m.start_i - 1].text[:1].isupper())):
            titled.add(m.entity)  # "Ms Lomax" -> "Lomax", or "Lomax" after "Ms"
    for m in mentions:
        words = m.entity.split()
        if m.label in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") and 2 <= len(words) <= 3 and words[-1] in titled \
                and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
                and words[0].lower().rstrip(".") not in COURTESY_TITLES:
            m.label = "PERSON"


def _kin_by_first_name(mentions: list[Mention]) -> None:
    """A first name set beside a kin's noun of a person named there carries that person's surname:
    "Michael Howard's ex-model wife, Sandra," is Sandra Howard (so a later "Mrs Howard" is she),
    "Mr Begg's father, Azmat," (tagged a place) Azmat Begg, "Tom Nogar and his son Stephen"
    Stephen Nogar."""
    people = {(id(m.pdoc), i): m for m in mentions if m.label == "PERSON" for i in range(m.start_i, m.end_i)}
    # (or a word no list knows as a first name that the article writes with the surname too:
    # "Mr Begg's father, Azmat," before "Azmat Begg said")
    written = {m.entity for m in mentions if m.label == "PERSON"}
    for m in mentions:
        if m.end_i - m.start_i != 1 or m.label not in ("PERSON", "GPE", "NORP", "ORG"):
            continue
        token = m.span[0]
        kin = token.head if token.dep_ in ("appos", "compound") and token.head.i > token.i - 3 else None
        if kin is None or kin.lemma_.lower() not in FAMILY_NOUNS or kin.i == token.i:
            continue
        owner = next((c for c in kin.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON" and kin.dep_ == "conj" and kin.head.dep_ != "conj" \
                and sum(c.dep_ == "conj" for c in kin.head.children) == 1:
            # "Tom Nogar and his son Stephen" (two only: not "Adam Clayton (bass), David Evans (The
            # Edge, guitar) and his brother Dick", whose "his" is David Evans's)
            owner = kin.head
        named = people.get((id(m.pdoc), owner.i)) if owner is not None else None
        surname = named.span.text.split()[-1] if named is not None else ""
        if named is None or named is m or not surname[:1].isupper() or not surname.replace("-", "").isalpha() \
                or fold(surname) == fold(m.entity) or not (is_first_name(m.entity) or f"{m.entity} {surname}" in written):
            continue
        m.entity, m.label, m.kin = f"{m.entity} {surname}", "PERSON", True


def _person_names(mentions: list[Mention]) -> dict[str, str]:
    """casefolded full name or unambiguous surname -> full name ("antonov" -> "Antonov").

    Everything here is in article order, never in set order, so the names do not depend on the
    interpreter's string hashing."""
    full = sorted(_spellings(mentions), key=len)  # stable: names of one length stay in article order
    # "De Vido" (or "van Persie") is a surname with its particle, not a full name: it neither makes
    # "Vido" ambiguous nor stands apart from "Julio De Vido", whose name after its first word it is
    bare = [name for name in full if name.split()[0].lower() in NAME_PARTICLES]
    full = [name for name in full if name not in bare]
    names: dict[str, str] = {}
    surnames: dict[str, list[str]] = defaultdict(list)
    # "Lord Faulkner" is "Lord Faulkner of Worcester", written with the place of his title once
    designated = {without_designation(name).casefold(): name for name in full if without_designation(name) != name}
    full = [name for name in full if name.casefold() not in designated]
    names.update(designated)
    # "Saumarez Smith" or "Duncan Smith" after "Charles Saumarez Smith", "Iain Duncan Smith": a
    # double surname, the only longer name that ends with it after a known first name or one
    # written inside a sentence (not "Broadcaster Chris Evans", an occupation capitalised by the
    # sentence's start and glued on)
    inside = {m.entity.casefold() for m in mentions if m.label == "PERSON" and not _capitalized_by_position(m)}
    longer = {name.casefold(): owners[0] for name in full
              if len(owners := [other for other in full if len(other.split()) == len(name.split()) + 1
                                and other.casefold().endswith(" " + name.casefold()) and other[:1].isupper()
                                and (_has_first_name(other) or other.casefold() in inside)]) == 1}
    full = [name for name in full if name.casefold() not in longer]
    names.update(longer)
    # (a kin's name made from a first name, "Sandra Howard" of "Michael Howard's wife, Sandra",
    # takes no bare surname from the person written in full: "Howard" stays Michael Howard's)
    kin = {m.entity for m in mentions if m.kin}
    for name in full:
        names[name.casefold()] = name
        if name not in kin:
            surnames[without_designation(name).split()[-1].casefold()].append(name)
    for surname, owners in surnames.items():
        if len(owners) == 1 and surname not in names:  # two Antonovs: a bare "Antonov" stays as written
            names[surname] = owners[0]
    # "Mistura" or "de Mistura" for "Staffan de Mistura": the name after its first word
    for name in full:
        tail = " ".join(name.split()[1:]).casefold()
        # two Blairs (Tony, Sir Ian): "Mr Blair" is neither's yet (Viktor and Victor Makarov are one)
        firsts = {owner.split()[0] for owner in surnames.get(tail, ()) if owner.split()[0].lower() not in STYLES}
        if len({first[:1] for first in firsts}) < 2:  # ("Lord Kinnock" is Neil Kinnock's title form)
            names.setdefault(tail, name)
    # "Lula" of "Luiz Inacio Lula da Silva": a word inside one full name only, no one's first
    # name in the article
    opening = {name.split()[0].casefold() for name in full}
    inner: dict[str, list[str]] = defaultdict(list)
    for name in (name for name in full if _has_first_name(name)):  # (a person's: not "Asymmetric Digital Subscriber Line")
        for word in name.split()[1:-1]:
            if word[:1].isupper() and word.isalpha() and word.lower() not in NAME_PARTICLES and word.casefold() not in opening:
                inner[word.casefold()].append(name)
    for word, owners in inner.items():
        if len(owners) == 1:
            names.setdefault(word, owners[0])
    for name in bare:  # "da Silva" of "Luiz Inacio Lula da Silva", when only one name ends so
        owners = [owner for owner in full if owner.casefold().endswith(" " + name.casefold())]
        names.setdefault(name.casefold(), owners[0] if len(owners) == 1 else name)
    # "Sir Alan" for "Sir Alan Budd": a knight or dame is named by title and first name
    firsts: dict[str, list[str]] = defaultdict(list)
    for name in full:
        firsts[name.split()[0].casefold()].append(name)
    # (not a word the article writes with "Mr" or "Ms": "Mr Howard" is no Howard Flight)
    titled = {m.span[-1].text.casefold() for m in mentions if m.label == "PERSON" and _courtesy_before(m)}
    for first, owners in firsts.items():
        if len(owners) == 1:
            names[KNIGHTED + first] = owners[0]
            if _has_first_name(owners[0]) and first not in titled:
                # "Jamie" alone, after "Jamie Costin" is named: the one full name it opens
                names[FIRST_NAME + first] = owners[0]
    return names


def _people_tagged_organisations(mentions: list[Mention]) -> None:
    """A one-word name tagged an organisation's that speaks of itself as "he" or "she"
    ("Federer admitted he was under extra pressure"; rules.speaks_of_self) is a person's in every
    mention, when no mention stands where organisations do ("shares in ...", "..., which") and it
    is no club's, place's or kind's name ("Chelsea said he would be fined" is the club's)."""
    named: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        named[m.entity].append(m)
    for name, group in named.items():
        if " " in name or not name.isalpha() or not name.istitle() or len(name) < 3 \
                or any(m.label != "ORG" for m in group) or is_club_name(name) or gazetteer.lookup(name) is not None \
                or fold(name) in ORGANISATION_NOUNS or fold(name) in PARTY_WORDS or is_demonym(name):
            continue
        if any(speaks_of_self(m.span) for m in group) and not any(
                org_context(m.pdoc.text, m.span.start_char, m.span.end_char)
                or after_organisation_kind(m.pdoc.text, m.span.start_char) for m in group):
            for m in group:
                m.label = "PERSON"


def _people_by_surname_tagged_organisations(mentions: list[Mention], paragraphs: list[ParagraphDoc]) -> None:
    """A name of initials and a surname tagged an organisation's ("JK Rowling") is a person's when
    the article writes the surname alone as a person's: tagged a person, or not and speaking of
    itself as "he" or "she" ("Rowling revealed she had finished the novel"; rules.speaks_of_self);
    not "BT Openworld", whose second word no person of the article bears. So is a name of two words
    the first of which may open a person's name, by the second way only ("a win over Taylor Dent
    ... Dent said he rated ..."; not "American Dent", nor "the Daily Telegraph" with "Telegraph"
    tagged a person)."""
    named = sorted({m.entity for m in mentions if m.label == "ORG" and (_INITIALLED.match(m.entity) or (
        _PAIR.match(m.entity) and not _no_first_name(m.entity.split()[0])))})
    if not named:
        return
    alone = {m.entity for m in mentions if m.label == "PERSON" and " " not in m.entity}
    for name in named:
        surname = name.split()[-1]
        if not (_INITIALLED.match(name) and surname in alone) and not any(
                t.text == surname and t.ent_type_ != "PERSON" and speaks_of_self(p.doc[t.i:t.i + 1])
                for p in paragraphs for t in p.doc):
            continue
        for m in mentions:
            if m.entity == name:
                m.label = "PERSON"


def _no_first_name(word: str) -> bool:
    """Whether a word can open no person's name: a people's, a place's, an organisation's kind."""
    return is_demonym(word) or gazetteer.lookup(word) is not None or fold(word) in ORGANISATION_NOUNS \
        or fold(word) in PARTY_WORDS or is_title_word(word)


def _courtesy_before(m: Mention) -> bool:
    """Whether a mention is written with a courtesy title ("Mr Howard", "Mr" inside or before it)."""
    words = [m.span[0]] + ([m.pdoc.doc[m.start_i - 1]] if m.start_i else [])
    return any(t.lower_.rstrip(".") in COURTESY_TITLES and t.text[:1].isupper() for t in words)


def _organisations_by_context(mentions: list[Mention]) -> list[str]:
    """casefolded one-word names the article writes right after the noun of a kind of
    organisation ("Cult band Kasabian", "oil giant Yukos"): no surname of the article's people,
    so the band Kasabian is not Linda Kasabian, after whom it is named."""
    return [m.entity.casefold() for m in mentions
            if " " not in m.entity and m.label in NAME_LABELS and after_organisation_kind(m.pdoc.text, m.span.start_char)]


def _organisations_tagged_otherwise(mentions: list[Mention], paragraphs: list[ParagraphDoc]) -> frozenset[str]:
    """Names the tagger gave a person's or a place's label that the article writes as an
    organisation's, so every mention of them is one: a name set right after or beside the noun of
    its kind ("building products group James Hardie", "Halifax, the country's biggest mortgage
    lender"; names.named_as_organisation), or a place no gazetteer knows written where
    firms stand ("Electrolux's subsidiary brands", "shares in ..."; names.firm_context).
    The speakers read the same names as organisations (extract/quotes/participants.py)."""
    # (an organisation's mention too: "William Hill spokesman Rupert Adams", tagged ORG there, makes
    # "William Hill made the move", tagged PERSON, the firm's)
    found = {m.entity for m in mentions if (m.label in ("PERSON", "GPE", "LOC", "NORP") and named_as_organisation(m.span))
             or (m.label == "ORG" and spokesman_after(m.span))}
    # (anywhere the article writes the name, also where the tagger saw none: "BT chief executive")
    placed = sorted({m.entity for m in mentions if m.label in ("GPE", "LOC") and not is_known_place(m.entity)})
    for name in placed:
        pattern = re.compile(r"\b%s\b" % re.escape(name))
        if any(firm_context(p.text, hit.start(), hit.end()) for p in paragraphs for hit in pattern.finditer(p.text)):
            found.add(name)
    return frozenset(found)


def _kind_glued_at_sentence_start(mentions: list[Mention]) -> None:
    """A name opening a sentence with the noun of what it is glued on ("Bookmakers Ladbrokes
    said", "Rapper Jay-Z said"), the sentence's capital making the noun look part of it: the
    name without the noun, when the article names it so elsewhere; an organisation's noun glued
    on a name tagged a person's makes it a firm in every mention ("Bookmaker William Hill")."""
    named = {(m.label, m.entity) for m in mentions}
    firms = set()
    for m in mentions:
        words = (m.entity or "").split(" ")
        if len(words) < 2 or m.label not in ("ORG", "PERSON") or not _capitalized_by_position(m):
            continue
        noun = words[0].lower()
        nouns = ORGANISATION_NOUNS if m.label == "ORG" else PERSON_DESCRIPTION_NOUNS
        rest = " ".join(words[1:])
        if (noun in nouns or (noun.endswith("s") and noun[:-1] in nouns)) and (m.label, rest) in named:
            m.entity = rest
        elif m.label == "PERSON" and noun in ORGANISATION_NOUNS and ("PERSON", rest) in named:
            # "Bookmaker William Hill has stopped ...", tagged a person with its kind: a firm
            m.entity = rest
            firms.add(rest)
    for m in mentions:
        if m.label == "PERSON" and m.entity in firms:
            m.label = "ORG"


def _shared_surnames(mentions: list[Mention], people: dict[str, str]) -> dict[str, list[tuple[int, str]]]:
    """casefolded surname two or more of the article's people share, and so no name of its own in
    `people` -> (offset of each owner's first full mention, full name), in article order."""
    owners: dict[str, dict[str, int]] = defaultdict(dict)
    kin = {m.entity for m in mentions if m.kin}
    for m in mentions:
        if m.label == "PERSON" and len(m.entity.split()) >= 2 and m.entity.split()[0].lower() not in NAME_PARTICLES \
                and m.entity not in kin:
            owners[without_designation(m.entity).split()[-1].casefold()].setdefault(m.entity.casefold(), m.offsets[0])
    return {surname: [(at, people.get(name, name)) for name, at in named.items()]
            for surname, named in owners.items() if len(named) > 1 and surname not in people}


def _spellings(mentions: list[Mention]) -> list[str]:
    """One spelling per full PERSON name (names equal but for case are one name), in article order.

    "Van Persie" opening a sentence and "van Persie" inside one are one name: the spelling written
    inside sentences wins (a sentence start or a headline capitalizes any name), then the spelling
    written most often, then the first written."""
    votes: dict[str, dict[str, list[int]]] = defaultdict(dict)  # casefolded -> spelling -> [inside, count]
    for m in mentions:
        if m.label == "PERSON" and len(m.entity.split()) >= 2:
            vote = votes[m.entity.casefold()].setdefault(m.entity, [0, 0])
            vote[0] += not _capitalized_by_position(m)
            vote[1] += 1
    # max() keeps the first of equal spellings, and dicts keep article order
    return [max(spellings, key=lambda s: spellings[s]) for spellings in votes.values()]


def _capitalized_by_position(m: Mention) -> bool:
    """Whether the mention stands where any word is capitalized: a headline or a sentence start."""
    return m.pdoc.kind in ("title", "subtitle") or m.start_i == 0 or bool(m.span[0].is_sent_start)


def _acronyms(mentions: list[Mention]) -> dict[str, Mention]:
    """"International Committee of the Red Cross (ICRC)": the acronym -> the mention it abbreviates."""
    found = {}
    for m in mentions:
        doc = m.pdoc.doc
        after = doc[m.end_i:m.end_i + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and _ACRONYM.match(after[1].text):
            initials = "".join(w[0] for w in m.entity.split() if w.lower() not in NAME_CONNECTORS)
            if initials.upper() == after[1].text.replace(".", "").replace("&", ""):
                found[after[1].text] = m
    return found


def _canonicalize(m: Mention, people: dict[str, str], acronyms: dict[str, Mention],
                  shared: dict[str, list[tuple[int, str]]] | None = None,
                  settled: dict[tuple[str, str], str] | None = None,
                  kin_names: dict[str, list[str]] | None = None) -> None:
    """One mention's canonical name: a person's full name, an acronym's expansion, a place's name.
    A surname two people share (`shared`) is the one the article has named before it while it
    has named only one: "Ozzy Osbourne ... Osbourne said" before "Sharon Osbourne" is written;
    written with a courtesy title, it stays whom that title and surname meant first (`settled`,
    filled here in article order): "Donna Clarkson, whose daughter Lana ... Ms Clarkson's legal
    action ... Lana Clarkson ... Ms Clarkson was forced" is Donna Clarkson each time."""
    if m.label not in NAME_LABELS:
        return
    key = m.entity.casefold()
    # "Republicans" (NORP) is no surname of "Log Cabin Republicans"
    # nor is a known place ("Mexico" the last word of a headline glued onto a name)
    # (a country or state); a town's name that is the surname of the article's person is the person
    # ("Kennedy" after "Charles Kennedy", though Kennedy is a town too)
    known_place = gazetteer.lookup(m.entity) if m.label in {"GPE", "LOC"} else None
    is_place = known_place is not None and known_place.kind != "city"
    before = m.pdoc.doc[m.start_i - 1].lower_ if m.start_i else ""
    # the courtesy title a surname is written with, inside the mention or just before it ("Mrs Howard")
    courtesy = m.span[0].lower_ if len(m.span) > 1 and m.span[0].lower_.rstrip(".") in COURTESY_TITLES else before
    if before in ("sir", "dame") and " " not in key and KNIGHTED + key in people:
        m.entity, m.label, m.from_person_name = people[KNIGHTED + key], "PERSON", True
        return
    kin = [name for name in kin_names.get(key, ()) if _other_gender(courtesy, name, m.entity, same=True)] \
        if kin_names and m.label == "PERSON" else []
    # (the only one of the title's gender: not "Mr Nogar" of Thorne Nogar beside "Mr Nogar's son
    # Stephen")
    others = {name for name in people.values() if " " in name and name not in kin_names.get(key, ())
              and name.split()[-1].casefold() == key and not _other_gender(courtesy, name, m.entity)}
    # (a woman's title also over one whose first name tells no gender: "Rock star Dex Marlow and his
    # wife Tina ... Mrs Marlow" is Tina; not a man's: "Thorne Nogar died ... Mr Nogar's son Stephen
    # ... Mr Nogar" is Thorne)
    if len(kin) == 1 and not any(_other_gender(courtesy, name, m.entity, same=True) for name in others) \
            and (not others or is_womans_title(courtesy)):
        # "Mrs Howard" after "Michael Howard's wife, Sandra,": Sandra Howard
        m.entity, m.from_person_name = kin[0], True
        return
    if key in people and (m.label != "NORP" or _surname_read_as_people(m.entity)) and not is_place \
            and (m.label == "PERSON" or m.entity[:1].isupper()) and not _other_gender(courtesy, people[key], m.entity):
        m.entity, m.label, m.from_person_name = people[key], "PERSON", True
        return
    kin_noun = m.span[0].head if m.span[0].dep_ in ("appos", "compound") else None
    owner = people.get(FIRST_NAME + key, "")
    family = owner and any(" " in name and name != owner and name.split()[-1] == owner.split()[-1] for name in people.values())
    if m.label == "PERSON" and " " not in key and key not in people and owner \
            and not is_title_word(before) and is_first_name(m.entity) and m.entity[:1].isupper() \
            and not (kin_noun is not None and kin_noun.lemma_.lower() in FAMILY_NOUNS and not family):
        # a first name alone, of the one person the article names in full with it: "Jamie Costin
        # ... Jamie didn't finally arrive at hospital" (not a surname of anyone: that reads above;
        # nor a kin's, but of one of the family: "his son Nick" is no Nick Vaughan of the same
        # story; "his wife Sharon" is Sharon Osbourne beside Ozzy Osbourne)
        m.entity, m.from_person_name = owner, True
        return
    if m.label == "PERSON" and shared and key in shared:
        owners = [(at, name) for at, name in shared[key] if not _other_gender(courtesy, name, m.entity)]
        agreeing = [name for _, name in owners if _other_gender(courtesy, name, m.entity, same=True)]
        if len(agreeing) == 1:  # "Mrs Howard" of Michael and Sandra Howard, wherever she is named
            m.entity, m.from_person_name = agreeing[0], True
            return
        earlier = [name for at, name in owners if at < m.offsets[0]]
        if not earlier and owners and m.pdoc.kind in ("title", "subtitle") and " " not in m.entity \
                and not (m.end_i < len(m.pdoc.doc) and m.pdoc.doc[m.end_i].tag_ == "NNS"):
            # a headline's surname is the person the story names first: "Media seek Jackson
            # 'juror' notes" over "Michael Jackson's child abuse trial ... Katherine Jackson" (not
            # a family's: "Bryan twins keep US hopes alive")
            earlier = [min(owners)[1]]
        titled = (courtesy.rstrip("."), key) if courtesy.rstrip(".") in COURTESY_TITLES else None
        if len(earlier) > 1 and titled is not None and settled is not None and settled.get(titled) in earlier:
            earlier = [settled[titled]]
        if len(earlier) == 1:
            m.entity, m.from_person_name = earlier[0], True
            if titled is not None and settled is not None:
                settled.setdefault(titled, earlier[0])
            return
    if m.label == "PERSON" and " " not in m.entity and is_womans_title(courtesy) and not names_a_region(m.entity) \
            and not any(one_edit_apart(full.split()[-1], m.entity) for full in people.values() if " " in full):
        # a surname after a woman's courtesy title, of no one the article names in full, keeps the
        # title: "Mrs Howard" in a story about Michael Howard is not him, nor is she whatever man
        # of that surname the corpus names (analysis/linking); not a misspelt surname of someone
        # named in full, whom the speaker rules find ("Diane Abbot ... Ms Abbott"), nor a place's
        # title ("Miss England")
        m.entity = f"{courtesy.rstrip('.').capitalize()} {m.entity}"
        return
    if m.entity in acronyms and acronyms[m.entity] is not m:
        m.entity, m.label = acronyms[m.entity].entity, acronyms[m.entity].label
        return
    place = gazetteer.lookup(m.entity) if m.label in {"GPE", "LOC", "FAC"} else None
    if place is not None and gazetteer.may_rename(m.entity, place):
        m.entity = place.name
    elif m.entity.isupper() and len(m.entity) > 4 and m.label in {"PERSON", "GPE", "LOC"}:
        m.entity = m.entity.title()  # "ANTONOV" in an ALL-CAPS headline, no fuller form known


def _surname_read_as_people(name: str) -> bool:
    """Whether a NORP mention is a person's surname the tagger took for a people's name ("Arrese
    said" after "Spain coach Jordi Arrese"): one word that is no people's and no party's name."""
    return " " not in name and not is_demonym(name) and fold(name) not in PARTY_WORDS


def _other_gender(before: str, full: str, written: str, same: bool = False) -> bool:
    """Whether a surname written after a courtesy title of one gender cannot be the full name's
    person, whose first name is of the other: "Mrs Howard" is not Michael Howard (`same`: whether
    the first name is of the title's gender, Sandra Howard's)."""
    if " " in written or before.rstrip(".") not in COURTESY_TITLES:
        return False
    return title_fits_first_name(before, full.split()[0]) is same


def _untagged_first_names(mentions: list[Mention], paragraphs: list[ParagraphDoc],
                          people: dict[str, str]) -> list[Mention]:
    """A one-word person's name whose first name the tagger left out of every mention gets it
    from the text when that is a known first name ("Feargal Sharkey, Lucie Silvas ... Silvas
    said", only "Silvas" tagged; the speaker rules also take other capitalised words): the
    name becomes "Lucie Silvas" everywhere, and the mention right after that first name takes it
    in. `people` learns the full name, so later untagged mentions find it too."""
    names = {m.entity for m in mentions if (m.label == "PERSON" or _misread_surname(m)) and m.entity and " " not in m.entity
             and m.entity[:1].isupper() and m.entity.casefold() not in people}
    if not names:
        return mentions
    misread = {m.entity for m in mentions if _misread_surname(m)}
    # (read as organisations only, never as a person or a place: known first names only, and
    # none the tagger took in)
    misread_organisations = {m.entity for m in mentions if _misread_surname(m) and m.label == "ORG"} \
        - {m.entity for m in mentions if m.label == "PERSON" or (_misread_surname(m) and m.label != "ORG")}
    full: dict[str, str] = {}
    for name in sorted(names):
        firsts = sorted({first for pdoc in paragraphs for first in untagged_first_names(name, pdoc.text, known_only=True)})
        if name in misread and name not in misread_organisations:  # (a first name of any list: "Vera" of "Vera Zvonareva")
            firsts = sorted({first for pdoc in paragraphs for first in untagged_first_names(name, pdoc.text)
                             if is_first_name(first)})
        if name in misread_organisations:  # (a first name the tagger left out of every name: not "Milan Baros" tagged ORG)
            firsts = [first for first in firsts if not any(m.span.text.endswith(f"{first} {name}") for m in mentions)]
        if len(firsts) == 1:
            full[name] = f"{firsts[0]} {name}"
            people.setdefault(name.casefold(), full[name])
            people.setdefault(full[name].casefold(), full[name])
    taken = {(id(m.pdoc), i) for m in mentions for i in range(m.start_i, m.end_i)}
    out = []
    for m in mentions:
        if (m.label == "PERSON" or _misread_surname(m)) and m.entity in full:
            first = full[m.entity].split()[0]
            before = m.pdoc.doc[m.start_i - 1] if m.start_i else None
            start = m.start_i - 1 if before is not None and before.text == first and (id(m.pdoc), before.i) not in taken \
                and m.start_i == m.end_i - 1 else m.start_i
            m = Mention(m.pdoc, start, m.end_i, "PERSON", role=m.role, entity=full[m.entity], from_person_name=True)
        out.append(m)
    return out


_PLACE_KIND_WORDS = lexicon.words("entities/place_kind_words")


def _misread_surname(m: Mention) -> bool:
    """A one-word name the tagger took for a place or a people that no table knows as one: a
    surname, when the text writes a known first name before it ("Vera Zvonareva" untagged,
    "Russia's Zvonareva" tagged GPE; `_untagged_first_names`)."""
    if m.label == "ORG":  # "Boss Graeme Souness" untagged, "Souness" tagged ORG in the title and at "Souness said"
        return m.entity.isalpha() and gazetteer.lookup(m.entity) is None and fold(m.entity) not in ORGANISATION_NOUNS
    return m.label in ("GPE", "LOC", "NORP", "FAC") and m.entity.isalpha() and gazetteer.lookup(m.entity) is None \
        and not is_demonym(m.entity) and m.entity.casefold() not in _PLACE_KIND_WORDS  # (not "Park" of "Weston Park")


def _club_short_names(mentions: list[Mention]) -> None:
    """A club's last word alone is the club the article names in full: "United" after
    "Manchester United", "Villa" after "Aston Villa", when one club of the article ends so (a
    town's club before a name that only ends like one: "Shareholders United")."""
    clubs: dict[str, list[str]] = defaultdict(list)
    towns: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        words = m.entity.split()
        if m.label == "ORG" and len(words) > 1 and is_club_name(m.entity) and m.entity not in clubs[words[-1]]:
            clubs[words[-1]].append(m.entity)
            if is_club_name(m.entity, nicknames=False):
                towns[words[-1]].append(m.entity)
    for m in mentions:
        owners = towns.get(m.entity) or clubs.get(m.entity, [])
        if m.label in NAME_LABELS and len(owners) == 1:
            m.entity, m.label = owners[0], "ORG"


def _firm_short_names(mentions: list[Mention]) -> None:
    """A firm's name without the word that ends it is the firm: "Multiplex" (tagged PERSON) after
    "Multiplex Group", "Laura Ashley" after "Laura Ashley Holdings", when one firm of the article
    is named so (not a known place: "China" of "China Group")."""
    firms: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        words = m.entity.split()
        if m.label == "ORG" and len(words) > 1 and words[-1].lower() in FIRM_DESIGNATORS:
            short = " ".join(words[:-1])
            if m.entity not in firms[short] and short[:1].isupper() and gazetteer.lookup(short) is None:
                firms[short].append(m.entity)
    for m in mentions:
        owners = firms.get(m.entity, [])
        if m.label in NAME_LABELS and len(owners) == 1:
            m.entity, m.label = owners[0], "ORG"


def _places_opening_firms_names(mentions: list[Mention], paragraphs: list[ParagraphDoc]) -> None:
    """A town's name that opens the name of one firm of the article, written somewhere as only a
    firm is ("Santander's board", "shares in Santander") and nowhere as a place ("in Santander"), is
    that firm in every mention: "Santander" (tagged a place) of "Santander Central Hispano". Not a
    country ("US" beside "US Federal Reserve"), nor a town written as one: "London shares",
    "in London" beside "London Stock Exchange"."""
    firms: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        words = m.entity.split()
        # (or one tagged a person's, which a place's name opens: no one's)
        if m.label in ("ORG", "PERSON") and len(words) > 1 and m.entity not in firms[words[0]] \
                and gazetteer.lookup(m.entity) is None and (m.label == "ORG" or gazetteer.lookup(words[0]) is not None):
            firms[words[0]].append(m.entity)
    for name, owners in firms.items():
        places = [m for m in mentions if m.entity == name and m.label in ("GPE", "LOC")]
        town = gazetteer.lookup(name)
        if len(owners) != 1 or not places or town is None or town.kind != "city":
            continue
        pattern = re.compile(r"\b%s\b(?!\s+%s)" % (re.escape(name), re.escape(owners[0].split()[1])))
        hits = [(p.text, hit) for p in paragraphs for hit in pattern.finditer(p.text)]
        as_firm = any(next(iter(words_after(text, hit.end())), "").lower() in _FIRM_PARTS and text[hit.end():hit.end() + 1] in ("'", "’")
                      or re.search(r"\b(?:shares|stake) in\s+$", text[max(0, hit.start() - 12):hit.start()], re.IGNORECASE)
                      for text, hit in hits)
        as_place = any(re.search(r"\b(?:in|near)\s+$", text[max(0, hit.start() - 6):hit.start()])
                       and not re.search(r"\b(?:shares|stake) in\s+$", text[max(0, hit.start() - 12):hit.start()], re.IGNORECASE)
                       for text, hit in hits)
        if as_firm and not as_place:
            for m in places:
                m.entity, m.label = owners[0], "ORG"


def _place_split_from_firm(mentions: list[Mention]) -> list[Mention]:
    """A firm's name the tagger split into a place and an organisation where the article writes
    it whole elsewhere: "Shares in UK" (GPE) + "Coal" (ORG), with "UK Coal" tagged whole later,
    is one mention of UK Coal."""
    firms = {m.entity for m in mentions if m.label == "ORG" and len(m.entity.split()) == 2}
    joined: dict[int, Mention] = {}
    for place, firm in zip(mentions, mentions[1:]):
        if place.pdoc is firm.pdoc and place.end_i == firm.start_i and place.label in ("GPE", "NORP", "LOC") \
                and firm.label == "ORG" and place.span[-1].whitespace_ == " " \
                and f"{place.span.text} {firm.span.text}" in firms and id(place) not in joined:
            merged = Mention(place.pdoc, place.start_i, firm.end_i, "ORG", entity=f"{place.span.text} {firm.span.text}")
            joined[id(place)], joined[id(firm)] = merged, None
    if not joined:
        return mentions
    return [joined.get(id(m), m) for m in mentions if joined.get(id(m), m) is not None]


def _vote_labels(mentions: list[Mention]) -> None:
    """One label per entity in the article: the majority of its mentions, ties to the longest mention."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label in NAME_LABELS:
            groups[m.entity].append(m)
    for group in groups.values():
        if any(m.from_person_name for m in group):
            winner = "PERSON"
        else:
            votes = Counter(m.label for m in group)
            longest = max(group, key=lambda m: (m.end_i - m.start_i, -m.pdoc.paragraph, -m.start_i))
            winner = max(votes, key=lambda label: (votes[label], label == longest.label, label))
        for m in group:
            m.label = winner


def _missed_mentions(mentions: list[Mention], paragraphs: list[ParagraphDoc], people: dict[str, str]) -> list[Mention]:
    """Later mentions of the article's names that the model left untagged ("Antonov said")."""
    known: dict[str, tuple[str, str, bool]] = {}
    for m in mentions:
        if m.label in PROPAGATED_LABELS and m.entity[:1].isupper():
            for form in {m.span.text, m.entity}:
                known.setdefault(form, (m.entity, m.label, m.from_person_name))
    for form, full in people.items():
        if form[:1].isalpha():
            known.setdefault(_as_written(form, full), (full, "PERSON", True))
    if not known:
        return []
    firsts = {form.split(" ")[0] for form in known}
    lowercase = {t.text for pdoc in paragraphs for t in pdoc.doc if t.is_lower}  # "Lopez" is no word the article writes
    added = []
    by_paragraph: dict[int, set[int]] = defaultdict(set)
    for m in mentions:
        by_paragraph[id(m.pdoc)].update(range(m.start_i, m.end_i))
    for pdoc in paragraphs:
        taken = by_paragraph[id(pdoc)]
        doc, i = pdoc.doc, 0
        while i < len(doc):
            hit = _known_at(doc, i, known, taken, lowercase) if doc[i].text in firsts else None
            if hit is None:
                i += 1
                continue
            n, (entity, label, from_person) = hit
            if label == "PERSON" and n == 1 and i and _other_gender(doc[i - 1].lower_, entity, doc[i].text):
                # a surname after a courtesy title of the other gender than the name it was read as
                # first: "Mrs Marlow" (Tina) then "Mr Marlow", of David Marlow, whose wife is Tina
                # (one whose first name tells no gender will do when no other does: Dex Marlow)
                owners = [full for full in dict.fromkeys(people.values()) if " " in full
                          and full.split()[-1].casefold() == doc[i].text.casefold()
                          and not _other_gender(doc[i - 1].lower_, full, doc[i].text)]
                fits = [full for full in owners if _other_gender(doc[i - 1].lower_, full, doc[i].text, same=True)] or owners
                entity = fits[0] if len(fits) == 1 else entity
            added.append(Mention(pdoc, i, i + n, label, entity=entity, from_person_name=from_person))
            taken.update(range(i, i + n))
            i += n
    return added


def _as_written(form: str, full: str) -> str:
    """The casefolded key back in the full name's spelling ("antonov" -> "Antonov")."""
    at = full.casefold().find(form)
    return full[at:at + len(form)] if at >= 0 else form


def _has_first_name(name: str) -> bool:
    """Whether a full name opens with a first name the name lists know ("Jennifer Lopez")."""
    words = name.split()
    return len(words) > 1 and is_first_name(words[0])


def _known_at(doc, i: int, known: dict, taken: set[int], lowercase: frozenset[str] | set[str] = frozenset()):
    """(length, known entity) of the longest known name starting at token i, outside any mention."""
    token = doc[i]
    if i in taken or not token.text[:1].isupper() or token.is_stop:
        return None
    for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
        if any(k in taken for k in range(i, i + n)):
            continue
        span = doc[i:i + n]
        hit = known.get(span.text)
        # one capitalized word must be a proper noun here: "Will" the verb is not Mr Will; a
        # person's surname may be tagged a noun too ("Pires told" with "Pires" a plural noun)
        # or, the surname of a full name with a known first name, an adjective the article never
        # writes in lowercase ("Lopez issues a statement"; not "Yukos shares", a firm the tagger
        # called a person, nor "Portable gadgets" after "Playstation Portable" tagged PERSON)
        if hit is not None and (n > 1 or token.tag_.startswith("NNP") or (hit[2] and token.pos_ == "NOUN")
                                or (hit[2] and token.pos_ == "ADJ" and token.text.lower() not in lowercase
                                    and _has_first_name(hit[0]))):
            return n, hit
    return None
