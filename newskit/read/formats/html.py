"""Reader for saved web pages: main text and metadata through trafilatura."""
from __future__ import annotations

from newskit.read.decode import clean_text
from newskit.read.draft import Draft
from newskit.read.structure import split_blocks
from newskit.read.formats.errors import Reject


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<head" in head


def read_html(text: str, shown: str) -> Draft | Reject:
    """Extract the article body, title, date and site from an HTML page (no network, no JavaScript)."""
    import trafilatura  # imported for the first page: ~20 MB that a corpus without HTML never needs

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            as_dict=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        return Reject(shown, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    body = clean_text((doc or {}).get("text") or "")
    if not body.strip():
        return Reject(shown, "no article text found in the HTML page (only scripts, navigation or markup)")
    # trafilatura puts one paragraph per line
    blocks = [line.strip() for line in body.split("\n") if line.strip()]
    title = clean_text(doc.get("title") or "").strip() or None
    if title and blocks and blocks[0] == title:
        blocks.pop(0)
    return Draft(
        path=shown,
        blocks=blocks or split_blocks(body),
        title=title,
        published=doc.get("date") or None,
        source=doc.get("sitename") or None,
        url=doc.get("url") or None,
        language=doc.get("language") or None,
        format="html",
    )
