"""One more weight, ten times the guesses

The same {bins} bins per axis in two and in three dimensions. For the network with two weights
the grid holds {bins}² = {count_2d:,} guesses (left); for the network with three weights it
becomes a lattice of {bins}³ = {count_3d:,} guesses (right, seen in perspective, nearer
points drawn stronger and larger, farther ones fading into the page). Every added weight
multiplies the number of guesses by {bins}.

Alt: Left, a flat square grid of {count_2d} dots with axes w₁ and w₂. Right, a cube of the
same height holding {count_3d:,} dots, seen at an angle in perspective, with axes w₁, w₂ and
w₃; dots nearer the viewer are stronger and larger, farther ones small and faint, and the
rows of dots close up as they recede.
"""

import numpy as np

from gdcore import sampling
from gdviz import mpl as gm
from gdviz import theme as th
from gdviz.colors import mix

(BINS,) = sampling.SAMPLING_GRID_3D.bins
ELEV, AZIM = 16, -50
# the panels in figure fractions (left, bottom, width, height): room for every number and label,
# their tops on one line (so are the titles); the cube zoomed (ZOOM) to fill its panel, the
# flat grid's square as tall, so the two stand level, and clear of the cube's numbers
LEFT_PANEL = (0.0778, 0.2412, 0.3650, 0.6773)
RIGHT_PANEL = (0.5050, 0.2374, 0.3700, 0.6757)
FOCAL = 0.6  # the perspective camera's focal length (mplot3d's: 1 is a 90° field of view)
ZOOM = 1.25  # the cube drawn as wide and tall as its panel (mplot3d leaves a margin at 1)


def facts() -> dict:
    return {"bins": BINS, "count_2d": sampling.guess_count(BINS, 2),
            "count_3d": sampling.guess_count(BINS, 3)}


def _view() -> np.ndarray:
    """The unit vector from the cube's centre towards the camera at (ELEV, AZIM)."""
    e, a = np.radians(ELEV), np.radians(AZIM)
    return np.array([np.cos(e) * np.cos(a), np.cos(e) * np.sin(a), np.sin(e)])


def _depth(pts: np.ndarray) -> np.ndarray:
    """0 (far) .. 1 (near) along the viewing direction of (ELEV, AZIM)."""
    d = (pts - 0.5) @ _view()
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
    # depth by three cues at once: the nearest dots the ink's neutral and largest, the
    # farthest near the page colour and small, and a perspective camera, so the rows of the
    # lattice close up as they recede
    far = mix(theme.background, theme.muted, 0.06)
    colors = [mix(far, theme.muted, t ** 1.3) for t in depth[order]]
    p = pts3[order]
    ax3.scatter(p[:, 0], p[:, 1], p[:, 2], s=0.8 + 11 * depth[order] ** 2, c=colors,
                linewidths=0, depthshade=False)
    ax3.view_init(elev=ELEV, azim=AZIM)
    ax3.set_proj_type("persp", focal_length=FOCAL)
    ax3.set_box_aspect((1, 1, 1), zoom=ZOOM)
    # the cube's outline: the nine edges seen from the camera, thin, to carry the perspective
    # (the three that meet at the hidden far corner would run behind the dots, through them)
    corners = np.array([[a, b, c] for a in (0.0, 1.0) for b in (0.0, 1.0) for c in (0.0, 1.0)])
    hidden = corners[np.argmin((corners - 0.5) @ _view())]  # the corner farthest from the camera
    for a in range(3):
        for u in (0, 1):
            for v in (0, 1):
                seg = np.zeros((2, 3))
                seg[:, a] = (0, 1)
                seg[:, (a + 1) % 3] = u
                seg[:, (a + 2) % 3] = v
                if any(np.allclose(end, hidden) for end in seg):
                    continue
                ax3.plot(*seg.T, color=theme.muted, lw=0.5, alpha=0.6, gid="cube-edge")
    gm.clear_panes(ax3, theme)
    ax3.grid(False)  # no pane gridlines through the lattice
    for axis in (ax3.xaxis, ax3.yaxis, ax3.zaxis):
        axis.pane.set_edgecolor((0, 0, 0, 0))
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
