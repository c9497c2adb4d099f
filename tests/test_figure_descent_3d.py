"""descent-3d: the drawn path lies on the surface, at gdcore's costs."""

import re

import matplotlib.colors as mcolors
import numpy as np
import pytest
from endmarks import assert_end_frames_star, assert_key_matches_end
from figure_baselines import figure
from matplotlib.contour import QuadContourSet

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th
from gdviz.cost_surface import TICKS


def _page(ax3, m, b, j):
    from mpl_toolkits.mplot3d import proj3d

    return np.array([proj3d.proj_transform(p, q, r, ax3.get_proj())[:2]
                     for p, q, r in zip(m, b, j)])


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_path_is_gdcores_iterates_on_the_surface(theme_name):
    """Every iterate at its own cost (lifted a hair over the faces), joined by straight
    segments: the first two steps as arrows between the projected iterates, the ends of the
    first three steps dots, the rest one line through every iterate."""
    module = gm.load("figures.descent_3d")
    fig = figure("descent_3d", theme_name)
    ax3 = fig.axes[0]
    assert ax3.name == "3d"
    t = module.trajectory()
    x, y = data.regression_points()
    assert not t.diverged and t.steps == 1000
    lift = 0.01 * float(np.ptp(t.losses))
    lines = {ln.get_gid(): ln for ln in ax3.lines}
    m, b, z = (np.asarray(a) for a in lines["path"].get_data_3d())
    jumps = len(fig.findobj(lambda a: str(a.get_gid()).startswith("jump-")))
    assert jumps == module.JUMPS == 2  # each long enough on the page for a head
    np.testing.assert_array_equal(np.column_stack([m, b]), t.points[jumps:])
    np.testing.assert_allclose(z - lift, regression.cost(m, b, x, y), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(z - lift, t.losses[jumps:], rtol=1e-9, atol=1e-12)
    dm, db, dz = (np.asarray(a) for a in lines["steps"].get_data_3d())
    np.testing.assert_array_equal(np.column_stack([dm, db]), t.points[1:4])
    np.testing.assert_allclose(dz - lift, t.losses[1:4])
    np.testing.assert_allclose(np.ravel(lines["start"].get_data_3d())[2] - lift, t.losses[0])
    # the start high on the wall (two fifths of the window's highest cost), J read from 0
    top = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, 70)[2].max()
    assert t.losses[0] > 0.35 * top
    assert np.all(np.diff(t.losses) <= 0)
    np.testing.assert_allclose(ax3.get_zticks(), module.J_TICKS)
    assert 0 in module.J_TICKS
    (cost,) = fig.findobj(lambda a: a.get_gid() == "start-cost")
    assert cost.get_text() == f"$J = {numbers.cost(t.losses[0], 'mathtext')}$"
    assert cost.get_bbox_patch() is None  # on a halo of the page colour, never a box
    assert cost.get_path_effects()[0].color == th.get(theme_name).background
    # the arrows: straight, from one projected iterate to the next, the first across the
    # valley (leftwards on the page), the second back (rightwards)
    fig.canvas.draw()
    page = _page(ax3, t.points[:3, 0], t.points[:3, 1], t.losses[:3] + lift)
    for k, sign in ((1, -1), (2, 1)):
        (way,) = fig.findobj(lambda a, k=k: a.get_gid() == f"jump-{k}")
        np.testing.assert_allclose(way.xyann, page[k - 1], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(way.xy, page[k], rtol=1e-9, atol=1e-12)
        assert np.sign(way.xy[0] - way.xyann[0]) == sign
    # the legend in the top left corner names what is drawn, the end as "end" (the caption
    # says it frames the star)
    labels = [txt.get_text() for txt in ax3.get_legend().get_texts()]
    assert labels == [module.run_label(), "start", "minimum", "end"]
    # the key names the run's start, not gd-regression's (3, −4)
    assert labels[0].startswith(views.run_name(0.1)) and "(3.5, 2)" in labels[0]
    legend = ax3.get_legend().get_window_extent()
    assert legend.x0 < 0.02 * fig.bbox.width and legend.y1 > 0.97 * fig.bbox.height
    assert all(legend.y0 > ax.get_window_extent().y1 for ax in fig.axes if ax.name != "3d")
    # in the room the bowl leaves over its low back corner: no point of the surface under
    # any of its words
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, ax3.get_ylim(), 46)
    on = ax3.transData.transform(_page(ax3, M.ravel(), B.ravel(), J.ravel()))
    words = ax3.get_legend().get_texts()
    assert not any(w.get_window_extent().padded(2.0).count_contains(on) for w in words)


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_end_square_frames_the_star_at_the_last_point_in_both_views(theme_name):
    module = gm.load("figures.descent_3d")
    fig = figure("descent_3d", theme_name)
    t = module.trajectory()
    theme = th.get(theme_name)
    x, y = data.regression_points()
    ax3 = fig.axes[0]
    (star,) = [ln for ln in ax3.lines if ln.get_label() == "minimum"]
    (end,) = fig.findobj(lambda a: a.get_gid() == "end")
    (key,) = fig.findobj(lambda a: a.get_gid() == "end-key")
    assert key.get_label() == "end"
    assert end.get_marker() == "s" and end.colour == theme.accent
    fig.canvas.draw()
    # at the last point's own height, as the star is drawn: no lift to set it above the star
    (last,) = _page(ax3, [t.points[-1, 0]], [t.points[-1, 1]], [t.losses[-1]])
    (star_xy,) = _page(ax3, *([v] for v in np.ravel(star.get_data_3d())))
    ink = theme.mark_color("minimum")
    assert_end_frames_star(fig, end, star, last, star_xy, ink)
    assert_key_matches_end(fig, end, star)  # the key as the page draws the mark
    floor = [ax for ax in fig.axes if ax.name != "3d"][0]
    floor_lines = {ln.get_gid(): ln for ln in floor.lines}
    (floor_end,) = fig.findobj(lambda a: a.get_gid() == "floor-end")
    assert_end_frames_star(fig, floor_end, floor_lines["floor-minimum"], t.points[-1],
                           regression.least_squares(x, y), ink)
    assert floor_end.colour == theme.accent


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_floor_view_enlarges_the_box_outlined_on_the_surface(theme_name):
    """The floor view (2-D, from above) is the window outlined on the surface: the same (m, b)
    box, holding every iterate from the third on, the house descent path of gdcore's points."""
    module = gm.load("figures.descent_3d")
    fig = figure("descent_3d", theme_name)
    t = module.trajectory()
    x, y = data.regression_points()
    ax3 = fig.axes[0]
    (floor,) = [ax for ax in fig.axes if ax.name != "3d"]
    (m0, m1), (b0, b1) = floor.get_xlim(), floor.get_ylim()
    assert floor.get_title() == "Inside the box,\nfrom above"
    (outline,) = [ln for ln in ax3.lines if ln.get_gid() == "zoom-window"]
    om, ob, oz = (np.asarray(a) for a in outline.get_data_3d())
    assert (om.min(), om.max(), ob.min(), ob.max()) == pytest.approx((m0, m1, b0, b1))
    lift = 0.01 * float(np.ptp(t.losses))
    np.testing.assert_allclose(oz - lift, regression.cost(om, ob, x, y), rtol=1e-9)
    inside = t.points[2:]
    assert np.all((m0 < inside[:, 0]) & (inside[:, 0] < m1))
    assert np.all((b0 < inside[:, 1]) & (inside[:, 1] < b1))
    assert not np.any((m0 < t.points[:2, 0]) & (t.points[:2, 0] < m1))  # the start and step 1
    lines = {ln.get_gid(): ln for ln in floor.lines}
    np.testing.assert_array_equal(np.ravel(lines["floor-entry"].get_data()), t.points[2])
    # the first six landings' dots, those a dot's width apart on the page (none piled up)
    dots = np.column_stack(lines["floor-path-steps"].get_data())
    assert 3 <= len(dots) < 6
    np.testing.assert_array_equal(dots[0], t.points[3])
    assert all(np.any(np.all(d == t.points[3:9], axis=1)) for d in dots)
    fig.canvas.draw()
    on_pt = floor.transData.transform(dots) * 72 / fig.dpi
    assert np.hypot(*np.diff(on_pt, axis=0).T).min() >= module.FLOOR_DOT_GAP
    # joined to its window on the surface by two thin lines in ink, to its top corners
    t_ = th.get(theme_name)
    for k, corner in enumerate(((0, 1), (1, 1))):
        (c,) = fig.findobj(lambda a, k=k: a.get_gid() == f"zoom-leader-{k + 1}")
        assert c.xy2 == corner and c.get_linewidth() < outline.get_linewidth()
        assert np.allclose(c.get_edgecolor()[:3], mcolors.to_rgb(t_.text))
        # no leader runs through the view's title (set beside the view, right of its foot)
        title = floor.title.get_window_extent()
        a, b = c.coords1.transform(c.xy1), c.coords2.transform(c.xy2)
        line = a + np.linspace(0.0, 1.0, 200)[:, None] * (b - a)
        assert not np.any([title.contains(*p) for p in line])
    path = np.column_stack(lines["floor-path"].get_data())
    np.testing.assert_array_equal(path[-1], t.points[-1])
    np.testing.assert_array_equal(np.ravel(lines["floor-end"].get_data()), t.points[-1])
    np.testing.assert_allclose(np.ravel(lines["floor-minimum"].get_data()),
                               regression.least_squares(x, y))
    # a unit of m and a unit of b as long on the page: the contours keep their shape
    box = floor.get_window_extent()
    assert (box.width / (m1 - m0)) / (box.height / (b1 - b0)) == pytest.approx(1, rel=0.01)
    assert gm.text_overlaps(fig) == []
    # one treatment of every surface: a square mesh, no level lines traced over it (they
    # crossed its cells as diagonals)
    assert not [c for c in ax3.get_children() if isinstance(c, QuadContourSet)]


