"""Word lists the rules read, kept as reviewable data rather than code.
Every file in this folder is hashed into the tagging fingerprint, so editing a list invalidates cached results.

Files live in one subfolder per part of the flow (`read/`, `names/`, `quotes/`, `timexes/` ...):

- `NAME.txt`: one entry per line, in order; blank lines and lines starting with "#" are skipped,
  so a list carries its own comments. Entries may hold spaces ("a few").
- `NAME.json`: a mapping (or a list of pairs) where a word needs a value ("monday": 0).

    >>> from newskit.extract import lexicon
    >>> "say" in lexicon.words("quotes/reporting_verbs")
    True
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

FOLDER = Path(__file__).parent
DATA_SUFFIXES = (".txt", ".json")


@functools.lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of `NAME.txt`, in file order (for lists whose order matters, such as regex
    alternatives tried longest first)."""
    path = _path(name, ".txt")
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The entries of `NAME.txt` as a set, for membership tests."""
    return frozenset(entries(name))


@functools.lru_cache(maxsize=None)
def table(name: str):
    """The JSON value of `NAME.json` (a dict, or a list for ordered data). Treat it as read-only:
    it is shared by every caller."""
    return json.loads(_path(name, ".json").read_text(encoding="utf-8"))


def files() -> list[Path]:
    """Every data file of the lexicon, sorted (what the tagging fingerprint hashes)."""
    return sorted(path for path in FOLDER.rglob("*") if path.suffix in DATA_SUFFIXES and path.is_file())


def _path(name: str, suffix: str) -> Path:
    path = FOLDER / f"{name}{suffix}"
    if not path.is_file():
        raise KeyError(f"no word list {name!r} in {FOLDER} (looked for {path.name})")
    return path
