"""Cues: the words that introduce an attribution, and the speaker mention a cue verb governs.

Shared by the direct-quote rules (quotes.py) and the reported-speech rules (reported.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ParagraphDoc
from newskit.extract.entities.rules import credit_after
from newskit.extract.names import HONORIFICS, ORGANISATION_NOUNS, hyphen_inside, is_person_description, is_role_noun
from newskit.extract.quotes.quotemarks import DOUBLE_MARKS

# Lemmas of the verbs that introduce speech (direct, reported or mixed); beliefs stay out.
REPORTING_VERBS = lexicon.words("quotes/reporting_verbs")
# Reporting verbs whose object is the audience, kept in the cue: "told journalists".
AUDIENCE_VERBS = lexicon.words("quotes/audience_verbs")
SUBJECTS = ("nsubj", "nsubjpass")
TRIM = " \t\n,;:—–-"
# subjects that never speak: expletive and demonstrative pronouns ("it is said", "that means")
_NOT_SPEAKERS = lexicon.entries("quotes/not_speakers")
# verbs whose object is who does the participle after it ("heard Mr Ray saying")
_OBJECT_PARTICIPLE_VERBS = lexicon.words("quotes/object_participle_verbs")
_QUOTING_VERBS = lexicon.words("quotes/quoting_verbs")
# verbs whose object says the to-infinitive after it ("prompted the prime minister to say")
_PROMPTING_VERBS = lexicon.words("quotes/prompting_verbs")
# Nouns of what may speak though no person's role: an organisation, a document, a source ("the
# firm", "the report", "experts")
_SPEAKING_THINGS = ORGANISATION_NOUNS | lexicon.words("quotes/document_nouns") | lexicon.words("quotes/said_nouns") \
    | lexicon.words("quotes/unnamed_source_nouns")


@dataclass
class Cue:
    pdoc: ParagraphDoc
    text: str
    start: int  # article offsets of the cue words
    end: int
    speaker: Span | None  # the speaker mention (None: a floating quote inherits one)
    verb: Token | None = None


def is_reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS and token.dep_ != "amod" \
        and not in_a_title(token)


def in_a_title(token: Token) -> bool:
    """Whether a word is one of a title's capitalised words mid-sentence: "Said" of the song
    "You Said No" ("Their singles include Crashed The Wedding, You Said No")."""
    doc = token.doc
    return token.text[:1].isupper() and not token.is_sent_start and token.i > 0 and doc[token.i - 1].text[:1].isupper() \
        and doc[token.i - 1].is_alpha and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()


def speaker_of(verb: Token, depth: int = 0) -> Span | None:
    """The mention that does the saying."""
    # the verb's own subject: "Antonov said", "said Antonov" (spaCy marks both nsubj); of two
    # subjects the nearest one before the verb ("VALDORIA, March 3. President Weiss said": the
    # dateline's place is read as a second subject)
    children = sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i else c.i))
    # a passive reporting verb speaks through its agent: `branded "irresponsible" by the Liberal Democrats`
    for child in children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return mention(agent)
    for child in children:
        if child.dep_ in SUBJECTS and child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            # relative clause: "Antonov, who said ...", "a sign that said"
            return mention(_person_before_who(child, verb.head) or verb.head)
        if child.dep_ in SUBJECTS and child.lower_ not in _NOT_SPEAKERS:
            if child.i < verb.i and any(len(verb.doc[k].text) == 1 and verb.doc[k].text in DOUBLE_MARKS for k in range(child.i + 1, verb.i)) \
                    and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].pos_ == "PROPN":
                continue  # a word inside the quote read as the subject: `"... is Dawson" said Guscott.`
            if child.lower_ == "it" and (child.dep_ == "nsubjpass" or any(c.dep_ in ("auxpass", "expl") for c in verb.children)):
                return None  # "it is said that": no speaker
            if depth < 3 and _object_read_as_subject(verb, child):
                return speaker_of(verb.head, depth + 1)
            if child.i > verb.i and _person_closing(child) is not None:
                return _person_closing(child)  # "said Dunmore assistant coach Rolf Ingram", "Dunmore" the subject
            others = [c for c in children if c.dep_ in SUBJECTS and c.i != child.i]
            return _person_closing_organisation(child, verb) or _person_of_apposition(child, others) \
                or _name_set_off_in_subject(child, verb) or _person_ending_untagged_subject(child, verb) \
                or mention(_named_subject(child, others))
    # the subject of a second clause parsed as the last of the first clause's objects: "He was
    # linked with the job at Oldham and Keegan has stated ..." ("Keegan" a conjunct of "Oldham")
    before = verb.doc[min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]) - 1] \
        if verb.i else None
    if verb.dep_ == "conj" and before is not None and before.pos_ == "PROPN" and before.dep_ == "conj" \
            and before.i > verb.head.i and before.ent_type_ in ("PERSON", "GPE", "") \
            and verb.doc[before.left_edge.i - 1].lower_ == "and" and before.head.dep_ not in SUBJECTS:
        return name_run(before)
    # inverted order spaCy reads as an object: "..., said Defense Minister Shoigu"
    if verb.lower_ in ("said", "says") and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].pos_ == "PROPN":
        # the phrase's head, not its first word: "Said Wales assistant coach Scott Johnson:"
        head = verb.doc[verb.i + 1]
        while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        return _person_closing(verb.doc[verb.i + 1]) or mention(head)
    # inverted order after a quote, the subject read as an object: `"...," tweeted another user`
    # (not "..., telling supporters", nor the listener of `"...," Hayriye Evren, told Associated Press`)
    if verb.i and verb.doc[verb.i - 1].is_punct and verb.tag_ != "VBG" and verb.lemma_.lower() not in AUDIENCE_VERBS:
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "npadvmod") and child.pos_ in ("NOUN", "PROPN") and child.left_edge.i == verb.i + 1:
                return mention(child)
    # the subject the small model hung on an interrupting participle: "Moss, noting the delays, said"
    for child in verb.children:
        if child.dep_ in ("advcl", "acl") and child.i < verb.i and child.tag_ == "VBG":
            subject = next((g for g in child.children if g.dep_ == "nsubj" and g.i < child.i), None)
            if subject is not None and subject.lower_ not in _NOT_SPEAKERS:
                return mention(subject)
    # a name the small model glued to the verb as a compound: "Conway notes." (no subject found)
    before = verb.doc[verb.i - 1] if verb.i else None
    if before is not None and before.dep_ == "compound" and before.head.i == verb.i and before.pos_ == "PROPN":
        return name_run(before)
    # a participle after the object of "quoted", "heard": "The Evening Standard quoted Mr Clarke
    # telling activists that ..." is Mr Clarke telling; "Reuters quoted a central bank official as
    # saying" is the official saying
    quoting = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else verb.head
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "ccomp", "dep", "pcomp") and quoting.lemma_.lower() in _QUOTING_VERBS:
        said_by = next((c for c in quoting.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN")), None)
        if said_by is not None:
            return mention(said_by)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PROMPTING_VERBS:
        # "The pressure prompted the prime minister to say ...": the one prompted says it
        # ("Michael Howard was forced to deny": the passive's subject, read below)
        prompted = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if prompted is not None and prompted.pos_ in ("PROPN", "NOUN", "PRON"):
            return mention(prompted)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return None  # "Asked about it, Mr Johnson told ...": he was asked; a passive participle speaks no words
    hung = _subject_hung_on_a_noun(verb)
    if hung is not None:
        return hung
    with_subject = _subject_after_with(verb)
    if with_subject is not None:  # "..., with Rovers boss Mark Hughes claiming it had been ..."
        return with_subject
    # participle, conjoined or paratactic verb sharing the subject: "..., adding that", "and said",
    # "began by saying", "Durbin, noting ..., said,"
    if depth < 3 and verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "prep", "parataxis") and verb.head.i != verb.i:
        return speaker_of(_clause_of(verb), depth + 1)
    return None


def _subject_hung_on_a_noun(verb: Token) -> Span | None:
    """The subject the small model conjoined with the object before it: in "Customs claimed he was
    one of the leaders but his lawyer, Ann Tobin, told the BBC ...", "lawyer" is read as a second
    leader and "told" as claimed's second verb. The noun phrase written right before a conjoined
    verb with no subject of its own, opened by "but"/"and" and hung on a noun as its conjunct,
    says it (the person its apposition names, when it has one)."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.head.i >= verb.i or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    before = verb.i - 1
    while before > verb.head.i and doc[before].text == ",":
        before -= 1
    head = doc[before]
    while head.dep_ in ("appos", "compound", "flat") and head.head.i < head.i:
        head = head.head
    if head.dep_ != "conj" or head.head.pos_ not in ("NOUN", "PROPN") or head.pos_ not in ("NOUN", "PROPN") \
            or head.i <= verb.head.i or head.right_edge.i >= verb.i or head.left_edge.i == 0 \
            or doc[head.left_edge.i - 1].lower_ not in ("but", "and"):
        return None
    named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is None and head.ent_type_ != "PERSON" and not is_role_noun(head):
        return None
    return mention(named if named is not None else head)


