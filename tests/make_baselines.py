"""Rewrite the committed low-resolution baselines of every still figure (both themes)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figure_baselines import baseline_path, render_small  # noqa: E402

from gdrender.catalog import TARGETS  # noqa: E402

for t in TARGETS:
    if not t.has("still"):
        continue
    for theme_name in ("light", "dark"):
        dest = baseline_path(t.id, theme_name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        render_small(t.id, theme_name, dest)
        print(dest)
