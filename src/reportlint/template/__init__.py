"""The template reader: official report formats as data, and reading reports against them.

* :mod:`~reportlint.template.spec` — template specs (YAML) and extensions;
* :mod:`~reportlint.template.sections` — finding the six sections;
* :mod:`~reportlint.template.tokens` / :mod:`~reportlint.template.align` — table cells into template cells;
* :mod:`~reportlint.template.identity` — title, subject, year, period, publication date;
* :mod:`~reportlint.template.reading` — all of it together, as a :class:`Reading`.

This module also registers the shipped T2019 and T2021 specs through the
``reportlint_templates`` hook.
"""

from __future__ import annotations

from reportlint.core.hookspecs import hookimpl
from reportlint.core.resources import shipped_templates


@hookimpl
def reportlint_templates():
    """The official templates shipped with reportlint (T2019, T2021)."""
    return shipped_templates()
