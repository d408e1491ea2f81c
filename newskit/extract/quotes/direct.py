"""Quotes: who said what — direct, reported (indirect), according-to and mixed attributions.

Notes:
    The rules follow the rule-based attribution extractors of news research (Pareti's PARC
    attribution relations; Krestel et al. 2008, "Minding the source"; the cue-verb rules of
    textacy's `triples.direct_quotations`), extended to reported speech, according-to phrases,
    split, floating and multi-paragraph quotes. A row needs a real attribution in the text: a cue
    with a speaker, or a floating quote that continues the quote before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from newskit.extract import lexicon
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.names import is_role_noun
from newskit.extract.quotes.cues import AUDIENCE_VERBS, DASHES, REPORTING_VERBS, Cue
from newskit.extract.quotes.cues import is_reporting as _is_reporting
from newskit.extract.quotes.cues import mention as _mention
from newskit.extract.quotes.cues import name_run as _name_run
from newskit.extract.quotes.cues import previous_subject as _previous_subject
from newskit.extract.quotes.cues import speaker_of as _speaker_of
from newskit.extract.quotes.cues import verb_cue as _verb_cue
from newskit.extract.quotes.quotemarks import DOUBLE_MARKS, Quoted, nested_spans, quoted_spans
from newskit.extract.quotes.reported import reported as _reported
from newskit.extract.quotes.continuations import continue_speakers
from newskit.extract.quotes.said_on import said_on
from newskit.extract.quotes.speaker_mentions import describes_a_person
from newskit.extract.quotes.speakers import Resolver
from newskit.extract.quotes.speech import is_speech
from newskit.frames import quote_parts

# a sentence ends at . ! ? followed by a space (or the paragraph end), except after a courtesy
# title, an initial or a common abbreviation ("Mrs. Sorensen said", "U.S. officials")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ABBREVIATIONS = lexicon.words("quotes/abbreviations")
# Verbs of speech acts that take a quoted fragment rather than a clause: `called the plan "a disgrace"`.
SPEECH_ACT_VERBS = lexicon.words("quotes/speech_act_verbs")
_OPENERS = "\"“„«"


@dataclass
class Group:
    """Quoted spans that form one quote: split quotes and quotes running over paragraphs."""
    parts: list[tuple[ParagraphDoc, Quoted]]


def extract_quotes(adoc: ArticleDoc) -> list[dict]:
    """One row per attribution, in reading order.

    Args:
        adoc: the article's paragraph Docs; entity rows in `adoc.results` help resolve speakers.
    Returns:
        rows with the quotes frame's columns (see frames.SCHEMAS["quotes"]), without article_id.
    """
    resolver = Resolver(adoc)
    rows: list[dict] = []
    taken: list[tuple[int, int]] = []  # article spans of quote marks already owned by a row
    quoted = [(p.start + q.start, p.start + q.end) for p in adoc.paragraphs for q in p.quoted]
    reported = [(pdoc, item) for pdoc in adoc.paragraphs for item in _reported(pdoc)]
    # reported speech with its speaker, a quoted fragment in it or not: a quote standing alone
    # after it is that speaker's (`Campbell said the war had hit trust. "Issues of war ..."`,
    # `Lord Falconer said Lord Scarman was one of the "great advocates of our generation".\n\n"His legacy ..."`)
    said = [(start, end, cue) for _, (_, (start, end), cue, _) in reported if cue.speaker is not None]
    for group, cue in _direct_quotes(adoc, rows, said):
        row = _row(adoc, resolver, "direct", [(p.start + q.start, p.start + q.end) for p, q in group.parts], cue, rows)
        if row is not None:
            rows.append(row)
            taken.extend(quote_parts(row["parts"]))
    for pdoc, (kind, (start, end), cue, parts) in reported:
        if _share_inside(start, end, taken) > 0.5:
            # the quoted words already make a direct quote; reported words around them belong
            # to it: `Rajoy said that he will "try again"` is one mixed quote
            direct = [r for r in rows if r["kind"] == "direct" and r["start"] < end and start < r["end"] and r["cue_start"] == cue.start]
            if kind != "according_to" and direct and _words_outside(adoc.text, start, end, taken + _attributions(direct)):
                _widen(adoc, direct[0], start, end)
            continue
        if kind == "indirect" and any(s < end and e > start for s, e in quoted):
            kind = "mixed"  # reported speech with a quoted fragment
            # the reported clause opens a quote that runs past the clause: the quote belongs to it
            end = max([end] + [e for s, e in quoted if start <= s < end < e and adoc.text[s:end].count("\n\n") == 0])
        parts = [(start, end)] if parts is None or end != parts[-1][1] else parts
        row = _row(adoc, resolver, kind, parts, cue, rows)
        if row is not None:
            rows.append(row)
    # a quoted fragment inside reported speech by the same cue is part of that mixed quote:
    # `Rubio says Obama is "obsessed" with guns` is one attribution, not two
    mixed = {(r["cue_start"], r["start"], r["end"]) for r in rows if r["kind"] == "mixed" and r["cue_start"] is not None}
    rows = [r for r in rows if not (r["kind"] == "direct" and " " not in r["parts"] and any(
        c == r["cue_start"] and s <= r["start"] and r["end"] <= e for c, s, e in mixed))]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    continue_speakers(adoc, resolver.model, rows)
    for number, row in enumerate(rows):
        row["quote"] = number
    return rows


# --- direct quotes -----------------------------------------------------------------------

def _groups(adoc: ArticleDoc) -> list[Group]:
    """Quoted spans in reading order; a quote left open at a paragraph end runs on into a next
    paragraph that opens with a quote mark (the convention for multi-paragraph quotes)."""
    groups: list[Group] = []
    carry: Group | None = None
    for pdoc in adoc.paragraphs:
        spans = pdoc.quoted
        for index, quoted in enumerate(spans):
            opens_paragraph = not pdoc.text[:quoted.start].strip()
            if carry is not None and index == 0 and opens_paragraph:
                carry.parts.append((pdoc, quoted))
                group = carry
            else:
                group = Group([(pdoc, quoted)])
                groups.append(group)
            carry = None
        last = spans[-1] if spans else None
        carry = group if last is not None and not last.closed else None
    return groups


def _direct_quotes(adoc: ArticleDoc, rows: list[dict], said: list[tuple[int, int, Cue]]):
    """(group, cue) for every quoted span with a cue, merging split quotes; `said` holds the
    reported speech outside quotation marks (article span and cue)."""
    groups = _groups(adoc)
    index = 0
    while index < len(groups):
        group = groups[index]
        first_pdoc, first = group.parts[0]
        last_pdoc, last = group.parts[-1]
        cue, boundary = _cue_after(last_pdoc, last)
        if cue is not None and index + 1 < len(groups):
            nxt_pdoc, nxt = groups[index + 1].parts[0]
            # split quote: "...," he said, "..." — the cue sits between two parts of one quote
            if nxt_pdoc is last_pdoc and nxt.start == boundary and _ends_with_continuation(last_pdoc, cue.end - last_pdoc.start, nxt.start) \
                    and _last_mark(last_pdoc.text, last) not in ".?!":
                group.parts.extend(groups[index + 1].parts)
                index += 1
        found = "after"
        if cue is None:
            cue, found = _cue_before(adoc, first_pdoc, first), "before"
        if cue is None:
            cue, found = _cue_governing(first_pdoc, first), "governed"
        if cue is None and _stands_alone(first_pdoc, first, last_pdoc, last):
            cue, found = _dash_paragraph(adoc, last_pdoc), "dash"
        if cue is None and _stands_alone(first_pdoc, first, last_pdoc, last):
            cue, found = _floating(rows, first_pdoc, first_pdoc.start + first.start, said), "floating"
        if cue is not None and len(group.parts) == 1 and not is_speech(first_pdoc, first, _how(cue, found), cue.verb):
            cue = None  # a title, a nickname or a scare quote near a cue (quotes/speech.py)
        if cue is not None:
            # floating quotes right after it continue it: one quotation, several parts
            while index + 1 < len(groups) and _continues(adoc, group, groups[index + 1], said):
                group.parts.extend(groups[index + 1].parts)
                index += 1
            yield group, cue
        for pdoc, quoted in group.parts:
            for inner in nested_spans(pdoc.text, quoted):
                inner_cue, _ = _cue_after(pdoc, inner, limit=quoted.inner[1])
                found = "after"
                if inner_cue is None:
                    inner_cue, found = _cue_before(adoc, pdoc, inner, floor=quoted.inner[0]), "before"
                if inner_cue is not None and is_speech(pdoc, inner, _how(inner_cue, found), inner_cue.verb):
                    yield Group([(pdoc, inner)]), inner_cue
        index += 1


def _how(cue: Cue, found: str) -> str:
    """How a cue was found, in quotes/speech.py's terms (a colon introduction is "colon")."""
    return "colon" if cue.text == ":" else found


