"""newskit's spaCy component after `ner`: gazetteer places, organisation-name patterns, trimmed spans."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

import newskit.extract.entities.gazetteer as gazetteer
from newskit.extract import lexicon
from newskit.extract.entities.component import COMPONENT, rules_fingerprint  # noqa: F401 (defined without spaCy)
from newskit.extract.names import (CORE_TITLES, COURTESY_TITLES, GENERATIONAL_SUFFIXES, ORG_SUFFIXES, ORGANISATION_NOUNS, PARTY_WORDS, PEER_TITLES,
                                   PEERAGE_TITLES,
                                   ends_like_organisation, fold, hyphen_inside, is_club_name, is_demonym, is_first_name, is_known_first_name,
                                   is_organisation_acronym, is_party_name, is_peerage_name, is_person_description, is_role_noun,
                                   is_title_word)
from newskit.extract.quotes.quotemarks import DOUBLE_MARKS, SINGLE_MARKS, closes

# Head nouns that make a capitalized phrase an organisation name ("International Committee of ...").
ORG_HEADS = lexicon.words("entities/org_heads")
_REGIONS = frozenset(lexicon.entries("entities/regions"))
# Lowercase words allowed inside a capitalized name ("Committee of the Red Cross", "Staffan de Mistura").
NAME_CONNECTORS = lexicon.words("entities/name_connectors")
# Lowercase particles inside person names.
NAME_PARTICLES = lexicon.words("entities/name_particles")
# Labels the small model puts on places it does not know; an exact gazetteer match turns them into GPE.
RELABEL_TO_GPE = frozenset({"NORP", "LANGUAGE", "ORG", "PERSON", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
# Parts of speech that end a capitalized organisation name ("Ministry Is Optimistic" in a Title Case headline).
_NOT_IN_NAMES = frozenset({"AUX", "VERB", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV"})
_SUFFIX_WORDS = frozenset(w.lower() for suffix in ORG_SUFFIXES for w in suffix.split())
_ORG_WORD = re.compile(r"\b(?:" + "|".join(sorted(ORG_HEADS | _SUFFIX_WORDS)) + r")\b", re.IGNORECASE)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Words of firms' names, never of a person's ("Deutsche Post", "Forrester Research").
COMPANY_WORDS = lexicon.words("entities/company_words")
# First words of firms' names, never of a person's ("Air Deccan")
FIRM_FIRST_WORDS = lexicon.words("entities/firm_first_words")
# Words of newspapers' and magazines' names ("Mail", "Times"): "the Mail on Sunday" is one
PUBLICATION_NAME_WORDS = lexicon.words("quotes/publication_name_words")
# Speech verbs (lemmas): "Rio Ferdinand has said he ..." speaks as a person.
_REPORTING_VERBS = lexicon.words("quotes/reporting_verbs")
# "he", "she", "him", "her": the pronouns of one person of known gender (the speakers' list).
_PERSON_PRONOUNS = frozenset(w for w, kind in lexicon.table("quotes/speaker_pronouns").items() if kind in ("male", "female"))
# Labels the small model puts on a person's name that a sentence can show wrong.
_NOT_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LOC"})
# What a name right after these nouns is the title of: "the album Exodus", "the film Ray" (lemmas);
# a newspaper's or magazine's name is an organisation's ("German magazine Der Spiegel said").
_PUBLICATION_NOUNS = lexicon.words("quotes/publication_nouns")
_WORK_NOUNS = lexicon.words("quotes/title_nouns") - _PUBLICATION_NOUNS
# Weekdays and months, which are first names too ("Sunday", "May"), as the first word of a name
_CALENDAR_WORDS = frozenset(lexicon.table("timexes/weekdays")) | frozenset(lexicon.table("timexes/months"))
# Capitalised words for what a firm is, glued before its name ("Bookmaker Ladbrokes").
_KINDS_BEFORE_NAMES = lexicon.words("entities/kinds_before_names")
# Labels the small model puts on a club's name that no reading of the words supports.
_NOT_CLUB_LABELS = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC"})


@Language.factory(COMPONENT)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules()


class EntityRules:
    """Corrects the statistical NER of one Doc with rules that hold for news text in general."""

    def __init__(self) -> None:
        gazetteer.first_words()  # build the tables once, at load time, not on the first document
        self.fingerprint = rules_fingerprint()

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        for span in organisation_names(doc):
            ents = _merge(ents, span)
            if ends_like_organisation(span.text):
                # a name closed by an organisation's suffix the tagger made a person's: "Christian Aid"
                # ("Christian Aid's head of Trade Policy": the possessive tagged with it)
                ents = [Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and e.start == span.start
                        and (e.end == span.end or (e.end == span.end + 1 and doc[span.end].text in _POSSESSIVE)) else e
                        for e in ents]
        ents = [_without_quote_marks(office_of_a_title(ent)) for ent in ents]
        ents = [piece for ent in ents if len(ent) for pair in fixture_sides(ent) for side in organisation_pair(pair)
                for named in person_of_organisation(side) for titled in split_titled_person(named)
                for piece in organisation_glued_before_a_person(titled)]
        ents = [sports_club(person_by_context(titled_name(people_word(titled_work(numbered_title(stage_name_of_money(
            _title_glued_before_a_name(ent))))))))
                for ent in ents]
        ents = [_title_before_a_credit(ent) for ent in ents]
        ents = _names_after_a_capital_title(doc, ents)
        ents = _untagged_people(doc, ents)
        ents = _nicknamed_people(doc, ents)
        ents = _first_name_tagged_apart(doc, ents)
        ents = _suffix_tagged_apart(doc, ents)
        ents = _surname_read_as_a_date(ents)
        ents = [_acronym_tagged_person(_organisation_tagged_person(_named_with_an_acronym(ent))) for ent in ents]
        ents = _organisation_cut_at_a_connector(ents)
        ents = _organisation_opened_before_a_connector(doc, ents)
        ents = [_word_before_an_acronyms_name(ent) for ent in ents]
        ents = [Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and len(e) > 1 and e[0].text in FIRM_FIRST_WORDS
                else e for e in ents]  # "Air Deccan" tagged a person's name: an airline
        ents = [_first_name_left_out(_hyphenated_surname(ent)) for ent in ents]
        ents = _peerage_title_to_name(ents)
        ents = _territorial_peers(doc, ents)
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        ents = [titled if (titled := with_peerage_title(ent)).start == ent.start or titled.start not in taken else ent
                for ent in ents]
        ents = _apply_places(doc, ents)
        ents = [_letter_before_a_hyphen(ent) for ent in ents]  # (after the places: "Mobile" is one)
        ents = _sunday_titles(doc, ents)
        cased = any(c.isupper() for c in doc.text)
        # (no one's name is written all in lowercase in cased text: "that is nice", "jukebox" tagged PERSON)
        # (two rules' spans that overlap keep the longer, spaCy's filter_spans, rather than stop
        # the whole run: one article's odd text never fails a corpus)
        doc.ents = sorted(filter_spans(list({(e.start, e.end): e for e in map(trim, ents)
                                            if len(e) and not (cased and e.label_ == "PERSON"
                                                               and not any(c.isupper() for c in e.text))}.values())),
                          key=lambda e: e.start)
        return doc


def _is_cap(token: Token) -> bool:
    return token.text[:1].isupper() and not token.is_punct


def _all_caps(doc: Doc) -> bool:
    return len(doc.text) > 8 and doc.text.isupper()


def organisation_names(doc: Doc) -> list[Span]:
    """Title-case phrases headed by an organisation noun or closed by an org suffix, as ORG spans."""
    if _all_caps(doc) or not _ORG_WORD.search(doc.text):  # no case to read names from, or no org word
        return []
    spans, i = [], 0
    while i < len(doc):
        j = i
        # a run of capitalized name words, lowercase connectors only between two of them
        while j < len(doc) and (_name_word(doc[j]) or (j > i and _connects(doc, j))):
            j += 1
        if j > i:
            span = _org_span(doc, i, j)
            if span is not None:
                spans.append(span)
        i = max(j, i + 1)
    return spans


def _connects(doc: Doc, j: int) -> bool:
    # "of the" inside "Committee of the Red Cross": connectors followed by a name word
    k = j
    while k < len(doc) and doc[k].lower_ in NAME_CONNECTORS and not _name_word(doc[k]):
        k += 1
    # (not a day or month after it: "Finance Ministry on Wednesday", "Fund in March")
    return k > j and k < len(doc) and _name_word(doc[k]) and doc[k].lower_ not in _CALENDAR_WORDS


def _name_word(token: Token) -> bool:
    # a capitalized content word; "Without" counts only as part of a known org suffix
    return _is_cap(token) and (token.pos_ not in _NOT_IN_NAMES or token.lower_ in _SUFFIX_WORDS)


def _org_span(doc: Doc, i: int, j: int) -> Span | None:
    while i < j and doc[i].lower_ == "the":  # "The Council of Europe" -> "Council of Europe"
        i += 1
    if j - i < 2:
        return None
    span = doc[i:j]
    words = [t.lower_ for t in span]
    has_head = any(w in ORG_HEADS for w in words)
    has_suffix = ends_like_organisation(span.text)
    if not (has_head or has_suffix) or gazetteer.lookup(span.text):  # "West Bank" is a place
        return None
    return Span(doc, i, j, label="ORG")


def _merge(ents: list[Span], new: Span) -> list[Span]:
    """Add `new`, dropping the entities inside it; keep the old ones if one crosses its edge."""
    if any(e.start < new.end and new.start < e.end and not (new.start <= e.start and e.end <= new.end)
           and not (e.start <= new.start and new.end <= e.end) for e in ents):
        return ents
    if any(e.start <= new.start and new.end <= e.end for e in ents):  # already inside a longer entity
        return ents
    return [e for e in ents if not (new.start <= e.start and e.end <= new.end)] + [new]


def _names_after_a_capital_title(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name of two or three words right after a capitalised title, which the tagger left
    untagged or called an organisation, is a person's: "Cardinal Cormac Murphy-O'Connor has said"
    ("Murphy-O'Connor" tagged ORG, "Cormac" nothing, or "Murphy-O'Connor" alone tagged PERSON). The
    words are capitalised proper nouns (a hyphen written without spaces joins two into one), none a
    title word or an organisation's head, no person tagged across their edges, and no capitalised
    word follows them."""
    for i, title in enumerate(doc[:-2]):
        if not (_is_cap(title) and title.lower_ in CORE_TITLES) or title.is_sent_start:
            continue
        j, words = i + 1, 0
        while j < len(doc) and words < 4:
            if doc[j].pos_ == "PROPN" and _is_cap(doc[j]) and doc[j].text.replace("'", "").isalpha() \
                    and not is_title_word(doc[j].text) and doc[j].lower_ not in ORG_HEADS:
                j, words = j + 1, words + 1
            elif hyphen_inside(doc[j]) and j + 1 < len(doc) and _is_cap(doc[j + 1]) and doc[j + 1].pos_ == "PROPN":
                j += 1  # "Murphy-O'Connor"
            else:
                break
        if not 2 <= words <= 3 or (j < len(doc) and _is_cap(doc[j]) and not doc[j].is_punct) \
                or any(e.label_ == "PERSON" and e.start < j and i < e.end and not (i < e.start and e.end == j) for e in ents):
            continue  # (a person tagged from a later word on is lengthened: "Cormac" + "Ferris-O'Dowd")
        name = Span(doc, i + 1, j, label="PERSON")
        if ends_like_organisation(name.text) or gazetteer.lookup(name.text) is not None:
            continue  # "General Motors Acceptance Corp"
        merged = _merge([e for e in ents if not (e.start == i and e.end == i + 1)], name)
        if name in merged:  # (the title alone, tagged ORG, goes too: split_title makes it the role)
            ents = merged
    return ents


