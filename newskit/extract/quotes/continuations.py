"""Speakers that go on: once every quote has its own speaker, "he said", "it said", "they said" and
"the statement said" read back to who spoke just before (news writes "he said" for the person
quoted last), unless the article names someone else of the kind in between."""
from __future__ import annotations

from newskit.extract.document import ArticleDoc
from newskit.extract.names import GENDERED_WORDS, ROLE_NOUNS, is_plural_role
from newskit.extract.quotes.participants import (DESCRIPTIVE_ORGANISATION_NOUNS, DOCUMENT_NOUNS, GENERIC_ORGANISATION_NOUNS,
                                                 SAID_NOUNS, Participants, is_party_name)
from newskit.extract.quotes.speaker_mentions import SPEAKER_PRONOUNS
from newskit.extract.quotes.speakers import DESCRIBED, NOT_IT
from newskit.frames import JOINT, quote_parts


# the columns that say who a row's speaker is, copied together when one row's speaker goes on in another
_WHO = ("speaker", "speakers", "speaker_label", "speaker_role")


def continue_speakers(adoc: ArticleDoc, model: Participants, rows: list[dict]) -> None:
    """Give the he/she/it/they and "the statement" speakers of `rows` (in reading order) to the
    speaker they go on from; changed in place (`Continuations.run`)."""
    Continuations(adoc, model).run(rows)


