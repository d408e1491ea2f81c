"""Names, titles and roles of people: the one module entities and speakers read them from.

Entity extraction (`extract/entities/`) and speaker resolution (`extract/quotes/speakers.py`)
both need to know where a person's name starts, which words around it are a job title, and what
the bare name is:

- entities: `split_title` cuts the job title off a PERSON span ("Russian Deputy Defense Minister
  Anatoly Antonov" -> role "Russian Deputy Defense Minister", name "Anatoly Antonov"),
  `only_title_words` spots entities that merely spell part of that title ("Defense"), and
  `normalize_name` gives a mention's written name without "the", a possessive or "Mr.".
- speakers: `role_of` reads a speaker's role from the parse, before the name or in apposition
  after it ("Antonov, the deputy minister,"), `person_name` strips courtesy titles and role words
  off a speaker mention, and `gender_of` says which pronoun may refer back to the person.

Notes:
    The entity and speaker rules answer different questions and stay different rules.
    `split_title` must give token ranges: the title words leave the entity mention, and only a
    run of title words (CORE_TITLES, TITLE_MODIFIERS, HONORIFICS, NORP/GPE/ORG names) may go.
    `role_of` only names a role: it follows the dependency parse and the wider ROLE_NOUNS list,
    reaching appositions that are no part of the mention. Likewise `normalize_name` (every label;
    leading courtesy titles, a final possessive, a leading "the") and `person_name` (people only;
    courtesy titles and gendered nouns anywhere, every possessive, everything up to the last role
    noun) clean names for different uses. Merging either pair would change the entities or quotes
    frames, so each keeps its own rule and word lists; the word lists live in
    `extract/lexicon/names/`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

import newskit.extract.entities.gazetteer as gazetteer
from newskit.extract import lexicon

if TYPE_CHECKING:  # spaCy is imported by the tagging code only: linking and views run without it
    from spacy.tokens import Span, Token

# Labels that name things (the rest, DATE, MONEY ..., keep their text as the entity). Ordered:
# it is the default `labels=` of the entity counts, shown as written.
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")

HONORIFICS = lexicon.words("names/honorifics")
COURTESY_TITLES = lexicon.words("names/courtesy_titles")
CORE_TITLES = lexicon.words("names/core_titles")
TITLE_MODIFIERS = lexicon.words("names/title_modifiers")
# Any word that may stand in a title before a name.
TITLE_WORDS = CORE_TITLES | TITLE_MODIFIERS | HONORIFICS
ROLE_CONNECTORS = lexicon.words("names/role_connectors")
# Prepositions joining a title to the place it is held for: "Ambassador to Lima", "envoy in Kabul".
TITLE_PLACE_PREPOSITIONS = frozenset({"to", "in", "at"})
ROLE_NOUNS = lexicon.words("names/role_nouns")
# What a person is or does, with no office ("singer", "striker", "novelist"): "the singer said" is
# the person just written about (speakers), and "Sprinter Kelly Holmes" opening a sentence is
# Kelly Holmes (normalize_name).
PERSON_DESCRIPTION_NOUNS = lexicon.words("names/person_description_nouns")
# endings of agent nouns ("donor", "viewer", "pediatrician", "advocate") and nouns with such an
# ending that name no one ("a number of", "a letter")
AGENT_SUFFIXES = lexicon.entries("names/agent_suffixes")
_NOT_AGENT_NOUNS = lexicon.words("names/not_agent_nouns")
# Closing words of organisations' names without a head noun ("Doctors Without Borders", "Human
# Rights Watch", "Christian Aid"). Case-sensitive: matched against the end of the name as written.
ORG_SUFFIXES = lexicon.entries("entities/org_suffixes")
# Titles of peers and royals kept before a single name: "Lord Holme", "Prince Charles"; a peer's
# title is no first name when names are matched ("Baroness Kennedy" is a bare surname).
PEER_TITLES = lexicon.words("names/peerage_titles")
PEERAGE_TITLES = PEER_TITLES | lexicon.words("names/royal_titles")
# Titles a knight, dame, peer or royal is written with ("Sir Ian", "Lord Kinnock"): such a person is
# never "Mr ...", and such a form is no first name of another person.
STYLES = frozenset({"sir", "dame"}) | PEERAGE_TITLES
# Nouns of organisations ("ministry", "government"); the speaker rules' list (quotes/participants.py).
ORGANISATION_NOUNS = lexicon.words("quotes/organisation_nouns")
# Capitalised words that open names of things, never a first name: "Group Menatep", "The Game".
NOT_FIRST_NAMES = lexicon.words("names/not_first_names")
# Words next to a one-word name that show an organisation ("on Twitter", "shares in Jarvis",
# "Jarvis, which"): read by org_context, for the entity labels (analysis/linking) and the speakers.
ORG_CONTEXT = lexicon.table("entities/org_context")
ORG_KINDS = frozenset(ORG_CONTEXT["kinds"])  # "band Kasabian", "oil giant Yukos"
ORG_BEFORE = frozenset(ORG_CONTEXT["before"]) | ORG_KINDS
ORG_AFTER = frozenset(ORG_CONTEXT["after"])
ORG_BEFORE_PAIRS = frozenset(tuple(pair.split()) for pair in ORG_CONTEXT["before_pairs"])
FIRM_AFTER = frozenset(ORG_CONTEXT["firm_after"])  # "Electrolux's shares": never a place's
FIRM_AFTER_PAIRS = frozenset(tuple(pair.split()) for pair in ORG_CONTEXT["firm_after_pairs"])
_WORD = re.compile(r"[A-Za-z]+")
_WORD_BEFORE_SPACE = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)?)\s+$")  # (hyphenated: "start-up")
# Party words a tagger glues before a person's name: "Lib Dem Norman Baker".
PARTY_WORDS = lexicon.words("names/party_words")
# Courtesy titles and gendered role nouns -> the gender of the person they name ("mrs" -> "female").
GENDERED_WORDS: dict[str, str] = lexicon.table("names/gendered_words")

# "Jr.", "III" after a name; "Jr." and "Sr." also tell a son from his father.
NAME_SUFFIXES = lexicon.words("names/name_suffixes")
POST_NOMINALS = lexicon.words("names/post_nominals")
GENERATIONAL_SUFFIXES = lexicon.words("names/generational_suffixes")
# Acronyms that stand for a person ("PM", "QC"), compared lowercase
PERSON_ACRONYMS = lexicon.words("names/person_acronyms")
# Words that end a firm's full name ("Multiplex Group"): the name without them is the firm too.
FIRM_DESIGNATORS = lexicon.words("entities/firm_designators")
# Kin whose first name beside the noun carries the named person's surname ("Michael Howard's wife,
# Sandra,"): read by the entity rules (entities/canonical.py) and the speakers ("his son said").
FAMILY_NOUNS = lexicon.words("names/family_nouns")
NAME_PARTICLES = lexicon.words("entities/name_particles")

# Entity types that can precede a name inside a role ("Russian Defense Minister", "World Bank President").
ROLE_ENTITY_TYPES = frozenset({"NORP", "GPE", "ORG"})
# Dependencies that end the noun phrase a role is read from, going left from the name.
_ROLE_STOP = {"det", "poss", "case", "punct", "appos", "relcl", "acl", "cc", "nummod"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


class TitledName(NamedTuple):
    """A PERSON span split into its role words and its name (token indices in the span's Doc)."""

    role_start: int  # first token of the role words; equals name_start when there are none
    name_start: int  # first token of the name, which ends where the span ends
    role: str | None  # the role words as written when they hold a job title, else None


def is_title_word(text: str) -> bool:
    """Whether a word may stand in a title before a name.

    Args:
        text: one token's text, in any case, with or without a final dot ("Gov.", "U.N.").
    Returns:
        True for core titles ("minister"), their modifiers ("deputy", "foreign") and courtesy
        titles ("Mr.").
    """
    return text.lower() in TITLE_WORDS or text.lower().rstrip(".") in TITLE_WORDS


def only_title_words(span: Span) -> bool:
    """Whether every token of a span is a title word (see `is_title_word`): "Defense" tagged ORG
    inside "Russian Defense Minister" spells part of a role, not an organisation."""
    return all(is_title_word(t.text) for t in span)


def _party_glued(span: Span) -> bool:
    """Whether a PERSON span opens with a party word glued on: "Lib Dem Norman Baker" (a first
    name and a surname follow it)."""
    lead = 0
    while lead < len(span) and span[lead].lower_ in PARTY_WORDS:
        lead += 1
    titled = lead
    while titled < len(span) and is_title_word(span[titled].text):
        titled += 1
    rest = span[titled:]
    if lead > 0 and titled > lead:
        # "Lib Dem MP Lembit Opik": a title between the party and the name sets the name off
        return len(rest) >= 2 and all(t.text[:1].isupper() for t in rest)
    return lead > 0 and len(rest) >= 2 and rest[0].text[:1].isupper() and is_known_first_name(fold(rest[0].text))


def split_title(ent: Span) -> TitledName:
    """Split the job title off a PERSON entity, for the entities frame's `role` column.

    Title words at the start of the span ("Special Envoy Staffan de Mistura" tagged PERSON as a
    whole) always leave the name. The role is the run of words just before the span, where NORP,
    GPE and ORG words and connectors ("of", "'s") may join title words ("U.N. Special Envoy",
    "Russian Deputy Defense Minister"), together with those title words inside the span; a
    connector or courtesy title opening the run is left out, and the run is a role only when it
    holds a core title: "Mr. Antonov" has none. With nothing before the span that belongs to a
    title, title words inside it make no role.

    Args:
        ent: a PERSON span.
    Returns:
        TitledName: the mention keeps tokens name_start..ent.end (courtesy titles and other
        title words inside the span drop off even without a role); when `role` is not None it is
        the text of tokens role_start..name_start.
    """
    doc = ent.doc
    start = ent.start
    # titles inside the span: "Special Envoy Staffan de Mistura" tagged PERSON as a whole
    while start < ent.end - 1 and (is_title_word(doc[start].text) or _party_glued(doc[start:ent.end])) \
            and not is_peerage_name(doc[start:ent.end]):
        start += 1
    if start > ent.start and doc[start].lower_ in ROLE_CONNECTORS:
        # "Chairman of the Environmental Audit Committee Peter Ainsworth" tagged whole: the name
        # starts at the last known first name
        name_at = next((i for i in range(ent.end - 2, start, -1)
                        if doc[i].text[:1].isupper() and is_known_first_name(fold(doc[i].text))), None)
        if name_at is not None:
            start = name_at
    first = start
    # titles just before the span: "Russian Deputy Defense Minister" + "Anatoly Antonov"
    k = ent.start - 1
    # the place a title names, glued into the name by the tagger: "Ambassador to" + "Lima Olga Marek"
    if start < ent.end - 2 and start == ent.start and k >= 1 and doc[k].lower_ in TITLE_PLACE_PREPOSITIONS \
            and is_title_word(doc[k - 1].text) and gazetteer.lookup(doc[start].text) is not None:
        start, first, k = start + 1, k - 1, k - 2
    while k >= 0 and (is_title_word(doc[k].text) or doc[k].ent_type_ in ROLE_ENTITY_TYPES
                      or (doc[k].lower_ in ROLE_CONNECTORS and k > 0 and not doc[k].is_sent_start)):
        first = k
        if doc[k].lower_ in HONORIFICS or doc[k].lower_.rstrip(".") in HONORIFICS:
            break  # "mayor of Chicago and Mr. Ruiz": what precedes a courtesy title is someone else's
        k -= 1
    while first < start and (doc[first].lower_ in ROLE_CONNECTORS or doc[first].lower_ in HONORIFICS):
        first += 1
    words = [t.lower_.rstrip(".") for t in doc[first:start]]
    # "head of President Weiss": the title after the last connector is the person's own
    cut = max((i for i, w in enumerate(words) if w in ("of", "for")), default=None)
    if cut is not None and any(w in CORE_TITLES for w in words[cut + 1:]):
        first, words = first + cut + 1, words[cut + 1:]
    # "a spokesman for Michael Howard": a title that ends on a connector is someone else's
    if not any(w in CORE_TITLES for w in words) or (words and words[-1] in ROLE_CONNECTORS):
        return TitledName(start, start, None)
    return TitledName(first, start, doc[first:start].text)


def is_peerage_name(span: Span) -> bool:
    """Whether a span is a peer's or royal's title and one capitalized name: "Lord Holme",
    "Prince Charles" (the title is part of how the person is known)."""
    return len(span) == 2 and _is_peerage_words([t.text for t in span])


def _is_peerage_words(words: list[str]) -> bool:
    return len(words) == 2 and words[0][:1].isupper() and words[0].lower() in PEERAGE_TITLES \
        and words[1][:1].isupper() and words[1].isalpha()


def without_designation(name: str) -> str:
    """A peer's name without the place of the title: "Lord Faulkner of Worcester" -> "Lord
    Faulkner" (how the article goes on to call him, and whose word is his surname)."""
    words = name.split()
    if len(words) >= 4 and words[0].lower() in PEER_TITLES and words[2] == "of" and words[3][:1].isupper():
        return " ".join(words[:2])
    return name


def is_plural(token: Token) -> bool:
    """Whether a noun is plural, a plural acronym ("MPs", which the tagger reads as NNP) included."""
    return token.tag_ in ("NNS", "NNPS") or (token.text.endswith("s") and len(token.text) > 2 and token.text[:-1].isupper())


# Endings of the words for a whole people, never for one of them: "the French", "the Swiss",
# "the Chinese", "the Welsh", "the Irish" (one of them is "the Frenchman", "the Kenyan", "the Scot").
_WHOLE_PEOPLE_ENDINGS = ("ish", "ch", "ese", "ss", "sh")


def is_demonym(word: str) -> bool:
    """Whether a word names a people or one of them: "Russian", "Scot", "Kenyan", "French"."""
    return gazetteer.country_of(word) is not None


# One person of a city or region ("Dubliner", "Geordie"), as written
LOCAL_DEMONYMS = frozenset(lexicon.entries("names/local_demonyms"))


def is_one_of_a_people(word: str) -> bool:
    """Whether a word can name one person by their people: "the Russian", "the Scot", "the
    Spaniard", "the Dubliner"; not "the French" or "the Swiss", a whole people."""
    return (is_demonym(word) and not word.lower().endswith(_WHOLE_PEOPLE_ENDINGS)) or word in LOCAL_DEMONYMS


def untagged_first_names(surname: str, text: str, known_only: bool = False) -> list[str]:
    """The first names `text` writes right before a one-word name, where the tagger may have
    left them out: "Feargal Sharkey, Lucie Silvas ... Silvas said" -> ["Lucie"]. A known first
    name anywhere, or a capitalised word inside a sentence that is no title, kind of person or
    organisation, nor a people's name; not "Group Menatep", "The Game", "Only Fools", a name
    running on ("Terrorism Bill Committee", "Kilroy-Silk"), nor a surname that is itself a first
    name ("Bill"), nor one of two people sharing the surname ("Graham and Sherry Edwards": their
    son is no Sherry Edwards). `known_only`: known first names only (the entity names read every
    one-word person with it: the wider reading made "Tuesday Mitsubishi" there)."""
    if is_known_first_name(fold(surname)):
        return []
    firsts = set()
    for m in re.finditer(r"(?<![\w'-])([A-Z][a-z]+) %s\b(?! [A-Z])(?![-'])" % re.escape(surname), text):  # not "Neath-Swansea"
        first = m.group(1)
        folded = fold(first)
        if folded in ORGANISATION_NOUNS or folded in NOT_FIRST_NAMES:
            continue
        if re.search(r"[A-Z][a-z]+ (?:and|&) $", text[max(0, m.start() - 30):m.start()]):
            continue  # "Graham and Sherry Edwards"
        if is_known_first_name(folded) or (not known_only and
                not re.search(r"(^|[.!?:\"]\s*|\n)$", text[max(0, m.start() - 4):m.start()])
                and folded not in ROLE_NOUNS and folded not in PERSON_DESCRIPTION_NOUNS
                and not is_title_word(first) and not is_demonym(first)):
            firsts.add(first)
    return sorted(firsts)


def hyphen_inside(token: Token) -> bool:
    """A hyphen written between two words with no space: the "-" of "Winn-Dixie", which the
    tokenizer splits off as a token of its own."""
    return token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_


def hyphenated_word(token: Token) -> str:
    """A token's lowercase word with the words hyphenated to it before, as the tokenizer split
    them: "back" of "full-back" -> "full-back", "half" of "fly-half" -> "fly-half"."""
    doc, start = token.doc, token.i
    while start >= 2 and hyphen_inside(doc[start - 1]) and doc[start - 2].is_alpha:
        start -= 2
    return doc[start:token.i + 1].text.lower()


def is_person_description(token: Token) -> bool:
    """Whether a noun describes a person by what they do or are ("singer", "the 20-year-old"
    aside): PERSON_DESCRIPTION_NOUNS, hyphenated words included ("full-back", "fly-half"), and
    phrases of several words ending in it ("TV host": a "host" alone may be a city)."""
    if token.lower_ in PERSON_DESCRIPTION_NOUNS or hyphenated_word(token) in PERSON_DESCRIPTION_NOUNS:
        return True
    # a noun that is a person's only with the words before it: "TV host", "chat show host"
    before = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    phrase = " ".join(t.lower_ for t in token.doc[before[0].i:token.i + 1]) if before else ""
    return phrase in PERSON_DESCRIPTION_NOUNS


def is_agent_noun(token: Token) -> bool:
    """Whether a common noun names someone by what they do, by its ending: "donor", "viewer",
    "user", "campaigner" (not "number", "letter"). Many such nouns name things too ("a computer",
    "a charger"): callers read it only where a person is expected (a claim's subject)."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and lemma.isalpha() and lemma.endswith(AGENT_SUFFIXES) and lemma not in _NOT_AGENT_NOUNS


def is_role_noun(token: Token) -> bool:
    """Whether a token's text or lemma is a role noun ("minister", "Sen.", "spokesmen", "MPs")."""
    return token.lower_ in ROLE_NOUNS or token.lemma_.lower() in ROLE_NOUNS or (
        is_plural(token) and token.lower_.endswith("s") and token.lower_[:-1] in ROLE_NOUNS)


def is_common_word(name: str) -> bool:
    """Whether a "name" is one word in lower case, which no name is, whatever the tagger labelled
    it: "unions" of "unions said" (not "law lords", which the article may write for the Law
    Lords). Read by the speaker rules and by the corpus link of speakers."""
    return name.islower() and " " not in name


def is_plural_role(text: str) -> bool:
    """Whether written words end in a plural role noun and hold no courtesy title ("MPs", "Labour
    MPs", "Officials"; not "Ms Deans", "Mr King"): several unnamed people, for code that reads no
    parse."""
    words = text.split()
    if not words or fold(words[0]).rstrip(".") in HONORIFICS:
        return False
    last = fold(words[-1]).rstrip(".")
    return last.endswith("s") and len(last) > 2 and last[:-1] in ROLE_NOUNS


def after_organisation_kind(text: str, start: int) -> bool:
    """Whether text[start:] comes right after a noun naming a kind of organisation ("Cult band
    Kasabian", "oil giant Yukos")."""
    # the noun right before the name, nothing but spaces between ("Introducing the band,
    # Springsteen mocked" names no band)
    noun = _WORD_BEFORE_SPACE.search(text, max(0, start - 20), start)
    return noun is not None and noun.group(1).lower() in ORG_KINDS


def words_after(text: str, end: int) -> list[str]:
    """The words after text[:end] (the next 30 characters), past a possessive: "board" of
    "Santander's board"."""
    after = text[end:end + 30]
    return _WORD.findall(after[2:] if after[:2] in ("'s", "’s") else after)


def org_context(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] are those of an organisation: "on Twitter",
    "shares in Jarvis", "Jarvis, which", "Google's shares"."""
    before = _WORD.findall(text[max(0, start - 20):start])
    following = words_after(text, end)
    return (bool(before) and before[-1].lower() in ORG_BEFORE) or tuple(w.lower() for w in before[-2:]) in ORG_BEFORE_PAIRS \
        or (bool(following) and following[0].lower() in ORG_AFTER)


def firm_context(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] are those of a firm, which a place's name never
    has: "shares in Electrolux", "Electrolux's shares", "Electrolux chief executive", "the
    Swedish firm Electrolux" (`org_context` also takes "on", "which", "manager": a town's too)."""
    before = _WORD.findall(text[max(0, start - 20):start])
    following = tuple(w.lower() for w in words_after(text, end)[:2])
    return after_organisation_kind(text, start) or tuple(w.lower() for w in before[-2:]) in ORG_BEFORE_PAIRS \
        or (bool(following) and following[0] in FIRM_AFTER) or following in FIRM_AFTER_PAIRS


# Words that make a town's name a sports club's ("Manchester United", "Real Madrid", "Sale Sharks"):
# read by the entity rules (a club is an organisation) and the speakers ("the club said").
_CLUB_WORDS = lexicon.table("entities/club_words")
CLUB_AFTER_TOWN = frozenset(_CLUB_WORDS["after_town"])
CLUB_BEFORE_TOWN = frozenset(_CLUB_WORDS["before_town"])
CLUB_NICKNAMES = frozenset(_CLUB_WORDS["nicknames"])


def is_club_name(name: str, nicknames: bool = True) -> bool:
    """Whether a name is a sports club's: a town with a club word after or before it ("Manchester
    United", "Man Utd", "Real Madrid"), or, with `nicknames`, a club's own name ending in a club
    word ("Sale Sharks", "Aston Villa"). A place's own name is none ("Kansas City")."""
    words = name.split()
    if len(words) < 2 or gazetteer.lookup(name) is not None:
        return False
    first, last = words[0], words[-1]
    return (last in CLUB_AFTER_TOWN and gazetteer.lookup(" ".join(words[:-1])) is not None) \
        or (first in CLUB_BEFORE_TOWN and gazetteer.lookup(" ".join(words[1:])) is not None) \
        or (nicknames and last in CLUB_NICKNAMES)


# Political parties by the names the built-in party aliases know ("Tory", "Labour" -> "Labour
# Party"), for the speakers ("the party" is the one the article named last) and linking.
PARTY_NAMES = dict(sorted(lexicon.table("entities/party_aliases")["aliases"].items()))
PARTY_PATTERN = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(name) for name in sorted(
    {*PARTY_NAMES, *PARTY_NAMES.values()}, key=lambda n: (-len(n), n))))


