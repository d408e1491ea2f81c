"""The article's participants: every person and organisation it names, and what it calls them.

Speaker resolution (speakers.py) reads a later mention back to one of these entries: a surname
("Sorel"), a description ("the diplomat", "the Ruritanian leader", "the head of state", "the
ministry"), a pronoun or "according to him". An entry keeps:

- its name: the fullest form the article gives (the entity extractor's canonical name);
- its titles as written ("Ruritanian Ambassador to Lima") and every description they allow,
  read through the titles' hypernyms in `names.role_descriptions` (an ambassador is a diplomat,
  a president is a leader and head of state, an "Acme Corp." is a company and a firm);
- the nationality and place words of its titles and name ("ruritanian"), and its gender when a
  title, courtesy title or first name tells;
- every offset where the article names it, so "the most recent compatible participant" is a
  lookup.

Notes:
    The participants are built from the entity rows and the parse once per article; resolution
    never adds entries except a full name the entity model missed (speakers.py). Titles come from
    `names.role_of` — the same module the entities frame reads its roles from — so entity roles
    and speaker roles agree.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.entities import gazetteer
from newskit.extract.names import (CORE_TITLES, FIRM_DESIGNATORS, GENDERED_WORDS, ORGANISATION_NOUNS, PARTY_NAMES, PARTY_PATTERN,
                                   PARTY_WORDS, POST_NOMINALS, ROLE_HYPERNYMS, STYLES, TITLE_MODIFIERS,
                                   ends_like_organisation, firm_context, fold, gender_in_words, gender_of,
                                   is_club_name, is_demonym, is_kind_of_organisation, is_known_first_name,
                                   is_known_place, is_party_name, is_person_description, is_plural_role, is_role_noun,
                                   is_title_word, named_as_organisation, one_edit_apart, org_context, role_descriptions, spokesman_after,
                                   role_of, untagged_first_names)
from newskit.extract.quotes.cues import AUDIENCE_VERBS, REPORTING_VERBS

# ORGANISATION_NOUNS (names.py): "the ministry said" is an organisation speaking.
# What any named organisation may be called when its name holds no kind ("Tesco" -> "the firm").
GENERIC_ORGANISATION_NOUNS = lexicon.words("quotes/generic_organisation_nouns")
# What befalls a person ("Bridge's injury"): its possessor is no subject.
_BEFALLING_NOUNS = lexicon.words("quotes/befalling_nouns")
# What organisations publish: "a report by the NAO said" speaks for the NAO.
DOCUMENT_NOUNS = lexicon.words("quotes/document_nouns")
# what someone writes or says: "Mr Tanzi's statement said" is Mr Tanzi
SAID_NOUNS = lexicon.words("quotes/said_nouns")
# What describes an organisation by its kind ("the non-partisan charity"): read to the organisation
# named just before or introduced just after.
DESCRIPTIVE_ORGANISATION_NOUNS = lexicon.words("quotes/descriptive_organisation_nouns")
OWN_REPORTERS = lexicon.words("quotes/own_reporters")
ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Possessive and reflexive pronouns of one person of a known gender ("his most fearsome opponents").
_POSSESSIVES = {word: gender for word, gender in lexicon.table("quotes/owner_pronouns").items() if gender in ("male", "female")}
# Pronouns that name one person of a known gender.
GENDERED_PRONOUNS = {word: gender for word, gender in lexicon.table("quotes/speaker_pronouns").items()
                     if gender in ("male", "female")}
# Titles held for someone else: "the spokesman" of an untitled person is seldom that person.
SPOKESPEOPLE = lexicon.words("quotes/titles_held_for_others")
_PLACE_LABELS = frozenset({"NORP", "GPE", "LOC"})
# "shadow", "deputy": a title they modify is another office than the bare title.
RESTRICTING_MODIFIERS = lexicon.words("names/restricting_modifiers")
# Regions a firm's branch is named for: "General Motors Europe".
_REGIONS = frozenset(lexicon.entries("entities/regions"))
# Parts of an organisation ("Google's management said" is Google's), and what it owns ("the Delta
# subsidiary" is not Delta)
ORGANISATION_PARTS = lexicon.words("quotes/organisation_part_nouns")
# Words that end the name of a firm's product or part named after it: "Google News"
PRODUCT_WORDS = lexicon.words("quotes/product_words")
_PARTS_OF_ORGANISATIONS = ORGANISATION_PARTS | lexicon.words("quotes/owned_organisation_nouns")
# "-based", "-owned": a noun phrase that describes an organisation by them does not name it.
_DESCRIBING_PARTICIPLES = lexicon.words("quotes/describing_participles")
# nouns that call a person by no office ("a senior government figure")
GENERAL_PERSON_NOUNS = lexicon.words("names/general_person_nouns")
# A newspaper or magazine: a word of its name ("Financial Times", "Wall Street Journal", "the
# FT"), and what the article calls it after citing it ("the newspaper", "the paper")
PUBLICATION_NAME_WORDS = lexicon.words("quotes/publication_name_words")
_RANKING_WORDS = lexicon.words("quotes/ranking_words")
_UNSPECIFIC_KIND_WORDS = lexicon.words("quotes/unspecific_kind_words")
_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")
_NEWSPAPER_SHORT_NAME = re.compile(r"\b[Tt]he (%s)\b(?! [A-Z])" % "|".join(lexicon.entries("quotes/newspaper_short_names")))
PUBLICATION_NOUNS = lexicon.words("quotes/publication_nouns")
_PUBLISHED_NOUNS = lexicon.words("quotes/published_nouns")
# The capitalised words an acronym may abbreviate, the lowercase connectors an acronym skips between
# them (entities/name_connectors, as the entity names read acronyms), and the lowercase noun after
# them ("Public and Commercial Services union").
_NAME_CONNECTORS = lexicon.words("entities/name_connectors")
_SPELLED_OUT = re.compile(r"\b((?:[A-Z][a-z]+(?: (?:%s))? )+)([a-z]+)\b"
                          % "|".join(re.escape(w) for w in sorted(_NAME_CONNECTORS)))
# "the Scottish Executive": a body named by its place.
PLACE_BODIES = lexicon.words("quotes/place_bodies")
# What an actor plays: "her role as Katherine Hepburn" names a character, no participant.
_PARTS_PLAYED = lexicon.words("quotes/parts_played")
# How many sentences back a he/she reads to a person named other than as a clause subject.
_PASSING_MENTION_REACH = 3
# a name, a comma and what the person is: "Brian Gammage, vice-president of research at ..."
_INTRODUCED = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)+, (?:an? |the )?[a-z]")
# A parliament's committees, and the words that only say what kind of committee one is.
_COMMITTEES = lexicon.table("quotes/committees")
COMMITTEE_NOUNS = frozenset(_COMMITTEES["nouns"])
COMMITTEE_MEMBERS = frozenset(_COMMITTEES["members"])
COMMITTEE_KIND_WORDS = frozenset(_COMMITTEES["kind_words"])


@dataclass
class Participant:
    """One person or organisation of the article."""

    name: str
    label: str  # "PERSON" or "ORG"
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)  # (offset, sentence, main-clause subject), in order
    roles: list[str] = field(default_factory=list)  # titles as written, first first
    descriptions: set[str] = field(default_factory=set)  # what a later description may call it
    words: set[str] = field(default_factory=set)  # folded words of its titles and name
    nationals: set[str] = field(default_factory=set)  # folded nationality and place words of its titles and name
    gender: str | None = None
    entity_label: str | None = None  # the entity label of its first named mention ("ORG", "GPE", "NORP")
    generic: bool = False  # an organisation whose name holds no kind: any generic noun ("the firm") may stand for it
    styled: bool = False  # a person the article calls "Sir Ian", "Lord Falconer": never a "Mr ..."
    worded: bool = False  # a person whose gender a word beside the name gives ("Mrs", "spokeswoman"), not the first name
    # folded names (and acronyms) of what the article writes a person as belonging to: "snp" of
    # "The SNP's Nicola Sturgeon"
    affiliations: set[str] = field(default_factory=set)
    # what the article writes a person as, beside the name ("actor" of "Actor Michael Douglas",
    # "star" of "Aishwarya Rai, star of ..."): who a later "the 60-year-old actor" is
    kinds: set[str] = field(default_factory=set)

    def last_before(self, offset: int, excluding: set[int] | frozenset[int] = frozenset()) -> int | None:
        """The offset of its latest mention before `offset` (not one at an offset of `excluding`),
        None when the article has not named it yet."""
        earlier = [start for start, _, _ in self.mentions if start < offset and start not in excluding]
        return max(earlier) if earlier else None

    def add_role(self, role: str | None, place_words: list[str]) -> None:
        if role and role not in self.roles and not any(_narrows(known, role) for known in self.roles):
            # a fuller form of a known title goes before it: "Transport Minister" before "Minister";
            # a title the fuller form narrows is dropped ("chancellor" of "shadow chancellor")
            at = next((i for i, known in enumerate(self.roles) if role.endswith(" " + known)), len(self.roles))
            self.roles.insert(at, role)
            self.roles = [known for known in self.roles if not _narrows(role, known)]
            self.descriptions = set().union(*(role_descriptions(r.split()) for r in self.roles))  # people only
            self.words |= {fold(w).rstrip(".,") for w in role.split()}
        self.nationals |= {fold(w) for w in place_words}


def _kinds_beside(mention: Span) -> set[str]:
    """The nouns of what a person is that the text sets right beside their name: before it
    ("Actor Michael Douglas", "heavy metal star Ozzy Osbourne") or in apposition after it
    ("Aishwarya Rai, star of Bride and Prejudice", "Ridley Scott, the director")."""
    doc, root = mention.doc, mention.root
    before = doc[mention.start - 1] if mention.start else None
    nouns = [before] if before is not None and before.is_alpha and before.head.i in range(mention.start, mention.end) \
        and before.dep_ in ("compound", "amod", "nmod") else []
    nouns += [c for c in root.children if c.dep_ == "appos" and c.i >= mention.end]
    return {t.lemma_.lower() for t in nouns if is_person_description(t)}


def _narrows(fuller: str, title: str) -> bool:
    """Whether a title is a shorter form of `fuller` that drops a modifier making another office:
    "chancellor" of "shadow chancellor", "minister" of "deputy minister"."""
    if not fuller.endswith(" " + title):
        return False
    return bool({fold(w) for w in fuller[:-len(title)].split()} & RESTRICTING_MODIFIERS)


def is_main_subject(token) -> bool:
    """Whether a mention's head is the subject of its sentence's main clause (or of a clause
    joined to it by "and"): "Mr Balls rejected the allegation that Mr Brown had been sidelined"
    has Mr Balls as its main subject, Mr Brown only as an embedded one. A name in apposition
    to the subject is the subject: "the world's largest package delivery company, UPS, said"."""
    if token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
        token = token.head
    if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "NOUN" \
            and token.ent_type_ == "PERSON" and token.head.lemma_.lower() not in _BEFALLING_NOUNS:
        token = token.head  # "Mr Dane's e-mail ... suggested": what he wrote stands for him (not "Bridge's injury")
    if token.dep_ == "ROOT" and token.ent_type_ == "PERSON" and any(
            c.i > token.i and c.pos_ in ("VERB", "AUX") and c.dep_ in ("dep", "conj", "ccomp", "acl") for c in token.children):
        # the parse made the name the verb: "Tait himself, at least outwardly, appeared unaffected",
        # "Trevor Phillips, chairman of the Commission for Racial Equality, called on Mr Clarke"
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.ent_type_ == "PERSON" and after is not None and after.dep_ == "ROOT" and after.lemma_.lower() in REPORTING_VERBS \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in after.children):
        # "Others targeted include Oliver Letwin and David Davis, Lib Dem elections chief Lord
        # Rennard said", the name parsed into the list and "said" left with no subject: its speaker
        return True
    if token.ent_type_ == "PERSON" and token.dep_ == "conj" and after is not None and after.pos_ in ("AUX", "VERB") \
            and after.dep_ == "conj" and after.head.dep_ == "ROOT" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in after.children):
        # a name parsed into a list before its own clause's verb, left with no subject: "Victory
        # took Real to within six points of leaders Barcelona and Owen is confident ..."
        return True
    if token.ent_type_ == "PERSON" and token.dep_ == "npadvmod" and token.head.dep_ == "ROOT" and after is not None \
            and after.text == "," and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.i > token.i
                                          for c in token.head.children):
        # the description set beside the name parsed as the subject: "Mirza, the first Indian
        # woman to win a WTA Tour title ..., will now face US Open champion Svetlana Kuznetsova"
        return True
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        verb = verb.head  # the parser hangs "Morrison" of "Morrison is determined" on "is"
    left = token.left_edge.i
    if verb.dep_ == "conj" and left > 0 and token.doc[left - 1].lower_ == "but":
        return True  # "... as they have ground their way to victory but captain Fabien Pelous sees hope"
    if verb.dep_ == "conj" and verb.head.i < left \
            and not any(t.dep_ in ("cc", "punct") for t in token.doc[verb.head.i + 1:left]):
        return False  # no "and" nor comma before it: the parser's clause, not the writer's ("has been given
        # extra confidence by the impact manager Jose Mourinho has had" is Gallas's sentence)
    while verb.dep_ in ("conj", "parataxis") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def is_example(token) -> bool:
    """Whether a mention's head names someone only as an example of a kind, or a part someone
    plays: "the likes of Jonny Wilkinson and Brian O'Driscoll", "stars such as Henson", "players
    like Henson", "her supporting role as Hollywood icon Katherine Hepburn"."""
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "as" and prep.head.lemma_.lower() in _PARTS_PLAYED:
        return True
    if prep.lower_ == "like" and prep.dep_ == "prep":
        return True
    if prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such":
        return True
    return prep.lower_ == "of" and prep.head.lower_ == "likes" and prep.head.i > 0 and prep.doc[prep.head.i - 1].lower_ == "the"


