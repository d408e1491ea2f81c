"""Reader for e-mail messages (agency copy forwarded by mail): the text body and text attachments."""
from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator

from newskit.extract import lexicon
from newskit.read.decode import clean_text
from newskit.read.draft import Draft
from newskit.read.structure import split_blocks
from newskit.read.formats.errors import Reject

# An RFC 5322 header block: the first non-empty line is `Name: value` with a known mail header.
_MAIL_HEADER = re.compile(
    r"\A(?:(?:" + "|".join(map(re.escape, lexicon.entries("read/mail_headers"))) + r"|X-[\w-]+):[^\n]*\n)",
    re.IGNORECASE,
)


def looks_like_email(text: str) -> bool:
    head = text.lstrip()[:4096]
    return bool(_MAIL_HEADER.match(head)) and re.search(r"^MIME-Version:|^Content-Type:", head, re.I | re.M) is not None


def read_email(data: bytes, shown: str) -> Iterator[Draft | Reject]:
    """One Draft for the plain-text body and one per text attachment (`shown#filename`)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(message.get("Subject") or "").strip() or None
    date = str(message.get("Date") or "").strip() or None
    found = False
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text" or part.get_content_subtype() != "plain":
            continue
        filename = part.get_filename()
        where = f"{shown}#{filename}" if filename else shown
        try:
            body = part.get_content()
        except (LookupError, ValueError) as exc:
            yield Reject(where, f"unreadable e-mail part: {exc}")
            continue
        if isinstance(body, bytes):
            body = body.decode("utf-8", errors="replace")
        body = clean_text(body)
        if not body.strip():
            yield Reject(where, "empty e-mail part")
            continue
        found = True
        blocks = split_blocks(body)
        yield Draft(path=where, blocks=blocks, title=None if filename else subject, published=date, format="email")
    if not found:
        yield Reject(shown, "e-mail message without a plain-text body or text attachment")