def _sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the sentence-final marks in text[start:end]."""
    ends = []
    for match in _SENTENCE_END.finditer(text, start, len(text) if end is None else end):
        if match.group() == ".":
            word = _word_before(text, match.start())
            if word.strip("\"“'‘(") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        ends.append(match.start())
    return ends


def _word_before(text: str, end: int) -> str:
    """The last blank-separated word of text[:end], lower-cased ("" when there is none); read
    backwards from `end`, not by splitting all the text before it."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop].lower()


def _ends_with_continuation(pdoc: ParagraphDoc, cue_end: int, next_start: int) -> bool:
    """Only the cue's own words stand between it and the next quote, which goes on with the
    same sentence: `"...," he said, "..."`, `"...," he said of the plan on Monday, "..."` (not
    `he said, adding, "..."` or `he said, but ..., "..."`)."""
    between = pdoc.text[cue_end:next_start].strip()
    if between in {",", ":", "", ", and", "and"}:
        return True
    if not between.endswith(",") or len(between.split()) > 8 or _sentence_ends(between) \
            or any(mark in between for mark in _OPENERS + "”:;"):
        return False
    span = pdoc.doc.char_span(cue_end, next_start, alignment_mode="contract")
    return span is not None and not any(_is_reporting(t) or t.pos_ in ("CCONJ", "SCONJ") for t in span)