def is_party_name(name: str) -> bool:
    """Whether a name is a party's, in any of its forms ("Lib Dems", "Tories", "Labour"), which the
    tagger may call a person."""
    return bool(PARTY_PATTERN.fullmatch(name))


def is_kind_of_organisation(name: str) -> bool:
    """Whether a name is only a kind of organisation ("Government", "the police"), not one named:
    read by the speaker rules and by linking, so neither makes it a speaker's name."""
    words = [w for w in name.split() if w.lower() not in ("the", "a", "an")]
    return len(words) == 1 and fold(words[0]) in ORGANISATION_NOUNS


def named_as_organisation(name: Span) -> bool:
    """Whether a name the tagger read as a person's is an organisation's, called so by the noun
    right before it: "building products group James Hardie", "the bank Coutts", or set beside it:
    "Trenova, the private firm which runs ...", or whose spokesman it names after it: "William
    Hill spokesman Rupert Adams"."""
    if any(c.dep_ == "appos" and c.is_lower and c.lemma_.lower() in ORGANISATION_NOUNS and c.i > name.root.i
           and not is_role_noun(c) and c.left_edge.i == name.end + 1 and name.doc[name.end].text == ","
           and not (name.start > 0 and name.doc[name.start - 1].dep_ == "det" and name.doc[name.start - 1].head.i == c.i)
           for c in name.root.children):  # (right after the comma: not "Lisa Power, head of policy at Aids charity ...")
        # (nor inside the noun phrase of the kind: "The Jacksonville, Florida-based firm", where
        # "The" is the firm's; "Titan, a California-based company" is one)
        return True
    if spokesman_after(name):
        return True
    if name.start == 0:
        return False
    before = name.doc[name.start - 1]
    # (not a person's noun the word after a hyphen ends: "film-maker George Lucas"; "think-tank
    # Demos" is a kind)
    return before.pos_ == "NOUN" and before.lemma_.lower() in ORGANISATION_NOUNS and before.is_lower \
        and not is_title_word(before.text) and hyphenated_word(before) not in PERSON_DESCRIPTION_NOUNS


