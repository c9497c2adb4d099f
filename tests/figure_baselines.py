"""Low-resolution renders of every still, compared with committed baselines.

Regenerate the baselines after an intended change of a figure (then look at them):

    .venv/bin/python tests/make_baselines.py
"""

from __future__ import annotations

from pathlib import Path

_built: dict = {}
#: The baseline-size PNG of each built figure, drawn right after it was laid out (figure()):
#: the baseline, as tests/make_baselines.py wrote it, whichever test drew the figure before.
_first_png: dict = {}


def figure(name: str, theme_name: str):
    """The still `name` (its id or its module's stem) built in a theme, once per test process:
    a still's tests run on one worker (tests/conftest.py), so they all read one figure."""
    from gdviz import mpl as gm
    from gdviz import theme

    key = (name.replace("-", "_"), theme_name)
    if key not in _built:
        th = theme.get(theme_name)
        fig = _built[key] = gm.build(gm.load(f"figures.{key[0]}"), th)
        with gm.themed(th):
            # laid out once, at the figure's own resolution (a layout at the baseline's 40 dpi
            # rounds sizes to coarse pixels), then kept: the baseline and every later drawing
            # (its PDF, its SVG, a path hidden) show the same places, and none lays it out
            # again (the longest part of a drawing)
            fig.draw_without_rendering()
            fig.set_layout_engine("none")
        # on its page (its width, the ink centred, the house margin above and below), as
        # gdviz.mpl.save lays every still
        _first_png[id(fig)] = gm.page_png(fig, th, BASELINE_DPI)
    return _built[key]


BASELINE_DIR = Path(__file__).resolve().parent / "baseline"
BASELINE_DPI = 40
#: Allowed RMS difference (0–255 scale) between a render and its baseline.
TOLERANCE = 2.0


def render_small(target_id: str, theme_name: str, dest: Path, pdf: Path | None = None,
                 fig=None) -> Path:
    """Render one still at BASELINE_DPI into dest (PNG); with `pdf`, the same figure as a PDF
    there too (for reading its fonts back). `fig`: the still already built in that theme
    (figure(), by default)."""
    from gdviz import mpl as gm
    from gdviz import theme

    th = theme.get(theme_name)
    fig = figure(target_id, theme_name) if fig is None else fig
    with gm.themed(th):
        if id(fig) in _first_png:  # built by figure(): its first drawing
            Path(dest).write_bytes(_first_png[id(fig)])
        else:
            Path(dest).write_bytes(gm.page_png(fig, th, BASELINE_DPI))
        if pdf is not None:
            fig.savefig(pdf)
    return dest


def baseline_path(target_id: str, theme_name: str) -> Path:
    return BASELINE_DIR / theme_name / f"{target_id}.png"
