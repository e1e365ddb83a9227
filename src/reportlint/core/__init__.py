"""The contracts every other package builds on, with no knowledge of formats or rules.

* :mod:`~reportlint.core.model` — the document model (text, blocks, tables, source map);
* :mod:`~reportlint.core.diagnostics` — what a rule reports;
* :mod:`~reportlint.core.rule` — the Rule API plugin authors subclass;
* :mod:`~reportlint.core.report` — what a rule sees about one file, with its cached analysis;
* :mod:`~reportlint.core.hookspecs` — the plugin hooks, grouped by phase;
* :mod:`~reportlint.core.resources`, :mod:`~reportlint.core.yamlio`, :mod:`~reportlint.core.suggest` —
  the shipped data files, safe YAML reading and "did you mean" hints shared by every layer.
"""