def spokesman_after(name: Span) -> bool:
    """Whether a named spokesman follows the name, who speaks for it: "William Hill spokesman
    Rupert Adams" (a person's spokesman is "Mr Blair's spokesman", "a spokesman for Mr Blair")."""
    doc = name.doc
    return name.end + 1 < len(doc) and doc[name.end].lower_.startswith("spokes") and doc[name.end].is_lower \
        and doc[name.end + 1].ent_type_ == "PERSON" and doc[name.end + 1].ent_iob_ == "B"


_PLACE_SHORT_FORMS = frozenset(w.casefold() for w in lexicon.entries("entities/place_short_forms"))


def is_known_place(name: str) -> bool:
    """Whether a name is a place's the gazetteer knows, or its short form ("UK", "Britain"): not
    an organisation the tagger labelled a place ("BT", "Tallis Wines")."""
    return gazetteer.lookup(name) is not None or name.casefold() in _PLACE_SHORT_FORMS


def is_womans_title(word: str) -> bool:
    """Whether a word is a woman's courtesy title: "Mrs", "Ms.", "Miss"."""
    title = word.lower().rstrip(".")
    return title in COURTESY_TITLES and GENDERED_WORDS.get(title) == "female"


def names_a_region(name: str) -> bool:
    """Whether a name is a known place larger than a town: a country, state or region ("England",
    "Washington"), never a surname; a town's name may be one ("Kennedy", "Jackson")."""
    place = gazetteer.lookup(name)
    return (place is not None and place.kind != "city") or name.casefold() in _PLACE_SHORT_FORMS