def is_audience(token) -> bool:
    """Whether a mention's head is whom someone spoke to: "told BBC News Online", "said to
    Reuters", "told the BBC's Today programme"."""
    while token.dep_ in ("poss", "compound") and token.head.i != token.i:
        token = token.head  # ("the BBC News website")
    if token.dep_ in ("dobj", "dative"):
        return token.head.lemma_.lower() in AUDIENCE_VERBS
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_.lower() in REPORTING_VERBS


def is_nationality(token) -> bool:
    """Whether a modifier in a description names a country or people ("Ruritanian", "US",
    "French"), which the participant's own must agree with; party words ("Democrat") do not."""
    if not token.text[:1].isupper() or is_title_word(token.text):
        return False
    if token.ent_type_ in ("GPE", "LOC"):
        return True
    return token.ent_type_ == "NORP" and fold(token.text).endswith(("an", "ese", "ish", "ch", "i"))


def looks_like_person(name: str) -> bool:
    """Whether an organisation-labelled name is a person's full name the tagger mislabelled:
    two or three capitalized words opening with a known first name, none naming an organisation
    kind ("Vince Cable", not "Morgan Stanley Bank", "Jordan" or the club "West Brom")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    if any(fold(w) in ORGANISATION_NOUNS or fold(w) in ROLE_HYPERNYMS for w in words) \
            or ends_like_organisation(name) or is_club_name(name):  # "Christian Aid"
        return False
    return is_known_first_name(fold(words[0])) and not is_known_first_name(fold(words[-1]))


def names_one(chunk: Span) -> bool:
    """Whether an organisation noun phrase names one organisation ("the Russian defense ministry"),
    not several ("US tobacco companies"), a kind described by its place ("a North
    Carolina-based bank") or a description ("the non-partisan charity")."""
    if chunk.root.tag_ in ("NNS", "NNPS"):
        return False
    if chunk.root.lemma_.lower() in GENERIC_ORGANISATION_NOUNS | DESCRIPTIVE_ORGANISATION_NOUNS and not any(
            t.text[:1].isupper() and t.ent_type_ not in _PLACE_LABELS and t.dep_ not in ("det", "poss", "case") for t in chunk):
        return False  # "the non-partisan charity", "the UK's public spending watchdog" describe
    owner = next((t for t in chunk if t.dep_ == "poss" and t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", *_PLACE_LABELS)), None)
    if owner is not None and any(t.i > owner.i + 1 and t.i != chunk.root.i for t in chunk):
        return False  # "Sacked MP Howard Flight's local Conservative association" describes it by a person
    return not any(t.lower_ in _DESCRIBING_PARTICIPLES for t in chunk)


def _capitalised(words: Span) -> bool:
    """Whether a noun phrase holds a capitalized word that names something ("the Russian defense
    ministry", "Tesco's board"): without one it only describes ("the radio station", "the
    country's government", "our own government")."""
    return any(t.text[:1].isupper() and not (t.i == t.sent.start and t.is_title and t.pos_ not in ("PROPN", "ADJ"))
               for t in words if t.dep_ not in ("det", "poss", "case", "punct") or t.pos_ == "PROPN")


def names_place_body(span: Span) -> bool:
    """Whether a noun phrase names a government body by its place: "the Scottish Executive"
    (a capitalized noun of `quotes/place_bodies` after place or nationality words only)."""
    head = span.root
    others = [t for t in span if t.i != head.i and t.dep_ not in ("det", "punct")]
    return head.lower_ in PLACE_BODIES and head.text[:1].isupper() and not head.is_sent_start and bool(others) \
        and all(t.ent_type_ in _PLACE_LABELS for t in others)


def committee_named(chunk: Span) -> Span | None:
    """The noun phrase of a committee named by what it covers, with what follows the noun ("the
    Commons work and pensions committee", "the joint committee on human rights"); None for a
    committee its words only say the kind of ("the select committee", "an all-party committee")."""
    root = chunk.root
    cover = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("on", "for")
                  and any(g.dep_ == "pobj" for g in c.children)), None)
    own = [t for t in chunk if t.i != root.i and t.dep_ not in ("det", "poss", "case", "punct", "cc")]
    if cover is None and all(t.lower_ in COMMITTEE_KIND_WORDS or t.is_punct for t in own):
        return None
    if cover is None:
        return chunk
    return chunk.doc[chunk.start:cover.right_edge.i + 1]


def same_nation(word: str, nationals: set[str]) -> bool:
    """Whether a nationality or place word agrees with any of a participant's: "russian" with
    "russia", "ruritanian" with "ruritania" (a shared stem of four letters); "french" with
    "france", "dutch" with "netherlands" (the gazetteer's country of the people's name)."""
    country = gazetteer.country_of(word.title())
    return any(word[:4] == other[:4] or (country is not None and fold(country) == other) for other in nationals)


class Participants:
    """The people and organisations one article names, in order of first mention."""

    def __init__(self, adoc: ArticleDoc) -> None:
        # the entity rows: their names are the article's canonical ones and their roles the
        # entities frame's, so a speaker's name and role agree with its entity's
        self.entities = sorted((r for r in adoc.results.get("entities", []) if r.get("label") in ("PERSON", *ORG_LABELS)),
                               key=lambda r: (r["start"], r["end"]))
        self.people: dict[str, Participant] = {}
        self.orgs: dict[str, Participant] = {}
        # the names the article writes as places ("Europe", "UK")
        self.places = frozenset(str(r["text"]) for r in adoc.results.get("entities", []) if r.get("label") in ("GPE", "LOC")) \
            | _REGIONS
        # article spans inside quotation marks
        self.quoted = [(p.start + q.start, p.start + q.end) for p in adoc.paragraphs for q in p.quoted]
        # offsets of organisations named as whom someone spoke to ("told BBC News Online"): no "it"
        # or "the group" after it stands for them
        self.audiences: set[int] = set()
        # offsets of names given as examples or parts played ("the likes of Jonny Wilkinson",
        # "games such as Neverwinter Nights", "her role as Katherine Hepburn"): no description or
        # he/she after it stands for them
        self.examples: set[int] = set()
        # offsets of people's names that only modify a noun ("an Armani dress")
        self.modifiers: set[int] = set()
        # offsets of organisations named as the owner of a clause's subject ("Nintendo's new handheld
        # console ... will launch")
        self.subject_owners: set[int] = set()
        chunks: list[tuple[int, int]] = []
        # (offset, the organisation's entity offsets) of each "the IPCL board"
        self.boards: list[tuple[int, tuple[int, int]]] = []
        named = {(r["start"], r["end"]) for r in self.entities if r["label"] in ORG_LABELS}
        for pdoc in adoc.paragraphs:
            # organisations named by a noun phrase ("Russian defense ministry"), not those an
            # entity names whole ("the National Audit Office", whose entity name is "NAO")
            for chunk in pdoc.doc.noun_chunks:
                if chunk.root.lemma_.lower() in COMMITTEE_NOUNS:
                    chunk = committee_named(chunk)  # "the joint committee on human rights"
                    if chunk is None:
                        continue  # "the select committee": no name
                name = without_determiner(chunk)
                own = chunk[1:] if chunk[0].dep_ in ("det", "poss") else chunk
                start, end = pdoc.offsets(own)
                inner = [(s, e) for s, e in named if start <= s and e <= end] \
                    if chunk.root.lemma_.lower() == "board" and not any(t.dep_ == "case" for t in chunk) else []
                if inner:
                    # "the United board": the club's board speaks for the club, named already; so
                    # does "the board" after it
                    self.boards.append((start, inner[-1]))
                    continue
                # (nor a kind before an entity's name: "German investment bank Deutsche Bank")
                kinds = [pdoc.start + t.idx for t in own if t.is_lower and t.lemma_.lower() in ORGANISATION_NOUNS]
                if (chunk.root.lemma_.lower() in ORGANISATION_NOUNS or names_place_body(chunk)) and len(name.split()) > 1 and names_one(chunk) \
                        and (chunk.root.lemma_.lower() in COMMITTEE_NOUNS or _capitalised(chunk)) \
                        and (start, end) not in named and not any(e == end and any(k < s for k in kinds) for s, e in named) \
                        and not (chunk.root.i == chunk.end - 1 and any(s == end + 1 for s, _ in named)) \
                        and not any(t.dep_ == "cc" and any(start <= s and e <= pdoc.start + t.idx and _whole_name(adoc.text[s:e])
                                                           for s, e in named)
                                    and any(pdoc.start + t.idx < s and e == end for s, e in named) for t in own):
                    # (nor the kind before a name set beside it: "the French news agency AFP"; nor
                    # two names joined: "Both the IMF and World Bank")
                    self.add_org(name, pdoc, chunk)
                    chunks.append(pdoc.offsets(chunk))
        firms = _firms_tagged_people(self.entities, adoc.text)
        # (an organisation the entity stage read by the kind glued on it, "Bookmaker William
        # Hill", is one in every mention, however much its name looks a person's)
        firms |= {row["entity"] for row in self.entities if row["label"] == "ORG" and isinstance(row.get("entity"), str)
                  and row["text"] != row["entity"] and row["text"].endswith(" " + row["entity"])
                  and fold(row["text"].split()[0]) in ORGANISATION_NOUNS}
        # (a firm tagged a place is the entity stage's organisation already: entities/canonical.py)
        spans = []
        for row in self.entities:
            pdoc = adoc.paragraph_at(row["start"])
            span = pdoc.doc.char_span(row["start"] - pdoc.start, row["end"] - pdoc.start, alignment_mode="expand")
            spans.append((row, pdoc, span))
        # (and so is a name the article calls an organisation once, in all its mentions: "William
        # Hill made the move ... William Hill spokesman Rupert Adams")
        firms |= {row["entity"] for row, _, span in spans if row["label"] == "ORG" and isinstance(row.get("entity"), str)
                  and span is not None and len(span) and spokesman_after(span)}
        for row, pdoc, span in spans:
            if span is None or not len(span):
                continue
            name = row["entity"] if isinstance(row.get("entity"), str) else row["text"]
            if not name[:1].isupper() and not name[:1].isdigit():
                continue  # "ofNew Labour": words the source glued, no name
            if is_kind_of_organisation(name) or (is_plural_role(name) and (" " not in name or not name.split()[-1].istitle())):
                # "the Government": a kind of organisation, not one named; "MPs" or "Lib Dem MPs"
                # tagged as a name (not "National Association of Probation Officers", "David Rubin & Partners")
                continue
            if (row["label"] == "PERSON" or looks_like_person(name)) and not named_as_organisation(span) and name not in firms \
                    and not is_party_name(name) \
                    and not (name in self.orgs and name not in self.people):  # "Hardie" after "group James Hardie"
                self.add_person(name, pdoc, span, row["role"] if isinstance(row.get("role"), str) else None)
            elif not any(s <= row["start"] and row["end"] <= e for s, e in chunks) \
                    or adoc.text[row["end"]:row["end"] + 2] in ("'s", "’s"):  # "Manchester United's board"
                # a person's name the noun before calls an organisation is one ("group James Hardie");
                # a place's name set beside a kind of firm ("Halifax, the country's biggest mortgage
                # lender") is an organisation's row already (entities/canonical.py)
                self.add_org(name, pdoc, span, "ORG" if row["label"] == "PERSON" or _town_with_the(row, adoc.text, span)
                             else row["label"])
        for pdoc in adoc.paragraphs:
            for kind in pdoc.doc:
                named = _untagged_with_kind(kind)
                if named is not None and without_determiner(named) not in self.people | self.orgs \
                        and without_determiner(named) not in self.places:
                    # "Metrovias, the private firm which runs the tube lines": a name the tagger
                    # missed, set beside its kind
                    self.add_org(without_determiner(named), pdoc, named, "ORG")
        # sentence numbers of the title and subtitle, which a description never reads back to
        self.headings = frozenset(p.first_sentence + i for p in adoc.paragraphs if p.kind in ("title", "subtitle")
                                  for i in range(len(p._sentence_starts)))
        # (offset, party name) of every party the article names, as a word of any phrase
        # ("a future Tory government"), the headline too; and (offset, party name, sentence) of
        # those named in the plural as a clause's subject or a passive's agent ("the Tories
        # insisted", "opposed by the Liberal Democrats"): "they"
        self.parties: list[tuple[int, str]] = []
        self.plural_parties: list[tuple[int, str, int]] = []
        for m in PARTY_PATTERN.finditer(adoc.text):
            self.parties.append((m.start(), PARTY_NAMES.get(m.group(), m.group())))
            pdoc = adoc.paragraph_at(m.start())
            span = pdoc.doc.char_span(m.start() - pdoc.start, m.end() - pdoc.start, alignment_mode="expand") if pdoc else None
            if span is None or not m.group().endswith("s"):
                continue
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
                self.plural_parties.append((m.start(), PARTY_NAMES.get(m.group(), m.group()), pdoc.sentence_of(root.i)))
        self.text = adoc.text
        self._acronym_kinds()
        self.paragraph_starts = [p.start for p in adoc.paragraphs]
        self._untagged_people(adoc)
        self._gender_in_text(adoc)
        self.pronouns: dict[int, str] = {}  # offset of a he/she/him/her -> the person's name
        self._chain_pronouns(adoc)
        self._chain_it(adoc)
        # sentences whose main subject is a name no entity row holds ("Cueto was also puzzled",
        # the tagger having missed him): someone the participants do not know
        self.unknown_subjects = self._untagged_subjects(adoc)

    def _acronym_kinds(self) -> None:
        """An organisation named by its acronym is of the kind the words it abbreviates end in:
        "Public and Commercial Services union members ... by the PCS. The union says" (the long
        form untagged, or a firm's plural: only the noun right after the capitalised words)."""
        for entry in self.orgs.values():
            if not 2 <= len(entry.name) <= 6 or not entry.name.isalpha() or not entry.name.isupper():
                continue
            for match in _SPELLED_OUT.finditer(self.text):
                words = [w for w in match.group(1).split() if w not in _NAME_CONNECTORS]
                noun = match.group(2)
                if "".join(w[0] for w in words) == entry.name and noun in ORGANISATION_NOUNS:
                    entry.descriptions.add(noun)

    def last_two_speaking(self, offset: int, sentence: int) -> list[str] | None:
        """The two organisations last named as sentence subjects, in the three sentences before
        `sentence`, in the order written: "Both organisations" after "The Commission said ... The
        IADB said ..."; None unless there are two."""
        latest: dict[str, int] = {}
        for entry in self.orgs.values():
            for at, said_in, subject in entry.mentions:
                if subject and at < offset and 1 <= sentence - said_in <= 3 and not self.quoted_at(at) \
                        and entry.entity_label == "ORG":
                    # (one name, with or without the acronym the entity glued on: "... Bank (IADB")
                    name = re.sub(r"\s*\([A-Z]+\)?$", "", entry.name)
                    latest[name] = max(latest.get(name, -1), at)
        last = sorted(latest.items(), key=lambda item: item[1])[-2:]
        return [name for name, _ in last] if len(last) == 2 else None

    def _speakers_about(self, described: str, offset: int) -> set[str]:
        """The people who, before `offset`, said something of someone they called "the
        `described`": the subject of a reporting verb with "the chancellor" after it in its
        sentence, outside quotation marks ("Vince Cable said the chancellor had failed")."""
        if not described or not described[:1].islower():
            return set()
        found = set()
        for match in re.finditer(r"\b[Tt]he\s+%s\b" % re.escape(described), self.text[:offset]):
            if self.quoted_at(match.start()):
                continue
            for entry in self.people.values():
                for at, _, subject in entry.mentions:
                    between = self.text[at:match.start()]
                    if subject and at < match.start() and not re.search(r"[.!?][\"'\u201d]?\s|[\"\u201c\u201d]", between) \
                            and any(word in _REPORTING_FORMS for word in re.findall(r"[a-z]+", between)):
                        found.add(entry.name)
        return found

    def two_named_in(self, sentence: int) -> list[str] | None:
        """The two organisations a sentence names (outside quotation marks), in the order written,
        when it names exactly two: "the two firms" after "Japanese car maker Mitsubishi Motors has
        struck a deal to supply French car maker Peugeot"; None otherwise."""
        named = sorted((min(at for at, said_in, _ in entry.mentions if said_in == sentence and not self.quoted_at(at)), entry.name)
                       for entry in self.orgs.values() if entry.entity_label == "ORG"
                       and any(said_in == sentence and not self.quoted_at(at) for at, said_in, _ in entry.mentions))
        return [name for _, name in named] if len(named) == 2 else None

    def org_of_acronym(self, acronym: str) -> Participant | None:
        """The one organisation whose name's capitalised words `acronym` spells ("CIPS": the
        Chartered Institute of Purchasing and Supply), for an acronym the tagger left untagged."""
        found = [entry for entry in self.orgs.values() if " " in entry.name and _initials_of(acronym, entry.name)]
        return found[0] if len(found) == 1 else None

    def _gender_in_text(self, adoc: ArticleDoc) -> None:
        """A person's gender as the article writes it, over what their first name suggests: a
        his/her (himself, herself) outside quotation marks after a person named as the subject of
        a sentence that names no one else ("All Blacks captain Tama Umaga has warned the Lions
        will be his most fearsome opponents", "Tama" a woman's name in the US lists). Only
        when every such word agrees, and never against a gendered word beside the name ("Mrs") or a
        first name the British and Irish lists know ("Hugh")."""
        named: dict[int, list[tuple[int, str, bool]]] = {}
        for entry in self.people.values():
            for at, s, subject in entry.mentions:
                if not self.quoted_at(at):
                    named.setdefault(s, []).append((at, entry.name, subject))
        evidence: dict[str, set[str]] = {}
        for pdoc in adoc.paragraphs:
            for token in pdoc.doc:
                kind = _POSSESSIVES.get(token.lower_) if token.tag_ == "PRP$" or token.lower_ in ("himself", "herself") else None
                offset = pdoc.start + token.idx
                if kind is None or self.quoted_at(offset):
                    continue
                there = named.get(pdoc.sentence_of(token.i), [])
                # (nor one naming someone the tagger missed: "Brill said Velde may return ... her event")
                others = any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.text not in there[0][1].split()
                             for t in token.sent) if there else True
                if len({name for _, name, _ in there}) == 1 and any(subject and at < offset for at, _, subject in there) \
                        and not others:
                    evidence.setdefault(there[0][1], set()).add(kind)
                    continue
                # or the named subject of the verb whose object holds it, whoever else the sentence
                # names ("Davis made his acting debut in 1950 in No Way Out starring Sidney Poitier")
                verb = token.head.head if token.head.dep_ in ("dobj", "attr") and token.head.head.pos_ in ("VERB", "AUX") else None
                owner = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < token.i), None) \
                    if verb is not None else None
                if owner is not None:
                    at = pdoc.start + owner.idx
                    # (the mention the name's last word ends: the latest starting at or before it)
                    before = [(start, n) for start, n, _ in there if start <= at < start + 40]
                    if before:
                        evidence.setdefault(max(before)[1], set()).add(kind)
        for name in sorted(evidence):
            entry, kinds = self.people[name], evidence[name]
            # (not against a first name the British and Irish lists know: "Hugh" stays a man's)
            if len(kinds) == 1 and not entry.worded and (entry.gender is None or not is_known_first_name(fold(name.split()[0]))):
                entry.gender = next(iter(kinds))

    def _chain_pronouns(self, adoc: ArticleDoc) -> None:
        """Resolve every he/she/him/her outside quotation marks in reading order, each becoming a
        mention of its person, so a chain "Jackson ... he wrote ... saying he admired Mr Blair's
        ..., he criticised" stays with Jackson."""
        for pdoc in adoc.paragraphs:
            for token in pdoc.doc:
                kind = GENDERED_PRONOUNS.get(token.lower_)
                offset = pdoc.start + token.idx
                if kind is None and is_main_subject(token) and (is_role_noun(token) or is_person_description(token)) \
                        and token.tag_ in ("NN", "NNP") \
                        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not self.quoted_at(offset) \
                        and not any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
                    # (not one whose name follows it: "The Lord Chief Justice, Lord Woolf, ... said")
                    # "The prime minister shrugged off ...": a described subject is a mention too,
                    # so a "he said" after it stays with the prime minister; so is one described by
                    # what they do, the person just written about ("The previous day, the Olympic
                    # champion went down to France's Nathalie Dechy. "...," she said")
                    span = pdoc.doc[token.left_edge.i:token.i + 1]
                    # (the nearest person, as `person_just_written_about` reads it, whose check of
                    # untagged subjects is not built yet at this point)
                    entry = self.described(span, pdoc.start + span.start_char, pdoc.sentence_of(token.i)) \
                        if is_role_noun(token) else \
                        self.nearest_person(None, pdoc.start + span.start_char, pdoc.sentence_of(token.i), firm_like=False,
                                            own_sentence=False)
                    if entry is not None and entry.label == "PERSON":
                        entry.mentions.append((offset, pdoc.sentence_of(token.i), True))
                        entry.mentions.sort()
                    continue
                if kind is None or self.quoted_at(offset):
                    continue
                sentence = pdoc.sentence_of(token.i)
                entry = self.nearest_person(kind, offset, sentence)
                if entry is not None:
                    self.pronouns[offset] = entry.name
                    entry.mentions.append((offset, sentence, is_main_subject(token)))
                    entry.mentions.sort()
                    entry.gender = entry.gender or kind

    def _chain_it(self, adoc: ArticleDoc) -> None:
        """An "It" that is its sentence's main subject right after a sentence whose main subject
        is an organisation (outside quotation marks) is a mention of that organisation, in reading
        order, so the chain goes on: "Microsoft also made some announcements. It has agreed a deal
        with TiVo ... on their TiVos ... It also said" stays with Microsoft."""
        for pdoc in adoc.paragraphs:
            for token in pdoc.doc:
                offset = pdoc.start + token.idx
                if token.lower_ != "it" or not is_main_subject(token) or self.quoted_at(offset):
                    continue
                sentence = pdoc.sentence_of(token.i)
                before = [(at, entry.name) for entry in self.orgs.values() for at, said_in, subject in entry.mentions
                          if subject and said_in == sentence - 1 and not self.quoted_at(at) and at not in self.audiences]
                if before:
                    entry = self.orgs[max(before)[1]]
                    entry.mentions.append((offset, sentence, True))
                    entry.mentions.sort()

    def _untagged_people(self, adoc: ArticleDoc) -> None:
        """People the tagger missed: a capitalised proper noun of no entity, the main subject of
        its sentence, that a he/she outside quotation marks goes on with, as the next sentence's
        subject or the subject of what its own verb reports ("Adebayor was sent off for a second
        yellow card. He said"; "Adebayor admitted he was wrong"), becomes a person of that gender, where its sentence names no one else; not a word
        the article writes in lower case, a place, a people, a title or a word of a name the
        article knows. So does a one-word organisation of no kind a "she" goes on with as the next
        sentence's subject ("After a tough first set, Molik grew in confidence ... She will now
        meet Venus Williams", "Molik" tagged ORG): no firm or club is a "she", while a "he" after a
        club's name is its player or manager. A one-word person of no known gender gets the
        pronoun's ("Okoye was then booked ... He said"). For a name the tagger labelled, only the
        next sentence's subject counts; and no name followed by "it" or "its" in its sentence
        counts ("Yukos is confident of its right ..., "...," he said": a firm and its spokesman)."""
        tagged = {at for r in self.entities for at in range(r["start"], r["end"])}
        lower = set(re.findall(r"\b[a-z][\w'-]*", adoc.text))
        known = {fold(w) for entry in (*self.people.values(), *self.orgs.values()) for w in entry.name.split()}
        for pdoc in adoc.paragraphs:
            sentences = list(pdoc.doc.sents)
            for at, sent in enumerate(sentences):
                token = next((t for t in sent if is_main_subject(t)), None)
                firm = self.orgs.get(token.text) if token is not None and token.ent_type_ == "ORG" else None
                tagged_firm = firm is not None and firm.generic and firm.entity_label == "ORG" and token.text not in self.people \
                    and " " not in firm.name
                # (or a one-word person of no known gender, who would count as perhaps a firm)
                bare = self.people.get(token.text) if token is not None and token.ent_type_ == "PERSON" else None
                bare = bare if bare is not None and " " not in bare.name and bare.gender is None else None
                tagged_name = tagged_firm or bare is not None
                if token is None or (token.pos_ != "PROPN" and not tagged_name) or (token.ent_type_ and not tagged_name) \
                        or len(token.text) < 3 \
                        or not (token.text[0].isupper() and token.text[1:].islower()) or token.lower_ in lower \
                        or (fold(token.text) in known and not tagged_name) \
                        or (pdoc.start + token.idx in tagged and not tagged_name) or self.quoted_at(pdoc.start + token.idx) \
                        or is_demonym(token.text) or is_title_word(token.text) or fold(token.text) in PARTY_WORDS \
                        or gazetteer.lookup(token.text) is not None or any(c.dep_ == "compound" for c in token.children):
                    continue
                if any(t.lower_ in ("it", "its") and t.i > token.i and not self.quoted_at(pdoc.start + t.idx) for t in sent):
                    continue  # "Yukos is confident of its right ..., "...," he said": a firm and its spokesman
                # the he/she: the subject of what the name's own verb reports ("Adebayor admitted he
                # was wrong"; not "Prudence made an appearance ..., as he assured voters"), or the
                # next sentence's subject
                after = [t for t in sent if t.i > token.i and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ccomp"
                         and t.head.head.i == token.head.i and token.head.lemma_.lower() in REPORTING_VERBS] \
                    if not tagged_name else []
                if at + 1 < len(sentences):
                    after += [t for t in sentences[at + 1] if is_main_subject(t)]
                pronoun = next((t for t in after if t.lower_ in GENDERED_PRONOUNS and not self.quoted_at(pdoc.start + t.idx)), None)
                gender = GENDERED_PRONOUNS[pronoun.lower_] if pronoun is not None else None
                if gender is None or (tagged_firm and gender != "female"):
                    continue
                sentence = pdoc.sentence_of(token.i)
                if any(said_in == sentence for entry in self.people.values() if entry is not bare
                       for _, said_in, _ in entry.mentions):
                    continue  # someone else it may stand for: "Shell said ... in line with Ms Boynton's contract. She was"
                if bare is not None:
                    entry = bare
                elif tagged_firm:  # its mentions as an organisation are hers
                    entry = self.people.setdefault(token.text, Participant(token.text, "PERSON"))
                    entry.mentions = sorted(self.orgs.pop(token.text).mentions)
                    entry.words |= {fold(token.text)}
                else:
                    entry = self.add_person(token.text, pdoc, pdoc.doc[token.i:token.i + 1])
                entry.gender = entry.gender or gender

    def _untagged_subjects(self, adoc: ArticleDoc) -> frozenset[int]:
        """Sentences whose main subject is a name no entity row holds, the tagger having missed
        it (a proper noun, or a capitalised word the article never writes in lower case). One that
        is a word of exactly one person's name ("Cueto" after "Mark Cueto") becomes a mention of
        that person instead."""
        tagged = {at for r in self.entities for at in range(r["start"], r["end"])}  # offsets inside an entity
        lower = set(re.findall(r"\b[a-z][\w'-]*", adoc.text))
        unknown = set()
        for pdoc in adoc.paragraphs:
            for token in pdoc.doc:
                offset = pdoc.start + token.idx
                # (no word the tagger gave any label, nor a people's name: "The Spaniard believed";
                # nor a description's capitalised noun: "says the DJ", "the MP said")
                if not (token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() and token.lower_ not in lower
                        and not token.ent_type_ and is_main_subject(token)) or self.quoted_at(offset) \
                        or offset in tagged or is_demonym(token.text) \
                        or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                    continue
                sentence = pdoc.sentence_of(token.i)
                # the surname of someone named before: not "Scot" of "Scot Nick Smith" named after
                named = [entry for entry in self.people.values() if fold(token.text) == fold(entry.name.split()[-1])
                         and entry.last_before(offset) is not None]
                if len(named) == 1 and any(m[0] == offset for m in named[0].mentions):
                    continue  # one of the people the tagger missed (`_untagged_people`)
                if len(named) == 1:
                    named[0].mentions.append((offset, sentence, True))
                    named[0].mentions.sort()
                else:
                    unknown.add(sentence)
        return frozenset(unknown)

    def nearest_person(self, kind: str | None, offset: int, sentence: int, firm_like: bool = True,
                       excluding: frozenset[str] = frozenset(), own_sentence: bool = True) -> Participant | None:
        """The person a he/she at `offset` most likely refers to: of agreeing gender (any, for
        `kind` None: "the 20-year-old"), not named inside quotation marks (what a speaker talks
        about), in the nearest sentence (a non-subject counts one sentence further), subjects
        first, then the closest. `own_sentence` False: not one whose name only modifies a noun
        before it in its own sentence (a description is not: "Shivering in a floor-length
        shimmering Armani dress, the Australian-born actress stopped")."""
        # (a person named in passing, not as a subject, is no "he" four sentences on: "by
        # Easter", tagged PERSON, is not the "she" of a mother quoted later)
        candidates = [(entry, s, subject, at) for entry in self.people.values()
                      if (kind is None or (entry.gender or kind) == kind) and entry.name not in excluding
                      for at, s, subject in entry.mentions if at < offset and not self.quoted_at(at)
                      and at not in self.examples and (subject or sentence - s <= _PASSING_MENTION_REACH)
                      and (own_sentence or s != sentence or at not in self.modifiers)]
        if not candidates:
            return None
        latest = max((c for c in candidates if c[1] == sentence), key=lambda c: c[3], default=None)
        if kind is not None and latest is not None and latest[0].gender == kind:
            # of the people its own sentence names, the nearest, of its gender, before one of none
            # known: "Moore said Hansen may return ..., but there is no prospect of her being
            # involved" (not "Rooting for Staunton was Cate Blanchett, herself nominated for her ...")
            unknown = {c[0].name for c in candidates if c[1] == sentence and c[0].gender is None}
            candidates = [c for c in candidates if c[0].name not in unknown]
        # a one-word name of no known gender ("Yukos" tagged PERSON) counts one sentence further,
        # unless the mention can only be a person's (`firm_like` False: "said the striker")
        bare = _bare if firm_like else (lambda entry: False)
        # a person the sentence just before introduces, where no one is its subject, counts as its
        # subject: "One dissenting opinion came from Brian Gammage, vice-president of research at
        # Gartner. He said: ..." is Gammage, not the analyst quoted before him
        with_subject = {s for entry in self.people.values() for _, s, subject in entry.mentions if subject}
        def introduced(c: tuple) -> bool:
            # (a first mention by full name with what they are set beside it: "Brian Gammage,
            # vice-president of ...", "Allen Weiner, a research director at ...")
            entry, s, subject, at = c
            first = next((m for m in entry.mentions if m[1] not in self.headings), None)
            return not subject and sentence - s == 1 and s not in with_subject and first is not None and first[0] == at \
                and " " in entry.name and _INTRODUCED.match(self.text, at) is not None
        def foremost(c: tuple) -> bool:
            return c[2] or introduced(c)
        # of two people a sentence names in no main subject, the one it already calls he/she is
        # the one it is about: "... when she lost to Elena Dementieva. Only last year she insisted"
        # is the "she" who lost (not the nearer name)
        return min(candidates, key=lambda c: (sentence - c[1] + (not foremost(c)) + bare(c[0]), not foremost(c), bare(c[0]),
                                              c[3] not in self.pronouns, -c[3]))[0]

    def called_by_first_name(self, parts: list[tuple[int, int]]) -> frozenset[str]:
        """The people a quote (its parts' article offsets) calls by their first name alone, as
        one talks of someone else ("I've had more than a quiet word with Olof": Olof Mellberg is
        not who says it; a speaker may name himself, "Campbell swears shock", but hardly so)."""
        firsts = set()
        for entry in self.people.values():
            for at in (at for at, _, _ in entry.mentions if any(start <= at < end for start, end in parts)):
                words = self.text[at:at + len(entry.name) + 1].split()
                first = re.sub(r"['’]s$", "", words[0].strip(",.;:!?'\"")) if words else ""  # ("Kevin's successor")
                # the first name alone: its own participant ("Olof"), or the full name's first word
                if first == entry.name or (first == entry.name.split()[0] and not self.text[at:].startswith(entry.name)):
                    firsts.add(fold(first))
        return frozenset(entry.name for entry in self.people.values()
                         if " " in entry.name and fold(entry.name.split()[0]) in firsts)

    def named_inside(self, parts: list[tuple[int, int]]) -> frozenset[str]:
        """The people a quote (its parts' article offsets) names, by any form of their name: whom
        its words talk about, hardly who says them ("... Keegan sympathised with Norwich boss Nigel
        Worthington afterwards. "I feel a bit for Nigel Worthington," he said.")."""
        return frozenset(entry.name for entry in self.people.values()
                         if any(start <= at < end for at, _, _ in entry.mentions for start, end in parts))

    def person_just_written_about(self, kind: str | None, offset: int, sentence: int,
                                  nation: str | None = None, noun: str | None = None,
                                  described: str | None = None) -> Participant | None:
        """The person a description such as "the 20-year-old" or "the singer" at `offset` refers
        to: the nearest person (`nearest_person`), unless a name the participants do not hold is
        the main subject of a sentence after that person's last mention, up to the description
        ("Minar, ranked 158th, was forced to pull out ... said the 20-year-old", Minar untagged):
        then no one rather than the wrong one. A people's name (`nation`, "the Russian") is the
        last person the article wrote as one ("Russian Marat Safin"), if any (the nationality
        words of titles are too loose to rule anyone out: a headline's "Agassi" tagged a place).
        `described`: the description's head word ("international")."""
        if nation is not None:  # "said the Russian": the last person written as one, if any
            written = [(entry.last_before(offset), entry.name) for entry in self.people.values()
                       if entry.nationals and same_nation(nation, entry.nationals) and entry.last_before(offset) is not None]
            if written:
                return self.people[max(written)[1]]
        entry = self.nearest_person(kind, offset, sentence, firm_like=False, own_sentence=False)
        # "the 60-year-old actor" is the last person written as one ("Actor Michael Douglas"), not
        # the nearer one written as something else, "Aishwarya Rai, star of ..." (one written as
        # nothing stays: "10,000m Olympic champion Kenenisa Bekele ... Britain's Paula Radcliffe
        # ..., said the two-time champion"; `noun` None for a ranked one, "The seventh seed")
        kinded = [(other.last_before(offset), other.name) for other in self.people.values()
                  if noun in other.kinds and other.last_before(offset) is not None
                  and (kind is None or other.gender is None or other.gender == kind)] \
            if noun and entry is not None and entry.kinds and noun not in entry.kinds else []
        if kinded:
            return self.people[max(kinded)[1]]
        if entry is None:
            return None
        if described is not None and entry.roles and described not in entry.descriptions \
                and not any(described in fold(role).split() for role in entry.roles):
            # not one the article has just introduced by a title the description does not fit,
            # over the person it was about: "... Strachan told the BBC. Club director Terry Brady
            # held initial talks with Strachan on Saturday. The former Scotland international
            # added" is Strachan
            # (one the headline named is no newcomer: "Desailly backs Blues revenge trip\n\nMarcel
            # Desailly insists ... The French star was part of")
            first = min(s for _, s, _ in entry.mentions)
            other = self.nearest_person(kind, offset, sentence, firm_like=False, excluding=frozenset({entry.name}),
                                        own_sentence=False) if 0 <= sentence - first <= 1 and first not in self.headings else None
            if other is not None and any(s not in self.headings and at < entry.mentions[0][0] for at, s, _ in other.mentions):
                entry = other
        # (its own sentence counts when the person stands there as no subject: "Cueto was also
        # puzzled as to why his try had been disallowed by Kaplan")
        _, last, subject = max((at, s, subject) for at, s, subject in entry.mentions if at < offset)
        return None if any(last < s <= sentence or (s == last and not subject) for s in self.unknown_subjects) else entry

    def subject_just_before(self, kind: str | None, offset: int, sentence: int, described: str = "") -> Participant | None:
        """The person given no title who is the main subject of the sentence before `offset`'s,
        of gender `kind` where known: what a definite description no title or description of the
        article settles most likely stands for ("Manchester United's Alex Ferguson has praised ...
        "...," said the Old Trafford boss", the description naming a place no name of his holds;
        not one its own sentence's subject speaks of: "..., Ms Chada said, adding that while the
        Civil Aviation minister has promised ..."); nor one who spoke of "the `described`" before
        (`_speakers_about`). None when no such person is such a subject."""
        talked_of = self._speakers_about(described, offset)
        subjects = [(s, at, entry.name) for entry in self.people.values()
                    if (kind is None or (entry.gender or kind) == kind) and not entry.roles and entry.name not in talked_of
                    for at, s, subject in entry.mentions
                    if subject and sentence - s == 1 and not self.quoted_at(at) and s not in self.headings]
        return self.people[max(subjects)[2]] if subjects else None

    def nearest_org(self, offset: int, sentence: int) -> Participant | None:
        """The organisation an "it said" at `offset` most likely refers to, ranked as
        `nearest_person` ranks people; a place ("Australia") counts one sentence further than an
        organisation's name."""
        # (a people's word is no "it": "British" is no one who says things; nor a place named as
        # no subject: "The firm, based in London, ... it said", "Wimpey said the UK housing
        # market had proved "challenging". "...," it added")
        candidates = [(entry, s, subject, at) for entry in self.orgs.values() if not is_demonym(entry.name)
                      for at, s, subject in entry.mentions if at < offset and not self.quoted_at(at)
                      and at not in self.audiences and (subject or entry.entity_label not in _PLACE_LABELS
                                                        or not is_known_place(entry.name))]
        if not candidates:
            return None
        return min(candidates, key=lambda c: (sentence - c[1] + (not c[2]) + (c[0].entity_label in _PLACE_LABELS),
                                              not c[2], -c[3]))[0]

    def committee(self, offset: int) -> Participant | None:
        """The committee "MPs said", "the committee said" or "a committee of MPs has warned" at
        `offset` stands for: the named committee (`committee_named`) most recently named before,
        else the first the article names after it ("..., MPs have warned.\n\n... the
        Environmental Audit Committee said"); None when the article names none."""
        bodies = [entry for entry in self.orgs.values() if entry.words & COMMITTEE_NOUNS and len(entry.words) > 1]
        before = [(entry.last_before(offset), entry.name) for entry in bodies if entry.last_before(offset) is not None]
        if before:
            return self.orgs[max(before)[1]]
        after = [(entry.mentions[0][0], entry.name) for entry in bodies if entry.mentions]
        return self.orgs[min(after)[1]] if after else None

    def party(self, offset: int) -> str | None:
        """The party "the party said" at `offset` stands for: the last one the article named
        before it, outside quotation marks ("Tories pledge ...\n\n... by a future Tory
        government, the party has said": Conservative Party)."""
        named = [name for at, name in self.parties if at < offset and not self.quoted_at(at)]
        return named[-1] if named else None

    def party_they(self, offset: int, sentence: int) -> str | None:
        """The party a "they" at `offset` stands for: one named in the plural as a subject or
        agent in its sentence or the one before, outside quotation marks ("But the Tories insisted
        ... They said ..."); None when there is none."""
        named = [name for at, name, said_in in self.plural_parties
                 if at < offset and 0 <= sentence - said_in <= 1 and not self.quoted_at(at)]
        return named[-1] if named else None

    def _kind_named_beside(self, mention: Span, offset: int) -> Participant | None:
        """The organisation named with the mention's kind noun earlier in its sentence."""
        head = mention.root
        base = offset - mention[0].idx  # the paragraph's article offset
        sentence = head.sent
        for ent in reversed([e for e in mention.doc.ents if e.label_ == "ORG" and sentence.start <= e.start
                             and e.end <= mention.start]):
            if _kind_before(ent) == head.lemma_.lower():
                name = self.name_at(base + ent.start_char, base + ent.end_char, "ORG") or without_determiner(ent)
                if name in self.orgs:
                    return self.orgs[self.org_named(name, offset)]
        return None

    def introduced_after(self, pool: dict[str, Participant], offset: int, horizon: int,
                         accept=lambda entry: True, subject_later: bool = False, any_part: bool = False) -> Participant | None:
        """The first participant of `pool` the article introduces after `offset` and before
        `horizon`, as the main subject of its sentence and outside quotation marks, that
        `accept` takes: who a description in the lead stands for. `subject_later`: also one
        introduced as no subject that is one before `horizon` ("The Times said Australian Lynton
        Crosby told the party leader ... But Mr Crosby said"). `any_part`: one introduced in any
        part of its sentence."""
        later = []
        for entry in pool.values():
            # its first mention in the body: a headline naming it ("Hewitt decries ...") comes first
            first = next((m for m in entry.mentions if m[1] not in self.headings), None)
            if first is not None and offset < first[0] < horizon and not self.quoted_at(first[0]) and (first[2] or any_part or (
                    subject_later and any(subject and at < horizon and not self.quoted_at(at) for at, _, subject in entry.mentions))) \
                    and accept(entry):
                later.append((first[0], entry.name))
        return pool[min(later)[1]] if later else None

    def quoted_at(self, offset: int) -> bool:
        """Whether an article offset lies inside quotation marks."""
        return any(start < offset < end for start, end in self.quoted)

    def kin_named(self, noun: str, start: int, end: int) -> Participant | None:
        """The person a kin's noun ("his son", "Mr Begg's father") stands for: the one named right
        after it ("Mr Begg's father, Azmat, said"), else the last one named after that noun before
        it ("Thorne Nogar and his son Stephen ... his son said"); None when the article names none."""
        kin = re.compile(r"\b%ss?,?\s+$" % re.escape(noun), re.IGNORECASE)
        named = [r for r in self.entities if r["label"] == "PERSON" and (r["start"] < start or r["start"] <= end + 2)
                 and kin.search(self.text[max(0, r["start"] - len(noun) - 4):r["start"]])]
        after = [r for r in named if r["start"] >= end]
        row = after[0] if after else named[-1] if named else None
        name = (row["entity"] if isinstance(row.get("entity"), str) else row["text"]) if row is not None else None
        return self.people.get(name) if name is not None else None

    def firm_shown(self, entry: Participant) -> bool:
        """Whether the article writes an organisation as a firm: a firm's word ending its name
        ("Multiplex Group"), or a firm's context at a mention ("Shares in Multiplex", "Multiplex's
        profits"; names.firm_context)."""
        return fold(entry.name.split()[-1]) in FIRM_DESIGNATORS or any(
            firm_context(self.text, r["start"], r["end"]) for at, _, _ in entry.mentions
            for r in self.entities if r["start"] == at)

    def acts(self, entry: Participant, offset: int, sentence: int) -> bool:
        """Whether an organisation acts somewhere before `offset`: a clause's subject, named in the
        sentence of `sentence`, an owner ("Lycos Europe's campaign") or a maker ("a statement from
        Lycos Europe"); not one only named beside a thing ("the new Wembley stadium")."""
        for at, said_in, subject in entry.mentions:
            if at >= offset:
                continue
            end = next((r["end"] for r in self.entities if r["start"] == at), at)
            if subject or said_in == sentence or self.text[end:end + 2] in ("'s", "’s") \
                    or re.search(r"\b(?:by|from)\s+$", self.text[max(0, at - 6):at]):
                return True
        return False

    def name_at(self, start: int, end: int, label: str | None = None) -> str | None:
        """The canonical name of the longest entity inside article span start..end ("Lima Olga
        Marek" as parsed holds the entity "Olga Marek"), of `label` when given."""
        inside = [r for r in self.entities if start <= r["start"] and r["end"] <= end
                  and (label is None or (r["label"] == "PERSON") == (label == "PERSON"))]
        if not inside:
            return None
        row = max(inside, key=lambda r: (r["end"] - r["start"], -r["start"]))
        return row["entity"] if isinstance(row.get("entity"), str) else row["text"]

    def entity_at(self, pdoc: ParagraphDoc, token: Token, labels: tuple[str, ...]) -> tuple[Span, str, int] | None:
        """(the tagger's entity holding `token`, its canonical name, its article offset), when that
        entity carries one of `labels`; the one lookup of the organisation a token names, whatever
        the tagger called it ("Polling company Mori" tagged a person, "BT" a place)."""
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ not in labels:
            return None
        start, end = pdoc.offsets(ent)
        return ent, self.name_at(start, end), start

    # --- building ---------------------------------------------------------------------------

    def add_person(self, name: str, pdoc: ParagraphDoc, mention: Span, role: str | None = None) -> Participant:
        entry = self.people.setdefault(name, Participant(name, "PERSON"))
        start = pdoc.offsets(mention)[0]
        # (one of a list of people that is the subject is no subject of its own: "Youngsters Ben
        # Hudell, Joe Keenan and Sam Tillen would be options ... "...," he said" is not Hudell)
        entry.mentions.append((start, pdoc.sentence_of(mention.root.i), is_main_subject(mention.root) and not _listed(mention.root)))
        entry.mentions.sort()
        if is_example(mention.root):
            self.examples.add(start)
        if mention.root.dep_ == "compound" and mention.root.head.pos_ == "NOUN":
            self.modifiers.add(start)  # "an Armani dress"
        for found in (role, role_of(mention)):  # the entities frame's role, the parse's
            entry.add_role(found, place_words(mention, found))
        doc = mention.doc
        after = doc[mention.end] if mention.end < len(doc) else None
        for token in (mention[-1], after):
            if token is not None and token.text in POST_NOMINALS and is_role_noun(token):
                entry.add_role(token.text, [])  # "Frank Field MP" ... "the Labour MP for Birkenhead"
        entry.words |= {fold(w) for w in name.split()}
        entry.gender = entry.gender or gender_of(mention)
        entry.worded = entry.worded or gender_in_words(mention) is not None
        before = mention.doc[mention.start - 1] if mention.start else None
        entry.styled = entry.styled or any(t is not None and t.lower_ in STYLES for t in (before, mention[0]))
        for token in (mention[0], before):  # "Russian Marat Safin", "Scot Nick Smith": "the Russian", "the Scot"
            if token is not None and token.text[:1].isupper() and is_demonym(token.text):
                entry.nationals.add(fold(token.text))
        entry.kinds |= _kinds_beside(mention)
        owner = _owner_before(mention)
        if owner is not None:  # "The SNP's Nicola Sturgeon", "Labour's Ken Livingstone"
            entry.affiliations |= _name_keys(owner)
        return entry

    def add_org(self, name: str, pdoc: ParagraphDoc, mention: Span, label: str | None = None) -> Participant:
        """An organisation; `label` is its entity row's ("ORG", "GPE", "NORP"), else the mention's
        ("NP" for a noun phrase such as "the Russian defense ministry")."""
        label = label or mention.label_ or None
        entry = self.orgs.setdefault(name, Participant(name, "ORG", entity_label=label))
        if label == "ORG" and entry.entity_label in _PLACE_LABELS:
            entry.entity_label = label  # "says Halifax" in the headline, "the Halifax has said" after
        start = pdoc.offsets(mention)[0]
        # (its kind written after it: "The Titan corporation was accused" names Titan as the subject)
        # (not a place's: "A US company", nor a part of it: "the Delta subsidiary" is not Delta)
        kind_after = mention.root.head if label == "ORG" and mention.root.dep_ == "compound" \
            and mention.root.head.i == mention.end and mention.root.head.is_lower \
            and mention.root.head.lemma_.lower() in ORGANISATION_NOUNS - _PARTS_OF_ORGANISATIONS else None
        entry.mentions.append((start, pdoc.sentence_of(mention.root.i),
                               is_main_subject(mention.root) or (kind_after is not None and is_main_subject(kind_after))))
        entry.mentions.sort()
        if mention.root.dep_ == "poss" and mention.root.head.pos_ == "NOUN" and mention.root.head.dep_ in ("nsubj", "nsubjpass"):
            self.subject_owners.add(start)
        if is_audience(mention.root):
            self.audiences.add(start)
        if is_example(mention.root):
            self.examples.add(start)
        words = name.split()
        entry.words |= {fold(w) for w in words}
        entry.descriptions |= role_descriptions(words)
        last = fold(words[-1])
        if len(words) > 2 and fold(words[-2]) + last in ("airlines", "airways"):
            last = fold(words[-2]) + last  # "Delta Air Lines ... the airline says"
        # (plural too: "Delta Airlines ... the airline said")
        entry.descriptions |= {last, last[:-1] if last.endswith("s") else last} & ORGANISATION_NOUNS
        # (the kind before "of": "US Court of Appeals ... The court said", "Bank of Kelby")
        entry.descriptions |= {fold(w) for w, after in zip(words, words[1:]) if after == "of"} & ORGANISATION_NOUNS
        kinds = [_kind_before(mention)] + [c.lemma_.lower() for c in mention.root.children
                                             if c.dep_ == "appos" and c.pos_ == "NOUN"] \
            + ([kind_after.lemma_.lower()] if kind_after is not None else [])
        if is_club_name(name, nicknames=not any(k in ORGANISATION_NOUNS for k in kinds)):
            entry.descriptions.add("club")  # "Manchester United ... the club said" (not "the group Shareholders United")
        if _cited_publication(words, mention):  # "the Financial Times reported ... the newspaper said"
            entry.descriptions |= PUBLICATION_NOUNS
        if label == "ORG" and not entry.descriptions & ORGANISATION_NOUNS:
            entry.descriptions |= GENERIC_ORGANISATION_NOUNS  # "Tesco ... the firm said"
            entry.generic = True
        if label == "ORG":  # any organisation, whatever its kind: "CENTR, the Council of ... the organisation said"
            entry.descriptions |= {"organisation", "organization"}
        # "brewer Fosters", "Southcorp, the winemaker"; with what any such firm is too ("search
        # start-up Blinkx ... the company has added")
        entry.descriptions |= set().union(*(role_descriptions([k]) | {k} for k in kinds if k in ORGANISATION_NOUNS))
        entry.nationals |= {fold(t.text) for t in mention if t.ent_type_ in _PLACE_LABELS}
        return entry

    # --- lookups ----------------------------------------------------------------------------

    def full_name(self, name: str, offset: int, courtesy: bool = False) -> str:
        """The most recent full name before `offset` holding every word of `name` ("Sorel" ->
        "Ivan Sorel"); else the first such full name anywhere (a headline names people before the
        story does); else `name` itself. A name written with "Mr", "Ms" (`courtesy`) is no
        knight's or peer's: "Mr Blair" is not Sir Ian Blair."""
        words = set(name.split())
        if not words:
            return name

        def holds(full: str) -> bool:
            if courtesy and self.people[full].styled:
                return False
            parts = full.split()
            if len(words) > 1 or name == parts[-1]:
                return " " in full and words <= set(parts)
            # one word: a surname, or a family name written first ("Wang" of "Wang Yan"), never
            # a first name ("Howard" is not Howard Flight)
            return name in parts[:-1] and not is_known_first_name(fold(name))

        recent = [(p.last_before(offset), p.name) for p in self.people.values()
                  if " " in p.name and holds(p.name) and p.last_before(offset) is not None]
        if recent:
            return max(recent)[1]
        for full in self.people:
            if " " in full and holds(full):
                return full
        if " " not in name and len(name) >= 5:
            # a misspelt surname: "Mr Barot" of "Jacques Barrot" (one letter apart, one such person)
            near = [full for full in self.people if " " in full and not (courtesy and self.people[full].styled)
                    and one_edit_apart(full.split()[-1], name)]
            if len(near) > 1:  # of several, those named before it: "Jarek Kujda ... Kudja said" (his wife named later)
                near = [full for full in near if self.people[full].last_before(offset) is not None]
            if len(near) == 1:
                return near[0]
        if " " not in name:
            # a first name alone the entity names read as the one person named in full with it:
            # "Serena" of Serena Williams beside "Venus" (not "Party leader Howard" after "Howard
            # Flight": entities/canonical.py)
            owners = {r["entity"] for r in self.entities if r["text"] == name and isinstance(r.get("entity"), str)
                      and r["entity"].split()[0] == name and " " in r["entity"]}
            if len(owners) == 1:
                return owners.pop()
        if " " not in name and name[:1].isupper():
            # a full name the tagger left untagged: "Feargal Sharkey, Lucie Silvas ... Silvas said"
            firsts = untagged_first_names(name, self.text)
            if len(firsts) == 1:
                return f"{firsts[0]} {name}"
        return name

    def org_with_word(self, word: str, offset: int) -> str | None:
        """The organisation (entity label ORG) whose name holds `word`, named before `offset`: "Pew"
        of "the Pew report" after "Pew Research" (or its fullest name, when several names holding
        it are one inside another: "Pew Research", "US Pew Research Center"); None for none or
        several different ones."""
        key = fold(word)
        found = [entry for entry in self.orgs.values()
                 if entry.entity_label == "ORG" and key in entry.words and entry.last_before(offset) is not None]
        if not found:
            return None
        smallest = min(found, key=lambda entry: (len(entry.words), entry.name))
        if not all(smallest.words <= entry.words for entry in found):
            return None
        return self.org_named(smallest.name, offset)

    def org_named(self, name: str, offset: int) -> str:
        """The fullest organisation name holding every word of `name` that the article used
        before `offset` ("Foreign Ministry" -> "Ruritanian Foreign Ministry"), else `name`. An
        acronym names one organisation already ("UKIP" is not "London UKIP", its branch)."""
        if " " not in name and len(name) > 1 and name.isupper():
            return name
        words = {fold(w) for w in name.split()}
        # a one-word name the article gives an organisation of its own is that one, not one of its
        # products or parts named after it: "Google" is not "Google News", "Fiat" not "Fiat Auto"
        # (but a firm's whole name is the firm: "Merrill" of "Merrill Lynch", "Continental" of
        # "Continental Airlines")
        alone = " " not in name and name in self.orgs and self.orgs[name].entity_label == "ORG" \
            and fold(name) not in ORGANISATION_NOUNS
        # (nor, where the article names several things after it, any of them: "Microsoft" beside
        # "Microsoft Office" and "Microsoft Word")
        named_after = [p.name for p in self.orgs.values() if p.name.startswith(name + " ") and all(
            w[:1].isupper() or w[:1].isdigit() or w == "&" for w in p.name[len(name) + 1:].split())] if alone else []
        if alone and (len(named_after) > 1 or any(_names_a_product(n[len(name) + 1:]) for n in named_after)):
            return name
        # (not one that adds a place after it: "General Motors" is not "General Motors Europe")
        recent = [(p.last_before(offset + 1), len(p.name), p.name) for p in self.orgs.values()
                  if words <= p.words and len(p.words) > len(words) and p.last_before(offset + 1) is not None
                  and not (p.name.startswith(name + " ") and (p.name[len(name) + 1:] in self.places
                                                               or gazetteer.lookup(p.name[len(name) + 1:]) is not None))]
        return max(recent)[2] if recent else name

    def _member_of_described(self, mention: Span, offset: int, sentence: int | None) -> Participant | None:
        """The person a description by an organisation's noun and a role stands for: the one last
        written as an organisation's that the noun may name ("Oxfam's Barbara Stocking said ...
        the charity's director said"); None when there is none."""
        owner = next((t for t in mention if t.dep_ == "poss" and t.head.i == mention.root.i and t.pos_ == "NOUN"
                      and t.lemma_.lower() in ORGANISATION_NOUNS), None)
        if owner is None:
            return None
        noun = owner.lemma_.lower()
        bodies = [entry for entry in self.orgs.values() if entry.entity_label == "ORG"
                  and (noun in entry.descriptions or noun in GENERIC_ORGANISATION_NOUNS | DESCRIPTIVE_ORGANISATION_NOUNS)]
        members = [(entry.last_before(offset), entry.name) for entry in self.people.values()
                   if entry.last_before(offset) is not None
                   and any(entry.affiliations & ({fold(w) for w in body.name.split()} | {fold(body.name)}) for body in bodies)]
        return self.people[max(members)[1]] if members else None

    def _own_reporter(self, offset: int, noun: str) -> Participant | None:
        """"Our correspondent says": the reporter the article last named after a news
        organisation's possessive or with that noun in his title ("says the BBC's Louisa Lim in
        Beijing. ... our correspondent says", "said BBC labour affairs correspondent Stephen
        Cape"), not one it names later."""
        found = [(at, entry.name) for entry in self.people.values() for at, _, _ in entry.mentions
                 if at < offset and (self.text[max(0, at - 3):at] in ("'s ", "’s ") or noun in entry.descriptions)]
        return self.people[max(found)[1]] if found else None

    def _publications_before(self, offset: int) -> list[tuple[int, Participant]]:
        """The mentions of newspapers and magazines before `offset`, outside quotation marks: an
        organisation with a publication's name word in its name ("the local Arab News said", "The
        Telegraph was sued"), or a title's abbreviation or one word the tagger left untagged
        ("According to the FT", "The Observer reported")."""
        found = [(at, entry) for entry in self.orgs.values() if entry.label == "ORG"
                 and any(w in PUBLICATION_NAME_WORDS for w in entry.name.split())
                 and fold(entry.name.split()[-1]) not in ORGANISATION_NOUNS  # (not "the Post Office")
                 for at, _, _ in entry.mentions if at < offset and not self.quoted_at(at)]
        found += [(m.start(), Participant(m.group(), "ORG", entity_label="ORG"))
                  for m in _ABBREVIATION.finditer(self.text, 0, offset)
                  if m.group() in PUBLICATION_NAME_WORDS and not self.quoted_at(m.start())]
        # (the paper named in full before: "the Daily Telegraph ... The Telegraph was sued")
        papers = [entry for _, entry in found]
        found += [(m.start(1), self.orgs.get(m.group(1)) or next((p for p in papers if p.name.endswith(" " + m.group(1))), None)
                   or Participant(m.group(1), "ORG", entity_label="ORG"))
                  for m in _NEWSPAPER_SHORT_NAME.finditer(self.text, 0, offset)
                  if not self.quoted_at(m.start())]
        return sorted(found, key=lambda f: f[0])

    def _publication_before(self, offset: int) -> tuple[int, Participant] | None:
        """The newspaper or magazine named last before `offset`, and where."""
        found = self._publications_before(offset)
        return found[-1] if found else None

    def publications_together(self, offset: int) -> list[str] | None:
        """The two newspapers "the papers" or "both newspapers" at `offset` stand for: the last two
        named before it, when named in one sentence ("reports in the Sunday Times and Sunday
        Telegraph"), in the order written; None otherwise."""
        latest: dict[str, int] = {}
        for at, entry in self._publications_before(offset):
            latest[entry.name] = at
        last = sorted(latest.items(), key=lambda item: item[1])[-2:]
        if len(last) < 2 or re.search(r"[.!?][\"'\u2019\u201d]?\s", self.text[last[0][1]:last[1][1]]):
            return None
        return [name for name, _ in last]

    def described(self, mention: Span, offset: int, sentence: int | None = None, horizon: int | None = None,
                  backward: bool = True, lead: bool = False) -> Participant | None:
        """The participant a description stands for; None when none fits.

        In turn: the most recent participant whose titles allow it ("the Ruritanian leader", "the
        head of state", "the top diplomat", "the ministry"); for a definite description of a
        person, the most recent person without a title; for an organisation noun ("the
        non-partisan charity"), the organisation named in the previous sentence (its own sentence holds
        what it said, not who it is)
        (`sentence`: the description's); last, read forward, the first participant the article
        introduces after it, before `horizon` (an article offset), as the subject of its
        sentence: news opens with "..., a Labour backbencher has said." and names him in the next
        paragraph ("Derek Wyatt said ..."). `backward=False` reads forward only. A title held for
        someone else ("the spokesman", "an adviser") reads forward only from the lead (`lead`):
        "..., according to his former chief economic adviser.\n\n..., Ed Balls hinted".
        """
        head = mention.root
        if mention[0].lower_ == "our" and head.lemma_.lower() in OWN_REPORTERS:
            reporter = self._own_reporter(offset, head.lemma_.lower())
            if reporter is not None:
                return reporter
        # (the head itself may be a possessive: "the company" of "the company's statement")
        words = [t for t in mention if (t.i == head.i or t.dep_ not in ("det", "poss", "case")) and not t.is_punct]
        if not words:
            return None
        folded = [fold(t.text).rstrip(".") for t in words]
        lemmas = [fold(t.lemma_) if t.i == head.i else f for t, f in zip(words, folded)]
        at = [t.i for t in words].index(head.i) if head in words else len(words) - 1
        # every run of words through the head, longest first: "top diplomat", "diplomat", "head of state"
        phrases = sorted({" ".join(run[i:j]) for run in (folded, lemmas)
                          for i in range(at + 1) for j in range(at + 1, len(run) + 1)}, key=lambda p: (-len(p), p))
        gender = next((GENDERED_WORDS[t.lower_] for t in words if t.lower_ in GENDERED_WORDS), None)
        nation = [fold(t.text) for t in words if t.i != head.i and is_nationality(t)]
        titles = [f for t, f in zip(words, folded) if t.i != head.i and (f in TITLE_MODIFIERS or f in CORE_TITLES)]
        # a name in the description ("The Spectator editor") is no title an untitled person was given
        # (a party is no name here: "the Liberal Democrat leader" is the party's leader, named or not)
        named_in = any(t.i != head.i and t.pos_ == "PROPN" and not is_nationality(t) and not is_title_word(t.text)
                       and fold(t.text) not in PARTY_WORDS for t in words)
        pool = self.orgs if head.lemma_.lower() in ORGANISATION_NOUNS and head.lemma_.lower() not in {"head", "chief"} \
            else self.people
        def fits(entry: Participant) -> bool:
            if not any(p in entry.descriptions for p in phrases):
                return False
            # "the chancellor" is not the shadow chancellor
            if any(w in entry.words and w not in folded for w in RESTRICTING_MODIFIERS) and not any(
                    role_descriptions(role.split()) & set(phrases) for role in entry.roles
                    if not {fold(w) for w in role.split()} & RESTRICTING_MODIFIERS - set(folded)):
                return False
            return agrees(entry)

        def agrees(entry: Participant, untitled: bool = False) -> bool:
            if gender and entry.gender and gender != entry.gender:
                return False
            if nation and entry.nationals and not all(same_nation(n, entry.nationals) for n in nation):
                return False
            # "the deputy minister" is not the minister (a person given no title contradicts none)
            return untitled or not any(t not in entry.words and t not in " ".join(entry.descriptions).split() for t in titles)

        if pool is self.orgs and head.dep_ == "appos" and head.head.i < head.i:
            # set beside the organisation it describes: "Anglo-American, the international mining
            # company, which estimates ..."
            at = offset - mention.start_char + head.head.idx
            row = next((r for r in self.entities if r["start"] <= at < r["end"]), None)
            name = (row["entity"] if isinstance(row.get("entity"), str) else row["text"]) if row is not None else None
            if name in self.orgs:
                return self.orgs[self.org_named(name, offset)]
        if pool is self.people and backward:
            member = self._member_of_described(mention, offset, sentence)
            if member is not None:  # "Oxfam's Barbara Stocking said. ... the charity's director said"
                return member
        if head.lemma_.lower() == "board" and backward:
            # "The IPCL board met ... the board also considered": the organisation whose board it was
            boards = [(at, self.name_at(*inner, "ORG")) for at, inner in self.boards if at < offset]
            if boards and boards[-1][1] in self.orgs:
                return self.orgs[boards[-1][1]]
        best: tuple[int, str] | None = None
        # (what it said comes after it: "... helped Renault boost its profits, although the firm
        # warned of lower margins"; not "EU states fail ..., the watchdog said")
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
        said_after = verb is not None and verb.i > head.i and not any(
            c.dep_ in ("ccomp", "parataxis") and c.i < head.i for c in verb.children)
        # (nor an organisation whose thing what it says is about: "However, the company said AOL's
        # underlying profit rose 8%" is not AOL; but "The company points out that this will also
        # appeal to anyone using Opera" may be Opera)
        verb_at = offset - mention.start_char + verb.idx if verb is not None and said_after and pool is self.orgs else None
        spoken_of = {entry.name for entry in pool.values() if verb_at is not None
                     and any(said_in == sentence and at > verb_at and at in self.subject_owners for at, said_in, _ in entry.mentions)}
        for entry in pool.values() if backward else ():
            if entry.name in spoken_of:
                continue
            last = entry.last_before(offset, self.examples)  # (not "games such as Neverwinter Nights")
            if entry.generic and sentence is not None:
                # "the firm" for an organisation whose name holds no kind reads back to an earlier
                # sentence of the body: its own sentence holds what it said ("EU states fail ...,
                # the watchdog said"), a title only what the story is about
                last = max((at for at, said_in, _ in entry.mentions
                            if at < offset and (said_in < sentence or (said_in == sentence and said_after))
                            and said_in not in self.headings), default=None)
            if last is not None and fits(entry) and (best is None or last > best[0]):
                best = (last, entry.name)
        if best is not None and pool is self.orgs and sentence is not None:
            # of the organisations it fits, the previous sentence's subject first: "UPS said it
            # placed an order for Airbus jets. The US company said" is UPS
            subjects = [(at, entry.name) for entry in pool.values() if fits(entry) and entry.name not in spoken_of
                        for at, said_in, subject in entry.mentions
                        if subject and sentence - said_in == 1 and at < offset and not self.quoted_at(at)]
            if not subjects and not self.orgs[best[1]].generic and head.lemma_.lower() not in PUBLICATION_NOUNS \
                    and not any(0 <= sentence - said_in <= 1 for at, said_in, _ in self.orgs[best[1]].mentions if at < offset):
                # else one whose name says no kind, that subject, over one whose name holds the
                # noun, named before that sentence: "JP Morgan said that it was setting up a
                # scholarship programme ... The bank said" is JP Morgan, not the Canal Bank it
                # wrote about before, the only organisation that sentence names (not over one the
                # article called so itself: "the brewer" is Fosters; nor over one the sentence
                # names: "Delta's new SimpliFares were trialled ... The airline says" is Delta Air
                # Lines; nor "the paper")
                subjects = [(at, entry.name) for entry in pool.values() if entry.generic and entry.entity_label == "ORG"
                            and agrees(entry) and entry.name not in spoken_of for at, said_in, subject in entry.mentions
                            if subject and sentence - said_in == 1 and at < offset and not self.quoted_at(at)]
                named_before = {entry.name for entry in pool.values() for at, said_in, _ in entry.mentions
                                if sentence - said_in == 1 and not self.quoted_at(at)
                                and (entry.entity_label == "ORG" or self.text.startswith((f"{entry.name}'s", f"{entry.name}’s"), at))}
                subjects = subjects if len(named_before) == 1 else []
            best = max(subjects) if subjects else best
            if not subjects and head.lemma_.lower() in GENERIC_ORGANISATION_NOUNS and head.dep_ != "appos":
                # else the company the story is about (not for one set beside its name): the one
                # named most often so far outside quotation marks ("Lufthansa ... a Lufthansa
                # spokesman told the BBC. ... The company said" is Lufthansa, not the BBC named
                # last; not "Anglo-American, the international mining company, which")
                # (of those named since the previous paragraph began: "Meanwhile Eli Lilly is
                # launching ...\n\n... the company says" is Eli Lilly, after a paragraph on Wal-Mart)
                since = self.paragraph_starts[max(0, bisect.bisect_right(self.paragraph_starts, offset) - 2)]
                counts = [(sum(at < offset and not self.quoted_at(at) and at not in self.examples for at, _, _ in entry.mentions),
                           entry.last_before(offset, self.examples), entry.name) for entry in pool.values()
                          if _at_or_after(entry.last_before(offset, self.examples), since) and fits(entry) and entry.name not in spoken_of]
                if head.lemma_.lower() in ("firm", "company") and any(self.firm_shown(self.orgs[c[-1]]) for c in counts):
                    # a firm the article writes as one over a name it never writes as a firm nor as
                    # one that acts: "Shares in Multiplex Group, which is building the new Wembley
                    # stadium, ... The Australian firm said" (not "Rosneft bought ... But the company
                    # has said", nor "Lycos Europe's ... campaign")
                    counts = [c for c in counts if self.firm_shown(self.orgs[c[-1]]) or self.acts(self.orgs[c[-1]], offset, sentence)]
                best = max(counts)[1:] if counts else best
        definite = mention[0].lower_ == "the" or (mention.start > 0 and mention.doc[mention.start - 1].lower_ == "the")
        if best is None and pool is self.orgs and definite:
            # "Revenues at media group Reuters slipped 11%, the group said": an organisation its
            # own sentence names with the same kind noun ("group Reuters", "Reuters, the group,")
            beside = self._kind_named_beside(mention, offset)
            if beside is not None:
                return beside
        # "the firm", "the charity", not "the government"
        generic = head.lemma_.lower() in GENERIC_ORGANISATION_NOUNS | DESCRIPTIVE_ORGANISATION_NOUNS
        if best is None and backward and pool is self.orgs and generic and sentence is not None:
            # its subject first ("Sina said that the purchase by Shanda ... The board said": Sina)
            # (else, for "the ..." as a subject, the sentence before that: "Read said all the funds
            # would go to the DEC. "...," he added. The charity welcomed the news"; not "told by
            # the board", "Santander's board")
            reach = 2 if mention[0].lower_ == "the" and head.dep_ in ("nsubj", "nsubjpass") else 1
            # (there, one the article named before too: not "... embracing Movielink and CinemaNow.
            # "...," he added. The industry body also said")
            named = [(-(sentence - said_in), subject, at, entry.name) for entry in pool.values() if entry.entity_label == "ORG"
                     for at, said_in, subject in entry.mentions
                     if 1 <= sentence - said_in <= reach and said_in not in self.headings and not self.quoted_at(at)
                     and at not in self.audiences and (sentence - said_in == 1 or entry.mentions[0][0] < at)]
            best = max(named)[2:] if named else None
            if best is None:
                # else the one whose thing is its own sentence's subject: "Nintendo's new handheld
                # console, the DS, will launch in Europe on 11 March, the company has announced"
                owners = [(at, entry.name) for entry in pool.values() if entry.entity_label == "ORG"
                          for at, said_in, _ in entry.mentions if said_in == sentence and at < offset and at in self.subject_owners]
                best = max(owners) if owners else None
            if best is None and mention[0].lower_ == "the" and head.dep_ in ("nsubj", "nsubjpass") \
                    and all(t.i == head.i or t.i == mention.start or t.lower_ in _UNSPECIFIC_KIND_WORDS for t in mention):
                # else the organisation the story is about, named more often than any other so far
                # outside quotation marks: "... the MPAA said ... Mr Glickman added ... The industry
                # body also said" (in sentences before its own, not headlines: not the lead's "EU
                # member states are failing ..., the UK's public spending watchdog has said"; a kind
                # that says which: not "The security firm says" in a story about Apple)
                counts = sorted(((sum(said_in < sentence and said_in not in self.headings and not self.quoted_at(at)
                                      for at, said_in, _ in entry.mentions), entry.name)
                                 for entry in pool.values() if entry.entity_label == "ORG"), reverse=True)
                if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[1][0] < counts[0][0]):
                    best = (0, counts[0][1])
        ranked = any(t.i != head.i and (t.tag_ == "JJS" or t.lower_ in _RANKING_WORDS or t.lower_.endswith(("-largest", "-biggest")))
                     for t in words)
        if best is None and backward and pool is self.orgs and ranked and sentence is not None:
            # "Europe's biggest drugmaker", "South Korea's top car maker": ranked among its kind, the
            # organisation the story is about, the one named most often since the previous paragraph began
            since = self.paragraph_starts[max(0, bisect.bisect_right(self.paragraph_starts, offset) - 2)]
            counts = [(sum(at < offset and not self.quoted_at(at) and at not in self.examples for at, _, _ in entry.mentions),
                       entry.last_before(offset, self.examples), entry.name) for entry in pool.values()
                      if entry.entity_label == "ORG" and _at_or_after(entry.last_before(offset, self.examples), since)]
            best = max(counts)[1:] if counts else None
        if best is None and backward and pool is self.people and head.tag_ in ("NN", "NNP") and definite \
                and fold(head.text) not in SPOKESPEOPLE:
            # "The MEP said" after "Robert Kilroy-Silk has quit ...": a definite description
            # the article never spelled out as a title refers to the most recent person without one;
            # one naming an organisation ("The Scottish National Party's parliamentary leader"),
            # to one the article wrote as its own ("The SNP's Nicola Sturgeon")
            keys = _name_keys(mention[:[t.i for t in mention].index(head.i)]) if named_in else set()
            # (most often named first, then most often as a subject, then the latest: "Gordon Brown
            # has criticised ... between Mr Brown and Mr Blair. But the chancellor said")
            talked_of = self._speakers_about(without_determiner(mention), offset)
            known = [(sum(at < offset for at, _, _ in entry.mentions),
                      sum(subject for at, _, subject in entry.mentions if at < offset), entry.last_before(offset), entry.name)
                     for entry in pool.values() if entry.last_before(offset) is not None
                     and not (gender and entry.gender and gender != entry.gender)
                     # (nor one who spoke of someone so called: "Vince Cable said the chancellor had
                     # failed ... Mr Cable said ... The chancellor meanwhile insisted" is not Cable)
                     and entry.name not in talked_of
                     # (nor one its own sentence names after it: "But the chancellor said Mr Baume
                     # was never at meetings" is not Mr Baume)
                     and not any(at >= offset + len(mention.text) and said_in == sentence and self.text[at:at + 1].isupper()
                                 for at, said_in, _ in entry.mentions)]
            # (nor one the lead described as something else: `Speakers`, "London's most senior
            # police officer")
            # (nor a one-word "name" with a digit, the tagger's: "G8")
            untitled = [c for c in known if not self.people[c[-1]].roles
                        and (not named_in or keys & self.people[c[-1]].affiliations)
                        and not (" " not in c[-1] and any(ch.isdigit() for ch in c[-1]))
                        and not (self.people[c[-1]].descriptions and not any(p in self.people[c[-1]].descriptions for p in phrases))]
            # the previous sentence's subject first: "Liverpool legend Phil Thompson has pleaded with
            # Steve Gerrard ... The ex-Reds assistant boss also warned" is Phil Thompson; so is one
            # of no organisation for a description naming one: "Mr Johnson ... said Mr Blair should
            # butt out. "...," The Spectator editor told"
            reached = untitled or [c for c in known if named_in and not self.people[c[-1]].affiliations]
            subjects = [(at, name) for *_, name in reached for at, said_in, subject in self.people[name].mentions
                        if subject and sentence is not None and sentence - said_in == 1 and at < offset
                        and not self.quoted_at(at)]
            best = max(subjects) if subjects else max(untitled)[2:] if untitled else None
        if backward and head.lemma_.lower() in PUBLICATION_NOUNS and (best is None or pool is self.orgs):
            # "According to the FT, ... The newspaper said"; the paper named last, also one the
            # tagger left untagged ("... the FT reported. According to the Observer, ... The paper said")
            paper = self._publication_before(offset)
            # (over a paper that fits, only one cited as a paper, or untagged: not "the FT" for the
            # Financial Times named before it, nor a firm with a paper's word in its name, "Kelby
            # Mail, the postal operator")
            if paper is not None and (best is None or (
                    paper[0] > best[0] and not _initials_of(paper[1].name, best[1])
                    and (PUBLICATION_NOUNS & paper[1].descriptions or paper[1].name not in self.orgs))):
                return paper[1]
        if best is None and horizon is not None and (lead or fold(head.text) not in SPOKESPEOPLE):
            # read forward: the first participant introduced after the description as a sentence
            # subject, whose titles allow it (one without a title, or a named organisation, may
            # be called anything)
            # (nor one whose title shares a name with the description: "a senior EU politician"
            # for "Javier Solana, EU foreign policy chief"; nor any title for "a senior government figure")
            shared = {fold(t.text) for t in words if t.i != head.i and t.text[:1].isupper()}
            general = head.lemma_.lower() in GENERAL_PERSON_NOUNS
            # (nor one its own sentence names after it as someone else: "The Conservatives' campaign
            # director has denied ... claiming he warned Michael Howard ..." is not the "Mr Howard" after)
            # (one named right after it is what it describes: "Munich-based research institute Ifo said")
            others = {fold(e.name.split()[-1]) for e in pool.values()
                      for at, said_in, _ in e.mentions if said_in == sentence and at > offset + len(mention.text) + 2} \
                if sentence is not None else set()
            def accept(e: Participant) -> bool:
                return fold(e.name.split()[-1]) not in others and (fits(e) or (
                    agrees(e, untitled=True) and (not e.roles or general or bool(shared & e.words))
                    if pool is self.people else generic and e.entity_label == "ORG"))
            entry = self.introduced_after(pool, offset, horizon, accept)
            if entry is None and lead and pool is self.orgs and definite:
                # (an organisation the lead describes by a kind its name carries, named next in any
                # part of a sentence: "..., the UK's financial watchdog has announced.\n\nEighteen
                # investment firms ... agreed the compensation package with the Financial Services
                # Authority (FSA)")
                entry = self.introduced_after(pool, offset, horizon, lambda e: e.entity_label == "ORG" and any(
                    p in e.descriptions for p in phrases) and not e.generic, any_part=True)
            if entry is None and lead and pool is self.people and definite:
                # (a definite one, the story's person, also named first inside another's words:
                # "The Conservatives' campaign director has denied a report ...\n\nThe Times on
                # Monday said Australian Lynton Crosby told ... But Mr Crosby said")
                entry = self.introduced_after(pool, offset, horizon, accept, subject_later=True)
            best = (0, entry.name) if entry is not None else None
        if best is None:
            return None
        if pool is self.orgs:  # "the court" -> "European Court of Justice", not a shorter "European Court"
            return self.orgs[self.org_named(best[1], offset)]
        return self.people[best[1]]


