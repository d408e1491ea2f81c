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

from spacy.tokens import Span, Token

from .article_doc import ArticleDoc, ParagraphDoc
from .quotemarks import Quoted, nested_spans, quoted_spans
from .speakers import Resolver, said_on
from .wordlists import AUDIENCE_VERBS, OBJECT_REPORTING_VERBS, REPORTING_VERBS, SPEECH_ACT_VERBS

# a sentence ends at . ! ? followed by a space (or the paragraph end), except after a courtesy
# title, an initial or a common abbreviation ("Mrs. Sorensen said", "U.S. officials")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ABBREVIATIONS = frozenset("mr mrs ms dr st gen sen rep gov lt col sgt capt prof jr sr rev no vs u.s u.k u.n".split())
_DASHES = "-–—"
_SUBJECTS = ("nsubj", "nsubjpass")
_TRIM = " \t\n,;:—–-"


@dataclass
class Cue:
    pdoc: ParagraphDoc
    text: str
    start: int  # article offsets of the cue words
    end: int
    speaker: Span | None  # the speaker mention (None: a floating quote inherits one)
    verb: Token | None = None


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
    for group, cue in _direct_quotes(adoc, rows):
        row = _row(adoc, resolver, "direct", [(p.start + q.start, p.start + q.end) for p, q in group.parts], cue, rows)
        if row is not None:
            rows.append(row)
            taken.extend(tuple(map(int, part.split(":"))) for part in row["parts"].split())
    quoted = [(p.start + q.start, p.start + q.end) for p in adoc.paragraphs for q in quoted_spans(p.doc.text)]
    for pdoc in adoc.paragraphs:
        for kind, (start, end), cue in _reported(pdoc):
            if _share_inside(start, end, taken) > 0.5:
                continue  # the quoted words already make a direct quote
            if kind == "indirect" and any(s < end and e > start for s, e in quoted):
                kind = "mixed"  # reported speech with a quoted fragment
            row = _row(adoc, resolver, kind, [(start, end)], cue, rows)
            if row is not None:
                rows.append(row)
    rows.sort(key=lambda r: (r["start"], r["end"]))
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
        spans = quoted_spans(pdoc.doc.text)
        for index, quoted in enumerate(spans):
            opens_paragraph = not pdoc.doc.text[:quoted.start].strip()
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


def _direct_quotes(adoc: ArticleDoc, rows: list[dict]):
    """(group, cue) for every quoted span with a cue, merging split quotes."""
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
            if nxt_pdoc is last_pdoc and nxt.start == boundary and _ends_with_continuation(last_pdoc.doc.text, cue.end - last_pdoc.start, nxt.start) \
                    and last_pdoc.doc.text[last.end - 2:last.end - 1] not in ".?!":
                group.parts.extend(groups[index + 1].parts)
                index += 1
        if cue is None:
            cue = _cue_before(adoc, first_pdoc, first)
        if cue is None:
            cue = _cue_governing(first_pdoc, first)
        if cue is None and _stands_alone(first_pdoc, first, last_pdoc, last):
            cue = _floating(rows, first_pdoc)
        if cue is not None:
            # floating quotes right after it continue it: one quotation, several parts
            while index + 1 < len(groups) and _continues(adoc, group, groups[index + 1]):
                group.parts.extend(groups[index + 1].parts)
                index += 1
            yield group, cue
        for pdoc, quoted in group.parts:
            for inner in nested_spans(pdoc.doc.text, quoted):
                inner_cue, _ = _cue_after(pdoc, inner, limit=quoted.inner[1])
                inner_cue = inner_cue or _cue_before(adoc, pdoc, inner, floor=quoted.inner[0])
                if inner_cue is not None:
                    yield Group([(pdoc, inner)]), inner_cue
        index += 1