def _subject_after_with(verb: Token) -> Span | None:
    """The subject of a participle after "with" ("..., with Rovers boss Mark Hughes claiming it
    had been difficult"), which the small model hangs on the clause before: the object of "with"
    written right before the participle."""
    if verb.tag_ != "VBG" or not verb.i or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i and noun.head.i < verb.i:
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.right_edge.i != verb.i - 1 \
            or noun.pos_ not in ("PROPN", "NOUN"):
        return None
    return mention(noun)


def _person_closing(token: Token) -> Span | None:
    """The person named at the end of the run of words a subject after its verb begins, when the
    parse took the run's first word for the subject: "said Dunmore assistant coach Rolf Ingram"
    (words only, no punctuation between them)."""
    doc, end = token.doc, token.i
    # (a title's noun the small model read as a verb too: "said Tory shadow local government secretary")
    # (and across an "and" between two titles, before any name: "said Nortel president and chief
    # executive Bill Owens")
    while end + 1 < len(doc) and end - token.i < 9 and doc[end].whitespace_ and doc[end + 1].is_alpha and (
            doc[end + 1].pos_ in ("PROPN", "NOUN", "ADJ", "VERB")
            or (doc[end + 1].lower_ == "and" and end + 2 < len(doc) and doc[end + 2].pos_ in ("NOUN", "ADJ")
                and doc[end + 2].is_lower and not any(t.ent_type_ == "PERSON" for t in doc[token.i:end + 1]))):
        end += 1
    if end == token.i or doc[end].ent_type_ != "PERSON" or (end + 1 < len(doc) and doc[end + 1].tag_ == "POS"):
        return None  # (not "said coach Rolf Ingram's assistant")
    return mention(doc[end])


