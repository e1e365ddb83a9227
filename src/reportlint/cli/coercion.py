"""Plain coercion of the command line's simple parameters, so running a command does not build pydantic adapters.

Recent typer converts every parameter through a pydantic ``TypeAdapter`` built
when the command runs: importing pydantic and building the adapters of
``check``'s options costs about 100 ms of CPU, half the budget of checking one
file in a fresh process. reportlint's parameters are all simple (text, paths
without constraints, numbers with a lower bound, flags, lists of those),
so :class:`PlainCommand` gives each such parameter a converter written here,
with typer's own error messages; any other parameter, and any typer without
this mechanism, keeps typer's conversion. Behaviour is the same either way
(``tests/cli/test_coercion.py`` compares them).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.core import TyperCommand, TyperGroup

try:  # typer ≥ 0.20 converts through runtime parameters; older typer leaves it to click
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
except ImportError:  # pragma: no cover - depends on the installed typer
    RuntimeParam = None  # type: ignore[assignment, misc]

Converter = Callable[[Any], Any]

_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off"}
#: Parameter settings under which a path or number is more than ``Path(value)`` or ``int(value)``.
_CONSTRAINTS = ("parser", "click_type", "exists", "resolve_path", "allow_dash", "path_type", "clamp", "max", "formats")


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("Input should be a valid boolean, unable to interpret input")


def _to_str(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _to_path(value: Any) -> Path:
    return value if isinstance(value, Path) else Path(_to_str(value))


def _to_int(minimum: float | None) -> Converter:
    def convert(value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError("Input should be a valid integer")
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                raise ValueError("Input should be a valid integer, unable to parse string as an integer") from None
        if minimum is not None and number < minimum:
            raise ValueError(f"Input should be greater than or equal to {minimum}")
        return number

    return convert


def _to_float(minimum: float | None) -> Converter:
    def convert(value: Any) -> float:
        if isinstance(value, bool):
            raise ValueError("Input should be a valid number")
        if isinstance(value, int | float):
            number = float(value)
        else:
            try:
                number = float(str(value).strip())
            except ValueError:
                raise ValueError("Input should be a valid number, unable to parse string as a number") from None
        if minimum is not None and number < minimum:
            raise ValueError(f"Input should be greater than or equal to {minimum}")
        return number

    return convert


def _leaf(annotation: Any, info: Any) -> Converter | None:
    if annotation is str:
        return _to_str
    if annotation is bool:
        return _to_bool
    if annotation is int:
        return _to_int(getattr(info, "min", None))
    if annotation is float:
        return _to_float(getattr(info, "min", None))
    if annotation is Path:
        return _to_path
    return None


def plain_converter(annotation: Any, info: Any) -> Converter | None:
    """The converter of a simple parameter (``X``, ``X | None``, ``list[X]``), or None when typer must convert it."""
    if any(getattr(info, name, None) not in (None, False) for name in _CONSTRAINTS):
        return None
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [member for member in typing.get_args(annotation) if member is not type(None)]
        if len(members) != 1:
            return None
        annotation = members[0]
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation) or (None,)
        convert = _leaf(item, info)
        if convert is None:
            return None
        return lambda value: [convert(element) for element in (value if isinstance(value, list | tuple) else [value])]
    return _leaf(annotation, info)


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _PlainParam(RuntimeParam):
        """A typer runtime parameter converted by a plain function."""

        convert: Converter

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value)
            except ValueError as error:
                raise BadParameter(str(error), ctx=ctx, param=param) from None


def use_plain_coercion(parameters: list[Any]) -> None:
    """Give each simple typer parameter a plain converter (the others keep typer's)."""
    if RuntimeParam is None:  # pragma: no cover - older typer: click converts
        return
    for parameter in parameters:
        descriptor = getattr(parameter, "type_descriptor", None)
        if descriptor is None or getattr(parameter, "_runtime_param", "absent") is not None or descriptor.file_annotation is not None:
            continue
        convert = plain_converter(descriptor.annotation, descriptor.parameter_info)
        if convert is not None:
            parameter._runtime_param = _PlainParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, convert=convert
            )


class PlainCommand(TyperCommand):
    """A typer command whose simple parameters are converted without pydantic (see the module's docstring)."""

    def get_params(self, ctx: Any) -> list[Any]:
        parameters = super().get_params(ctx)  # the parameters and the help option made for this run
        use_plain_coercion(parameters)
        return parameters


class PlainGroup(TyperGroup):
    """The typer group of the commands, its own options (``--version``) converted without pydantic."""

    def get_params(self, ctx: Any) -> list[Any]:
        parameters = super().get_params(ctx)  # the parameters and the help option made for this run
        use_plain_coercion(parameters)
        return parameters
