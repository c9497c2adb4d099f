"""A copy of the project in a temporary directory, and render.py run in it: the render and deck
tests' one build (the `project_build` fixture, tests/conftest.py), so a test may edit a source
file or break a target without touching the project.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The animation the build renders: the quickest of the catalog to render (a 21-second video
#: in five sections), at the quality made for a quick look (240p10): what the tests hold (files,
#: records, stops, decks, captions) does not depend on the size of the frames.
VIDEO = "dropout"
QUALITY = "draft"
SIZE, FPS = (426, 240), 10
#: candidate-lines (still) and dropout (still and animation: three formats, section clips and
#: lecture decks), both themes: six jobs.
BUILT = ("candidate-lines", VIDEO, "--theme", "both", "--quality", QUALITY, "--format", "mp4",
         "--format", "gif", "--format", "webm", "--sections", "--slides", "--out", "out")


def copy_project(dest: Path) -> Path:
    for name in ("src", "figures", "scenes"):
        shutil.copytree(ROOT / name, dest / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "render.py", dest / "render.py")
    return dest


def deck_env() -> dict[str, str]:
    """The environment a render of the copy runs in: the project's reveal.js (which `make test`
    installs under .venv), which the copy has not; without it, --slides says so and exits 2."""
    from gdrender import decks

    try:
        return {**os.environ, "GD_REVEALJS": str(decks.reveal_dir())}
    except decks.DeckError:
        return dict(os.environ)


def render(root: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "render.py"), *args], cwd=root,
                          capture_output=True, text=True, timeout=timeout, env=deck_env())