def _object_read_as_subject(verb: Token, subject: Token) -> bool:
    """Whether a participle's subject is the object of the verb before it, which the parse read as
    the participle's subject: "Mr Dane then e-mailed Mr Ray pointing out the mistake, but
    suggesting ..." is Mr Dane suggesting (not after "heard", "quoted": `_OBJECT_PARTICIPLE_VERBS`)."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "xcomp", "dep") and head.i < subject.i < verb.i \
        and subject.left_edge.i == head.i + 1 and head.pos_ == "VERB" \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and head.lemma_.lower() not in _OBJECT_PARTICIPLE_VERBS and any(c.dep_ in SUBJECTS for c in head.children)


def _named_subject(subject: Token, others: list[Token]) -> Token:
    """Of two subjects the small model gave one verb, the name when the other only describes it:
    "Theresa May, Tory shadow work and pensions secretary, said" (the role between commas read as
    a subject) and "said co-ordinator Peter Facey" (the hyphenated role read as one); and the
    subject after a verb set off by a comma at the clause's end, when the parse gave the reported
    clause's subject to the verb too ("But the government department ... suffered ..., said the
    Constitutional Affairs Select Committee.")."""
    doc = subject.doc
    verb = subject.head
    if subject.i < verb.i and verb.i and doc[verb.i - 1].text == ",":
        after = next((o for o in others if o.i > verb.i), None)
        if after is not None:
            return after
    if subject.pos_ != "NOUN":
        return subject
    after = doc[subject.i + 1] if subject.i + 1 < verb.i else None
    if after is not None and after.dep_ == "acl" and after.head.i == subject.i and after.ent_type_ in ("ORG", "PERSON") \
            and after.text[:1].isupper() and not subject.is_sent_start and not any(c.dep_ == "det" for c in subject.children) \
            and all(t.dep_ in ("aux", "auxpass", "neg") for t in doc[after.i + 1:verb.i]):
        return after  # "Chart-topping pop band Busted have confirmed": the name parsed as a participle
    for other in others:
        if other.pos_ != "PROPN":
            continue
        if other.i > subject.i and all(doc[k].dep_ in ("compound", "amod", "punct", *SUBJECTS) and doc[k].text != ","
                                       for k in range(subject.i + 1, other.i)):
            return other  # "co-ordinator Peter Facey"
        left = subject.left_edge.i
        if other.i < subject.i and left >= 2 and doc[left - 1].text == "," and other.right_edge.i == left - 2 \
                and (is_role_noun(subject) or any(is_role_noun(c) for c in subject.conjuncts)):
            return other  # "Theresa May, Tory shadow work and pensions secretary, said"
    return subject