_QUOTE_MARKS = frozenset(DOUBLE_MARKS + SINGLE_MARKS)


def _nicknamed_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """A known first name, a nickname of one to four words in quotation marks and a surname are
    one person ("Jimmy "the Whirlwind " White", "Brian 'Head' Welch"), whatever the tagger made of
    the pieces; names.normalize_name drops the nickname from the canonical name."""
    for i in range(len(doc) - 4):
        first, mark = doc[i], doc[i + 1]
        if not (_is_cap(first) and first.is_alpha and mark.text in _QUOTE_MARKS and is_known_first_name(fold(first.text))) \
                or first.lower_ in PARTY_WORDS or is_demonym(first.text):
            continue  # (not "Tory 'stalking horse' Meyer")
        close = next((k for k in range(i + 3, min(i + 7, len(doc) - 1)) if doc[k].text in _QUOTE_MARKS), None)
        if close is None or not closes(mark.text, doc[close].text) or not _is_cap(doc[close + 1]) \
                or not doc[close + 1].text.replace("'", "").isalpha() \
                or not all(doc[k].text.replace("-", "").isalpha() for k in range(i + 2, close)):
            continue  # the nickname is words between a pair of marks (not 'Betty'." Harriet Harman')
        end = next((e.end for e in ents if e.start == close + 1 and e.label_ == "PERSON"), close + 2)
        name = Span(doc, i, end, label="PERSON")
        merged = _merge(ents, name)
        ents = merged if name in merged else ents
    return ents


def _first_name_tagged_apart(doc: Doc, ents: list[Span]) -> list[Span]:
    """A known first name the tagger called a people's name and the one word after it something
    else or nothing: "signing Adrian" (NORP) + "Mutu" (untagged, or ORG) is one person (not a
    people's word, "Kenyan", nor a party's, "Tory"; not before a title, a place, a firm's or a
    club's name the tables know, nor before another first name)."""
    after = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    joined: dict[int, Span | None] = {}
    for ent in ents:
        if ent.label_ != "NORP" or len(ent) != 1 or ent.end >= len(doc) or not ent[0].whitespace_:
            continue
        nxt = after.get(ent.end)
        if nxt is None and ent.end not in taken and doc[ent.end].pos_ == "PROPN":
            nxt = doc[ent.end:ent.end + 1]  # untagged
        elif nxt is None or nxt.label_ not in ("ORG", "GPE", "PERSON"):
            continue
        if len(nxt) != 1 or not (_is_cap(ent[0]) and _is_cap(nxt[0]) and nxt[0].is_alpha):
            continue
        first, last = ent.text, nxt.text
        if not is_known_first_name(fold(first)) or is_demonym(first) or fold(first) in PARTY_WORDS \
                or is_known_first_name(fold(last)) or is_title_word(last) or is_role_noun(nxt[0]) \
                or gazetteer.lookup(last) is not None or ends_like_organisation(last) or is_club_name(last):
            continue  # (not "Tory" + "MP")
        joined[ent.start] = Span(doc, ent.start, nxt.end, label="PERSON")
        joined[nxt.start] = None
    if not joined:
        return ents
    return [joined[e.start] if e.start in joined else e for e in ents if joined.get(e.start, e) is not None]


