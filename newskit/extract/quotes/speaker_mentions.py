"""Speaker mentions: what the words at a cue say about who spoke, read from the parse alone —
several people joined ("Fisk and Brand"), a royal title, a name set beside a description ("The
chief inspector of schools, David Bell,"), a title with its holder inside ("Ambassador to Lima
Olga Marek"), a description with no name ("the Ruritanian leader", "the 20-year-old"). The
article's participants are not consulted here (participants.py, speakers.py)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.entities import gazetteer
from newskit.extract.names import (HONORIFICS, PARTY_WORDS, PEERAGE_TITLES, fold, is_demonym, is_known_first_name, is_one_of_a_people,
                                   is_person_description, is_plural, is_role_noun, is_title_word)
from newskit.extract.entities.rules import COMPANY_WORDS
from newskit.extract.quotes.cues import mention as mention_of
from newskit.extract.quotes.cues import name_run
from newskit.extract.quotes.participants import (COMMITTEE_KIND_WORDS, COMMITTEE_MEMBERS, COMMITTEE_NOUNS, ORG_LABELS, PLACE_BODIES,
                                                 ORGANISATION_NOUNS, looks_like_person)

# Nouns that name someone by a tie to another person ("His mother Katherine Jackson told")
RELATION_NOUNS = lexicon.words("names/relation_nouns")
MODIFIED_PERSON_NOUNS = lexicon.words("names/modified_person_nouns")
# Personal pronouns a speaker may be written as -> the gender they agree with ("she" -> "female").
SPEAKER_PRONOUNS: dict[str, str] = lexicon.table("quotes/speaker_pronouns")


def joint_members(mention: Span) -> list[Span]:
    """The mentions of a joint speaker: "Mayor Lena Fisk and Governor Tomas Brand" -> both names;
    one mention otherwise. Only names join (a conjunct that is a name or a titled name)."""
    doc = mention.doc
    # one entity spanning "Fisk and Brand" (or "The Ospreys and Scarlets")
    words = [t for t in mention if t.lower_ in ("and", "&")]
    if len(words) == 1:
        cut = words[0].i
        first = mention.start + (mention[0].lower_ == "the")
        left, right = doc[first:cut], doc[cut + 1:mention.end]
        # (not one firm whose name ends in its trade: "Ironhorse Oil and Gas")
        if len(left) and len(right) and all(t.pos_ == "PROPN" for t in (*left, *right)) \
                and not (_trade(right) and "ORG" in (mention.label_, mention.root.ent_type_)):
            return [left, right]
    head = mention.root
    # "Both the IMF and World Bank have urged": the first name parsed as a modifier of the second,
    # the "and" hanging from it
    before = next((c for c in head.children if c.dep_ in ("nmod", "compound") and c.i < mention.start
                   and c.ent_type_ and c.ent_type_ == head.ent_type_ and c.ent_type_ in ("ORG", "PERSON")
                   and any(g.dep_ == "cc" and g.lower_ in ("and", "&") and g.i > c.i for g in c.children)), None)
    if before is not None:
        return [mention_of(before), mention]
    # "JP Morgan chief executive William Harrison and chief operating officer James Dimon said",
    # the first name parsed into the quote before it: a name, "and", titles, the speaker's name
    if head.ent_type_ == "PERSON" and mention.label_ == "PERSON":
        k = mention.start - 1
        while k > 0 and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
            k -= 1
        other = next((e for e in doc.ents if e.end == k and e.label_ == "PERSON"), None) \
            if k < mention.start - 1 and doc[k].lower_ == "and" else None
        if other is not None and other.root.dep_ not in ("conj", "appos"):
            return [other, mention]
    conjuncts = [c for c in head.conjuncts if c.i >= mention.end]
    # (the "and" hangs from the head or, in a list, from the conjunct before the last: "The CML,
    # British Bankers Association (BBA) and Building Societies Association all said"; such a list
    # names one kind of speaker, not "Culture, Media and Sport Secretary Tessa Jowell")
    in_head = any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in head.children)
    if in_head and len(conjuncts) == 1 and _trade(mention_of(conjuncts[0])) and mention.root.pos_ == "PROPN":
        return [doc[mention.start:conjuncts[0].i + 1]]  # "Ironhorse Oil and Gas has denied": one firm
    if conjuncts and (in_head or any(t.dep_ == "cc" and t.lower_ in ("and", "&") for c in conjuncts for t in c.children)):
        members = [mention] + [mention_of(c) for c in conjuncts]
        # (not one organisation described twice: "German football club and former European
        # champion Borussia Dortmund", a kind with no determiner before the name)
        # (the first may be a described person the names after it join: "The prime minister and
        # his campaign boss Alan Milburn have insisted")
        described_first = mention[0].lower_ == "the" and mention.root.tag_ == "NN" and is_role_noun(mention.root)
        if (names_someone(mention) or described_first) and all(names_someone(m) for m in members[1:]) \
                and not any(_bare_kind(m) for m in members) \
                and (in_head or len({m.root.ent_type_ for m in members}) == 1):
            return members
    return [mention]


def _trade(span: Span) -> bool:
    """One capitalised word of a firm's trade, the end of a firm's name after "and": "Gas" of
    "Ironhorse Oil and Gas" (one firm, not two speakers)."""
    return len(span) == 1 and span[0].is_title and span[0].lower_ in COMPANY_WORDS


def _bare_kind(span: Span) -> bool:
    """A singular common noun with no determiner or owner: "German football club"."""
    root = span.root
    return root.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in root.children)


def names_someone(span: Span) -> bool:
    """Whether a conjunct names a speaker: a name, a royal, or an organisation written by its kind
    and a name or place ("Both the Italian government and Alitalia")."""
    return span.label_ in ("PERSON", "ORG") or span.root.ent_type_ in ("PERSON", "ORG") or \
        (span.root.pos_ == "PROPN" and not is_title_word(span.root.text)) or royal_name(span) is not None or \
        (span.root.lemma_.lower() in ORGANISATION_NOUNS and not is_plural(span.root)
         and any(t.text[:1].isupper() and t.dep_ not in ("det", "preconj") for t in span if t.i != span.root.i))


def royal_name(span: Span) -> str | None:
    """A royal's or peer's title standing as the name: "the Queen", "Duke of Edinburgh"; None
    for anything else ("the prince" in lowercase is a description)."""
    words = [t for t in span if t.dep_ not in ("det", "poss") and not t.is_punct]
    if not words or not words[0].text[:1].isupper() or words[0].lower_ not in PEERAGE_TITLES:
        return None
    doc = span.doc
    if len(words) == 1 and span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].pos_ == "PROPN":
        words.extend(doc[span.end:span.end + 2])  # the parse left "of Edinburgh" out of "Duke"
    if len(words) == 1 or (len(words) == 3 and words[1].lower_ == "of" and words[2].text[:1].isupper()):
        return " ".join(t.text for t in words)
    return None


def role_after_organisation(mention: Span) -> Span | None:
    """The whole mention when the parse made an organisation the subject and hung the role after
    it below the name: "A Department for Constitutional Affairs spokeswoman" ("spokeswoman" the
    object of "for"); None otherwise, and when a name follows the role ("... spokeswoman Ann Lee")."""
    doc = mention.doc
    if mention.label_ not in ORG_LABELS or mention.end >= len(doc):
        return None
    role = doc[mention.end]
    if not (role.is_lower and role.pos_ == "NOUN" and is_role_noun(role) and not is_plural(role)) \
            or not mention.root.left_edge.i <= role.i <= mention.root.right_edge.i \
            or (role.i + 1 < len(doc) and doc[role.i + 1].pos_ == "PROPN"):
        return None
    start = mention.root.left_edge.i
    return doc[start:role.i + 1]


def held_at(head: Token) -> list[Token]:
    """What a role is held at: the objects of "of", "at", "for", "with" under its head ("the
    chief executive of a car maker", "A spokesman for DLF Builders")."""
    return [obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for", "with")
            for obj in prep.children if obj.dep_ == "pobj"]


def credited_author(head: Token) -> Token | None:
    """The person a work speaking is credited to, "by" them right after it or after its title
    set beside it: "Brown's Britain, by Robert Peston, says", "A new book, Brown's Britain by
    Sunday Telegraph journalist Robert Peston, says" (Peston); None when there is none."""
    for work in (head, *(c for c in head.children if c.dep_ == "appos")):
        for by in work.children:
            if by.dep_ == "prep" and by.lower_ == "by":
                author = next((g for g in by.children if g.dep_ == "pobj" and g.ent_type_ == "PERSON"), None)
                if author is not None:
                    return author
    return None


def of_someone_unnamed(head: Token) -> bool:
    """Whether a role is held at something indefinite: "the chief executive of a leading European
    car maker", "a spokesman for an oil firm" (whoever holds it, the article does not name)."""
    return any(any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in obj.children) for obj in held_at(head))


