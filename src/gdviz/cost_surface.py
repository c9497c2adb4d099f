"""The regression cost J(m, b) as a shaded, lit 3-D surface on matplotlib axes.

Drawn by the mse-surface and descent-3d stills alike, so both show the same surface, window and
camera (gdviz.views). The costs are gdcore.regression's.
"""

from matplotlib import colormaps
from matplotlib.colors import LightSource, LogNorm

from gdcore import regression
from gdviz import mpl as gm
from gdviz import views


def draw_surface(ax3, theme, x, y):
    """The shaded, lit surface J(m, b) on a 3-D axes, with its minimum starred (shared with
    the descent-3d figure)."""
    m_best, b_best = regression.least_squares(x, y)
    j_best = regression.cost(m_best, b_best, x, y)
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.SURFACE_GRID_SIZE)
    # Coloured by log J like the contour map (the floor of the valley reads), and lit.
    lv = views.contour_levels(J)
    rgb = LightSource(azdeg=315, altdeg=45).shade(
        J, cmap=colormaps[theme.surface_cmap], norm=LogNorm(lv[0], lv[-1]), blend_mode="soft",
        vert_exag=0.3)
    surf = ax3.plot_surface(M, B, J, facecolors=rgb, linewidth=0, antialiased=False,
                            rcount=views.SURFACE_GRID_SIZE, ccount=views.SURFACE_GRID_SIZE,
                            shade=False)
    surf.set_rasterized(True)
    ax3.plot([m_best], [b_best], [j_best], marker="*", markersize=9, color=theme.good,
             markeredgecolor=theme.background, markeredgewidth=0.5, linestyle="none", zorder=10,
             label="minimum")
    ax3.view_init(elev=views.VIEW_ELEV, azim=views.VIEW_AZIM)
    ax3.set_xlim(*views.M_RANGE)
    ax3.set_ylim(*views.B_RANGE)
    ax3.set_xticks([-2, 0, 2, 4])
    ax3.set_yticks([-4, 0, 4, 8])
    ax3.set_zticks([0, 100, 200])
    ax3.set_xlabel("$m$", labelpad=-4)
    ax3.set_ylabel("$b$", labelpad=-4)
    ax3.set_zlabel("$J$", labelpad=-6)
    ax3.tick_params(axis="both", pad=-2, labelsize=theme.small_size)
    gm.clear_panes(ax3, theme)
    ax3.set_box_aspect((1, 1, 0.7), zoom=1.05)