def _suffix_tagged_apart(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Jr" or "Sr" tagged on its own after the name it ends: "District Attorney Bruce L Castor Jr,"
    with "Bruce L" and "Jr" tagged apart is one person, "Bruce L Castor Jr" (the capitalised words
    before the suffix, not a title's: two at least)."""
    joined: dict[int, Span] = {}
    for ent in ents:
        if len(ent) != 1 or fold(ent.text).rstrip(".") not in GENERATIONAL_SUFFIXES or ent.start == 0:
            continue
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and _is_cap(doc[start - 1]) and doc[start - 1].whitespace_ \
                and not is_title_word(doc[start - 1].text) and not doc[start - 1].is_sent_end:
            start -= 1
        if ent.start - start >= 2:
            joined[ent.start] = Span(doc, start, ent.end, label="PERSON")
    if not joined:
        return ents
    spans = list(joined.values())
    return sorted([e for e in ents if not any(e.start < s.end and s.start < e.end for s in spans)] + spans,
                  key=lambda e: e.start)


def _surname_read_as_a_date(ents: list[Span]) -> list[Span]:
    """A first name tagged a person alone and the day or month right after it tagged a date: "England
    sevens coach Mike" + "Friday" is one person (one word each, both capitalised, one space between)."""
    return _joined_pairs(ents, "PERSON", lambda ent, nxt: ent.label_ == "PERSON" and nxt.label_ == "DATE"
                         and len(ent) == 1 and len(nxt) == 1 and ent[0].whitespace_ == " " and _is_cap(ent[0])
                         and _is_cap(nxt[0]) and nxt[0].is_alpha and is_known_first_name(fold(ent.text))
                         and not is_title_word(ent.text))


def _organisation_cut_at_a_connector(ents: list[Span]) -> list[Span]:
    """An organisation's name the tagger cut after a connecting word, the rest tagged apart right
    after it: "Organisation for Economic Co-operation and" + "Development" is one name, and so is
    "National Transition Government of" + "Liberia" (a place after "of")."""
    ents = _joined_pairs(ents, "ORG", lambda ent, nxt: ent.label_ == "ORG" and len(ent) > 1 and _is_cap(nxt[0]) and (
        (nxt.label_ == "ORG" and _connects_one_name(ent, nxt))
        or (nxt.label_ in ("GPE", "LOC") and ent[-1].lower_ == "of" and _headed(ent))))
    taken = {i for e in ents for i in range(e.start, e.end)}
    extended = []
    for ent in ents:
        doc = ent.doc
        if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ == "of" and _headed(ent) and ent.end < len(doc):
            # the place not tagged yet (the gazetteer tags it later): "... Government of" + "Liberia"
            place = next((size for size in (2, 1) if ent.end + size <= len(doc)
                          and not any(i in taken for i in range(ent.end, ent.end + size))
                          and all(_is_cap(t) for t in doc[ent.end:ent.end + size])
                          and gazetteer.lookup(doc[ent.end:ent.end + size].text) is not None), None)
            if place is not None:
                ent = Span(doc, ent.start, ent.end + place, label="ORG")
        extended.append(ent)
    return extended


def _organisation_opened_before_a_connector(doc: Doc, ents: list[Span]) -> list[Span]:
    """An organisation's name closed by its head word ("American Life Project", "Retail Group")
    right after a connector and two or three capitalised words, untagged or tagged an organisation
    with no head word of its own: one name ("Pew Internet and American Life Project", "Interactive
    Media in Retail Group"); not "Sony and Retail Group", nor two organisations joined by "and"
    ("Royal Bank and Retail Group")."""
    found = []
    for nxt in ents:
        j = nxt.start
        if nxt.label_ != "ORG" or nxt[-1].lower_ not in ORG_HEADS or j < 3 or doc[j - 1].lower_ not in ("and", "in", "for", "of"):
            continue
        k = j - 1
        while k > 0 and j - 1 - k < 3 and _is_cap(doc[k - 1]) and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start:
            k -= 1
        run = doc[k:j - 1]
        inside = [e for e in ents if e.start < j - 1 and e.end > k]
        # (after "and" only words no entity holds: not "the US Treasury and the Inter-American
        # Development Bank", two)
        if len(run) >= 2 and nxt[0].lower_ != "the" \
                and not (doc[j - 1].lower_ == "and" and (inside or any(t.lower_ in ORG_HEADS for t in run))) \
                and (not inside or (len(inside) == 1 and inside[0].label_ == "ORG" and inside[0].end == j - 1
                                    and doc[inside[0].start:k].text.lower() in ("", "the"))):
            found.append(Span(doc, k, nxt.end, label="ORG"))
    for span in found:
        ents = [e for e in ents if e.end <= span.start or e.start >= span.end] + [span]
    return sorted(ents, key=lambda e: e.start)


def _sunday_titles(doc: Doc, ents: list[Span]) -> list[Span]:
    """A newspaper's Sunday title, the day tagged a date: "the Mail on Sunday", "the Independent on
    Sunday" (a publication's name word, "on", "Sunday"), "the Sunday Telegraph" ("Sunday" and a
    publication's name word)."""
    for i in range(len(doc) - 1):
        if i + 2 < len(doc) and doc[i].text in PUBLICATION_NAME_WORDS and doc[i + 1].lower_ == "on" \
                and doc[i + 2].text == "Sunday":
            ents = [e for e in ents if not (e.start <= i + 2 < e.end and e.label_ == "DATE")]
            start = min([e.start for e in ents if e.start <= i < e.end == i + 1] + [i])  # ("The Mail" tagged)
            ents = _merge(ents, Span(doc, start, i + 3, label="ORG"))
        elif doc[i].text == "Sunday" and doc[i + 1].text in PUBLICATION_NAME_WORDS and doc[i + 1].text != "Sunday":
            # "the Sunday Telegraph", "Sunday" tagged a date and "Telegraph" a paper of its own
            ents = [e for e in ents if not (e.start <= i < e.end and e.label_ == "DATE")]
            end = max([e.end for e in ents if e.start == i + 1] + [i + 2])
            # (also one the tagger took whole for a person's name: "the Sunday Herald")
            ents = _merge([e for e in ents if (e.start, e.end) != (i, end)], Span(doc, i, end, label="ORG"))
    return ents


def _organisation_tagged_person(ent: Span) -> Span:
    """A name closed by an organisation's head noun, tagged a person's: "Royal Bank" (of "Royal
    Bank of Scotland"), "Patrick Corporation"; or by a region of the world, a firm's branch
    there ("Diageo North America"); not one opening with a first name ("Rob Da Bank")."""
    if ent.label_ != "PERSON" or len(ent) < 2 or not _is_cap(ent[-1]) \
            or any(is_known_first_name(fold(t.text)) for t in ent[:-1]):
        return ent
    region = any(ent[k:].text in _REGIONS for k in range(1, len(ent)))
    if ent[-1].lower_ not in ORG_HEADS and not region:
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG")


def _acronym_tagged_person(ent: Span) -> Span:
    """An acronym tagged a person's is an organisation's ("the ODPM said", "RICS", "SAIC"), in
    text not written all in capitals ("BLAIR" of a capitals headline is his name); not a unit
    after a number ("6GB")."""
    if ent.label_ != "PERSON" or len(ent) != 1 or not is_organisation_acronym(ent.text) \
            or not any(c.islower() for c in ent.doc.text) or (ent.start > 0 and ent.doc[ent.start - 1].like_num):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG")


def _named_with_an_acronym(ent: Span) -> Span:
    """A name tagged a person's that its acronym follows in brackets, the acronym of its
    capitalised words (and of those right before it the tagger left out): "The Assistive Mouse
    Adapter (AMA)", "Mouse Adapter" tagged PERSON, is a thing's or a body's name; no one's name is
    spelled out that way."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return ent
    acronym = doc[ent.end + 1].text
    if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
        return ent
    start = ent.start
    while start > 0 and _is_cap(doc[start - 1]) and not doc[start - 1].is_sent_start \
            and not doc[start - 1].ent_type_ and ent.end - start < len(acronym):
        start -= 1
    words = [t for t in doc[start:ent.end] if _is_cap(t)]
    if "".join(t.text[0] for t in words) != acronym:
        return ent
    return Span(doc, start, ent.end, label="ORG")


def _title_glued_before_a_name(ent: Span) -> Span:
    """A person's name the tagger ran on from the words of a lowercase title before it: "Wales
    physio Mark Davies" -> "Mark Davies" (a known first name after the title's noun)."""
    if ent.label_ != "PERSON" or len(ent) < 4:
        return ent
    for k in range(1, len(ent) - 2):
        word = ent[k]
        if word.is_lower and word.is_alpha and word.pos_ == "NOUN" and word.lower_ not in NAME_PARTICLES \
                and is_known_first_name(fold(ent[k + 1].text)) and _looks_like_name(ent[k + 1:]):
            return Span(ent.doc, ent.start + k + 1, ent.end, label="PERSON")
    return ent


def _letter_before_a_hyphen(ent: Span) -> Span:
    """A name the tagger began after the capital letter and hyphen that open it: "T" + "-" +
    "Mobile" (tagged a place, the town) is the firm T-Mobile."""
    doc, start = ent.doc, ent.start
    if start < 2 or doc[start - 1].text != "-" or doc[start - 1].whitespace_ or doc[start - 2].whitespace_ \
            or len(doc[start - 2].text) != 1 or not doc[start - 2].text.isupper() or doc[start - 2].ent_type_ \
            or not _is_cap(ent[0]):
        return ent
    return Span(doc, start - 2, ent.end, label="ORG")


def _headed(ent: Span) -> bool:
    """Whether a name cut after a connector holds an organisation's head word before it ("National
    Transition Government of"; not "Francesca Schiavone of")."""
    return any(t.lower_ in ORG_HEADS or t.lower_ in ORGANISATION_NOUNS for t in ent[:-1])


def _connects_one_name(ent: Span, nxt: Span) -> bool:
    """Whether an organisation's name cut after "and", "of", "for" or "&" and the organisation
    tagged right after it are one name: after "of"/"for" when the first holds an organisation's head
    word ("Institute for" + "Fiscal Studies"); after "and" only the last word of a name already
    joined by "for"/"of" ("Organisation for Economic Co-operation and" + "Development"; not
    "Sheffield Wednesday and" + "Arsenal", two clubs)."""
    connector = ent[-1].lower_
    if connector == "and":
        return len(nxt) == 1 and any(t.lower_ in ("for", "of") for t in ent[:-1])
    return connector == "&" or (connector in ("of", "for") and _headed(ent))


def _word_before_an_acronyms_name(ent: Span) -> Span:
    """An organisation's name that opens a sentence with a word glued on, its acronym in brackets
    after it spelling the name without that word: "Past Congressional Budget Office (CBO)
    forecasts" is the Congressional Budget Office."""
    doc = ent.doc
    if ent.label_ != "ORG" or len(ent) < 3 or not ent[0].is_sent_start or ent.end + 2 >= len(doc) \
            or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return ent
    acronym = doc[ent.end + 1].text
    initials = "".join(t.text[0] for t in ent if t.lower_ not in NAME_CONNECTORS and t.text[:1].isalpha())
    if acronym.isupper() and len(acronym) >= 2 and initials[1:] == acronym and initials != acronym:
        return Span(doc, ent.start + 1, ent.end, label="ORG")
    return ent


def _joined_pairs(ents: list[Span], label: str, joins) -> list[Span]:
    """`ents` with each entity and the one right after it made one entity of `label` where
    `joins(entity, next)` holds (no entity joined twice)."""
    joined: dict[int, Span | None] = {}
    for ent, nxt in zip(ents, ents[1:]):
        if nxt.start == ent.end and ent.start not in joined and joins(ent, nxt):
            joined[ent.start] = Span(ent.doc, ent.start, nxt.end, label=label)
            joined[nxt.start] = None
    if not joined:
        return ents
    return [joined[e.start] if e.start in joined else e for e in ents if joined.get(e.start, e) is not None]


def _hyphenated_surname(ent: Span) -> Span:
    """A person's name the tagger cut at the hyphen of a double-barrelled surname: "Nadia
    Magnenat" + "-Thalman". Only a first name and one surname word, the hyphen written without
    spaces, the word after it capitalised, untagged, no first name, no other person's surname in
    the text ("the Tony Blair-Brown feud") and not followed by another capitalised word."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "PERSON" or len(ent) != 2 or is_title_word(ent[0].text) or end + 1 >= len(doc) \
            or not hyphen_inside(doc[end]):
        return ent
    last = doc[end + 1]
    if not (_is_cap(last) and last.text.replace("'", "").isalpha()) or is_known_first_name(fold(last.text)) \
            or last.ent_type_ or (end + 2 < len(doc) and _is_cap(doc[end + 2])) \
            or any(e.label_ == "PERSON" and e[-1].text == last.text for e in doc.ents):
        return ent
    return Span(doc, ent.start, end + 2, label="PERSON")


def _first_name_left_out(ent: Span) -> Span:
    """A person's name of one or two words with the known first name before it, which the tagger
    left out: "Rhodri" + "Glyn Thomas, Plaid Cymru health spokesman, said" (capitalised,
    untagged, no title, written with a space before the name)."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) > 2 or ent.start == 0 or not all(_is_cap(t) for t in ent):
        return ent  # (not "West Ham" + "v Norwich")
    first = doc[ent.start - 1]
    if first.ent_type_ or not (first.is_alpha and first.text[:1].isupper() and first.text[1:].islower()) \
            or not first.whitespace_ or not is_known_first_name(fold(first.text)) or is_title_word(first.text) \
            or (ent.start > 1 and _is_cap(doc[ent.start - 2]) and not doc[ent.start - 2].is_sent_start):
        return ent
    return Span(doc, ent.start - 1, ent.end, label="PERSON")


def _without_quote_marks(ent: Span) -> Span:
    """An entity without the quotation marks the tagger took in at its edges: '" Mr Bussereau'."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].is_quote:
        start += 1
    while end > start and ent.doc[end - 1].is_quote:
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label_)


def office_of_a_title(ent: Span) -> Span:
    """An office named after a title the tagger cut short: "Office of the Deputy" + "Prime
    Minister" -> "Office of the Deputy Prime Minister" (an organisation whose name has "of" and
    ends in a title word, followed by capitalised title words); or one it ended on "the", followed
    by untagged capitalised words ("Office of the" + "Deputy Prime Minister"; not "Francesca
    Schiavone of" + "Italy", a place the gazetteer tags after)."""
    doc, end = ent.doc, ent.end
    if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ == "the" and end < len(doc) and _is_cap(doc[end]):
        # a name the tagger ended on a little word: "Office of the" + "Deputy Prime Minister"
        # (untagged words only: not into another name)
        while end < len(doc) and _is_cap(doc[end]) and not doc[end].is_sent_start and doc[end].ent_iob_ == "O":
            end += 1
        if end == ent.end:
            return ent
        return Span(doc, ent.start, end, label="ORG")
    if ent.label_ != "ORG" or not any(t.lower_ == "of" for t in ent) or not is_title_word(ent[-1].text):
        return ent
    while end < len(doc) and _is_cap(doc[end]) and is_title_word(doc[end].text):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="ORG")


def fixture_sides(ent: Span) -> list[Span]:
    """A fixture tagged as one name ("Everton v Manchester United", "Leeds vs Hull") is its two
    sides, each an organisation: no one's name."""
    at = next((k for k, t in enumerate(ent) if 0 < k < len(ent) - 1 and t.text in ("v", "vs", "v.", "vs.")), None)
    if at is None or not (_is_cap(ent[at - 1]) and _is_cap(ent[at + 1])):
        return [ent]
    return [Span(ent.doc, ent.start, ent.start + at, label="ORG"), Span(ent.doc, ent.start + at + 1, ent.end, label="ORG")]


def organisation_pair(ent: Span) -> list[Span]:
    """Two organisations tagged as one name are two: "Pact and the UK Film Council" ("and the"
    before a capitalised word), "Deutsche Bank and Gazpromneft", "IMF and World Bank" (the first
    a whole name: closed by an organisation's head noun or suffix, or an acronym). A name whose
    "and" joins words of one name stays: "Securities and Exchange Commission", "Department of
    Trade and Industry", "Investors Bank and Trust" (a head noun alone after it), "Marks and
    Spencer" (no head, no acronym)."""
    if ent.label_ != "ORG":
        return [ent]
    at = next((k for k, t in enumerate(ent) if 0 < k < len(ent) - 1 and t.lower_ == "and"), None)
    if at is None:
        return [ent]
    left, right = ent[:at], ent[at + 1:]
    the = right[0].lower_ == "the"
    if the:
        right = right[1:]
    if not len(right) or not all(_is_cap(t) or t.lower_ in NAME_CONNECTORS for t in (left[0], left[-1], right[0], right[-1])):
        return [ent]
    whole = left[-1].lower_ in ORG_HEADS or ends_like_organisation(left.text) or (
        len(left) == 1 and len(left[0]) >= 2 and left[0].text.isupper() and left[0].is_alpha)
    # (what follows must be a name of its own, not a head noun or a people's word alone: "and Trust")
    named = len(right) > 1 or not (right[0].lower_ in ORG_HEADS or right[0].lower_ in COMPANY_WORDS or is_demonym(right[0].text))
    if not (the or (whole and named)):
        return [ent]
    return [Span(ent.doc, left.start, left.end, label="ORG"), Span(ent.doc, right.start, right.end, label="ORG")]


def person_of_organisation(ent: Span) -> list[Span]:
    """A person and the organisation she speaks for, tagged as one name ("Hannah Ward of the
    Refugee Council", "Dr Jeremy Philpott of the UK Patent Office"): the person (a known first
    name, after a courtesy title or not, and a surname) and the organisation."""
    split = _name_of_organisation(ent)
    # (after a courtesy title: "Dr Jeremy Philpott of the UK Patent Office")
    first = ent[1] if len(ent) > 1 and ent[0].lower_.rstrip(".") in COURTESY_TITLES else ent[0]
    # (a first name of the census lists too: "Grant Wilson of Mellon Bank"; not a first word of an
    # organisation's own: "Bank of England" has one word before "of")
    # (the census lists' names only as proper nouns, and no name closed by an organisation's head
    # before "of": not "My Summer of Love", "Royal Bank of Scotland")
    if split is None or split[0][-1].lower_ in ORG_HEADS or not (
            is_known_first_name(fold(first.text)) or (is_first_name(first.text) and first.pos_ == "PROPN")):
        return [ent]
    return [Span(ent.doc, split[0].start, split[0].end, label="PERSON"), Span(ent.doc, split[1].start, split[1].end, label="ORG")]


def organisation_glued_before_a_person(ent: Span) -> list[Span]:
    """An organisation's name and a person's tagged as one ("For the Lib Dems David Laws said",
    "the public services union Unison Dave Prentis"): the organisation (a party's name, or one a
    kind of organisation stands before) and the person (a known first name and a surname)."""
    doc = ent.doc
    for k in range(1, len(ent) - 1):
        name = ent[k:]
        if not (2 <= len(name) <= 3 and all(_is_cap(t) and t.is_alpha for t in name)
                and is_known_first_name(fold(name[0].text)) and not is_known_first_name(fold(ent[k - 1].text))
                and not is_title_word(ent[k - 1].text)) \
                or _ORG_WORD.search(name.text) or any(t.lower_ in COMPANY_WORDS for t in name):
            continue  # (not a firm's name: "security firm Saint Bernard Software")
        body = ent[:k]
        if body[0].lower_ == "the":
            body = body[1:]
        kind = doc[ent.start - 1].lower_ if ent.start and body.start == ent.start else ""
        if len(body) and all(_is_cap(t) for t in body) and (is_party_name(body.text) or kind in ORGANISATION_NOUNS):
            return [Span(doc, body.start, body.end, label="ORG"), Span(doc, name.start, name.end, label="PERSON")]
    return [ent]


def _name_of_organisation(span: Span) -> tuple[Span, Span] | None:
    """A name of two or three words, "of" (and "the"), and an organisation's capitalised name:
    (the name, the organisation), else None. Read by person_of_organisation and by
    split_titled_person ("Detective Inspector Paul Miller of Thames Valley Police")."""
    of = next((k for k, t in enumerate(span) if t.lower_ == "of"), None)
    if of is None or not 2 <= of <= 3 or not _looks_like_name(span[:of]):
        return None
    body = of + 1 + (of + 1 < len(span) and span[of + 1].lower_ == "the")
    if body >= len(span) or not all(_is_cap(t) or t.lower_ in NAME_PARTICLES for t in span[body:]) or not _is_cap(span[-1]):
        return None
    return span[:of], span[body:]


def split_titled_person(ent: Span) -> list[Span]:
    """"Office of U.N. Special Envoy Staffan de Mistura" (ORG) -> the person after the title as PERSON,
    plus the organisation before it when it still names one."""
    if ent.label_ == "PERSON" or len(ent) < 3:
        return [ent]
    end = len(ent)
    while end > 1 and ent[end - 1].lower_.strip(".") in CORE_TITLES \
            and not (end >= 2 and not ent[end - 1].text.isupper() and is_known_first_name(fold(ent[end - 2].text))):
        end -= 1  # "... Peter Ainsworth MP": a title after the name stays out of it (not "Mervyn King")
    titles = [k for k, t in enumerate(ent[:end - 1]) if t.lower_.strip(".") in CORE_TITLES]  # (not "King" of "Mervyn King")
    if not titles:
        return [ent]
    name = ent[titles[-1] + 1:end]
    after = None
    split = _name_of_organisation(name)
    if split is not None:  # "Detective Inspector Paul Miller of Thames Valley Police": the force after the name is his
        name, after = split
    if not _looks_like_name(name):
        # "Chairman of the Environmental Audit Committee Peter Ainsworth": the name starts at the
        # last known first name
        first = next((k for k in range(end - 2, titles[-1], -1) if _is_cap(ent[k]) and is_known_first_name(fold(ent[k].text))), None)
        if first is None or not _looks_like_name(ent[first:end]):
            return [ent]
        name = ent[first:end]
    if _ORG_WORD.search(name.text) or any(t.lower_.strip(".") in COMPANY_WORDS for t in name):
        return [ent]  # "General Motors Acceptance Corp": a firm's name, no General's
    doc = ent.doc
    pieces = [Span(doc, name.start, name.end, label="PERSON")]
    if after is not None:
        pieces.append(Span(doc, after.start, after.end, label="ORG"))
    before = trim(ent[:titles[-1]])
    heads = [k for k, t in enumerate(before) if t.lower_ in ORG_HEADS]
    # keep "World Bank" of "World Bank President Jim Kim", not a lone "Office"
    if heads and heads[-1] >= 1:
        pieces.insert(0, Span(doc, before.start, before.start + heads[-1] + 1, label=ent.label_))
    elif heads and len(before) > 2 and before[1].lower_ == "of" and not is_title_word(before[-1].text):
        # "Bank of England" + "Governor Mervyn King"
        pieces.insert(0, Span(doc, before.start, before.end, label=ent.label_))
    return pieces


def titled_name(ent: Span) -> Span:
    """A name with or right after a courtesy or peer's title is a person's, whatever the tagger
    said ("Dr Houck" and "Baroness Marlow" tagged ORG, "Mr Hockney" tagged GPE, "Lord Tebbit" with "Tebbit" ORG); so is a name of two or three words right after a
    person's lowercase title ("Conservative local government spokesman Glyn Davies", tagged ORG)."""
    if ent.label_ == "PERSON":
        return ent
    core = ent[:-1] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent  # ("Prof Reddy's graduate students")
    if 2 <= len(core) <= 3 and ent[0].text[:1].isupper() and ent[0].lower_.rstrip(".") in COURTESY_TITLES \
            and all(_is_cap(t) for t in core[1:]):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")  # "Dr Houck" tagged ORG
    if len(core) == 2 and ent[0].text[:1].isupper() and ent[0].lower_ in PEER_TITLES and _is_cap(core[1]) \
            and core[1].is_alpha and not is_title_word(core[1].text) and core[1].lower_ not in ORG_HEADS:
        return Span(ent.doc, ent.start, ent.end, label="PERSON")  # "Baroness Marlow" tagged ORG (not "Lord Chancellor")
    if ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    # (a peer's title too: "Tory peer Lord Tebbit", "Tebbit" tagged ORG)
    if before.text[:1].isupper() and (before.lower_.rstrip(".") in COURTESY_TITLES or before.lower_ in PEER_TITLES) \
            and len(ent) <= 3 and all(_is_cap(t) for t in ent) and not any(t.lower_ in ORG_HEADS for t in ent) \
            and not is_title_word(ent[0].text):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    if ent.label_ in ("GPE", "LOC") or not 2 <= len(ent) <= 3 or not _looks_like_name(ent):
        return ent
    if not (before.is_lower and before.pos_ == "NOUN" and before.lower_ in CORE_TITLES) \
            or any(t.lower_ in ORG_HEADS for t in ent):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="PERSON")


