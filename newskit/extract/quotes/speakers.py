"""Speakers: resolve the mention at a cue to a person or organisation, with role and date said.

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
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Span, Token

from newskit.extract import lexicon
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.names import (COURTESY_TITLES, GENDERED_WORDS, HONORIFICS, PARTY_WORDS, PEERAGE_TITLES,
                                   ROLE_CONNECTORS, ROLE_NOUNS, TITLE_MODIFIERS, fold, is_kind_of_organisation,
                                   is_plural, is_plural_role, is_role_noun, is_title_word, person_name, role_of)
from newskit.extract.entities import gazetteer
from newskit.extract.quotes.cues import mention as mention_of
from newskit.extract.quotes.cues import main_subject, name_run, previous_subject
from newskit.extract.quotes.participants import (COMMITTEE_KIND_WORDS, COMMITTEE_MEMBERS, COMMITTEE_NOUNS,
                                                 GENERIC_ORGANISATION_NOUNS, ORG_LABELS, ORGANISATION_NOUNS,
                                                 PLACE_BODIES, Participants, is_party_name,
                                                 looks_like_person, names_place_body, without_determiner)
from newskit.frames import JOINT, joint_name

# Personal pronouns a speaker may be written as -> the gender they agree with ("she" -> "female").
SPEAKER_PRONOUNS: dict[str, str] = lexicon.table("quotes/speaker_pronouns")
# Nouns of unnamed sources: "a source", "experts", "officials said" keep speaker_text only.
UNNAMED_SOURCE_NOUNS = lexicon.words("quotes/unnamed_source_nouns")
# What organisations publish: "a report by the NAO said" speaks for the NAO.
DOCUMENT_NOUNS = lexicon.words("quotes/document_nouns")
# First words of a mention that leave its source unnamed: "a source", "some officials".
_INDEFINITE = lexicon.words("quotes/indefinite_determiners")
# the columns that say who a row's speaker is, copied together when one row's speaker goes on in another
_WHO = ("speaker", "speakers", "speaker_label", "speaker_role")
# what someone writes or says: "Mr Tanzi's statement said" is Mr Tanzi
SAID_NOUNS = lexicon.words("quotes/said_nouns")
# what a person is or does, no office: "the singer said" is the person just written about
PERSON_DESCRIPTION_NOUNS = lexicon.words("names/person_description_nouns")
# whose a document is: "according to its website", "his figures"
_POSSESSIVES = {"its": "neuter", "his": "male", "her": "female"}


class Resolver:
    """Resolve speaker mentions against the article's participants."""

    def __init__(self, adoc: ArticleDoc) -> None:
        self.adoc = adoc
        self.model = Participants(adoc)
        # organisations the article names on their own: "Reuters" of "the Reuters news agency"
        self.last_publisher: str | None = None  # the organisation (or author) of the last report or survey
        self.publisher_label = "ORG"
        self.publisher_kind = ""  # that document's noun: "the report" again is its publisher's, "the book" not
        # the lead: the first body paragraph, which describes people the next one names
        self.lead = next((p for p in adoc.paragraphs if p.kind == "body"), None)
        self.named_orgs = frozenset(r["entity"] if isinstance(r.get("entity"), str) else r["text"]
                                    for r in self.model.entities if r["label"] == "ORG")

    def resolve(self, mention: Span, pdoc: ParagraphDoc) -> dict:
        """speaker, speakers, speaker_text, speaker_start/end, speaker_label and speaker_role of a mention."""
        members = joint_members(mention)
        if len(members) > 1:
            found = [self._one(m, pdoc) for m in members]
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
        row = self._one(mention, pdoc)
        if JOINT in (row.get("speakers") or ""):
            return row  # "the two firms": the organisations named together before
        row["speaker"] = row["speakers"] = clean_speaker_name(row["speaker"], row["speaker_label"], self.named_orgs)
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
            found = self._it(head, pdoc) if SPEAKER_PRONOUNS[lower] == "neuter" else None
            if found is not None:
                return {**row, **found}
            return {**row, **self._pronoun(SPEAKER_PRONOUNS[lower], start, pdoc.sentence_of(head.i))}
        role_after = _role_after_organisation(mention)
        if role_after is not None:  # "A Department for Constitutional Affairs spokeswoman said": unnamed
            start, end = pdoc.offsets(role_after)
            return {**row, "speaker_text": role_after.text, "speaker_start": start, "speaker_end": end,
                    "speaker_role": without_determiner(role_after)}
        royal = royal_name(mention)
        if royal is not None:  # "the Queen", "the Duke of Edinburgh": how the article names them
            return {**row, **self._person(mention, pdoc, None), "speaker": self.model.full_name(royal, start)}
        named = _name_beside(mention)
        if named is not None:  # "Labour MP" + "Derek Wyatt", "A spokesman, Jorg Wojahn,"
            # the speaker as written runs over both: "the chairman of the Commons education select
            # committee, Labour MP Barry Sheerman" is no description left to read elsewhere
            start, end = min(start, pdoc.offsets(named)[0]), max(end, pdoc.offsets(named)[1])
            row = {**row, "speaker_text": self.adoc.text[start:end], "speaker_start": start, "speaker_end": end}
            mention, head = named, named.root
        titled = _titled_person(mention)
        if titled is not None:  # "Ambassador to Lima Olga Marek" parsed as the title with the name inside
            mention, role = titled
            head = mention.root
        else:
            role = None
        lemma = head.lemma_.lower()
        if titled is None and named is None and names_place_body(mention):  # "the Scottish Executive said"
            return {**row, "speaker": self.model.org_named(without_determiner(mention), start), "speaker_label": "ORG"}
        owner = next((c for c in head.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG")
                                                                        and lemma in SAID_NOUNS)), None) \
            if lemma in DOCUMENT_NOUNS | SAID_NOUNS else None  # "Mr Tanzi's statement", "a Capital Economics statement"
        if owner is not None and titled is None and named is None:
            if owner.lower_ in _POSSESSIVES:  # "according to its website": whoever "it" is
                kind = _POSSESSIVES[owner.lower_]
                found = (self._it(owner, pdoc) if kind == "neuter" else None) \
                    or self._pronoun(kind, pdoc.start + owner.idx, pdoc.sentence_of(owner.i))
                return {**row, **found}
            if owner.pos_ == "PROPN" or (owner.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass")
                                         and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)):
                # "Mr Tanzi's statement", "Mr Sands' book", "the company's statement said"
                found = self._one(mention_of(owner), pdoc)
                if found.get("speaker"):
                    return {**row, **{k: found[k] for k in ("speaker", "speaker_label", "speaker_role")}}
        if lemma in DOCUMENT_NOUNS and lemma in ORGANISATION_NOUNS and titled is None and named is None \
                and mention[0].lower_ == "the":
            # "The Mirror newspaper said ... The paper said": an organisation of that kind, when one
            # spoke before, not a document
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i))
            if entry is not None and entry.label == "ORG":
                return {**row, "speaker": entry.name, "speaker_label": "ORG"}
        if lemma in DOCUMENT_NOUNS and titled is None and named is None \
                and not any(fold(t.text) in TITLE_MODIFIERS for t in mention):  # not "a senior government figure"
            publisher = self._publisher(mention, pdoc)
            if publisher:
                return {**row, "speaker": publisher, "speaker_label": self.publisher_label}
        determiner = mention[0].lower_ if len(mention) > 1 else ""
        if titled is None and named is None and _speaks_for_committee(mention):
            body = self.model.committee(start)  # "MPs said" in a story about a committee's report
            if body is not None:
                return {**row, "speaker": body.name, "speaker_label": "ORG"}
        if lemma == "party" and not is_plural(head) and determiner == "the" and len(mention) == 2:
            party = self.model.party(start)  # "the party said": the party named last
            if party is not None:
                return {**row, "speaker": party, "speaker_label": "ORG"}
        if titled is None and named is None and (mention.label_ == "PERSON" or head.ent_type_ == "PERSON") \
                and is_party_name(without_determiner(mention)):
            return {**row, "speaker": without_determiner(mention), "speaker_label": "ORG"}  # "The Lib Dems", tagged PERSON
        if is_plural(head) and (is_role_noun(head) or lemma in UNNAMED_SOURCE_NOUNS) and titled is None:
            return row  # "MPs", "Tory officials": several unnamed people
        description = titled is None and _is_description(mention)
        if is_kind_of_organisation(without_determiner(mention)):
            description = True  # "the Government said": a kind of organisation, not its name
        if not description and (mention.label_ == "PERSON" or head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and (
                self._known(mention) or not head.ent_type_)) or looks_like_person(mention.text)):
            return {**row, **self._person(mention, pdoc, role)}
        if not description and (mention.label_ in ORG_LABELS or head.ent_type_ in ORG_LABELS):
            doc, first = mention.doc, mention.start
            while first > 0 and doc[first - 1].dep_ in ("compound", "amod") and mention.start <= doc[first - 1].head.i < mention.end \
                    and (doc[first - 1].pos_ == "PROPN" or (doc[first - 1].is_title and not doc[first - 1].is_sent_start)):
                first -= 1  # "Liberal" + "Democrats" (tagged PROPN, or ADJ)
            if first < mention.start:
                mention = doc[first:mention.end]
                start = pdoc.offsets(mention)[0]
                name = without_determiner(mention)
            else:
                name = self.model.name_at(start, end, "ORG") or without_determiner(mention)
            return {**row, "speaker": self.model.org_named(name, start), "speaker_label": "ORG"}
        if determiner in _INDEFINITE and pdoc is self.lead and head.tag_ in ("NN", "NNP") and is_role_noun(head) \
                and lemma not in UNNAMED_SOURCE_NOUNS and titled is None:
            # the lead describes who the next paragraph names: "..., a Labour backbencher has
            # said.\n\nDerek Wyatt said ..."
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i), self._horizon(pdoc), backward=False, lead=True)
            if entry is not None and entry.label == "PERSON":
                return {**row, "speaker": entry.name, "speaker_label": "PERSON",
                        "speaker_role": entry.roles[0] if entry.roles else without_determiner(mention)}
        if determiner in _INDEFINITE or (head.tag_ in ("NNS", "NNPS") and lemma not in ORGANISATION_NOUNS) \
                or (lemma in UNNAMED_SOURCE_NOUNS and lemma not in ROLE_NOUNS):
            return row  # an unnamed source: "a source", "experts", "officials"
        if lemma in ORGANISATION_NOUNS and head.tag_ in ("NNS", "NNPS") and titled is None:
            # (of a kind any organisation may be called: "the companies", "the parties", not "the unions")
            together = self._named_together(mention, pdoc) \
                if determiner == "the" and lemma in GENERIC_ORGANISATION_NOUNS | {"party"} else None
            if together is not None:  # "EADS and BAE Systems ... the companies said"
                return {**row, "speaker": joint_name(together), "speakers": JOINT.join(together), "speaker_label": "ORG"}
            return row  # "the tobacco companies said": several, unnamed
        if lemma in ORGANISATION_NOUNS and any(c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in (*ORG_LABELS, "LOC", "FAC")
                                               for c in head.children):
            return row  # "May's government said": an organisation the article names only by its leader
        if lemma in ORGANISATION_NOUNS and not is_role_noun(head):
            own = without_determiner(mention)
            if len(own.split()) > 1 and own in self.model.orgs:  # "the Russian defense ministry"
                return {**row, "speaker": self.model.org_named(own, start), "speaker_label": "ORG"}
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i), self._horizon(pdoc))
            return {**row, "speaker": entry.name, "speaker_label": "ORG"} if entry else row
        if (is_role_noun(head) or description) and _of_someone_unnamed(head):
            return {**row, "speaker_role": without_determiner(mention)}  # "the chief executive of a car maker"
        if is_role_noun(head) or description:
            entry = self.model.described(mention, start, pdoc.sentence_of(head.i), self._horizon(pdoc), lead=pdoc is self.lead)
            if entry is not None:
                return {**row, "speaker": entry.name, "speaker_label": entry.label,
                        "speaker_role": entry.roles[0] if entry.roles else None}
            return {**row, "speaker_role": without_determiner(mention)}
        if _describes_a_person(mention):
            # "said the 20-year-old", "The world champion says": the person just written about
            gender = next((GENDERED_WORDS[t.lower_] for t in mention if t.lower_ in GENDERED_WORDS), None)
            entry = self.model.person_just_written_about(gender, start, pdoc.sentence_of(head.i))
            if entry is not None:
                return {**row, "speaker": entry.name, "speaker_label": "PERSON",
                        "speaker_role": entry.roles[0] if entry.roles else None}
        return row

    def _it(self, it: Token, pdoc: ParagraphDoc) -> dict | None:
        """speaker, speaker_label and speaker_role of an "it" the sentence around it settles:
        "The opposition also made capital of the figures. It said ..." (the organisation the
        sentence before described, named or not); after "The book, by Robert Peston, said ...",
        "It claims" (the book's author); "Shares in firm X closed down ..., after it said" (X).
        None leaves it to the nearest organisation (`Participants.nearest_org`)."""
        described, where = previous_subject(it), pdoc
        if described is None and it.sent.start == 0 and pdoc.position > 0 \
                and self.adoc.paragraphs[pdoc.position - 1].kind == "body":
            where = self.adoc.paragraphs[pdoc.position - 1]  # the paragraph's first sentence
            described = main_subject(list(where.doc.sents)[-1])
        for _ in range(3):  # "It said ... It added": back through the chain of "it"
            if described is None or described.text.lower() != "it":
                break
            described = previous_subject(described.root)
        if described is not None and described.root.pos_ == "NOUN" and not described.root.ent_type_ \
                and described.root.lemma_.lower() in ORGANISATION_NOUNS | DOCUMENT_NOUNS and not is_plural(described.root):
            found = self._one(described, where)
            return {k: found[k] for k in ("speaker", "speaker_label", "speaker_role")}
        topic = self._subject_organisation(it, pdoc)
        return {"speaker": topic, "speaker_label": "ORG"} if topic is not None else None

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

    def _named_together(self, mention: Span, pdoc: ParagraphDoc) -> list[str] | None:
        """The organisations named joined by "and" in the last four sentences ("EADS and BAE
        Systems welcomed ...", "Labour and the Conservatives are ...", "Shares in Elan and Biogen
        Idec plunged"), which "the companies", "the two firms" or "the parties" stand for: the
        latest such group, in a clause's subject, of as many as the mention counts; None when
        there is none."""
        count = next((t for t in mention if t.like_num), None)
        wanted = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}.get(count.lower_) if count is not None else None
        if count is not None and wanted is None:
            return None
        if any(t.i != mention.root.i and t.dep_ not in ("det", "nummod", "predet") for t in mention):
            return None  # "the rival carriers": a kind of some, not those just named
        sentence = pdoc.sentence_of(mention.root.i)
        found = None
        for where in (*self.adoc.paragraphs[max(0, pdoc.position - 1):pdoc.position], pdoc):
            for token in where.doc:
                if (where is pdoc and token.i >= mention.start) or token.dep_ == "conj" \
                        or not 0 <= sentence - where.sentence_of(token.i) <= 4:
                    continue
                members = [token] + [c for c in token.conjuncts if c.i > token.i]
                if len(members) < 2 or (wanted is not None and len(members) != wanted):
                    continue
                # in a clause's subject ("Shares in Elan and Biogen Idec plunged"), not what the
                # firms' sentences talk about ("the use of both Tysabri and Avonex")
                if not any(t.dep_ in ("nsubj", "nsubjpass") for t in (token, *token.ancestors)):
                    continue
                names = [self._organisation_at(where, member) for member in members]
                if all(names) and len(set(names)) == len(names):
                    found = names
        return found

    def _organisation_at(self, pdoc: ParagraphDoc, token: Token) -> str | None:
        """The participant organisation a token names: its entity's, else a party's name there
        ("Labour", not tagged), else the organisation the article calls by its words."""
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent.label_ in (*ORG_LABELS, "PERSON"):
            name = self.model.name_at(*pdoc.offsets(ent))
            # (a firm tagged PERSON, "Biogen Idec", joined with one tagged ORG)
            if name in self.model.orgs or (name in self.model.people and ent.label_ == "PERSON"
                                           and not looks_like_person(name) and " " in name):
                return name
        at = pdoc.start + token.idx
        party = next((name for offset, name in self.model.parties if offset == at), None)
        if party is not None:
            return party
        return token.text if token.pos_ == "PROPN" and token.text in self.model.orgs else None

    def _horizon(self, pdoc: ParagraphDoc) -> int:
        """How far a description reads forward for its holder: to the end of the next paragraph."""
        following = self.adoc.paragraphs[pdoc.position + 1:pdoc.position + 2]
        return following[0].end if following else pdoc.end

    def continue_speakers(self, rows: list[dict]) -> None:
        """News writes "he said" for the person quoted last: a he/she speaker becomes the most
        recent earlier speaker of agreeing gender, unless the article names another person of
        that gender as a clause subject in between, outside any quote (then the nearest-subject
        reading stands). Right after an unnamed speaker ("the spokesman said. He added") the
        he/she is that unnamed speaker. An unresolved "the statement said" is whoever spoke
        last "in a statement" (`_statement_of`). `rows` in reading order; changed in place."""
        contents = [(r["start"], r["end"]) for r in rows]
        self._statement_of(rows)
        for at, row in enumerate(rows):
            kind = SPEAKER_PRONOUNS.get(str(row.get("speaker_text") or "").lower())
            if kind == "neuter" and row.get("speaker_start") is not None:
                self._it_goes_on(rows, at, contents)
            if kind == "plural" and row.get("speaker_start") is not None and not row.get("speaker"):
                self._they_go_on(rows, at)
            if kind not in ("male", "female") or row.get("speaker_start") is None:
                continue
            start = row["speaker_start"]
            last = next((r for r in reversed(rows[:at]) if r.get("speaker_start") is not None and r["speaker_start"] < start), None)
            if last is not None and not last.get("speaker") and self._one_unnamed(last, kind) \
                    and not self._named_between(last["speaker_start"], start, kind, contents):
                # `..., the spokesman said. He added that ...`: the unnamed speaker goes on
                row.update({"speaker": None, "speakers": None, "speaker_label": None, "speaker_role": last.get("speaker_role")})
                continue
            previous = next((r for r in reversed(rows[:at]) if r.get("speaker_label") == "PERSON" and r.get("speaker")
                             and JOINT not in (r.get("speakers") or "") and r.get("speaker_start") is not None
                             and r["speaker_start"] < start and self._agrees(r["speaker"], kind)), None)
            if previous is None or previous["speaker"] == row.get("speaker"):
                continue
            if not self._named_between(previous["speaker_start"], start, kind, contents, but=previous["speaker"]):
                row.update({k: previous.get(k) for k in _WHO})

    def _it_goes_on(self, rows: list[dict], at: int, contents: list[tuple[int, int]]) -> None:
        """"..., said the Constitutional Affairs Select Committee. It said ...": an "it" right
        after an organisation spoke (the row before, in that paragraph or the one before) is that
        organisation, unless the article makes another organisation a clause subject in between
        (outside quotes)."""
        row, last = rows[at], _speaker_just_before(rows, at)
        start = row["speaker_start"]
        if last is None or last.get("speaker_label") != "ORG" or JOINT in (last.get("speakers") or "") \
                or last["speaker"] == row.get("speaker"):
            return
        between = [offset for entry in self.model.orgs.values() if entry.name != last["speaker"]
                   for offset, _, subject in entry.mentions
                   if subject and last["speaker_start"] < offset < start and not any(s <= offset < e for s, e in contents)]
        if not between:
            row.update({k: last.get(k) for k in _WHO})

    def _they_go_on(self, rows: list[dict], at: int) -> None:
        """"..., MPs said. They said ...", "EADS and BAE Systems said ... They added": an unresolved
        "they" right after speakers written in the plural or joined (the row before, in that
        paragraph or the one before) is them."""
        row, last = rows[at], _speaker_just_before(rows, at)
        start = row["speaker_start"]
        if last is None:
            return
        contents = [(r["start"], r["end"]) for r in rows]
        if self._plural_subject_between(last["speaker_start"] + 1, start, contents):
            return  # "... they said.\n\nOfficials met on Monday. They said": the officials
        words = str(last.get("speaker_text") or "").split()
        if JOINT in (last.get("speakers") or "") or (words and words[-1].endswith("s") and words[-1][:1].islower()) \
                or is_plural_role(" ".join(words)) or [w.lower() for w in words] == ["they"] \
                or (words and last.get("speaker_label") == "ORG" and words[-1].endswith("s")
                    and (is_party_name(words[-1]) or is_party_name(" ".join(words[-2:])))):  # "the Tories", "Liberal Democrats"
            row.update({k: last.get(k) for k in _WHO})

    def _plural_subject_between(self, after: int, before: int, contents: list[tuple[int, int]]) -> bool:
        """Whether a noun in the plural is a clause's subject between two article offsets,
        outside quotation marks and what was said (`contents`)."""
        for pdoc in self.adoc.paragraphs:
            if pdoc.start >= before or pdoc.start + len(pdoc.text) <= after:
                continue
            for token in pdoc.doc:
                at = pdoc.start + token.idx
                if after <= at < before and token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS") \
                        and not self.model.quoted_at(at) and not any(s <= at < e for s, e in contents):
                    return True
        return False

    def _statement_of(self, rows: list[dict]) -> None:
        """"In a statement, the party said ... "...," said the statement": an unresolved "the
        statement" (or letter, email: `quotes/said_nouns`) is the speaker of the latest earlier
        row whose sentence names that noun, in the same paragraph or the one before."""
        sentences = None
        for at, row in enumerate(rows):
            words = str(row.get("speaker_text") or "").lower().split()
            if row.get("speaker") or len(words) != 2 or words[0] != "the" or words[1] not in SAID_NOUNS:
                continue
            if sentences is None:
                sentences = {number: {t.lemma_.lower() for t in sent} for number, _, sent in self.adoc.sentences()}
            for earlier in reversed(rows[:at]):
                if earlier.get("speaker") and earlier.get("sentence") is not None and row.get("paragraph") is not None \
                        and earlier.get("paragraph") is not None and row["paragraph"] - earlier["paragraph"] <= 1 \
                        and words[1] in sentences.get(int(earlier["sentence"]), ()):
                    row.update({k: earlier.get(k) for k in _WHO})
                    break

    def _named_between(self, after: int, before: int, kind: str, contents: list[tuple[int, int]], but: str | None = None) -> bool:
        """Whether the article names a person of gender `kind` (other than `but`) as a clause
        subject between two offsets, outside the quotes' contents."""
        return any(after < offset < before and not any(s <= offset < e for s, e in contents)
                   for p in self.model.people.values() if p.name != but and self._agrees(p.name, kind)
                   for offset, _, subject in p.mentions if subject)

    def _one_unnamed(self, row: dict, kind: str) -> bool:
        """Whether a row's speaker is one unnamed person a he/she of gender `kind` may stand for:
        "the spokesman", "a senior official", not "the spokeswoman" for "he"."""
        words = str(row.get("speaker_text") or "").split()
        return bool(words) and words[0].lower() in ("the", "a", "an") and words[-1].lower() in ROLE_NOUNS \
            and GENDERED_WORDS.get(words[-1].lower(), kind) == kind

    def _agrees(self, name: str, kind: str) -> bool:
        entry = self.model.people.get(name)
        return entry is None or entry.gender in (None, kind)

    def _publisher(self, mention: Span, pdoc: ParagraphDoc) -> str | None:
        """The organisation a report, survey or study speaks for: named in it ("The NAO report")
        or after it ("a report by the National Audit Office"); "the report" again is the last
        report's publisher."""
        head = mention.root
        # what names it: words before the noun, the object of "by"/"from"/"of" after it, also
        # through a participle ("calculations presented to the US Senate by Dr Graham")
        inside = [t for t in head.subtree if t.i != head.i and (t.i < head.i or (t.head.dep_ == "agent" or t.head.lower_ in ("by", "from", "of"))
                                                                   and (t.head.head.i == head.i or t.head.head.dep_ == "acl"
                                                                        and t.head.head.head.i == head.i))]
        for token in inside:
            # "The NAO report", "a report by the NAO"; "The book, by Sunday Telegraph journalist
            # Robert Peston, said": its author
            author = token.ent_type_ == "PERSON" and token.head.lower_ == "by" and token.dep_ == "pobj"
            if (token.ent_type_ == "ORG" or author) and not _several_people(token):  # not "a report by MPs"
                return self._remember(*self._entity_named(token, pdoc), head)
        if is_plural(head):
            return None  # "Private sector business surveys suggest": several, by no one named
        if mention[0].lower_ == "the" and self.last_publisher and self.publisher_kind == head.lemma_.lower():
            return self.last_publisher
        if mention[0].lower_ == "the":
            # "a new book, Brown's Britain by Robert Preston. ... The book claims": the author of
            # the last such document the article named
            author = self._earlier_author(head, pdoc)
            if author is not None:
                return self._remember(*author, head)
        # "According to a new book, Brown's Britain, ... The book, by Sunday Telegraph journalist
        # Robert Peston, said": the author the next sentences give the same kind of document
        author = self._author_after(head, pdoc)
        if author is not None:
            return self._remember(*author, head)
        # "..., a report by the government's finance watchdog says.\n\nThe National Audit Office
        # said ...": the organisation the next sentences introduce as their subject
        start = pdoc.offsets(mention)[0]
        entry = self.model.introduced_after(self.model.orgs, start, self._horizon(pdoc), lambda e: e.entity_label == "ORG")
        if entry is None and mention[0].lower_ == "the":
            # "The Environmental Audit Committee said ... The report said": the organisation last
            # speaking as a sentence's subject
            earlier = [(at, e.name) for e in self.model.orgs.values() if e.entity_label == "ORG"
                       for at, _, subject in e.mentions if subject and at < start and not self.model.quoted_at(at)]
            entry = self.model.orgs[max(earlier)[1]] if earlier else None
        if entry is None and mention[0].lower_ == "the":
            entry = self.model.committee(start)  # "The report said" in a story about a committee's report
        return self._remember(entry.name, "ORG", head) if entry is not None else None

    def _remember(self, name: str, label: str, head: Token) -> str:
        """The publisher of the document `head` names, kept for a later "the report"."""
        self.last_publisher, self.publisher_label, self.publisher_kind = name, label, head.lemma_.lower()
        return name

    def _earlier_author(self, head: Token, pdoc: ParagraphDoc) -> tuple[str, str] | None:
        """(name, label) of the person or organisation "by" whom the last earlier document of
        the same kind (the same noun) was written, in this paragraph or the one before."""
        lemma = head.lemma_.lower()
        for where in (pdoc, *self.adoc.paragraphs[max(0, pdoc.position - 1):pdoc.position][::-1]):
            tokens = [t for t in where.doc if t.lemma_.lower() == lemma and (where is not pdoc or t.i < head.i)]
            for token in reversed(tokens):
                found = self._by_author(token, where)
                if found is not None:
                    return found
        return None

    def _author_after(self, head: Token, pdoc: ParagraphDoc) -> tuple[str, str] | None:
        """(name, label) of the author of the first later document of the same kind, in this
        paragraph or the next two: who "a new book" is by when the story names him after it."""
        lemma = head.lemma_.lower()
        for where in self.adoc.paragraphs[pdoc.position:pdoc.position + 3]:
            for token in where.doc:
                if token.lemma_.lower() == lemma and (where is not pdoc or token.i > head.i):
                    found = self._by_author(token, where)
                    if found is not None:
                        return found
        return None

    def _by_author(self, document: Token, where: ParagraphDoc) -> tuple[str, str] | None:
        for by in document.subtree:
            if by.dep_ == "pobj" and by.head.lower_ == "by" and by.ent_type_ in ("PERSON", "ORG") \
                    and not _several_people(by):  # "a report by MPs": unnamed
                return self._entity_named(by, where)
        return None

    def _entity_named(self, token: Token, pdoc: ParagraphDoc) -> tuple[str, str]:
        """(canonical name, "PERSON" or "ORG") of the PERSON or ORG entity holding `token`: the
        article's name for it (a person's full name, an organisation's fullest)."""
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        start, end = pdoc.offsets(ent)
        if ent.label_ == "PERSON":
            return self.model.name_at(start, end, "PERSON") or self.model.full_name(person_name(ent.text), start), "PERSON"
        return self.model.org_named(self.model.name_at(start, end, "ORG") or without_determiner(ent), start), "ORG"

    def _known(self, mention: Span) -> bool:
        words = set(person_name(mention.text).split())
        return bool(words) and any(words <= set(p.name.split()) for p in self.model.people.values())

    def _person(self, mention: Span, pdoc: ParagraphDoc, role: str | None) -> dict:
        start = pdoc.offsets(mention)[0]
        name = self.model.name_at(*pdoc.offsets(mention), "PERSON")
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

    def _pronoun(self, kind: str, start: int, sentence: int) -> dict:
        if kind in ("male", "female"):
            name = self.model.pronouns.get(start)
            entry = self.model.people.get(name) if name else self.model.nearest_person(kind, start, sentence)
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


