"""The cost surface J(m, b)

The cost of every line f(x) = m x + b through the seven points, over slopes m from {m0} to
{m1} and intercepts b from {b0} to {b1}. Left: J as a height above the (m, b) plane, a
long, narrow valley rather than a round bowl, lit from the left across the valley and
coloured as the map is, so that its nearly flat floor (J below 1) shows its shape in the map's
colours: a violet core round the minimum. Right: the same function as a contour map; the
levels are spaced by equal factors (from {lmin} to {lmax}), so the flat floor of the
valley shows as well as its steep walls. The marker is the minimum, m* = {m_best},
b* = {b_best}, where J* = {j_best}.

Alt: Left, a lit three-dimensional surface with a faint square mesh of grid lines, shaped like
a trough, with axes m, b and J, its left wall in shade; its lowest line runs diagonally across
the (m, b) plane, its floor coloured violet round a star. Right, a filled
contour map of the same function with m horizontal and b vertical: elongated nested ellipses
tilted so that b falls as m rises, and a star at the centre, the minimum at
m = {m_best}, b = {b_best}, keyed under both panels with J* = {j_best}.
"""

from matplotlib.ticker import LogLocator

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th
from gdviz.cost_surface import TICKS, draw_surface

#: The 3-D axes' ticks: those of the map beside it, and J from 0, less b's last (8), which
#: would stand on J's 0 where the two axes meet at the back (cost_surface.TICKS drops it too).
SURFACE_TICKS = (views.M_TICKS, TICKS[1], views.J_TICKS)
#: The two panels' widths (surface, map): the 3-D box, as wide as its cell, about as large
#: on the page as the map beside it (at 1.1 to 1 it drew visibly smaller than the map).
SURFACE_SHARE = (1.3, 1)
#: The 3-D box enlarged in its axes (gm.frame_3d, its panes' grid left out): at 1.05, under
#: the grid's empty back corner, the surface sat low and right in its panel, the top left
#: a box of lines round nothing; the page is cropped to the drawing.
SURFACE_FRAME = (1.15, 0.06)


def facts() -> dict:
    x, y = data.regression_points()
    m_best, b_best = regression.least_squares(x, y)
    _, _, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    lv = views.contour_levels(J)
    n = numbers.text
    return dict(m0=n(views.M_RANGE[0]), m1=n(views.M_RANGE[1]), b0=n(views.B_RANGE[0]),
                b1=n(views.B_RANGE[1]), lmin=n(lv[0], 4), lmax=n(lv[-1], 0), m_best=n(m_best, 3),
                b_best=n(b_best, 3), j_best=numbers.cost(regression.cost(m_best, b_best, x, y)))


def make_figure(theme):
    x, y = data.regression_points()
    m_best, b_best = regression.least_squares(x, y)

    fig = gm.new_figure(theme, height=3.0)
    gs = fig.add_gridspec(1, 2, width_ratios=SURFACE_SHARE)
    ax3 = fig.add_subplot(gs[0], projection="3d")
    ax = fig.add_subplot(gs[1])
    # room between the surface's J label and the map's b label: at 0.08 they stood 40 px apart
    fig.get_layout_engine().set(wspace=0.16)

    # Right: contours with log-spaced levels, the minimum marked.
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    # Left: the surface as the video draws it, coloured as the map is (the map's levels), each
    # J in the map's colour, shaded only where its slope turns it from the light, its mesh in
    # the map's level-line colours, in the house light (across the valley): a square mesh,
    # as every surface (the map's levels traced over it crossed its cells as diagonals, a
    # net of triangles); the floor's shape, nearly level in J, is its colours', the map's
    draw_surface(ax3, theme, x, y, SURFACE_TICKS,
                 levels=views.contour_levels(J, theme.cost_map.levels), level_true=True)
    gm.frame_3d(ax3, *SURFACE_FRAME)
    cs = gm.contour_map(ax, theme, M, B, J)
    # the minimum's key under the map (no key over a map), its values as m*, b*, J*
    j_best = numbers.cost(regression.cost(m_best, b_best, x, y), "latex")
    where = (f"$m^{{\\!*}} = {numbers.latex(m_best, 3)}$, "
             f"$b^{{\\!*}} = {numbers.latex(b_best, 3)}$, $J^{{*}} = {j_best}$")
    ax.plot([m_best], [b_best], **theme.marker("minimum"), label=f"minimum, {where}",
            gid="minimum")
    gm.map_ticks(ax)  # the map's window, ticked every 2, both ends labelled
    # one strip keying the figure: under the map's axis label, centred under both panels, left
    # out of the layout (which would pull the map and its bar apart to make room for it)
    gm.optimizer_legend(ax, theme, "map", ncols=1, under=[ax, ax3], x=0.5).set_in_layout(False)
    ax.set_xlabel(th.AXIS_LABELS["slope"])
    ax.set_ylabel(th.AXIS_LABELS["intercept"])
    # the bar beside the map's frame, as tall (the frame keeps the house shape, gm.map_box)
    cb = fig.colorbar(cs, cax=ax.inset_axes([1.04, 0.0, 0.05, 1.0]))
    cb.locator = LogLocator()
    cb.update_ticks()
    gm.cost_bar_ticks(cb)  # 10⁻², …, 10²: one form on every cost bar
    cb.set_label(th.AXIS_LABELS["cost"])
    cb.outline.set_edgecolor(theme.muted)
    cb.ax.tick_params(labelsize=theme.small_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