def stage_name_of_money(ent: Span) -> Span:
    """A sum whose coin is capitalised inside a sentence is a stage name: "50 Cent said" (tagged
    MONEY), "Rapper 50 Cent" (tagged ORG as a whole); a person's, from the number on."""
    if ent.label_ not in ("MONEY", "ORG", "CARDINAL") or len(ent) < 2:
        return ent
    number, coin = ent[-2], ent[-1]
    if number.like_num and coin.text in ("Cent", "Cents") and not coin.is_sent_start:
        return Span(ent.doc, number.i, ent.end, label="PERSON")
    return ent


def numbered_title(ent: Span) -> Span:
    """A one-word "person" after a number inside capitalised words is the end of a title, not a
    surname: "Ore" of "Il Sole 24 Ore" (an Italian paper; a person's name holds no number in its
    middle): the whole title, an organisation's name; so is such a title tagged whole a person's."""
    doc = ent.doc
    if ent.label_ == "PERSON" and len(ent) > 2 and any(t.is_digit for t in ent[1:-1]) and all(_is_cap(t) for t in (ent[0], ent[-1])):
        return Span(doc, ent.start, ent.end, label="ORG")  # tagged whole
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start < 2 or not doc[ent.start - 1].is_digit \
            or not _is_cap(doc[ent.start - 2]) or doc[ent.start - 2].is_sent_start:
        return ent
    start = ent.start - 2
    while start > 0 and _is_cap(doc[start - 1]) and not doc[start - 1].is_sent_start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return Span(doc, start, ent.end, label="ORG")


