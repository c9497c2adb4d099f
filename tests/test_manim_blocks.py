"""The building blocks of the descent scenes draw exactly the numbers they are given."""

import numpy as np
import pytest
from manim import ValueTracker

from gdcore import data, regression
from gdviz import theme, views
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    class_mark,
    clipped_curve,
    contour_image,
    contour_rgba,
    map_axes,
    partial_path,
)


def test_partial_path_keeps_gdcore_points_and_a_tip():
    p = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 2.0]])
    np.testing.assert_allclose(partial_path(p, 1), p[:2])
    np.testing.assert_allclose(partial_path(p, 1.5), [[0, 0], [1, 0], [1, 1]])
    np.testing.assert_allclose(partial_path(p, 9), p)
    np.testing.assert_allclose(partial_path(p, 2, tail=1), p[1:])


def test_clipped_curve_ends_on_the_top():
    xs, ys = clipped_curve([0, 1, 2, 3], [1.0, 10.0, 1000.0, 1e6], top=100.0)
    np.testing.assert_allclose(xs, [0, 1, 1.5])
    np.testing.assert_allclose(ys, [1, 10, 100])


def test_contour_image_sits_on_the_axes_and_trail_draws_points():
    t = theme.get("light")
    x, y = data.regression_points()
    ax = map_axes(t, [*views.M_RANGE, 1], [*views.B_RANGE, 2], 4, 5)
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, 40)
    img = contour_image(t, M, B, J, ax)
    np.testing.assert_allclose(img.get_corner([-1, -1, 0])[:2],
                               ax.c2p(views.M_RANGE[0], views.B_RANGE[0])[:2], atol=1e-6)
    np.testing.assert_allclose(img.get_corner([1, 1, 0])[:2],
                               ax.c2p(views.M_RANGE[1], views.B_RANGE[1])[:2], atol=1e-6)
    rgba = contour_rgba(t, J)
    assert rgba.shape == (40, 40, 4) and rgba.dtype == np.uint8
    tracker = ValueTracker(2)
    pts = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, -1.0], [3.0, 2.0]])
    trail = Trail(ax, pts, tracker, color=t.accent)
    a = trail.get_anchors()
    np.testing.assert_allclose([ax.p2c(q) for q in np.vstack([a[:1], a[1::2]])], pts[:3],
                               atol=1e-9)


def test_contour_lines_are_traced_smooth_at_the_screens_size():
    """A map traced at a size of its own (the screen's pixels) from a coarse grid: its level
    lines lie where the levels are (each ring of a bowl at its radius to a fraction of a pixel,
    all round) and are `line_px` wide, anti-aliased, not a staircase of the grid's cells."""
    t = theme.get("light")
    n, size = 41, (300, 200)  # columns, rows: a wide image of the square window [-1, 1]²
    g = np.linspace(-1, 1, n)
    X, Y = np.meshgrid(g, g)
    Z = X**2 + Y**2 + 0.01
    rgba = contour_rgba(t, Z, log=False, levels=6, size=size, line_px=1.5)
    assert rgba.shape == (200, 300, 4) and rgba.dtype == np.uint8
    bare = contour_rgba(t, Z, log=False, levels=6, size=size, lines=False)
    ink = np.abs(rgba[..., :3].astype(float) - bare[..., :3]).sum(axis=2)
    ink = np.flipud(ink / ink.max())  # rows follow y upwards again
    # pixel centres in the window's coordinates
    xs = (np.arange(300) + 0.5) / 300 * 2 - 1
    ys = (np.arange(200) + 0.5) / 200 * 2 - 1
    PX, PY = np.meshgrid(xs, ys)
    lo, hi = Z.min(), Z.max()
    for k in (1, 2):  # the two innermost levels: circles of radius sqrt(level − 0.01)
        r = np.sqrt(lo + k * (hi - lo) / 5 - 0.01)
        # round the ring, angle by angle: the ink-weighted radius at the level's (the
        # horizontal and vertical pixel sizes differ: 2/300 and 2/200 of the window)
        for a in np.linspace(0, 2 * np.pi, 24, endpoint=False):
            near = np.abs(np.arctan2(np.sin(np.arctan2(PY, PX) - a),
                                     np.cos(np.arctan2(PY, PX) - a))) < 0.05
            band = near & (np.abs(np.hypot(PX, PY) - r) < 0.04)
            w = ink[band]
            assert w.sum() > 0
            got = (np.hypot(PX, PY)[band] * w).sum() / w.sum()
            assert abs(got - r) < 0.5 * 2 / 200, (k, a)
    # the line's ink across it: line_px pixels (a cut along the middle row through the
    # innermost ring's right side, where it runs straight up the image; x = 0.63, column 245)
    thick = contour_rgba(t, Z, log=False, levels=6, size=size, line_px=7)
    full = np.abs(thick[..., :3].astype(float) - bare[..., :3]).sum(axis=2)
    full = np.flipud(full / np.abs(rgba[..., :3].astype(float) - bare[..., :3]).sum(axis=2).max())
    cut = ink[100, 235:256]
    assert cut.sum() / full[100, 235:256].max() == pytest.approx(1.5, abs=0.25)
    assert np.count_nonzero(cut > 0.01) <= 3  # 1.5 px wide: its ink on 2 or 3 pixels


def test_loss_plot_log_axes_round_trip():
    t = theme.get("light")
    tracker = ValueTracker(3)
    plot = LossPlot(t, tracker, (0, 1000), (-3, 2), 4, 3, log_t=True)
    losses = np.array([10.0, 1.0, 0.5, 0.1, 0.05])
    curve = plot.curve(losses, t.accent)
    a = curve.get_anchors()
    got = np.array([plot.p2c(q) for q in np.vstack([a[:1], a[1::2]])])
    np.testing.assert_allclose(got[:, 0], np.arange(4), atol=1e-6)
    np.testing.assert_allclose(got[:, 1], losses[:4], rtol=1e-9)


