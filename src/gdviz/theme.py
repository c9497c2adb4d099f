"""The one theme: light (print) and dark (slides, lecture videos) palettes, fonts and sizes.

Both the matplotlib style (`mpl_rc`) and the Manim configuration (gdviz.manim_theme) derive from
the Theme objects here, so a colour named here is the same in every figure and every scene.
The theme for a run is chosen by name; scenes rendered the plain Manim way read GD_THEME.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from gdcore.optimizers import NAMES as OPTIMIZER_NAMES

#: One colour per optimizer, the same in both themes and everywhere (Paul Tol's "bright"
#: qualitative scheme, distinct under the common colour-vision deficiencies).
OPTIMIZER_COLORS: dict[str, str] = dict(
    zip(
        OPTIMIZER_NAMES,
        ("#888888", "#4477AA", "#66CCEE", "#228833", "#CCBB44", "#AA3377", "#EE6677"),
    )
)

#: The faces of every still and every video, set here once: text in CMU Serif (Computer Modern
#: as a Unicode family, Debian's fonts-cmu; matplotlib text and Manim's Pango Text) and maths in
#: Computer Modern (matplotlib's mathtext "cm" fontset; Manim's MathTex is LaTeX's Computer
#: Modern). The two are one design: the digits of "J = 0.5" and of "$J = 0.5$" are the same.
TEXT_FACE = "CMU Serif"
MATH_FONTSET = "cm"
#: PostScript names of the faces a still's PDF may embed (tests/fontcheck.py reads them back):
#: CMU Serif's styles and matplotlib's Computer Modern files (cmr10, cmmi10, cmsy10, cmex10, …).
ALLOWED_FONT_PREFIXES = ("CMUSerif-", "Cm")

THEME_NAMES = ("light", "dark")
ENV_VAR = "GD_THEME"


@dataclass(frozen=True)
class Theme:
    """A palette plus type sizes. Sizes are in points at the printed size of a figure."""

    name: str
    background: str
    text: str
    muted: str  # secondary text, quiet edges, axes spines
    grid: str
    accent: str  # the current line / path / highlight
    data: str  # the data points
    error: str  # residuals, errors, divergence
    good: str  # a good fit, the minimum
    surface_cmap: str
    heat_cmap: str
    optimizer: dict[str, str] = field(default_factory=lambda: dict(OPTIMIZER_COLORS))
    font_family: str = TEXT_FACE
    font_size: float = 8.5
    small_size: float = 7.5
    title_size: float = 9.5
    #: Full text width of the book page in inches (figures default to it), and its height cap.
    text_width: float = 6.3
    max_height: float = 8.0
    dpi: float = 300

    def opt(self, name: str) -> str:
        """The colour of optimizer `name`."""
        return self.optimizer[name]


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#6B6B6B",
    grid="#E4E4E4",
    accent="#E07B00",
    data="#1F4E9E",
    error="#C8102E",
    good="#1B8A3A",
    surface_cmap="viridis",
    heat_cmap="turbo",
)

DARK = Theme(
    name="dark",
    background="#16181D",
    text="#EDEDED",
    muted="#A0A4AB",
    grid="#33373F",
    accent="#FFB347",
    data="#7FB8FF",
    error="#FF5A5F",
    good="#5FD38D",
    surface_cmap="viridis",
    heat_cmap="turbo",
)

THEMES = {"light": LIGHT, "dark": DARK}


def get(name: str | None = None) -> Theme:
    """The theme called `name`; by default the one GD_THEME names, else light."""
    name = name or os.environ.get(ENV_VAR, "light")
    if name not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEME_NAMES)}, got {name!r}")
    return THEMES[name]


def mpl_rc(theme: Theme) -> dict:
    """The matplotlib rcParams of a theme (mathtext in Computer Modern, no usetex)."""
    from cycler import cycler

    t = theme
    return {
        "figure.facecolor": t.background,
        "figure.edgecolor": t.background,
        "savefig.facecolor": t.background,
        "savefig.edgecolor": t.background,
        "axes.facecolor": t.background,
        "axes.edgecolor": t.muted,
        "axes.labelcolor": t.text,
        "axes.titlecolor": t.text,
        "axes.grid": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": t.title_size,
        "axes.labelsize": t.font_size,
        "axes.linewidth": 0.7,
        "axes.prop_cycle": cycler(color=list(t.optimizer.values())),
        "grid.color": t.grid,
        "grid.linewidth": 0.6,
        "text.color": t.text,
        "xtick.color": t.muted,
        "ytick.color": t.muted,
        "xtick.labelcolor": t.text,
        "ytick.labelcolor": t.text,
        "xtick.labelsize": t.small_size,
        "ytick.labelsize": t.small_size,
        "legend.fontsize": t.small_size,
        "legend.frameon": True,
        "legend.framealpha": 0.9,
        "legend.facecolor": t.background,
        "legend.edgecolor": t.grid,
        "font.family": "serif",
        "font.serif": [t.font_family],
        "font.size": t.font_size,
        "mathtext.fontset": MATH_FONTSET,
        "axes.unicode_minus": True,
        "text.usetex": False,
        "lines.linewidth": 1.4,
        "lines.markersize": 4.5,
        "figure.dpi": 100,
        "savefig.dpi": t.dpi,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "image.cmap": t.surface_cmap,
        "figure.constrained_layout.use": True,
    }