def titled_work(ent: Span) -> Span:
    """A name set right after the noun of a work is the work's title, not a person's: "The album
    Exodus came out in 1977", "the film Ray" (the noun its head, or a compound of it; not "the
    article Blair wrote", whose name is the clause's subject); after a publication's noun, an
    organisation's ("German magazine Der Spiegel said")."""
    if ent.label_ != "PERSON" or not ent.start:
        return ent
    before = ent.doc[ent.start - 1]
    if not before.is_lower or before.pos_ != "NOUN" or before.lemma_.lower() not in _WORK_NOUNS | _PUBLICATION_NOUNS:
        return ent
    if (ent.root.dep_ == "appos" and ent.root.head.i == before.i) or (before.dep_ == "compound" and ent.start <= before.head.i < ent.end):
        return Span(ent.doc, ent.start, ent.end, label="ORG" if before.lemma_.lower() in _PUBLICATION_NOUNS else "WORK_OF_ART")
    return ent


_CREDITS = lexicon.table("entities/credit_nouns")
_WORK_CREDITS = frozenset(_CREDITS["work"])
_BAND_CREDITS = frozenset(_CREDITS["band"])


def _title_before_a_credit(ent: Span) -> Span:
    """A name tagged a person's that opens the capitalised title written right before a credit
    noun and a person's name is the show's, film's or band's: "Only Fools and Horses star David
    Jason" ("Fools" tagged PERSON), "Harry Potter star Daniel Radcliffe", "Franz Ferdinand frontman
    Alex Kapranos"; a place the gazetteer knows is a place ("Devon singer Joss Stone"). Not one
    of a list: "Hugh Grant and writer Richard Curtis"."""
    if ent.label_ != "PERSON":
        return ent
    credit = credit_after(ent)
    if credit is None:
        return ent
    doc = ent.doc
    if gazetteer.lookup(ent.text) is not None:
        return Span(doc, ent.start, ent.end, label="GPE")
    return Span(doc, ent.start, ent.end, label="ORG" if credit.lower_ in _BAND_CREDITS else "WORK_OF_ART")


