"""Frozen dataclasses made without their ``__init__``, for the objects a reader makes by the dozen for every report.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``. An
object whose ``__dict__`` is filled at once, as :mod:`copy` and :mod:`pickle` make one,
is equal to and indistinguishable from one made by the constructor, for a class whose
fields are all set by the constructor and that has no ``__post_init__`` and no slots.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def positional_maker(kind: type[T]) -> Callable[..., T]:
    """A function making ``kind(*values)``, every field given by position, without the class's ``__init__``.

    Raises :class:`TypeError` for a class the constructor would make differently (``__post_init__``, slots, a field
    it does not set).
    """
    every = fields(kind)  # type: ignore[arg-type]
    if "__slots__" in vars(kind) or hasattr(kind, "__post_init__") or not all(item.init for item in every):
        raise TypeError(f"{kind.__name__} is not made by its fields alone")
    names = tuple(item.name for item in every)
    new = object.__new__

    def make(*values: Any) -> T:
        made = new(kind)
        made.__dict__.update(zip(names, values, strict=True))
        return made

    make.__doc__ = f"``{kind.__name__}(*values)`` made without its ``__init__`` (see :func:`positional_maker`)."
    return make