# the written forms of reporting verbs, for text read without a parse ("said", "argued", "claims")
_REPORTING_FORMS = frozenset({"said", "told", "thought", "wrote", "spoke"}) | frozenset(
    form for lemma in REPORTING_VERBS if " " not in lemma
    for form in (lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma[:-1] + "ied", lemma[:-1] + "ies"))


def _listed(token: Token) -> bool:
    """Whether a name heads a list of people joined by "and": "Ben Hudell, Joe Keenan and Sam Tillen"."""
    return any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in token.children) \
        and any(c.dep_ == "cc" for t in (token, *token.conjuncts) for c in t.children)


def _whole_name(name: str) -> bool:
    """Whether an organisation's name stands whole on its own: an acronym ("IMF") or one closed by
    its kind ("World Bank"); not "World Travel" of "World Travel and Tourism Council"."""
    words = name.split()
    return name.isupper() or (len(words) > 1 and fold(words[-1]) in ORGANISATION_NOUNS)


def _names_a_product(words: str) -> bool:
    """Whether the words after a firm's one-word name make the name of one of its products or
    parts ("News", "TV", "Developer Connection", "8.0"), not the firm's whole name ("Lynch",
    "Airlines", "Microsystems")."""
    last = fold(words.split()[-1])
    return any(c.isdigit() for c in words) or last in PRODUCT_WORDS or last in ORGANISATION_PARTS


