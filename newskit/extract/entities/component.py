"""The name and the rules digest of newskit's spaCy component (newskit.extract.entities.rules), kept
apart from spaCy: the tagging fingerprint reads them without importing spaCy."""
from __future__ import annotations

import hashlib
from pathlib import Path

import newskit.extract.entities.gazetteer as gazetteer
from newskit.extract import lexicon

COMPONENT = "newskit_entity_rules"


def rules_fingerprint() -> str:
    """Changes whenever the rules, word lists or gazetteer change, so cached results are rebuilt."""
    here = Path(__file__).parent
    digest = hashlib.sha1(gazetteer.fingerprint().encode())
    # the entity rules and name rules read these modules and the lexicon's word lists
    for path in (*sorted(here.glob("*.py")), here.parent / "names.py", *lexicon.files()):
        digest.update(path.relative_to(here.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
