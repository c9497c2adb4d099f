"""Sampling two weights on a grid

Brute-force search over the two weights w₁ and w₂ of the first tiny network: each point is one
guess, the centre of a grid cell. Dividing each axis into {bins_a} bins gives {bins_a}² =
{count_a:,} guesses (left) that cover the square coarsely; {bins_b} bins per axis give
{bins_b}² = {count_b:,} guesses (right) that cover it densely. Still cheap, for two weights.

Alt: Two square plots with axes w₁ and w₂ from 0 to 1. The left holds a regular {bins_a} by
{bins_a} grid of dots; the right a {bins_b} by {bins_b} grid so dense it looks almost solid.
"""

from gdcore import sampling
from gdviz import mpl as gm
from gdviz import theme as th

BINS = sampling.SAMPLING_GRID_2D.bins
(DIMS,) = sampling.SAMPLING_GRID_2D.dims


def facts() -> dict:
    a, b = BINS
    return {"bins_a": a, "bins_b": b, "count_a": sampling.guess_count(a, DIMS),
            "count_b": sampling.guess_count(b, DIMS)}


def make_figure(theme):
    fig, axes = gm.subplots(theme, 1, 2, height=3.25)
    for ax, bins in zip(axes, BINS):
        pts = sampling.grid_points(bins, DIMS)
        # guesses are not data: the neutral colour. The dense grid's dots 1.3 pt wide on its
        # 1.9 pt pitch: smaller dots beat against the pixel grid into bands
        size = 9.0 if bins <= 10 else 1.7
        sc = ax.scatter(pts[:, 0], pts[:, 1], s=size, color=theme.muted, linewidths=0,
                        zorder=3)
        if len(pts) > 1000:
            sc.set_rasterized(True)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_aspect("equal")
        ax.set_xticks([0, 0.5, 1], ["0.0", "0.5", "1.0"])
        ax.set_yticks([0, 0.5, 1], ["0.0", "0.5", "1.0"])
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        for side in ("top", "right"):
            ax.spines[side].set_visible(True)
        count = sampling.guess_count(bins, DIMS)
        ax.set_title(th.title(f"{bins} bins per axis: {count:,} guesses"))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
