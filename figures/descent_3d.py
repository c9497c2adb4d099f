"""Descending the cost surface

The mountain climber's walk: gradient descent on J(m, b) drawn on the cost surface itself. The
ball starts high on the wall, at (m, b) = ({m0}, {b0}) where J = {j0}, and takes {steps} steps
with the learning rate α = {lr}; the dots mark {shown} of its points, every step at first,
fewer as the steps shorten, each at the height of the cost there. Its first step overshoots: it
falls to J = {j1} on the opposite wall (m = {m1}), still on the drawn surface, and its second
runs back over it (an arrowhead on each shows the way); within a few steps it settles on the
floor, turns and follows the nearly flat floor to the minimum, ending at J = {j_end} (the least
J is {j_star}), at the star: the house end square sits just beside the star, on the side the
path comes from, neither hiding the other. Above, the floor seen from above and enlarged,
the path from its third point on, where the dots that the surface's view piles under the star
lie apart: after its first steps across the floor, the path turns and runs down the floor in
ever shorter steps to the star, the end square again just beside it.

Alt: A lit, meshed, trough-shaped surface over the m and b axes. A path of dots starts as a
ring high on the right-hand wall, drapes down across the valley to a dot on the left-hand wall
(an arrowhead pointing left) and comes back to the floor in a few short steps (one pointing
right); its later dots pile up under the green star that marks the minimum, a small square
just beside it, the mark of the end. Above it, a small flat contour map of
the floor: the path crosses it, then a line of dots, closer and closer together, runs down the
floor to the star, the square beside it.
"""

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from mpl_toolkits.mplot3d import proj3d

from gdcore import data, descent, regression
from gdcore.cost_descent import DESCENT_3D
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.cost_surface import draw_surface

#: Layout: the page's height (inches; its width is the text width, the 3-D drawing's own
#: proportions fill it) and the 3-D axes' box on it (figure fractions).
HEIGHT = 3.8
AXES_BOX = (-0.17, -0.07, 1.32, 1.16)
#: The 3-D box's proportions (m, b, J): wider than the stills' cube, as wide as the page.
BOX_ASPECT = (1.6, 1.0, 0.75)
#: The floor view's box on the page (figure fractions): the empty top of the page, clear of
#: the J axis and the surface's back edge.
FLOOR_BOX = (0.5, 0.75, 0.28, 0.19)


def trajectory():
    return DESCENT_3D.run()


def shown_steps(t) -> np.ndarray:
    """The steps drawn as dots: dense early, sparse on the slow valley floor."""
    return descent.log_schedule(t.steps, 40)


def facts() -> dict:
    t = trajectory()
    x, y = data.regression_points()
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    return dict(m0=numbers.text(DESCENT_3D.start[0]), b0=numbers.text(DESCENT_3D.start[1]),
                j0=numbers.cost(t.losses[0]), j1=numbers.cost(t.losses[1]),
                steps=numbers.count(t.steps), lr=numbers.text(DESCENT_3D.lr_good),
                shown=numbers.count(len(shown_steps(t))), m1=numbers.text(t.points[1, 0], 2),
                j_end=numbers.cost(t.losses[-1]), j_star=numbers.cost(j_star))


