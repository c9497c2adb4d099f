"""Descending the cost surface

The mountain climber's walk: gradient descent on J(m, b) drawn on the cost surface itself,
coloured as the cost map is (its violet floor round the minimum is the valley's shape). The
run starts high on the wall, at (m, b) = ({m0},
{b0}) where J = {j0}, and takes {steps} steps with the learning rate α = {lr} (the key names its
start: not the (3, −4) of the same run on the cost map); each point of its path is drawn at the
height of the cost there, each step a straight jump from one point to the next (a step is not a
slide down the surface: on this bowl the jump's straight line runs above it). Its first step
overshoots: it falls to J = {j1} on the opposite wall (m = {m1}), still on the drawn surface,
and its second jumps back over the valley to the floor: these two steps are drawn as arrows, and
a dot marks the end of each of the first three. From the fourth step on, the steps are too short
to tell apart at this scale: they pile up under the star that marks the minimum, the run ending
at J = {j_end} (the least J is {j_star}), on the minimum: the end square, hollow, at the last
point, frames the star. The whole bowl is drawn, m from {m_lo} to {m_hi} and b from {b_lo} to
{b_hi}, the minimum in the middle of its floor, in plain view: no part of the bowl lies between
it and the eye. A small box is outlined on the floor round the minimum. It is drawn enlarged at
the bottom left, under the m axis, seen from above, joined to it by two thin lines that run down
across the front of the bowl: from the third point on, the path zig-zags across the floor in
ever shorter steps, turns and runs down the
floor to the star, the hollow end square again framing it.

Alt: A lit, trough-shaped surface with a square mesh over the m and b axes, J ticked from 0 to
200, its floor violet round the minimum, which a star marks in the middle of the bowl. A
ring high on the right-hand wall, labelled J = {j0}, starts a path of straight arrows: the first
jumps left across the valley to a dot on the left-hand wall, the second back across it to a dot
on the floor; a third, shorter step lands by the star that marks the minimum, framed by a hollow
square, the mark of the end. A thin box is outlined on the floor round them. At the bottom
left, under the m axis, joined to the box by two thin lines running down across the front of
the bowl, a small flat contour map of what is
inside the box: the path crosses it from the right, zig-zags in ever shorter arrows and a line
of dots, then runs down the floor to the star, framed by the hollow square.
"""

import numpy as np
from matplotlib.patches import ConnectionPatch
from matplotlib.ticker import MaxNLocator
from mpl_toolkits.mplot3d import proj3d

from gdcore import data, regression
from gdcore.cost_descent import DESCENT_3D
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th
from gdviz.cost_surface import TICKS, draw_surface

#: Layout: the page's height (inches; its width is the text width, the 3-D drawing's own
#: proportions fill it, the legend in its top left corner) and the 3-D axes' box on it (figure
#: fractions): cropped to the drawing, its numbers and labels a few points from each edge. The
#: box's top, over its back corner where the surface lies on the floor, holds nothing: it is
#: cropped off (4.8 inches tall, the page's top 18 % was that corner's empty panes).
HEIGHT = 3.7
AXES_BOX = (-0.155, 0.1405, 1.34, 1.169)
#: The legend: in the page's top left corner, over the surface's low back corner (room the
#: bowl leaves empty there), in LEGEND_COLUMNS columns; under the drawing it took a row of
#: its own.
LEGEND_COLUMNS = 1
#: The 3-D box's proportions (m, b, J): wider than the stills' cube, as wide as the page.
BOX_ASPECT = (1.6, 1.0, 0.75)
#: How far the 3-D box is enlarged in its axes: the surface spans the page's width.
ZOOM = 1.15
#: The box drawn without its panes' grid: it stood over the empty back corner, and cropped
#: there it would be cut by the page's edge; the three axes, ticked, give the scale.
#: The whole bowl is drawn, b over the house window (views.B_RANGE), ticked as every surface
#: is (cost_surface.TICKS: by 4, the front and back corners' numbers left out). Cut at the
#: floor view's window's front edge (b from 0.73), it was half a bowl: a trough sliced through
#: its floor, whose front wall the page never showed.
B_TICKS = tuple(TICKS[1])
#: The J ticks: from the floor's 0 (the other axes' are the surface's own, cost_surface.TICKS).
J_TICKS = (0.0, 100.0, 200.0)
#: The house descent path's arrows and step dots: arrows on the first two steps (across the
#: valley and back: the third would run back over the second, its head under the end square),
#: dots at the ends of the first three, the ones that stand apart on the page (the fourth lands
#: within the star's reach).
JUMPS, STEP_DOTS = 2, 3
#: The least distance (points) between two landing dots of the floor view: a dot's width.
FLOOR_DOT_GAP = 3.5
#: The floor view's box on the page (figure fractions): the bottom left, in the clear room
#: under the m axis, outside the 3-D box (over its back panes it hid them, and its leaders ran
#: up across the surface and the path); from there they run down from the window's front
#: corners, under the path, to the view's top.
FLOOR_BOX = (0.09, 0.082, 0.24, 0.221)
#: Its title: what it shows, the window outlined on the surface. Set beside the view, right of
#: its lower corner, in the clear room under the m axis: over the view both leaders, which run
#: up from its top corners to the window, crossed its words.
FLOOR_TITLE = "inside the box,\nfrom above"
#: The casing (points each side) of the leaders, which cross the front of the bowl.
LEADER_CASING = 0.6
#: Where the title stands: its left end this share of the view's width right of the view, its
#: last line on the view's bottom.
FLOOR_TITLE_X = 1.04


