"""The price of non-linearity

Top: the two functions as surfaces; bottom: the same as contour maps (levels spaced by equal
factors), a filled star at each map's least cost and a hollow star at a local minimum, each
keyed under its map with its cost. Left: the cost J(m, b) of linear regression on the seven
points is a convex bowl;
however long and narrow, it has {convex_minima} minimum, and every downhill path ends there.
Right: the cost J of a small sigmoid network ({sizes}, trained on {n_samples} noisy samples of a
sine wave) as two of its first-layer weights sweep from −{window:g} to {window:g} while all its
other weights stay at their trained values. Where the sigmoids saturate the cost goes flat
(plateaus on which the gradient all but vanishes), and the landscape holds {basins} separate
basins: where descent ends depends on where it starts. Each map is coloured over its own range
of cost, which its bar, headed "own scale", gives: the two are costs of different problems
(J of a line on seven points, J of the network on its samples), and on one shared scale the
network's cost, which spans far fewer decades, would take about a third of the colours and
lose its terraces.

Alt: Top, two three-dimensional surfaces; bottom, the same two functions as filled contour
maps. Left, a smooth trough with one lowest point, its contours nested ellipses. Right, the
network's cost: broad flat terraces joined by steep steps, and {basins} long low troughs, one
lying across the lower left of the map and one running up its middle, meeting only over a low
pass. Each map has its own colour bar, headed "own scale". A filled star marks the one
minimum of the left map, on the surface and on the map; on the right, on the surface and on the
map, a filled star marks the bottom of the lower trough and a hollow star the bottom of the
higher one, keyed under the map as the minimum,
J = {least}, and a local minimum, J = {local}.
"""

import numpy as np
from matplotlib.ticker import NullLocator

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th
from gdviz.cost_surface import TICKS, lit_surface

#: Basins shallower than this share of the cost range are grid artefacts, not minima.
MIN_DEPTH = 0.01
#: The network surface's camera: turned from the stills' usual view (which looks at the
#: ridge's face and hides the trough behind it) so that both basins show, and kept on the side
#: of low w₂ so that w₁ runs left to right and w₂ away from the eye, as on the map below it.
NETWORK_AZIM = -120
#: Its camera's height (degrees): above the stills' usual 30, so the eye sees over the plateau's
#: lip into the trough running up the middle, whose floor holds the local minimum (from 30
#: the lip hid the floor, and the hollow star stood on the lip, reading as no minimum).
NETWORK_ELEV = 45
#: The network axes' ticks: inside the window, so no number stands at a corner of the box.
NETWORK_TICKS = (-10, 0, 10)
#: Which of the box's vertical edges carries the network's cost axis (mplot3d's name).
Z_EDGE = "lower"
NETWORK_Z_PAD = -10
#: Over each map's bar, in small type: the two maps are coloured over their own ranges (a
#: shared one would give the network's cost, under two decades against the bowl's four, a
#: third of the colours and lose its terraces), and the figure says so, not only the caption
#: (the bar's label stays the house cost label).
BAR_NOTE = "own scale"
#: Each 3-D box enlarged in its axes and its view moved up (gm.frame_3d: zoom, a fraction of
#: the axes' height), its panes' grid left out: at zoom 1.25, unmoved, both surfaces sat low
#: and right in their panels under the grid's empty back corner (the bowl's top left a box
#: of lines round nothing); now each fills its panel, under its title.
BOWL_FRAME, NETWORK_FRAME = (1.35, 0.1), (1.25, 0.08)
#: The local minimum's hollow star: its edge in points, wide enough to read as an outline.
LOCAL_EDGE = 1.1
def _data():
    net, X, _ = procedure.nonconvex_setup()
    W1, W2, L = procedure.nonconvex_loss_grid()
    M, B, J = procedure.convex_reference()
    return net, X, (M, B, J), (W1, W2, L)


def facts() -> dict:
    net, X, (_, _, J), (W1, _, L) = _data()
    return dict(convex_minima=numbers.word(procedure.count_local_minima(J, MIN_DEPTH)),
                basins=numbers.word(procedure.count_local_minima(L, MIN_DEPTH)),
                sizes="–".join(str(s) for s in net.sizes), n_samples=X.shape[0],
                window=float(W1.max()), **_basin_costs(L))