def title_before_apposition(ent: Span) -> str | None:
    """The title a name stands in apposition to: "the Archbishop of Canterbury, Dr Rowan
    Williams," -> "Archbishop of Canterbury"; None otherwise. Read by `role_of` (speakers) and by
    the entities frame, so both give the same role."""
    doc, head = ent.doc, ent.root.head
    if not (ent.root.dep_ == "appos" and head.i < ent.start and is_role_noun(head) and not head.ent_type_):
        return None
    left = head.left_edge.i
    while left < head.i and doc[left].dep_ in ("det", "punct"):
        left += 1
    right = head.i + 1
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == right and prep.right_edge.i < ent.start:
            right = prep.right_edge.i + 1
    return doc[left:right].text


_NICKNAME_MARKS = frozenset("'\"‘’“”")


def role_of(ent: Span) -> str | None:
    """The role a person mention carries, read from the parse, for a speaker's `speaker_role`.

    Three places are tried in turn: a role noun inside the span before the name ("Coach Alma
    Ruiz" tagged whole), the modifiers of the name's own noun phrase back to a determiner
    ("Russian Deputy Defense Minister Anatoly Antonov"), and an apposition after the name
    ("Antonov, the deputy minister, said").

    Args:
        ent: a person mention (an entity or a noun-phrase span).
    Returns:
        The role as written, without a leading determiner ("deputy minister"), when the words
        hold a role noun; else None.
    """
    doc = ent.doc
    start = ent.start
    # (not a nickname in quotation marks: "Brian 'Head' Welch")
    titled = [t for t in ent if is_role_noun(t) and not any(
        0 <= k < len(doc) and doc[k].text[:1] in _NICKNAME_MARKS for k in (t.i - 1, t.i + 1)) and t.text[:1] not in _NICKNAME_MARKS]
    if titled and titled[-1].i == ent.start and ent.end - ent.start == 2 and is_first_name(titled[-1].text):
        titled = []  # "Dean Boyd": a first name, not the dean
    if titled and titled[-1].i < ent.end - 1:  # spaCy put the title inside the name: "Coach Alma Ruiz"
        return doc[ent.start:titled[-1].i + 1].text
    # compound and modifier tokens in the name's own noun phrase, up to a determiner
    while start > 0 and doc[start - 1].dep_ not in _ROLE_STOP and not doc[start - 1].is_punct \
            and doc[start - 1].ent_type_ != "PERSON" and doc[start - 1].pos_ not in ("VERB", "AUX", "SCONJ", "PRON") \
            and doc[start - 1].dep_ != "mark" and (doc[start - 1].head.i in range(start - 1, ent.end + 3) or doc[start - 1].is_title):
        start -= 1
    end = ent.start
    while end > start and doc[end - 1].lower_.rstrip(".") in STYLES | COURTESY_TITLES:
        end -= 1  # "foreign affairs spokesman Sir Menzies Campbell": "Sir" is the name's
    words = doc[start:end]
    if len(words) and any(is_role_noun(t) for t in words):
        return words.text
    before = title_before_apposition(ent)
    if before is not None:
        return before
    for child in ent.root.children:
        # apposition after the name: "Antonov, the deputy minister, said"
        if child.dep_ == "appos" and child.i > ent.root.i and child.lemma_.lower() in ROLE_NOUNS:
            left = child.left_edge.i
            while left < child.i and doc[left].dep_ in ("det", "punct"):
                left += 1
            return doc[left:child.right_edge.i + 1].text.strip(" ,")
    return None


