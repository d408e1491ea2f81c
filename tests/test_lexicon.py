"""The lexicon: the loader of word lists kept as data, every list it holds, and the cue words the
quote rules rely on."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter

import pytest

from newskit.extract import lexicon
from newskit.extract import names
from newskit.extract.quotes import cues, direct, reported, speakers

LOADERS = (lexicon.entries, lexicon.words, lexicon.table)


def _clear_caches() -> None:
    for loader in LOADERS:
        loader.cache_clear()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A lexicon folder of its own; the cached lists of the real one are read again afterwards."""
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    _clear_caches()
    yield tmp_path
    _clear_caches()


def _name(path) -> str:
    return path.relative_to(lexicon.FOLDER).with_suffix("").as_posix()


# --- the loader -------------------------------------------------------------------------

def test_entries_skip_comments_and_blank_lines_and_keep_order(folder):
    (folder / "part").mkdir()
    (folder / "part" / "sample.txt").write_text(
        "# a comment explaining the list\n\nzeta\n  alpha  \n# another comment\na few words\n\nmid\n", encoding="utf-8")
    assert lexicon.entries("part/sample") == ("zeta", "alpha", "a few words", "mid")
    assert lexicon.words("part/sample") == frozenset({"zeta", "alpha", "a few words", "mid"})
    assert isinstance(lexicon.words("part/sample"), frozenset)


def test_table_keeps_key_order(folder):
    (folder / "part").mkdir()
    (folder / "part" / "pairs.json").write_text('{"b": 2, "a": 1, "c": [3, 4]}', encoding="utf-8")
    table = lexicon.table("part/pairs")
    assert list(table) == ["b", "a", "c"] and table["c"] == [3, 4]


@pytest.mark.parametrize("loader, file_name", [
    (lexicon.entries, "no_such_list.txt"), (lexicon.words, "no_such_list.txt"), (lexicon.table, "no_such_list.json")])
def test_unknown_list_raises_key_error_naming_the_file(folder, loader, file_name):
    with pytest.raises(KeyError, match=file_name):
        loader("quotes/no_such_list")


def test_files_lists_every_data_file(folder):
    (folder / "a").mkdir()
    for name in ("a/one.txt", "a/two.json", "a/notes.md", "three.txt"):
        (folder / name).write_text("x\n" if name.endswith(".txt") else "{}", encoding="utf-8")
    assert [path.relative_to(folder).as_posix() for path in lexicon.files()] == ["a/one.txt", "a/two.json", "three.txt"]


def test_the_word_lists_module_is_gone():
    # the lists are data now; a `words` submodule would also shadow the `lexicon.words` loader
    assert importlib.util.find_spec("newskit.extract.lexicon.words") is None
    assert callable(lexicon.words)


# --- every list ---------------------------------------------------------------------------

DATA_FILES = lexicon.files()


def test_the_lexicon_holds_the_name_entity_and_quote_lists():
    present = {_name(path) for path in DATA_FILES}
    assert {"names/role_nouns", "names/core_titles", "names/title_modifiers", "names/honorifics", "names/gendered_words",
            "entities/org_heads", "entities/irregular_demonyms", "quotes/reporting_verbs", "quotes/preposition_reporting",
            "read/chrome_lines", "read/final_punctuation"} <= present


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: _name(path))
def test_every_list_loads_without_duplicates(path):
    name = _name(path)
    if path.suffix == ".txt":
        entries = lexicon.entries(name)
        assert entries, f"{name} is empty"
        assert all(entry == entry.strip() and not entry.startswith("#") for entry in entries)
        duplicates = [entry for entry, count in Counter(entries).items() if count > 1]
        assert not duplicates, f"{name} lists {duplicates} more than once"
    else:
        def unique_keys(pairs):
            duplicates = [key for key, count in Counter(key for key, _ in pairs).items() if count > 1]
            assert not duplicates, f"{name} has the keys {duplicates} more than once"
            return dict(pairs)

        json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique_keys)
        assert lexicon.table(name), f"{name} is empty"


# Lists the rules compare with lowercase text or lemmas: an entry with a capital would never match.
LOWERCASE_LISTS = ["names/honorifics", "names/core_titles", "names/title_modifiers", "names/role_nouns",
                   "names/role_connectors", "entities/org_heads", "entities/name_connectors", "entities/name_particles",
                   "entities/ambiguous_place_names", "quotes/reporting_verbs", "quotes/audience_verbs",
                   "quotes/speech_act_verbs", "quotes/object_reporting_verbs", "quotes/claim_prepositions",
                   "quotes/aspectual_verbs", "quotes/organisation_nouns", "quotes/unnamed_source_nouns",
                   "quotes/speaking_nouns", "quotes/indefinite_determiners", "quotes/not_speakers",
                   "quotes/abbreviations", "names/agent_suffixes", "read/chrome_lines"]