def _at_or_after(at: int | None, since: int) -> bool:
    """Whether a mention's offset, None for none, is at or after `since` (a title's, at 0, counts)."""
    return at is not None and at >= since


def _initials_of(short: str, name: str) -> bool:
    """Whether `short` is written in the initials of `name`'s capitalised words ("FT", "Financial
    Times"; "CIPS", "Chartered Institute of Purchasing and Supply": connectors are lowercase)."""
    return short.isupper() and short == "".join(w[0] for w in name.split() if w[:1].isupper())


def _town_with_the(row: dict, text: str, span: Span) -> bool:
    """Whether a place-tagged name is written with "the" though towns never are: "the Halifax has
    said" is the bank named after the town ("the London mayor" is London's mayor)."""
    if row["label"] != "GPE" or text[max(0, row["start"] - 4):row["start"]].lower() != "the " \
            or span.root.dep_ in ("compound", "amod", "nmod"):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.is_lower and after.pos_ not in ("VERB", "AUX"):
        return False  # "the Buenos Aires underground" (parsed as an adverb): the town's, not a bank
    place = gazetteer.lookup(row["text"])
    return place is not None and place.kind == "city"


def _untagged_with_kind(kind: Token) -> Span | None:
    """The untagged name a kind of organisation is set beside ("Metrovias, the private firm"):
    proper nouns, capitalised, of no entity and no person's name; None when there is none."""
    name = kind.head
    if kind.dep_ != "appos" or not kind.is_lower or kind.lemma_.lower() not in ORGANISATION_NOUNS or is_role_noun(kind) \
            or name.pos_ != "PROPN" or name.ent_type_ or not name.text[:1].isupper() or name.i > kind.i \
            or kind.left_edge.i != name.i + 2 or name.doc[name.i + 1].text != ",":
        return None
    first = name.i
    while first > 0 and name.doc[first - 1].dep_ == "compound" and name.doc[first - 1].pos_ == "PROPN" \
            and name.doc[first - 1].head.i == name.i and not name.doc[first - 1].ent_type_:
        first -= 1
    words = name.doc[first:name.i + 1]
    if looks_like_person(words.text) or is_title_word(words[0].text) or gazetteer.lookup(words.text) is not None:
        return None
    return words