def _speaker_just_before(rows: list[dict], at: int) -> dict | None:
    """The row whose speaker mention comes last before row `at`'s, when it names a speaker and
    stands in the same paragraph or the one before: who an "it" or "they" may go on with."""
    row = rows[at]
    start = row["speaker_start"]
    last = next((r for r in reversed(rows[:at]) if r.get("speaker_start") is not None and r["speaker_start"] < start), None)
    if last is None or not last.get("speaker") or row.get("paragraph") is None or last.get("paragraph") is None \
            or row["paragraph"] - last["paragraph"] > 1:
        return None
    return last


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
    if label == "PERSON":
        while len(words) > 2 and (words[-1].lower() in ROLE_NOUNS or is_title_word(words[-1])):
            words.pop()
        return " ".join(words)
    while len(words) > 1 and (words[-1].lower() in ROLE_NOUNS or is_title_word(words[-1])) and words[-1][:1].isupper() \
            and words[-2].lower() not in ROLE_CONNECTORS and words[-1].lower() not in PLACE_BODIES:
        # "Labour MP", not "Court of Justice" or "Scottish Executive"
        words.pop()
    capitalized = [i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()]
    if not capitalized:
        return None if words[0] in ("'s", "’s") else " ".join(words)
    words = words[capitalized[0]:]
    kept = " ".join(words[:capitalized[-1] - capitalized[0] + 1])
    # "Reuters news agency" -> "Reuters" when the article names "Reuters" on its own; "Russian
    # defense ministry" and "US tobacco companies" stay whole
    return kept if kept in known else " ".join(words)


