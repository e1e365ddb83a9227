"""The configuration types, at the import path plugin authors use: :class:`Config` and :class:`ConfigError`.

Their home is :mod:`reportlint.core.config`; finding and reading config files is
:mod:`reportlint.run.config`.
"""

from __future__ import annotations

from reportlint.core.config import Config, ConfigError

__all__ = ["Config", "ConfigError"]
