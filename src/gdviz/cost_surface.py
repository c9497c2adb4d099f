"""The regression cost J(m, b) as a shaded, lit 3-D surface on matplotlib axes.

Drawn by the mse-surface and descent-3d stills alike, so both show the same surface, window and
camera (gdviz.views). The costs are gdcore.regression's. Any other cost surface of a still
(nonconvex-loss) is drawn by the same lit_surface.
"""

from dataclasses import replace

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import LogNorm, Normalize

from gdcore import regression
from gdviz import mpl as gm
from gdviz import views
from gdviz.theme import AXIS_LABELS

#: Tick numbers of the 3-D axes (m ∈ [−2, 4], b ∈ [−6, 8]): the flat maps' (views.M_TICKS,
#: B_TICKS: m by 2, b by 4, so a surface and a map of J(m, b) mark the same values), less those
#: where two axes meet in the stills' view (m = 4 with b = −6 at the front corner, b = 8 with
#: J = 0 at the back one), so no two axes' numbers share a line.
TICKS = ([v for v in views.M_TICKS if v != views.M_RANGE[1]],
         [v for v in views.B_TICKS if v != views.B_RANGE[1]], [100, 200])


#: draw_surface's level lines on the surface (points): the map's level lines, a little thinner;
#: and the grid's mesh under them, thinner than the theme's (mesh_width 0.35), so the two do not
#: read as one dense net.
LEVEL_LINE_WIDTH = 0.45
QUIET_MESH_WIDTH = 0.2


def relit(theme, **look):
    """`theme` with its cost map's SurfaceLook changed as `look` says (mesh_width=…): a
    surface meshed otherwise than the theme's default."""
    cm = theme.cost_map
    return replace(theme, cost_map=replace(cm, surface=replace(cm.surface, **look)))


def lit_colors(Z, cost_map, levels, aspect=(1.0, 1.0, 0.7), lines: bool = False,
               level_true: bool = False, log: bool = True) -> np.ndarray:
    """Per-vertex RGB (rows follow y, 0..1) of the surface z = Z over a regular grid, in the
    theme's cost map (its fills, or its level-line colours when `lines`) on log z (linear z
    when not `log`) between levels[0] and levels[-1], lit as the cost map's SurfaceLook says.
    `aspect`: the box's (x, y, z) lengths, so the light sees the slopes the viewer sees.

    With `level_true`, the light is measured against a level face's (one facing straight up):
    a level face keeps the map's own colour, a face turned from the light is darkened by
    `shadow` × (1 − I / I_level), one turned towards it lifted by `highlight` × (I − I_level) /
    (1 − I_level). A surface drawn beside its flat map then shows each J in the map's colour,
    shaded only where its slope turns it from the light (without it, every face is darkened
    by the shadow's share of 1 − I, a level one too)."""
    look = cost_map.surface
    Z = np.asarray(Z, dtype=np.float64)
    cmap = colormaps[cost_map.line_cmap if lines else cost_map.cmap]
    norm = (LogNorm if log else Normalize)(float(levels[0]), float(levels[-1]), clip=True)
    rgb = np.asarray(cmap(norm(Z)))[..., :3]
    rows, cols = Z.shape
    zr = float(Z.max() - Z.min()) or 1.0
    dz_dy, dz_dx = np.gradient(Z / zr * aspect[2] * look.vert_exag,
                               aspect[1] / (rows - 1), aspect[0] / (cols - 1))
    normal = np.stack([-dz_dx, -dz_dy, np.ones_like(Z)], axis=-1)
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    az, alt = np.radians(90.0 - look.light_azimuth), np.radians(look.light_altitude)
    light = np.array([np.cos(alt) * np.cos(az), np.cos(alt) * np.sin(az), np.sin(alt)])
    lit = np.clip(normal @ light, 0.0, 1.0)[..., None]
    if level_true:
        level = float(light[2])  # the intensity of a level face
        rgb = rgb * (1.0 - look.shadow * (1.0 - np.minimum(lit / level, 1.0)))
        lift = np.maximum(lit - level, 0.0) / (1.0 - level)
        return np.clip(rgb + (1.0 - rgb) * look.highlight * lift, 0.0, 1.0)
    rgb = rgb * (1.0 - look.shadow * (1.0 - lit))
    return np.clip(rgb + (1.0 - rgb) * look.highlight * lit, 0.0, 1.0)


