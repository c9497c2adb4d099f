"""descent-3d: the drawn path lies on the surface, at gdcore's costs."""

import re

import numpy as np
import pytest
from endmarks import assert_end_beside_star, assert_key_matches_end
from figure_baselines import figure

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th
from gdviz.cost_surface import TICKS


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_path_follows_gdcore_and_sits_on_the_surface(theme_name):
    module = gm.load("figures.descent_3d")
    fig = figure("descent_3d", theme_name)
    ax3 = fig.axes[0]
    assert ax3.name == "3d"
    path = max((ln for ln in ax3.lines if hasattr(ln, "get_data_3d")),
               key=lambda ln: len(ln.get_data_3d()[0]))
    m, b, z = (np.asarray(a) for a in path.get_data_3d())
    t = module.trajectory()
    x, y = data.regression_points()
    lift = 0.01 * float(np.ptp(t.losses))
    np.testing.assert_allclose(z - lift, regression.cost(m, b, x, y), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose([m[0], b[0]], t.points[0])
    np.testing.assert_allclose([m[-1], b[-1]], t.points[-1])
    assert not t.diverged and t.steps == 1000
    labels = [txt.get_text() for txt in ax3.get_legend().get_texts()]
    assert labels == ["minimum", "start", "35 of its points", "after 1,000 steps"]
    assert len(module.shown_steps(t)) == 35
    # the ball's height falls along the path, from high on the wall: gdcore's losses
    top = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, 70)[2].max()
    assert t.losses[0] > 0.35 * top
    assert np.all(np.diff(t.losses) <= 0)
    (start,) = [ln for ln in ax3.lines if ln.get_label() == "start"]
    np.testing.assert_allclose(np.ravel(start.get_data_3d())[2] - lift, t.losses[0])
    # the end square of gdcore's last point, set just beside the star, in both views
    (star,) = [ln for ln in ax3.lines if ln.get_label() == "minimum"]
    (end,) = fig.findobj(lambda a: a.get_gid() == "end")
    (key,) = fig.findobj(lambda a: a.get_gid() == "end-key")
    assert key.get_label() == "after 1,000 steps"
    from mpl_toolkits.mplot3d import proj3d

    fig.canvas.draw()
    last = proj3d.proj_transform(*t.points[-1], t.losses[-1] + lift, ax3.get_proj())[:2]
    star_xy = proj3d.proj_transform(*np.ravel(star.get_data_3d()), ax3.get_proj())[:2]
    good = th.get(theme_name).good
    assert_end_beside_star(fig, end, star, last, star_xy, good)
    assert_key_matches_end(fig, end, star)  # the key as the page draws the mark
    floor = [ax for ax in fig.axes if ax.name != "3d"][0]
    floor_lines = {ln.get_gid(): ln for ln in floor.lines}
    (floor_end,) = fig.findobj(lambda a: a.get_gid() == "floor-end")
    assert_end_beside_star(fig, floor_end, floor_lines["floor-minimum"], t.points[-1],
                           regression.least_squares(x, y), good)


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_end_square_and_the_floor_view_show_gdcores_points(theme_name):
    """The end is the house end square at gdcore's last point, in both views; the floor view
    (2-D, from above) holds every drawn point from the third on, apart, with the star."""
    from gdviz import theme as th

    module = gm.load("figures.descent_3d")
    fig = figure("descent_3d", theme_name)
    t = module.trajectory()
    theme = th.get(theme_name)
    x, y = data.regression_points()
    lift = 0.01 * float(np.ptp(t.losses))
    ax3 = fig.axes[0]
    # the end square at gdcore's last point (projected), no leader
    (end,) = fig.findobj(lambda a: a.get_gid() == "end")
    assert not fig.findobj(lambda a: a.get_gid() == "end-leader")
    from mpl_toolkits.mplot3d import proj3d

    fig.canvas.draw()
    xy = proj3d.proj_transform(*t.points[-1], t.losses[-1] + lift, ax3.get_proj())[:2]
    np.testing.assert_allclose(np.ravel(end.get_data()), xy, rtol=1e-9, atol=1e-12)
    assert end.get_marker() == "s" and end.get_markerfacecolor() == theme.accent
    floor = [ax for ax in fig.axes if ax.name != "3d"]
    assert len(floor) == 1
    lines = {ln.get_gid(): ln for ln in floor[0].lines}
    shown = module.shown_steps(t)
    np.testing.assert_array_equal(np.column_stack(lines["floor-dots"].get_data()),
                                  t.points[shown])
    np.testing.assert_array_equal(np.ravel(lines["floor-end"].get_data()), t.points[-1])
    assert lines["floor-end"].get_marker() == "s"
    assert lines["floor-end"].get_markerfacecolor() == theme.accent
    np.testing.assert_allclose(np.ravel(lines["floor-minimum"].get_data()),
                               regression.least_squares(x, y))
    (m0, m1), (b0, b1) = floor[0].get_xlim(), floor[0].get_ylim()
    inside = t.points[shown[2:]]
    assert np.all((m0 < inside[:, 0]) & (inside[:, 0] < m1))
    assert np.all((b0 < inside[:, 1]) & (inside[:, 1] < b1))
    # a unit of m and a unit of b as long on the page: the contours keep their shape
    box = floor[0].get_window_extent()
    assert (box.width / (m1 - m0)) / (box.height / (b1 - b0)) == pytest.approx(1, rel=0.01)
    assert gm.text_overlaps(fig) == []
    # the floor view's path from its third drawn point on: all of it inside the view
    path = np.column_stack(lines["floor-path"].get_data())
    np.testing.assert_array_equal(path, t.points[shown[2]: shown[-1] + 1])
    assert np.all((m0 < path[:, 0]) & (path[:, 0] < m1) & (b0 < path[:, 1]) & (path[:, 1] < b1))
    # the way the path goes: its first step across the valley (m falls), its second back over
    # it (m rises), an arrowhead on each on the page pointing so, at the step's projected middle
    assert t.points[shown[1], 0] < t.points[shown[0], 0] < 4
    assert t.points[shown[2], 0] > t.points[shown[1], 0]
    for k, sign in ((1, -1), (2, 1)):
        (way,) = fig.findobj(lambda a, k=k: a.get_gid() == f"way-{k}")
        mid = t.points[shown[k - 1: k + 1]].mean(axis=0)
        at = proj3d.proj_transform(*mid, regression.cost(*mid, x, y) + lift, ax3.get_proj())[:2]
        np.testing.assert_allclose(way.xyann, at, rtol=1e-9, atol=1e-12)
        assert np.sign(way.xy[0] - way.xyann[0]) == sign


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
    assert (cols[-1] - cols[0]) > 0.85 * ink.shape[1] and (rows[-1] - rows[0]) > 0.85 * ink.shape[0]
    # no tick number where two axes meet (m's end and b's start at the front right corner, b's
    # end and J's 0 at the back right one): no two axes' numbers on one line, none overlapping
    for ticks, drawn in zip(TICKS, (ax3.get_xticks(), ax3.get_yticks(), ax3.get_zticks())):
        np.testing.assert_allclose(drawn, ticks)
    m_ticks, b_ticks, j_ticks = TICKS
    assert views.M_RANGE[1] not in m_ticks and 0 not in j_ticks
    assert views.B_RANGE[0] < min(b_ticks) and max(b_ticks) < views.B_RANGE[1]
    # the flat maps' values (m by 2, b by 4): a surface and a map of J mark the same numbers
    assert set(m_ticks) <= set(views.M_TICKS) and set(b_ticks) <= set(views.B_TICKS)
    assert gm.axes3d_tick_gap(ax3) >= 10.0  # points: more than a number's width
    assert gm.text_overlaps(fig) == []
    # the words count what is drawn: the dots, and where the first step lands
    t = module.trajectory()
    (dots,) = [c for c in ax3.collections if hasattr(c, "_offsets3d")]
    np.testing.assert_allclose(np.ravel(dots._offsets3d[0]), t.points[module.shown_steps(t), 0])
    words = " ".join(module.__doc__.format(**module.facts()).split())
    assert f"the dots mark {len(module.shown_steps(t))} of its points" in words
    # "still on the drawn surface": every step inside the drawn window
    assert views.M_RANGE[0] < t.points[:, 0].min() and t.points[:, 0].max() < views.M_RANGE[1]
    assert f"(m = \u2212{abs(t.points[1, 0]):.2f})" in words
