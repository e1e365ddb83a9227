"""Fuzzing every input format, with a small fixed budget (``bench/fuzz.py`` runs the same mutators for hours).

Hypothesis draws mutations of valid seeds (:mod:`tests.fuzz.mutators`); every
input must pass :mod:`tests.fuzz.oracle`: checked to the end with no rule
failing on it, within the time budget, or (packs, configs) loaded or refused
with a clear config error. The examples are derandomized, so CI runs the same
inputs every time; ``bench/fuzz.py`` explores further.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.fuzz import mutators, oracle

#: Inputs per format in the test suite (the long runs are ``bench/fuzz.py``'s).
EXAMPLES = {"text": 30, "html": 20, "docx": 20, "pdf": 15, "pack": 30, "config": 30}

mutation = st.tuples(
    st.sampled_from(mutators.OPERATIONS),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.integers(min_value=0, max_value=99_999),
    st.integers(min_value=0, max_value=len(mutators.TOKENS) - 1),
)
mutations = st.lists(mutation, min_size=1, max_size=4)


def fuzz_settings(fmt: str):
    return settings(
        max_examples=EXAMPLES[fmt],
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: a failing input is reported as drawn, at once
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.parametrize("fmt", ["text", "html", "docx", "pdf"])
def test_mutated_reports_are_checked_to_the_end(fmt):
    @fuzz_settings(fmt)
    @given(seed=st.integers(min_value=0, max_value=20), other=st.integers(min_value=0, max_value=20), damage=mutations)
    def check(seed, other, damage):
        sample = mutators.sample(fmt, seed, damage, other)
        assert oracle.check_document(sample.name, sample.data) == [], (sample.name, damage)

    check()


def test_mutated_packs_load_or_are_refused_clearly():
    report = mutators.seeds("text")[0].data.decode("utf-8")

    @fuzz_settings("pack")
    @given(seed=st.integers(min_value=0, max_value=5), damage=mutations)
    def check(seed, damage):
        sample = mutators.sample("pack", seed, damage)
        assert oracle.check_pack(sample.data, report) == [], damage

    check()


def test_mutated_configs_load_or_are_refused_clearly():
    @fuzz_settings("config")
    @given(damage=mutations)
    def check(damage):
        sample = mutators.sample("config", 0, damage)
        assert oracle.check_config(sample.data) == [], damage

    check()


def test_the_seeds_are_valid_inputs():
    # the mutations start from inputs that load and check cleanly
    report = mutators.seeds("text")[0].data.decode("utf-8")
    for fmt in ("text", "html", "docx", "pdf"):
        for sample in mutators.seeds(fmt):
            assert oracle.check_document(sample.name, sample.data) == [], sample.name
    for sample in mutators.seeds("pack"):
        assert oracle.check_pack(sample.data, report) == []
    assert oracle.check_config(mutators.seeds("config")[0].data) == []
