"""ArticleDoc: the spaCy Docs of one article's paragraphs, with offsets into the article text."""
from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newskit.extract.quotes.quotemarks import Quoted, quoted_spans


@dataclass
class ParagraphDoc:
    paragraph: int  # 0-based index in the article
    kind: str  # "title", "subtitle", "dateline", "subheading", "body"
    start: int  # offset of the paragraph in the article text
    doc: Doc
    first_sentence: int = 0  # article-wide number of the paragraph's first sentence
    end: int = 0  # offset just past the paragraph in the article text
    text: str = ""  # the paragraph's text, built once (spaCy rebuilds Doc.text on every access)
    position: int = 0  # index in ArticleDoc.paragraphs
    _sentence_starts: list[int] = field(default_factory=list)

    def offsets(self, span: Span | Token) -> tuple[int, int]:
        """(start, end) of a span or token in the article text."""
        if isinstance(span, Token):
            return self.start + span.idx, self.start + span.idx + len(span.text)
        return self.start + span.start_char, self.start + span.end_char

    @functools.cached_property
    def quoted(self) -> tuple[Quoted, ...]:
        """The paragraph's quoted spans (`quotemarks.quoted_spans`), found once: several quote
        rules read them."""
        return tuple(quoted_spans(self.text))

    def sentence_of(self, token_index: int) -> int:
        """Article-wide sentence number of the token at `token_index` in this paragraph."""
        return self.first_sentence + max(bisect.bisect_right(self._sentence_starts, token_index) - 1, 0)


@dataclass
class ArticleDoc:
    """One article after spaCy: its metadata row (a dict) and one Doc per paragraph.

    Extractors are pure functions of an ArticleDoc; spaCy runs per paragraph so that a title can
    never run into the subtitle or the dateline, and every offset maps back into `article["text"]`.
    """

    article: dict
    paragraphs: list[ParagraphDoc]
    results: dict[str, list[dict]] = field(default_factory=dict)  # rows of the extractors run so far

    def __post_init__(self) -> None:
        self._starts = [pdoc.start for pdoc in self.paragraphs]
        number = 0
        for position, pdoc in enumerate(self.paragraphs):
            pdoc.position = position
            pdoc.text = pdoc.doc.text
            pdoc.end = pdoc.start + len(pdoc.text)
            pdoc.first_sentence = number
            pdoc._sentence_starts = [sent.start for sent in pdoc.doc.sents] if len(pdoc.doc) else []
            number += len(pdoc._sentence_starts)

    def paragraph_at(self, offset: int) -> ParagraphDoc | None:
        """The paragraph holding article offset `offset` (its end included), in O(log n)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset <= self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    @property
    def text(self) -> str:
        return self.article["text"]

    def sentences(self) -> Iterator[tuple[int, ParagraphDoc, Span]]:
        """(article-wide sentence number, paragraph, sentence span) in reading order."""
        for pdoc in self.paragraphs:
            if len(pdoc.doc):
                for offset, sent in enumerate(pdoc.doc.sents):
                    yield pdoc.first_sentence + offset, pdoc, sent
