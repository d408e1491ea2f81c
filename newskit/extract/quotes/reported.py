"""Reported speech: a reporting verb and what it reports, `according to X`, and `Speaker: claim`.

Notes:
    The content is the verb's complement as the parse gives it: a that-clause or bare clause
    (`said (that) ...`), a to-infinitive (`urged the city to ...`), a noun phrase that is itself
    the claim (`announced his resignation`, `called Trump a fraud`, `accused him of lying`) or a
    prepositional object (`called for a recount`, `talked about health care`). Speech reported
    inside a quote belongs to the quote.
"""
from __future__ import annotations

import re

import numpy
from spacy.symbols import AUX, LOWER, POS, VERB
from spacy.tokens import Doc, Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ParagraphDoc
from newskit.extract.names import AGENT_SUFFIXES, ROLE_NOUNS, is_first_name, is_person_description, is_role_noun, is_title_word
from newskit.extract.quotes.cues import Cue, inside, is_reporting, mention, speaker_of, trimmed, verb_cue
from newskit.extract.quotes.quotemarks import DOUBLE_MARKS, SINGLE_MARKS

# Reporting verbs whose noun-phrase object is what was reported: "announced his resignation".
OBJECT_REPORTING_VERBS = lexicon.words("quotes/object_reporting_verbs")
# Objects that make "claim" a taking: "claiming away draws", "claimed victory", "claimed 40 lives".
WON_NOUNS = lexicon.words("quotes/won_nouns")
# Prepositions whose object completes a claim after the verb's object: "accused him of lying".
CLAIM_PREPOSITIONS = lexicon.words("quotes/claim_prepositions")
# Reporting verb -> the prepositions whose object is what was reported: "called for a recount",
# "talked about health care", "warned of a crisis".
PREPOSITION_REPORTING: dict[str, tuple[str, ...]] = {
    verb: tuple(prepositions) for verb, prepositions in lexicon.table("quotes/preposition_reporting").items()}
ORGANISATION_NOUNS = lexicon.words("quotes/organisation_nouns")
UNNAMED_SOURCE_NOUNS = lexicon.words("quotes/unnamed_source_nouns")

_TIMES = ("DATE", "TIME")
# what a source asks for itself, no claim: "asked not to be named"
_ANONYMITY = re.compile(r"not to be (?:named|identified)\W*$")
# reporting verbs that are aspectual before an infinitive: "continued to rise" reports nothing
_ASPECTUAL = lexicon.words("quotes/aspectual_verbs")
# nouns that can make a claim: roles, organisations, unnamed sources, and what people publish
SPEAKING_NOUNS = ROLE_NOUNS | ORGANISATION_NOUNS | UNNAMED_SOURCE_NOUNS | lexicon.words("quotes/speaking_nouns")


def reported(pdoc: ParagraphDoc):
    """(kind, (start, end), cue, parts) for reported speech and according-to phrases in a
    paragraph; `parts` lists the pieces of content around a parenthetical cue (`The ferry, Lind
    said, will run`), else it is None."""
    quoted = pdoc.quoted
    doc = pdoc.doc
    for token in _cue_candidates(doc):
        # "according to X, ..." and "..., according to X"
        according_to = token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
        if not according_to and not is_reporting(token):
            continue  # (tested before the quotes below, which cost more)
        if any(q.start < token.idx < q.end for q in quoted):
            continue  # speech reported inside a quote belongs to the quote
        if according_to:
            found = _according_to(pdoc, token)
            if found is not None:
                yield found
        else:  # a reporting verb
            complement = _complement(token)
            found = _passive(pdoc, token) if complement is None else None
            if found is not None:
                yield found
                continue
            speaker = speaker_of(token)
            if complement is None and speaker is not None:
                found = _parenthetical(pdoc, token, speaker) or _trailing(pdoc, token, speaker)
                if found is not None:
                    yield found
                continue
            if complement is None or speaker is None or any(inside(speaker, c) for c in complement):
                continue
            if complement[0].dep_ in ("dobj", "pobj", "pcomp") and not _can_speak(speaker):
                continue  # "the spending underscores their role": a thing, not a source, makes the claim
            span = trimmed(pdoc, *_extent(token, complement))
            if span is not None and _ANONYMITY.match(span.text.lower()):
                continue  # "one dealer, who asked not to be named, told": no words of theirs
            # one word is a claim only as a named object: "criticized Clinton"
            if span is not None and (len(span) > 1 or (complement[0].dep_ != "ccomp" and span.root.pos_ == "PROPN")):
                yield "indirect", pdoc.offsets(span), verb_cue(pdoc, token, speaker), None
    found = _colon_claim(pdoc, quoted)
    if found is not None:
        yield (*found, None)