def _window_after(text: str, quoted: Quoted, limit: int | None = None) -> tuple[int, int]:
    """Characters from a closing mark to the end of its sentence or the next opening mark."""
    end = limit if limit is not None else len(text)
    following = quoted_spans(text[quoted.end:end])
    if following:
        end = quoted.end + following[0].start
    ends = _sentence_ends(text, quoted.end, end)
    return quoted.end, (ends[0] if ends else end)


def _cue_after(pdoc: ParagraphDoc, quoted: Quoted, limit: int | None = None) -> tuple[Cue | None, int]:
    """`"...," Antonov said.`, `"...," said Antonov.`, `"..." -Antonov` (returns the cue and
    where the window after the quote ends)."""
    text = pdoc.text
    if not quoted.closed:
        return None, quoted.end
    start, end = _window_after(text, quoted, limit)
    last = _last_mark(text, quoted)
    if last == "." and text[start:end].lstrip()[:1].isupper() \
            and any(c.isalnum() for c in text[max((e + 1 for e in _sentence_ends(text, 0, quoted.start)), default=0):quoted.start]):
        return None, end  # `... the probe is "ongoing." He said ...`: the quote ended its sentence
    window = pdoc.doc.char_span(start, end, alignment_mode="contract")
    if window is None or not len(window):
        return None, end
    words = [t for t in window if not t.is_punct]
    # trailing attribution after a dash: "..." -Antonov
    if text[start:end].lstrip()[:1] in DASHES and words and words[0].pos_ == "PROPN":
        name = _name_run(words[0])
        return Cue(pdoc, text[start:end].lstrip()[0], *_dash_offsets(pdoc, start), name), end
    punct_before = last in ",.?!…—-:" or text[quoted.end:quoted.end + 1] in ",—-"
    if last in ".?!" and end < len(text) and text[start:end].rstrip()[-1:] in (",", ":") \
            and quoted_spans(text[end:]):
        return None, end  # `"..." He added, "..."`: the cue introduces the next quote
    for position, token in enumerate(words[:14]):
        if _is_reporting(token) and (punct_before or position <= 1):
            speaker = _speaker_of(token) or _name_set_off(pdoc, words, token)
            # the speaker is named right there, not before the quote ("X called it 'fine' to say")
            if speaker is None or speaker.start_char < start:
                continue
            if last in ".?!" and text[start:end].lstrip()[:1].isupper() \
                    and any(c.i > token.i and (c.dep_ in ("ccomp", "xcomp", "oprd") or (
                        c.dep_ == "dobj" and token.lemma_.lower() not in AUDIENCE_VERBS)) for c in token.children):
                # `"... $1.30." Some analysts maintain the US is ...`, `"... weak." Mr Clement
                # called the dip "a very mild decline"`: a new statement with its own content
                return None, end
            # (the whole subject when the speaker is a name set after its description: "Mr Kashyap's
            # lawyer Mihir Desai said")
            subject = speaker.root.head if speaker.root.dep_ == "appos" and speaker.root.head.i < speaker.root.i else speaker.root
            opens_with_subject = all(subject.left_edge.i <= w.i <= subject.right_edge.i for w in words[:position])
            if last in ".?!" and text[start:end].lstrip()[:1].isupper() and not opens_with_subject:
                # `"... by now." Asked on Thursday about it Mr Johnson told ...`: after a quote that
                # closed its sentence, a sentence not opening with its speaker is a new statement
                return None, end
            # further than six words only across the speaker's own apposition: `"...," Andrei
            # Illarionov - then economic adviser to President Vladimir Putin - told a press conference`
            if position < 6 or opens_with_subject:
                return _verb_cue(pdoc, token, speaker), end
    return None, end


