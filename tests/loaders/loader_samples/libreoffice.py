"""Converting sample documents with LibreOffice (``soffice --headless``), as reports are exported to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

#: What to install when LibreOffice is missing (the tests that need it are skipped).
INSTALL_HINT = "需要 LibreOffice（soffice）生成 PDF：apt-get install libreoffice-writer-nogui fonts-noto-cjk"


def convert_with_libreoffice(document: Path, target: str, output: Path) -> Path:
    """Convert with ``soffice --headless``; skips the test when LibreOffice is not installed.

    A conversion takes 2–4 s: convert once per test module at most.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip(INSTALL_HINT)
    profile = output / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(output),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return output / f"{document.stem}.{target}"