def _passive(pdoc: ParagraphDoc, verb: Token):
    """A passive report with its agent: `The move was first reported by MSNBC`: the subject is
    what was said, the agent said it."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if source is None or not _can_speak(mention(source)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.tag_ in ("WP", "WDT") or subject.lower_ in ("it", "this", "that"):
        return None
    if subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "they", "i", "we") \
            or is_role_noun(subject) or is_person_description(subject):
        return None  # "A cabin worker has been dismissed by the airline": a person, not what was said
    span = trimmed(pdoc, subject.left_edge.i, subject.right_edge.i + 1)
    if span is None or len(span) < 2:
        return None
    return "indirect", pdoc.offsets(span), verb_cue(pdoc, verb, mention(source)), None


def _parenthetical(pdoc: ParagraphDoc, verb: Token, speaker):
    """A cue set in the clause it reports: `The ferry, Lind said, will run until May`, `It was,
    he said, a failure`, `As Lind said, the ferry will run`: the clause without the cue, in the
    pieces before and after it."""
    head = verb.head
    as_clause = verb.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "as" for g in verb.children)
    if not (verb.dep_ == "parataxis" or as_clause) or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    cue_start, cue_end = verb.left_edge.i, verb.right_edge.i + 1
    pieces = [trimmed(pdoc, head.left_edge.i, cue_start), trimmed(pdoc, cue_end, head.right_edge.i + 1)]
    pieces = [p for p in pieces if p is not None and any(not t.is_punct for t in p)]
    if not pieces or sum(len(p) for p in pieces) < 3 or not any(p.start <= head.i < p.end for p in pieces):
        return None
    parts = [pdoc.offsets(p) for p in pieces]
    return "indirect", (parts[0][0], parts[-1][1]), verb_cue(pdoc, verb, speaker), parts


def _trailing(pdoc: ParagraphDoc, verb: Token, speaker):
    """A trailing cue the parse did not give the clause it reports as a complement: joined to it
    as a second verb ("Anglers could find themselves prosecuted ..., a committee of MPs has
    warned.", no "and" before the speaker, nothing after the verb), or the root with the clause's
    subject as its own ("But the government department ... suffered ..., said the Constitutional
    Affairs Select Committee.", the speaker after the verb, nothing after it): the sentence up to
    the comma before the cue."""
    doc = pdoc.doc
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i and head.dep_ == "ROOT" and head.i < speaker.start:
        comma, last = speaker.start - 1, verb.i  # "..., a committee of MPs has warned."
        if any(c.dep_ == "cc" for c in head.children if c.i < verb.i):
            return None
    elif verb.dep_ == "ROOT" and speaker.start > verb.i:
        comma, last, head = verb.i - 1, speaker.end - 1, verb  # "..., said the committee."
    else:
        return None
    sent = verb.sent
    if comma <= sent.start or doc[comma].text != "," or any(not t.is_punct for t in doc[last + 1:sent.end]):
        return None
    span = trimmed(pdoc, sent.start, comma)
    if span is None or len(span) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in span) \
            or (head is not verb and not span.start <= head.i < span.end):
        return None
    return "indirect", pdoc.offsets(span), verb_cue(pdoc, verb, speaker), None


def _extent(verb: Token, complement: list[Token]) -> tuple[int, int]:
    """Token range of what a reporting verb reports: the complement's words, with what the
    speaker goes on to say after it (`charged the officer with murder`, `said X, but he did
    remember Y`)."""
    start = min(c.left_edge.i for c in complement)
    end = max(c.right_edge.i for c in complement) + 1
    if verb.doc[start].dep_ == "mark" and verb.doc[start].lower_ == "for" and start < end - 1:
        start += 1  # `calling for the city to act`: the claim starts after "for"
    if verb.i < start:
        for child in verb.children:
            if child.i < end:
                continue
            if child.dep_ in ("punct", "cc"):
                continue  # `, but` before a conjoined clause: taken only with the clause
            if not _continues_claim(verb, child, end):
                break
            end = child.right_edge.i + 1
    return start, end


def _continues_claim(verb: Token, child: Token, end: int) -> bool:
    """A dependent of the reporting verb after its complement that is still the claim: a
    prepositional phrase or adverb (`charged him with murder`, `estimates it at $4 billion`), a
    subordinate clause (`unless ...`), a conjoined clause with its own subject that is not another
    report (`said X, but he did remember Y`)."""
    doc = verb.doc
    between = doc[end:child.left_edge.i]
    comma = any(t.text in (",", ";", "—", "–", "-", ":") for t in between) or (child.left_edge.i < len(doc) and child.left_edge.text == ",")
    if child.ent_type_ in _TIMES or (child.dep_ == "prep" and all(t.ent_type_ in _TIMES for t in list(child.subtree)[1:])):
        return False  # when it was said: `on Monday`
    if child.dep_ == "prep" and not comma:
        return child.lower_ not in ("according", "after", "before", "during", "in", "at")
    if child.dep_ in ("npadvmod", "advmod") and not comma:
        return True
    if child.dep_ == "advcl" and child.tag_ not in ("VBG", "VBN"):
        mark = next((g for g in child.children if g.dep_ == "mark"), None)
        return mark is not None and mark.lower_ in ("unless", "because", "if", "while", "although", "though") and not is_reporting(child)
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not is_reporting(child):
        return any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in child.children)
    return False


def _cue_candidates(doc: Doc) -> list[Token]:
    """The tokens that can be a cue, in order: verbs and auxiliaries (every reporting verb is one)
    and "according". Picked from the Doc's arrays: building every token costs more than the rules."""
    attrs = doc.to_array([POS, LOWER])
    wanted = (attrs[:, 0] == VERB) | (attrs[:, 0] == AUX) | (attrs[:, 1] == doc.vocab.strings["according"])
    return [doc[index] for index in numpy.flatnonzero(wanted).tolist()]


def _can_speak(speaker) -> bool:
    """A person, organisation or source noun (not "the falloff", "hiring")."""
    root = speaker.root
    lemma = root.lemma_.lower()
    return root.pos_ in ("PROPN", "PRON", "NUM", "DET") or root.text[:1].isupper() or lemma in SPEAKING_NOUNS \
        or root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or lemma.endswith(AGENT_SUFFIXES)


def _complement(verb: Token) -> list[Token] | None:
    """What a reporting verb reports."""
    children = list(verb.children)
    lemma = verb.lemma_.lower()
    for child in children:
        # a that-clause or bare clause: "said (that) the city would pay"
        if child.dep_ == "ccomp":
            if child.i < verb.i and is_reporting(child) and any(g.dep_ == "nsubj" and _can_speak(mention(g)) and not (
                    g.pos_ == "NOUN" and not g.ent_type_ and _said_by_person(verb, child)) for g in child.children):
                # "Mr Blair denied ..., and ... the chancellor told reporters:": two statements (not
                # a thing's that a person reports: "Private sector business surveys suggest a
                # stronger economy than official estimates, Ms Lomax said")
                continue
            return [child]
    for child in children:
        # a clause with its own subject the parse hung on the verb as an adverbial, right after
        # it: "He said after seven years Labour had transformed ..."
        if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.i == verb.i + 1 and child.tag_ != "VBG" \
                and any(g.dep_ == "nsubj" for g in child.children) and not any(g.dep_ == "mark" for g in child.children):
            return [child]
    for child in children:
        # a to-infinitive, with the addressee when there is one: "urged the city to pay",
        # "pledged to work together"
        if child.dep_ == "xcomp" and lemma not in _ASPECTUAL and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return [c for c in children if c.dep_ == "dobj" and c.i < child.i] + [child]
    if any(c.dep_ == "auxpass" for c in children):
        return None  # "was criticized for ...": the subject is the target, not the speaker
    for child in children:
        # a bare complement of a naming or proposing verb: "calling Trump a fascist", "proposed barring visitors"
        if child.dep_ == "xcomp" and child.i > verb.i and lemma in OBJECT_REPORTING_VERBS and lemma not in _ASPECTUAL:
            return [child]
    for child in children:
        # a noun phrase that is itself the news, with what completes it: "announced his
        # resignation", "called Trump a fraud", "accused him of lying", "praised her for ..."
        if child.dep_ == "dobj" and lemma in OBJECT_REPORTING_VERBS:
            if lemma == "claim" and child.lemma_.lower() in WON_NOUNS:
                return None  # "after claiming away draws in Basel": a result taken, no claim
            tail = [c for c in children if c.i > child.i and (c.dep_ in ("oprd", "xcomp", "ccomp")
                                                             or (c.dep_ == "prep" and c.lower_ in CLAIM_PREPOSITIONS))]
            if lemma == "call" and not tail and _not_naming(verb, child):
                return None  # "who called the police", "call up a replacement": no name called
            if child.pos_ != "PRON" or tail:
                return [child, *tail]
    for child in children:
        # a prepositional object of a speech verb: "called for a recount", "talked about jobs",
        # "called on Congress to act" (with the to-infinitive after it)
        if child.dep_ == "prep" and child.lower_ in PREPOSITION_REPORTING.get(lemma, ()):
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in _TIMES]
            if objects:
                tail = [c for c in children if c.i > child.i and c.dep_ in ("xcomp", "advcl")
                        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
                if objects[0].ent_type_ == "PERSON" and not tail:
                    continue  # "responding to Tory spokesman Julian Lewis, who said ...": a person, not what was said
                return [objects[0], *tail]
    for child in children:
        # "calling for the city to act" read as a clause marked by "for": the clause without "for"
        if child.dep_ == "advcl" and child.i > verb.i and "for" in PREPOSITION_REPORTING.get(lemma, ()):
            mark = next((g for g in child.children if g.dep_ == "mark" and g.lower_ == "for"), None)
            subject = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass") and mark is not None and g.i > mark.i), None)
            if subject is not None:
                return [subject, child]
    return None


def _not_naming(verb: Token, obj: Token) -> bool:
    """Whether "call" with an object names nothing: a particle ("call up a replacement", "called
    off a demonstration"), or nothing after the object and no quotation mark ("who called the
    police, said"); not "called the sale "the swindle of the century"", "calling it a genre
    meaningless"."""
    doc = verb.doc
    if any(t.text in DOUBLE_MARKS + SINGLE_MARKS for t in doc[verb.i + 1:max(verb.right_edge.i + 1, obj.right_edge.i + 3)]):
        return False
    after = doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(doc) else None
    return any(c.dep_ == "prt" for c in verb.children) or after is None or after.is_punct or after.pos_ in ("ADP", "CCONJ", "SCONJ")


def _said_by_person(verb: Token, clause: Token) -> bool:
    """Whether a reporting verb's subject is a person's name written right after the clause it
    reports and a comma: "..., Ms Lomax said"."""
    doc = verb.doc
    after = clause.right_edge.i + 1
    return after < len(doc) and doc[after].text == "," and any(
        c.dep_ == "nsubj" and c.ent_type_ == "PERSON" and c.left_edge.i == after + 1 for c in verb.children)


def _according_to(pdoc: ParagraphDoc, according: Token):
    doc = pdoc.doc
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_end = max(source.right_edge.i, to.i) + 1
    named = _name_after_noun(source, phrase_end)
    if named is not None:  # "According to local newspaper the Daily Telegraph, ..."
        source, phrase_end = named.root, max(phrase_end, named.end)
    beside = _name_beside(source)
    if beside is not None:  # "According to technology analysts IDC, a fifth of ...": IDC, and the phrase ends there
        source, phrase_end = beside.root, beside.end
    sent = according.sent
    if according.i - sent.start <= 1:  # the phrase opens the sentence: the rest is the content
        span = trimmed(pdoc, phrase_end, sent.end)
    else:  # the phrase closes (or interrupts) the sentence: what comes before it
        span = trimmed(pdoc, sent.start, according.i)
    if span is None or len(span) < 2:
        return None
    parts = [pdoc.offsets(span)]
    # the phrase interrupts the sentence: `X, according to officials, adopted Y` is X and Y
    if according.i - sent.start > 1 and phrase_end < sent.end and doc[phrase_end].text == ",":
        rest = trimmed(pdoc, phrase_end + 1, sent.end)
        if rest is not None and len(rest) >= 2 and not any(is_reporting(t) for t in rest[:3]):
            parts.append(pdoc.offsets(rest))
    start, _ = pdoc.offsets(according)
    _, end = pdoc.offsets(to)
    cue = Cue(pdoc, doc.text[according.idx:to.idx + len(to)], start, end, _untagged_name(mention(source)))
    return "according_to", (parts[0][0], parts[-1][1]), cue, (parts if len(parts) > 1 else None)


def _name_beside(source: Token) -> Span | None:
    """Proper nouns set right after an "according to" noun and ending the phrase ("technology
    analysts IDC,", "industry analysts Screen Digest."), which the parser read as its apposition:
    a name the tagger found, or proper nouns no entity holds."""
    doc = source.doc
    first = next((c for c in source.children if c.dep_ == "appos" and c.i == source.i + 1), None)
    if first is None and source.i + 1 < len(doc) and source.pos_ == "NOUN":
        first = next((c for c in source.children if c.dep_ == "appos" and c.left_edge.i == source.i + 1), None)
        first = first.left_edge if first is not None else None
    if first is not None and first.ent_iob_ == "B" and first.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT"):
        # tagged: "according to industry analysts Screen Digest."
        ent = next(e for e in doc.ents if e.start == first.i)
        return ent if source.pos_ == "NOUN" and (ent.end == len(doc) or doc[ent.end].is_punct) else None
    if first is None or first.pos_ != "PROPN" or first.ent_type_:
        return None
    end = first.i
    while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
        end += 1
    return doc[first.i:end] if end < len(doc) and doc[end].is_punct else None


def _untagged_name(source: Span) -> Span:
    """An "according to" source as the organisation it names when the tagger left its name
    untagged ("According to PC Pro", "according to technology analysts IDC"): capitalized words
    only, none a title or a first name; else the source as it is."""
    words = [t for t in source if not t.is_punct]
    if source.label_ or not words or any(t.ent_type_ for t in words) or words[0].is_sent_start \
            or not all(t.is_title or (t.is_upper and len(t) > 1) for t in words) \
            or any(t.lower_ in ROLE_NOUNS or is_title_word(t.text) or is_first_name(t.text) for t in words):
        return source
    return Span(source.doc, source.start, source.end, label="ORG")


def _name_after_noun(source: Token, at: int) -> Span | None:
    """The organisation or person named right after the common noun an "according to" phrase
    names its source with, which the parser read as a second object: "According to local
    newspaper the Daily Telegraph, ..." (the Daily Telegraph, not "local newspaper")."""
    doc = source.doc
    if source.pos_ != "NOUN" or at >= len(doc):
        return None
    if doc[at].lower_ == "the" and at + 1 < len(doc):
        at += 1
    if doc[at].ent_iob_ != "B" or doc[at].ent_type_ not in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "PRODUCT"):
        return None
    ent = next((ent for ent in doc.ents if ent.start == at), None)
    # the phrase ends with the name (not "according to analysts Gartner More than 167 million
    # handsets", a name glued onto the next sentence)
    return ent if ent is not None and (ent.end == len(doc) or doc[ent.end].is_punct) else None


def _colon_claim(pdoc: ParagraphDoc, quoted):
    """A headline-style claim after a named source and a colon, without quote marks:
    `Clinton camp: Trump's rhetoric threatens security` (a quote after the colon is direct)."""
    doc = pdoc.doc
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or (quoted and quoted[0].start <= colon.idx + 3):
        return None
    source = [t for t in doc[:colon.i] if not t.is_punct]
    rest = doc[colon.i + 1:]
    if not 0 < len(source) <= 5 or any(t.pos_ in ("VERB", "AUX") for t in source) or source[-1].pos_ not in ("PROPN", "NOUN") \
            or not any(t.pos_ == "PROPN" for t in source) or source[-1].ent_type_ in _TIMES:
        return None
    span = trimmed(pdoc, colon.i + 1, len(doc))
    if span is None or len(span) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    start, end = pdoc.offsets(colon)
    return "indirect", pdoc.offsets(span), Cue(pdoc, ":", start, end, mention(source[-1]))