# a nickname in quotation marks inside a person's name: 'Jimmy "the Whirlwind " White'
_NICKNAME = re.compile(r"(?<=\w) [\"“'‘][^\"“”'‘’]{1,30}[\"”'’] (?=\w)")


def normalize_name(text: str, label: str) -> str:
    """A mention's written name without layout and grammar, the start of its canonical name.

    Args:
        text: the mention as written ("the Kremlin's", "Mr.  Anatoly Antonov").
        label: its entity label; only PERSON names lose their courtesy titles.
    Returns:
        The name with whitespace collapsed, a final possessive cut, a leading "the" dropped (not
        from a place whose name holds it, "The Hague") and, for a PERSON, leading courtesy
        titles dropped while a word remains, a nickname in quotation marks inside it dropped, and
        letters after the name ("QC", "MP") while two remain: "Kremlin", "Anatoly Antonov",
        "Philippe Sands", "Jimmy White".
    """
    name = " ".join(text.split())
    name = _POSSESSIVE.sub("", name).strip()
    if name.lower().startswith("the ") and name.lower() not in gazetteer.places():
        name = name[4:]
    if label == "PERSON":
        name = _NICKNAME.sub(" ", name)  # 'Jimmy "the Whirlwind" White' is Jimmy White
        words = name.split(" ")
        while len(words) > 1 and words[0].lower() in HONORIFICS:
            words = words[1:]
        while len(words) > 2 and _glued_before_first_name(words[0], words[1]):
            words = words[1:]  # "Sprinter Kelly Holmes", "Kenyan Susan Chepkemei", "plus Ryan Giggs"
        inner = [at for at, word in enumerate(words[1:-1], 1) if word.lower().rstrip(".") in COURTESY_TITLES]
        if inner:
            words = words[inner[-1] + 1:]  # "GDC Mr Allard": a word the tagger glued before the title
        while len(words) > 2 and words[-1].rstrip(",") in POST_NOMINALS:
            words = words[:-1]  # "Philippe Sands QC"
        name = " ".join(words)
    words = name.split(" ")
    if len(words) > 1 and re.fullmatch(r"[A-Z][a-z]{2,}\.", words[-1]):
        # "said ISM chairman Norbert Ore.": the full stop the tokenizer kept (not "Jr.")
        name = name[:-1]
    return name