def credit_after(ent: Span) -> Token | None:
    """The credit noun closing the capitalised title a name opens, right before a person's name:
    "star" of "Only Fools and Horses star David Jason"; None when there is none."""
    doc, j = ent.doc, ent.end
    while j < len(doc) and doc[j].ent_type_ != "PERSON" and (_is_cap(doc[j]) or doc[j].lower_ in ("and", "of", "the")):
        j += 1
    if j + 1 >= len(doc) or not _is_cap(doc[j - 1]) or doc[j].ent_type_ == "PERSON" \
            or doc[j].lower_ not in _WORK_CREDITS | _BAND_CREDITS or doc[j + 1].ent_type_ != "PERSON" or doc[j + 1].ent_iob_ != "B":
        return None
    return doc[j]


def people_word(ent: Span) -> Span:
    """A people's word the tagger called a person is the people's ("The 22-year-old Scot",
    "Kenyan" tagged PERSON): no one's name."""
    if ent.label_ == "PERSON" and len(ent) == 1 and is_demonym(ent.text):
        return Span(ent.doc, ent.start, ent.end, label="NORP")
    return ent


def person_by_context(ent: Span) -> Span:
    """A name of two or three words the tagger gave another label is a person's when its
    sentence says so (`_said_to_be_a_person`). Names of places, clubs and organisations stay."""
    if ent.label_ not in _NOT_PERSON_LABELS or not 2 <= len(ent.text.split()) <= 3 or not _looks_like_name(ent) \
            or ent[0].lower_ == "the":
        return ent
    if _named_as_no_person(ent):
        return ent  # not "Deutsche Post", "France Telecom", "Aston Villa"
    return Span(ent.doc, ent.start, ent.end, label="PERSON") if _said_to_be_a_person(ent, predicate=False) else ent