def lit_surface(ax3, theme, X, Y, Z, levels, mesh: bool = True, hidden: bool = False,
                level_true: bool = True, log: bool = True, bare=None):
    """The house 3-D cost surface z = Z over the grid (X, Y): coloured by log z like the cost
    map (the floor of a valley reads), lit, and meshed (theme.cost_map.surface), so it reads as
    a surface; levels[0] and levels[-1] bound its colours (those of the map beside it).
    `mesh=False` leaves the mesh out. `hidden`: a surface that hides part of itself (a ridge in
    front of a trough): a wireframe is drawn after the faces, so its lines would cross the
    ridge; instead the faces (every grid cell, so a steep wall is not drawn as a few broad
    bands) and the mesh's pieces, one per cell side, are one collection, painted back to front
    together, so a face in front hides the mesh behind it. `level_true` (the house look, the
    videos' too, gdviz.cost_surface_scene): faces in lit_colors' level-true colours, each J in
    the colour of the flat map of it, shaded only where a slope turns it from the light, and
    the mesh in the map's level-line colour of the J it crosses (its pieces one per cell
    side), not one colour; False: every face shaded by its own light, a level one too (the
    light theme's pale yellows then turned olive). `log`: colours by log z (False: by z, a
    surface whose flat view is coloured linearly). `bare` (with `hidden`): a function of
    (x, y) arrays, True where the mesh is left out (under a see-through patch drawn over the
    surface, gradient-geometry's tangent plane). Returns the faces' collection."""
    look = theme.cost_map.surface
    rows, cols = np.shape(Z)
    line = colormaps[theme.cost_map.line_cmap](0.6)
    gm.keep_colouring(ax3, levels[0], levels[-1], log=log)  # a flat zoom takes its colours
    if hidden:
        return _hidden_surface(ax3, theme, X, Y, Z, levels, mesh, line, level_true, log, bare)
    rcount, ccount = min(rows, views.SURFACE_GRID_SIZE), min(cols, views.SURFACE_GRID_SIZE)
    surf = ax3.plot_surface(X, Y, Z, facecolors=lit_colors(Z, theme.cost_map, levels,
                                                           level_true=level_true),
                            linewidth=0, antialiased=False, rcount=rcount, ccount=ccount,
                            shade=False)
    surf.set_rasterized(True)
    if not mesh:
        return surf
    if level_true:
        return _level_mesh(ax3, theme, X, Y, Z, levels, surf)
    # The mesh: every look.mesh_every-th grid line, in the map's level-line colour (mid-map).
    wires = ax3.plot_wireframe(X, Y, Z, rcount=(rcount - 1) // look.mesh_every + 1,
                              ccount=(ccount - 1) // look.mesh_every + 1,
                              linewidth=look.mesh_width, color=line)
    wires.set_rasterized(True)
    return surf