def run_label() -> str:
    """The run's key: the house name of the run and its start, which is not the (3, −4) of
    gd-regression's and cost-heatmap's run of the same name."""
    m0, b0 = (numbers.latex(v) for v in DESCENT_3D.start)
    return f"{views.run_name(DESCENT_3D.lr_good)} from $(m, b) = ({m0}, {b0})$"


def trajectory():
    return DESCENT_3D.run()


def facts() -> dict:
    t = trajectory()
    x, y = data.regression_points()
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    return dict(m0=numbers.text(DESCENT_3D.start[0]), b0=numbers.text(DESCENT_3D.start[1]),
                m_lo=numbers.text(views.M_RANGE[0]), m_hi=numbers.text(views.M_RANGE[1]),
                b_lo=numbers.text(views.B_RANGE[0]), b_hi=numbers.text(views.B_RANGE[1]),
                j0=numbers.cost(t.losses[0]), j1=numbers.cost(t.losses[1]),
                steps=numbers.count(t.steps), lr=numbers.text(DESCENT_3D.lr_good),
                m1=numbers.text(t.points[1, 0], 2),
                j_end=numbers.cost(t.losses[-1]), j_star=numbers.cost(j_star))


def floor_window(t, shape: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The (m, b) box of the floor view: every point from the first one back on the floor
    (the third) on, with a margin of 15 % of its size (room for the star and the end square
    round it at the last one), 30 % below; then widened about its middle along m or b to the
    view's shape (its width over its height on the page), so that a unit of m and of b are as
    long on the page and the contours keep their shape."""
    pts = t.points[2:]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = 0.15 * (hi - lo)
    (m0, m1), (b0, b1) = (lo[0] - pad[0], hi[0] + pad[0]), (lo[1] - 2 * pad[1], hi[1] + pad[1])
    grow_m, grow_b = max(shape * (b1 - b0) - (m1 - m0), 0), max((m1 - m0) / shape - (b1 - b0), 0)
    return (m0 - grow_m / 2, m1 + grow_m / 2), (b0 - grow_b / 2, b1 + grow_b / 2)


def floor_shape(fig) -> float:
    """The floor view's width over its height on the page."""
    w, h = fig.get_size_inches()
    return FLOOR_BOX[2] * w / (FLOOR_BOX[3] * h)


def floor_view(fig, theme, x, y, t, end, ax3):
    """The valley floor inside the window outlined on the surface, seen from above and
    enlarged (the 3-D view piles the steps from the fourth on under the star): contours of J
    in the colours of the surface on ax3 (one colour, one J in both), the house descent path
    from the third point (the first back on the floor) on, the end square framing the star."""
    (m0, m1), (b0, b1) = floor_window(t, floor_shape(fig))
    ax = fig.add_axes(FLOOR_BOX)  # in clear room: no card under it
    M, B, J = regression.cost_grid(x, y, (m0, m1), (b0, b1), 120)
    gm.inset_map(ax, ax3, theme, M, B, J)
    ax.set_xlim(m0, m1)  # before the path: its steps are measured on the page
    ax.set_ylim(b0, b1)
    pts = t.points[2:]
    gm.descent_path(ax, theme, pts, jumps=3, steps=6, gid="floor-path")
    # of those six landings only the ones a dot's width apart on the page: the fourth to the
    # sixth land within a dot of each other where the zig-zag turns down the floor
    (dots,) = [ln for ln in ax.lines if ln.get_gid() == "floor-path-steps"]
    xy = dots.get_xydata()
    keep = gm.apart(ax, xy, FLOOR_DOT_GAP)
    dots.set_data(*xy[keep].T)
    # its first point, a step dot of the 3-D view (the path's third): the same dot here
    ax.plot(*pts[0], linestyle="none", marker="o", markersize=3.0, markerfacecolor=theme.accent,
            markeredgecolor=theme.background, markeredgewidth=0.5, zorder=6, gid="floor-entry")
    star_xy = regression.least_squares(x, y)
    gm.end_at(ax, theme, tuple(t.points[-1]), end, star_xy=star_xy, star={"zorder": 4.5},
              gid="floor-end")
    ax.plot(*star_xy, **{**theme.marker("minimum"), "zorder": 4.5}, gid="floor-minimum")
    ax.set_xlabel(th.AXIS_LABELS["slope"], labelpad=1)
    ax.set_ylabel(th.AXIS_LABELS["intercept"], labelpad=6)
    # three ticks a side in round steps, only those inside the box (no hidden labels beyond
    # its edges)
    ax.set_xticks([v for v in MaxNLocator(4, steps=[1, 2, 5, 10]).tick_values(m0, m1)
                   if m0 <= v <= m1])
    ax.set_yticks([v for v in MaxNLocator(3).tick_values(b0, b1) if b0 <= v <= b1])
    ax.tick_params(labelsize=theme.small_size, pad=1.5)
    ax.set_title(th.title(FLOOR_TITLE), x=FLOOR_TITLE_X, y=0.0, ha="left", va="bottom",
                 multialignment="left")
    gm.zoom_frame(ax, ax3, theme)
    ax.set_zorder(2)
    return ax


def on_page(ax3, m, b, j) -> np.ndarray:
    """The projected (2-D data) coordinates of the 3-D points (m, b, j) on ax3 as it is laid
    out now: where annotations and the end square are placed."""
    proj = ax3.get_proj()
    return np.array([proj3d.proj_transform(p, q, r, proj)[:2] for p, q, r in zip(m, b, j)])


def make_figure(theme):
    x, y = data.regression_points()
    t = trajectory()
    fig = gm.new_figure(theme, height=HEIGHT)
    fig.set_layout_engine("none")
    ax3 = fig.add_axes(AXES_BOX, projection="3d", computed_zorder=False)  # the path on top
    # the one surface drawing (its minimum starred on top), a square mesh as every surface,
    # coloured as the flat maps of J(m, b) are (their levels' span); the whole bowl, over the
    # house window; J ticked from 0, so the start's height reads against the floor's
    (m0, m1), (b0, b1) = floor_window(t, floor_shape(fig))
    flat = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)[2]
    draw_surface(ax3, theme, x, y, ticks=(TICKS[0], B_TICKS, J_TICKS),
                 levels=views.contour_levels(flat, theme.cost_map.levels))
    ax3.set_box_aspect(BOX_ASPECT, zoom=ZOOM)
    ax3.grid(False)
    lift = 0.01 * float(np.ptp(t.losses))  # keep the path just above the shaded faces
    heights = t.losses + lift
    star = [ln for ln in ax3.lines if ln.get_label() == "minimum"][0]
    star.set_zorder(23)
    fig.canvas.draw()
    page = on_page(ax3, t.points[:, 0], t.points[:, 1], heights)
    # the house descent path (gm.descent_path's, lifted onto J): every iterate at its height,
    # joined by straight segments (a step is a straight jump); the first JUMPS steps (those
    # long enough on the page) as arrows, the ends of the first STEP_DOTS steps as dots, apart
    # on the page (from the fourth on the steps pile under the star); from the last arrow on,
    # a line through every iterate
    jumps = gm.headed_steps(ax3, page, JUMPS)
    for k in range(jumps):
        ax3.annotate("", xy=page[k + 1], xytext=page[k], zorder=21, gid=f"jump-{k + 1}",
                     arrowprops=dict(arrowstyle="-|>,head_length=0.45,head_width=0.2",
                                     color=theme.accent, linewidth=1.1, shrinkA=3.0,
                                     shrinkB=2.5))
    ax3.plot(t.points[jumps:, 0], t.points[jumps:, 1], heights[jumps:], color=theme.accent,
             linewidth=1.1, zorder=20, gid="path", label=run_label())
    ax3.plot(t.points[1:STEP_DOTS + 1, 0], t.points[1:STEP_DOTS + 1, 1],
             heights[1:STEP_DOTS + 1], linestyle="none", marker="o", markersize=3.0,
             markerfacecolor=theme.accent, markeredgecolor=theme.background,
             markeredgewidth=0.5, zorder=22, gid="steps")
    ax3.plot([t.points[0, 0]], [t.points[0, 1]], [heights[0]],
             **{**theme.marker("start"), "zorder": 22}, label="start", gid="start")
    # how high the start is: its cost, over the ring (the J axis is far behind it)
    ax3.annotate(f"$J = {numbers.cost(t.losses[0], 'mathtext')}$", xy=page[0],
                 xytext=(0, 7), textcoords="offset points", ha="center", va="bottom",
                 fontsize=theme.small_size, color=theme.text, zorder=24, gid="start-cost",
                 path_effects=gm.halo(theme))
    # the end: the end square at the last point (0.003 from the minimum), hollow, framing
    # the minimum's star (gm.end_at). Both at their own heights, as the star is drawn (not
    # lifted)
    star_xy = on_page(ax3, *([v] for v in np.ravel(star.get_data_3d())))[0]
    last = on_page(ax3, [t.points[-1, 0]], [t.points[-1, 1]], [t.losses[-1]])[0]
    end = theme.end()
    gm.end_at(ax3, theme, last, end, star_xy=star_xy, star={"zorder": 23}, gid="end",
              label="end", clip_on=False)
    # the floor view's window, outlined on the surface in the stroke of the view's frame (as
    # gm.zoom_inset draws a flat map's): what the view above enlarges
    edge = np.linspace(0.0, 1.0, 24)
    ms = np.concatenate([m0 + (m1 - m0) * edge, np.full(24, m1), m1 - (m1 - m0) * edge,
                         np.full(24, m0)])
    bs = np.concatenate([np.full(24, b0), b0 + (b1 - b0) * edge, np.full(24, b1),
                         b1 - (b1 - b0) * edge])
    ax3.plot(ms, bs, regression.cost(ms, bs, x, y) + lift, color=theme.text,
             linewidth=gm.ZOOM_FRAME, zorder=19, gid="zoom-window")
    fv = floor_view(fig, theme, x, y, t, end, ax3)
    # two thin leader lines in ink from the window's side that faces the view (down and to
    # the left on the page: its leftmost and its lowest corner) to the view's top corners, as
    # every other zoom is joined to its window; they run across the front of the bowl, each
    # on a casing of the page colour, so the mesh stops short of them
    corners = on_page(ax3, [m0, m0, m1, m1], [b0, b1, b0, b1],
                      regression.cost(np.array([m0, m0, m1, m1]), np.array([b0, b1, b0, b1]),
                                      x, y) + lift)
    for k, (corner, xy) in enumerate((((0, 1), corners[np.argmin(corners[:, 0])]),
                                      ((1, 1), corners[np.argmin(corners[:, 1])]))):
        fig.add_artist(ConnectionPatch(tuple(xy), corner, coordsA=ax3.transData,
                                       coordsB=fv.transAxes, color=theme.text,
                                       linewidth=gm.ZOOM_LEADER, zorder=1.5,
                                       path_effects=gm.casing(theme, width=LEADER_CASING),
                                       gid=f"zoom-leader-{k + 1}"))
    handles, labels = ax3.get_legend_handles_labels()
    order = [labels.index(k) for k in
             (run_label(), "start", "minimum", "end")]
    gm.optimizer_legend(ax3, theme, "map", handles=[handles[k] for k in order],
                        ncols=LEGEND_COLUMNS, loc="upper left", bbox_to_anchor=(0.0, 1.0),
                        bbox_transform=fig.transFigure, borderaxespad=0.2)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
