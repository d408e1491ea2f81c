"""Corpus: the tagged frames of a set of articles, saved and loaded as parquet."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .frames import FRAMES, conform, empty

REJECT_COLUMNS = ["path", "reason"]


@dataclass
class Corpus:
    """Articles and everything found in them, one tidy frame per kind of thing.

    Every span row (paragraphs, sentences, entities, timexes) satisfies
    `articles.text[start:end] == row.text`; quotes satisfy it with `row.content`.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame = field(default_factory=lambda: empty("paragraphs"))
    sentences: pd.DataFrame = field(default_factory=lambda: empty("sentences"))
    entities: pd.DataFrame = field(default_factory=lambda: empty("entities"))
    quotes: pd.DataFrame = field(default_factory=lambda: empty("quotes"))
    timexes: pd.DataFrame = field(default_factory=lambda: empty("timexes"))
    rejects: pd.DataFrame | None = None
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.rejects is None:
            self.rejects = pd.DataFrame(columns=REJECT_COLUMNS)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, name)):,} {name}" for name in FRAMES)
        return f"<newskit.Corpus: {len(self.articles):,} articles, {counts}, {len(self.rejects):,} rejects>"

    def frames(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.articles, **{name: getattr(self, name) for name in FRAMES}, "rejects": self.rejects}

    def show(self, article_id: str, highlight=None):
        """An HTML view of one article with its entities, quotes and dates highlighted; `highlight`
        (an entity's canonical name) marks that entity's mentions and quotes."""
        from .show import render_article

        return render_article(self, article_id, highlight=highlight)

    def save(self, folder: str | os.PathLike) -> Path:
        """Write every frame to `folder/<frame>.parquet` (plus info.json); returns the folder."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, frame in self.frames().items():
            frame = frame.copy()
            frame.attrs = {}
            frame.to_parquet(folder / f"{name}.parquet", index=False)
        (folder / "info.json").write_text(json.dumps(self.info, indent=2, sort_keys=True, default=str) + "\n")
        return folder

    @classmethod
    def load(cls, folder: str | os.PathLike) -> Corpus:
        """Read a corpus written by `save`."""
        folder = Path(folder)
        if not (folder / "articles.parquet").exists():
            raise FileNotFoundError(f"{folder} holds no saved corpus (no articles.parquet); "
                                    "write one with Corpus.save() or `python -m newskit analyze ... --out`")
        frames = {}
        for name in ("articles", *FRAMES, "rejects"):
            path = folder / f"{name}.parquet"
            frames[name] = pd.read_parquet(path) if path.exists() else None
        info_path = folder / "info.json"
        info = json.loads(info_path.read_text()) if info_path.exists() else {}
        present = {name: frame for name, frame in frames.items() if frame is not None}
        for name in FRAMES:
            if name in present:
                present[name] = conform(name, present[name])
        return cls(**present, info=info)
