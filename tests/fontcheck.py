"""Read back the fonts a PDF embeds, and hold them to the house faces (gdviz.theme); find
maths set in the text face.

    from fontcheck import assert_house_fonts
    assert_house_fonts(path_to_a_still_pdf)   # fails naming every stray face
    maths_in_text("the cost J(m, b)")         # ['J'...]: a symbol outside $...$

Uses `pdffonts` (Debian's poppler-utils, installed by scripts/bootstrap.sh).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from gdviz import theme


def pdf_fonts(path: Path | str) -> list[str]:
    """The base names of the fonts embedded in a PDF, subset tags (ABCDEF+) removed."""
    exe = shutil.which("pdffonts")
    assert exe, "pdffonts not found: apt-get install poppler-utils (scripts/bootstrap.sh does)"
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]  # after the header and its rule
    return sorted({row.split()[0].split("+")[-1] for row in rows if row.strip()})


def stray_fonts(names: list[str]) -> list[str]:
    """The names that are neither CMU Serif nor a Computer Modern (cm*) face."""
    return [n for n in names if not n.startswith(theme.ALLOWED_FONT_PREFIXES)]


def assert_house_fonts(path: Path | str) -> list[str]:
    """Assert every font of the PDF is a house face; return the fonts found."""
    names = pdf_fonts(path)
    assert names, f"{path}: no embedded fonts"
    assert not stray_fonts(names), f"{path}: fonts outside the house faces: {stray_fonts(names)}"
    return names


#: a symbol written in the text face: Greek, ∂ ∇ ‖ ∝, |...|, a sub- or superscript digit, a
#: starred letter, a letter standing alone as a word (other than the article a, A or I)
MATHS_IN_TEXT = re.compile(r"[\u0370-\u03ff∂∇‖∝]|\|[^|]+\||[₀-₉⁰-⁹]|\b[A-Za-z]\*"
                           r"|(?<![\w'’-])[b-zB-HJ-Z](?![\w'’-])")


def maths_in_text(s: str) -> list[str]:
    """The symbols of s set in the text face: outside its $...$ maths (matplotlib mathtext and
    ThemedScene.mixed both mark maths so)."""
    words = re.sub(r"(?<!\\)\$[^$]*(?<!\\)\$", " ", s)
    return [m.group() for m in MATHS_IN_TEXT.finditer(words)]
