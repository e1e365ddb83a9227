"""Tests that the matcher's word lists stay tied to the data: no entry that matches nothing."""

from __future__ import annotations

from reportlint.places.datafile import level_from_code, read_division_file
from reportlint.places.divisions import kind_of, stem_of
from reportlint.places.vocabulary import ORDINARY_WORD_NAMES, ORDINARY_WORD_STEMS, ORDINARY_WORD_TAILS, SELF_REFERENCE_TAILS


def official_names() -> set[str]:
    return set(read_division_file().names)


def test_every_ordinary_stem_is_the_stem_of_an_official_name():
    columns = read_division_file()
    stems = {stem_of(name, kind_of(name, level_from_code(code))) for name, code in zip(columns.names, columns.codes, strict=True)}
    assert sorted(ORDINARY_WORD_STEMS - stems) == []


def test_every_ordinary_name_is_an_official_name():
    assert sorted(ORDINARY_WORD_NAMES - official_names()) == []


def test_every_ordinary_tail_ends_an_official_three_character_name():
    tails = {name[1:] for name in official_names() if len(name) == 3}
    assert sorted(ORDINARY_WORD_TAILS - tails) == []
    assert sorted(SELF_REFERENCE_TAILS - tails) == []