def joint_members(mention: Span) -> list[Span]:
    """The mentions of a joint speaker: "Mayor Lena Fisk and Governor Tomas Brand" -> both names;
    one mention otherwise. Only names join (a conjunct that is a name or a titled name)."""
    doc = mention.doc
    # one entity spanning "Fisk and Brand"
    words = [t for t in mention if t.lower_ in ("and", "&")]
    if len(words) == 1:
        cut = words[0].i
        left, right = doc[mention.start:cut], doc[cut + 1:mention.end]
        if len(left) and len(right) and all(t.pos_ == "PROPN" for t in (*left, *right)):
            return [left, right]
    head = mention.root
    conjuncts = [c for c in head.conjuncts if c.i >= mention.end]
    if conjuncts and any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in head.children):
        members = [mention] + [mention_of(c) for c in conjuncts]
        if all(_names_someone(m) for m in members):
            return members
    return [mention]


def _names_someone(span: Span) -> bool:
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


def _role_after_organisation(mention: Span) -> Span | None:
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


def _held_at(head: Token) -> list[Token]:
    """What a role is held at: the objects of "of", "at", "for", "with" under its head ("the
    chief executive of a car maker", "A spokesman for DLF Builders")."""
    return [obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for", "with")
            for obj in prep.children if obj.dep_ == "pobj"]