# the dashes that set words off: "Factory - which lasted for 14 years - but"
DASHES = "-\u2013\u2014"


def _is_dash(token: Token) -> bool:
    return len(token.text) == 1 and token.text in DASHES


def _clause_of(verb: Token) -> Token:
    """The verb a participle or conjoined verb shares its subject with: its head, except that ",
    saying ..." after a complement clause belongs to the sentence's speaker ("Mr Balls rejected
    the allegation that Mr Brown had been sidelined, saying ..." is Mr Balls saying)."""
    head, doc = verb.head, verb.doc
    if verb.dep_ == "conj" and head.dep_ == "relcl" and head.i < verb.i:
        # a relative clause the writer closed with a dash the parse ran on: "tried to resurrect
        # Factory - which lasted for 14 years before folding - but conceded" is the one who tried
        before = verb.i - 1
        while before > head.i and doc[before].dep_ == "cc":
            before -= 1
        if _is_dash(doc[before]) and any(_is_dash(doc[k]) for k in range(head.head.i + 1, head.i)):
            up = head.head
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head
            return up
    if verb.dep_ == "conj" and is_reporting(verb) and head.dep_ == "ccomp" \
            and is_reporting(head.head) and head.head.i < head.i and _thing_subject(head):
        # a reporting verb the parse hung on the reported clause's verb, whose subject is a thing:
        # "Labour and the Lib Dems say the party's sums do not add up and claim it would cut
        # services" (not "said the firm had lost money and warned": the firm may warn)
        return head.head
    # (with no comma too, when the clause it hangs on has a thing for its subject: "Mr Boateng also
    # laughed off suggestions that his re-election had been in danger saying it was ...")
    if not (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i and (doc[verb.i - 1].text == "," or _thing_subject(head))):
        return head
    up = head
    while up.dep_ in ("acl", "relcl", "ccomp", "dobj", "pobj", "prep", "attr") and up.head.i != up.i and not is_reporting(up):
        up = up.head
    return up if up.pos_ in ("VERB", "AUX") and (up.dep_ == "ROOT" or is_reporting(up)) else head


def _thing_subject(verb: Token) -> bool:
    """Whether a verb's subject is a thing, which says nothing: "the party's sums", "his
    re-election" (no name, no person's or speaking body's noun)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_ and not is_role_noun(subject) \
        and not is_person_description(subject) and subject.lemma_.lower() not in _SPEAKING_THINGS


def previous_subject(verb: Token) -> Span | None:
    """The main-clause subject of the sentence before a verb's, in its paragraph: who a verb
    written without a subject ("But told BBC News: ...") goes on with."""
    sentences = list(verb.doc.sents)
    at = next((i for i, s in enumerate(sentences) if s.start <= verb.i < s.end), 0)
    return main_subject(sentences[at - 1]) if at else None


def main_subject(sentence: Span) -> Span | None:
    """The mention that is the subject of a sentence's main verb."""
    subject = next((c for c in sentence.root.children if c.dep_ in SUBJECTS and c.lower_ not in _NOT_SPEAKERS), None)
    return mention(subject) if subject is not None else None


