"""Documents that speak: "a report by the NAO said", "The book claims", "according to a new study"
read to the organisation or author that wrote them — named in the document's own phrase, by the
same kind of document before or after it, or by the organisation the next sentences introduce."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

import newskit.extract.entities.gazetteer as gazetteer
from newskit.extract import lexicon
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.names import ORGANISATION_NOUNS, is_first_name, is_plural, person_name
from newskit.extract.quotes.cues import name_run
from newskit.extract.quotes.participants import Participants, looks_like_person, names_publication, without_determiner
from newskit.extract.quotes.speaker_mentions import credited_author, several_people

# What finds things out ("a report", "a survey", "new data"): a later study of any of these kinds
# may name who made the first.
RESEARCH_NOUNS = lexicon.words("quotes/research_nouns")
# Studies one article may call by any of these names (a poll is made for someone else, so not it).
_STUDIES = RESEARCH_NOUNS - {"poll"}
# Bodies that speak unnamed ("according to government data"): no later sentence names its maker.
_UNNAMED_BODIES = lexicon.words("quotes/unnamed_bodies")
# ... and words that make a document's maker one: "official data"
_UNNAMED_MAKER_WORDS = lexicon.words("quotes/unnamed_maker_words")
# Plural document nouns that are one body's ("new data", lemma "datum")
_MASS_DOCUMENT_NOUNS = lexicon.words("quotes/mass_document_nouns")
# Verbs of making a document: their agent, or their subject with the document as object, made it
_MAKING_VERBS = lexicon.words("quotes/making_verbs")


# what joins one maker's name to the next in a list: a comma or "and", an acronym in brackets
# before it, "the" and a kind in lower case after it ("(CES) and market research company the")
_LISTED = re.compile(r"\s*(?:\([A-Z&/]+\)\s*)?(?:,|,?\s+and|\s+&)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:the\s+)?")


class Publishers:
    """Who one article's documents speak for; remembers the last one, so "the report" again is
    its publisher's."""

    def __init__(self, adoc: ArticleDoc, model: Participants) -> None:
        self.adoc, self.model = adoc, model
        self.last: tuple[str, ...] | None = None  # the organisations (or authors) of the last report or survey
        self.label = "ORG"
        self.kind = ""  # that document's noun: "the report" again is its publisher's, "the book" not

    def publisher(self, mention: Span, pdoc: ParagraphDoc, horizon: int) -> tuple[str, ...] | None:
        """The organisation a report, survey or study speaks for: named in it ("The NAO report")
        or after it ("a report by the National Audit Office"); "the report" again is the last
        report's publisher. Several when it names them together ("commissioned by Pact and the
        UK Film Council")."""
        head = mention.root
        author = credited_author(head)
        if author is not None:  # its title credited beside it: "A new book, Brown's Britain by ... Robert Peston, says"
            return self._remember(*self._named_with_conjuncts(author, pdoc), head)
        # what names it: words before the noun, the object of "by"/"from"/"of" after it, also
        # through a participle ("calculations presented to the US Senate by Dr Graham")
        # (and the newspaper it is in: "another report in the Sunday Telegraph claims", right
        # after the noun: not "The book, serialised in the Sunday Telegraph")
        def names_it(t: Token) -> bool:
            if t.i < head.i:
                return True
            if t.head.lower_ == "in":
                return t.head.head.i == head.i and names_publication(t)
            return (t.head.dep_ == "agent" or t.head.lower_ in ("by", "from", "of")) and (
                t.head.head.i == head.i or t.head.head.dep_ == "acl" and t.head.head.head.i == head.i)
        inside = [t for t in head.subtree if t.i != head.i and names_it(t)]
        # and a name set beside them: "figures released by CES organisers, the CEA"
        # (or before their noun: "a table drawn up by France's Le Figaro newspaper")
        inside += [t for t in head.subtree if t.dep_ in ("appos", "compound") and t.head in inside and t.head.dep_ == "pobj"]
        for token in inside:
            # "The NAO report", "a report by the NAO"; "The book, by Sunday Telegraph journalist
            # Robert Peston, said": its author
            author = token.ent_type_ == "PERSON" and token.head.lower_ == "by" and token.dep_ == "pobj"
            # (not the document's own name: "The European Digital Life Index demonstrates"; but a
            # firm named for what it does is the firm: "According to Jupiter Research")
            own_name = head.lemma_.lower() != "research" and any(
                e.start <= token.i < e.end and e.start <= head.i < e.end for e in head.doc.ents)
            if (token.ent_type_ == "ORG" or author) and not several_people(token) and not own_name:  # not "a report by MPs"
                return self._remember(*self._named_with_conjuncts(token, pdoc), head)
            if not token.ent_type_ and token.head.lower_ == "in" and token.dep_ == "pobj":
                return self._untagged_maker(token, pdoc, head)  # "a report in the Sunday Telegraph", untagged
            firm = self._organisation_tagged_otherwise(token, pdoc) if not own_name and not author else None
            if firm is None and (token.i < head.i or token.head.dep_ == "pobj") and token.dep_ == "compound" \
                    and (token.pos_ == "PROPN" or not token.is_sent_start) and not own_name \
                    and token.ent_type_ not in ("ORG", "GPE", "LOC", "NORP") and token.text[:1].isupper():
                # "the Pew report" after "Pew Research": the organisation whose name holds the word
                # (so do "figures gathered by the Pew researchers")
                firm = self.model.org_with_word(token.text, pdoc.start + token.idx)
            if firm is not None:  # "the Mori survey" ("Mori" tagged a person's name), "the report by telecoms giant BT" (a place's)
                return self._remember((firm,), "ORG", head)
        lemma = head.lemma_.lower()
        if mention[0].lower_ == "the" and self.last and (self.kind == lemma or {self.kind, lemma} <= _STUDIES):
            # "the report" again; or the study named as another kind of study: "The study,
            # commissioned by Pact and the UK Film Council, ... The report also explored"
            return self.last
        if mention[0].lower_ == "the":
            # "a new book, Brown's Britain by Robert Preston. ... The book claims": the author of
            # the last such document the article named (plural too: "The Bank's minutes said
            # ... the minutes added")
            author = self._earlier_author(head, pdoc)
            if author is not None:
                return self._remember(*author, head)
        if is_plural(head) and head.lemma_.lower() not in _MASS_DOCUMENT_NOUNS:  # ("new data": one body's)
            return None  # "Private sector business surveys suggest": several, by no one named
        if any(c.dep_ in ("compound", "amod") and (c.lemma_.lower() in _UNNAMED_BODIES or c.lower_ in _UNNAMED_MAKER_WORDS)
               for c in head.children):
            # "according to government data", "official data": an unnamed body's, whoever the next sentence names
            return None
        by = next((t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.i == head.i
                   and t.pos_ == "PROPN"), None)
        if by is not None:
            # "A survey by Hostway suggests", "Recent research by Jupiter suggested" (tagged a
            # place): the name untagged or mistagged is the organisation that made it (a person's
            # name, "by John Smith", is tagged PERSON and read above)
            return self._untagged_maker(by, pdoc, head)
        if any(t.dep_ == "pobj" and t.head.lower_ == "by" and names_it(t) and (
                t.ent_type_ == "NORP" or t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() in _UNNAMED_BODIES)
               and not any(c.pos_ == "PROPN" and c.ent_type_ != "NORP" and c.i > t.head.i for c in head.subtree)
               for t in head.subtree):
            # "according to data provided by the Liberians": its makers given, unnamed (not "a
            # report by the government's finance watchdog", the body the next sentences name, nor
            # "Research by technology firms Earthlink and Webroot", named after them)
            return None
        # "According to a new book, Brown's Britain, ... The book, by Sunday Telegraph journalist
        # Robert Peston, said": the author the next sentences give the same kind of document
        author = self._author_after(head, pdoc)
        if author is not None:
            return self._remember(*author, head)
        # "..., a report by the government's finance watchdog says.\n\nThe National Audit Office
        # said ...": the organisation the next sentences introduce as their subject
        start = pdoc.offsets(mention)[0]
        entry = self.model.introduced_after(self.model.orgs, start, horizon, lambda e: e.entity_label == "ORG")
        if entry is None:
            # (or a firm the tagger called a person, one word of no first name nor gender: "..., a
            # report suggests.\n\n..., said market analyst Datamonitor.")
            entry = self.model.introduced_after(self.model.people, start, horizon, lambda e: " " not in e.name
                                                and e.gender is None and not is_first_name(e.name))
        if entry is None and mention[0].lower_ == "the":
            # "The Environmental Audit Committee said ... The report said": the organisation last
            # speaking as a sentence's subject
            earlier = [(at, e.name) for e in self.model.orgs.values() if e.entity_label == "ORG"
                       for at, _, subject in e.mentions if subject and at < start and not self.model.quoted_at(at)]
            entry = self.model.orgs[max(earlier)[1]] if earlier else None
        if entry is None and mention[0].lower_ == "the":
            entry = self.model.committee(start)  # "The report said" in a story about a committee's report
        return self._remember((entry.name,), "ORG", head) if entry is not None else None

    def _untagged_maker(self, by: Token, pdoc: ParagraphDoc, head: Token) -> tuple[str, ...] | None:
        """The organisation a document is "by" when the tagger gave its name no organisation's
        label: the proper nouns ending in `by` ("Jupiter", "Computeractive Magazine"); None for a
        person's name or a place's ("by US researchers" is no maker's name)."""
        name = self._maker_named(by, pdoc)
        return self._remember((name,), "ORG", head) if name is not None else None

    def _maker_named(self, last: Token, pdoc: ParagraphDoc) -> str | None:
        """The organisation's name the proper nouns ending in `last` write ("Jupiter",
        "Computeractive Magazine", "Conference Board"), when the tagger gave it no organisation's
        label; None for a person's name or a place's."""
        first = last.i
        while first > 0 and last.doc[first - 1].dep_ == "compound" and last.doc[first - 1].pos_ == "PROPN" \
                and last.doc[first - 1].head.i == last.i:
            first -= 1
        words = last.doc[first:last.i + 1]
        if last.ent_type_ == "PERSON" or (last.ent_type_ in ("GPE", "LOC", "NORP") and gazetteer.lookup(words.text) is not None) \
                or looks_like_person(words.text):
            return None
        return self.model.org_named(words.text, pdoc.offsets(words)[0])

    def _organisation_tagged_otherwise(self, token: Token, pdoc: ParagraphDoc) -> str | None:
        """The organisation's name a token the tagger gave a person's or a place's label holds,
        when the article's entity rows make that name an organisation's and no person's
        ("Polling company Mori", "BT" tagged a place)."""
        found = self.model.entity_at(pdoc, token, ("PERSON", "GPE", "NORP", "PRODUCT"))
        if found is None:
            return None
        ent, name, start = found
        name = name or ent.text
        if name in self.model.orgs and self.model.orgs[name].entity_label == "ORG" and name not in self.model.people:
            return self.model.org_named(name, start)
        return None

    def _remember(self, names: tuple[str, ...], label: str, head: Token) -> tuple[str, ...]:
        """The publishers of the document `head` names, kept for a later "the report"."""
        self.last, self.label, self.kind = names, label, head.lemma_.lower()
        return names

    def _earlier_author(self, head: Token, pdoc: ParagraphDoc) -> tuple[tuple[str, ...], str] | None:
        """(names, label) of the person or organisation "by" whom the last earlier document of
        the same kind (the same noun) was written, in this paragraph or the one before."""
        lemma = head.lemma_.lower()
        for where in (pdoc, *self.adoc.paragraphs[max(0, pdoc.position - 1):pdoc.position][::-1]):
            tokens = [t for t in where.doc if t.lemma_.lower() == lemma and (where is not pdoc or t.i < head.i)]
            for token in reversed(tokens):
                found = self._by_author(token, where)
                if found is not None:
                    return found
        return None

    def _author_after(self, head: Token, pdoc: ParagraphDoc) -> tuple[tuple[str, ...], str] | None:
        """(names, label) of the author of the first later document of the same kind, in this
        paragraph or the next two: who "a new book" is by when the story names him after it."""
        lemma = head.lemma_.lower()
        if head.text[:1].isupper() and head.i > head.sent.start:
            return None  # a document of its own name is no later "the report": "the Gershon Report"
        # (for an indefinite one, research of any kind, in its paragraph and the next: "..., says a
        # report.\n\nProduced by Jupiter Research the analysis ...", "..., an influential survey
        # says.\n\n... The Conference Board survey of 5,000 households"; not "figures from the
        # British Retail Consortium" further on, nor for "the report", one named before)
        kinds = RESEARCH_NOUNS if lemma in RESEARCH_NOUNS and head.doc[head.left_edge.i].lower_ != "the" else {lemma}
        for where in self.adoc.paragraphs[pdoc.position:pdoc.position + 3]:
            for token in where.doc:
                if (token.lemma_.lower() == lemma or token.lemma_.lower() in kinds and where.position <= pdoc.position + 1) \
                        and (where is not pdoc or token.i > head.i):
                    found = self._by_author(token, where)
                    if found is not None:
                        return found
        return None

    def _by_author(self, document: Token, where: ParagraphDoc) -> tuple[tuple[str, ...], str] | None:
        """(names, label) of who wrote a document: "by" them, or their possessive ("The Bank's minutes")."""
        # (not a programme's name: "told the BBC's World Business Report")
        # ("The Conference Board survey": an organisation's name before a study; not "the BBC
        # poll", which a pollster made for the BBC, nor "the BBC News website")
        research = document.lemma_.lower() in RESEARCH_NOUNS - {"poll"}
        owner = next((c for c in document.children if c.dep_ == "poss" and c.ent_type_ in ("PERSON", "ORG")
                      or research and c.dep_ == "compound" and c.ent_type_ == "ORG"), None) \
            if document.is_lower else None
        if owner is not None and not several_people(owner):
            name, label = self._entity_named(owner, where)
            return (name,), label
        # (its maker's name untagged: "according to new data. The Conference Board survey of 5,000
        # households"; capitalised, not the sentence's first word alone)
        untagged = next((c for c in document.children if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_
                         and c.i == document.i - 1 and c.text[:1].isupper() and not c.is_sent_start), None) \
            if research and document.is_lower else None
        name = self._maker_named(untagged, where) if untagged is not None else None
        if name is not None:
            return (name,), "ORG"
        # (also the agent of the verb it is made by, "The survey of consumers ... was carried out by
        # consultancy group Capgemini"; the maker who has it as the object, "Dimension Data, which
        # commissioned the survey"; and "Research from Halifax, the country's biggest mortgage lender")
        # (each with whether it made the document without "by": the relative clause's)
        makers = [(t, False) for t in document.subtree]
        verb = document.head
        if document.dep_ == "nsubjpass" and verb.lemma_.lower() in _MAKING_VERBS:
            makers += [(g, False) for c in verb.children if c.dep_ == "agent" for g in c.children]
        if document.dep_ == "dobj" and verb.lemma_.lower() in _MAKING_VERBS and verb.dep_ == "relcl" \
                and any(c.dep_ == "nsubj" and c.lower_ in ("which", "who") for c in verb.children):
            makers.append((verb.head, True))
        for by, without_by in makers:
            if not without_by and (by.dep_ != "pobj" or by.head.lower_ not in ("by", "from")
                                   or (by.head.lower_ == "from" and by.head.head.i != document.i)):
                continue
            # (or the name set beside it: "the report by telecoms giant BT", "BT" tagged a place)
            for named in (by, *(c for c in by.children if c.dep_ == "appos")):
                # (a firm the tagger called a person there is the article's organisation: "Research
                # from Kelby Mutual, the country's biggest mortgage lender")
                firm = self._organisation_tagged_otherwise(named, where)
                if firm is not None:
                    return (firm, *self._joined_organisations(named, where, firm)), "ORG"
                if named.ent_type_ in ("PERSON", "ORG") and not several_people(named):  # "a report by MPs": unnamed
                    return self._named_with_conjuncts(named, where)
                if named.pos_ == "PROPN" and not named.ent_type_ and any(
                        c.dep_ == "compound" and c.lemma_.lower() in ORGANISATION_NOUNS for c in named.children):
                    # untagged after the noun of its kind: "by corporate responsibility firm Tenet
                    # and branding firm BrandVolt"
                    firm = self._maker_named(named, where)
                    if firm is not None:
                        return (firm, *self._joined_organisations(named, where, firm)), "ORG"
        return None

    def _joined_organisations(self, token: Token, pdoc: ParagraphDoc, first: str) -> list[str]:
        """The organisations joined to `token` by "and", each as the article names it, also one
        set beside the kind joined ("Tenet and branding firm BrandVolt")."""
        names = []
        for other in token.conjuncts:
            for named in (other, *(c for c in other.children if c.dep_ == "appos")):
                if named.ent_type_ == "ORG":
                    name = self._entity_named(named, pdoc)[0]
                    if name != first and name not in names:
                        names.append(name)
                    break
        return names

    def _named_with_conjuncts(self, token: Token, pdoc: ParagraphDoc) -> tuple[tuple[str, ...], str]:
        """(names, label) of the entity holding `token` and of the entities joined to it by "and"
        ("by Pact and the UK Film Council"), in the order written: PERSON only when all are people."""
        found = {token.i: self._entity_named(token, pdoc)}
        for other in token.conjuncts:
            if other.ent_type_ not in ("PERSON", "ORG"):
                # (the kind joined, its name hung beside it or beside the first: "by corporate social
                # responsibility firm Context and branding firm SalterBaxter")
                other = next((c for c in (*other.children, *token.children) if c.dep_ == "appos" and c.i > other.i
                              and c.ent_type_ in ("PERSON", "ORG")), other)
            if other.ent_type_ in ("PERSON", "ORG") and not several_people(other) \
                    and not any(e.start <= other.i < e.end and e.start <= token.i < e.end for e in token.doc.ents):
                found[other.i] = self._entity_named(other, pdoc)
        # (a list the parse broke, read from the text: "by Goldman Sachs & Co, Harris Interactive
        # and Neilsen/Net Ratings", "by the UN Economic Commission for Europe and the
        # International Federation of Robotics"; a name the tagger missed among them is a name
        # too: "Harris Interactive")
        # (a list that closes with "and": not "by Websidestory, Firefox's market share is")
        doc = token.doc
        item: Span = next(e for e in doc.ents if e.start <= token.i < e.end)
        listed: dict[int, tuple[str, str]] = {}
        while True:
            joined = _LISTED.match(doc.text, item.end_char)
            after = next((t for t in doc[item.end:] if t.idx >= joined.end()), None) if joined else None
            if after is None or after.idx != joined.end():
                break
            other = next((e for e in doc.ents if e.start == after.i), None)
            if other is not None and other.root.dep_ in ("compound", "nmod", "amod") and other.root.head.i >= other.end \
                    and other.root.head.lemma_.lower() in ORGANISATION_NOUNS:
                break  # a name that only says whose the organisation after it is: "and the UN aids agency"
            if other is not None and other.label_ in ("PERSON", "ORG"):
                listed[other.root.i] = self._entity_named(other.root, pdoc)
            elif other is None and not after.ent_type_ and after.pos_ == "PROPN" and after.is_title:
                other = name_run(after)
                listed[other.root.i] = (self.model.org_named(other.text, pdoc.start + other.start_char), "ORG")
            else:
                break
            item = other
            if re.search(r"\band\b|&", joined.group()):
                found.update(listed)
        names = list(dict.fromkeys(found[i] for i in sorted(found)))
        label = "PERSON" if all(label == "PERSON" for _, label in names) else "ORG"
        return tuple(name for name, _ in names), label

    def _entity_named(self, token: Token, pdoc: ParagraphDoc) -> tuple[str, str]:
        """(canonical name, "PERSON" or "ORG") of the PERSON or ORG entity holding `token`: the
        article's name for it (a person's full name, an organisation's fullest)."""
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        start, end = pdoc.offsets(ent)
        if ent.label_ == "PERSON":
            return self.model.name_at(start, end, "PERSON") or self.model.full_name(person_name(ent.text), start), "PERSON"
        return self.model.org_named(self.model.name_at(start, end, "ORG") or without_determiner(ent), start), "ORG"