def _of_someone_unnamed(head: Token) -> bool:
    """Whether a role is held at something indefinite: "the chief executive of a leading European
    car maker", "a spokesman for an oil firm" (whoever holds it, the article does not name)."""
    return any(any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in obj.children) for obj in _held_at(head))


def _several_people(token: Token) -> bool:
    """A plural role noun: "MPs", "officials" (tagged ORG or not), several unnamed people."""
    return is_plural(token) and is_role_noun(token)


def _speaks_for_committee(mention: Span) -> bool:
    """Whether a mention is a committee's members or a committee it does not name: "MPs", "the
    MPs", "a committee of MPs and peers", "an all-party committee", "the committee"."""
    head = mention.root
    own = [t.lower_ for t in mention if t.i != head.i and not t.is_punct and t.dep_ not in ("det", "poss")]
    if head.lower_ in COMMITTEE_MEMBERS and is_plural(head):
        return not own  # not "Labour MPs", "six MPs"
    return head.lemma_.lower() in COMMITTEE_NOUNS and not is_plural(head) and all(
        w in COMMITTEE_KIND_WORDS or w in COMMITTEE_MEMBERS or w in ("of", "and") for w in own)


def _describes_a_person(mention: Span) -> bool:
    """Whether a definite mention describes a person by an age or a noun of what they do, naming
    no one: "the 20-year-old", "the 28-year-old midfielder", "The world indoor champion" (not "his
    mother", "a singer", "the Everton midfielder Tim Cahill")."""
    doc, head = mention.doc, mention.root
    definite = mention[0].lower_ == "the" or (mention.start > 0 and doc[mention.start - 1].lower_ == "the")
    if not definite or any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in mention):
        return False
    aged = any(t.lower_ == "year" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "old" and t.i > 0
               and doc[t.i - 1].text == "-" for t in mention)
    return (aged and head.tag_ in ("JJ", "NN")) or (head.tag_ == "NN" and head.lower_ in PERSON_DESCRIPTION_NOUNS)