def _named_as_no_person(span: Span) -> bool:
    """A name with an organisation's word, a club's or a place's name, or a people's or country's
    name first: "Deutsche Post", "France Telecom", "Aston Villa"."""
    country = gazetteer.lookup(span[0].text)
    return bool(_ORG_WORD.search(span.text) or any(t.lower_ in COMPANY_WORDS for t in span) or is_club_name(span.text)
                or gazetteer.lookup(span.text) is not None or is_demonym(span[0].text)
                or (country is not None and country.kind == "country"))


def _said_to_be_a_person(span: Span, predicate: bool = True) -> bool:
    """Whether the sentence says the name is a person's: a person's noun right before it ("Former
    Worldcom boss Bernie Ebbers", "heptathlon champion Carolina Kluft"), one set beside it ("Carolina
    Kluft, the Olympic heptathlon champion,"), a speech verb it is the subject of with "he" or
    "she" after it ("Rio Ferdinand has said he is unsure"); the name set beside a person's noun
    ("The SNP's Holyrood leader, Nicola Sturgeon,"); with `predicate`, one it is said to be ("Piers
    Freelove is senior benefit officer"; not for a name the tagger called something else: "Fannie
    Mae is the largest single player", "Vera Drake is the obvious candidate")."""
    doc = span.doc
    described = _person_noun_before(span)
    # (or a title written capitalised: "Quentin Davies, the MP for Grantham and Stamford,")
    beside = any(child.dep_ == "appos" and child.i >= span.end and doc[child.left_edge.i - 1].text == ","
                 and (child.tag_ == "NN" and (is_person_description(child) or child.lower_ in CORE_TITLES)
                      or child.tag_ == "NNP" and is_role_noun(child) and doc[child.left_edge.i].lower_ == "the")
                 for child in span.root.children)
    head = span.root.head
    # the subject of "is" with a person's noun: "Piers Freelove is senior benefit officer at ..."
    said_to_be = predicate and span.root.dep_ == "nsubj" and head.lemma_ == "be" and any(
        child.dep_ == "attr" and child.tag_ == "NN" and (is_role_noun(child) or is_person_description(child))
        for child in head.children)
    # set beside a person's noun: "The Scottish National Party's Holyrood leader, Nicola Sturgeon,"
    after_noun = span.root.dep_ == "appos" and head.i < span.start and head.tag_ == "NN" and doc[span.start - 1].text == "," \
        and (is_role_noun(head) or is_person_description(head))
    return described or beside or said_to_be or after_noun or speaks_of_self(span)


def speaks_of_self(span: Span) -> bool:
    """Whether a name is the subject of a speech verb with "he" or "she" after it and no person
    named between: "Rio Ferdinand has said he is unsure", "Federer admitted he was under extra
    pressure"."""
    doc, head = span.doc, span.root.head
    return span.root.dep_ == "nsubj" and head.lemma_.lower() in _REPORTING_VERBS and any(
        t.lower_ in _PERSON_PRONOUNS for t in doc[span.end:head.right_edge.i + 1]
        if not any(e.label_ == "PERSON" and span.end <= e.start < t.i for e in doc.ents))


_THING_PERSON_NOUNS = lexicon.words("entities/thing_person_nouns")