def _sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the sentence-final marks in text[start:end]."""
    ends = []
    for match in _SENTENCE_END.finditer(text, start, len(text) if end is None else end):
        word = text[:match.start()].rsplit(None, 1)[-1].lower() if text[:match.start()].strip() else ""
        if match.group() == "." and (word.strip("\"“'‘(") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        ends.append(match.start())
    return ends


def _ends_with_continuation(text: str, cue_end: int, next_start: int) -> bool:
    return text[cue_end:next_start].strip() in {",", ":", "", ", and", "and"}


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
    text = pdoc.doc.text
    if not quoted.closed:
        return None, quoted.end
    start, end = _window_after(text, quoted, limit)
    window = pdoc.doc.char_span(start, end, alignment_mode="contract")
    if window is None or not len(window):
        return None, end
    words = [t for t in window if not t.is_punct]
    # trailing attribution after a dash: "..." -Antonov
    if text[start:end].lstrip()[:1] in _DASHES and words and words[0].pos_ == "PROPN":
        name = _name_run(words[0])
        return Cue(pdoc, text[start:end].lstrip()[0], *_dash_offsets(pdoc, start), name), end
    punct_before = text[quoted.end - 2:quoted.end - 1] in ",.?!…—-:" or text[quoted.end:quoted.end + 1] in ",—-"
    if text[quoted.end - 2:quoted.end - 1] in ".?!" and end < len(text) and text[start:end].rstrip()[-1:] in (",", ":") \
            and quoted_spans(text[end:]):
        return None, end  # `"..." He added, "..."`: the cue introduces the next quote
    for position, token in enumerate(words[:6]):
        if _is_reporting(token) and (punct_before or position <= 1):
            speaker = _speaker_of(token)
            # the speaker is named right there, not before the quote ("X called it 'fine' to say")
            if speaker is not None and speaker.start_char >= start:
                return _verb_cue(pdoc, token, speaker), end
    return None, end


def _cue_before(adoc: ArticleDoc, pdoc: ParagraphDoc, quoted: Quoted, floor: int = 0) -> Cue | None:
    """`Antonov said: "..."`, `Antonov told reporters, "..."`, `Antonov: "..."`, and a paragraph
    ending in `... said:` before a quote that opens the next paragraph."""
    text = pdoc.doc.text
    before = text[:quoted.start]
    cut = max((e + 1 for e in _sentence_ends(before)), default=0)
    earlier = quoted_spans(before)
    cut = max(cut, earlier[-1].end if earlier and earlier[-1].closed else 0, floor)
    window = pdoc.doc.char_span(cut, quoted.start, alignment_mode="contract")
    if (window is None or not len(window)) and pdoc.paragraph > 0 and not floor:
        previous = _previous_paragraph(adoc, pdoc)
        if previous is not None and previous.doc.text.rstrip().endswith(":"):
            pdoc, text = previous, previous.doc.text
            sents = list(pdoc.doc.sents)
            window = sents[-1] if sents else None
    if window is None or not len(window):
        return None
    words = [t for t in window if not t.is_punct]
    introduces = window.text.rstrip()[-1:] in (":", ",")
    for token in reversed(words[-6:]):
        if _is_reporting(token):
            between = [t for t in words if t.i > token.i]
            # `said: "..."`, `told reporters, "..."`, `said "..."`; not `said the festival had been "..."`
            if not (introduces or not between) or any(t.pos_ in ("VERB", "AUX") for t in between):
                break
            speaker = _speaker_of(token)
            if speaker is not None:
                return _verb_cue(pdoc, token, speaker)
            break
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
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    if head.i in range(inside.start, inside.end) or head.lemma_.lower() not in REPORTING_VERBS | SPEECH_ACT_VERBS:
        return None
    speaker = _speaker_of(head)
    return _verb_cue(pdoc, head, speaker) if speaker is not None and not _overlaps(speaker, inside) else None


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _stands_alone(first_pdoc: ParagraphDoc, first: Quoted, last_pdoc: ParagraphDoc, last: Quoted) -> bool:
    """A quote that is a whole sentence or paragraph by itself (no words around it)."""
    before = first_pdoc.doc.text[:first.start]
    tail = before[max((e + 1 for e in _sentence_ends(before)), default=0):]
    after = last_pdoc.doc.text[last.end:]
    ends = _sentence_ends(after)
    after = after[:ends[0]] if ends else after
    return not any(c.isalnum() for c in tail) and not any(c.isalnum() for c in after)


def _continues(adoc: ArticleDoc, group: Group, nxt: Group) -> bool:
    """The next quote stands alone, has no cue of its own and follows in the same paragraph or
    opens the next one."""
    last_pdoc, last = group.parts[-1]
    first_pdoc, first = nxt.parts[0]
    next_paragraph = _previous_paragraph(adoc, first_pdoc) is last_pdoc and not first_pdoc.doc.text[:first.start].strip()
    if not (first_pdoc is last_pdoc or next_paragraph):
        return False
    end_pdoc, end = nxt.parts[-1]
    if not _stands_alone(first_pdoc, first, end_pdoc, end):
        return False
    return _cue_after(end_pdoc, end)[0] is None and _cue_before(adoc, first_pdoc, first) is None


def _floating(rows: list[dict], pdoc: ParagraphDoc) -> Cue | None:
    """A floating quote continues the direct quote just before it (same or previous paragraph)."""
    for row in reversed(rows):
        if row["kind"] in ("direct", "mixed") and row["paragraph"] >= pdoc.paragraph - 1:
            return Cue(pdoc, "", -1, -1, None)
        break
    return None


# --- reported speech -----------------------------------------------------------------------

def _reported(pdoc: ParagraphDoc):
    """(kind, (start, end), cue) for reported speech and according-to phrases in a paragraph."""
    quoted = quoted_spans(pdoc.doc.text)
    for token in pdoc.doc:
        if any(q.start < token.idx < q.end for q in quoted):
            continue  # speech reported inside a quote belongs to the quote
        # "according to X, ..." and "..., according to X"
        if token.lower_ == "according" and token.i + 1 < len(pdoc.doc) and pdoc.doc[token.i + 1].lower_ == "to":
            found = _according_to(pdoc, token)
            if found is not None:
                yield found
        elif _is_reporting(token):
            complement = _complement(token)
            speaker = _speaker_of(token)
            if complement is None or speaker is None or any(_inside(speaker, c) for c in complement):
                continue
            span = _trimmed(pdoc, min(c.left_edge.i for c in complement), max(c.right_edge.i for c in complement) + 1)
            if span is not None and len(span) > 1:
                yield "indirect", pdoc.offsets(span), _verb_cue(pdoc, token, speaker)


def _complement(verb: Token) -> list[Token] | None:
    """What a reporting verb reports."""
    children = list(verb.children)
    for child in children:
        # a that-clause or bare clause: "said (that) the city would pay"
        if child.dep_ == "ccomp":
            return [child]
    for child in children:
        # a to-infinitive, with the addressee when there is one: "urged the city to pay",
        # "pledged to work together"
        if child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return [c for c in children if c.dep_ == "dobj" and c.i < child.i] + [child]
    for child in children:
        # a noun phrase that is itself the news: "announced his resignation", "denied the report"
        if child.dep_ == "dobj" and verb.lemma_.lower() in OBJECT_REPORTING_VERBS and child.pos_ != "PRON":
            return [child]
    return None


def _according_to(pdoc: ParagraphDoc, according: Token):
    doc = pdoc.doc
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_end = max(source.right_edge.i, to.i) + 1
    sent = according.sent
    if according.i - sent.start <= 1:  # the phrase opens the sentence: the rest is the content
        span = _trimmed(pdoc, phrase_end, sent.end)
    else:  # the phrase closes (or interrupts) the sentence: what comes before it
        span = _trimmed(pdoc, sent.start, according.i)
    if span is None or len(span) < 2:
        return None
    start, _ = pdoc.offsets(according)
    _, end = pdoc.offsets(to)
    return "according_to", pdoc.offsets(span), Cue(pdoc, doc.text[according.idx:to.idx + len(to)], start, end, _mention(source))


# --- tokens and spans -----------------------------------------------------------------------

def _is_reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS and token.dep_ != "amod"


def _speaker_of(verb: Token, depth: int = 0) -> Span | None:
    """The mention that does the saying."""
    for child in verb.children:
        # the verb's own subject: "Antonov said", "said Antonov" (spaCy marks both nsubj)
        if child.dep_ in _SUBJECTS and child.lower_ not in ("it", "that", "this", "there"):
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return _mention(verb.head)  # relative clause: "Antonov, who said ..."
            return _mention(child)
    # inverted order spaCy reads as an object: "..., said Defense Minister Shoigu"
    if verb.lower_ in ("said", "says") and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].pos_ == "PROPN":
        return _mention(verb.doc[verb.i + 1])
    # participle or conjoined verb sharing the subject: "..., adding that", "and said",
    # "began by saying"
    if depth < 3 and verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "prep") and verb.head is not verb:
        return _speaker_of(verb.head, depth + 1)
    return None


def _mention(token: Token) -> Span:
    """The mention a head token stands for: its named entity, else its noun phrase up to the head."""
    doc = token.doc
    if token.ent_type_:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    if token.pos_ == "PROPN":
        return _name_run(token)
    start = token.left_edge.i
    while start < token.i and doc[start].is_punct:
        start += 1
    return doc[start:token.i + 1]


def _name_run(token: Token) -> Span:
    """Consecutive proper nouns around a token: a name spaCy did not tag."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return doc[start:end]