def _name_set_off(pdoc: ParagraphDoc, words: list, verb) -> Span | None:
    """The name opening the words after a quote when the parse gave the verb that ends them no
    subject: `"...," Andrew Pendleton, Christian Aid's head of Trade Policy, said.` (the name read
    as an apposition to something inside the quote)."""
    # after the person's role: `"...," shop owner Hayriye Evren, told Associated Press.`
    first = next((w for w in words[:4] if w.pos_ != "NOUN" or not w.is_lower), None)
    if not words or first is None or first.pos_ != "PROPN" or not all(
            w.i <= verb.i or verb.i <= w.head.i <= words[-1].i for w in words):  # the verb ends them, but for its object
        return None
    name = next((e for e in first.doc.ents if e.start == first.i and e.label_ == "PERSON"), None) or _name_run(first)
    between = pdoc.text[name.end_char:verb.idx].strip()
    if between and not (between[0] in ",-–—" and between[-1] in ",-–—"):
        return None
    return name


def _cue_before(adoc: ArticleDoc, pdoc: ParagraphDoc, quoted: Quoted, floor: int = 0) -> Cue | None:
    """`Antonov said: "..."`, `Antonov told reporters, "..."`, `Antonov: "..."`, and a paragraph
    ending in `... said:` before a quote that opens the next paragraph."""
    text = pdoc.text
    before = text[:quoted.start]
    cut = max((e + 1 for e in _sentence_ends(before)), default=0)
    earlier = quoted_spans(before)
    cut = max(cut, earlier[-1].end if earlier and earlier[-1].closed else 0, floor)
    window = pdoc.doc.char_span(cut, quoted.start, alignment_mode="contract")
    if (window is None or not len(window)) and pdoc.paragraph > 0 and not floor:
        previous = _previous_paragraph(adoc, pdoc)
        if previous is not None and previous.text.rstrip().endswith(":"):
            pdoc, text = previous, previous.text
            sents = list(pdoc.doc.sents)
            window = sents[-1] if sents else None
    if window is None or not len(window):
        return None
    words = [t for t in window if not t.is_punct]
    introduces = window.text.rstrip()[-1:] in (":", ",")
    for token in reversed(words[-9:]):  # up to `told his audience, to rowdy applause:`
        if _is_reporting(token):
            between = [t for t in words if t.i > token.i]
            # `said: "..."`, `told reporters, "..."`, `said "..."`; not `said the festival had been "..."`
            if not (introduces or not between) or any(t.pos_ in ("VERB", "AUX") for t in between):
                break
            speaker = _speaker_of(token)
            if speaker is not None:
                return _verb_cue(pdoc, token, speaker)
            if token.i == window.start or (token.i == window.start + 1 and window[0].pos_ == "CCONJ"):
                # `Mr Blair told BBC News ... But told BBC News: "..."`: a verb without its subject
                # shares the previous sentence's
                speaker = _previous_subject(token)
                return _verb_cue(pdoc, token, speaker) if speaker is not None else None
            return None  # `told BBC News:` names the audience, not the speaker
    root = next((t for t in window if t.dep_ == "ROOT"), None)
    if window.text.rstrip().endswith(":") and root is not None and _is_reporting(root) and root.i < words[-1].i \
            and not any(_is_reporting(t) for t in words if t.i > root.i):
        # a colon after the whole of what the speaker said in other words introduces their words:
        # `Arnesen said the club were sad to see Santini go: "We are obviously disappointed ..."`
        # (the only reporting verb there: not `US Customs claimed ... but his lawyer ... added:`)
        speaker = _speaker_of(root)
        if speaker is not None:
            return _verb_cue(pdoc, root, speaker)
    # colon introduction without a verb: "Antonov: ..."
    if window.text.rstrip().endswith(":") and 0 < len(words) <= 5 and words[-1].pos_ in ("PROPN", "NOUN"):
        colon = window[-1] if window[-1].text == ":" else None
        if colon is not None:
            start, end = pdoc.offsets(colon)
            return Cue(pdoc, ":", start, end, _mention(words[-1]))
    return None