def _is_description(mention: Span) -> bool:
    """Whether a mention only describes its referent: title words and nationality words around a
    role noun ("the Ruritanian President", "the head of state"), no name."""
    words = [t for t in mention if t.dep_ not in ("det", "poss") and not t.is_punct]
    if not words or not any(is_role_noun(t) for t in words):
        return False
    # an office named after its department ("the Trade and Industry Secretary") describes too
    office = mention[0].lower_ == "the" and is_role_noun(words[-1])
    return all(is_title_word(t.text) or is_role_noun(t) or t.ent_type_ in ("NORP", "GPE") or t.pos_ in ("ADJ", "ADP", "NOUN")
               or t.lower_ in ("of", "state", "government") or (office and (t.pos_ == "CCONJ" or t.ent_type_ == "ORG"))
               or t.lower_ in PARTY_WORDS  # "the Labour MP"
               for t in words)


def _name_beside(mention: Span) -> Span | None:
    """The name a description stands right before or beside, when the parser left it out of the
    speaker mention: "James Hardie chairwoman" + "Meredith Hellicar", "Labour MP" + "Derek Wyatt",
    "A spokesman, Jorg Wojahn, said"."""
    doc = mention.doc
    if mention.label_ == "PERSON":
        return None
    if not mention.label_ and mention[-1].lemma_.lower() in ORGANISATION_NOUNS and mention.end < len(doc):
        # "state statistics body INSEE", "the world's largest package delivery company, UPS, said"
        at = mention.end + 1 if doc[mention.end].text == "," else mention.end
        named = next((e for e in doc.ents if e.start == at and e.label_ == "ORG"), None)
        if named is not None and (at == mention.end or (named.end < len(doc) and doc[named.end].text == ",")):
            return named
    if mention.root.pos_ == "NOUN" and mention.root.tag_ == "NN":
        # "The chief inspector of schools, David Bell, said": a name in apposition, set off by commas
        for child in mention.root.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON" and doc[child.left_edge.i - 1].text == ",":
                return next((e for e in doc.ents if e.start <= child.i < e.end), None)
    if not (is_role_noun(mention[-1]) or is_title_word(mention[-1].text)):
        return None
    after = mention.end + 1 if mention.end < len(doc) and doc[mention.end].text == "," else mention.end
    before = mention.start - 1 if mention.start and doc[mention.start - 1].text == "," else None
    for ent in doc.ents:
        # "Labour MP Derek Wyatt", "its Paris lawyer, Emmanuel Gaillard", "Mr Prettejohn, Lloyd's chief executive, said"
        if ent.label_ == "PERSON" and (ent.start in (mention.end, after) or (before is not None and ent.end == before
                                                                              and _set_off_together(ent, mention))):
            return ent
    for child in mention.root.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return next((e for e in doc.ents if e.start <= child.i < e.end), None)
    for obj in _held_at(mention.root):
        # "A spokesman for DLF Builders, Dr Vancheshwar, told": the parser hung the name on the
        # organisation the role is for
        if obj.ent_type_ != "PERSON":
            for name in obj.children:
                if name.dep_ == "appos" and name.i > obj.i and doc[name.left_edge.i - 1].text == "," and name.pos_ == "PROPN":
                    run = next((e for e in doc.ents if e.start <= name.i < e.end), None) if name.ent_type_ else name_run(name)
                    if run is not None and (run.label_ == "PERSON" or run[0].lower_.rstrip(".") in HONORIFICS
                                            or looks_like_person(run.text)):
                        return run
    # a name the tagger left untagged or mislabelled: "The Spectator editor Boris Johnson"
    for at in (mention.end, after, before - 1 if before else None):
        if at is not None and 0 <= at < len(doc) and doc[at].pos_ == "PROPN" and doc[at].ent_type_ not in ("GPE", "LOC", "NORP"):
            run = name_run(doc[at])
            if before is not None and at == before - 1 and not _set_off_together(run, mention):
                continue
            if looks_like_person(run.text) or (len(run) > 1 and run[0].text[:1].isupper() and doc[at].ent_type_ in ("", "PERSON")):
                return run
    return None