def _verb_cue(pdoc: ParagraphDoc, verb: Token, speaker: Span) -> Cue:
    """The cue words: the verb, its particle ("pointed out") and its audience ("told journalists")."""
    last = verb.i
    for child in verb.children:
        if child.i > verb.i and (child.dep_ == "prt" or (verb.lemma_.lower() in AUDIENCE_VERBS and child.dep_ in ("dobj", "dative"))):
            last = max(last, child.i) if child.i - last <= 2 else last
    span = verb.doc[verb.i:last + 1]
    start, end = pdoc.offsets(span)
    return Cue(pdoc, span.text, start, end, speaker, verb)


def _dash_offsets(pdoc: ParagraphDoc, start: int) -> tuple[int, int]:
    text = pdoc.doc.text
    offset = start + len(text[start:]) - len(text[start:].lstrip())
    return pdoc.start + offset, pdoc.start + offset + 1


def _trimmed(pdoc: ParagraphDoc, start: int, end: int) -> Span | None:
    """Tokens start..end without punctuation and blanks at the edges."""
    doc = pdoc.doc
    while start < end and (doc[start].is_space or doc[start].text in _TRIM or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRIM or doc[end - 1].text in ".!?"):
        end -= 1
    return doc[start:end] if end > start else None


def _inside(span: Span, head: Token) -> bool:
    return head.left_edge.i <= span.start and span.end <= head.right_edge.i + 1


