"""The regression cost J(m, b) as a Manim surface: the view, the shaded surface and its axes.

Shared by the mse-surface and descent-3d scenes, so both frame J(m, b) as the stills do
(gdviz.views' window and camera). The surface is gdviz.fast_surface's raster layer over the grid
of gdcore.regression's costs.
"""

from gdcore import regression
from gdviz import views
from gdviz.cost_surface import lit_colors
from gdviz.fast_surface import Axes3D, CutSurface, ShadedSurface, View3D

#: Vertices per axis of the drawn grid: FINE × 45 cells a side, the mesh every FINE × 5th line
#: (9 × 9 mesh cells, as the stills'). The cells are merged into quads of up to BLOCKS[0] cells
#: a side where their colours differ by at most BLOCK_TOL (of 255) from the quad's (the walls,
#: where the colour changes slowly), and kept as they are where it changes fast (the valley,
#: whose floor the log colours make a narrow band): the valley's floor is drawn smooth, not a
#: streak of 46-point facets, with fewer quads in all than a 46 × 46 grid's 2025 (1600 to
#: 1950 by theme: faster, bench/surface_bench.py). Tolerance 3.75 of 255, no step between the
#: quads seen: 3 when the light map took 0.6 of viridis' colour; at 0.75 its colours change a
#: quarter faster, and at 3 the light surface took 2309 quads (1929 at 3.75); at 0.87 (the
#: strongest map the contrast rules allow) 3.75 took 2467 quads, 4.25 takes 1944.
FINE = 2
GRID = 45 * FINE + 1
BLOCKS, BLOCK_TOL = (8, 4, 2, 1), 4.25
#: Scene lengths of the (m, b, J) box, and where its centre projects to.
BOX = (4.8, 4.8, 3.0)
CENTER = (0.0, -0.25)
#: The scene rectangle (centre x, centre y, width, height) the surface image covers: every
#: orientation of the box fits in it.
REGION = (CENTER[0], CENTER[1], 7.2, 6.1)
#: The camera of figures/mse_surface.py (views.VIEW_ELEV, VIEW_AZIM) in Manim's angles.
PHI0 = 90.0 - views.VIEW_ELEV
THETA0 = views.VIEW_AZIM
TICKS = ([-2, 0, 2, 4], [-4, 0, 4, 8], [100, 200])  # J's 0 would sit on a corner number


def build_view(z_top: float, box=BOX, center=CENTER) -> View3D:
    return View3D((views.M_RANGE, views.B_RANGE, (0.0, z_top)), box, center, PHI0, THETA0)


def surface_levels(theme, x, y):
    """The levels whose first and last bound a surface's colours: the house flat map's
    (views.contour_levels of J on views.GRID_SIZE, with the theme's count), so that every
    surface colours each J as every map of J(m, b) does, and a close-up of a surface (over
    their span) as the surface it enlarges."""
    flat = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)[2]
    return views.contour_levels(flat, theme.cost_map.levels)


def build_surface(theme, view: View3D, x, y, grid: int = GRID, region=REGION, cut=None,
                  surface_cls=ShadedSurface, levels=None, level_true: bool = True,
                  aspect=BOX, rim=None, blocks=BLOCKS):
    """The cost grid from gdcore and its surface in the theme's cost map on log J, lit and
    meshed as theme.cost_map.surface says (the stills' treatment, gdviz.cost_surface).

    With `cut` (a ValueTracker of b), a CutSurface keeping b ≥ cut, its cut edge at gdcore's
    J(m, cut). Without it, surface_cls (a ShadedSurface) draws it.

    `levels`: the levels whose first and last bound the colours (by default surface_levels:
    every surface colours each J as every map of J(m, b) does); `level_true`: lit_colors'
    (level faces in the map's colours, the house look of every surface, still or video; False
    only to compare); `aspect`: the box's lengths the light sees; `rim`: a colour for the
    surface's edge (ShadedSurface's rim_color), where its rim runs near the page's colour;
    `blocks`: the sizes of the quads the grid's cells are merged into (merge_cells; (1,): none)."""
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, grid)
    lv = surface_levels(theme, x, y) if levels is None else levels
    look = theme.cost_map.surface
    colors = lit_colors(J, theme.cost_map, lv, aspect=aspect, level_true=level_true)
    mesh = lit_colors(J, theme.cost_map, lv, aspect=aspect, lines=True, level_true=level_true)
    fine = (grid - 1) // 45 if (grid - 1) % 45 == 0 else 1
    kw = dict(background=theme.background, mesh_colors=mesh, mesh_every=look.mesh_every * fine,
              mesh_step=fine,
              mesh_px=look.mesh_px, rim_color=rim, blocks=blocks, block_tol=BLOCK_TOL)
    if cut is None:
        return surface_cls(view, M, B, J, colors, region, **kw)
    return CutSurface(view, M, B, J, colors, region,
                      lambda m, b: regression.cost(m, b, x, y), cut, **kw)


#: The axes' tick numbers: drawn in perspective beside the surface's mesh, TeX's digits at the
#: house minimum (TICK_SIZE, 30) are drawn 10 to 11 px tall at 480p; at this size, 12 px or more.
NUMBER_SIZE = 36


def build_axes(theme, view: View3D, ticks=TICKS, number_size: float = NUMBER_SIZE,
               **kw) -> Axes3D:
    """kw: Axes3D's (apart, inset_ends, label_gap)."""
    return Axes3D(view, ticks, ("m", "b", "J"), theme.muted, theme.text,
                  number_size=max(number_size, NUMBER_SIZE), **kw)