def _cue_governing(pdoc: ParagraphDoc, quoted: Quoted) -> Cue | None:
    """A quoted fragment governed by a speech verb: `called the plan "a disgrace"`,
    `blasted Disney for its "outrageous practices"`, `said "..."` without punctuation."""
    start, end = quoted.inner
    inside = pdoc.doc.char_span(start, end, alignment_mode="contract")
    if inside is None or not len(inside):
        return None
    head = inside.root.head
    for _ in range(3):  # up through prepositions and objects to the first verb outside the quote
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.i in range(inside.start, inside.end) or head.lemma_.lower() not in REPORTING_VERBS | SPEECH_ACT_VERBS:
        return None
    speaker = _speaker_of(head)
    return _verb_cue(pdoc, head, speaker) if speaker is not None and not _overlaps(speaker, inside) else None


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _last_mark(text: str, quoted: Quoted) -> str:
    """The quote's last character before its closing quotation mark, spaces skipped (`year. "`),
    or its last character when it has none ("" for an empty quote)."""
    return text[quoted.start:quoted.end - 1 if quoted.closed else quoted.end].rstrip()[-1:]


def _stands_alone(first_pdoc: ParagraphDoc, first: Quoted, last_pdoc: ParagraphDoc, last: Quoted) -> bool:
    """A quote that is a whole sentence or paragraph by itself (no words around it)."""
    before = first_pdoc.text[:first.start]
    tail = before[max((e + 1 for e in _sentence_ends(before)), default=0):]
    after = last_pdoc.text[last.end:]
    ends = _sentence_ends(after)
    after = after[:ends[0]] if ends else after
    # a quote closing on . ? ! before a capital ends its sentence: `..." Carl Tobias, a professor`
    if _last_mark(last_pdoc.text, last) in ".?!" and (after.lstrip()[:1].isupper() or after.lstrip()[:1] in _OPENERS):
        after = ""
    return not any(c.isalnum() for c in tail) and not any(c.isalnum() for c in after)


