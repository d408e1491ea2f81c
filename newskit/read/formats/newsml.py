"""Reader for news-agency XML: NewsML 1.2, NewsML-G2 and bare NITF, one Draft per text item."""
from __future__ import annotations

import html.entities
import re
from collections.abc import Iterable

from lxml import etree

from newskit.extract import lexicon
from newskit.read.draft import Draft

# Short agency names, searched in provider ids, party names, credit lines and sign-offs;
# the earliest match in a string wins ("(ats afp)" is ATS copy quoting AFP).
# Each agency's name with the regular expression of its spellings (matched case-insensitively).
_AGENCIES = [(re.compile(pattern, re.I), name)
             for name, pattern in lexicon.table("read/agency_spellings").items()]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\ufeff]")
# Desk sign-offs that close a story but are not text: "==Kyodo", "asl/tib/pid/cac", "(SDA\/sj)".
SIGNOFF = re.compile(r"==\s*\w[\w ]*|[a-z]{2,4}(?:/[a-z]{2,4})+|\([A-Za-z]{2,6}(?:\\?/[\w/-]*)?\)")
_BLOCK_TAGS = lexicon.words("read/newsml_block_tags")
# XHTML page chrome (dpa repeats headline and genre in <header>) and non-prose content.
_SKIP_TAGS = lexicon.words("read/newsml_skip_tags")
_PART_ROLES = lexicon.words("read/newsml_part_roles")  # Belga splits a story into these
_MEDIA_TYPES = lexicon.entries("read/newsml_media_types")
_INLINE_MARKUP = re.compile(
    r"</?(?:" + "|".join(map(re.escape, lexicon.entries("read/newsml_inline_tags"))) + r")\b[^>]*>"
    r"|<NewsComponentRef\b[^>]*>", re.I)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def looks_like_newsml(data: bytes) -> bool:
    """Cheap sniff of the first KB: a NewsML 1.x root, a G2 newsMessage/newsItem, or NITF."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM
        head = data[:8192].decode("utf-16", errors="ignore").encode("utf-8")
    if re.search(rb"<(?:\w+:)?NewsML[\s>/]", head) or re.search(rb"<nitf[\s>]", head):
        return True
    return bool(re.search(rb"<(?:\w+:)?(?:newsMessage|newsItem)[\s>]", head)
                and b"iptc.org/std/nar" in head)


def read_newsml(data: bytes, path: str) -> list[Draft]:
    """Drafts for every text item; ValueError when the file holds none or is not NewsML."""
    root, recovered = _parse(data, path)
    kind = _local(root)
    if kind in ("newsMessage", "newsItem", "packageItem", "conceptItem", "planningItem"):
        drafts = [d for item in _descendants(root, "newsItem") if (d := _g2_draft(item, path))]
        for draft in drafts:
            draft.extra.setdefault("sent", _first_text(_descendants(root, "sent")))
    elif kind in ("NewsML", "NewsItem"):
        drafts = _read_newsml1(root, path)
    elif kind == "nitf":
        drafts = [d for d in [_nitf_draft(root, path)] if d]
    else:
        raise ValueError(f"not a NewsML document (root element <{kind}>): {path}")
    if not drafts:
        raise ValueError(f"no text news item in NewsML file (only media or empty bodies): {path}")
    for draft in drafts:
        draft.extra = {k: v for k, v in {**draft.extra, "xml_recovered": recovered}.items() if v}
    return drafts


def agency_name(value: str | None, strict: bool = False) -> str | None:
    """Short agency name for a provider id / party / credit; strict: known agencies only."""
    if not value or not value.strip():
        return None
    hits = [(m.start(), name) for rx, name in _AGENCIES if (m := rx.search(value))]
    if hits:
        return min(hits)[1]
    if strict:
        return None
    text = squash_whitespace(value)
    text = re.sub(r"^(?:urn:|https?://)?(?:www\.)?", "", text, flags=re.I)
    if ":" in text and " " not in text:  # a qcode such as "nprov:xyz"
        text = text.rsplit(":", 1)[-1]
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", text):  # a domain: drop the top-level part
        text = text.rsplit(".", 1)[0]
    return text or None


def squash_whitespace(text: str) -> str:
    """One line: control characters removed, every whitespace run collapsed to one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def split_signoff(blocks: list[str]) -> tuple[list[str], str | None]:
    """Move a trailing desk sign-off paragraph out of the body."""
    if len(blocks) > 1 and SIGNOFF.fullmatch(blocks[-1]):
        return blocks[:-1], blocks[-1]
    return blocks, None