def several_people(token: Token) -> bool:
    """A plural role noun: "MPs", "officials" (tagged ORG or not), several unnamed people."""
    return is_plural(token) and is_role_noun(token)


def speaks_for_committee(mention: Span) -> bool:
    """Whether a mention is a committee's members or a committee it does not name: "MPs", "the
    MPs", "a committee of MPs and peers", "an all-party committee", "the committee"."""
    head = mention.root
    own = [t.lower_ for t in mention if t.i != head.i and not t.is_punct and t.dep_ not in ("det", "poss")]
    if head.lower_ in COMMITTEE_MEMBERS and is_plural(head):
        return not own  # not "Labour MPs", "six MPs"
    return head.lemma_.lower() in COMMITTEE_NOUNS and not is_plural(head) and all(
        w in COMMITTEE_KIND_WORDS or w in COMMITTEE_MEMBERS or w in ("of", "and") for w in own)


def describes_a_person(mention: Span) -> bool:
    """Whether a definite mention describes a person by an age, a noun of what they do or a
    people's name, naming no one: "the 20-year-old", "the 28-year-old midfielder", "The world
    indoor champion", "The DJ", "the Scot", "the Kenyan" (not "his mother", "a singer", "the
    Everton midfielder Tim Cahill", nor "the French", a whole people)."""
    doc, head = mention.doc, mention.root
    # (the words before an entity that is only the noun: "The 55-year-old" + "Frenchman", tagged ORG)
    mention = doc[min(mention.start, head.left_edge.i):mention.end]
    definite = mention[0].lower_ == "the" or (mention.start > 0 and doc[mention.start - 1].lower_ == "the")
    # (a team's or country's is as definite: "England's World Cup-winning fly-half said")
    owned = any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "NORP") and c.i == mention.start
                for c in head.children)
    if not definite and not owned:
        return False
    # (tagged an adjective where it is the subject: "The Brazilian confirmed tempers had flared")
    one_of_a_people = (head.tag_ in ("NN", "NNP") or (head.tag_ == "JJ" and head.dep_ in ("nsubj", "nsubjpass"))) \
        and is_one_of_a_people(head.text)
    if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in mention) and not one_of_a_people:
        return False
    aged = any(t.lower_ == "year" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "old" and t.i > 0
               and doc[t.i - 1].text == "-" for t in mention)
    modified = head.lower_ in MODIFIED_PERSON_NOUNS and any(c.dep_ in ("amod", "compound", "nmod", "nummod") for c in head.lefts)
    # (an age makes one of a whole people one person: "the 24-year-old Swiss added")
    return (aged and (head.tag_ in ("JJ", "NN") or (head.tag_ in ("NNP", "NNPS") and is_demonym(head.text)))) or one_of_a_people \
        or (head.tag_ in ("NN", "NNP") and (is_person_description(head) or modified))