def _mesh_lines(n: int, every: int) -> list[int]:
    """The grid lines (indices of n) plot_wireframe draws over a SURFACE_GRID_SIZE grid with
    every `every`-th line: its stride, and the last line."""
    m = min(n, views.SURFACE_GRID_SIZE)
    step = max(1, int(np.ceil(n / ((m - 1) // every + 1))))
    return sorted({*range(0, n, step), n - 1})


def _level_mesh(ax3, theme, X, Y, Z, levels, surf):
    """lit_surface's mesh (its grid lines) as pieces, one per cell side, each in the map's
    level-line colour (lit level-true, as its faces) of the J at its middle, as the videos'
    mesh is drawn. Returns `surf`."""
    from mpl_toolkits.mplot3d.art3d import Line3DCollection

    look = theme.cost_map.surface
    X, Y, Z = (np.asarray(a, dtype=np.float64) for a in (X, Y, Z))
    rows, cols = Z.shape
    P = np.stack([X, Y, Z], axis=-1)
    ink = lit_colors(Z, theme.cost_map, levels, lines=True, level_true=True)
    segs, colors = [], []
    for i in _mesh_lines(rows, look.mesh_every):
        for j in range(cols - 1):
            segs.append(P[i, [j, j + 1]])
            colors.append((*(ink[i, j] + ink[i, j + 1]) / 2, 1.0))
    for j in _mesh_lines(cols, look.mesh_every):
        for i in range(rows - 1):
            segs.append(P[[i, i + 1], j])
            colors.append((*(ink[i, j] + ink[i + 1, j]) / 2, 1.0))
    wires = Line3DCollection(segs, colors=colors, linewidths=look.mesh_width)
    ax3.add_collection3d(wires)
    wires.set_rasterized(True)
    return surf


def _hidden_surface(ax3, theme, X, Y, Z, levels, mesh, line, level_true=True, log=True,
                    bare=None):
    """lit_surface's faces and mesh as one depth-sorted Poly3DCollection (see `hidden`): the
    faces unoutlined and not antialiased (as plot_surface's: no seam between them), each mesh
    piece a two-point polygon with no fill, in the level-line colour of its J
    (level_true, as _level_mesh's); the mesh on the grid lines lit_surface's wireframe would
    draw (every look.mesh_every-th of the SURFACE_GRID_SIZE it samples)."""
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    look = theme.cost_map.surface
    X, Y, Z = (np.asarray(a, dtype=np.float64) for a in (X, Y, Z))
    rows, cols = Z.shape
    P = np.stack([X, Y, Z], axis=-1)
    rgb = lit_colors(Z, theme.cost_map, levels, level_true=level_true, log=log)
    polys, fills, edges = [], [], []
    for i in range(rows - 1):
        for j in range(cols - 1):
            polys.append(P[[i, i, i + 1, i + 1], [j, j + 1, j + 1, j]])
            fills.append((*rgb[i, j], 1.0))
            edges.append((0.0, 0.0, 0.0, 0.0))
    if mesh:
        # the wireframe's lines (as plot_wireframe spaces them over a SURFACE_GRID_SIZE grid),
        # each piece in the map's level-line colour of the J at its middle, as _level_mesh's
        # (one colour read as a dark net over the pale light faces)
        ink = (lit_colors(Z, theme.cost_map, levels, lines=True, level_true=True, log=log)
               if level_true else np.broadcast_to(np.asarray(line)[:3], (*Z.shape, 3)))
        clear = (0.0, 0.0, 0.0, 0.0)
        pieces = [P[i, [j, j + 1]] for i in _mesh_lines(rows, look.mesh_every)
                  for j in range(cols - 1)]
        inks = [(ink[i, j] + ink[i, j + 1]) / 2 for i in _mesh_lines(rows, look.mesh_every)
                for j in range(cols - 1)]
        pieces += [P[[i, i + 1], j] for j in _mesh_lines(cols, look.mesh_every)
                   for i in range(rows - 1)]
        inks += [(ink[i, j] + ink[i + 1, j]) / 2 for j in _mesh_lines(cols, look.mesh_every)
                 for i in range(rows - 1)]
        keep = np.ones(len(pieces), dtype=bool)
        if bare is not None:
            mid = np.mean(pieces, axis=1)
            keep = ~np.asarray(bare(mid[:, 0], mid[:, 1]), dtype=bool)
        for piece, colour, k in zip(pieces, inks, keep):
            if k:
                polys.append(piece)
                fills.append(clear)
                edges.append((*colour, 1.0))
    surf = Poly3DCollection(polys, facecolors=fills, edgecolors=edges,
                            linewidths=look.mesh_width, antialiased=False)
    # no limits from the faces: the mesh pieces are shorter than the faces, and matplotlib pads
    # such ragged polygons with uninitialised values, which autoscaling read (an infinite
    # limit, now and then); the limits are the grid's, next
    ax3.add_collection3d(surf, autolim=False)
    ax3.auto_scale_xyz(X, Y, Z)
    surf.set_rasterized(True)
    return surf


def draw_surface(ax3, theme, x, y, ticks=TICKS, levels=None, level_true: bool = True,
                 level_lines: bool = False, b_range=views.B_RANGE):
    """The shaded, lit surface J(m, b) on a 3-D axes, with its minimum starred (shared with
    the descent-3d figure). `ticks`: the m, b and J ticks (views.M_TICKS, B_TICKS, J_TICKS
    give the surface the ticks of its flat map, J from 0). `levels`: those whose first and
    last bound its colours (a map's beside it; by default its own grid's); `level_true`:
    lit_surface's (the videos' look). `level_lines`: the levels drawn on the surface as level
    lines, in the map's level-line colours, so the flat floor's nested ellipses read on the
    surface as on its map (the grid's mesh then thinner, QUIET_MESH_WIDTH). `b_range`: the b
    the surface and its box span (views.B_RANGE; descent-3d's front edge cuts through the
    valley's floor)."""
    m_best, b_best = regression.least_squares(x, y)
    j_best = regression.cost(m_best, b_best, x, y)
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, b_range, views.SURFACE_GRID_SIZE)
    lv = views.contour_levels(J) if levels is None else levels
    if level_lines:  # the level lines lead, the grid's mesh recedes under them
        theme = relit(theme, mesh_width=QUIET_MESH_WIDTH)
    lit_surface(ax3, theme, M, B, J, lv, level_true=level_true)
    if level_lines:
        _level_lines(ax3, theme, x, y, lv)
    ax3.plot([m_best], [b_best], [j_best], **theme.marker("minimum"), label="minimum")
    ax3.view_init(elev=views.VIEW_ELEV, azim=views.VIEW_AZIM)
    ax3.set_xlim(*views.M_RANGE)
    ax3.set_ylim(*b_range)
    for set_ticks, axis_ticks in zip((ax3.set_xticks, ax3.set_yticks, ax3.set_zticks), ticks):
        set_ticks(axis_ticks)
    ax3.set_xlabel(AXIS_LABELS["slope"], labelpad=-4)
    ax3.set_ylabel(AXIS_LABELS["intercept"], labelpad=2)
    ax3.set_zlabel(AXIS_LABELS["cost"], labelpad=-6)
    ax3.tick_params(axis="both", pad=-2, labelsize=theme.small_size)
    gm.clear_panes(ax3, theme)
    ax3.set_box_aspect((1, 1, 0.7), zoom=1.05)


def _level_lines(ax3, theme, x, y, levels):
    """draw_surface's level lines: each level of the map beside it traced on the surface at
    its height (on the fine grid of the flat maps, so the innermost ellipses are smooth), in
    the map's level-line colour. Drawn in order, not depth-sorted: mplot3d sorts a collection
    by its nearest point, and the lines, which leave the near corner bare, sorted behind the
    faces and were hidden; the bowl, convex and seen from above, hides none of itself, so the
    faces, the mesh, the lines and the star are drawn in that order."""
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    cm = theme.cost_map
    lines = ax3.contour(M, B, J, levels=levels, cmap=cm.line_cmap,
                        norm=LogNorm(float(levels[0]), float(levels[-1])),
                        linewidths=LEVEL_LINE_WIDTH, zorder=1)
    lines.set_rasterized(True)
    ax3.computed_zorder = False