@pytest.mark.parametrize("name", LOWERCASE_LISTS)
def test_lists_compared_lowercase_are_lowercase(name):
    assert [entry for entry in lexicon.entries(name) if entry != entry.lower()] == []


def test_words_compared_without_a_final_dot_have_none():
    # "Sen." -> "sen" before the core-title test; "Mrs." -> "mrs" before the abbreviation test
    assert not [w for w in names.CORE_TITLES if w.endswith(".")]
    assert not [w for w in direct._ABBREVIATIONS if w.endswith(".")]


def test_final_punctuation_is_single_characters():
    from newskit.read.structure import FINAL_PUNCTUATION

    assert FINAL_PUNCTUATION == tuple(".!?:;,\"'”’»…)")


# --- the cue lexicon ------------------------------------------------------------------------

def test_reporting_verbs_cover_speech_and_leave_out_beliefs():
    verbs = cues.REPORTING_VERBS
    assert verbs == lexicon.words("quotes/reporting_verbs") and direct.REPORTING_VERBS is verbs
    assert {"say", "tell", "add", "announce", "claim", "deny", "insist", "warn", "write", "tweet", "accuse"} <= verbs
    # beliefs and intentions are no speech: "he thinks the plan will fail" is not a quote
    assert not {"think", "believe", "want", "hope", "feel", "know", "expect", "plan", "intend", "wish"} & verbs
    # "according to" has a rule of its own, not a verb lemma
    assert not {"according", "accord"} & verbs


def test_cue_lists_the_rules_reach_only_through_a_reporting_verb_are_reporting_verbs():
    verbs = cues.REPORTING_VERBS
    # the audience is kept in the cue only after a reporting verb: "told journalists", "warned reporters"
    assert {"tell", "ask", "warn"} <= cues.AUDIENCE_VERBS & verbs
    # a reporting verb's complement: the object, the prepositional object, the aspectual exception
    assert reported.OBJECT_REPORTING_VERBS <= verbs
    assert set(reported.PREPOSITION_REPORTING) <= verbs
    assert reported._ASPECTUAL <= verbs
    # a speech act governs a quoted fragment besides the reporting verbs: `called the plan "a disgrace"`
    assert {"call", "describe", "dub", "label"} <= direct.SPEECH_ACT_VERBS


def test_preposition_reporting_maps_verbs_to_tuples_in_file_order():
    table = reported.PREPOSITION_REPORTING
    assert table["speak"] == ("about", "of", "against", "on") and table["call"] == ("for", "on")
    assert all(isinstance(prepositions, tuple) and prepositions for prepositions in table.values())
    assert list(table) == list(lexicon.table("quotes/preposition_reporting"))


def test_speaker_lists():
    assert set(speakers.SPEAKER_PRONOUNS.values()) <= {"male", "female", "plural", "neuter", "first"}
    assert speakers.SPEAKER_PRONOUNS["she"] == "female" and speakers.SPEAKER_PRONOUNS["they"] == "plural"
    assert set(names.GENDERED_WORDS.values()) == {"male", "female"}
    assert names.GENDERED_WORDS["mrs."] == "female" and names.GENDERED_WORDS["spokesman"] == "male"
    # a role speaker ("the minister said") and an unnamed source ("officials said") are told apart
    assert {"minister", "spokesman", "official"} <= names.ROLE_NOUNS
    assert {"source", "sources", "officials", "experts"} <= speakers.UNNAMED_SOURCE_NOUNS
    # (a kind, not a name: "the Kremlin said" names its speaker, "the ministry said" does not)
    assert {"ministry", "government"} <= speakers.ORGANISATION_NOUNS and "kremlin" not in speakers.ORGANISATION_NOUNS
    assert {"a", "an", "some"} <= speakers._INDEFINITE
    # every noun that names or stands for a speaker can make a claim
    assert names.ROLE_NOUNS | speakers.ORGANISATION_NOUNS | speakers.UNNAMED_SOURCE_NOUNS <= reported.SPEAKING_NOUNS
    assert {"statement", "poll", "tweet"} <= reported.SPEAKING_NOUNS