def _bowl_minimum() -> tuple[float, float, float]:
    """The bowl's minimum as gdcore solves for it: (m*, b*, J*)."""
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    return float(m), float(b), float(regression.cost(m, b, x, y))


def _basin_costs(L) -> dict:
    """The network map's least cost and its other (local) minimum's, as the keys write them."""
    costs = sorted(L[c] for c in procedure.local_minima_cells(L, MIN_DEPTH))
    return dict(least=numbers.cost(costs[0]), local=numbers.cost(costs[1]))


def _style3d(ax, theme, xlabel, ylabel, frame):
    ax.set_xlabel(xlabel, labelpad=-5)
    ax.set_ylabel(ylabel, labelpad=0)
    ax.set_zlabel(th.AXIS_LABELS["cost"], labelpad=-7)
    ax.tick_params(axis="both", pad=-3, labelsize=theme.small_size)
    gm.clear_panes(ax, theme)
    gm.frame_3d(ax, *frame)


def _levels(theme, Z):
    """The cost map's levels of Z (theme.cost_map: log-spaced), shared by surface and map."""
    return views.contour_levels(Z, theme.cost_map.levels, theme.cost_map.log)


def _contours(ax, theme, X, Y, Z, xlabel, ylabel):
    cs = gm.contour_map(ax, theme, X, Y, Z)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return cs


def _colorbar(fig, cs, ax, theme, label):
    """The map's bar, headed as on its own scale (BAR_NOTE), ticked at the powers of ten
    inside it only (none drawn, or measured, beyond its ends), written as every cost bar's
    are (gm.cost_bar_ticks: 10⁻², 10⁻¹): the network's bar, spanning under two decades,
    carries two, never 5 × 10⁻¹ beside 10⁰."""
    cb = fig.colorbar(cs, cax=ax.inset_axes([1.04, 0.0, 0.05, 1.0]))
    cb.set_label(label)
    cb.ax.set_title(BAR_NOTE, fontsize=theme.small_size, color=theme.text, pad=4,
                    gid="bar-note")
    cb.outline.set_edgecolor(theme.muted)
    cb.ax.tick_params(labelsize=theme.small_size)
    lo, hi = cs.levels[0], cs.levels[-1]
    ticks = 10.0 ** np.arange(np.ceil(np.log10(lo)), np.floor(np.log10(hi)) + 1)
    cb.set_ticks(ticks)
    gm.cost_bar_ticks(cb)
    cb.ax.yaxis.set_minor_locator(NullLocator())
    return cb


def local_minimum(theme) -> dict:
    """A minimum that is not the map's least: the star hollow, edged in the minimum's ink
    (the filled star promises the least cost)."""
    star = theme.marker("minimum")
    return {**star, "markerfacecolor": theme.background, "markeredgecolor": star[
        "markerfacecolor"], "markeredgewidth": LOCAL_EDGE}


def _stars(ax, theme, X, Y, Z, cells, gid, exact=None):
    """A star at each of the grid's local minima (gdcore's cells), keyed with its cost under
    the map: the least filled (the house minimum), any other hollow (a local minimum). With
    `exact` (x, y, cost), the least is drawn there, where gdcore solves for it, not at its
    grid cell (the bowl's: the least-squares fit and its J*, as every figure writes it)."""
    least = min(cells, key=lambda c: Z[c])
    for k, cell in enumerate(cells):
        kind = "minimum" if cell == least else "local minimum"
        look = theme.marker("minimum") if cell == least else local_minimum(theme)
        x, y, z = exact if cell == least and exact is not None else (X[cell], Y[cell], Z[cell])
        ax.plot(x, y, **{**look, "zorder": 5}, gid=f"{gid}:{k}",
                label=f"{kind}, $J = {numbers.cost(z, 'latex')}$")
    gm.optimizer_legend(ax, theme, "map", ncols=len(cells))


