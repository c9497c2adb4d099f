"""One more weight, ten times the guesses

The same {bins} bins per axis in two and in three dimensions. For the network with two weights
the grid holds {bins}² = {count_2d:,} guesses (left); for the network with three weights it
becomes a lattice of {bins}³ = {count_3d:,} guesses (right, seen in perspective, nearer
points drawn stronger and larger, farther ones paler and smaller). Every added weight
multiplies the number of guesses by {bins}.

Alt: Left, a flat square grid of {count_2d} dots with axes w₁ and w₂. Right, a cube of the
same height holding {count_3d:,} dots, seen at an angle in perspective, with axes w₁, w₂ and
w₃, all twelve edges of the cube drawn, the three at the far corner fainter, a faint grid on
its floor under the columns of dots; dots nearer the
viewer are stronger and larger, farther ones smaller and paler, and the rows of dots close up
a little as they recede.
"""

import numpy as np

from gdcore import sampling
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th
from gdviz import views
from gdviz.colors import mix

(BINS,) = sampling.SAMPLING_GRID_3D.bins
#: The camera: above the cube and turned off its faces and its diagonals (at −55° and −62° the
#: lattice's rows lined up into rays and a moiré), so its near vertical edge reads near and the
#: dots lie as an even texture.
ELEV, AZIM = 28, -40
# the panels in figure fractions (left, bottom, width, height): room for every number and label,
# their tops on one line (so are the titles); the cube zoomed (ZOOM) to fill its panel, the
# flat grid's square as tall, so the two stand level, and clear of the cube's numbers
LEFT_PANEL = (0.0928, 0.1739, 0.3650, 0.7225)
RIGHT_PANEL = (0.5200, 0.1757, 0.3700, 0.7207)
FOCAL = 1.6  # the perspective camera's focal length (mplot3d's: 1 is a 90° field of view)
HEIGHT = 3.0  # inches
#: Depth cues, mild: the farthest dots' ink (a share of the neutral's over the page) and
#: their size, and how much the nearest grow (points²); the far edges' opacity.
FAR_INK = 0.3
SIZE_FAR, SIZE_GROWTH = 2.5, 7.5
FAR_EDGE = 0.35
LABEL_PADS = (0, 0, -2)  # w1, w2, w3 titles' distance from their numbers
X_TICK_PAD = -2  # w1's numbers drawn in towards their axis (mplot3d sets them far off it)
#: The numbers' alignment on w1, w2, w3: w1's set left of their ticks, w2's below theirs and
#: w3's above, so no two axes' numbers read as one.
TICK_ALIGN = (("right", "center"), ("left", "top"), ("left", "bottom"))
#: Each axis's ticks: w1 from 0 to 1, as the flat grid's, and w2 and w3 from their middles, as
#: the video numbers them: each starts at a corner where the axis before it ends, and there its
#: 0 stood on one line with that axis's 1 (w1's 1 beside w2's 0 at the front corner,
#: w2's 1 over w3's 0 at the right one), two axes' numbers read as one; w1's 0, alone at
#: its corner, says where they all start.
TICKS = ([0, 0.5, 1], [0.5, 1], [0.5, 1])
#: The floor's grid: a line under each row of the lattice, both ways, on the floor w3 = 0, thin
#: and faint under the dots: the columns of guesses stand on it, and its lines closing up with
#: the distance tell the depth (without it the lattice floated in its box).
FLOOR_LW, FLOOR_ALPHA = 0.4, 0.45
#: The cube as large as its panel holds with the title clear above it: at 1.15 its far top
#: corner ran up into the title's line and off the panel.
ZOOM = 1.07


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


def _flat_grid(ax, theme):
    """The two weights' grid, drawn as sampling-grid-2d draws its grids."""
    pts2 = sampling.grid_points(BINS, 2)
    # guesses are not data: the neutral colour
    ax.scatter(pts2[:, 0], pts2[:, 1], s=9, color=theme.muted, linewidths=0, zorder=3)
    ax.set_xlim(-views.GRID_MARGIN, 1 + views.GRID_MARGIN)
    ax.set_ylim(-views.GRID_MARGIN, 1 + views.GRID_MARGIN)
    ax.set_aspect("equal")
    ax.set_xticks([0, 0.5, 1])  # numbered by the house tick formatter (gm.build): 0, 0.5, 1
    ax.set_yticks([0, 0.5, 1])
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)
    ax.set_title(th.title(views.guesses_title(BINS, 2, sampling.guess_count(BINS, 2))))