def test_class_marks_are_the_stills_marks():
    from manim import Dot, Triangle
    from matplotlib.colors import to_hex

    for name in theme.THEME_NAMES:
        t = theme.get(name)
        dot, tri = class_mark(t, 0), class_mark(t, 1)
        assert isinstance(dot, Dot) and isinstance(tri, Triangle)  # "o" and "^" of CLASS_MARKERS
        assert to_hex(dot.get_fill_color().to_hex()) == to_hex(t.data)
        # two colours and two shapes: the filled data dot and a filled triangle in the rust,
        # both cut out of the page, never the test lavender (the test set's) nor the accent
        assert to_hex(tri.get_fill_color().to_hex()) == to_hex(t.negative)
        for mob in (dot, tri):
            assert to_hex(mob.get_stroke_color().to_hex()) == to_hex(t.background)
        for mob in (dot, tri):
            for c in (mob.get_fill_color(), mob.get_stroke_color()):
                assert to_hex(c.to_hex()) not in (to_hex(t.test), to_hex(t.accent))
        v = tri.get_vertices()  # pointing up, as matplotlib's "^": the apex above the centre
        apex = v[v[:, 1].argmax()]
        assert apex[0] == pytest.approx(tri.get_center()[0], abs=1e-9)


def test_log_axes_number_their_powers_of_ten_with_readable_exponents():
    """Every log axis's 10^k (loss_axes with log, map_axes with y_powers) is power_tick's: its
    exponent's digits at least MIN_TEXT_PX tall at 480p (TeX's superscript at TICK_SIZE gives
    8 px), still smaller than the 10 it raises, and set after it, above its baseline."""
    from manim import MathTex

    from gdviz.manim_blocks import loss_axes, map_axes
    from gdviz.manim_theme import MIN_TEXT_PX

    t = theme.get("light")
    px = 480 / 8.0  # pixels per scene unit at 480p
    log_ax = loss_axes(t, (0, 100), (-4, 0), 5.0, 2.4, "t", "J", y_step=2)
    map_ax = map_axes(t, [0, 100, 50], [-4, 0, 2], 3.0, 2.4, None, None, y_powers=True)
    labels = [*log_ax.y_axis.labels,
              *(m for m in map_ax.submobjects if isinstance(m, MathTex) and "10^" in m.tex_string)]
    assert sorted(m.tex_string for m in labels) == sorted(
        [f"10^{{{k}}}" for k in (-4, -2, 0)] * 2)
    for m in labels:
        ten, exponent = m[0][:2], m[0][2:]
        digit = exponent[-1]
        assert MIN_TEXT_PX <= digit.height * px < ten[1].height * px
        assert digit.get_left()[0] > ten[1].get_right()[0]
        assert digit.get_bottom()[1] > ten[1].get_bottom()[1] + 0.25 * ten[1].height


def _printed(number) -> str:
    """The digits a tick's DecimalNumber draws."""
    return f"{float(number.number):.{number.num_decimal_places}f}"


@pytest.mark.parametrize("ranges", [
    ([0, 1, 0.5], [0, 1, 0.5]),  # sampling-grid-2d and 3d's flat grid
    ([-0.6, 0.6, 0.2], [0, 2, 0.5]),  # a slope and a cost, as slope-sweep's right panel
    ([1, 5, 1], [0, 4, 1]),
])
def test_video_ticks_are_written_as_the_stills_write_them(ranges):
    # one tick rule for stills and videos (numbers.tick): 0, 0.5, 1, never 0.0, 0.5, 1.0
    from gdviz import numbers
    from gdviz.manim_theme import data_axes, themed_axes

    t = theme.get("light")
    for ax in (themed_axes(t, *ranges, 4, 4), data_axes(t, 4, 3)):
        for axis in (ax.x_axis, ax.y_axis):
            printed = [_printed(n) for n in axis.numbers]
            assert printed, "no tick numbers"
            assert printed == [numbers.tick(float(n.number), "latex") for n in axis.numbers]
            assert not any(s.endswith("0") and "." in s for s in printed), printed
    ys = [_printed(n) for n in data_axes(t, 4, 3).y_axis.numbers]
    assert ys == ["1", "1.5", "2", "2.5", "3", "3.5"]


def test_data_axes_in_a_taller_window_keep_their_x_axis_at_its_foot():
    # a y window holding 0: Manim crosses the axes at y = 0; the x axis, its numbers and its
    # letter stand at the window's foot, as in the chapter's view, the coordinates unchanged
    from gdviz.manim_theme import data_axes

    t = theme.get("light")
    ax = data_axes(t, 2.6, 4.2, y_range=(-2.5, 3.5), y_ticks=(-2.0, 0.0, 2.0))
    foot = ax.c2p(2.0, -2.5)[1]
    assert abs(ax.x_axis.number_to_point(3.0)[1] - foot) < 1e-9
    assert all(n.get_top()[1] < foot for n in ax.x_axis.numbers)
    assert ax.labels[0].get_top()[1] < foot
    assert [float(n.number) for n in ax.y_axis.numbers] == [-2.0, 0.0, 2.0]
    for x, y in ((2.0, -2.5), (3.0, 0.0), (5.5, 3.5)):
        np.testing.assert_allclose(ax.p2c(ax.c2p(x, y)), [x, y], atol=1e-9)
    np.testing.assert_allclose(ax.c2p(5.5, 3.5) - ax.c2p(2.0, -2.5), [2.6, 4.2, 0], atol=1e-9)