def _continues(adoc: ArticleDoc, group: Group, nxt: Group, said: list[tuple[int, int, Cue]]) -> bool:
    """The next quote stands alone, has no cue of its own and follows in the same paragraph or
    opens the next one, with no reported speech between them."""
    last_pdoc, last = group.parts[-1]
    first_pdoc, first = nxt.parts[0]
    if any(last_pdoc.start + last.end <= start and end <= first_pdoc.start + first.start for start, end, _ in said):
        return False  # `"...," said Campbell. Bell said politicians fail. "We need ..."`: Bell's
    next_paragraph = _previous_paragraph(adoc, first_pdoc) is last_pdoc and not first_pdoc.text[:first.start].strip()
    if not (first_pdoc is last_pdoc or next_paragraph):
        return False
    end_pdoc, end = nxt.parts[-1]
    if not _stands_alone(first_pdoc, first, end_pdoc, end):
        return False
    if first_pdoc is last_pdoc and _narrated_person(first_pdoc, last_pdoc.start + last.end, first_pdoc.start + first.start) is not None:
        return False  # `"...," Forster said. Ruddock, though, is keen ... "..."`: Ruddock's
    return _cue_after(end_pdoc, end)[0] is None and _cue_before(adoc, first_pdoc, first) is None


def _dash_paragraph(adoc: ArticleDoc, pdoc: ParagraphDoc) -> Cue | None:
    """A quote paragraph signed by the next one: `"..."` then `- Hillary Clinton.` (fact-check style)."""
    position = pdoc.position
    nxt = adoc.paragraphs[position + 1] if position + 1 < len(adoc.paragraphs) else None
    text = nxt.text if nxt is not None else ""
    if nxt is None or not text.strip() or text.lstrip()[0] not in DASHES:
        return None
    words = [t for t in nxt.doc if not t.is_punct and t.text.strip(DASHES)]
    if not 0 < len(words) <= 5 or not any(t.pos_ == "PROPN" for t in words):
        return None
    name = _name_run(next(t for t in words if t.pos_ == "PROPN"))
    return Cue(nxt, text.lstrip()[0], *_dash_offsets(nxt, 0), name)


def _floating(rows: list[dict], pdoc: ParagraphDoc, start: int, said: list[tuple[int, int, Cue]]) -> Cue | None:
    """A floating quote continues the attribution just before it (same or previous paragraph):
    reported speech (`Campbell said the war had hit trust. "Issues of war ..."`) or a direct quote."""
    last = rows[-1]["end"] if rows else -1
    # reported speech in the sentence right before the quote (no other sentence between them)
    reported = [(s, e, cue) for s, e, cue in said if last <= s and e <= start and cue.pdoc.paragraph >= pdoc.paragraph - 1
                and _one_sentence_end(_text_between(pdoc, cue.pdoc, e, start))]
    # not speech reported inside that speech ("The Tories, he said, can cut crime without asking
    # people to pay more": his, not the Tories')
    outer = [cue for s, e, cue in reported if not any(s2 < s and e <= e2 for s2, e2, _ in reported)]
    if outer:
        return outer[-1]
    # (or, in its own paragraph, with narration between that makes no person a subject: `Ian
    # Pearson ... told the BBC News website that the closure was a "real shame". BT was just one
    # of the companies ... "There were a lot of very talented ..."` is Pearson's, not the earlier
    # direct quote before; a person's: not "according to CEA analysts")
    earlier = [cue for s, e, cue in said if last <= s and e <= start and cue.pdoc is pdoc
               and (any(t.ent_type_ == "PERSON" for t in cue.speaker) or (is_role_noun(cue.speaker.root) and cue.speaker.root.tag_ == "NN"))
               and _narrates_no_one(pdoc, e, start)]
    if earlier:
        return earlier[-1]
    for row in reversed(rows):
        if row["kind"] in ("direct", "mixed") and row["paragraph"] >= pdoc.paragraph - 1:
            return Cue(pdoc, "", -1, -1, _narrated_person(pdoc, max(last, pdoc.start), start))
        break
    return None