def _person_ending_untagged_subject(subject: Token, verb: Token) -> Span | None:
    """The person whose name ends the subject's words right before the verb, when the parse made
    an untagged word of a title before it the subject: "Lord of the Rings director Peter Jackson
    has said" ("Lord" the subject, the name inside its "of" phrase)."""
    doc = subject.doc
    if subject.i > verb.i or subject.ent_type_ or subject.pos_ != "PROPN":
        return None
    before = verb.i - 1
    while before > subject.i and doc[before].dep_ in ("aux", "auxpass", "neg", "advmod"):
        before -= 1
    ent = next((e for e in doc.ents if e.end == before + 1 and e.label_ == "PERSON"), None)
    # (the name after a role's noun: "director Peter Jackson", not "The MP for Sittingbourne and Sheppey")
    if ent is None or not subject.i < ent.start - 1 or ent.root.right_edge.i != before \
            or not any(t.i == ent.root.i for t in subject.subtree) \
            or not (doc[ent.start - 1].is_lower and is_role_noun(doc[ent.start - 1])):
        return None
    return ent


def _name_set_off_in_subject(subject: Token, verb: Token) -> Span | None:
    """The person named between commas at the end of a described subject, the parse having hung
    the name on a noun inside the description: "ITV's controller of entertainment, Claudia
    Rosencrantz, said" (the name read as an apposition of "entertainment")."""
    doc = subject.doc
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.i > verb.i:
        return None  # (one person's description: not "opponents of the bill, including ..., the Rt Rev X, said")
    for token in subject.subtree:
        if token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.head.i != subject.i \
                and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == "," \
                and all(doc[k].is_punct for k in range(token.i + 1, verb.i)) and verb.i > token.i + 1:
            return mention(token)
    return None


def _person_of_apposition(subject: Token, others: list[Token]) -> Span | None:
    """The person whose apposition ends with the organisation the parser made a second subject:
    "Lisa Power, head of policy at Aids charity the Terrence Higgins Trust said" (the Trust read
    as the nearer subject)."""
    if subject.ent_type_ != "ORG":
        return None
    for other in others:
        if other.i < subject.i and other.ent_type_ == "PERSON" and any(c.dep_ == "appos" for c in other.children) \
                and 0 <= subject.left_edge.i - other.right_edge.i <= 2:
            return mention(other)
    return None


def _person_closing_organisation(subject: Token, verb: Token) -> Span | None:
    """The person whose name, after a role noun, closes a subject the parser headed with an
    organisation's name: "Association of Chief Police Officers president Chris Fox said" (the
    person read as the object of "of"); or with a role noun: "Shadow spokesman for sport Hugh
    Robertson said"; or after the organisation's possessive: "War on Want's John Hilary said"."""
    doc = verb.doc
    if subject.i > verb.i or subject.ent_type_ == "PERSON" or not verb.i:
        return None
    person = next((ent for ent in doc.ents if ent.end == verb.i and ent.label_ == "PERSON"), None)
    if person is None or not person.start or not subject.left_edge.i <= person.start or not person.end - 1 <= subject.right_edge.i:
        return None
    if doc[person.start - 1].tag_ == "POS" and len(person) > 1:
        return person  # "War on Want's John Hilary said" (the subject read as "War")
    if not subject.ent_type_:
        # a role read as the subject, the full name as the object of its "for": "Shadow spokesman
        # for sport Hugh Robertson said" (what the role is for between them: not "A spokesman for
        # Michael Howard said" nor "for Mr Blair", whose spokesman speaks)
        return person if is_role_noun(subject) and len(person) > 1 and person.root.dep_ == "pobj" \
            and person.root.head.head.i == subject.i \
            and any(doc[k].lower_.rstrip(".") not in HONORIFICS for k in range(person.root.head.i + 1, person.start)) else None
    return person if is_role_noun(doc[person.start - 1]) else None