class Continuations:
    """The row-level pass over one article's attributions, after each was resolved alone."""

    def __init__(self, adoc: ArticleDoc, model: Participants) -> None:
        self.adoc, self.model = adoc, model

    def run(self, rows: list[dict]) -> None:
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
            if kind == "neuter" and row.get("speaker_start") is not None and not row.get(DESCRIBED):
                self._it_goes_on(rows, at, contents)
            elif self._firm_described(row) and row.get("speaker_start") is not None:
                self._it_goes_on(rows, at, contents, named=True)
            if kind == "plural" and row.get("speaker_start") is not None and not row.get("speaker"):
                self._they_go_on(rows, at)
            if kind not in ("male", "female") or row.get("speaker_start") is None or row.get(DESCRIBED):
                continue  # (nor one the description before it settled: "the Swiss star is ... he told")
            start = row["speaker_start"]
            last = next((r for r in reversed(rows[:at]) if r.get("speaker_start") is not None and r["speaker_start"] < start), None)
            if last is not None and not last.get("speaker") and self._one_unnamed(last, kind) \
                    and not self._named_between(last["speaker_start"], start, kind, contents):
                # `..., the spokesman said. He added that ...`: the unnamed speaker goes on
                row.update({"speaker": None, "speakers": None, "speaker_label": None, "speaker_role": last.get("speaker_role")})
                continue
            previous = next((r for r in reversed(rows[:at]) if r.get("speaker_label") == "PERSON" and r.get("speaker")
                             and not self._inside_another(r, rows)  # "He told Today that Mr Clarke had been reported to"
                             and JOINT not in (r.get("speakers") or "") and r.get("speaker_start") is not None
                             and r["speaker_start"] < start and self._agrees(r["speaker"], kind)), None)
            if previous is None or previous["speaker"] == row.get("speaker") or previous["speaker"] in row.get(NOT_IT, ()):
                continue  # (nor one its own clause names after it: "he insisted he still trusted Mr Blair")
            if row["kind"] == "direct" and previous["speaker"] in self.model.called_by_first_name(quote_parts(row["parts"])):
                continue  # not one his words talk about: "... a quiet word with Olof. ...," he told
            if not self._named_between(previous["speaker_start"], start, kind, contents, but=previous["speaker"]) \
                    and not self._introduced_before(start, kind, contents, but=previous["speaker"],
                                                    after=previous["speaker_start"]):
                row.update({k: previous.get(k) for k in _WHO})

    def _it_goes_on(self, rows: list[dict], at: int, contents: list[tuple[int, int]], named: bool = False) -> None:
        """"..., said the Constitutional Affairs Select Committee. It said ...": an "it" right
        after an organisation spoke (the row before, in that paragraph or the one before) is that
        organisation, unless the article makes another organisation a clause subject in between
        (outside quotes). `named`: only after an organisation named at its cue ("according to
        BT", not "it said", whose reading may be wrong already)."""
        row, last = rows[at], _speaker_just_before(rows, at)
        start = row["speaker_start"]
        if last is None or last.get("speaker_label") != "ORG" or JOINT in (last.get("speakers") or "") \
                or last["speaker"] == row.get("speaker"):
            return
        written = str(last.get("speaker_text") or "")
        if named and (written.lower() in SPEAKER_PRONOUNS or not written[:1].isupper() or written.split()[0].lower() == "the"):
            return
        between = [offset for entry in self.model.orgs.values() if entry.name != last["speaker"]
                   for offset, _, subject in entry.mentions
                   if subject and last["speaker_start"] < offset < start and not any(s <= offset < e for s, e in contents)]
        if not between:
            row.update({k: last.get(k) for k in _WHO})

    @staticmethod
    def _firm_described(row: dict) -> bool:
        """Whether a row's speaker is "the <kind of firm>" no organisation the article names was
        found for: "..., according to BT.\n\nThe telecoms giant said" (the tagger took BT for a
        place) goes on from the organisation that spoke just before, as "it" does."""
        words = str(row.get("speaker_text") or "").lower().split()
        return not row.get("speaker") and len(words) >= 2 and words[0] == "the" \
            and words[-1] in GENERIC_ORGANISATION_NOUNS | DESCRIPTIVE_ORGANISATION_NOUNS

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
        # (not the joint makers of a study that spoke last: its "they" are the people it asked)
        if (JOINT in (last.get("speakers") or "") and not (words and words[-1].lower() in DOCUMENT_NOUNS)) \
                or (words and words[-1].endswith("s") and words[-1][:1].islower()) \
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

    def _introduced_before(self, before: int, kind: str, contents: list[tuple[int, int]], but: str | None,
                           after: int = -1) -> bool:
        """Whether a person of gender `kind` (other than `but`) is named for the first time in the
        paragraph of offset `before`, before it and after offset `after` (the last speaker's
        cue), outside quotes, even as no subject: "... boosted by the return of star skipper
        Brian O'Driscoll who missed the Scotland game. "...," he said." is O'Driscoll, not the
        coach quoted in the paragraph before; not "Sir John Stevens last month backed ... The
        pressure prompted the prime minister to say ... He told MPs", the prime minister's."""
        pdoc = self.adoc.paragraph_at(before)
        if pdoc is None:
            return False
        firsts = [(p.name, p.mentions[0][0]) for p in self.model.people.values() if p.mentions]
        return any(name != but and self._agrees(name, kind) and max(pdoc.start, after + 1) <= at < before
                   and not self.model.quoted_at(at)
                   and not any(s <= at < e for s, e in contents) for name, at in firsts)

    def _inside_another(self, row: dict, rows: list[dict]) -> bool:
        """Whether a row's speaker mention lies inside what another row's speaker said, as no main
        clause's subject: "He told BBC Radio 4 that Mr Clarke had been reported to be less
        enthusiastic" (Mr Clarke is talked about, the last to speak is still "he"; not "..., but
        Tennis Australia's Geoff Pollard rejected his comments", a clause a reported quote ran over)."""
        at = row.get("speaker_start")
        entry = self.model.people.get(row.get("speaker") or "")
        if at is None or (entry is not None and any(offset == at and subject for offset, _, subject in entry.mentions)):
            return False
        return any(other is not row and other["start"] <= at < other["end"] for other in rows)

    def _one_unnamed(self, row: dict, kind: str) -> bool:
        """Whether a row's speaker is one unnamed person a he/she of gender `kind` may stand for:
        "the spokesman", "a senior official", not "the spokeswoman" for "he"."""
        words = str(row.get("speaker_text") or "").split()
        return bool(words) and words[0].lower() in ("the", "a", "an") and words[-1].lower() in ROLE_NOUNS \
            and GENDERED_WORDS.get(words[-1].lower(), kind) == kind

    def _agrees(self, name: str, kind: str) -> bool:
        entry = self.model.people.get(name)
        return entry is None or entry.gender in (None, kind)



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
