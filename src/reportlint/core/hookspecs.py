"""The hooks a reportlint plugin can implement, grouped by the phase of a run and documented where declared.

A plugin is a module (registered under the ``reportlint`` entry-point group, or
listed in ``local-plugins`` of the config) with functions decorated by
``reportlint.hookimpl`` and named like the specifications below. reportlint's
own loaders, templates, rules and reporters are registered through these same
hooks, so a plugin can do anything the built-ins do.

The phases of a run, in order:

1. **Reading input** — :func:`reportlint_loaders`: the formats reportlint can read.
2. **Understanding reports** — :func:`reportlint_templates`: the report formats
   (templates) the reader aligns tables against.
3. **Checking** — :func:`reportlint_rules` and :func:`reportlint_rule_packs`:
   the checks, in Python or declarative YAML; then :func:`reportlint_configure`,
   once per configuration, with the rules it selects.
4. **Comparing reports** — :func:`reportlint_batch_rules`: cross-document
   checks, run once after every file has been checked, on the summaries of
   all reports of the run (and of last year's, with ``--previous``).
5. **Reporting** — :func:`reportlint_reporters`: the output formats.

Every provider hook returns a list and is called once per process; a hook that
raises, or returns something unusable, is reported naming its plugin, and the
other plugins still work.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from reportlint.core.batch import BatchRule
    from reportlint.core.config import Config
    from reportlint.core.rule import BaseRule, Rule
    from reportlint.loaders import Loader
    from reportlint.output import Reporter

PROJECT_NAME = "reportlint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --------------------------------------------------------------------------- 1. reading input


@hookspec
def reportlint_loaders() -> Sequence[type[Loader]]:
    """Return loader classes for input formats.

    A loader turns a :class:`reportlint.sources.Source` into a
    :class:`reportlint.core.model.Document`. A plugin loader whose ``sniff``
    accepts a file takes precedence over the built-in detection, so a plugin
    can add a format or replace a built-in loader.
    """


# --------------------------------------------------------------------------- 2. understanding reports


@hookspec
def reportlint_templates() -> Sequence[str | Path]:
    """Return paths of template specification YAML files.

    A file either defines a new template (``id:`` with sections and tables) or
    extends an existing one (``extends: T2021`` with extra rows, columns and
    relations). Extensions apply in plugin registration order.
    """


# --------------------------------------------------------------------------- 3. checking


@hookspec
def reportlint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin provides.

    Each class subclasses :class:`reportlint.Rule` and has a unique ``code``
    with the plugin's own prefix (``GS101``); built-in codes start with ``RL``.
    Two plugins declaring the same code, or a plugin reusing a built-in code,
    is a configuration error reported when the plugins load.
    """


@hookspec
def reportlint_rule_packs() -> Sequence[str | Path]:
    """Return paths of declarative YAML rule packs this plugin ships.

    Packs are validated when loaded; a malformed pack is a configuration error
    naming the file, line and reason. Use ``importlib.resources`` to locate
    files inside an installed package.
    """


@hookspec
def reportlint_configure(config: Config, rules: Sequence[type[BaseRule]]) -> None:
    """Called once per configuration, with the final, validated config and the rules it selects.

    Plugins may read their ``[rules.<name>]`` options or other settings here and
    check them against what will run (``rules`` are the selected rule classes,
    batch rules after the others; an implementation may leave the argument out). The configuration is
    immutable: raise :class:`reportlint.ConfigError` to reject it with a
    message for users; it stops the run before any file is checked (exit code 2).
    """


# --------------------------------------------------------------------------- 4. comparing reports


@hookspec
def reportlint_batch_rules() -> Sequence[type[BatchRule]]:
    """Return the cross-document rule classes this plugin provides.

    Each class subclasses :class:`reportlint.BatchRule` and follows the
    conventions of :func:`reportlint_rules` (a unique ``code`` with the
    plugin's prefix, ``name``, ``severity``, options, a docstring with
    ``反例：`` and ``正例：``). Its ``check(batch)`` runs once per run, after
    every file has been checked, on a :class:`reportlint.core.batch.Batch` of
    compact report summaries (never whole documents), and yields findings made
    with ``self.diagnostic(message, at=anchor, related=[(other_anchor, "…")])``:
    each points at a place of one report and may name places in other reports.
    A finding goes into its report's results, filtered by that report's
    configuration; findings on last year's reports (``--previous``) are not
    reported. Batch rules run only when a run has more than one report (or
    last year's reports are given). Each runs contained, as per-file rules do:
    an exception, an exit, an item that is not a finding of a report of the
    batch, or a fix is one RL907; printed text is RL913; findings are capped
    per report (RL914); a rule past its time budget is stopped (RL909).
    """


# --------------------------------------------------------------------------- 5. reporting


@hookspec
def reportlint_reporters() -> Sequence[type[Reporter]]:
    """Return reporter classes (output formats selectable with ``-f NAME``)."""
