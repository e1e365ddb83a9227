"""Helpers for testing reportlint rules and plugins (see docs/plugins.md)."""