def _owner_before(mention: Span) -> Span | None:
    """The organisation written as owning a person's name right before it: "SNP" of "The SNP's
    Nicola Sturgeon"; None when there is none."""
    doc = mention.doc
    if mention.start < 2 or doc[mention.start - 1].tag_ != "POS":
        return None
    owner = doc[mention.start - 2]
    ent = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
    # (whatever place label the tagger gave an organisation there: "Oxfam's Barbara Stocking")
    return ent if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "LOC") else None


def _name_keys(words: Span) -> set[str]:
    """Folded capitalized words of a span and the acronym of their run: "Scottish National
    Party" -> {"scottish", "national", "party", "snp"}; "SNP" -> {"snp"}."""
    named = [t for t in words if t.text[:1].isupper() and t.lower_ != "the" and not t.is_punct]
    keys = {fold(t.text) for t in named}
    if len(named) > 1:
        keys.add("".join(fold(t.text)[0] for t in named))
    return keys


def _kind_before(ent: Span) -> str | None:
    """The kind noun written right before an organisation's name ("media group Reuters": "group")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    return before.lemma_.lower() if before is not None and before.pos_ == "NOUN" else None


def _cited_publication(words: list[str], mention: Span) -> bool:
    """Whether an organisation is a newspaper or magazine the article cites: a publication's name
    word in its name, and this mention the subject of a reporting verb, after "according to" or
    told something ("the FTD reported", "according to the FT", "told the Wall Street Journal"), so
    that "Royal Mail said" or "the Post Office" named in passing stays a firm (a firm may say, but
    seldom reports)."""
    if not any(w in PUBLICATION_NAME_WORDS for w in words):
        return False
    root = mention.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in REPORTING_VERBS:
        return head.lemma_.lower() in ("report", "write", "reveal")
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    if root.dep_ in ("compound", "poss") and head.lemma_.lower() in _PUBLISHED_NOUNS:
        return True  # "the Sunday Telegraph report added", "The Guardian's investigation"
    return root.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell"


def names_publication(token: Token) -> bool:
    """Whether a token is a word of a newspaper's or magazine's name: "the Sunday Telegraph" ("a
    report in the Sunday Telegraph" is the paper's)."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:  # (untagged: "the Sunday Telegraph" as the last of its proper nouns)
        return token.pos_ == "PROPN" and token.text in PUBLICATION_NAME_WORDS
    return ent.label_ in ("ORG", "WORK_OF_ART") and any(t.text in PUBLICATION_NAME_WORDS for t in ent)


def untagged_publication(mention: Span) -> bool:
    """Whether a mention the tagger left (partly) untagged is a newspaper or magazine cited by
    its name: "according to the Hollywood Reporter", "the Boston Globe reported" ("the" and
    capitalised words ending in a publication's name word)."""
    words = [t for t in mention if not t.is_punct]
    if len(words) < 3 or words[0].lower_ != "the" or words[-1].i != mention.root.i \
            or not all(t.text[:1].isupper() for t in words[1:]) or any(t.ent_type_ == "PERSON" for t in words):
        return False
    return words[-1].text in PUBLICATION_NAME_WORDS and _cited_publication([t.text for t in words], mention)


def _bare(entry: Participant) -> bool:
    """A person known by one word and no gender: perhaps a firm the tagger called a person."""
    return " " not in entry.name and entry.gender is None


def _firms_tagged_people(rows: list[dict], text: str) -> frozenset[str]:
    """PERSON names of one word, or opening with no first name, that the article writes where
    organisations stand ("shares in Jarvis", "Jarvis, which", "Manchester United's board") in at
    least a third of their mentions: firms the tagger took for people (the rule of the corpus-wide
    labels, on one article)."""
    mentions: dict[str, list[bool]] = {}
    for row in rows:
        name = row["entity"] if isinstance(row.get("entity"), str) else row["text"]
        # (or a longer name that opens with no first name: "Manchester United's board")
        if row["label"] == "PERSON" and (" " not in name or not is_known_first_name(fold(name.split()[0]))):
            mentions.setdefault(name, []).append(org_context(text, row["start"], row["end"]))
    return frozenset(name for name, found in mentions.items() if 3 * sum(found) >= len(found) and any(found))


def place_words(mention: Span, role: str | None) -> list[str]:
    """Nationality and place words in a person's title and just before the name: "Ruritanian"
    in "Ruritanian President Anton Weiss"."""
    doc = mention.doc
    words = [t.text for t in mention if t.ent_type_ in _PLACE_LABELS]
    if role:
        start = max(0, mention.start - len(role.split()) - 2)
        words += [t.text for t in doc[start:mention.start] if t.ent_type_ in _PLACE_LABELS and t.text in role]
    return words


def without_determiner(span: Span) -> str:
    """The span's words without its determiner: "the Russian defense ministry", "Both the
    Italian government" -> "Italian government"."""
    start = span.start
    if span[0].dep_ == "preconj" and len(span) > 1:
        start += 1
    tokens = [t for t in span if t.i >= start and not (t.i == start and t.dep_ in ("det", "poss"))]
    if tokens and span[0].dep_ == "poss" and tokens[0].dep_ == "case":
        tokens = tokens[1:]  # "Iran's parliament" -> "parliament", not "'s parliament"
    # nor a possessor before the name: "the UN's Food & Agriculture Organisation" (not one whose
    # name holds the "'s": "McDonald's Corporation")
    case = next((t for t in tokens if t.dep_ == "case" and t.i < span.root.i and t.head.ent_type_
                 and not any(e.start <= t.i < e.end for e in span.doc.ents)), None)
    if case is not None and case.i + 1 < span.end and span.doc[case.i + 1].text[:1].isupper():
        tokens = [t for t in tokens if t.i > case.i]  # (a name after it, not "Manchester United's board")
    return "".join(t.text_with_ws for t in tokens).strip()