def _parse(data: bytes, path: str) -> tuple[etree._Element, bool]:
    error: Exception | None = None
    for recover in (False, True):
        # Never load or fetch DTDs: agencies declare external DTDs and entities we must ignore.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False, remove_comments=True, remove_pis=True,
                                 recover=recover)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as err:
            error = err
            continue
        if root is not None:
            return root, recover
    raise ValueError(f"not well-formed XML, cannot read NewsML from {path}: {error}")


def _local(el: etree._Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _kids(el: etree._Element | None, name: str) -> list[etree._Element]:
    # Case-insensitive: Belga audio files write <Headline> for <HeadLine>.
    return [] if el is None else [c for c in el if _local(c).lower() == name.lower()]


def _kid(el: etree._Element | None, name: str) -> etree._Element | None:
    return next(iter(_kids(el, name)), None)


def _descendants(el: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if el is None else [d for d in el.iter() if _local(d).lower() == name.lower()]


def _text(el: etree._Element) -> str:
    """Text content; entities the parser left unexpanded map to characters or vanish."""
    if isinstance(el, etree._Entity):
        codepoint = html.entities.name2codepoint.get(el.name)
        return chr(codepoint) if codepoint else ""
    parts = [el.text or ""] if isinstance(el.tag, str) else []
    for child in el:
        parts.append(" " if _local(child) == "br" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _first_text(els: Iterable[etree._Element | None]) -> str | None:
    for el in els:
        if el is not None and (text := squash_whitespace(_text(el))):
            return text
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _child_text(parents: Iterable[etree._Element | None], name: str) -> str | None:
    """Text of the first non-empty `name` child, looking through `parents` in order."""
    return _first_text(c for p in parents for c in _kids(p, name))


def _pick_agency(candidates: list[str | None]) -> str | None:
    """The first candidate naming a known agency, else the first candidate, shortened."""
    known = next((n for c in candidates if (n := agency_name(c, strict=True))), None)
    return known or _first(*(agency_name(c) for c in candidates))


def _attr(els: Iterable[etree._Element], name: str) -> str | None:
    return next((squash_whitespace(v) for el in els if (v := el.get(name)) and v.strip()), None)



def _paragraphs(container: etree._Element) -> list[str]:
    """Block texts (<p>, subheads, list items) in reading order, chrome skipped."""
    blocks: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            name = _local(child)
            if name in _SKIP_TAGS:
                continue
            if name in _BLOCK_TAGS:
                if text := squash_whitespace(_text(child)):
                    blocks.append(text)
            else:
                walk(child)

    walk(container)
    return blocks or _plain_paragraphs(_text(container))


def _plain_paragraphs(text: str) -> list[str]:
    """Plain DataContent: blank lines (and Belga '***') separate; hard-wrapped lines are joined."""
    text = _INLINE_MARKUP.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    for chunk in re.split(r"\n[^\S\n]*\n|\*{3,}", text):
        lines = [line for raw in chunk.split("\n")
                 if (line := squash_whitespace(raw)) and line != "NewsComponentRef"]
        # Teletype copy fills lines to a fixed width; one-paragraph-per-line text and lists don't.
        if len(lines) > 1 and all(30 <= len(line) <= 80 for line in lines[:-1]):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _content_blocks(container: etree._Element) -> list[str]:
    """Paragraphs of a DataContent / inlineXML / inlineData element, whatever it wraps."""
    # lxml elements without children are falsy, hence the explicit `is not None`.
    nitf = next(iter(_descendants(container, "nitf")), None)
    body = next(iter(_descendants(container, "body")), None)
    if nitf is not None:
        container = next(iter(_descendants(nitf, "body.content") or _descendants(nitf, "body")), nitf)
    elif body is not None:
        container = body
    if len(container) == 0:
        return _plain_paragraphs(_text(container))
    return _paragraphs(container)



def _nitf_fields(nitf: etree._Element | None) -> dict[str, str | None]:
    if nitf is None:
        return {}
    dateline = next(iter(_descendants(nitf, "dateline")), None)
    # EFE's dateline holds only a machine date; keep it only when it names a place.
    if dateline is not None and not _kids(dateline, "location") and _kids(dateline, "story.date"):
        dateline = None
    return {
        "title": _first_text(_descendants(nitf, "hl1")) or _first_text(_descendants(nitf, "title")),
        "subtitle": _first_text(_descendants(nitf, "hl2")),
        "dateline": _first_text([dateline]),
        "byline": _first_text(_descendants(nitf, "byline")),
        "distributor": _first_text(_descendants(nitf, "distributor")),
        "city": _attr(_descendants(nitf, "evloc"), "city")
        or _first_text(loc for d in [dateline] if d is not None for loc in _kids(d, "location")),
        "id": _attr(_descendants(nitf, "doc-id"), "id-string"),
        "date": _attr(_descendants(nitf, "date.issue"), "norm"),
        "lang": _attr(_descendants(nitf, "lang"), "lang"),
    }


def _nitf_draft(nitf: etree._Element, path: str) -> Draft | None:
    blocks, trailer = split_signoff(_content_blocks(nitf))
    if not blocks:
        return None
    f = _nitf_fields(nitf)
    return Draft(path=path, blocks=blocks, title=_strip_ansa(f["title"]), subtitle=f["subtitle"],
                 dateline=f["dateline"], published=f["date"], place=f["city"],
                 source=_pick_agency([f["distributor"], f["title"]]),
                 article_id=f["id"], language=f["lang"] or nitf.get(_XML_LANG), format="nitf",
                 extra={"byline": f["byline"], "trailer": trailer})


def _strip_ansa(title: str | None) -> str | None:
    # ANSA prefixes English headlines with ">>>ANSA/".
    return re.sub(r"^>{2,}\s*ANSA\s*/\s*", "", title) if title else title



def _read_newsml1(root: etree._Element, path: str) -> list[Draft]:
    envelope = _kid(root, "NewsEnvelope")
    sent = _first_text(_descendants(envelope, "DateAndTime"))
    sender = _attr(_descendants(_kid(envelope, "SentFrom"), "Party"), "FormalName")
    items = [root] if _local(root) == "NewsItem" else _descendants(root, "NewsItem")
    return [d for item in items for d in _newsml1_item(item, path, sent, sender)]


def _real_id(value: str | None) -> str | None:
    # Belga's remote feed fills ids with "0"; a shared placeholder id would merge articles.
    return value if value and value.strip("0 ") else None


def _role(comp: etree._Element) -> str:
    return (_attr(_kids(comp, "Role"), "FormalName") or "").lower()


def _is_text(content_item: etree._Element) -> bool:
    data = _kid(content_item, "DataContent")
    media = (_attr(_kids(content_item, "MediaType"), "FormalName") or "").lower()
    mime = (_attr(_kids(content_item, "MimeType"), "FormalName") or "").lower()
    if data is None or media.startswith(_MEDIA_TYPES) or mime.startswith(("audio/", "video/", "image/")):
        return False
    return bool(squash_whitespace(_text(data)))


def _newsml1_item(item: etree._Element, path: str, sent: str | None,
                  sender: str | None) -> list[Draft]:
    # Group text ContentItems by story: Belga puts Title/Lead/Body in child components of the
    # story component; everyone else has one ContentItem (NITF) in the story component itself.
    stories: dict[etree._Element, list[tuple[str, etree._Element]]] = {}
    for content_item in _descendants(item, "ContentItem"):
        if not _is_text(content_item):
            continue
        comp = content_item.getparent()
        role = _role(comp)
        if role in _PART_ROLES and comp.getparent() is not None and comp is not item:
            stories.setdefault(comp.getparent(), []).append((role, content_item))
        else:
            stories.setdefault(comp, []).append(("main", content_item))
    drafts = []
    for story, parts in stories.items():
        draft = _newsml1_story(item, story, parts, path, sent, sender)
        if draft is not None:
            if len(stories) > 1 and _real_id(story.get("Duid")) and draft.article_id:
                draft.article_id += f"#{story.get('Duid')}"
            drafts.append(draft)
    return drafts


def _newsml1_story(item: etree._Element, story: etree._Element,
                   parts: list[tuple[str, etree._Element]], path: str, sent: str | None,
                   sender: str | None) -> Draft | None:
    blocks: list[str] = []
    nitf = None
    for role, content_item in parts:
        if role not in ("title", "caption"):  # a photo caption alone is not a text story
            data = _kid(content_item, "DataContent")
            nitf = nitf if nitf is not None else next(iter(_descendants(data, "nitf")), None)
            blocks += _content_blocks(data)
    blocks, trailer = split_signoff(blocks)
    if not blocks:
        return None
    chain = [story]  # the story component, then its enclosing components up to the item
    for ancestor in story.iterancestors():
        if ancestor is item:
            break
        if _local(ancestor) == "NewsComponent":
            chain.append(ancestor)
    lines = [_kid(comp, "NewsLines") for comp in chain]
    admin = [_kid(comp, "AdministrativeMetadata") for comp in chain]
    # startswith: TASS misspells the element as <DescriptiveMetada>.
    described = [c for comp in chain for c in comp if _local(c).startswith("DescriptiveMeta")]
    ident, mgmt = _kid(item, "Identification"), _kid(item, "NewsManagement")
    f = _nitf_fields(nitf)
    title_part = _first_text(_kid(ci, "DataContent") for role, ci in parts if role == "title")
    cities = [p for d in described for loc in _kids(d, "Location") for p in _kids(loc, "Property")
              if p.get("FormalName") == "City"]
    public_id = _first_text(_descendants(ident, "PublicIdentifier"))
    if not public_id or public_id.count(":") < 3:  # Belga sends a bare "urn:newsml:www.belga.be"
        public_id = _first(_real_id(_first_text(_descendants(ident, "NewsItemId"))),
                           _first_text(_descendants(item, "guid")), f.get("id"))
    agencies = [_first_text(_descendants(ident, "ProviderId")),
                *(_attr(_descendants(_kid(a, name), "Party"), "FormalName")
                  for name in ("Provider", "Source") for a in admin),
                _child_text(lines, "CreditLine"), sender, f.get("distributor")]
    return Draft(
        path=path, blocks=blocks, format="newsml1", source=_pick_agency(agencies),
        title=_first(_child_text(lines[:1], "HeadLine"), title_part, f.get("title"),
                     _child_text(lines[1:], "HeadLine")),
        subtitle=_child_text(lines, "SubHeadLine") or f.get("subtitle"),
        dateline=_child_text(lines, "DateLine") or f.get("dateline"),
        published=_first(_child_text([mgmt], "FirstCreated"),
                         _child_text([mgmt], "ThisRevisionCreated"), f.get("date"), sent),
        place=_attr(cities, "Value") or f.get("city"),
        language=_first(*(el.get(_XML_LANG) for el in [*chain, item]),
                        _attr((x for d in described for x in _kids(d, "Language")), "FormalName"),
                        f.get("lang")),
        article_id=public_id,
        extra={"item_type": _attr(_kids(mgmt, "NewsItemType"), "FormalName"),
               "role": _role(story), "sent": sent, "trailer": trailer,
               "byline": _child_text(lines, "ByLine") or f.get("byline")},
    )



def _g2_draft(item: etree._Element, path: str) -> Draft | None:
    meta, content = _kid(item, "itemMeta"), _kid(item, "contentMeta")
    blocks: list[str] = []
    for rendition in _kids(_kid(item, "contentSet"), "inlineXML"):
        blocks = blocks or _content_blocks(rendition)
    for rendition in _kids(_kid(item, "contentSet"), "inlineData"):
        if not blocks and not rendition.get("encoding"):  # base64 payloads are not text
            blocks = _plain_paragraphs(_text(rendition))
    blocks, trailer = split_signoff(blocks)
    if not blocks:
        return None
    headlines = _kids(content, "headline")
    subs = [h for h in headlines if "sub" in (h.get("role") or "").lower()]
    main = [h for h in headlines if h not in subs]
    provider, holder = _kids(meta, "provider"), _descendants(item, "copyrightHolder")
    agencies = [_attr(provider, "literal"), _child_text(provider, "name"), _attr(provider, "qcode"),
                _attr(holder, "literal"), _attr(holder, "qcode"), _child_text([content], "creditline")]
    located = _child_text(_kids(content, "located"), "name")
    summary = [d for d in _kids(content, "description") if "summary" in (d.get("role") or "")]
    return Draft(
        path=path, blocks=blocks, format="newsml-g2",
        title=_first_text(main), subtitle=_first_text([*_kids(content, "subheadline"), *subs]),
        dateline=_child_text([content], "dateline") or located, place=located,
        published=_first(_child_text([meta], "firstCreated"), _child_text([content], "contentCreated"),
                         _child_text([meta], "versionCreated")),
        source=_pick_agency(agencies), article_id=item.get("guid"),
        language=item.get(_XML_LANG) or _attr(_kids(content, "language"), "tag"),
        extra={"version_created": _child_text([meta], "versionCreated"), "trailer": trailer,
               "summary": _first_text(summary),
               "keywords": [t for k in _kids(content, "keyword") if (t := squash_whitespace(_text(k)))]},
    )
