"""reportlint: a plugin-based linter for Chinese government information-disclosure annual reports.

The public API for plugin authors and scripts:

* :class:`Rule`, :class:`BatchRule`, :class:`Option`, :data:`hookimpl` — write rules (per report or across reports) and plugins;
* :class:`Condition` — where a rule applies (``Rule.applies_to``: provinces, levels, years, templates);
* :class:`Diagnostic`, :class:`Severity`, :class:`Related`, :class:`Fix` — what rules report;
* :func:`lint_paths`, :func:`lint_text` — run reportlint from Python;
* :class:`ConfigError` — raised for invalid configuration.
"""

from __future__ import annotations

from reportlint.startup import paused_collection

with paused_collection():
    from reportlint.usercache import code

    # Before reportlint defines its first dataclass: their generated methods come compiled from the user cache.
    code.install()

    from reportlint.core.batch import BatchRule
    from reportlint.core.conditions import Condition
    from reportlint.core.config import Config, ConfigError
    from reportlint.core.diagnostics import Diagnostic, Fix, Related, Severity
    from reportlint.core.hookspecs import hookimpl, hookspec
    from reportlint.core.rule import Option, Rule
    from reportlint.version import __version__

__all__ = [
    "BatchRule",
    "Condition",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Fix",
    "Option",
    "Related",
    "Rule",
    "Severity",
    "__version__",
    "hookimpl",
    "hookspec",
    "lint_paths",
    "lint_text",
]


def lint_paths(paths, **options):
    """Lint files and directories; returns a :class:`reportlint.run.results.RunResult`.

    Keyword arguments are those of :class:`reportlint.run.options.RunOptions`.
    """
    from reportlint.run.options import RunOptions
    from reportlint.run.runner import lint_paths as run

    return run(list(paths), RunOptions(**options))


def lint_text(text, *, filename="report.txt", rules=None, config=None):
    """Lint a report given as a string; returns its diagnostics, located.

    ``rules`` limits the run to these rule classes (plugin tests); ``config``
    is a :class:`Config` or a mapping of config keys (as in ``reportlint.toml``).
    """
    from reportlint.run.linter import lint_text as run

    return run(text, filename=filename, rules=rules, config=config)
