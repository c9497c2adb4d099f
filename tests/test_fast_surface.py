"""gdviz.fast_surface: the drawn surface holds gdcore's costs, the projection is ThreeDCamera's,
the raster shows the surface where it projects, and visibility follows the surface."""

import matplotlib
import numpy as np
import pytest
from manim import DEGREES, RIGHT, ManimColor, ThreeDCamera
from matplotlib.colors import LogNorm

from gdcore import data, regression
from gdviz import theme, views
from gdviz.cost_surface import lit_colors
from gdviz.cost_surface_scene import BOX, CENTER, FINE, GRID, build_surface, build_view
from gdviz.fast_surface import Axes3D, ShadedSurface, View3D, rotation, visible

X, Y = data.regression_points()


def cost(m, b):
    return regression.cost(m, b, X, Y)


def make():
    view = build_view(float(regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE,
                                                 GRID)[2].max()))
    return view, build_surface(theme.get("light"), view, X, Y)


def test_surface_heights_are_gdcores_cost():
    view, surf = make()
    assert surf.Z.shape == (GRID, GRID)
    np.testing.assert_allclose(surf.Z, cost(surf.X, surf.Y), rtol=0, atol=1e-12)
    np.testing.assert_allclose(surf.X[0], np.linspace(*views.M_RANGE, GRID))
    np.testing.assert_allclose(surf.Y[:, 0], np.linspace(*views.B_RANGE, GRID))
    # the vertices the rasteriser projects are those heights
    np.testing.assert_allclose(surf.vertices[:, 2], cost(surf.vertices[:, 0],
                                                         surf.vertices[:, 1]))
    # sample points: at grid vertices the drawn height is gdcore's cost exactly, between them
    # it is within the grid's interpolation error
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, GRID, 20), rng.integers(0, GRID, 20)
    np.testing.assert_allclose(surf.heights_at(surf.X[i, j], surf.Y[i, j]),
                               cost(surf.X[i, j], surf.Y[i, j]), atol=1e-9)
    m = rng.uniform(*views.M_RANGE, 200)
    b = rng.uniform(*views.B_RANGE, 200)
    np.testing.assert_allclose(surf.heights_at(m, b), cost(m, b), rtol=0.02, atol=0.05)


def test_projection_is_three_d_cameras_rotation():
    cam = ThreeDCamera()
    for phi, theta in ((60, -60), (30, 45), (80, 190)):
        cam.set_phi(phi * DEGREES)
        cam.set_theta(theta * DEGREES)
        np.testing.assert_allclose(rotation(phi * DEGREES, theta * DEGREES),
                                   cam.generate_rotation_matrix(), atol=1e-12)
    view = View3D(((0, 2), (0, 4), (0, 10)), (2, 4, 5), (1.0, -0.5), 0.0, -90.0)
    # straight down from the south (theta = -90°): x to the right, y up the screen
    pts, depth = view.project([[1, 2, 5], [2, 2, 5], [1, 4, 10]])
    np.testing.assert_allclose(pts[0], [1.0, -0.5, 0], atol=1e-12)
    np.testing.assert_allclose(pts[1] - pts[0], RIGHT, atol=1e-12)
    np.testing.assert_allclose(pts[2] - pts[0], [0, 2, 0], atol=1e-12)
    assert depth[2] > depth[0]  # higher is nearer a camera looking down