def member_described(mention: Span) -> Span | None:
    """"the Sale full-back" when the parse made the club's name the subject and hung the noun
    below it: the whole description, a person's (the team or people it names is not who spoke);
    None otherwise."""
    doc = mention.doc
    if mention.label_ not in ORG_LABELS or mention.start == 0 or doc[mention.start - 1].lower_ != "the":
        return None
    root = mention.root
    for k in range(mention.end, min(len(doc), mention.end + 4)):
        token = doc[k]
        if not (token.is_alpha and token.is_lower) and token.text != "-":
            return None
        if not (root.left_edge.i <= k <= root.right_edge.i):
            return None
        if token.pos_ == "NOUN" and is_person_description(token) and (k + 1 == len(doc) or doc[k + 1].text != "-"):
            return doc[mention.start - 1:k + 1]
    return None


def is_description(mention: Span) -> bool:
    """Whether a mention only describes its referent: title words and nationality words around a
    role noun ("the Ruritanian President", "the head of state"), no name."""
    words = [t for t in mention if t.dep_ not in ("det", "poss") and not t.is_punct]
    if not words or not any(is_role_noun(t) for t in words):
        return False
    if len(words) == 2 and fold(words[0].text).rstrip(".") in HONORIFICS and words[1].text[:1].isupper():
        return False  # a surname that is also a title: "Mr King", "Mr Dean", "Ms Deans"
    # an office named after its department ("the Trade and Industry Secretary") describes too
    # (the "the" may stand before the mention: "The" + "Conservative Party Co-Chairman", tagged ORG;
    # not "the" + "Ostmark Executive", a body)
    definite = mention[0].lower_ == "the" or (mention.start > 0 and mention.doc[mention.start - 1].lower_ == "the"
                                              and words[-1].lower_ not in PLACE_BODIES)
    office = definite and is_role_noun(words[-1])
    # (and a department's own word, untagged: "the Indonesian Economics Minister")
    return all(is_title_word(t.text) or is_role_noun(t) or t.ent_type_ in ("NORP", "GPE") or t.pos_ in ("ADJ", "ADP", "NOUN")
               or t.lower_ in ("of", "state", "government")
               or (office and (t.pos_ == "CCONJ" or t.ent_type_ == "ORG" or (t.pos_ == "PROPN" and not t.ent_type_)))
               or t.lower_ in PARTY_WORDS  # "the Labour MP"
               for t in words)