def test_words_match_gdcore():
    from gdcore.cost_descent import DESCENT_3D

    module = gm.load("figures.descent_3d")
    t = DESCENT_3D.run()
    x, y = data.regression_points()
    words = " ".join(module.__doc__.format(**module.facts()).split())
    assert "(m, b) = (3.5, 2)" in words and f"J = {numbers.cost(t.losses[0])}" in words
    assert f"falls to J = {t.losses[1]:.0f}" in words and "1,000 steps" in words
    assert f"ending at J = {t.losses[-1]:.4f}" in words
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    assert f"the least J is {j_star:.4f}" in words
    assert "1e" not in words and not re.search(r"-\d", words)  # U+2212 minus only


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_still_is_cropped_and_no_text_overlaps(theme_name):
    module = gm.load("figures.descent_3d")
    fig = figure("descent_3d", theme_name)
    ax3 = fig.axes[0]
    # cropped to its content: the ink (pixels off the background) spans nearly all the page
    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    ink = np.abs(rgb - rgb[0, -1]).sum(axis=2) > 30  # the top right corner is background
    cols, rows = np.flatnonzero(ink.any(axis=0)), np.flatnonzero(ink.any(axis=1))
    h, w = ink.shape
    assert cols[0] < 0.06 * w and cols[-1] > 0.96 * w  # no empty margin either side
    assert rows[0] < 0.03 * h and rows[-1] > 0.97 * h
    # no tick number where two axes meet (m's end and b's start at the front right corner, b's
    # end at the back right one, where J's 0 is): no two axes' numbers on one line
    ticks = (TICKS[0], module.B_TICKS, module.J_TICKS)
    for want, drawn in zip(ticks, (ax3.get_xticks(), ax3.get_yticks(), ax3.get_zticks())):
        np.testing.assert_allclose(drawn, want)
    m_ticks, b_ticks, j_ticks = ticks
    assert views.M_RANGE[1] not in m_ticks and 0 in j_ticks
    assert max(b_ticks) < views.B_RANGE[1]
    # the flat maps' values (every MAP_TICK_STEP): a surface and a map of J mark the same
    # numbers; at least three on the shortened b axis
    assert set(m_ticks) <= set(views.M_TICKS)
    assert set(b_ticks) <= set(views.map_ticks(*views.B_RANGE)) and len(b_ticks) >= 3
    assert min(b_ticks) > ax3.get_ylim()[0]
    assert gm.axes3d_tick_gap(ax3) >= 10.0  # points: more than a number's width
    assert gm.text_overlaps(fig) == []
    # the words count what is drawn: the dots, and where the first step lands
    t = module.trajectory()
    (dots,) = [ln for ln in ax3.lines if ln.get_gid() == "steps"]
    assert len(dots.get_data_3d()[0]) == module.STEP_DOTS == 3
    words = " ".join(module.__doc__.format(**module.facts()).split())
    assert ("these two steps are drawn as arrows, and a dot marks the end of each of the first"
            " three") in words
    # "still on the drawn surface": every step inside the drawn window
    assert views.M_RANGE[0] < t.points[:, 0].min() and t.points[:, 0].max() < views.M_RANGE[1]
    assert f"(m = \u2212{abs(t.points[1, 0]):.2f})" in words


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_whole_bowl_fills_the_page_its_minimum_in_plain_view(theme_name):
    """The drawing fills the page: the surface's highest point stands in the page's top tenth
    (4.8 inches tall, the box's empty back corner over it, it stood 24 % down), and no grid is
    drawn on the panes. The whole bowl is drawn, b over the house window (cut at the floor
    view's window's front edge, b from 0.73, it was half a bowl sliced through its floor), and
    no part of it lies between the eye and the minimum: no point of the surface away from the
    minimum is drawn on the star's spot nearer the eye than the star. The leaders, which cross
    the front of the bowl, each lie on a casing of the page colour."""
    from mpl_toolkits.mplot3d import proj3d

    fig = figure("descent_3d", theme_name)
    ax3 = fig.axes[0]
    fig.canvas.draw()
    x, y = data.regression_points()
    assert ax3.get_ylim() == pytest.approx(views.B_RANGE)
    assert ax3.get_xlim() == pytest.approx(views.M_RANGE)
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, 120)
    page = ax3.transData.transform(_page(ax3, M.ravel(), B.ravel(), J.ravel()))
    top = fig.transFigure.inverted().transform(page)[:, 1].max()
    assert top > 0.9
    assert not ax3._draw_grid
    proj = ax3.get_proj()
    depth = proj3d.proj_transform(M.ravel(), B.ravel(), J.ravel(), proj)[2]
    m_star, b_star = regression.least_squares(x, y)
    j_star = regression.cost(m_star, b_star, x, y)
    star_page = ax3.transData.transform(_page(ax3, [m_star], [b_star], [j_star]))[0]
    star_depth = proj3d.proj_transform(m_star, b_star, j_star, proj)[2]
    spot = np.hypot(*(page - star_page).T) < 4.0 * fig.dpi / 72  # under the star's points
    away = np.hypot(M.ravel() - m_star, B.ravel() - b_star) > 0.5
    assert np.any(spot & ~away)  # the floor round the minimum is there, at the star
    nearer = depth < star_depth  # nearer the eye (mplot3d's depth grows away from it)
    assert not np.any(spot & away & nearer)
    t_ = th.get(theme_name)
    for k in (1, 2):
        (c,) = fig.findobj(lambda a, k=k: a.get_gid() == f"zoom-leader-{k}")
        (casing, _) = c.get_path_effects()
        assert mcolors.same_color(casing.color, t_.background)