def _person_before_who(who: Token, head: Token) -> Token | None:
    """The person right before "who" when the parser hung the clause on a name that is not a
    person's, the first of a list the person closes: "backed by Culture, Media and Sport Secretary
    Tessa Jowell who said" (the clause hung on "Culture")."""
    if who.lower_ != "who" or head.ent_type_ == "PERSON" or not who.i:
        return None
    before = who.doc[who.i - 1]
    if before.text == "," and who.i > 1:
        before = who.doc[who.i - 2]
    if before.ent_type_ != "PERSON" or before.i <= head.i:
        return None
    up = before
    while up.i != head.i and up.dep_ in ("compound", "conj", "appos", "flat") and up.head.i != up.i:
        up = up.head
    return before if up.i == head.i else None


def mention(token: Token) -> Span:
    """The mention a head token stands for: its named entity, else its noun phrase up to the head."""
    doc = token.doc
    if token.lower_ in ("himself", "herself"):
        # "Mr Bez - himself a former executive at Porsche - said", the name parsed as the pronoun's compound
        name = next((c for c in reversed(list(token.children)) if c.i < token.i and c.pos_ == "PROPN"
                     and c.dep_ in ("compound", "nmod", "appos")), None)
        if name is not None:
            return mention(name)
    if token.ent_type_:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                credit = credit_after(ent) if ent.label_ in ("WORK_OF_ART", "ORG") and token.dep_ in ("nsubj", "nsubjpass") else None
                if credit is not None:
                    # the show's name parsed as the subject: "Only Fools and Horses star David Jason
                    # criticised" is David Jason
                    return mention(doc[credit.i + 1])
                return ent
    # "The film's executive producer Robbie Stamp said": the name set right after the description
    # (no comma between), parsed as its apposition, is who it is
    named = next((c for c in token.children if c.dep_ == "appos" and c.left_edge.i == token.i + 1
                  and c.ent_type_ == "PERSON" and token.pos_ == "NOUN"), None)
    if named is not None:
        return mention(named)
    # "the prime minister" tagged PROPN is a noun phrase, and so is "the Trade and Industry Secretary"
    if token.pos_ == "PROPN" and not token.is_lower and not (
            is_role_noun(token) and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)):
        return name_run(token)
    start = token.left_edge.i
    while start < token.i and doc[start].is_punct:
        start += 1
    return doc[start:token.i + 1]


def name_run(token: Token) -> Span:
    """Consecutive proper nouns around a token: a name spaCy did not tag, hyphens written without
    spaces included ("Winn-Dixie")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or (start > 1 and hyphen_inside(doc[start - 1])
                                                            and doc[start - 2].pos_ == "PROPN")):
        start -= 1
    while end < len(doc) and (doc[end].pos_ == "PROPN" or (end + 1 < len(doc) and hyphen_inside(doc[end])
                                                           and doc[end + 1].pos_ == "PROPN")):
        end += 1
    return doc[start:end]


def verb_cue(pdoc: ParagraphDoc, verb: Token, speaker: Span) -> Cue:
    """The cue words: the verb, its particle ("pointed out") and its audience ("told journalists")."""
    last = verb.i
    for child in verb.children:
        if child.i > verb.i and (child.dep_ == "prt" or (verb.lemma_.lower() in AUDIENCE_VERBS and child.dep_ in ("dobj", "dative"))):
            last = max(last, child.i) if child.i - last <= 2 else last
    span = verb.doc[verb.i:last + 1]
    start, end = pdoc.offsets(span)
    return Cue(pdoc, span.text, start, end, speaker, verb)


def trimmed(pdoc: ParagraphDoc, start: int, end: int) -> Span | None:
    """Tokens start..end without punctuation and blanks at the edges."""
    doc = pdoc.doc
    while start < end and (doc[start].is_space or doc[start].text in TRIM or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in TRIM or doc[end - 1].text in ".!?"
                           or doc[end - 1].pos_ == "CCONJ"):  # "... made that quote, and"
        end -= 1
    return doc[start:end] if end > start else None


def inside(span: Span, head: Token) -> bool:
    return head.left_edge.i <= span.start and span.end <= head.right_edge.i + 1