def _entity_of(token: Token) -> Span | None:
    """The named entity holding a token, if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _person_set_off(token: Token, labels: tuple[str, ...] = ("PERSON",)) -> bool:
    """Whether a token is a person's name (or one of `labels`) the parser set in apposition after
    a comma: "The chief inspector of schools, David Bell, said"."""
    return token.dep_ == "appos" and token.ent_type_ in labels and token.doc[token.left_edge.i - 1].text == ","


def name_beside(mention: Span) -> Span | None:
    """The name a description stands right before or beside, when the parser left it out of the
    speaker mention: "James Hardie chairwoman" + "Meredith Hellicar", "Labour MP" + "Derek Wyatt",
    "A spokesman, Jorg Wojahn, said"."""
    doc = mention.doc
    if mention.label_ == "PERSON":
        return None
    if mention.root.lower_ == "one":
        # "said one of their lawyers, Michalis Dimitrakopoulos", "One of the organisers, Peter
        # Jones, said": the name set off by a comma after "one of ..."; an organisation's too:
        # "One of the jilted bidders, Netherlands-based group LNM, said"
        for token in mention.root.subtree:
            if _person_set_off(token, ("PERSON", "ORG")) and (token.head.i == mention.root.i
                                           or (token.head.dep_ == "pobj" and token.head.head.head.i == mention.root.i)):
                return _entity_of(token)
            if token.dep_ == "appos" and token.head.i == mention.root.i and token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "ORG") \
                    and doc[token.left_edge.i - 1].text == "," and any(
                        c.i < token.i and c.lemma_.lower() in ORGANISATION_NOUNS and c.is_lower for c in token.children):
                # (untagged or tagged a place or product, after the noun of its kind: "One of the
                # foreign bidders who lost out, steel giant LNM, told BBC News")
                named = name_run(token)
                return Span(doc, named.start, named.end, label="ORG")
    if not mention.label_ and mention[-1].lemma_.lower() in ORGANISATION_NOUNS and mention.end < len(doc):
        # "state statistics body INSEE", "the world's largest package delivery company, UPS, said"
        at = mention.end + 1 if doc[mention.end].text == "," else mention.end
        named = next((e for e in doc.ents if e.start == at and e.label_ == "ORG"), None)
        if named is not None and (at == mention.end or (named.end < len(doc) and doc[named.end].text == ",")):
            return named
    if mention.root.pos_ == "NOUN" and mention.root.tag_ == "NN":
        # "The chief inspector of schools, David Bell, said": a name in apposition, set off by commas
        for child in mention.root.children:
            if _person_set_off(child):
                return _entity_of(child)
            # "The head of the NHTCU, Acting Detective Chief Superintendent, Mick Deats, said": the
            # name set beside a title set beside the description
            if child.dep_ in ("appos", "conj") and doc[child.left_edge.i - 1].text == "," \
                    and (is_role_noun(child) or is_title_word(child.text)):
                named = next((g for g in child.children if _person_set_off(g)), None)
                if named is not None:
                    return _entity_of(named)
            # "according to the French news agency AFP": an organisation's name after its kind
            if child.dep_ == "appos" and child.ent_type_ == "ORG" and child.i > mention.root.i \
                    and mention.root.lemma_.lower() in ORGANISATION_NOUNS:
                return _entity_of(child)
            # "Net traffic monitor, OneStat.com, has reported": an organisation's name set off by commas
            named = _entity_of(child) \
                if child.dep_ == "appos" and child.ent_type_ == "ORG" and child.i > mention.root.i else None
            if named is not None and doc[named.start - 1].text == "," and named.end < len(doc) and doc[named.end].text == ",":
                return named
    if mention[-1].lower_ in RELATION_NOUNS and mention.end < len(doc):
        # "His mother Katherine Jackson told", "The actor's friend Budd Schulberg told"
        at = mention.end + 1 if doc[mention.end].text == "," else mention.end
        named = next((e for e in doc.ents if e.start == at and e.label_ == "PERSON"), None)
        if named is not None:
            return named
    if mention.label_ == "ORG" or (len(mention) == 1 and mention[0].ent_type_ == "ORG"):
        # "said Treasury Under Secretary John Taylor", the organisation parsed as the subject: the
        # name after its capitalised title
        for ent in doc.ents:
            title = doc[mention.end:ent.start]
            if ent.label_ == "PERSON" and 1 <= len(title) <= 4 and all(t.is_title and t.is_alpha for t in title) \
                    and is_title_word(title[-1].text):
                return ent
    if not (is_role_noun(mention[-1]) or is_title_word(mention[-1].text)):
        return None
    after = mention.end + 1 if mention.end < len(doc) and doc[mention.end].text == "," else mention.end
    before = mention.start - 1 if mention.start and doc[mention.start - 1].text == "," else None
    for ent in doc.ents:
        # "Labour MP Derek Wyatt", "its Paris lawyer, Emmanuel Gaillard", "Mr Prettejohn, Lloyd's chief executive, said"
        if ent.label_ == "PERSON" and (ent.start in (mention.end, after) or (before is not None and ent.end == before
                                                                              and set_off_together(ent, mention))):
            return ent
    for child in mention.root.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _entity_of(child)
        if child.dep_ == "appos" and child.pos_ == "PROPN" and not child.ent_type_ and doc[child.left_edge.i - 1].text == ",":
            run = name_run(child)  # "The Shadow Secretary of State for the Family, Theresa May, said" (May untagged)
            if len(run) >= 2 and all(t.is_alpha and t.text[:1].isupper() for t in run) \
                    and is_known_first_name(fold(run[0].text)):
                return run
    for obj in held_at(mention.root):
        # "A spokesman for DLF Builders, Dr Vancheshwar, told": the parser hung the name on the
        # organisation the role is for
        if obj.ent_type_ != "PERSON":
            for name in obj.children:
                if name.dep_ == "appos" and name.i > obj.i and doc[name.left_edge.i - 1].text == "," and name.pos_ == "PROPN":
                    run = _entity_of(name) if name.ent_type_ else name_run(name)
                    if run is not None and (run.label_ == "PERSON" or run[0].lower_.rstrip(".") in HONORIFICS
                                            or looks_like_person(run.text)):
                        return run
    # a name the tagger left untagged or mislabelled: "The Spectator editor Boris Johnson"
    for at in (mention.end, after, before - 1 if before else None):
        if at is not None and 0 <= at < len(doc) and doc[at].pos_ == "PROPN" and doc[at].ent_type_ not in ("GPE", "LOC", "NORP"):
            run = name_run(doc[at])
            if before is not None and at == before - 1 and not set_off_together(run, mention):
                continue
            if looks_like_person(run.text) or (len(run) > 1 and run[0].text[:1].isupper() and doc[at].ent_type_ in ("", "PERSON")):
                return run
    return None


def set_off_together(name: Span, role: Span) -> bool:
    """Whether a name right before ", <role>" is the role's holder: "Mr Prettejohn, Lloyd's chief
    executive, said" (the role in apposition, or both subjects of the verb), not an object of a
    clause before it ("Echoing ... Condoleezza Rice, the prime minister said")."""
    head, root = name.root, role.root
    return (root.dep_ == "appos" and name.start <= root.head.i < name.end) or head.head.i == root.i \
        or (head.dep_ in ("nsubj", "nsubjpass") and head.head.i == root.head.i)


def titled_person(mention: Span) -> tuple[Span, str] | None:
    """A title the parser made the head, with the name hung below it: "Ruritanian Ambassador to
    Lima Olga Marek" -> (the name "Olga Marek", the title "Ruritanian Ambassador to Lima")."""
    head = mention.root
    if not is_role_noun(head):
        return None
    doc = head.doc
    if head.text[:1].isupper() and not any(c.dep_ in ("det", "poss") for c in head.children) and head.dep_ == "nsubj":
        # "Minister for Children, Young People and Families Margaret Hodge said", parsed as a
        # list: the name that ends the subject, right before its verb
        verb = head.head
        last = next((e for e in doc.ents if e.label_ == "PERSON" and e.end == verb.i and head.i < e.start), None)
        if last is not None and len(last) > 1 and not any(t.is_punct and t.text != "," for t in doc[head.i:last.start]):
            return last, doc[title_start(head):last.start].text.rstrip(" ,")
    # a name with its title after it, the comma left out: "Dr Mark Tuffy games systems director
    # at digital content firm THX told", the title's lower-case words the head (a first name
    # opens it: not "The Lib Dem leader", "Lib Dem" tagged a person; nor "Tony Blair's official
    # spokesman", someone else)
    before = next((e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and mention.start <= e.start and e.end <= head.i
                   and all(t.is_lower and t.is_alpha for t in doc[e.end:head.i + 1])), None)
    if before is not None and head.is_lower and before.start <= mention.start + 1 and is_known_first_name(fold(before[0].text)) \
            and fold(before[0].text) not in PARTY_WORDS:
        return before, doc[before.end:head.i + 1].text
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            # "Chairman of the Environmental Audit Committee Peter Ainsworth": the name right
            # after the organisation the title names
            inside = [e for e in doc.ents if e.label_ == "PERSON" and prep.i + 1 < e.start and e.end <= prep.right_edge.i + 1
                      and doc[e.start - 1].text[:1].isupper() and doc[e.start - 1].ent_type_ != "PERSON"
                      and doc[e.start - 1].lower_.rstrip(".") not in HONORIFICS]  # not "a spokesman for Mr Prescott"
            if inside:
                return inside[-1], doc[title_start(head):inside[-1].start].text
            continue
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "at", "in"):
            continue
        for obj in prep.children:
            ent = next((e for e in doc.ents if e.start <= obj.i < e.end and e.label_ == "PERSON"), None)
            if ent is None:
                continue
            name_start = ent.start
            # the place the title names, glued into the name by the tagger: "Lima Olga Marek"
            while name_start < ent.end - 2 and is_place_word(doc[name_start]):
                name_start += 1
            if name_start == ent.start and ent.start == prep.i + 1:
                return None  # "envoy to Olga Marek": the name is someone else's
            return doc[name_start:ent.end], doc[title_start(head):name_start].text
    return None


def title_start(head: Token) -> int:
    """Where a title headed by `head` starts: its left edge after a determiner or possessive."""
    left = head.left_edge.i
    while left < head.i and head.doc[left].dep_ in ("det", "poss"):
        left += 1
    return left


def is_place_word(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC") or gazetteer.lookup(token.text) is not None