def _narrated_person(pdoc: ParagraphDoc, after: int, start: int) -> Span | None:
    """The person one narrating sentence between a quote (ending at article offset `after`, in
    this paragraph) and a floating quote (at `start`) is about: `"...," Forster told BBC Wales.
    Ruddock, though, is keen to protect his players. "At this stage, ..."` is Ruddock's (the
    sentence's subject, a person's name or a description of one, "The Australian has suffered ...";
    its main verb no speech verb, which would be a cue of its own). None: the quote goes on from
    the quote before."""
    lo, hi = after - pdoc.start, start - pdoc.start
    between = pdoc.text[lo:hi].strip().strip(DOUBLE_MARKS).strip()
    if not between or any(c in between for c in DOUBLE_MARKS) or len(_sentence_ends(between)) > 1:
        return None
    for token in pdoc.doc:
        if lo <= token.idx < hi and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" \
                and lo <= token.head.idx < hi:
            if _is_reporting(token.head):
                return None
            named = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if describes_a_person(_mention(token)):
                found = _mention(token)  # "The Australian has suffered a host of injuries ... "It's something ...""
            elif named is not None:
                found = _mention(named)  # "His friend, Saxon Spence, leader of ..., lays the blame ..."
            elif (token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)) and token.text[:1].isupper():
                found = _mention(token)  # (a name the tagger missed: "Ruddock" there, untagged)
            else:
                return None
            # no one names himself in what he says: "Scotland forward Simon Taylor looks certain to get
            # the call. "... Simon Taylor is an outstanding player ..."" goes on from the coach
            # the quote to its closing mark (an opening mark inside goes on: `trip. "Every player ...`)
            quoted = re.match(r".(?:[^%s]|[%s](?=\w))*" % (DOUBLE_MARKS, DOUBLE_MARKS), pdoc.text[hi:]).group()
            if found.root.ent_type_ == "PERSON" and re.search(r"\b%s\b" % re.escape(found.root.text), quoted):
                return None
            return found
    return None


# --- tokens and spans -----------------------------------------------------------------------

