"""Sampling two weights on a grid

Brute-force search over the two weights w₁ and w₂ of the first tiny network: each point is one
guess, the centre of a grid cell. Dividing each axis into {bins_a} bins gives {bins_a}² =
{count_a:,} guesses (left) that cover the square coarsely; {bins_b} bins per axis give
{bins_b}² = {count_b:,} guesses (right) that cover it densely. Still cheap, for two weights.

Alt: Two square plots with axes w₁ and w₂ from 0 to 1. The left holds a regular {bins_a} by
{bins_a} grid of dots; the right a {bins_b} by {bins_b} grid so dense it looks almost solid.
"""

import math

from gdcore import sampling
from gdviz import mpl as gm
from gdviz import theme as th
from gdviz import views

BINS = sampling.SAMPLING_GRID_2D.bins
(DIMS,) = sampling.SAMPLING_GRID_2D.dims
HEIGHT = 3.35  # inches
INSET = 0.02  # the frame's least margin around the square of guesses, a fraction of its side


def facts() -> dict:
    a, b = BINS
    return {"bins_a": a, "bins_b": b, "count_a": sampling.guess_count(a, DIMS),
            "count_b": sampling.guess_count(b, DIMS)}


def make_figure(theme):
    fig, axes = gm.subplots(theme, 1, 2, height=HEIGHT)
    for ax, bins in zip(axes, BINS):
        pts = sampling.grid_points(bins, DIMS)
        # guesses are not data: the neutral colour. The dense grid's dots 1.3 pt wide on its
        # 1.9 pt pitch, kept as vector marks (one marker path, placed 10,000 times), so the
        # printer sets each dot; in a PNG each dot is snapped to a whole pixel, so every dot
        # has one shape and no half-pixel phase beats against the pixel grid into bands
        size = 9.0 if bins <= 10 else 1.7
        sc = ax.scatter(pts[:, 0], pts[:, 1], s=size, color=theme.muted, linewidths=0, zorder=3)
        sc.set_snap(True)
        # the frame set off the outer dots by INSET of the square on every side
        ax.set_xlim(-INSET, 1 + INSET)
        ax.set_ylim(-INSET, 1 + INSET)
        ax.set_aspect("equal")
        ax.set_xticks([0, 0.5, 1])  # numbered by the house tick formatter (gm.build): 0, 0.5, 1
        ax.set_yticks([0, 0.5, 1])
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        for side in ("top", "right"):
            ax.spines[side].set_visible(True)
        ax.set_title(th.title(views.guesses_title(bins, DIMS, sampling.guess_count(bins, DIMS))))
    # both panels at the dense one's limits: one scale, their ticks at one place in the frame
    lims = _whole_pixel_pitch(fig, axes[1], BINS[1], theme.dpi)
    axes[0].set_xlim(*lims[0])
    axes[0].set_ylim(*lims[1])
    return fig


def _whole_pixel_pitch(fig, ax, bins: int, dpi: float) -> list:
    """Fix the layout, then widen the dense panel's limits a little so that at the PNG's `dpi`
    its dots stand a whole number of pixels apart, each well inside one pixel: every row and
    column then has the same gap, where a fractional pitch alternates gaps of n and n + 1
    pixels into row-pair bands. The frame keeps at least INSET clear round the dots, the
    square of dots centred in it to a pixel. Returns the (x, y) limits set."""
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    ax.apply_aspect()
    box = ax.get_position()
    w_in, h_in = fig.get_size_inches()
    side = min(box.width * w_in, box.height * h_in) * dpi  # the square's side, in pixels
    pitch = math.floor(side / (bins * (1 + 2 * INSET)))  # whole pixels between dots
    span = side / (pitch * bins)  # the limits' span that gives that pitch
    first = 0.5 / bins  # the first dot, a cell centre
    limits = []
    for origin in (box.x0 * w_in * dpi, box.y0 * h_in * dpi):
        # the first dot where the square of dots would sit centred in the frame
        at = origin + (first + (span - 1) / 2) * side / span
        # a quarter pixel into one pixel, clear of the half-pixel and whole-pixel points where
        # the renderer's rounding of each dot to its pixel could go either way
        centre = math.floor(at) + 0.25
        limits.append(first - (centre - origin) * span / side)
    for lo, set_lim in zip(limits, (ax.set_xlim, ax.set_ylim)):
        set_lim(lo, lo + span)
    return [(lo, lo + span) for lo in limits]


if __name__ == "__main__":
    gm.main(__file__)