def test_raster_covers_the_projected_surface_only():
    view, surf = make()
    img = surf.render_rgba()
    assert img.shape == (surf.px_h, surf.px_w, 4)
    bg = np.array([255, 255, 255])
    cx, cy, w, h = surf.region
    pts, _ = view.project(surf.vertices)

    def pixel(p):
        return (int((cy + h / 2 - p[1]) / h * surf.px_h), int((p[0] - cx + w / 2) / w * surf.px_w))

    # the middle of the grid is drawn in a surface colour; the region's corners are background
    mid = pixel(pts[(GRID // 2) * GRID + GRID // 2])
    assert np.abs(img[mid][:3].astype(int) - bg).sum() > 60
    for r, c in ((0, 0), (0, surf.px_w - 1), (surf.px_h - 1, 0)):
        np.testing.assert_array_equal(img[r, c, :3], bg)
    # the whole box fits in the image region for every azimuth
    for theta in range(0, 360, 15):
        view.theta.set_value(theta)
        p, _ = view.project(surf.vertices)
        assert np.all(np.abs(p[:, 0] - cx) < w / 2) and np.all(np.abs(p[:, 1] - cy) < h / 2)


def test_colors_follow_log_height_and_the_light():
    _, _, J = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, 40)
    lv = views.contour_levels(J)
    low = np.unravel_index(J.argmin(), J.shape)
    for t in (theme.LIGHT, theme.DARK):
        look = t.cost_map.surface
        rgb = lit_colors(J, t.cost_map, lv)
        assert rgb.shape == (40, 40, 3)
        # the floor is the map's first fill (flat there: facing the light's altitude only)
        floor = np.array(ManimColor(t.cost_map.fills[0]).to_rgb())
        alt = np.sin(np.radians(look.light_altitude))
        want = floor * (1 - look.shadow * (1 - alt))
        want = want + (1 - want) * look.highlight * alt
        np.testing.assert_allclose(rgb[low], want, atol=0.02)
        # light never makes the pale map paler (light) nor the shade black (dark)
        flat = np.asarray(matplotlib.colormaps[t.cost_map.cmap](
            LogNorm(lv[0], lv[-1], clip=True)(J)))[..., :3]
        if look.highlight == 0:
            assert np.all(rgb <= flat + 1e-9)
        assert np.all(rgb >= flat * (1 - look.shadow) - 1e-9)
    # the two walls of the valley, facing the light and facing away, differ in light: the walls
    # read as a surface
    rgb = lit_colors(J, theme.LIGHT.cost_map, lv)
    flat = np.asarray(matplotlib.colormaps[theme.LIGHT.cost_map.cmap](
        LogNorm(lv[0], lv[-1], clip=True)(J)))[..., :3]
    ratio = (rgb / flat).mean(axis=-1)
    look = theme.LIGHT.cost_map.surface
    assert look.shadow >= 0.2 and ratio.max() - ratio.min() > 0.4 * look.shadow


def test_mesh_lines_are_drawn_and_hidden_like_faces():
    view, surf = make()
    t = theme.LIGHT
    rows, cols = surf.Z.shape
    every = t.cost_map.surface.mesh_every * FINE
    lines = len([i for i in range(rows) if i % every == 0 or i == rows - 1])
    assert lines == 10  # 9 × 9 mesh cells, as the stills'
    assert len(surf.mesh_edges) == 2 * lines * (cols - 1) // FINE
    # each edge (FINE cells long) borders the quads on either side of it (or crosses the
    # merged quad it lies in): a piece of it lies on or in each, and together they hold it all
    for (a, b), owners in zip(surf.mesh_edges, surf.mesh_owners):
        assert abs(b - a) in (FINE, FINE * cols)
        line = range(a, b + 1, (b - a) // FINE)
        held = set()
        for q in owners:
            (i0, j0), (i1, j1) = divmod(surf.quads[q][0], cols), divmod(surf.quads[q][2], cols)
            inside = {v for v in line if i0 <= v // cols <= i1 and j0 <= v % cols <= j1}
            assert len(inside) >= 2
            held |= inside
        assert held == set(line)
    # the mesh adds ink: the image with the mesh differs from one without it along grid lines
    bare = ShadedSurface(view, surf.X, surf.Y, surf.Z, np.ones((rows, cols, 3)) * 0.8,
                         surf.region).render_rgba()
    meshed = ShadedSurface(view, surf.X, surf.Y, surf.Z, np.ones((rows, cols, 3)) * 0.8,
                           surf.region, mesh_colors=np.zeros((rows, cols, 3))).render_rgba()
    dark = meshed[..., :3].sum(axis=-1) < bare[..., :3].sum(axis=-1) - 100
    assert 0.01 < dark.mean() < 0.2


def test_cells_merge_where_the_colour_is_flat_and_stay_fine_in_the_valley():
    """The grid's cells are drawn as fewer quads than the 45 × 45 grid's where the colours
    hardly change, each cell in exactly one quad that covers it; the cells of the valley's
    floor, where the log colours change fast, stay one cell each; each quad is drawn as the
    ring of every vertex round it (no crack where a merged quad meets finer ones)."""
    view, surf = make()
    rows, cols = surf.Z.shape
    assert GRID == 91 and len(surf.quads) < 45 * 45
    nr, nc = rows - 1, cols - 1
    ci, cj = np.divmod(np.arange(nr * nc), nc)
    q = surf.quads[surf.cell_owner]
    assert np.all((q[:, 0] // cols <= ci) & (ci < q[:, 2] // cols))
    assert np.all((q[:, 0] % cols <= cj) & (cj < q[:, 2] % cols))
    areas = (surf.quads[:, 2] // cols - surf.quads[:, 0] // cols) * (
        surf.quads[:, 2] % cols - surf.quads[:, 0] % cols)
    assert areas.sum() == nr * nc
    # the cell holding the minimum is a quad of its own
    m_star, b_star = regression.least_squares(X, Y)
    i = np.searchsorted(surf.Y[:, 0], b_star) - 1
    j = np.searchsorted(surf.X[0], m_star) - 1
    assert areas[surf.cell_owner[i * nc + j]] == 1
    # rings: a quad's corners and every corner of another quad on its edges (no crack where a
    # finer quad meets it), in order round it
    corners = set(surf.quads.ravel().tolist())
    assert sum(len(k) for k, _ in surf._rings) == len(surf.quads)
    for k, ring in surf._rings:
        for quad, r in zip(surf.quads[k], ring):
            (i, j), (i1, j1) = divmod(quad[0], cols), divmod(quad[2], cols)
            edge = {a * cols + b for a in range(i, i1 + 1) for b in range(j, j1 + 1)
                    if a in (i, i1) or b in (j, j1)}
            assert set(r.tolist()) == edge & corners
            ri, rj = np.divmod(r, cols)
            turn = np.sign(np.diff(np.r_[ri, ri[:1]])), np.sign(np.diff(np.r_[rj, rj[:1]]))
            assert np.all(np.abs(turn[0]) + np.abs(turn[1]) == 1)  # along the edges only
    assert max(r.shape[1] for _, r in surf._rings) > 4  # some quads meet finer ones


def test_visibility_follows_the_surface():
    view, _ = make()
    view.phi.set_value(70.0)
    view.theta.set_value(-60.0)
    top = 250.0
    above = np.array([[1.0, 1.0, top]])
    assert visible(view, above, cost)[0]
    # the valley floor seen across the high far corner (4, 8) from a low camera: hidden
    m_star, b_star = regression.least_squares(X, Y)
    view.phi.set_value(88.0)
    view.theta.set_value(45.0 + 180.0)  # the camera beyond (4, 8), looking back
    floor = np.array([[m_star, b_star, cost(m_star, b_star)]])
    assert not visible(view, floor, cost)[0]
    view.phi.set_value(0.0)  # straight down: nothing hides the floor
    assert visible(view, floor, cost)[0]


def test_axes_sit_on_the_near_edges():
    view, _ = make()
    ax = Axes3D(view, ([-2, 4], [-4, 8], [100]), ("m", "b", "J"), "#777777", "#000000")
    y_edge, x_edge, _ = ax.edges()
    assert (y_edge, x_edge) == (views.B_RANGE[0], views.M_RANGE[1])  # theta −60°: south-east
    start, end = ax.lines.points[0], ax.lines.points[3]  # the first line: the m axis
    np.testing.assert_allclose(start, view.p(views.M_RANGE[0], y_edge, 0.0), atol=1e-9)
    np.testing.assert_allclose(end, view.p(views.M_RANGE[1], y_edge, 0.0), atol=1e-9)
    assert BOX and CENTER and isinstance(make()[1], ShadedSurface)


def test_axes_fade_in_shows_nothing_before_it_starts():
    view, _ = make()
    ax = Axes3D(view, ([-2, 4], [-4, 8], [100]), ("m", "b", "J"), "#777777", "#000000")
    anim = ax.fade_in(run_time=1.0)
    ax.update()  # the updater runs every frame: it must keep the faded numbers hidden
    parts = [n for group in ax.numbers for n in group] + list(ax.labels)
    assert all(p.get_fill_opacity() == 0.0 for p in parts)
    assert ax.lines.get_stroke_opacity() == 0.0
    anim.interpolate(1.0)
    assert all(p.get_fill_opacity() == 1.0 for p in parts)  # (no tick at the shared corner)
    assert ax.lines.get_stroke_opacity() == 1.0


def test_cut_surface_keeps_one_side_and_its_edge_at_gdcores_heights():
    from manim import ValueTracker

    view = build_view(float(regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE,
                                                 GRID)[2].max()))
    view.phi.set_value(0.0)  # straight down: b runs up the screen
    view.theta.set_value(-90.0)
    cut = ValueTracker(views.B_RANGE[0])
    surf = build_surface(theme.get("light"), view, X, Y, cut=cut)
    full = surf.render_rgba().copy()
    bg = full[0, 0, :3]
    # the screen rows of the grid before the cut
    row = surf.screen_quads()[0][:, 1].reshape(surf.Z.shape) / surf.ss
    cut.set_value(1.5)
    v, moved = surf.cut_vertices()
    np.testing.assert_allclose(v[moved, 1], 1.5)
    np.testing.assert_allclose(v[moved, 2], cost(v[moved, 0], 1.5), rtol=1e-12)
    assert not moved[surf.Y.ravel() >= 1.5].any() and moved[surf.Y.ravel() < 1.5].all()
    img = surf.render_rgba()
    # the screen row of b = 1.5: below it (b < 1.5) the surface is gone, above it the image is
    # as before the cut
    edge = int(np.round(np.interp(1.5, surf.Y[:, 0], row[:, GRID // 2])))
    below = slice(edge + 3, int(row.max()) - 3)
    assert below.stop - below.start > 50
    assert (np.abs(full[below, :, :3].astype(int) - bg).sum(axis=2) > 0).any()  # was surface
    assert not (np.abs(img[below, :, :3].astype(int) - bg).sum(axis=2) > 0).any()
    above = slice(int(row.min()) + 3, edge - 3)
    np.testing.assert_array_equal(img[above], full[above])


def test_level_true_light_keeps_a_level_face_in_the_maps_colour():
    """With level_true, a level face is the map's colour exactly (in both themes); a face
    turned from the light is darker, by at most the look's shadow; one turned towards it is
    lifted by at most its highlight."""
    J = regression.cost_grid(X, Y, views.M_RANGE, views.B_RANGE, 40)[2]
    lv = views.contour_levels(J)
    for t in (theme.LIGHT, theme.DARK):
        look, cmap = t.cost_map.surface, matplotlib.colormaps[t.cost_map.cmap]
        flat = np.asarray(cmap(LogNorm(lv[0], lv[-1], clip=True)(J)))[..., :3]
        level = np.full_like(J, float(np.sqrt(lv[0] * lv[-1])))
        want = np.asarray(cmap(LogNorm(lv[0], lv[-1], clip=True)(level)))[..., :3]
        np.testing.assert_allclose(lit_colors(level, t.cost_map, lv, level_true=True), want,
                                   atol=1e-12)
        rgb = lit_colors(J, t.cost_map, lv, aspect=BOX, level_true=True)
        assert np.all(rgb >= flat * (1 - look.shadow) - 1e-9)
        assert np.all(rgb <= flat + (1 - flat) * look.highlight + 1e-9)
        # the one house light, across J's valley: the wall turned from it takes the whole
        # shadow (along the valley, as from 315, neither wall did: the bowl read flat)
        share = rgb.sum(axis=-1) / flat.sum(axis=-1)
        assert look.light_azimuth == 240.0
        assert share.min() == pytest.approx(1 - look.shadow, abs=0.02)
        # nearer the map than the stills' light: on the whole, the faces stray less from it
        old = lit_colors(J, t.cost_map, lv, aspect=BOX)
        assert np.abs(rgb - flat).mean() < np.abs(old - flat).mean()


def test_axes_number_their_ticks_in_the_house_form():
    # the stills' tick rule (numbers.tick): sampling-grid-3d's 0.5 and 1, never 0.5 and 1.0
    view, _ = make()
    ax = Axes3D(view, ([0.5, 1], [-2.0, 4.0], [100.0]), ("w_1", "w_2", "w_3"), "#777777",
                "#000000")
    assert [[n.get_tex_string() for n in nums] for nums in ax.numbers] == [
        ["0.5", "1"], ["-2", "4"], ["100"]]