def _narrates_no_one(pdoc: ParagraphDoc, end: int, start: int) -> bool:
    """Whether the paragraph's words between article offsets `end` and `start` make no person,
    nor a he or she, the subject of a clause, and hold no quotation mark."""
    lo, hi = end - pdoc.start, start - pdoc.start
    if any(c in DOUBLE_MARKS for c in pdoc.text[lo:hi].strip().strip(DOUBLE_MARKS)):
        return False
    return not any(lo <= token.idx < hi and token.dep_ in ("nsubj", "nsubjpass")
                   and (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she") or describes_a_person(_mention(token)))
                   for token in pdoc.doc)


def _one_sentence_end(text: str) -> bool:
    """Whether text holds the end of one sentence at most, with no words after it."""
    ends = _sentence_ends(text)
    return not ends or not any(c.isalnum() for c in text[ends[0]:])


def _text_between(pdoc: ParagraphDoc, earlier: ParagraphDoc, start: int, end: int) -> str:
    """The article text from `start` in paragraph `earlier` to `end` in paragraph `pdoc`."""
    if earlier is pdoc:
        return pdoc.text[start - pdoc.start:end - pdoc.start]
    return earlier.text[start - earlier.start:] + pdoc.text[:end - pdoc.start]


def _dash_offsets(pdoc: ParagraphDoc, start: int) -> tuple[int, int]:
    text = pdoc.text
    offset = start + len(text[start:]) - len(text[start:].lstrip())
    return pdoc.start + offset, pdoc.start + offset + 1


def _share_inside(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return inside / max(end - start, 1)


def _attributions(rows: list[dict]) -> list[tuple[int, int]]:
    """The cue and speaker spans of rows (`Hewitt said` around a quote adds nothing to it)."""
    spans = []
    for row in rows:
        for a, b in (("cue_start", "cue_end"), ("speaker_start", "speaker_end")):
            if row.get(a) is not None and row.get(b) is not None:
                spans.append((int(row[a]), int(row[b])))
    return spans


def _widen(adoc: ArticleDoc, row: dict, start: int, end: int) -> None:
    """A direct quote inside reported speech becomes the mixed quote of the whole clause."""
    parts = quote_parts(row["parts"])
    first_start, first_end = parts[0]
    pdoc = adoc.paragraph_at(first_start)
    if start < first_start:
        # the words that lead into the quote, from its sentence or colon on; a cue among them
        # (`Asked about it, Feinstein said "...," she said`) introduces the quote rather than reports it
        lead_start = start - pdoc.start
        lead_end = first_start - pdoc.start
        cut = max([lead_start] + [e + 1 for e in _sentence_ends(pdoc.text, lead_start, lead_end)]
                  + [lead_start + i + 1 for i, c in enumerate(pdoc.text[lead_start:lead_end]) if c == ":"])
        lead = pdoc.doc.char_span(cut, lead_end, alignment_mode="contract")
        if lead is not None and any(_is_reporting(t) for t in lead):
            cut = lead_end
        start = pdoc.start + cut + len(pdoc.text[cut:lead_end]) - len(pdoc.text[cut:lead_end].lstrip())
    if len(parts) == 1 or end < parts[1][0]:
        first_end = max(first_end, end)
    parts[0] = (min(first_start, start), first_end)
    row.update({"kind": "mixed", "start": parts[0][0], "end": max(row["end"], parts[0][1]),
                "parts": " ".join(f"{s}:{e}" for s, e in parts)})
    row["content"] = adoc.text[row["start"]:row["end"]]
    row["sentence"] = _sentence_at(pdoc, row["start"] - pdoc.start)


def _words_outside(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Words of text[start:end] outside the quoted spans: `that he will "try again"` reports more
    than its quote."""
    outside = list(text[start:end])
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            outside[i - start] = " "
    return any(c.isalnum() for c in "".join(outside))


def _previous_paragraph(adoc: ArticleDoc, pdoc: ParagraphDoc) -> ParagraphDoc | None:
    position = pdoc.position
    return adoc.paragraphs[position - 1] if position > 0 else None


# --- rows -----------------------------------------------------------------------------------

def _row(adoc: ArticleDoc, resolver: Resolver, kind: str, parts: list[tuple[int, int]], cue: Cue,
         rows: list[dict]) -> dict | None:
    start, end = parts[0][0], parts[-1][1]
    if any(r["start"] == start and r["end"] == end for r in rows):
        return None
    pdoc = adoc.paragraph_at(start)
    row = {
        "kind": kind, "content": adoc.text[start:end], "start": start, "end": end,
        "parts": " ".join(f"{s}:{e}" for s, e in parts),
        "sentence": _sentence_at(pdoc, start - pdoc.start), "paragraph": pdoc.paragraph,
        "cue": cue.text or None, "cue_start": cue.start if cue.start >= 0 else None,
        "cue_end": cue.end if cue.start >= 0 else None,
    }
    if cue.speaker is None:  # floating quote: the speaker of the quote before it
        previous = rows[-1]
        row.update({k: previous[k] for k in ("speaker", "speakers", "speaker_text", "speaker_start", "speaker_end",
                                              "speaker_label", "speaker_role", "said_on")})
        return row
    row.update(resolver.resolve(cue.speaker, cue.pdoc, parts if kind == "direct" else None))
    dash = len(row["speaker_text"]) - len(row["speaker_text"].lstrip(DASHES + " "))
    if dash:  # the tokenizer glued the dash to the name: "-Lena"
        row["speaker_text"] = row["speaker_text"][dash:]
        row["speaker_start"] += dash
        for key in ("speaker", "speakers"):
            row[key] = row[key].lstrip(DASHES + " ") if row[key] else row[key]
    row["said_on"] = said_on(adoc, cue.pdoc, cue.verb, (start, end)) if cue.verb is not None else None
    return row


def _sentence_at(pdoc: ParagraphDoc, char: int) -> int:
    span = pdoc.doc.char_span(char, min(char + 1, len(pdoc.text)), alignment_mode="expand")
    return pdoc.sentence_of(span.start if span is not None and len(span) else 0)