def _cube_edges(ax3, theme):
    """The cube's twelve edges, thin: the three that meet at the far corner, behind the
    lattice, fainter (drawn first, under the dots), the nine in view over them."""
    corners = np.array([[a, b, c] for a in (0.0, 1.0) for b in (0.0, 1.0) for c in (0.0, 1.0)])
    hidden = corners[np.argmin((corners - 0.5) @ _view())]  # the corner farthest from the camera
    for a in range(3):
        for u in (0, 1):
            for v in (0, 1):
                seg = np.zeros((2, 3))
                seg[:, a] = (0, 1)
                seg[:, (a + 1) % 3] = u
                seg[:, (a + 2) % 3] = v
                far = any(np.allclose(end, hidden) for end in seg)
                ax3.plot(*seg.T, color=theme.muted, lw=0.5, alpha=FAR_EDGE if far else 0.8,
                         gid="cube-edge-far" if far else "cube-edge", zorder=0 if far else 5)


def _floor_grid(ax3, theme):
    """A line on the floor (w3 = 0) under each row of the lattice, both ways (gid
    "floor-grid"), under the dots."""
    rows = np.unique(sampling.grid_points(BINS, 1)[:, 0])
    for v in rows:
        for seg in (([v, v], [0, 1]), ([0, 1], [v, v])):
            ax3.plot(*seg, [0, 0], color=theme.muted, lw=FLOOR_LW, alpha=FLOOR_ALPHA,
                     gid="floor-grid", zorder=1)


def make_figure(theme):
    fig = gm.new_figure(theme, HEIGHT)
    # placed by hand: the layout engine does not see a 3-D axes' tick numbers and labels
    fig.set_layout_engine("none")
    ax2 = fig.add_axes(LEFT_PANEL)
    ax3 = fig.add_axes(RIGHT_PANEL, projection="3d")
    _flat_grid(ax2, theme)

    pts3 = sampling.grid_points(BINS, 3)
    depth = _depth(pts3)
    order = np.argsort(depth)  # far first, so near points are drawn on top
    _floor_grid(ax3, theme)
    # depth by three cues at once, each mild: the nearest dots the ink's neutral and largest,
    # the farthest paler and smaller (never lost in the page), and a perspective camera
    ax3.computed_zorder = False
    far = mix(theme.background, theme.muted, FAR_INK)
    colors = [mix(far, theme.muted, t) for t in depth[order]]
    p = pts3[order]
    ax3.scatter(p[:, 0], p[:, 1], p[:, 2], s=SIZE_FAR + SIZE_GROWTH * depth[order], c=colors,
                linewidths=0, depthshade=False, zorder=2)
    ax3.view_init(elev=ELEV, azim=AZIM)
    ax3.set_proj_type("persp", focal_length=FOCAL)
    ax3.set_box_aspect((1, 1, 1), zoom=ZOOM)
    _cube_edges(ax3, theme)
    gm.clear_panes(ax3, theme)
    ax3.grid(False)  # no pane gridlines through the lattice
    for axis in (ax3.xaxis, ax3.yaxis, ax3.zaxis):
        axis.pane.set_edgecolor((0, 0, 0, 0))
    # each number beside its own axis, one number at each corner of the cube
    for axis, name, (ha, va), ticks in zip((ax3.xaxis, ax3.yaxis, ax3.zaxis),
                                           ("w_1", "w_2", "w_3"), TICK_ALIGN, TICKS):
        axis.set_ticks(ticks, [nb.tick(t) for t in ticks], ha=ha, va=va)
        axis.set_label_text(f"${name}$")
    ax3.xaxis.labelpad, ax3.yaxis.labelpad, ax3.zaxis.labelpad = LABEL_PADS
    ax3.tick_params(labelsize=theme.small_size, pad=0)
    ax3.xaxis.set_tick_params(pad=X_TICK_PAD)
    ax3.set_xlim(0, 1)
    ax3.set_ylim(0, 1)
    ax3.set_zlim(0, 1)
    ax3.set_title(th.title(views.guesses_title(BINS, 3, sampling.guess_count(BINS, 3))))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
