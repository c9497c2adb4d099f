"""One more weight, ten times the guesses

The same {bins} bins per axis in two and in three dimensions. For the network with two weights
the grid holds {bins}² = {count_2d:,} guesses (left); for the network with three weights it
becomes a lattice of {bins}³ = {count_3d:,} guesses (right, nearer points drawn stronger
and larger, farther ones fading into the page). Every added weight multiplies the number
of guesses by {bins}.

Alt: Left, a flat square grid of {count_2d} dots with axes w₁ and w₂. Right, a cube of
{count_3d:,} dots seen at an angle, with axes w₁, w₂ and w₃; dots nearer the viewer are
stronger and larger, farther ones faint.
"""

import numpy as np

from gdcore import sampling
from gdviz import mpl as gm
from gdviz import theme as th
from gdviz.colors import mix

(BINS,) = sampling.SAMPLING_GRID_3D.bins
ELEV, AZIM = 16, -50
# the panels in figure fractions (left, bottom, width, height): room for every number and label,
# their tops on one line (so are the titles); the lattice's panel the larger, its cube zoomed
# (ZOOM) to fill it, the flat grid's square a little smaller, clear of the cube's numbers
LEFT_PANEL = (0.0778, 0.3188, 0.3254, 0.5942)
RIGHT_PANEL = (0.4873, 0.1884, 0.3968, 0.7246)
ZOOM = 1.25  # the cube drawn as wide and tall as its panel (mplot3d leaves a margin at 1)


def facts() -> dict:
    return {"bins": BINS, "count_2d": sampling.guess_count(BINS, 2),
            "count_3d": sampling.guess_count(BINS, 3)}


def _depth(pts: np.ndarray) -> np.ndarray:
    """0 (far) .. 1 (near) along the viewing direction of (ELEV, AZIM)."""
    e, a = np.radians(ELEV), np.radians(AZIM)
    view = np.array([np.cos(e) * np.cos(a), np.cos(e) * np.sin(a), np.sin(e)])
    d = (pts - 0.5) @ view
    return (d - d.min()) / (d.max() - d.min())


def make_figure(theme):
    fig = gm.new_figure(theme, 3.45)
    # placed by hand: the layout engine does not see a 3-D axes' tick numbers and labels
    fig.set_layout_engine("none")
    ax2 = fig.add_axes(LEFT_PANEL)
    ax3 = fig.add_axes(RIGHT_PANEL, projection="3d")

    pts2 = sampling.grid_points(BINS, 2)
    # guesses are not data: the neutral colour
    ax2.scatter(pts2[:, 0], pts2[:, 1], s=9, color=theme.muted, linewidths=0, zorder=3)
    ax2.set_xlim(0, 1)
    ax2.set_ylim(0, 1)
    ax2.set_aspect("equal")
    ax2.set_xticks([0, 0.5, 1], ["0.0", "0.5", "1.0"])
    ax2.set_yticks([0, 0.5, 1], ["0.0", "0.5", "1.0"])
    ax2.set_xlabel("$w_1$")
    ax2.set_ylabel("$w_2$")
    for side in ("top", "right"):
        ax2.spines[side].set_visible(True)
    ax2.set_title(th.title(f"2 weights: {sampling.guess_count(BINS, 2):,} guesses"))

    pts3 = sampling.grid_points(BINS, 3)
    depth = _depth(pts3)
    order = np.argsort(depth)  # far first, so near points are drawn on top
    far = mix(theme.background, theme.muted, 0.12)
    colors = [mix(far, theme.muted, t) for t in depth[order]]
    p = pts3[order]
    ax3.scatter(p[:, 0], p[:, 1], p[:, 2], s=1.5 + 9 * depth[order] ** 1.5, c=colors,
                linewidths=0, depthshade=False)
    ax3.view_init(elev=ELEV, azim=AZIM)
    ax3.set_box_aspect((1, 1, 1), zoom=ZOOM)
    # the cube's outline: its twelve edges, thin, to carry the perspective
    for a in range(3):
        for u in (0, 1):
            for v in (0, 1):
                seg = np.zeros((2, 3))
                seg[:, a] = (0, 1)
                seg[:, (a + 1) % 3] = u
                seg[:, (a + 2) % 3] = v
                ax3.plot(*seg.T, color=theme.muted, lw=0.5, alpha=0.6)
    gm.clear_panes(ax3, theme)
    # where two axes meet (w1's 1 and w2's 0 at the front corner, w2's 1 and w3's 0 at the
    # right-hand one) one number only: the 0 of w2 and of w3 is left out (w1's 0.0 shows
    # where the lattice starts), so no two axes' numbers stand on one line
    ticks = ([0, 0.5, 1], [0.5, 1], [0.5, 1])
    align = ("right", "left", "left")
    for axis, name, tk, ha in zip((ax3.xaxis, ax3.yaxis, ax3.zaxis), ("w_1", "w_2", "w_3"),
                                  ticks, align):
        axis.set_ticks(tk, [f"{t:.1f}" for t in tk], ha=ha)
        axis.set_label_text(f"${name}$")
        axis.labelpad = -3 if axis is ax3.zaxis else 0
    ax3.tick_params(labelsize=theme.small_size, pad=0)
    ax3.zaxis.set_tick_params(pad=1)
    ax3.set_xlim(0, 1)
    ax3.set_ylim(0, 1)
    ax3.set_zlim(0, 1)
    ax3.set_title(th.title(f"3 weights: {sampling.guess_count(BINS, 3):,} guesses"))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
