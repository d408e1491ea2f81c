"""Speakers: resolve the mention at a cue to a person or organisation, with its role.

Notes:
    The article's participants (participants.py) are every person and organisation it names,
    with their titles and what those allow a later sentence to call them. A mention resolves to
    the most recent compatible participant: a surname to the full name ("Sorel" -> "Ivan Sorel");
    a description ("the diplomat", "the Ruritanian leader", "the head of state", "the ministry")
    to the participant whose titles allow it (an ambassador is a diplomat, a president a leader),
    nationality and gender agreeing; a pronoun ("he", "according to her") to the nearest earlier
    person of agreeing gender, subjects first (after Hobbs 1978 and the salience ranking of
    Lappin & Leass 1994). Joint speakers ("Fisk and Brand said") keep every name: `speaker`
    reads "Lena Fisk and Tomas Brand", `speakers` lists them ("Lena Fisk; Tomas Brand").

    What the mention's words say on their own is read in speaker_mentions.py, documents' publishers
    in documents.py; once every quote has its speaker, continuations.py lets "he said" go on from
    the speaker before, and said_on.py dates the saying.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.names import (COURTESY_TITLES, FAMILY_NOUNS, GENDERED_WORDS, PEERAGE_TITLES, POST_NOMINALS, ROLE_CONNECTORS, ROLE_NOUNS,
                                   TITLE_MODIFIERS, fold, is_common_word, is_demonym, is_kind_of_organisation, is_known_place,
                                   is_agent_noun, is_organisation_acronym, is_party_name, is_person_description, is_plural, is_role_noun,
                                   is_title_word, person_name, role_descriptions,
                                   role_of)
from newskit.extract.quotes.cues import mention as mention_of
from newskit.extract.quotes.cues import REPORTING_VERBS, main_subject, previous_subject
from newskit.extract.quotes.documents import Publishers
from newskit.extract.quotes.participants import (COMMITTEE_NOUNS, DESCRIPTIVE_ORGANISATION_NOUNS, DOCUMENT_NOUNS, GENERIC_ORGANISATION_NOUNS, ORG_LABELS, ORGANISATION_NOUNS,
                                                 ORGANISATION_PARTS, PLACE_BODIES, PUBLICATION_NAME_WORDS, PUBLICATION_NOUNS, SAID_NOUNS, SPOKESPEOPLE, Participant,
                                                 Participants,
                                                 looks_like_person,
                                                 names_place_body, untagged_publication, without_determiner)
from newskit.extract.quotes.speaker_mentions import (MODIFIED_PERSON_NOUNS, RELATION_NOUNS, credited_author, held_at, SPEAKER_PRONOUNS, describes_a_person, member_described,
                                                     is_description, joint_members, name_beside, of_someone_unnamed,
                                                     role_after_organisation, royal_name, speaks_for_committee,
                                                     titled_person)
from newskit.frames import JOINT, joint_name

# Nouns of unnamed sources: "a source", "experts", "officials said" keep speaker_text only.
UNNAMED_SOURCE_NOUNS = lexicon.words("quotes/unnamed_source_nouns")
UNNAMED_BODIES = lexicon.words("quotes/unnamed_bodies")
# a web site named by its address: "gamesindustry.biz", "Halo.Bungie.Org", "news.com"
_WEB_ADDRESS = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|biz|info|tv|co\.uk|org\.uk)$", re.IGNORECASE)
# "Bookmaker", "Rival": a firm's kind a sentence's start glues onto its name, no part of it
_KINDS_BEFORE_NAMES = lexicon.words("entities/kinds_before_names")
_KINDS_AFTER_NAMES = lexicon.words("quotes/kinds_after_names")
# First words of a mention that leave its source unnamed: "a source", "some officials".
_INDEFINITE = lexicon.words("quotes/indefinite_determiners")
_TIE_NOUNS = lexicon.words("names/tie_nouns")
# The key of a row whose he/she was read through the description just before it (`_after_description`),
# which the continuations pass leaves alone; no frame column.
DESCRIBED = "_described"
# Row key: the people a he/she speaker's own clause names after it, whom it is not (the
# continuations pass reads it too)
NOT_IT = "_not_it"
# The titles of those who speak for a body: "a spokesman" may be the one the next sentence names.
_SPOKESPEOPLE = frozenset(w for w in SPOKESPEOPLE if w.startswith("spokes"))
# "the pair", "the duo": two people named just before
_PAIR_NOUNS = lexicon.words("quotes/pair_nouns")
# whose a document is: "according to its website", "his figures"
_POSSESSIVES = lexicon.table("quotes/owner_pronouns")

# What a party to a case files: "the lawsuit said" is the plaintiff's
_LEGAL_DOCUMENTS = lexicon.words("quotes/legal_document_nouns")
# Verbs (lemmas) whose subject brings a case: "Thomas Slattery filed the suit", "is suing"
_SUING_VERBS = frozenset({"sue", "file", "bring", "lodge", "issue", "launch", "take"})
# Entity labels of words that are never part of an organisation's name before it ("Until December Microsoft said").
_NOT_NAME_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


class Resolver:
    """Resolve speaker mentions against the article's participants."""

    def __init__(self, adoc: ArticleDoc) -> None:
        self.adoc = adoc
        self.model = Participants(adoc)
        self.publishers = Publishers(adoc, self.model)
        # the lead: the first body paragraph, which describes people the next one names
        self.lead = next((p for p in adoc.paragraphs if p.kind == "body"), None)
        self.quote: list[tuple[int, int]] | None = None
        # article offsets of each he/she read as an unnamed source -> that source's role, so the
        # next "he said" after it goes on with the same unnamed source
        self.unnamed_pronouns: dict[int, str] = {}
        self.named_orgs = frozenset(r["entity"] if isinstance(r.get("entity"), str) else r["text"]
                                    for r in self.model.entities if r["label"] == "ORG")

    def resolve(self, mention: Span, pdoc: ParagraphDoc, quote: list[tuple[int, int]] | None = None) -> dict:
        """speaker, speakers, speaker_text, speaker_start/end, speaker_label and speaker_role of a
        mention; `quote`, the parts (article offsets) of the words it said in quotation marks (a "he"
        is no one they call by first name)."""
        self.quote = quote
        members = joint_members(mention)
        if len(members) > 1:
            found = [self._one(m, pdoc) for m in members]
            if mention.label_ not in ("PERSON", "ORG") and all(m.root.ent_type_ == mention.label_ for m in members):
                # one name of another kind the tagger spanned over both ("The Ospreys and Scarlets
                # say", a work of art): each name as written
                found = [f if f.get("speaker") else {**f, "speaker": without_determiner(m), "speaker_label": None}
                         for f, m in zip(found, members)]
            names = [clean_speaker_name(f["speaker"], f["speaker_label"], self.named_orgs) for f in found if f.get("speaker")]
            title = mention.doc[mention.start - 1].lower_ if mention.start else ""
            if title.endswith("s") and title[:-1] in PEERAGE_TITLES:
                # "Princes William and Harry": the plural title belongs to each name
                names = [f"{title[:-1].capitalize()} {n}" if n and " " not in n else n for n in names]
            if len(names) == len(members) and len(set(names)) == len(names):
                start, end = pdoc.offsets(mention.doc[min(m.start for m in members):max(m.end for m in members)])
                labels = {f["speaker_label"] for f in found}
                return {"speaker": joint_name(names), "speakers": JOINT.join(names), "speaker_text": self.adoc.text[start:end],
                        "speaker_start": start, "speaker_end": end,
                        "speaker_label": labels.pop() if len(labels) == 1 else "PERSON", "speaker_role": None}
        row = self._one(members[0] if len(members) == 1 else mention, pdoc)  # (one firm's whole name: "Ironhorse Oil and Gas")
        if JOINT in (row.get("speakers") or ""):
            return row  # "the two firms": the organisations named together before
        row["speaker"] = row["speakers"] = clean_speaker_name(row["speaker"], row["speaker_label"], self.named_orgs)
        if row["speaker"] and ((row["speaker_label"] == "ORG" and fold(row["speaker"].split()[-1]) in UNNAMED_BODIES)
                               or fold(row["speaker"]) in UNNAMED_BODIES):
            # "the Russian government said", "it" for one, "Downing Street said" (whatever label
            # the tagger gave it): an unnamed source, its body the role
            return {**row, "speaker": None, "speakers": None, "speaker_label": None, "speaker_role": row["speaker"]}
        if row["speaker"] in self.named_orgs and row["speaker_label"] == "PERSON" and row["speaker"] not in self.model.people:
            row["speaker_label"] = "ORG"  # "said M&S."
        return row

    def _one(self, mention: Span, pdoc: ParagraphDoc) -> dict:
        start, end = pdoc.offsets(mention)
        row = {"speaker": None, "speaker_text": mention.text, "speaker_start": start, "speaker_end": end,
               "speaker_label": None, "speaker_role": None}
        head = mention.root
        lower = mention.text.lower()
        if len(mention) == 1 and lower in SPEAKER_PRONOUNS:
            kind = SPEAKER_PRONOUNS[lower]
            verb = head.head
            passive = [v for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
                       if v.lemma_.lower() in REPORTING_VERBS and any(c.dep_ == "auxpass" for c in v.children)]
            if kind == "neuter" and head.dep_ in ("nsubj", "nsubjpass") and passive:
                return row  # "It has to be said ...", "it is reported that ...": no one in particular
            found = self._it(head, pdoc) if kind == "neuter" else None
            if found is not None:
                return {**row, **found}
            found = self._after_description(head, pdoc, kind) if kind in ("male", "female") else None
            if found is not None:  # (kept by the continuations pass: DESCRIBED)
                return {**row, **found, DESCRIBED: True}
            unnamed = self._after_unnamed(head, pdoc, kind) if kind in ("male", "female") else None
            if unnamed is not None:  # "One leading Karachi broker said ... he says": no one named
                self.unnamed_pronouns[start] = unnamed
                return {**row, "speaker_role": unnamed, DESCRIBED: True}
            together = self._they_together(head, pdoc) if kind == "plural" else None
            if together is not None:  # "Tony Blair and Gordon Brown are trying ... they are insisting"
                names, label = together
                return {**row, "speaker": joint_name(names), "speakers": JOINT.join(names), "speaker_label": label}
            named = self._organisation_as_they(head, pdoc) if kind == "plural" else None
            if named is not None:
                return {**row, **named}
            not_it = self._named_under(head, pdoc)
            return {**row, **self._pronoun(SPEAKER_PRONOUNS[lower], start, pdoc.sentence_of(head.i), not_it=not_it),
                    NOT_IT: not_it}
        lettered = _name_before_letters(mention)
        if lettered is not None:  # "Judge Richard Mawrey, QC told the hearing": the name, not "QC"
            start, end = pdoc.offsets(lettered)
            row = {**row, "speaker_text": lettered.text, "speaker_start": start, "speaker_end": end}
            mention, head = lettered, lettered.root
        if len(mention) >= 2 and all(t.pos_ in ("PROPN", "NOUN", "ADJ") and t.text[:1].isupper() and t.ent_type_ not in ("PERSON", "ORG")
                                     for t in mention):
            # a name the tagger missed here but tagged elsewhere in the article: "according to Swiss
            # Re" ("Swiss" a nationality) with "Swiss Re" a name further on
            row_elsewhere = next((r for r in self.model.entities if r["text"] == mention.text), None)
            if row_elsewhere is not None:
                name = row_elsewhere["entity"] if isinstance(row_elsewhere.get("entity"), str) else row_elsewhere["text"]
                return {**row, "speaker": name, "speaker_label": "ORG" if row_elsewhere["label"] != "PERSON" else "PERSON"}
            # or a firm's name opened by a nationality, not a description: "according to Swiss Re"
            # (not "French President", "the Swiss government", "Swiss officials")
            if len(mention) <= 3 and mention[0].ent_type_ == "NORP" and not mention[0].is_sent_start \
                    and not any(is_title_word(t.text) or is_role_noun(t) or t.lemma_.lower() in ORGANISATION_NOUNS
                                or (is_plural(t) and t.lower_.endswith("s")) or t.ent_type_ == "NORP" for t in mention[1:]):
                if mention.text not in self.model.orgs:  # (known from here on: "... the reinsurer said")
                    self.model.add_org(mention.text, pdoc, mention, "ORG")
                return {**row, "speaker": mention.text, "speaker_label": "ORG"}
        bare = without_determiner(mention)
        if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() and not head.ent_type_:
            spelled = self.model.org_of_acronym(bare)
            if spelled is not None:  # "The CIPS said", untagged, after "the Chartered Institute of Purchasing and Supply (CIPS)"
                return {**row, "speaker": spelled.name, "speaker_label": "ORG"}
        if _WEB_ADDRESS.match(mention.text):
            return {**row, "speaker": mention.text, "speaker_label": "ORG"}  # "says gamesindustry.biz": a site, by its address
        if len(mention) == 2 and mention[0].lower_ == "the" and head.lemma_.lower() in _PAIR_NOUNS:
            pair = self._pair(mention, pdoc)
            if pair is not None:  # "Kenteris and Thanou withdrew ... The pair then spent"
                return {**row, "speaker": joint_name(pair), "speakers": JOINT.join(pair), "speaker_label": "PERSON"}
        if head.tag_ == "NNS" and head.lemma_.lower() in PUBLICATION_NOUNS and mention[0].lower_ in ("the", "both") \
                and all(t.i == head.i or t.lower_ in ("the", "both", "two") for t in mention):
            papers = self.model.publications_together(start)
            if papers is not None:  # "reports in the Sunday Times and Sunday Telegraph ... The papers suggest"
                return {**row, "speaker": joint_name(papers), "speakers": JOINT.join(papers), "speaker_label": "ORG"}
        # (a document noun's author is the publishers' to read: documents.py)
        author = credited_author(head) if head.ent_type_ != "PERSON" and head.lemma_.lower() not in DOCUMENT_NOUNS else None
        if author is not None:  # "Brown's Britain, by Robert Peston, says": the work's author
            found = self._one(mention_of(author), pdoc)
            if found.get("speaker"):
                return {**row, **{k: found[k] for k in ("speaker", "speaker_label", "speaker_role")}}
        member = member_described(mention)
        if member is not None:  # "said the Sale full-back", the club parsed as the subject
            start, end = pdoc.offsets(member)
            row = {**row, "speaker_text": member.text, "speaker_start": start, "speaker_end": end}
            return self._just_written_about(member, member[-1], row, start, pdoc)
        role_after = role_after_organisation(mention)
        if role_after is not None:  # "A Department for Constitutional Affairs spokeswoman said": unnamed
            start, end = pdoc.offsets(role_after)
            row = {**row, "speaker_text": role_after.text, "speaker_start": start, "speaker_end": end,
                   "speaker_role": without_determiner(role_after)}
            named_next = self._spokesperson_named_next(role_after, pdoc)
            return row if named_next is None else {**row, "speaker": named_next.name, "speaker_label": "PERSON"}
        royal = royal_name(mention)
        if royal is not None:  # "the Queen", "the Duke of Edinburgh": how the article names them
            return {**row, **self._person(mention, pdoc, None), "speaker": self.model.full_name(royal, start)}
        named = name_beside(mention)
        if named is not None:  # "Labour MP" + "Derek Wyatt", "A spokesman, Jorg Wojahn,"
            # the speaker as written runs over both: "the chairman of the Commons education select
            # committee, Labour MP Barry Sheerman" is no description left to read elsewhere
            start, end = min(start, pdoc.offsets(named)[0]), max(end, pdoc.offsets(named)[1])
            row = {**row, "speaker_text": self.adoc.text[start:end], "speaker_start": start, "speaker_end": end}
            mention, head = named, named.root
        if named is None and head.lemma_.lower() in FAMILY_NOUNS and not is_plural(head) \
                and any(c.dep_ == "poss" for c in head.children):
            kin = self.model.kin_named(head.lemma_.lower(), start, end)
            if kin is not None:  # "his son said" of "Thorne Nogar and his son Stephen"
                return {**row, "speaker": kin.name, "speaker_label": "PERSON", "speaker_role": None}
        titled = titled_person(mention)
        if titled is not None:  # "Ambassador to Lima Olga Marek" parsed as the title with the name inside
            mention, role = titled
            head = mention.root
        else:
            role = None
        lemma = head.lemma_.lower()
        if titled is None and named is None and names_place_body(mention):  # "the Scottish Executive said"
            return {**row, "speaker": self.model.org_named(without_determiner(mention), start), "speaker_label": "ORG"}
        # "Mr Tanzi's statement", "a Capital Economics statement"; "An IAAF statement" with "IAAF"
        # tagged nothing there but named as an organisation before
        owner = next((c for c in head.children if c.dep_ == "poss" or (c.dep_ == "compound" and lemma in SAID_NOUNS and (
            c.ent_type_ in ("PERSON", "ORG") or (c.pos_ == "PROPN" and not c.ent_type_ and c.text in self.model.orgs)))), None) \
            if lemma in DOCUMENT_NOUNS | SAID_NOUNS | _LEGAL_DOCUMENTS else None
        if owner is None and lemma in SAID_NOUNS:
            # "A statement by Symbian played down ... and said": its maker after "by" or "from"
            # (also the name set beside a kind there: "A statement from the band's record company Universal")
            owner = next((n for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                          for g in c.children if g.dep_ == "pobj"
                          for n in (g, *(a for a in g.children if a.dep_ == "appos" and g.pos_ == "NOUN"))
                          if n.pos_ == "PROPN" and (n.ent_type_ in ("PERSON", "ORG") or n.text in self.model.orgs)), None)
        if owner is None and lemma in SAID_NOUNS:
            # where it was put out, and whose that is: "a statement on her website said" is hers
            owner = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                          for g in c.children if g.dep_ == "pobj" for p in g.children if p.dep_ == "poss"), None)
        if owner is not None and titled is None and named is None:
            if owner.lower_ in _POSSESSIVES:  # "according to its website": whoever "it" is
                kind = _POSSESSIVES[owner.lower_]
                # (a statement speaks of its owner as of anyone: "Kim had considered returning
                # ...," a statement on her website said)
                found = (self._it(owner, pdoc) if kind == "neuter" else None) \
                    or self._pronoun(kind, pdoc.start + owner.idx, pdoc.sentence_of(owner.i), about_itself=True)
                return {**row, **found}
            if owner.pos_ == "PROPN" or (owner.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass")
                                         and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)):
                # "Mr Tanzi's statement", "Mr Sands' book", "the company's statement said"
                found = self._one(mention_of(owner), pdoc)
                if found.get("speaker"):
                    return {**row, **{k: found[k] for k in ("speaker", "speaker_label", "speaker_role")}}
        if lemma in _LEGAL_DOCUMENTS and titled is None and named is None and not any(
                c.dep_ == "poss" for c in head.children):
            # "the lawsuit said": whoever brought it ("Californian Thomas Slattery filed the suit")
            plaintiff = self._plaintiff(start, pdoc)
            if plaintiff is not None:
                return {**row, **plaintiff}
        if lemma in DOCUMENT_NOUNS and lemma in ORGANISATION_NOUNS and titled is None and named is None \
                and mention[0].lower_ == "the":
            # "The Mirror newspaper said ... The paper said": an organisation of that kind, when one
            # spoke before, not a document
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i))
            if entry is not None and entry.label == "ORG":
                return {**row, "speaker": entry.name, "speaker_label": "ORG"}
        # (not "a senior government figure"; but a title's word inside a name is the name's: "A
        # National Audit Office report")
        if lemma in DOCUMENT_NOUNS and is_plural(head) and pdoc is self.lead and titled is None and named is None \
                and not any(c.dep_ in ("det", "poss", "nummod", "prep") for c in head.children):
            # the lead's "reports", the newspaper the next sentence introduces: "..., newspaper
            # reports claim.\n\nThe Sunday Telegraph said the LSE's plan was further evidence"
            # (not one named later for something else: "..., according to reports.\n\nLiverpool
            # were reported to have bid £3.5m ... But the Liverpool Echo newspaper has said")
            paper = self._introduced_next_sentence(self.model.orgs, start, pdoc, lambda e: (
                bool(PUBLICATION_NOUNS & e.descriptions) or any(w in PUBLICATION_NAME_WORDS for w in e.name.split())))
            if paper is not None:
                return {**row, "speaker": paper.name, "speaker_label": "ORG"}
        if lemma in DOCUMENT_NOUNS and titled is None and named is None \
                and not any(fold(t.text) in TITLE_MODIFIERS and not t.ent_type_ for t in mention):
            publisher = self.publishers.publisher(mention, pdoc, self._horizon(pdoc))
            if publisher and len(publisher) > 1:  # "The study, commissioned by Pact and the UK Film Council"
                return {**row, "speaker": joint_name(list(publisher)), "speakers": JOINT.join(publisher),
                        "speaker_label": self.publishers.label}
            if publisher:
                return {**row, "speaker": publisher[0], "speaker_label": self.publishers.label}
        determiner = mention[0].lower_ if len(mention) > 1 else ""
        if titled is None and named is None and speaks_for_committee(mention):
            body = self.model.committee(start)  # "MPs said" in a story about a committee's report
            if body is not None:
                return {**row, "speaker": body.name, "speaker_label": "ORG"}
        if lemma == "party" and not is_plural(head) and determiner == "the" and len(mention) == 2:
            party = self.model.party(start)  # "the party said": the party named last
            if party is not None:
                return {**row, "speaker": party, "speaker_label": "ORG"}
        if titled is None and named is None and (mention.label_ == "PERSON" or head.ent_type_ == "PERSON"
                                                 or (not head.ent_type_ and not is_plural(head))) \
                and head.text[:1].isupper() and is_party_name(without_determiner(mention)):
            # "The Lib Dems", tagged PERSON; "Labour said", tagged nothing (not "Conservatives in
            # the Iranian parliament say", untagged)
            return {**row, "speaker": without_determiner(mention), "speaker_label": "ORG"}
        if (lemma in ORGANISATION_PARTS or (lemma == "board" and not is_plural(head))) and head.is_lower \
                and titled is None and named is None:
            # "the Google press office said", "Sony's management said": the organisation named there
            # (a board only as the owner's: "Santander's board", not "the IPCL board" of its members)
            owner = next((self._organisation_at(pdoc, c) for c in head.children
                          if (c.dep_ == "poss" or (c.dep_ == "compound" and lemma != "board")) and c.i < head.i
                          and c.pos_ == "PROPN"), None)
            if owner in self.model.orgs and self.model.orgs[owner].entity_label == "ORG":
                return {**row, "speaker": self.model.org_named(owner, start), "speaker_label": "ORG"}
        if is_plural(head) and (is_role_noun(head) or lemma in UNNAMED_SOURCE_NOUNS) and titled is None \
                and not (head.ent_type_ == "PERSON" and head.text[:1].isupper()):
            if pdoc is self.lead and is_role_noun(head) and lemma not in UNNAMED_SOURCE_NOUNS \
                    and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
                # the lead's office, the holder of it the next sentence introduces: "..., ministers
                # have revealed.\n\nIn a written answer, Constitutional Affairs Minister Chris
                # Leslie said" (not "officials", "experts": whoever the story names next; nor one
                # named later on: "Ministers have insisted ...\n\nA report by ... says ... Deputy
                # Health Minister Rhona Brankin has pledged to study the research")
                entry = self._office_holder_next(lemma, start, pdoc)
                if entry is not None:
                    return {**row, "speaker": entry.name, "speaker_label": "PERSON", "speaker_role": entry.roles[0]}
            if pdoc is self.lead and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
                # or the organisation the next paragraph introduces whose name holds its noun:
                # "..., leading economists have warned.\n\n... the Financial Economists Roundtable
                # (FER) wants Congress to act" (not a word before it: "union officers" are no
                # Factory Workers Union)
                entry = self.model.introduced_after(self.model.orgs, start, self._horizon(pdoc), lambda e: (
                    e.entity_label == "ORG" and _singular(lemma) in {_singular(w) for w in e.words}), any_part=True)
                if entry is not None:
                    return {**row, "speaker": entry.name, "speaker_label": "ORG"}
            return row  # "MPs", "Tory officials": several unnamed people (not "Fiona Deans", "Ms Deans")
        if titled is None and named is None and untagged_publication(mention):
            # "according to the Hollywood Reporter", the name tagged a place and a word; known
            # from here on ("... the paper said")
            name = self.model.org_named(without_determiner(mention), start)
            if name not in self.model.orgs:
                self.model.add_org(name, pdoc, mention, "ORG")
            return {**row, "speaker": name, "speaker_label": "ORG"}
        if titled is None and named is None and not is_role_noun(head) and describes_a_person(mention):
            # "said the 20-year-old", "The world champion says", "said the Scot" (tagged a person),
            # "The DJ" (tagged an organisation): the person just written about
            return self._just_written_about(mention, head, row, start, pdoc)
        description = titled is None and is_description(mention)
        if is_kind_of_organisation(without_determiner(mention)):
            description = True  # "the Government said": a kind of organisation, not its name
        if not description and (mention.label_ == "PERSON" or head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and (
                self._known(mention) or (not head.ent_type_ and mention.label_ != "ORG"))) or looks_like_person(mention.text)
                or (len(mention) == 1 and head.pos_ == "NOUN" and head.text[:1].isupper() and not head.ent_type_
                    and self._surname_of_someone(head.text))  # "Pires told" with "Pires" tagged a plural noun
                or (mention.label_ in ORG_LABELS and self._person_row(*pdoc.offsets(mention)))):
            return {**row, **self._person(mention, pdoc, role)}
        # (not "unions said", tagged ORG: several unnamed)
        if not description and (mention.label_ in ORG_LABELS or head.ent_type_ in ORG_LABELS) \
                and not is_common_word(without_determiner(mention)):
            doc, first = mention.doc, mention.start
            while first > 0 and doc[first - 1].dep_ in ("compound", "amod") and mention.start <= doc[first - 1].head.i < mention.end \
                    and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].ent_type_ == "ORG"  # "eBay" + "UK"
                         or (doc[first - 1].is_title and not doc[first - 1].is_sent_start)) \
                    and (doc[first - 1].ent_type_ not in _NOT_NAME_LABELS or (first > 1 and doc[first - 2].lower_ == "the")) \
                    and doc[first - 1].lower_ not in _KINDS_BEFORE_NAMES:
                # "Liberal" + "Democrats" (tagged PROPN, or ADJ), "The Sunday" + "Telegraph" (not
                # "Until December" + "Microsoft")
                first -= 1
            if first < mention.start:
                mention = doc[first:mention.end]
                start = pdoc.offsets(mention)[0]
                name = without_determiner(mention)
            else:  # (the name's own offsets: "the French news agency AFP" is AFP's row)
                name = self.model.name_at(*pdoc.offsets(mention), "ORG") or without_determiner(mention)
            return {**row, "speaker": self.model.org_named(name, start), "speaker_label": "ORG"}
        if determiner in _INDEFINITE and self._opens(pdoc, start) and head.tag_ in ("NN", "NNP") \
                and (is_role_noun(head) or is_person_description(head) or (
                    is_agent_noun(head) and lemma not in ORGANISATION_NOUNS | DOCUMENT_NOUNS | SAID_NOUNS)) \
                and lemma not in UNNAMED_SOURCE_NOUNS and titled is None:
            # the lead describes who the next paragraph names: "..., a Labour backbencher has
            # said.\n\nDerek Wyatt said ..."; so does a noun of what someone does ("... has
            # prompted a Labour donor to say ...\n\nDuncan Bannatyne also attacked")
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i), self._horizon(pdoc), backward=False, lead=True)
            if entry is not None and entry.label == "PERSON":
                return {**row, "speaker": entry.name, "speaker_label": "PERSON",
                        "speaker_role": entry.roles[0] if entry.roles else without_determiner(mention)}
        kind_of_one = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                            if g.dep_ == "pobj" and g.tag_ == "NNS"), None) if head.lower_ == "one" else None
        if kind_of_one is not None and self._opens(pdoc, start) and kind_of_one.lemma_.lower() not in ORGANISATION_NOUNS \
                and kind_of_one.lemma_.lower() not in DOCUMENT_NOUNS:
            # "..., one of their frontbenchers has predicted.\n\nLocal government spokesman Ed
            # Davey was speaking as ...": one of some people, the one the story goes on to name
            named_next = self._person_named_next(row, start, pdoc, None)
            if named_next is not None:
                return named_next
        if determiner in ("his", "her", "their") and len(mention) == 2 and self._opens(pdoc, start) and head.tag_ == "NN" \
                and (lemma in _TIE_NOUNS or lemma in RELATION_NOUNS) and titled is None:
            # "..., claims his agent.\n\n... But Bernie Mandic said": the one the next paragraph
            # introduces (the agent's client was named before)
            named_next = self._person_named_next(row, start, pdoc, without_determiner(mention))
            if named_next is not None:
                return named_next
        if determiner in ("a", "an") and pdoc is self.lead and head.tag_ == "NN" and lemma in ORGANISATION_NOUNS \
                and not is_role_noun(head) and titled is None and named is None:
            # the lead describes the organisation the next paragraph names: "..., a charity has
            # warned.\n\nThe World Trade Organisation (WTO) is to end ... Christian Aid condemned
            # the move" is Christian Aid (a name of no kind, or of this one), not the WTO
            entry = self.model.introduced_after(self.model.orgs, start, self._horizon(pdoc), lambda e: e.entity_label == "ORG" and (
                e.generic or lemma in e.descriptions or lemma in GENERIC_ORGANISATION_NOUNS))
            if entry is not None:
                # (what the lead called it, it may be called again: "A bookmaker has stopped ...
                # William Hill made the move ... The bookmaker said")
                entry.descriptions.add(lemma)
                return {**row, "speaker": self.model.org_named(entry.name, start), "speaker_label": "ORG"}
        named_next = self._spokesperson_named_next(mention, pdoc) if determiner in _INDEFINITE else None
        if named_next is not None:  # "But a spokesman stressed ... "...," MAB spokesman Dr Azzam Tamimi said"
            return {**row, "speaker": named_next.name, "speaker_label": "PERSON", "speaker_role": named_next.roles[0]}
        if determiner in _INDEFINITE or (head.tag_ in ("NNS", "NNPS") and lemma not in ORGANISATION_NOUNS) \
                or (lemma in UNNAMED_SOURCE_NOUNS and lemma not in ROLE_NOUNS):
            return row  # an unnamed source: "a source", "experts", "officials"
        if lemma in ORGANISATION_NOUNS and head.tag_ in ("NNS", "NNPS") and titled is None:
            # (of a kind any organisation may be called: "the companies", "the parties", not "the unions")
            together = self._named_together(mention, pdoc) \
                if determiner in ("the", "both") and lemma in GENERIC_ORGANISATION_NOUNS | {"party"} else None
            if together is None and lemma in GENERIC_ORGANISATION_NOUNS and (
                    determiner == "both" or any(t.lower_ in ("two", "both") for t in mention)):
                together = self.model.last_two_speaking(start, pdoc.sentence_of(head.i))
            if together is None and lemma in GENERIC_ORGANISATION_NOUNS and determiner == "the" \
                    and any(t.lower_ in ("two", "both") for t in mention):
                # else the two the sentence before names, whatever their part there: "... Mitsubishi
                # Motors has struck a deal to supply French car maker Peugeot ...\n\nThe two firms
                # signed a Memorandum of Understanding, and say"
                together = self.model.two_named_in(pdoc.sentence_of(head.i) - 1)
            if together is None and pdoc is self.lead and all(t.i == head.i or t.dep_ == "amod" for t in mention):
                # the lead's bare kind, the organisations the next paragraph introduces: "...,
                # watchdogs have said.\n\nThe Securities & Exchange Commission accused", "...,
                # lenders have said.\n\nBoth the Council of Mortgage Lenders (CML) and Building
                # Society Association (BSA) said"
                together = self._introduced_together(start, pdoc, lemma)
            if together is not None and len(together) == 1:
                return {**row, "speaker": together[0], "speaker_label": "ORG"}
            if together is not None:  # "EADS and BAE Systems ... the companies said"
                return {**row, "speaker": joint_name(together), "speakers": JOINT.join(together), "speaker_label": "ORG"}
            return row  # "the tobacco companies said": several, unnamed
        if lemma in ORGANISATION_NOUNS and any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in (*ORG_LABELS, "LOC", "FAC")
                                               for c in head.children):
            return row  # "May's government said": an organisation the article names only by its leader
        if lemma in ORGANISATION_NOUNS and not is_role_noun(head):
            own = without_determiner(mention)
            # (not a kind the tagger gave no name, only capitalised words of what it is: "The High
            # Street retailer said", a description of Next)
            if len(own.split()) > 1 and own in self.model.orgs and not (
                    head.is_lower and lemma in DESCRIPTIVE_ORGANISATION_NOUNS and self.model.orgs[own].entity_label == "NP"
                    and _no_name_before_kind(mention, self.model.orgs)):
                # "the Russian defense ministry"
                return {**row, "speaker": self.model.org_named(own, start), "speaker_label": "ORG"}
            # a word of one organisation's name in it: "The Florida-based Falic group" after "the
            # Falic Group" (not a place's or people's word: "The German giant")
            # (not a word before a hyphen: "the Labour-run council", "The Florida-based")
            holders = {self.model.org_with_word(t.text, start) for t in mention if t.i != head.i and t.pos_ == "PROPN"
                       and t.text[:1].isupper() and t.ent_type_ not in ("GPE", "LOC", "NORP") and not is_demonym(t.text)
                       and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-")}
            if len(holders) == 1 and None not in holders:
                return {**row, "speaker": holders.pop(), "speaker_label": "ORG"}
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i), self._horizon(pdoc), lead=pdoc is self.lead)
            return {**row, "speaker": entry.name, "speaker_label": "ORG"} if entry else row
        if (is_role_noun(head) or description) and of_someone_unnamed(head):
            return {**row, "speaker_role": without_determiner(mention)}  # "the chief executive of a car maker"
        if pdoc is self.lead and determiner == "the" and is_role_noun(head) and not is_plural(head) \
                and any(obj.pos_ == "NOUN" for obj in held_at(head)):
            # the lead's office at something it does not name, its holder the next sentence
            # introduces: "..., says the boss of the organisation that cleared them.\n\nGreek
            # Athletics Federation boss Vassilli Sevastis told"
            entry = self._office_holder_next(lemma, start, pdoc)
            if entry is not None:
                return {**row, "speaker": entry.name, "speaker_label": "PERSON", "speaker_role": entry.roles[0]}
        if is_role_noun(head) or description:
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i), self._horizon(pdoc), lead=pdoc is self.lead)
            if entry is None and determiner == "the" and not is_plural(head) and fold(head.text) not in SPOKESPEOPLE:
                # else the person the sentence before is about (not "the spokesman": someone else's)
                entry = self._subject_just_before(mention, start, pdoc)
            if entry is not None and pdoc is self.lead and entry.label == "PERSON" and not entry.roles and not is_plural(head):
                # what the lead called someone it gave no title, a later description is read
                # against: "London's most senior police officer has warned ... Sir Ian Blair said"
                # is no "the prime minister" (the Tony Blair named once is)
                entry.descriptions |= role_descriptions(without_determiner(mention).split()) | {lemma}
            if entry is not None:
                return {**row, "speaker": entry.name, "speaker_label": entry.label,
                        "speaker_role": entry.roles[0] if entry.roles else None}
            return {**row, "speaker_role": without_determiner(mention)}
        if determiner == "the" and len(mention) == 2 and head.tag_ == "NN" and head.dep_ == "nsubj" \
                and head.head.lemma_.lower() == "add" and titled is None:
            # a noun of someone's tie going on with what the sentence before had them say: "But
            # Alli insists the player is worth more ... "...," the agent added"
            entry = self._subject_just_before(mention, start, pdoc)
            if entry is not None:
                return {**row, "speaker": entry.name, "speaker_label": entry.label, "speaker_role": without_determiner(mention)}
        if len(mention) == 1 and not head.ent_type_ and head.text[:1].isupper() and head.text[1:].islower() \
                and head.is_alpha and titled is None and named is None:
            # an untagged surname of someone the article names in full, before or after: "Groening
            # recently heaped praise on The Office, saying: ..." (parsed a verb) before "Matt
            # Groening was also at the awards"
            name = self.model.full_name(head.text, start)
            if " " in name and name in self.model.people and name.split()[-1] == head.text:
                return {**row, **self._person(mention, pdoc, None)}
        if determiner == "the" and pdoc is self.lead and head.tag_ == "NN" and titled is None and named is None \
                and (head.lower_ in MODIFIED_PERSON_NOUNS or is_agent_noun(head)) and not self._anyone_named_before(start):
            # the story's person, described before anyone is named: "The man who said he got
            # Oscar-nominated movie The Aviator off the ground has been shut out ...\n\nCharles
            # Evans Jr battled over his role"
            named_next = self._person_named_next(row, start, pdoc, None)
            if named_next is not None:
                return named_next
        return row

    def _named_under(self, pronoun: Token, pdoc: ParagraphDoc) -> frozenset[str]:
        """The people a subject pronoun's own clause names after it, outside quotation marks, by a
        name with a first name or a courtesy title: "he insisted he still trusted Mr Blair" is not
        Mr Blair (who would be "himself")."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.i < pronoun.i:
            return frozenset()
        names = set()
        for ent in pronoun.doc.ents:
            if ent.label_ != "PERSON" or ent.start <= pronoun.i or not (pronoun.head.left_edge.i <= ent.start <= pronoun.head.right_edge.i):
                continue
            start, end = pdoc.offsets(ent)
            before = pronoun.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
            if self.model.quoted_at(start) or not (" " in ent.text or before in COURTESY_TITLES):
                continue
            name = self.model.name_at(start, end, "PERSON")
            if name is not None:
                names.add(name)
        return frozenset(names)

    def _subject_just_before(self, mention: Span, start: int, pdoc: ParagraphDoc) -> Participant | None:
        gender = next((GENDERED_WORDS[t.lower_] for t in mention if t.lower_ in GENDERED_WORDS), None)
        return self.model.subject_just_before(gender, start, pdoc.sentence_of(mention.root.i), without_determiner(mention))

    def _person_named_next(self, row: dict, start: int, pdoc: ParagraphDoc, role: str | None) -> dict | None:
        """The row of the person the story introduces next, before the end of the next paragraph,
        as the speaker of a description in its opening (`role` when the article gave them none);
        None when it introduces no one."""
        entry = self.model.introduced_after(self.model.people, start, self._horizon(pdoc))
        if entry is None:
            return None
        return {**row, "speaker": entry.name, "speaker_label": "PERSON", "speaker_role": entry.roles[0] if entry.roles else role}

    def _office_holder_next(self, office: str, start: int, pdoc: ParagraphDoc) -> Participant | None:
        """The person the first sentence after the lead introduces with a title holding `office`
        (a role noun's lemma: "minister", "boss"); None when it introduces none."""
        return self._introduced_next_sentence(self.model.people, start, pdoc, lambda e: any(
            office in fold(role).split() for role in e.roles))

    def _introduced_next_sentence(self, pool: dict[str, Participant], start: int, pdoc: ParagraphDoc,
                                  accept) -> Participant | None:
        """The participant of `pool` that `accept` takes, introduced after `start` as a subject in
        the sentence opening the paragraph after `pdoc` (the lead), where the story names who the
        lead described; None when there is none."""
        following = self.adoc.paragraphs[pdoc.position + 1:pdoc.position + 2]
        if not following:
            return None
        return self.model.introduced_after(pool, start, self._horizon(pdoc), lambda e: accept(e) and any(
            said_in == following[0].first_sentence for _, said_in, _ in e.mentions[:2]))

    def _introduced_together(self, start: int, pdoc: ParagraphDoc, kind: str) -> list[str] | None:
        """The organisations a plural kind noun of the lead stands for (`kind`, its lemma:
        "watchdog"): the first one the story introduces after it as a sentence's subject that the
        kind fits, with one named next to it joined by "and" ("Both the CML and BSA said");
        None when it introduces none."""
        def fits(entry: Participant) -> bool:  # (called so by its name or the article: not "US regulators" for Merck)
            return entry.entity_label == "ORG" and kind in entry.descriptions
        first = self.model.introduced_after(self.model.orgs, start, self._horizon(pdoc), fits)
        if first is None:
            return None
        # (one joined to it by "and": "the Council of Mortgage Lenders (CML) and Building Society
        # Association (BSA)")
        at = next(m[0] for m in first.mentions if m[1] not in self.model.headings)
        joined = re.compile(r"[^.;:]{0,%d}?(\s*\([A-Z&]+\))?,?\s+and\s+(the\s+)?" % (len(first.name) + 4))
        others = [entry.name for entry in self.model.orgs.values() if entry is not first and entry.entity_label == "ORG"
                  and any(m[0] > at and joined.fullmatch(self.adoc.text[at:m[0]]) for m in entry.mentions[:1])]
        return [first.name, *others[:1]]

    def _spokesperson_named_next(self, mention: Span, pdoc: ParagraphDoc) -> Participant | None:
        """The spokesperson the next sentence names for "a spokesman" ("A spokesman for the
        anti-fraud office said ... "...," spokesman Jorg Wojahn said"): a person first named there
        with a spokes- title, of the same gender, whose title and name give no other body than
        "for X" (or the capitalised words before "spokesman") does, or, with none given, than the
        organisation last a sentence's subject."""
        head = mention.root
        if mention[0].lower_ not in ("a", "an") or head.lower_ not in _SPOKESPEOPLE:
            return None
        sentence = pdoc.sentence_of(head.i)
        # the body it speaks for: "for the European Anti-Fraud Office", "A Kelby Foods spokeswoman"
        body = {fold(t.text) for t in head.subtree if t.i > head.i and (t.head.lower_ == "for" or t.head.dep_ == "pobj")} \
            | {fold(t.text) for t in mention if t.i < head.i and t.text[:1].isupper()}
        for entry in self.model.people.values():
            first = entry.mentions[0] if entry.mentions else None
            if first is None or first[1] != sentence + 1 or not any(w.startswith("spokes") for r in entry.roles
                                                                      for w in r.lower().split()):
                continue
            # the capitalised words of the title before the name: "Lib Dem home affairs spokesman"
            before = re.split(r"[\"“”,.;:()]", self.adoc.text[max(0, first[0] - 80):first[0]])[-1].split()
            # and of its titles: "Xing Wangli, a spokesman for the State Tobacco Administration"
            words = [*before, *(w for role in entry.roles for w in role.split())]
            named = {fold(w) for w in words if w[:1].isupper() and not w.lower().startswith("spokes")
                     and fold(w) not in COURTESY_TITLES | {"the", "a", "an"}}
            gender = GENDERED_WORDS.get(head.lower_)
            if gender and entry.gender and gender != entry.gender:
                continue  # "A spokeswoman for Bat" is not "Xing Wangli, ... He also said"
            if named and not named & (body or self._last_organisation_words(pdoc.offsets(mention)[0])):
                # "a Labour spokesman ... Tory spokesman Tim Yeo"; with no body given, the one last
                # a subject ("Last year MAB ... urged Muslims ... But a spokesman stressed ... MAB
                # spokesman Dr Azzam Tamimi said"), not another party's ("the Tories insisted ...
                # a spokesman said. Lib Dem home affairs spokesman Mark Oaten")
                continue
            return entry
        return None

    def _last_organisation_words(self, offset: int) -> set[str]:
        """The folded words and initials of the organisation last named as a sentence's subject
        before `offset` (outside quotation marks)."""
        named = [(at, entry.name) for entry in self.model.orgs.values() for at, _, subject in entry.mentions
                 if subject and at < offset and not self.model.quoted_at(at)]
        if not named:
            return set()
        words = max(named)[1].split()
        return {fold(w) for w in words} | {fold("".join(w[0] for w in words if w[:1].isupper()))}

    def _just_written_about(self, mention: Span, head: Token, row: dict, start: int, pdoc: ParagraphDoc) -> dict:
        """The row of a description of a person by what they do, age or people ("the singer",
        "the 20-year-old", "the Scot"): the person just written about, else no name."""
        gender = next((GENDERED_WORDS[t.lower_] for t in mention if t.lower_ in GENDERED_WORDS), None) \
            or _speaks_of_self_as(head)
        nation = fold(head.text) if is_demonym(head.text) else None
        # (what they are, unless ranked: "the seventh seed" is no seed written before)
        ranked = any(t.ent_type_ == "ORDINAL" or t.lower_ in ("top", "number") for t in mention)
        entry = self.model.person_just_written_about(gender, start, pdoc.sentence_of(head.i), nation,
                                                     head.lemma_.lower() if is_person_description(head) and not ranked else None,
                                                     described=head.lemma_.lower() if head.is_lower else None)
        if entry is None and self._opens(pdoc, start) and mention[0].lower_ == "the":
            # the story opens with the description and names them next: "The guitarist with US
            # rock band Korn has quit ...\n\nBrian 'Head' Welch told a radio station ..."
            entry = self.model.introduced_after(self.model.people, start, self._horizon(pdoc), lambda e: (
                not gender or not e.gender or e.gender == gender))
        if entry is None:
            return {**row, "speaker_role": without_determiner(mention)}
        return {**row, "speaker": entry.name, "speaker_label": "PERSON",
                "speaker_role": entry.roles[0] if entry.roles else None}

    def _it(self, it: Token, pdoc: ParagraphDoc) -> dict | None:
        """speaker, speaker_label and speaker_role of an "it" the sentence around it settles:
        "The opposition also made capital of the figures. It said ..." (the organisation the
        sentence before described, named or not); after "The book, by Robert Peston, said ...",
        "It claims" (the book's author); "Shares in firm X closed down ..., after it said" (X);
        "The government has ruled out ..., because it says" (the government, unnamed).
        None leaves it to the nearest organisation (`Participants.nearest_org`)."""
        if it.head.dep_ in ("advcl", "conj") and it.head.head.i == it.sent.root.i:
            # "The government has ruled out ..., because it says ...": the main clause's subject,
            # described by its kind, whoever that turns out to be (here no one named)
            subject = next((c for c in it.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < it.i and subject.pos_ == "NOUN" and not subject.ent_type_ \
                    and subject.lemma_.lower() in ORGANISATION_NOUNS and not is_plural(subject):
                found = self._one(mention_of(subject), pdoc)
                if found.get("speaker"):
                    return {k: found[k] for k in ("speaker", "speakers", "speaker_label", "speaker_role") if k in found}
                # (an unnamed body: no organisation that spoke before goes on, `continuations`)
                return {"speaker": None, "speaker_role": found.get("speaker_role") or without_determiner(mention_of(subject)),
                        DESCRIBED: True}
        described, where = self._subject_before(it, pdoc)
        for _ in range(3):  # "It said ... It added": back through the chain of "it"
            if described is None or described.text.lower() != "it":
                break
            described = previous_subject(described.root)
        if described is not None and ((described.root.pos_ == "NOUN" and not described.root.ent_type_
                                       and described.root.lemma_.lower() in ORGANISATION_NOUNS | DOCUMENT_NOUNS
                                       and not is_plural(described.root))
                                      or (described.root.ent_type_ != "PERSON" and credited_author(described.root) is not None)):
            # (a work by its title too: "Brown's Britain, by Robert Peston, says ... It claims")
            found = self._one(described, where)
            return {k: found[k] for k in ("speaker", "speakers", "speaker_label", "speaker_role") if k in found}
        topic = self._subject_organisation(it, pdoc)
        return {"speaker": topic, "speaker_label": "ORG"} if topic is not None else None

    def _after_description(self, he: Token, pdoc: ParagraphDoc, kind: str) -> dict | None:
        """speaker, speaker_label and speaker_role of a he/she in the sentence after one whose main
        subject describes a person: "According to all those players and even Federer himself, the
        Swiss star is in a different league.\n\n"Right now ...," he told BBC Sport" is the Swiss
        star's (the description read as `_just_written_about` reads it; not when that person's
        gender is the other). None leaves it to the nearest person."""
        # (not when the nearest subject before it in its own sentence is a name: "Helen Clitheroe
        # was agonisingly close as she claimed the runners-up spot")
        subject = next((t for t in reversed(he.sent[:he.i - he.sent.start])
                        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"), None)
        if subject is not None and subject.ent_type_ == "PERSON":
            return None
        described, where = self._subject_before(he, pdoc)
        if described is None or not describes_a_person(described):
            return None
        return self._person_described(described, where, kind)

    def _after_unnamed(self, he: Token, pdoc: ParagraphDoc, kind: str) -> str | None:
        """The role of an unnamed person a he/she goes on with: the main subject of the sentence
        before, outside quotation marks, spoke and is someone the article never named ("However,
        one dealer, who asked not to be named, told Reuters ... "...," he said"; "..., the
        spokesman said.\n\n"...," he said"); None when that subject is anyone else, names
        someone, or is of the other gender."""
        # (not after a person made a subject before it in its own sentence, outside quotation marks)
        if any(t.dep_ in ("nsubj", "nsubjpass") and (t.ent_type_ == "PERSON" or is_role_noun(t) or is_person_description(t))
               and not self.model.quoted_at(pdoc.start + t.idx) for t in he.sent[:he.i - he.sent.start]):
            return None
        described, where = self._subject_before(he, pdoc)
        for _ in range(3):
            # (past what the source said: "A spokesman for distributor Toho said ... "We have a
            # good feeling about this film. We saw ...," he added")
            if described is None or not self.model.quoted_at(where.offsets(described)[0]):
                break
            described, where = self._subject_before(described[0], where)
        if described is None:
            return None
        root = described.root
        if len(described) == 1 and SPEAKER_PRONOUNS.get(root.lower_) == kind:
            # "A spokesman for the Oxford University Press said ... "...," he said. "...," he
            # said": still the spokesman
            return self.unnamed_pronouns.get(where.offsets(described)[0])
        # (a noun that spoke, of someone the article has not met, "one dealer told Reuters", "a
        # spokesman said", or a spokesperson or unnamed source: "the Olympic champion" is someone
        # it has met; "The person in charge ... should not" spoke no words)
        # ("Tony Blair's official spokesman declined to say whether ... He said": one who would not say spoke too)
        spoke = root.dep_ == "nsubj" and (root.head.lemma_.lower() in REPORTING_VERBS or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in REPORTING_VERBS for c in root.head.children))
        unmet = described[0].lower_ in _INDEFINITE or fold(root.text) in SPOKESPEOPLE \
            or root.lemma_.lower() in UNNAMED_SOURCE_NOUNS
        # (a spokesperson's owner is someone else: "Mr Blair's spokesman")
        owner = {t.i for c in root.children if c.dep_ == "poss" and fold(root.text) in SPOKESPEOPLE for t in c.subtree}
        own = [t for t in root.subtree if t.i not in owner]
        if not spoke or not unmet or root.pos_ != "NOUN" or not root.is_lower or is_plural(root) or described.label_ \
                or any(t.ent_type_ in ("PERSON", "ORG") and t.head.i == root.i for t in own) \
                or any(" " in (self._person_at(where, t) or "") for t in own) \
                or root.lemma_.lower() in ORGANISATION_NOUNS | DOCUMENT_NOUNS | SAID_NOUNS \
                or self.model.quoted_at(where.offsets(described)[0]):
            return None
        gender = next((GENDERED_WORDS[t.lower_] for t in described if t.lower_ in GENDERED_WORDS), None)
        if gender is not None and gender != kind:
            return None
        found = self._one(described, where)
        return None if found.get("speaker") else (found.get("speaker_role") or without_determiner(described))

    def _subject_before(self, token: Token, pdoc: ParagraphDoc) -> tuple[Span | None, ParagraphDoc]:
        """The main subject of the sentence before a token's, and the paragraph that holds it: for a
        token in a paragraph's first sentence, the last sentence of the body paragraph before."""
        subject, where = previous_subject(token), pdoc
        if subject is None and token.sent.start == 0 and pdoc.position > 0 \
                and self.adoc.paragraphs[pdoc.position - 1].kind == "body":
            where = self.adoc.paragraphs[pdoc.position - 1]
            subject = main_subject(list(where.doc.sents)[-1])
        return subject, where

    def _organisation_as_they(self, they: Token, pdoc: ParagraphDoc) -> dict | None:
        """speaker and speaker_label of a "they" that is the one organisation named as the main
        subject of the sentence before, as British copy writes one ("BAA are also owners of the
        airports ... They have said", "Cosla says that it is willing ... They say"); None when that
        subject is no organisation's name or stands in another paragraph, or the "they" is no main
        subject of its own sentence ("HP ink cartridges use a chip to sense when they are low and
        advise the user" after "HP declined to comment")."""
        own = main_subject(they.sent)
        if own is None or own.root.i != they.i:
            return None
        subject, where = self._subject_before(they, pdoc)
        # (in its own paragraph: not "BBC News investigates how the network worked ...\n\nThey
        # called themselves Drink Or Die")
        if subject is None or where is not pdoc or subject.root.ent_type_ != "ORG" or subject.root.pos_ != "PROPN" \
                or any(c.dep_ == "cc" for c in subject.root.children):
            return None
        found = self._one(mention_of(subject.root), where)
        if found.get("speaker") and found.get("speaker_label") == "ORG" and JOINT not in (found.get("speakers") or ""):
            return {"speaker": found["speaker"], "speaker_label": "ORG"}
        return None

    def _they_together(self, they: Token, pdoc: ParagraphDoc) -> tuple[list[str], str] | None:
        """(names, label) of the people or organisations joined by "and" as the main subject of the
        sentence before a "they" ("Michael Howard and frontbencher John Redwood on Thursday launched
        new plans ... They say"; across a paragraph break too: "Tony Blair and Gordon Brown are
        trying ...\n\nAlong with ..., they are insisting"); None when that subject is no such group."""
        subject, where = self._subject_before(they, pdoc)
        if subject is None:
            return None
        members = [subject.root] + [c for c in subject.root.conjuncts if c.i > subject.root.i]
        if len(members) == 1 and subject.root.tag_ == "NNS" and subject.root.is_lower:
            # the firms the sentence before counted: "The two Japanese companies will collaborate
            # in research ... They said the agreement would enable ..."
            found = self._one(mention_of(subject.root), where)
            return (found["speakers"].split(JOINT), found.get("speaker_label") or "ORG") if found.get("speakers") else None
        if len(members) < 2 or not any(c.dep_ == "cc" and c.lower_ == "and" for m in members for c in m.children):
            return None
        people = [self._person_at(where, m) for m in members]
        if all(people) and len(set(people)) == len(people):
            return people, "PERSON"
        orgs = [self._organisation_at(where, m) for m in members]
        if all(orgs) and len(set(orgs)) == len(orgs):
            return orgs, "ORG"
        return None

    def _person_described(self, described: Span, where: ParagraphDoc, kind: str) -> dict | None:
        found = self._one(described, where)
        entry = self.model.people.get(found.get("speaker") or "")
        if entry is None or (entry.gender and entry.gender != kind):
            return None
        return {k: found[k] for k in ("speaker", "speaker_label", "speaker_role")}

    def _subject_organisation(self, it: Token, pdoc: ParagraphDoc) -> str | None:
        """The organisation the main clause's subject names when "it" speaks in a clause below it:
        "Shares in UK pharmaceutical firm Phytopharm closed down ..., after it said ..."."""
        verb = it.head
        root = it.sent.root
        if verb.i == root.i or verb.dep_ not in ("advcl", "conj") or verb.head.i != root.i:
            return None
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        for ent in reversed(it.doc.ents):  # the name nearest the head noun: "Welsh engineering firm Dunmore Castings"
            if ent.label_ == "ORG" and subject.left_edge.i <= ent.start and ent.end <= subject.right_edge.i + 1:
                start, end = pdoc.offsets(ent)
                name = self.model.name_at(start, end, "ORG")
                if name is not None and name in self.model.orgs:
                    return self.model.org_named(name, start)
        return None

    def _named_together(self, mention: Span, pdoc: ParagraphDoc, depth: int = 0) -> list[str] | None:
        """The organisations named joined by "and" in the last six sentences, of this paragraph and
        the two before ("EADS and BAE Systems welcomed ...", "Labour and the Conservatives are
        ...", "Shares in Elan and Biogen Idec plunged", "Technology firms Sony, Philips, Matsushita
        and Samsung are developing ..."), which "the companies", "the two firms" or "the parties"
        stand for: the latest such group, in a clause's subject, of as many as the mention counts;
        else the group the same words stood for one to three sentences before ("the firms said
        ... In a joint statement the firms said"); None when there is none."""
        count = next((t for t in mention if t.like_num), None)
        wanted = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}.get(count.lower_) if count is not None else None
        if count is not None and wanted is None:
            return None
        if any(t.i != mention.root.i and t.dep_ not in ("det", "nummod", "predet")
               and not (t.dep_ in ("amod", "compound") and (is_demonym(t.text) or t.ent_type_ in ("GPE", "NORP")))
               for t in mention):
            return None  # "the rival carriers": a kind of some, not those just named (but "the two Japanese companies")
        sentence = pdoc.sentence_of(mention.root.i)
        found = None
        for where in (*self.adoc.paragraphs[max(0, pdoc.position - 2):pdoc.position], pdoc):
            for token in where.doc:
                if (where is pdoc and token.i >= mention.start) or token.dep_ == "conj" \
                        or not 0 <= sentence - where.sentence_of(token.i) <= 6:
                    continue
                members = [token] + [c for c in token.conjuncts if c.i > token.i]
                while len(members) > 1 and members[0].i >= 2 and where.doc[members[0].i - 1].text == "," \
                        and where.doc[members[0].i - 2].dep_ == members[0].dep_ \
                        and where.doc[members[0].i - 2].head.i == members[0].head.i:
                    # a list's first name parsed as a second subject: "Sony, IBM and Toshiba have released"
                    members.insert(0, where.doc[members[0].i - 2])
                if len(members) < 2 or (wanted is not None and len(members) != wanted):
                    continue
                # in a clause's subject ("Shares in Elan and Biogen Idec plunged"), not what the
                # firms' sentences talk about ("the use of both Tysabri and Avonex")
                if not any(t.dep_ in ("nsubj", "nsubjpass") for t in (token, *token.ancestors)):
                    continue
                names = [self._organisation_at(where, member) for member in members]
                if len(members) > 2 and sum(name is None for name in names) == 1:
                    # one firm of three or more the tagger called a person: "Sony, Philips,
                    # Matsushita and Samsung"
                    names = [name or self._organisation_at(where, member, among_firms=True)
                             for name, member in zip(names, members)]
                if all(names) and len(set(names)) == len(names):
                    found = names
        if found is None and depth < 3:
            for where in (pdoc, *self.adoc.paragraphs[max(0, pdoc.position - 1):pdoc.position][::-1]):
                for token in reversed(where.doc):
                    if (where is not pdoc or token.i < mention.start) and token.lemma_ == mention.root.lemma_ \
                            and token.tag_ == mention.root.tag_ and 1 <= sentence - where.sentence_of(token.i) <= 3 \
                            and token.i > 0 and where.doc[token.i - 1].lower_ == "the":
                        return self._named_together(where.doc[token.i - 1:token.i + 1], where, depth + 1)
        return found

    def _pair(self, mention: Span, pdoc: ParagraphDoc) -> list[str] | None:
        """The two people "the pair", "the duo" or "the two" stand for: the last two named joined by
        "and" in its sentence or the three before ("Kenteris, 31, and Thanou, 30, had been charged
        ... The pair then spent"); else the only two people its own sentence names before it ("Ann
        Vale has ended her feud with her protege Joe Brix as the pair said"); None when neither
        holds."""
        sentence = pdoc.sentence_of(mention.root.i)
        found = None
        for where in (*self.adoc.paragraphs[max(0, pdoc.position - 1):pdoc.position], pdoc):
            for token in where.doc:
                if (where is pdoc and token.i >= mention.start) or token.dep_ == "conj" or not token.ent_type_ \
                        or not 0 <= sentence - where.sentence_of(token.i) <= 3:
                    continue
                # (people both, whatever label the tagger gave each word: "Kenteris, 31, and Thanou")
                others = [c for c in token.conjuncts if c.i > token.i]
                if len(others) == 1 and others[0].ent_type_:
                    names = [self._person_at(where, t) for t in (token, others[0])]
                    if all(names) and names[0] != names[1]:
                        found = names
        if found is None:
            names = []
            for ent in mention.doc.ents:
                if ent.label_ == "PERSON" and mention.sent.start <= ent.start and ent.end <= mention.start:
                    name = self._person_at(pdoc, ent.root)
                    if name is not None and name not in names:
                        names.append(name)
            found = names if len(names) == 2 else None
        return found

    def _plaintiff(self, offset: int, pdoc: ParagraphDoc) -> dict | None:
        """The person or organisation that brought the case a lawsuit at `offset` is: the last
        named subject of "sue", or of "file", "bring", "lodge", "issue", "launch" or "take" with a
        case's noun ("filed the suit", "is taking action"), before it; else the first after it, to
        the end of the next paragraph. None when the article names no one so."""
        found, horizon = [], self._horizon(pdoc)
        for where in self.adoc.paragraphs:
            if where.start > horizon:
                break
            for verb in where.doc:
                lemma = verb.lemma_.lower()
                if verb.pos_ != "VERB" or lemma not in _SUING_VERBS or (lemma != "sue" and not any(
                        c.dep_ == "dobj" and c.lemma_.lower() in _LEGAL_DOCUMENTS | {"action", "case"} for c in verb.children)):
                    continue
                if lemma == "sue" and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "dobj" for c in verb.children):
                    continue  # a headline's "Rapper Snoop Dogg sued for 'rape'": he was sued
                for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                    person = self._person_at(where, subject)
                    name = person or self._organisation_at(where, subject)
                    if name is not None:
                        found.append((where.start + subject.idx, name, "PERSON" if person else "ORG"))
        before = [f for f in found if f[0] < offset]
        after = [f for f in found if f[0] > offset]
        chosen = max(before) if before else min(after) if after else None
        return {"speaker": chosen[1], "speaker_label": chosen[2]} if chosen is not None else None

    def _person_at(self, pdoc: ParagraphDoc, token: Token) -> str | None:
        """The participant person whose name holds a token."""
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        name = self.model.name_at(*pdoc.offsets(ent), "PERSON") if ent is not None else None
        return name if name in self.model.people else None

    def _organisation_at(self, pdoc: ParagraphDoc, token: Token, among_firms: bool = False) -> str | None:
        """The participant organisation a token names: its entity's, else a party's name there
        ("Labour", not tagged), else the organisation the article calls by its words.
        `among_firms`: the token is named with other firms, so a one-word name tagged as a
        person's is a firm too."""
        found = self.model.entity_at(pdoc, token, (*ORG_LABELS, "PERSON"))
        if found is not None:
            ent, name, _ = found
            # (a firm tagged PERSON, "Biogen Idec", joined with one tagged ORG)
            if name in self.model.orgs or (name in self.model.people and ent.label_ == "PERSON"
                                           and not looks_like_person(name) and (" " in name or among_firms)):
                return name
        at = pdoc.start + token.idx
        party = next((name for offset, name in self.model.parties if offset == at), None)
        if party is not None:
            return party
        return token.text if token.pos_ == "PROPN" and token.text in self.model.orgs else None

    def _opens(self, pdoc: ParagraphDoc, offset: int) -> bool:
        """Whether a description at `offset` opens the story: in the lead, or in the paragraph after
        it before the body has named anyone ("... could be educational, says research.\n\nA US
        researcher has suggested ... Ravi Purushotma believes")."""
        if pdoc is self.lead:
            return True
        return self.lead is not None and pdoc.kind == "body" and pdoc.position == self.lead.position + 1 \
            and not self._anyone_named_before(offset)

    def _anyone_named_before(self, offset: int) -> bool:
        """Whether the article's body names a person before `offset` (its headlines aside)."""
        return any(at < offset and said_in not in self.model.headings
                   for entry in self.model.people.values() for at, said_in, _ in entry.mentions)

    def _horizon(self, pdoc: ParagraphDoc) -> int:
        """How far a description reads forward for its holder: to the end of the next paragraph."""
        following = self.adoc.paragraphs[pdoc.position + 1:pdoc.position + 2]
        return following[0].end if following else pdoc.end

    def _person_row(self, start: int, end: int) -> bool:
        """Whether the entity layer made the name at start..end a person's, whatever the tagger
        labelled the token ("Davies" tagged ORG, the surname of Mefin Davies)."""
        return any(r["start"] == start and r["end"] == end and r["label"] == "PERSON" for r in self.model.entities)

    def _surname_of_someone(self, word: str) -> bool:
        """Whether a word is the surname of a person the article names in full ("Pires" of
        "Robert Pires"; not a one-word name such as "Napster" tagged a person)."""
        return any(" " in name and name.split()[-1] == word for name in self.model.people)

    def _known(self, mention: Span) -> bool:
        words = set(person_name(mention.text).split())
        return bool(words) and any(words <= set(p.name.split()) for p in self.model.people.values())

    def _person(self, mention: Span, pdoc: ParagraphDoc, role: str | None) -> dict:
        start = pdoc.offsets(mention)[0]
        name = self.model.name_at(*pdoc.offsets(mention), "PERSON")
        if name is None and is_organisation_acronym(mention.text) and any(c.islower() for c in pdoc.text) \
                and mention.text not in self.model.people:
            # an acronym the tagger left untagged is an organisation's, not a person's: "IFPI
            # said", "the ILO said" (not in a headline written all in capitals: "BLAIR SAYS")
            return {"speaker": self.model.org_named(mention.text, start), "speaker_label": "ORG"}
        written = person_name(mention.text).split()
        if name is not None and " " not in name and len(written) >= 2 and name in written[:-1] and all(
                w[:1].isupper() for w in written):
            name = " ".join(written)  # "Deputy Speaker Sylvia Heal" with only "Sylvia" tagged
        if name is None or " " not in name:  # "Wang" of "Wang Yan": a full name the entity names missed
            doc = mention.doc
            courtesy = any(t.lower_.rstrip(".") in COURTESY_TITLES and t.text[:1].isupper()
                           for t in (mention[0], doc[mention.start - 1] if mention.start else mention[0]))
            name = self.model.full_name(name or person_name(mention.text), start, courtesy=courtesy)
        entry = self.model.people.get(name)
        if entry is None and len(name.split()) > 1 and is_title_word(name.split()[-1]):
            return {"speaker": None, "speaker_label": None, "speaker_role": name}  # "Labour MP praises ...": a description
        if entry is None and " " in name:
            # a full name the entity model missed: later short mentions ("Moss") resolve to it
            entry = self.model.add_person(name, pdoc, mention, role)
        role = role or (role_of(mention) if mention.label_ else None) or (entry.roles[0] if entry and entry.roles else None)
        return {"speaker": name, "speaker_label": "PERSON", "speaker_role": role}

    def _pronoun(self, kind: str, start: int, sentence: int, about_itself: bool = False,
                 not_it: frozenset[str] = frozenset()) -> dict:
        if kind in ("male", "female"):
            name = self.model.pronouns.get(start)
            # (not one the quote talks about: "Mellberg spoke of ... "I've had more than a quiet
            # word with Olof. ...," he told" is his manager; but a statement or website of hers
            # may: `about_itself`; nor one its own clause names after it: `not_it`)
            named = self.model.called_by_first_name(self.quote) | self.model.named_inside(self.quote) \
                if self.quote is not None and not about_itself else frozenset()
            named |= not_it
            if name in named:
                name = None
            entry = self.model.people.get(name) if name else self.model.nearest_person(kind, start, sentence, excluding=named)
            if entry is None:
                return {}
            entry.gender = entry.gender or kind  # "he" said it: later "she" is someone else
            return {"speaker": entry.name, "speaker_label": "PERSON", "speaker_role": entry.roles[0] if entry.roles else None}
        if kind == "neuter":
            entry = self.model.nearest_org(start, sentence)
            if entry is not None:
                return {"speaker": entry.name, "speaker_label": "ORG"}
        if kind == "plural":
            party = self.model.party_they(start, sentence)  # "the Tories insisted ... They said"
            if party is not None:
                return {"speaker": party, "speaker_label": "ORG"}
        return {}


def _no_name_before_kind(mention: Span, orgs: dict) -> bool:
    """Whether the capitalised words before a kind noun name nothing: "The High Street retailer"
    (not "the Reuters news agency", "the Liverpool Echo newspaper", "Us magazine")."""
    words = [t for t in mention if t.i < mention.root.i and t.pos_ == "PROPN" and t.text[:1].isupper()]
    return bool(words) and not any(t.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "FAC") or t.text.isupper() for t in words) \
        and " ".join(t.text for t in words) not in orgs


def _singular(word: str) -> str:
    """A folded noun without a plural's "s": "pensions" -> "pension", "economists" -> "economist"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _title_after_the(words: list[str]) -> bool:
    """Whether a name ends in "the" and capitalised title words only: "Office of the Deputy Prime
    Minister", whose title is part of its name."""
    at = max((i for i, w in enumerate(words) if w.lower() == "the"), default=None)
    return at is not None and 0 < at < len(words) - 1 and all(w[:1].isupper() and is_title_word(w) for w in words[at + 1:])


def clean_speaker_name(name: str | None, label: str | None, known: frozenset[str] | dict = frozenset()) -> str | None:
    """A speaker's name without the words around it that only describe it: a title after a
    person's name ("Paul Boateng MP" -> "Paul Boateng") or an organisation's ("Labour MP" ->
    "Labour"), lowercase words before or after an organisation's name ("official Xinhua News
    Agency", "Reuters news agency" -> "Reuters" when `known` holds "Reuters"), a dangling
    possessive ("'s government"), an acronym in brackets glued on ("... Organisation (ILO")."""
    if not name:
        return name
    words = name.split()
    if len(words) > 1 and words[-1].startswith("(") and words[-1].strip("()").isupper():
        words.pop()  # "International Labour Organisation (ILO": the acronym the entity glued on
    if words[-1].endswith(".") and "." not in words[-1][:-1] and (words[-1][:-1].isupper() or "&" in words[-1]):
        words[-1] = words[-1][:-1]  # "said M&S.": the sentence's full stop
    if len(words) > 1 and words[0].istitle() and words[0].lower() in _KINDS_BEFORE_NAMES and words[1][:1].isupper():
        words.pop(0)  # "Consultancy Strategy Analytics estimates", untagged: the firm's kind at a sentence's start
    if label == "PERSON":
        while len(words) > 2 and (words[-1].lower() in ROLE_NOUNS or is_title_word(words[-1])):
            words.pop()
        return " ".join(words)
    while len(words) > 1 and (words[-1].lower() in ROLE_NOUNS or is_title_word(words[-1])) and words[-1][:1].isupper() \
            and words[-2].lower() not in ROLE_CONNECTORS and words[-1].lower() not in PLACE_BODIES \
            and words[-1] not in PUBLICATION_NAME_WORDS and not _title_after_the(words):
        # "Labour MP", not "Court of Justice", "Scottish Executive" or "Office of the Deputy Prime
        # Minister"
        words.pop()
    if words[-1] in COMMITTEE_NOUNS and len(words) > 2:
        # a committee named by what it covers, from its first capital: "Commons standards and
        # privileges committee" (not "influential Commons home affairs committee")
        first = next((i for i, w in enumerate(words) if w[:1].isupper()), 0)
        return " ".join(words[first:])
    # (a name opening in camel case is a name: "eBay UK"; not a product after one: "Apple iPod")
    capitalized = [i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit() or (i == 0 and any(c.isupper() for c in w[1:]))]
    if not capitalized:
        return None if words[0] in ("'s", "’s") else " ".join(words)
    words = words[capitalized[0]:]
    kept = " ".join(words[:capitalized[-1] - capitalized[0] + 1])
    # "Reuters news agency" -> "Reuters" when the article names "Reuters" on its own; "Russian
    # defense ministry" and "US tobacco companies" stay whole; a name's kind goes, named on its
    # own or not ("The IFPI industry body said" -> "IFPI", "the Associated Press news agency";
    # not "UK trade body", "the Labour-run council")
    proper = all(w[:1].isupper() and "-" not in w for w in kept.split()) and not is_known_place(kept) \
        and not any(is_demonym(w) for w in kept.split())
    kind = words[len(kept.split()):]
    # (only a kind any body may be called: not "the DCA committee", a body of its own, "the Bush
    # administration", "High Street retailer")
    if proper and 0 < len(kind) <= 2 and all(w.islower() for w in kind) and kind[-1] in _KINDS_AFTER_NAMES:
        return kept
    return kept if kept in known else " ".join(words)


def _speaks_of_self_as(subject: Token) -> str | None:
    """The gender of a description that speaks of itself as "he" or "she" in what it reports:
    "The heavy metal star said he could have met the same fate" is a man."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    pronoun = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    return SPEAKER_PRONOUNS.get(pronoun.lower_) if pronoun is not None and pronoun.lower_ in ("he", "she") else None


def _name_before_letters(mention: Span) -> Span | None:
    """The person's name before letters after it that the parser took for the subject ("Richard
    Mawrey, QC told the hearing"): the name's entity, else None."""
    doc = mention.doc
    if len(mention) != 1 or mention[0].text not in POST_NOMINALS or mention.start < 2 \
            or doc[mention.start - 1].text != "," or doc[mention.start - 2].ent_type_ != "PERSON":
        return None
    return next((e for e in doc.ents if e.end == mention.start - 1 and e.label_ == "PERSON"), None)
