"""Rewrite the committed low-resolution baselines of still figures (both themes).

    .venv/bin/python tests/make_baselines.py                  # every still
    .venv/bin/python tests/make_baselines.py race-beale 'race-*'   # some (glob patterns allowed)
"""

import fnmatch
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figure_baselines import baseline_path, render_small  # noqa: E402

from gdrender.catalog import TARGETS  # noqa: E402

patterns = sys.argv[1:] or ["*"]
stills = [t for t in TARGETS if t.has("still")]
chosen = [t for t in stills if any(fnmatch.fnmatch(t.id, p) for p in patterns)]
unmatched = [p for p in patterns if not any(fnmatch.fnmatch(t.id, p) for t in stills)]
if unmatched:
    sys.exit(f"make_baselines.py: no still matches {', '.join(unmatched)}")
for t in chosen:
    for theme_name in ("light", "dark"):
        dest = baseline_path(t.id, theme_name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        render_small(t.id, theme_name, dest)
        print(dest)
