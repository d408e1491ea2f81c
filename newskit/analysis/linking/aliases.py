"""Fixes by hand: an aliases table says which entity a written name is.

A CSV file (`data/aliases.csv`) or a DataFrame with columns `alias,entity[,label][,article_id]`:

- merge: `The Donald,Donald Trump` — mentions written "The Donald" are Donald Trump (and join
  whatever else is Donald Trump);
- split: `Chuck Schumer,Chuck Schumer` — an alias naming itself keeps those mentions apart from
  every automatic join;
- one article: `Clinton,Bill Clinton,PERSON,<article_id>` — only in that article;
- `label` (optional) sets the entity's label ("Twitter,Twitter,ORG").

Aliases match the mention as written or its name, ignoring case, accents and dots.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from newskit.extract.names import NAME_LABELS, fold

ALIAS_COLUMNS = ["alias", "entity", "label", "article_id"]


class AliasError(ValueError):
    """An aliases file or table that cannot be used; the message names the file and the problem."""


def read_aliases(source) -> pd.DataFrame:
    """An aliases table (see the module doc) from a CSV path, a DataFrame, a dict alias -> entity,
    or None (no aliases)."""
    where = "aliases table"
    if source is None:
        return pd.DataFrame(columns=ALIAS_COLUMNS, dtype=object)
    if isinstance(source, dict):
        table = pd.DataFrame({"alias": list(source), "entity": list(source.values())})
    elif isinstance(source, pd.DataFrame):
        table = source.copy()
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        where = str(path)
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", skipinitialspace=True)
        except FileNotFoundError:
            raise AliasError(f"{path}: no such aliases file") from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
            raise AliasError(f"{path}: not a readable CSV aliases file ({error})") from None
    else:
        raise AliasError(f"aliases must be a CSV path, a DataFrame or a dict, not {type(source).__name__}")
    missing = {"alias", "entity"} - set(table.columns)
    if missing:
        raise AliasError(f"{where}: needs the columns alias,entity[,label][,article_id]; lacks {sorted(missing)}")
    for column in ALIAS_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    table = table[ALIAS_COLUMNS].fillna("").astype(str).apply(lambda s: s.str.strip())
    empty = table[(table["alias"] == "") | (table["entity"] == "")]
    if len(empty):
        raise AliasError(f"{where}: row {int(empty.index[0]) + 2} has an empty alias or entity")
    bad = table[(table["label"] != "") & ~table["label"].isin(NAME_LABELS)]
    if len(bad):
        raise AliasError(f"{where}: label {bad['label'].iloc[0]!r} is not one of {', '.join(NAME_LABELS)}")
    return table.reset_index(drop=True)


def apply_aliases(table: pd.DataFrame, forms: pd.Series, texts: pd.Series, article_ids: pd.Series
                  ) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(forms with aliases applied, pinned: kept apart from automatic joins, forced label or "")."""
    pinned = pd.Series(False, index=forms.index)
    labels = pd.Series("", index=forms.index, dtype=object)
    if table.empty:
        return forms, pinned, labels
    forms = forms.copy()
    everywhere = {_key(r.alias): r for r in table.itertuples() if not r.article_id}
    local = {(r.article_id, _key(r.alias)): r for r in table.itertuples() if r.article_id}
    form_keys, text_keys = _keys(forms), _keys(texts.astype(str))
    wanted = set(everywhere) | {key for _, key in local}
    hits = form_keys.isin(wanted) | text_keys.isin(wanted)
    for i in forms.index[hits.to_numpy()]:
        article = article_ids.at[i]
        for key in (form_keys.at[i], text_keys.at[i]):
            row = local.get((article, key)) or everywhere.get(key)
            if row is not None:
                forms.at[i] = row.entity
                pinned.at[i] = _key(row.alias) == _key(row.entity)
                labels.at[i] = row.label
                break
    return forms, pinned, labels


def _key(name: str) -> str:
    return fold(name).replace(".", "")


def _keys(names: pd.Series) -> pd.Series:
    """`_key` of every name, computed once per distinct name."""
    return names.map({name: _key(name) for name in pd.unique(names)})
