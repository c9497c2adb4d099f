"""The cost as a heat map

J(m, b) seen from above: each (m, b) is coloured by its cost on a logarithmic scale, from
{jmin} (the floor of the valley) to {jmax} (the far corners), in the book's cost map, shaded
smoothly between the grid's points. Over it, the path of gradient descent from m = {m0},
b = {b0} with learning rate α = {lr}: its first steps swing across the valley floor and back, then
it follows the floor to the minimum (m*, b*) = ({m_best}, {b_best}), reaching J = {jend} after
{steps} steps.

Alt: A heat map, pale violet (deep violet in the dark theme) along a narrow diagonal band from
the top left to the bottom right and yellow (olive) in the top-right and bottom-left corners,
with a colour bar for J on a logarithmic scale. A path starts as a circle at the right, runs left
across the violet band, turns back into it and runs along it to a star at the minimum.
"""

from matplotlib import patheffects
from matplotlib.colors import LogNorm
from matplotlib.ticker import LogLocator

from gdcore import data, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th


def run():
    """The descent drawn: the same run as gd-regression."""
    return COST_DESCENT.run()


def facts() -> dict:
    x, y = data.regression_points()
    _, _, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    m_best, b_best = regression.least_squares(x, y)
    traj = run()
    return dict(jmin=numbers.text(J.min(), 4), jmax=numbers.text(J.max(), 0),
                m0=numbers.text(COST_DESCENT.start[0]), b0=numbers.text(COST_DESCENT.start[1]),
                lr=numbers.text(COST_DESCENT.lr_good), m_best=numbers.text(m_best, 3),
                b_best=numbers.text(b_best, 3), jend=numbers.text(traj.losses[-1], 4),
                steps=numbers.count(traj.steps))


def make_figure(theme):
    x, y = data.regression_points()
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    m_best, b_best = regression.least_squares(x, y)
    traj = run()

    fig, ax = gm.subplots(theme, height=3.4)
    mesh = ax.pcolormesh(M, B, J, cmap=theme.heat_cmap, norm=LogNorm(J.min(), J.max()),
                         shading="gouraud")  # smooth between grid points: no pixels
    mesh.set_rasterized(True)
    # The accent path, outlined in the text colour so it stands out of the orange and red.
    outline = [patheffects.Stroke(linewidth=3.2, foreground=theme.text), patheffects.Normal()]
    pts = traj.points
    ax.plot(pts[:, 0], pts[:, 1], color=theme.accent, linewidth=1.5, zorder=3,
            path_effects=outline, label=f"gradient descent, $\\alpha = {COST_DESCENT.lr_good:g}$",
            gid="path")
    ax.plot(*pts[0], **theme.marker("start"), label="start")
    ax.plot([m_best], [b_best], **theme.marker("minimum"), label="minimum", gid="minimum")
    ax.set_xlim(*views.M_RANGE)
    ax.set_ylim(*views.B_RANGE)
    ax.set_xlabel(th.AXIS_LABELS["slope"])
    ax.set_ylabel(th.AXIS_LABELS["intercept"])
    gm.optimizer_legend(ax, theme, "map")
    cb = fig.colorbar(mesh, ax=ax, pad=0.03, aspect=25)
    cb.locator = LogLocator()
    cb.update_ticks()
    cb.set_label(th.AXIS_LABELS["cost"])
    cb.outline.set_edgecolor(theme.muted)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