def floor_window(t, shown, shape: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The (m, b) box of the floor view: every drawn point from the first one back on the floor
    (the third) on, with a margin of 15 % of its size (room for the star and the end square
    round it at the last one), 30 % below; then widened about its middle along m or b to the
    view's shape (its width over its height on the page), so that a unit of m and of b are as
    long on the page and the contours keep their shape."""
    pts = t.points[shown[2:]]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = 0.15 * (hi - lo)
    (m0, m1), (b0, b1) = (lo[0] - pad[0], hi[0] + pad[0]), (lo[1] - 2 * pad[1], hi[1] + pad[1])
    grow_m, grow_b = max(shape * (b1 - b0) - (m1 - m0), 0), max((m1 - m0) / shape - (b1 - b0), 0)
    return (m0 - grow_m / 2, m1 + grow_m / 2), (b0 - grow_b / 2, b1 + grow_b / 2)


def floor_shape(fig) -> float:
    """The floor view's width over its height on the page."""
    w, h = fig.get_size_inches()
    return FLOOR_BOX[2] * w / (FLOOR_BOX[3] * h)


def floor_view(fig, theme, x, y, t, shown, end):
    """The valley floor seen from above, enlarged (the 3-D view piles its dots under the
    star): contours of J, the path and its dots, the end square beside the
    star."""
    (m0, m1), (b0, b1) = floor_window(t, shown, floor_shape(fig))
    ax = fig.add_axes(FLOOR_BOX)
    M, B, J = regression.cost_grid(x, y, (m0, m1), (b0, b1), 120)
    gm.contour_map(ax, theme, M, B, J)
    # the path from the first point back on the floor (the third) on: inside the view, none of
    # it cut by the frame (the first two steps are the 3-D view's)
    pts = t.points[shown[2]: shown[-1] + 1]
    ax.plot(pts[:, 0], pts[:, 1], color=theme.accent, linewidth=1.0, zorder=3, gid="floor-path")
    # small and edgeless: where the steps shorten they make a line, not a caterpillar
    ax.plot(t.points[shown, 0], t.points[shown, 1], "o", color=theme.accent, markersize=2,
            mew=0, zorder=4, gid="floor-dots")
    star_xy = regression.least_squares(x, y)
    gm.end_at(ax, theme, tuple(t.points[-1]), end, star_xy=star_xy, star={"zorder": 4.5},
              gid="floor-end", before=t.points)
    ax.plot(*star_xy, **{**theme.marker("minimum"), "zorder": 4.5}, gid="floor-minimum")
    ax.set_xlim(m0, m1)
    ax.set_ylim(b0, b1)
    ax.set_xlabel(th.AXIS_LABELS["slope"], labelpad=1)
    ax.set_ylabel(th.AXIS_LABELS["intercept"], labelpad=6)
    # three ticks a side in round steps, only those inside the box (no hidden labels beyond
    # its edges)
    ax.set_xticks([v for v in MaxNLocator(4, steps=[1, 2, 5, 10]).tick_values(m0, m1)
                   if m0 <= v <= m1])
    ax.set_yticks([v for v in MaxNLocator(3).tick_values(b0, b1) if b0 <= v <= b1])
    ax.tick_params(labelsize=theme.small_size, pad=1.5)
    ax.set_title(th.title("the floor from above"), pad=3)
    # a page-coloured card under the view and its numbers, so that the 3-D grid behind does
    # not run through them
    ax.set_zorder(2)
    x0, y0, w, h = FLOOR_BOX
    fig.add_artist(Rectangle((x0 - 0.085, y0 - 0.085), w + 0.085, h + 0.14,
                             transform=fig.transFigure, facecolor=theme.background,
                             edgecolor="none", zorder=1))
    return ax


def make_figure(theme):
    x, y = data.regression_points()
    t = trajectory()
    # cropped to the drawing: the 3-D box fills the page
    fig = gm.new_figure(theme, height=HEIGHT)
    fig.set_layout_engine("none")
    ax3 = fig.add_axes(AXES_BOX, projection="3d", computed_zorder=False)  # the path on top
    draw_surface(ax3, theme, x, y)  # the one surface drawing (its minimum starred on top)
    ax3.set_box_aspect(BOX_ASPECT, zoom=1.1)
    shown = shown_steps(t)
    m, b = t.points[shown, 0], t.points[shown, 1]
    lift = 0.01 * float(np.ptp(t.losses))  # keep the path just above the shaded faces
    # between two steps the line runs over the surface (heights gdcore's cost), not through the
    # air: each segment in 12 pieces
    u = np.linspace(0.0, 1.0, 12, endpoint=False)
    dm = np.append(np.concatenate([m[:-1, None] + u * np.diff(m)[:, None]]).ravel(), m[-1])
    db = np.append(np.concatenate([b[:-1, None] + u * np.diff(b)[:, None]]).ravel(), b[-1])
    ax3.plot(dm, db, regression.cost(dm, db, x, y) + lift, color=theme.accent, linewidth=1.6,
             zorder=20)
    ax3.scatter(m, b, t.losses[shown] + lift, color=theme.accent, s=6, depthshade=False,
                zorder=21)
    ax3.plot([m[0]], [b[0]], [t.losses[0] + lift], **{**theme.marker("start"), "zorder": 22},
             label="start")
    # the end: the house end square at the last point (0.003 from the minimum), set beside the
    # minimum's star on the side the run comes from (gm.end_at), at the projection of the
    # final layout
    end = {**theme.marker("end"), "markerfacecolor": theme.accent}
    star = [ln for ln in ax3.lines if ln.get_label() == "minimum"][0]
    star.set_zorder(23)
    fig.canvas.draw()
    xy = proj3d.proj_transform(m[-1], b[-1], t.losses[-1] + lift, ax3.get_proj())[:2]
    star_xy = proj3d.proj_transform(*np.ravel(star.get_data_3d()), ax3.get_proj())[:2]
    before = [proj3d.proj_transform(p, q, r + lift, ax3.get_proj())[:2]
              for p, q, r in zip(m, b, t.losses[shown])]
    gm.end_at(ax3, theme, xy, end, star_xy=star_xy, star={"zorder": 23}, gid="end",
              label=f"after {numbers.count(t.steps)} steps", clip_on=False, before=before)
    # the way the path goes: an arrowhead half-way along each of its first two steps (across
    # the valley, then back), where the second runs back over the first
    proj = ax3.get_proj()
    for k in (0, 1):
        seg = [shown[k], shown[k + 1]]
        mid = t.points[seg].mean(axis=0)
        ahead = t.points[seg[0]] + 0.56 * np.diff(t.points[seg], axis=0)[0]
        ends = [proj3d.proj_transform(*q, regression.cost(*q, x, y) + lift, proj)[:2]
                for q in (mid, ahead)]
        ax3.annotate("", xy=ends[1], xytext=ends[0], zorder=21, gid=f"way-{k + 1}",
                     arrowprops=dict(arrowstyle="-|>,head_length=0.9,head_width=0.45",
                                     color=theme.accent, linewidth=0, shrinkA=0, shrinkB=0))
    floor_view(fig, theme, x, y, t, shown, end)
    dot = Line2D([], [], ls="none", marker="o", ms=3, color=theme.accent, mec="none",
                 label=f"{numbers.count(len(shown))} of its points")
    handles, _ = ax3.get_legend_handles_labels()
    # on a page-coloured card: the 3-D box's grid lines stop short of the key
    key = ax3.legend(handles=[*handles[:2], dot, handles[2]], loc="upper left",
                     bbox_to_anchor=(0.01, 0.99), bbox_transform=fig.transFigure,
                     borderaxespad=0, fontsize=theme.small_size, frameon=True, framealpha=1,
                     facecolor=theme.background, edgecolor="none", borderpad=0.3)
    key.set_zorder(30)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