def _person_noun_before(span: Span) -> bool:
    """Whether one person's noun stands right before the name: "Former Worldcom boss Bernie
    Ebbers", "Brazilian midfielder Edu" (not "analysts Forrester Research": the firm's people)."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.is_lower and before.tag_ == "NN" and not before.is_stop and (
        is_role_noun(before) or is_person_description(before))


def _says(name: Span) -> bool:
    """Whether an untagged name opening with a first name is the subject of a speech verb ("said
    Isabelle Kronawitter at Hypovereinsbank"), and no weekday's, month's or party's: "the Sunday
    Telegraph reported", "The Lib Dems say"."""
    return name.root.dep_ == "nsubj" and name.root.head.lemma_.lower() in _REPORTING_VERBS \
        and name[0].lower_ not in _CALENDAR_WORDS and not any(fold(t.text) in PARTY_WORDS for t in name)


def _untagged_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two or three capitalised proper nouns no entity holds, the first a known first name, are a
    person's name when the sentence says so (`_said_to_be_a_person`: "Piers Freelove is senior
    benefit officer on the picket line") or they are the subject of a speech verb (`_says`). No
    capitalised word stands either side, no word is a title's, and the name is no organisation's,
    club's or place's."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    i = 0
    while i < len(doc):
        j = i
        # (the first name may be tagged a noun: "Piers Freelove is ...", "Piers" as "pier")
        while j < len(doc) and j - i < 4 and j not in taken and _is_cap(doc[j]) and doc[j].is_alpha \
                and (doc[j].pos_ == "PROPN" or (j == i and doc[j].pos_ == "NOUN" and is_first_name(doc[j].text))) \
                and not is_title_word(doc[j].text):
            j += 1
        if j == i:
            i += 1
            continue
        if 2 <= j - i <= 3 and is_first_name(doc[i].text) \
                and not (i > 0 and _is_cap(doc[i - 1]) and not doc[i - 1].is_sent_start) \
                and not (j < len(doc) and _is_cap(doc[j])):
            name = Span(doc, i, j, label="PERSON")
            if not _named_as_no_person(name) and (_said_to_be_a_person(name) or _says(name)):
                found.append(name)
        elif j - i == 1 and doc[i].pos_ == "PROPN" and not (j < len(doc) and _is_cap(doc[j])) \
                and not is_demonym(doc[i].text) and gazetteer.lookup(doc[i].text) is None:
            # one word after a person's noun: "Arsenal's Brazilian midfielder Edu has hit out"
            name = Span(doc, i, j, label="PERSON")
            # (not a word capitalised inside, "WebSideStory", nor after a noun things are called too)
            if _person_noun_before(name) and not _named_as_no_person(name) and not any(c.isupper() for c in doc[i].text[1:]) \
                    and doc[i - 1].lower_ not in _THING_PERSON_NOUNS:
                found.append(name)
        i = j
    return ents + found if found else ents


def sports_club(ent: Span) -> Span:
    """A sports club's name is an organisation's, whatever the tagger said: a town with a club
    word after or before it ("Manchester United" tagged PERSON, "Manchester City" GPE, "Real
    Madrid"), or a club's own name the tagger made a person ("Sale Sharks", "Aston Villa"; not
    when it opens with a known first name). A place's own name stays one ("Kansas City")."""
    name = trim(ent)  # "Manchester United's"
    if ent.label_ == "ORG" or len(name) < 2 or not all(_is_cap(t) or t.text == "-" for t in name):
        return ent
    club = is_club_name(name.text, nicknames=ent.label_ in _NOT_CLUB_LABELS and not is_known_first_name(fold(name[0].text)))
    return Span(ent.doc, ent.start, ent.end, label="ORG") if club else ent


def _peerage_title_to_name(ents: list[Span]) -> list[Span]:
    """A peer's title the tagger closed a PERSON span with goes to the name after it: "Tory
    Treasurer Lord" + "Ashcroft" -> "Tory Treasurer" (left to the role rules) + "Lord Ashcroft"."""
    out = list(ents)
    for k in range(len(out) - 1):
        ent, nxt = out[k], out[k + 1]
        if ent is not None and ent.label_ == "PERSON" and nxt.label_ == "PERSON" and ent.end == nxt.start and len(ent) > 1 \
                and ent[-1].lower_ in PEERAGE_TITLES and len(nxt) == 1:
            rest = ent.doc[ent.start:ent.end - 1]
            # what is left is a title ("Tory Treasurer") the role rules read, or a name of its own
            out[k] = None if all(is_title_word(t.text) or t.lower_ in PARTY_WORDS for t in rest) else \
                Span(ent.doc, rest.start, rest.end, label="PERSON")
            out[k + 1] = Span(ent.doc, ent.end - 1, nxt.end, label="PERSON")
    return [e for e in out if e is not None]


def _territorial_peers(doc: Doc, ents: list[Span]) -> list[Span]:
    """A peer named with the place of the title is one person: "Lord Faulkner of Worcester"
    (often untagged, or "Worcester" a place), whatever was tagged inside it."""
    for i in range(len(doc) - 3):
        title, name, of, place = doc[i:i + 4]
        if title.text[:1].isupper() and title.lower_ in PEER_TITLES and _is_cap(name) and name.is_alpha \
                and of.lower_ == "of" and _is_cap(place) and place.is_alpha \
                and (i + 4 == len(doc) or not _is_cap(doc[i + 4])):
            ents = _merge([e for e in ents if not (e.start < i + 4 and i < e.end and e.start >= i)],
                          Span(doc, i, i + 4, label="PERSON"))
    return ents


def with_peerage_title(ent: Span) -> Span:
    """A one-word PERSON after a peer's or royal's title takes the title: "Lord" + "Holme" ->
    "Lord Holme", "Prince" + "Charles" -> "Prince Charles" (how such people are known)."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0:
        return ent
    titled = ent.doc[ent.start - 1:ent.end]
    return Span(ent.doc, titled.start, titled.end, label="PERSON") if is_peerage_name(titled) else ent


def _looks_like_name(span: Span) -> bool:
    # two or more capitalized words, lowercase particles only inside ("Staffan de Mistura"), a
    # hyphen only inside a word ("Sven-Goran Eriksson")
    words = [t for t in span if t.lower_ not in NAME_PARTICLES
             and not (t.text == "-" and t.i > span.start and not t.whitespace_ and not t.doc[t.i - 1].whitespace_)]
    return (len(words) >= 2 and all(_is_cap(t) and t.is_alpha for t in words)
            and _is_cap(span[0]) and _is_cap(span[-1]))


def _apply_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """Relabel or add gazetteer places: exact matches of mislabelled entities, and untagged names."""
    by_start = {e.start: e for e in ents}
    covered = {k: e for e in ents for k in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        match = _place_at(doc, i, covered)
        if match is None:
            i += 1
            continue
        span, place = match
        exact = by_start.get(span.start)
        if exact is not None and exact.end == span.end:
            # the model's PERSON wins over a city that is also a first name ("Florence")
            keep = exact.label_ == "PERSON" and place.ambiguous
            if exact.label_ in RELABEL_TO_GPE and not keep:
                ents = [Span(doc, e.start, e.end, label="GPE") if e is exact else e for e in ents]
        elif all(span.start <= covered[k].start and covered[k].end <= span.end
                 for k in range(span.start, span.end) if k in covered):
            ents = _merge(ents, Span(doc, span.start, span.end, label="GPE"))
        i = span.end
    return ents


def _place_at(doc: Doc, i: int, covered: dict[int, Span]):
    """The longest gazetteer place starting at token i that the context lets be a place."""
    if not _is_cap(doc[i]) or doc[i].lower_ not in gazetteer.first_words():
        return None
    table = gazetteer.places()
    for n in range(min(gazetteer.MAX_PLACE_TOKENS, len(doc) - i), 0, -1):
        span = doc[i:i + n]
        if not _is_cap(span[-1]):
            continue
        place = table.get(span.text.lower())
        if place is None:
            continue
        inside = covered.get(i)
        if inside is not None and (inside.start < i or inside.end > i + n):
            return None  # part of a longer name ("New York Times")
        if n == 1 and (doc[i].is_stop or not (doc[i].tag_.startswith("NNP") or inside is not None)):
            return None  # a single capitalized common word
        if place.ambiguous and (doc[i].is_sent_start or not doc[i].tag_.startswith("NNP")):
            return None  # "Split" / "Reading" opening a sentence
        return span, place
    return None


def trim(ent: Span) -> Span:
    """Drop a leading "the" or dash and a trailing possessive or connector: "the Red Cross's" -> "Red
    Cross", "Sheffield Wednesday and" -> "Sheffield Wednesday";
    the words glued before a courtesy title ("Analysing Mr Brown" -> "Mr Brown", a person); and
    the score a results line glued to a player's name: "Mario Ancic 6" -> "Mario Ancic"; and the
    words after a dash that are no name's: "Roger Federer - nice" -> "Roger Federer"."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if ent.text.lower() not in gazetteer.places():  # "The Hague" keeps its article
        while end - start > 1 and doc[start].lower_ == "the":
            start += 1
    while end - start > 1 and doc[start].is_punct:
        start += 1  # "- Blair": a dash the tagger took in
    if end - start > 2 and doc[start].is_lower and doc[start + 1].text in ("-", "–", "—") and doc[start].whitespace_ \
            and doc[start + 1].whitespace_:
        start += 2  # "arm - Diageo Chateau & Estate Wines": the word before a spaced dash the tagger took in
    label = ent.label_
    kind = doc[start]
    if end - start > 1 and kind.is_title and _is_cap(doc[start + 1]) and label == "ORG" and kind.lower_ in _KINDS_BEFORE_NAMES \
            and not is_title_word(kind.text):
        # "Bookmaker Ladbrokes", "Rival Sony": a firm's kind glued to its name at a sentence's start
        # (a person's description, "Rapper Eminem", stays: the article's canonical name drops it,
        # and cut off here it left "Eminem" to the tagger's organisation label across the corpus)
        start += 1
    while end - start > 1 and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    while end - start > 1 and doc[end - 1].lower_ in ("and", "of", "for", "&") and label == "ORG":
        end -= 1  # "Sheffield Wednesday and": the tagger ran into the next name (joined when one: _organisation_cut_at_a_connector)
    # "Analysing Mr Brown", "Tanzania Mr Brown" (tagged PERSON or ORG): words a headline or sentence
    # glued before the courtesy title of a person
    titled = next((k for k in range(start + 1, end - 1) if doc[k].text[:1].isupper()
                   and doc[k].lower_.rstrip(".") in COURTESY_TITLES), None)
    if titled is not None and all(_is_cap(t) for t in doc[titled + 1:end]):
        return Span(doc, titled, end, label="PERSON")
    # "Roger Federer - nice bloke", "the European Union - the": a name ends before a dash followed by
    # lowercase words (set off by spaces: not "Clemence Ross-van Dorp")
    dash = next((k for k in range(start + 1, end - 1) if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_
                 and doc[k].whitespace_ and doc[k + 1].is_lower), None)
    if dash is not None:
        end = dash
    while ent.label_ == "PERSON" and end - start > 1 and not doc[end - 1].is_alpha and (
            doc[end - 1].like_num or any(c.isdigit() for c in doc[end - 1].text) or doc[end - 1].text == "-"):
        end -= 1
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    return Span(doc, start, end, label=label)
