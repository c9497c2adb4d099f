"""Descending the cost surface

The mountain climber's walk: gradient descent on J(m, b) drawn on the cost surface itself. The
ball starts at (m, b) = ({m0:g}, {b0:g}), where J = {j0:.2f}, and takes {steps} steps with the
learning rate α = {lr:g}; each marked point is one step, and its height is the cost there. It
first runs down the steep wall, then turns and follows the nearly flat valley floor to the
minimum, J = {j_end:.4f}.

Alt: A shaded trough-shaped surface over the m and b axes. A path of dots starts high on one
wall, drops steeply to the valley floor, then curves along the floor to a ball resting beside
the starred minimum.
"""

import numpy as np

from gdcore import data, descent
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz.cost_surface import draw_surface


def trajectory():
    return COST_DESCENT.run()


def facts() -> dict:
    t = trajectory()
    return dict(m0=COST_DESCENT.start[0], b0=COST_DESCENT.start[1], j0=t.losses[0], steps=t.steps,
                lr=COST_DESCENT.lr_good, j_end=t.losses[-1])


def make_figure(theme):
    x, y = data.regression_points()
    t = trajectory()
    fig = gm.new_figure(theme, height=3.6)
    ax3 = fig.add_subplot(projection="3d", computed_zorder=False)  # the path stays on top
    draw_surface(ax3, theme, x, y)  # the one surface drawing
    shown = descent.log_schedule(t.steps, 40)  # dense early, sparse on the slow valley floor
    m, b = t.points[shown, 0], t.points[shown, 1]
    lift = 0.01 * float(np.ptp(t.losses))  # keep the path just above the shaded faces
    ax3.plot(m, b, t.losses[shown] + lift, color=theme.accent, linewidth=1.6, zorder=20)
    ax3.scatter(m, b, t.losses[shown] + lift, color=theme.accent, s=6, depthshade=False,
                zorder=21)
    ax3.scatter([m[0]], [b[0]], [t.losses[0] + lift], color=theme.error, s=28,
                depthshade=False, zorder=22, label="start")
    ax3.scatter([m[-1]], [b[-1]], [t.losses[-1] + lift], color=theme.accent, s=46,
                edgecolors=theme.text, depthshade=False, zorder=22, label=f"after {t.steps} steps")
    ax3.legend(loc="upper left", fontsize=theme.small_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
