"""The before/after pictures of docs/STYLE.md: each rule drawn twice, with the settings the
figures used before the house style (written out here, on purpose) and with the house theme.

    PYTHONPATH=src python docs/style/pictures.py      # writes docs/style/<rule>-{before,after}.png

The "before" settings are kept only here, as a record: DejaVu Sans text beside Computer Modern
maths, six different start marks, numbers as a program prints them, the race maps' viridis
fills faded to 40 %, the first dark cost map (all of Viridis' hues kept deep, J' 8 to 30), and
the near-black optimizer colours of print, uncased, that the map once forced.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import matplotlib
import numpy as np

from gdcore import races, surfaces
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as house

OUT = Path(__file__).resolve().parent
#: Size of every picture (inches) and its resolution: small PNGs for a style guide.
SIZE = (2.9, 1.55)
DPI = 130
THEME = house.LIGHT

#: The settings before the house style (the first theme of the project).
OLD_RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "cm",
    "axes.unicode_minus": False,
    "font.size": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
#: The six start marks of the figures before (plot() keyword arguments).
OLD_STARTS = (
    {"marker": "o", "markersize": 7, "color": "#FDB863"},
    {"marker": "o", "markersize": 5, "color": "black"},
    {"marker": "o", "markersize": 7, "markerfacecolor": "#E66101", "markeredgecolor": "black"},
    {"marker": "o", "markersize": 6, "color": "#D62728"},
    {"marker": "o", "markersize": 7, "markerfacecolor": "white", "markeredgecolor": "black"},
    {"marker": "o", "markersize": 7, "markerfacecolor": "none", "markeredgecolor": "#555555"},
)
#: The race maps before: viridis fills at 40 % over white.
OLD_MAP_CMAP, OLD_MAP_ALPHA = "viridis", 0.4
#: The dark cost map before: Viridis' hues in J' 8 (valley) to 30 (rim), chroma × 0.6, level
#: lines 14 J' lighter; its rim olive, its valley floor near the page.
OLD_DARK_MAP = house.register_cost_map(dataclasses.replace(
    house.DARK_COST_MAP, name="dark-before",
    fills=("#1A0320", "#1A0828", "#190E2E", "#161532", "#121C33", "#0E2133", "#092732", "#062C31",
           "#02302F", "#01352B", "#033927", "#0A3C20", "#173F19", "#24410F", "#324304", "#3F4300",
           "#4B4300"),
    lines=("#3F2544", "#3D2B4C", "#3A3151", "#363754", "#333D55", "#2F4255", "#2D4854", "#2B4C52",
           "#2A514F", "#2A564B", "#2B5A46", "#2F5E3F", "#386136", "#43632C", "#516423", "#5F641C",
           "#6C631D")))
#: The light optimizer colours before the casing (gdcore.optimizers.NAMES order): dark enough
#: for WCAG 3:1 over every fill of the pale cost map, seven shades of black.
OLD_OPTIMIZERS = ("#002D00", "#0000B4", "#87003C", "#6900E1", "#004B4B", "#5A3C00", "#690069")
#: Numbers as the figures printed them before, and the values they stand for.
NUMBERS = ((1.1e12, "1.1e+12"), (3e-5, "3e-05"), (-0.25, "-0.25"), (2.7e-21, "2.7e-21"))


def figure(rc: dict):
    """A figure of SIZE drawn under rc (matplotlib's defaults for the rest)."""
    with matplotlib.rc_context(rc):
        fig = gm.new_figure(THEME, SIZE[1])
        fig.set_size_inches(*SIZE)
        fig.set_layout_engine("none")
    return fig


def save(fig, name: str, facecolor: str = "white") -> Path:
    path = OUT / f"{name}.png"
    fig.savefig(path, dpi=DPI, facecolor=facecolor)
    return path


def faces(old: bool):
    """A cost, a learning rate and a small value: two faces before, one design after."""
    rc = OLD_RC if old else house.mpl_rc(THEME)
    with matplotlib.rc_context(rc):
        fig = figure(rc)
        if old:
            lines = ("loss $J$ = 0.543", "α=0.1", r"training MSE 2.7 $\times$ $10^{-5}$")
        else:
            lines = (f"cost $J = {numbers.mathtext(0.543, 3)}$",
                     numbers.hyper(r"\alpha", 0.1, "mathtext"),
                     f"training cost {numbers.mathtext(2.7e-5)}")
        for k, s in enumerate(lines):
            fig.text(0.06, 0.74 - 0.3 * k, s, fontsize=12)
        return save(fig, f"faces-{'before' if old else 'after'}")


def markers(old: bool):
    """The starts of six runs (each a short arc to its current position): six marks before,
    one after."""
    rc = OLD_RC if old else house.mpl_rc(THEME)
    u = np.linspace(0.0, 1.0, 30)
    with matplotlib.rc_context(rc):
        fig = figure(rc)
        ax = fig.add_axes((0.03, 0.05, 0.94, 0.9))
        ax.set_axis_off()
        for k in range(6):
            x = 1.6 * k + 0.9 * u
            y = (0.9 - 1.6 * u + 0.8 * u**2) * (1 if k % 2 else -1)
            ax.plot(x, y, color=THEME.muted, linewidth=1.0)
            start = dict(OLD_STARTS[k], linestyle="none") if old else THEME.marker("start")
            ax.plot(x[:1], y[:1], **start)
            ax.plot(x[-1:], y[-1:], **THEME.marker("current"))
        ax.set_xlim(-0.3, 9.3)
        ax.set_ylim(-1.2, 1.2)
        return save(fig, f"markers-{'before' if old else 'after'}")


def numbers_picture(old: bool):
    """Four values as a program prints them, then for people."""
    rc = OLD_RC if old else house.mpl_rc(THEME)
    with matplotlib.rc_context(rc):
        fig = figure(rc)
        for k, (v, printed) in enumerate(NUMBERS):
            s = printed if old else numbers.mathtext(v)
            fig.text(0.08 + 0.46 * (k % 2), 0.62 - 0.42 * (k // 2), s, fontsize=13)
        return save(fig, f"numbers-{'before' if old else 'after'}")


def cost_map(old: bool):
    """Beale's function: faded viridis before, the house cost map after."""
    rc = OLD_RC if old else house.mpl_rc(THEME)
    X, Y, Z = races.surface_grid(races.BEALE, 200)
    with matplotlib.rc_context(rc):
        fig = figure(rc)
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_axis_off()
        if old:
            lv = np.geomspace(max(float(Z.min()), 1e-3), float(Z.max()), 16)
            cs = ax.contourf(X, Y, Z, levels=lv, cmap=OLD_MAP_CMAP,
                             norm=matplotlib.colors.LogNorm(lv[0], lv[-1]))
            cs.set_alpha(OLD_MAP_ALPHA)
        else:
            gm.contour_map(ax, THEME, X, Y, Z)
        ax.plot(*surfaces.beale.minimum, **THEME.marker("minimum"))
        ax.plot(*races.BEALE.start, **THEME.marker("start"))
        return save(fig, f"cost-map-{'before' if old else 'after'}")


def dark_cost_map(old: bool):
    """Beale's function on the dark page: the first dark map (olive rim, the valley floor near
    the page) before, the house dark map (a lit violet valley, a deep teal rim) after."""
    th = house.DARK
    if old:
        th = dataclasses.replace(th, cost_map=OLD_DARK_MAP)
    X, Y, Z = races.surface_grid(races.BEALE, 200)
    with matplotlib.rc_context(house.mpl_rc(th)):
        fig = figure(house.mpl_rc(th))
        fig.set_facecolor(th.background)
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_axis_off()
        gm.contour_map(ax, th, X, Y, Z)
        ax.plot(*surfaces.beale.minimum, **th.marker("minimum"))
        ax.plot(*races.BEALE.start, **th.marker("start"))
        return save(fig, f"cost-map-dark-{'before' if old else 'after'}", th.background)


def casing(old: bool):
    """The race over Beale's function: the near-black colours drawn straight on the map before,
    the house colours on their casings (gm.cased_under, one layer under every path) after."""
    from gdcore.optimizers import NAMES

    X, Y, Z = races.surface_grid(races.BEALE, 200)
    runs = races.run_race(races.BEALE)
    with matplotlib.rc_context(house.mpl_rc(THEME)):
        fig = figure(house.mpl_rc(THEME))
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        ax.set_axis_off()
        gm.contour_map(ax, THEME, X, Y, Z)
        for k, name in enumerate(NAMES):
            path = races.visible_path(runs[name].points, races.BEALE.window)
            (ln,) = ax.plot(path[:, 0], path[:, 1], lw=1.2, zorder=20 - k,
                            color=OLD_OPTIMIZERS[k] if old else THEME.opt(name))
            if not old:
                gm.cased_under(ax, ln, THEME, 10)
        ax.plot(*surfaces.beale.minimum, **(THEME.marker("minimum") | {"zorder": 30}))
        ax.plot(*races.BEALE.start, **(THEME.marker("start") | {"zorder": 30}))
        (x0, x1), (y0, y1) = races.BEALE.window
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        return save(fig, f"casing-{'before' if old else 'after'}")


PICTURES = (faces, markers, numbers_picture, cost_map, dark_cost_map, casing)


def main() -> int:
    for draw in PICTURES:
        for old in (True, False):
            print(draw(old).relative_to(OUT.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