def _share_inside(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return inside / max(end - start, 1)


def _previous_paragraph(adoc: ArticleDoc, pdoc: ParagraphDoc) -> ParagraphDoc | None:
    position = adoc.paragraphs.index(pdoc)
    return adoc.paragraphs[position - 1] if position > 0 else None


# --- rows -----------------------------------------------------------------------------------

def _row(adoc: ArticleDoc, resolver: Resolver, kind: str, parts: list[tuple[int, int]], cue: Cue,
         rows: list[dict]) -> dict | None:
    start, end = parts[0][0], parts[-1][1]
    if any(r["start"] == start and r["end"] == end for r in rows):
        return None
    pdoc = next(p for p in adoc.paragraphs if p.start <= start <= p.start + len(p.doc.text))
    row = {
        "kind": kind, "content": adoc.text[start:end], "start": start, "end": end,
        "parts": " ".join(f"{s}:{e}" for s, e in parts),
        "sentence": _sentence_at(pdoc, start - pdoc.start), "paragraph": pdoc.paragraph,
        "cue": cue.text or None, "cue_start": cue.start if cue.start >= 0 else None,
        "cue_end": cue.end if cue.start >= 0 else None,
    }
    if cue.speaker is None:  # floating quote: the speaker of the quote before it
        previous = rows[-1]
        row.update({k: previous[k] for k in ("speaker", "speaker_text", "speaker_start", "speaker_end",
                                              "speaker_label", "speaker_role", "said_on")})
        return row
    row.update(resolver.resolve(cue.speaker, cue.pdoc))
    dash = len(row["speaker_text"]) - len(row["speaker_text"].lstrip(_DASHES + " "))
    if dash:  # the tokenizer glued the dash to the name: "-Lena"
        row["speaker_text"] = row["speaker_text"][dash:]
        row["speaker_start"] += dash
        row["speaker"] = row["speaker"].lstrip(_DASHES + " ") if row["speaker"] else row["speaker"]
    row["said_on"] = said_on(adoc, cue.pdoc, cue.verb, (start, end)) if cue.verb is not None else None
    return row


def _sentence_at(pdoc: ParagraphDoc, char: int) -> int:
    span = pdoc.doc.char_span(char, min(char + 1, len(pdoc.doc.text)), alignment_mode="expand")
    return pdoc.sentence_of(span.start if span is not None and len(span) else 0)
