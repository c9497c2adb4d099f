"""Descending the cost surface

The mountain climber's walk: gradient descent on J(m, b) drawn on the cost surface itself. The
ball starts high on the wall, at (m, b) = ({m0}, {b0}) where J = {j0}, and takes {steps} steps
with the learning rate α = {lr}; the dots mark {shown} of its points, every step at first, fewer
as the steps shorten, each at the height of the cost there. Its first step overshoots: it falls
to J = {j1} on the opposite wall (m = {m1}), still on the drawn surface; within a few steps
it settles on the floor, turns and follows the nearly flat floor to the minimum, ending
at J = {j_end} (the least J is {j_star}), under the star.

Alt: A lit, meshed, trough-shaped surface over the m and b axes. A path of dots starts as a
ring high on the right-hand wall, drapes down across the valley to a dot on the left-hand
wall, comes back to the floor in a few short steps, then runs as a dense line of
dots along the floor to the green star that marks the minimum, which covers the last dot.
"""

import numpy as np

from gdcore import data, descent, regression
from gdcore.cost_descent import DESCENT_3D
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.cost_surface import draw_surface

#: Layout: the page's height (inches; its width is the text width, the 3-D drawing's own
#: proportions fill it) and the 3-D axes' box on it (figure fractions).
HEIGHT = 3.8
AXES_BOX = (-0.1, 0.0, 1.2, 1.06)
#: The 3-D box's proportions (m, b, J): wider than the stills' cube, as wide as the page.
BOX_ASPECT = (1.6, 1.0, 0.75)


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
                j0=numbers.text(t.losses[0], 0), j1=numbers.text(t.losses[1], 0),
                steps=numbers.count(t.steps), lr=numbers.text(DESCENT_3D.lr_good),
                shown=numbers.count(len(shown_steps(t))), m1=numbers.text(t.points[1, 0], 2),
                j_end=numbers.text(t.losses[-1], 4), j_star=numbers.text(j_star, 4))


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
    # the end: the "current" dot, drawn under the minimum's star (which it nearly touches),
    # the star kept on top and larger so it is never hidden
    ax3.plot([m[-1]], [b[-1]], [t.losses[-1] + lift], **{**theme.marker("current"), "zorder": 22},
             label=f"after {numbers.count(t.steps)} steps")
    star = [ln for ln in ax3.lines if ln.get_label() == "minimum"][0]
    star.set_zorder(23)
    ax3.legend(loc="upper left", bbox_to_anchor=(0.03, 0.985), bbox_transform=fig.transFigure,
               borderaxespad=0, fontsize=theme.small_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