def _glued_before_first_name(word: str, following: str) -> bool:
    """Whether a word the tagger took into a person's name before a first name is no part of it:
    what the person does ("Sprinter", "Singers"), a people's name ("Kenyan", "Welshman"), a party
    ("Tory") or a lower-case word ("plus") before a known first name; not a first name itself ("Jose Antonio Reyes")."""
    folded = fold(word)
    if folded in PARTY_WORDS and is_known_first_name(fold(following)):
        return True  # "Tory Liam Fox" (before the first-name test: "Tory" is one too)
    if is_known_first_name(folded) or not following[:1].isupper() or not (
            is_known_first_name(fold(following)) or (len(following) > 2 and not following.endswith("s"))):
        return False  # (nor "Model T Ford", "Star Wars Episode")
    if folded in PERSON_DESCRIPTION_NOUNS or folded.rstrip("s") in PERSON_DESCRIPTION_NOUNS \
            or (folded in ROLE_NOUNS and not is_title_word(word)) or is_demonym(word):
        return True  # "Songwriter Guy Chambers", "Lawyer Louise Christian" ("Guy" no first name the table knows)
    return word.islower() and is_known_first_name(fold(following))  # not "van der Veer"


def person_name(text: str) -> str:
    """A speaker's bare name, to match mentions of one person with each other.

    Args:
        text: a person mention as written ("Defense Minister Sergei Shoigu's", "Mrs. Clinton").
    Returns:
        The words without possessives, courtesy titles or gendered nouns (GENDERED_WORDS,
        anywhere) and everything up to the last role noun before the final word: "Sergei Shoigu",
        "Clinton".
    """
    words = text.replace("’s", "").replace("'s", "").split()
    if len(words) >= 2 and _is_peerage_words(words[-2:]):
        return " ".join(words[-2:])  # "Chairman Lord Holme" -> "Lord Holme"
    words = [w for w in words if w.lower() not in GENDERED_WORDS]
    titles = [i for i, w in enumerate(words[:-1]) if w.lower() in ROLE_NOUNS]
    return " ".join(words[titles[-1] + 1:] if titles else words)


