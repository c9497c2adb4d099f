"""The cost as a heat map

J(m, b) seen from above: each (m, b) is coloured by its cost on a logarithmic scale, from
{jmin} (the floor of the valley) to {jmax} (the far corners), in the book's cost map, shaded
smoothly between the grid's points, with the level lines of the other maps of J. Over it, the
path of gradient descent from m = {m0}, b = {b0} with learning rate α = {lr}: its first steps
swing across the valley floor and back, the two long ones straight arrows drawn beside each
other, the next ones, narrowing, only the dots where they land (a line would run back over the
arrows); from the last of them the line draws every step, in ever shorter steps, a dot at
every {every}th, as it follows the floor to the minimum (m*, b*) = ({m_best}, {b_best}), where
it ends, J = {jend} after {steps} steps, on the minimum: its end square, drawn hollow at the
run's last point, frames the star, and the line runs into it.

Alt: A heat map, pale violet (deep violet in the dark theme) along a narrow diagonal band from
the top left to the bottom right and yellow (deep teal) in the top-right and bottom-left corners,
with a colour bar for J on a logarithmic scale, numbered at its decades, and thin level lines
round the band. A path starts as a circle at the right and zig-zags: a straight arrow left
across the violet band, one back to the right just above it, three dots on that arrow where the
next, shorter steps land; from the middle one a line, its later dots closing up, runs along the
band towards a star at the minimum and ends there, in a hollow square, the run's end mark,
that frames the star.
"""

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.ticker import LogLocator

from gdcore import data, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th

#: The shortest step of the first zig-zag (points on the page) drawn as its landing's dot
#: only, not on the line: shorter, it is within a dot of the step before, inside the knot
#: where the path turns down the valley, and the line hides nothing there.
KNOT_STEP = 4.0
#: After the zig-zag, a dot where every EVERY-th step lands: the steps shorten down the floor,
#: and the dots close up with them.
EVERY = 100
#: A step dot's size (points), gm.descent_path's.
DOT = 3.0
#: How far short of its landing each arrow's head stops (points): a dot's width and a gap, so
#: no head lands on the dot of the step it ends at or of the step beside its lane.
HEAD_GAP = 4.5


def run():
    """The descent drawn: the same run as gd-regression."""
    return COST_DESCENT.run()


def facts() -> dict:
    x, y = data.regression_points()
    _, _, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    m_best, b_best = regression.least_squares(x, y)
    traj = run()
    return dict(jmin=numbers.cost(J.min()), jmax=numbers.text(J.max(), 0),
                m0=numbers.text(COST_DESCENT.start[0]), b0=numbers.text(COST_DESCENT.start[1]),
                lr=numbers.text(COST_DESCENT.lr_good), m_best=numbers.text(m_best, 3),
                b_best=numbers.text(b_best, 3), jend=numbers.cost(traj.losses[-1]),
                steps=numbers.count(traj.steps), every=EVERY)


def make_figure(theme):
    x, y = data.regression_points()
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    m_best, b_best = regression.least_squares(x, y)
    traj = run()

    # the map square (gm.map_box) and large, most of the text width: the figure's one panel
    # (4.2 in tall left it under half the width, its first steps a tangle)
    fig, ax = gm.subplots(theme, height=5.6)
    mesh = ax.pcolormesh(M, B, J, cmap=theme.heat_cmap, norm=LogNorm(J.min(), J.max()),
                         shading="gouraud")  # smooth between grid points: no pixels
    mesh.set_rasterized(True)
    # the map's level lines over it, as on every other map of J: on the dark page the heat
    # map's fills keep to a narrow band of lightness (the colours drawn on them must keep
    # their contrast), and the lines draw the bowl and its valley in both themes
    cm = theme.cost_map
    lv = views.contour_levels(J, cm.levels, cm.log)
    ax.contour(M, B, J, levels=lv, cmap=cm.line_cmap, linewidths=cm.line_width,
               norm=LogNorm(lv[0], lv[-1]), gid="levels")
    gm.frame_map(ax)
    ax.set_xlim(*views.M_RANGE)  # before the path: its steps are measured on the page
    ax.set_ylim(*views.B_RANGE)
    gm.map_box(ax)  # and its shape, applied before the path's steps are measured
    ax.apply_aspect()
    pts = traj.points
    # the zig-zag across the valley narrows and turns back over itself: its two long jumps
    # arrows, then only where its steps land, the line going on from the last of them
    gm.descent_path(ax, theme, pts, steps=3, label=views.run_name(COST_DESCENT.lr_good),
                    knot=KNOT_STEP, head_gap=HEAD_GAP)
    # the long slide down the floor in ever shorter steps: a dot where every EVERY-th step
    # lands, those that stand apart on the page, clear of the star and of the end square that
    # frames it (its corner a point and more from the dot's rim)
    # the first steps' dots, as many as the path drew (the key counts them, never a number
    # typed: on the square map the sixth step is under KNOT_STEP, and five are drawn)
    first = len(next(ln for ln in ax.lines if ln.get_gid() == "steps").get_xdata())
    later = np.arange(EVERY, len(pts) - 1, EVERY)
    clear = max(3 * DOT, np.sqrt(2) * gm.frame_half(theme.marker("minimum")) + DOT / 2 + 1)
    later = later[gm.apart(ax, pts[later], 2 * DOT, clear=(m_best, b_best), clear_gap=clear)]
    ax.plot(pts[later, 0], pts[later, 1], linestyle="none", marker="o", markersize=DOT,
            markerfacecolor=theme.accent, markeredgecolor=theme.background,
            markeredgewidth=0.5, zorder=6, gid="every-steps",
            label=f"dots: steps 1–{first}, then every {EVERY}th")
    ax.plot(*pts[0], **theme.marker("start"), label="start", gid="start")
    ax.plot([m_best], [b_best], **theme.marker("minimum"), label="minimum", gid="minimum")
    # the run stops on the minimum: its end square at its last point, hollow, framing the star
    gm.end_at(ax, theme, pts[-1], theme.end(), star_xy=(m_best, b_best), label="end")
    gm.map_ticks(ax)  # every 2, both ends labelled
    ax.set_xlabel(th.AXIS_LABELS["slope"])
    ax.set_ylabel(th.AXIS_LABELS["intercept"])
    gm.optimizer_legend(ax, theme, "map", ncols=3)  # 3 + 2, under the map
    # the bar beside the map's frame, as tall (the frame keeps the house shape, gm.map_box)
    cb = fig.colorbar(mesh, cax=ax.inset_axes([1.04, 0.0, 0.04, 1.0]))
    cb.locator = LogLocator()
    cb.update_ticks()
    gm.cost_bar_ticks(cb)  # 10⁻², …, 10²: one form on every cost bar
    cb.ax.minorticks_off()  # the decades only, as mse-surface's bar
    cb.set_label(th.AXIS_LABELS["cost"])
    cb.outline.set_edgecolor(theme.muted)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