def make_figure(theme):
    net, X, (M, B, J), (W1, W2, L) = _data()
    n_convex = procedure.count_local_minima(J, MIN_DEPTH)
    n_basins = procedure.count_local_minima(L, MIN_DEPTH)
    fig = gm.new_figure(theme, height=5.4)
    gs = fig.add_gridspec(2, 2, height_ratios=(1.15, 1))
    ax = fig.add_subplot(gs[0, 0], projection="3d")
    nx = fig.add_subplot(gs[0, 1], projection="3d")
    ac = fig.add_subplot(gs[1, 0])
    nc = fig.add_subplot(gs[1, 1])
    gm.map_box(nc)  # the network's map in the shape of the bowl's beside it (map_ticks')

    # Left: the convex bowl of linear regression, coloured by log J and lit (the house light,
    # across its valley) as in mse-surface
    lit_surface(ax, theme, M, B, J, _levels(theme, J))
    ax.view_init(elev=views.VIEW_ELEV, azim=views.VIEW_AZIM)
    # mse-surface's ticks (one rule for the 3-D J(m, b)): the maps' m and b, less b's 8 where
    # the b axis meets J's 0 at the back, and J from 0
    ax.set_xticks(views.M_TICKS)
    ax.set_yticks(TICKS[1])
    ax.set_zticks(views.J_TICKS)
    _style3d(ax, theme, th.AXIS_LABELS["slope"], th.AXIS_LABELS["intercept"], BOWL_FRAME)
    ax.set_title(th.title(f"linear regression: convex,\n{numbers.word(n_convex)} minimum"))
    cs = _contours(ac, theme, M, B, J, th.AXIS_LABELS["slope"], th.AXIS_LABELS["intercept"])
    gm.map_ticks(ac)  # the map's window, ticked every 2, both ends labelled
    _colorbar(fig, cs, ac, theme, th.AXIS_LABELS["cost"])
    cells = procedure.local_minima_cells(J, MIN_DEPTH)
    best = _bowl_minimum()
    _stars(ac, theme, M, B, J, cells, "bowl-minimum", exact=best)
    # the same minimum on the surface above it, as mse-surface stars it
    ax.plot(*([v] for v in best), **theme.marker("minimum"), gid="surface-minimum")

    # Right: the network's cost over two of its weights.
    ll = _levels(theme, L)  # log-spaced too: the basins lie in the lowest decade
    lit_surface(nx, theme, W1, W2, L, ll, hidden=True)  # the ridge hides what lies behind it
    nx.view_init(elev=NETWORK_ELEV, azim=NETWORK_AZIM)
    nx.set_xticks(NETWORK_TICKS)
    nx.set_yticks(NETWORK_TICKS)
    nx.set_zticks([0.0, 0.5, 1.0, 1.5])
    _style3d(nx, theme, th.AXIS_LABELS["w1"], th.AXIS_LABELS["w2"], NETWORK_FRAME)
    # seen from this side matplotlib stands the cost axis on the left, its label beside the
    # bowl's in the gutter between them: set on the right, as the bowl's is
    nx.zaxis.set_ticks_position(Z_EDGE)
    nx.zaxis.set_label_position(Z_EDGE)
    nx.zaxis.set_rotate_label(False)
    nx.zaxis.label.set_rotation(90)
    # w₂'s axis runs steeply away from the eye: matplotlib would turn its label along it,
    # near upside down; set upright
    nx.yaxis.set_rotate_label(False)
    nx.yaxis.label.set_rotation(0)
    nx.zaxis.labelpad = NETWORK_Z_PAD  # its label clear of the page's right edge
    basins = numbers.word(n_basins)
    nx.set_title(th.title(f"sigmoid network: not convex,\nplateaus and {basins} basins"))
    cs = _contours(nc, theme, W1, W2, L, th.AXIS_LABELS["w1"], th.AXIS_LABELS["w2"])
    _colorbar(fig, cs, nc, theme, th.AXIS_LABELS["cost"])
    basin_cells = procedure.local_minima_cells(L, MIN_DEPTH)
    _stars(nc, theme, W1, W2, L, basin_cells, "basin-minimum")
    # the same two minima on the surface above them, as the bowl's is starred: the least filled,
    # the other hollow, so the two basins read as two from this side too
    least = min(basin_cells, key=lambda c: L[c])
    box = nx.get_xlim(), nx.get_ylim(), nx.get_zlim()
    for k, cell in enumerate(basin_cells):
        look = theme.marker("minimum") if cell == least else local_minimum(theme)
        nx.plot([W1[cell]], [W2[cell]], [L[cell]], **{**look, "zorder": 10},
                gid=f"surface-basin-minimum:{k}")
    nx.set(xlim=box[0], ylim=box[1], zlim=box[2])  # the marks do not widen the box
    return fig


if __name__ == "__main__":
    gm.main(__file__)
