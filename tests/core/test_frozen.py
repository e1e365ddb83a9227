"""Frozen dataclasses made without their ``__init__`` are the objects the constructor makes, or refused."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from reportlint.core.frozen import positional_maker


@dataclass(frozen=True)
class _Plain:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()


def test_an_object_made_by_position_is_the_constructors():
    made = positional_maker(_Plain)("莲花镇", 3, ("镇",))
    assert made == _Plain("莲花镇", 3, ("镇",)) and repr(made) == repr(_Plain("莲花镇", 3, ("镇",)))
    assert hash(made) == hash(_Plain("莲花镇", 3, ("镇",))) and type(made) is _Plain
    with pytest.raises(AttributeError):
        made.name = "兴国镇"  # type: ignore[misc]  # still frozen


def test_every_field_must_be_given():
    with pytest.raises(ValueError):
        positional_maker(_Plain)("莲花镇", 3)


@dataclass(frozen=True)
class _Checked:
    count: int

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("negative")


@dataclass(frozen=True, slots=True)
class _Slotted:
    count: int


@dataclass(frozen=True)
class _Derived:
    count: int
    double: int = field(init=False, default=0)


@pytest.mark.parametrize("kind", [_Checked, _Slotted, _Derived])
def test_a_class_the_constructor_makes_differently_is_refused(kind):
    with pytest.raises(TypeError, match="not made by its fields alone"):
        positional_maker(kind)
