"""Descending the cost surface

The mountain climber's walk: gradient descent on J(m, b) drawn on the cost surface itself. The
ball starts high on the wall, at (m, b) = ({m0}, {b0}) where J = {j0}, and takes {steps} steps
with the learning rate α = {lr}; each marked point is one step, and its height is the cost
there. Its first step falls to J = {j1}, across the valley onto the opposite wall; within a few
steps it settles on the floor, turns and follows the nearly flat floor to the minimum, ending at
J = {j_end} (the least J is {j_star}).

Alt: A lit, meshed, trough-shaped surface over the m and b axes. A path of dots starts as a
ring high on the right-hand wall, drapes down across the valley to a lower point on the opposite
wall, settles onto the floor in a few short steps, then runs along the floor to a filled dot at
the end, under the star that marks the minimum.
"""

import numpy as np

from gdcore import data, descent, regression
from gdcore.cost_descent import DESCENT_3D
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.cost_surface import draw_surface


def trajectory():
    return DESCENT_3D.run()


def facts() -> dict:
    t = trajectory()
    x, y = data.regression_points()
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    return dict(m0=numbers.text(DESCENT_3D.start[0]), b0=numbers.text(DESCENT_3D.start[1]),
                j0=numbers.text(t.losses[0], 0), j1=numbers.text(t.losses[1], 0),
                steps=numbers.count(t.steps), lr=numbers.text(DESCENT_3D.lr_good),
                j_end=numbers.text(t.losses[-1], 4), j_star=numbers.text(j_star, 4))


def make_figure(theme):
    x, y = data.regression_points()
    t = trajectory()
    fig = gm.new_figure(theme, height=3.6)
    ax3 = fig.add_subplot(projection="3d", computed_zorder=False)  # the path stays on top
    draw_surface(ax3, theme, x, y)  # the one surface drawing (its minimum starred on top)
    shown = descent.log_schedule(t.steps, 40)  # dense early, sparse on the slow valley floor
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
    # the end: the "current" dot, drawn under the minimum's star (which it nearly touches),
    # the star kept on top and larger so it is never hidden
    ax3.plot([m[-1]], [b[-1]], [t.losses[-1] + lift], **{**theme.marker("current"), "zorder": 22},
             label=f"after {numbers.count(t.steps)} steps")
    star = [ln for ln in ax3.lines if ln.get_label() == "minimum"][0]
    star.set_zorder(23)
    ax3.legend(loc="upper left", fontsize=theme.small_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