def _set_off_together(name: Span, role: Span) -> bool:
    """Whether a name right before ", <role>" is the role's holder: "Mr Prettejohn, Lloyd's chief
    executive, said" (the role in apposition, or both subjects of the verb), not an object of a
    clause before it ("Echoing ... Condoleezza Rice, the prime minister said")."""
    head, root = name.root, role.root
    return (root.dep_ == "appos" and name.start <= root.head.i < name.end) or head.head.i == root.i \
        or (head.dep_ in ("nsubj", "nsubjpass") and head.head.i == root.head.i)


def _titled_person(mention: Span) -> tuple[Span, str] | None:
    """A title the parser made the head, with the name hung below it: "Ruritanian Ambassador to
    Lima Olga Marek" -> (the name "Olga Marek", the title "Ruritanian Ambassador to Lima")."""
    head = mention.root
    if not is_role_noun(head):
        return None
    doc = head.doc
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            # "Chairman of the Environmental Audit Committee Peter Ainsworth": the name right
            # after the organisation the title names
            inside = [e for e in doc.ents if e.label_ == "PERSON" and prep.i + 1 < e.start and e.end <= prep.right_edge.i + 1
                      and doc[e.start - 1].text[:1].isupper() and doc[e.start - 1].ent_type_ != "PERSON"
                      and doc[e.start - 1].lower_.rstrip(".") not in HONORIFICS]  # not "a spokesman for Mr Prescott"
            if inside:
                return inside[-1], doc[_title_start(head):inside[-1].start].text
            continue
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "at", "in"):
            continue
        for obj in prep.children:
            ent = next((e for e in doc.ents if e.start <= obj.i < e.end and e.label_ == "PERSON"), None)
            if ent is None:
                continue
            name_start = ent.start
            # the place the title names, glued into the name by the tagger: "Lima Olga Marek"
            while name_start < ent.end - 2 and _is_place_word(doc[name_start]):
                name_start += 1
            if name_start == ent.start and ent.start == prep.i + 1:
                return None  # "envoy to Olga Marek": the name is someone else's
            return doc[name_start:ent.end], doc[_title_start(head):name_start].text
    return None