def gender_of(ent: Span) -> str | None:
    """The gender a pronoun must agree with to refer to a person mention.

    Args:
        ent: a PERSON mention.
    Returns:
        "male" or "female" from a gendered word just before or inside the mention ("Mrs.",
        "spokesman") or in apposition to it ("her father, Murray"), else from the first name of a
        full name (see `first_name_gender`); None when neither tells.
    """
    worded = gender_in_words(ent)
    if worded is not None:
        return worded
    names = person_name(ent.text).split()
    return first_name_gender(names[0]) if len(names) > 1 else None


def gender_in_words(ent: Span) -> str | None:
    """The gender a gendered word just before or inside a person mention gives ("Mrs.",
    "spokesman"), or one in apposition to it ("her father, Murray"); None when none does (the
    first name aside)."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start else ""
    words = [before, *(t.lower_ for t in ent)]
    for word in words:
        if word in GENDERED_WORDS:
            return GENDERED_WORDS[word]
    root = ent.root  # a gendered noun in apposition: "her father, Murray,", "Murray, her father,"
    for noun in ([root.head] if root.dep_ == "appos" else []) + [c for c in root.children if c.dep_ == "appos"]:
        if noun.lower_ in GENDERED_WORDS:
            return GENDERED_WORDS[noun.lower_]
    return None


def first_name_gender(first: str) -> str | None:
    """The gender of a first name from the names lexicon (names/male_first_names,
    names/female_first_names: the US Census lists, names both genders carry left out).

    Args:
        first: a first name, in any case ("Amina").
    Returns:
        "male" or "female"; None for names both genders carry ("Jean", "Robin") and unknown ones.
    """
    folded = fold(first)
    if folded in _MALE_FIRST_NAMES:
        return "male"
    if folded in _FEMALE_FIRST_NAMES:
        return "female"
    return None


def title_fits_first_name(title: str, first: str) -> bool | None:
    """Whether a gendered title ("Mrs", "baroness") and a first name ("Michael") agree: True or
    False when both tell a gender, None when either does not. Read by the entity names ("Mrs
    Howard" is not Michael Howard) and by linking ("Baroness Kennedy" is not Charles Kennedy)."""
    gender = GENDERED_WORDS.get(fold(title).rstrip("."))
    other = first_name_gender(first) if first else None
    return None if gender is None or other is None else gender == other


# (and the names of Britain and Ireland the US tables lack: "Rhodri", "Iain", "Sian")
# and those of international news: "Paolo", "Thierry", "Sergei", "Svetlana"
_MORE_FIRST_NAMES = {gender: frozenset(lexicon.table("names/more_first_names")[gender])
                     | frozenset(lexicon.table("names/international_first_names")[gender]) for gender in ("male", "female")}
# (a man's name in its own language before the US tables' gender: "Stephane", "Yuri")
_MALE_FIRST_NAMES = lexicon.words("names/male_first_names") | _MORE_FIRST_NAMES["male"]
_FEMALE_FIRST_NAMES = (lexicon.words("names/female_first_names") - _MORE_FIRST_NAMES["male"]) | _MORE_FIRST_NAMES["female"]


class NameParts(NamedTuple):
    """A person's name taken apart for matching across articles, every part folded (see `fold`)."""

    first: str  # "" for a bare surname ("Blair")
    middle: str  # initials of the middle names: "s" for "Robert S. Mueller", "hw" for "George H.W. Bush"
    surname: str  # with its particles: "de mistura", "kilroy-silk"
    suffix: str  # "jr", "iii" or ""


def fold(text: str) -> str:
    """A name folded for comparison: accents dropped, case folded, dashes and apostrophes unified,
    whitespace collapsed ("Ren\u00e9e  O\u2019Neil\u2013Smith" -> "renee o'neil-smith")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    text = re.sub("[\u2018\u2019\u02bc`]", "'", text)
    return " ".join(text.split()).casefold()


def name_parts(name: str) -> NameParts | None:
    """A person's name taken apart: first name, middle initials, surname with its particles, suffix.

    Args:
        name: a person's name without titles ("Robert S. Mueller III", "Staffan de Mistura", "Blair").
    Returns:
        NameParts, or None when the name holds no word with a letter.
    """
    words = [w for w in without_designation(name).replace(",", " ").split() if any(c.isalpha() for c in w)]
    # courtesy titles and a peer's title are no first name: "Baroness Kennedy" is a bare surname
    while len(words) > 1 and (words[0].lower() in HONORIFICS or words[0].lower() in PEER_TITLES):
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        suffix = words.pop().lower().rstrip(".")
    if not words:
        return None
    at = len(words) - 1  # the surname starts at the last word, or at the particles before it
    while at > 1 and words[at - 1].lower() in NAME_PARTICLES:
        at -= 1
    if at == 1 and len(words) > 1 and words[0].lower() in NAME_PARTICLES:
        at = 0  # "de Mistura" alone is a surname
    first = fold(words[0]) if at > 0 else ""
    middle = "".join(fold(w)[0] for w in words[1:at] for w in w.replace(".", " ").split())
    return NameParts(first, middle, fold(" ".join(words[at:])), suffix)


@functools.lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def same_first_name(a: str, b: str) -> bool:
    """Whether two folded first names may name one person: equal, or one a short form of the
    other ("chuck" / "charles")."""
    return a == b or is_short_form(a, b) or is_short_form(b, a)


def is_short_form(short: str, full: str) -> bool:
    """Whether first name `short` is a short form of `full` ("chuck" of "charles", "joe" of
    "joseph"), from the `nicknames` package's table; both folded."""
    return short != full and short in _nicknamer().nicknames_of(full)


@functools.lru_cache(maxsize=1)
def _known_first_names() -> frozenset[str]:
    table = _nicknamer()
    return frozenset(table.nickname_lookup) | frozenset(table.canonical_lookup) \
        | _MORE_FIRST_NAMES["male"] | _MORE_FIRST_NAMES["female"]


def is_known_first_name(word: str) -> bool:
    """Whether a folded word is a first name in the `nicknames` package's table ("jordan" is not,
    "charles" and "chuck" are) or names/more_first_names ("rhodri"); unknown names are common, so
    only a True tells anything. A hyphenated one is when both its parts are: "jean-philippe",
    "sven-goran" (not "lloyd-webber")."""
    if word in _known_first_names():
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(part in _known_first_names() for part in parts)


def is_first_name(word: str) -> bool:
    """Whether a word as written is a first name any of the lists knows: the nicknames table, the
    British and Irish names (`is_known_first_name`), or the US Census lists of either gender
    (`first_name_gender`)."""
    return is_known_first_name(fold(word)) or first_name_gender(word) is not None


# A title -> the descriptions a later sentence may use for its holder ("ambassador" -> "diplomat"),
# organisation kinds included ("ministry" -> "department"); read transitively.
ROLE_HYPERNYMS: dict[str, list[str]] = {k: v for k, v in lexicon.table("names/role_hypernyms").items()
                                         if not k.startswith("_")}
_LONGEST_TITLE = max(len(key.split()) for key in ROLE_HYPERNYMS)


def title_phrases(words: list[str]) -> list[str]:
    """The titles written in a run of words, longest first: ["Ruritanian", "Foreign", "Minister"]
    -> ["foreign minister", "minister"]; single words count when they are role nouns, core titles
    or keys of ROLE_HYPERNYMS, longer phrases when they are keys of ROLE_HYPERNYMS."""
    folded = [fold(w) for w in words]
    found: list[str] = []
    for size in range(min(_LONGEST_TITLE, len(folded)), 0, -1):
        for at in range(len(folded) - size + 1):
            phrase = " ".join(folded[at:at + size])
            known = phrase in ROLE_HYPERNYMS or (size == 1 and (phrase in ROLE_NOUNS or phrase.rstrip(".") in CORE_TITLES))
            if known and phrase not in found:
                found.append(phrase)
    return found


def role_descriptions(words: list[str]) -> frozenset[str]:
    """Every description that may refer back to the holder of a role written as `words`: the
    titles in it and, transitively, what they are kinds of ("Ruritanian Ambassador" ->
    {"ambassador", "diplomat", "envoy", "official"}; "President" -> {"president", "leader",
    "head of state", ...}). Organisation names give their kinds the same way ("Acme Corp." ->
    {"corp.", "company", "firm", ...})."""
    found = set(title_phrases(words))
    todo = sorted(found)
    while todo:
        for broader in ROLE_HYPERNYMS.get(todo.pop(), ()):
            if broader not in found:
                found.add(broader)
                todo.append(broader)
    return frozenset(found)


def ends_like_organisation(name: str) -> bool:
    """Whether a name as written closes with an organisation's suffix: "Christian Aid", "Amnesty
    International" (`ORG_SUFFIXES`), whatever its first word."""
    return any(name.endswith(suffix) for suffix in ORG_SUFFIXES)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two words of five letters or more, with the same first letter, differ by one letter
    added, dropped or changed, or two letters side by side swapped: "Barrot" / "Barot",
    "Mukherjee" / "Mukerjee", "Kujda" / "Kudja"."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def is_organisation_acronym(word: str) -> bool:
    """Whether a word as written is an organisation's acronym: two to six capitals ("ODPM",
    "RICS"), no person's ("PM", "QC") and no title ("MP")."""
    return bool(_ACRONYM_WORD.fullmatch(word)) and word.lower() not in PERSON_ACRONYMS and not is_title_word(word)


_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")
