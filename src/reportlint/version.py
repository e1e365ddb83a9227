"""reportlint's version (read by the build backend, shown by ``--version`` and written into outputs and caches)."""

__version__ = "0.2.0"