def _title_start(head: Token) -> int:
    """Where a title headed by `head` starts: its left edge after a determiner or possessive."""
    left = head.left_edge.i
    while left < head.i and head.doc[left].dep_ in ("det", "poss"):
        left += 1
    return left


def _is_place_word(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC") or gazetteer.lookup(token.text) is not None


def said_on(adoc: ArticleDoc, pdoc: ParagraphDoc, verb: Token, content: tuple[int, int]) -> pd.Timestamp | None:
    """The date attached to a cue ("told journalists on Friday", "said on Thursday"), normalized
    against the publication date; None when the text does not say."""
    phrase = _date_phrase(verb)
    if phrase is None:
        return None
    start, end = pdoc.offsets(phrase)
    if content[0] <= start < content[1]:
        return None  # the date belongs to what was said, not to the saying
    for timex in adoc.results.get("timexes") or []:
        date = timex.get("date")
        if timex["start"] < end and timex["end"] > start and date is not None and not pd.isna(date):
            return pd.Timestamp(date)
    try:
        from newskit.extract.timexes.normalize import normalize
    except ImportError:
        return None
    try:
        found = normalize(phrase.text, adoc.article.get("published"), tense="past")
    except Exception:  # noqa: BLE001 — a date we cannot read is a missing date, never a crash
        return None
    date = found[2] if found else None
    return None if date is None or pd.isna(date) else pd.Timestamp(date)


def _date_phrase(verb: Token) -> Span | None:
    """A DATE entity attached to the verb or to its audience: "on Friday", "yesterday"."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
    for head in heads:
        for child in head.children:
            # "on Friday", "in a statement on Thursday"
            targets = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            for target in targets:
                if target.ent_type_ in ("DATE", "TIME") and target.dep_ in ("pobj", "npadvmod", "tmod", "advmod"):
                    return next((e for e in verb.doc.ents if e.start <= target.i < e.end), None)
    return None
