"""The gd-regression scene (frames: test_scene_frames.py): its drawing against gdcore's descent."""

import numpy as np
import pytest
from frames import rendered

from gdcore import data, regression
from gdviz import numbers as nb
from scenes.gd_regression import (
    FIRST_DOTS,
    J_PLACES,
    J_SIG,
    JSTAR_INSET,
    JSTAR_LIFT,
    PLACES,
    SETUP_SECONDS,
    GdRegression,
    run,
)


def _check(scene, k):
    traj = run()
    assert scene.step.get_value() == k
    ax, _, trail, dot, _ = scene.map_panel
    drawn = np.array([ax.p2c(p) for p in trail.get_anchors()])
    # corners come in pairs: keep each anchor once
    drawn = np.vstack([drawn[:1], drawn[1::2]]) if len(drawn) > 2 else drawn[:1]
    np.testing.assert_allclose(drawn, traj.points[: k + 1], atol=1e-9)
    np.testing.assert_allclose(ax.p2c(dot.get_center()), traj.points[k], atol=1e-9)
    plot, curve, _, _ = scene.cost_panel
    pts = curve.get_anchors()
    cost = np.array([plot.p2c(p) for p in np.vstack([pts[:1], pts[1::2]])])
    np.testing.assert_allclose(cost[:, 0], np.arange(k + 1), atol=1e-6)
    np.testing.assert_allclose(cost[:, 1], traj.losses[: k + 1], rtol=1e-9)
    # the readouts: gdcore's step, point and cost at the step the counter shows
    shown = {name: num.get_value() for name, num in scene.readouts.items()}
    assert shown["t"] == k
    np.testing.assert_allclose([shown["m"], shown["b"], shown["J"]],
                               [*traj.points[k], traj.losses[k]], rtol=1e-12)
    # the start ring on gdcore's start
    np.testing.assert_allclose(ax.p2c(scene.start.get_center()), traj.points[0], atol=1e-9)
    # the line of the left panel is f(x) = m_k x + b_k
    ax_l, line, _, _ = scene.line_panel
    (x0, y0), (x1, y1) = ax_l.p2c(line.get_start()), ax_l.p2c(line.get_end())
    m, b = traj.points[k]
    np.testing.assert_allclose([y0, y1], [m * x0 + b, m * x1 + b], atol=1e-9)
    # a dot at each of the first steps passed (the swings step by step), on gdcore's points
    dots = [ax.p2c(d.get_center()) for d in scene.step_dots]
    n = min(k, FIRST_DOTS)
    np.testing.assert_allclose(np.reshape(dots, (-1, 2)), traj.points[1:n + 1], atol=1e-9)
    # every swing across the valley marked, each dot on its casing (a bead on the path)
    assert FIRST_DOTS >= scene.mid_step()
    for d in scene.step_dots:
        assert d.get_stroke_color(background=True).to_hex().lower() \
            == scene.theme.background.lower()
        assert d.get_stroke_width(background=True) > 0
    # one precision per quantity: m and b with PLACES decimals, J (and J*) with J_PLACES
    assert scene.readouts["m"].num_decimal_places == scene.readouts["b"].num_decimal_places \
        == PLACES
    assert scene.readouts["J"].num_decimal_places == nb.sig_places(traj.losses[k], J_SIG,
                                                                    J_PLACES)


def test_drawn_path_is_gdcores_trajectory():
    scene = rendered(GdRegression, upto="big-steps-across-the-valley")
    assert scene.mid_step() not in (0, run().steps)
    _check(scene, scene.mid_step())


def test_last_frame_reaches_the_end_of_the_run():
    scene = rendered(GdRegression)
    traj = run()
    _check(scene, traj.steps)
    x, y = data.regression_points()
    assert traj.losses[-1] < 1.05 * regression.cost(*regression.least_squares(x, y), x, y)
    # the minimum's values take the map's heading at the end, on the row of the other
    # headings (the line's readouts, the cost's J), above every panel; gdcore's values
    ax = scene.map_panel[0]
    label = scene.star_label
    for head in (label, scene.j_read, scene.mb_read):
        assert head.get_bottom()[1] > ax.get_top()[1] + 0.2
    np.testing.assert_allclose(label.get_y(), scene.j_read.get_y(), atol=0.1)
    assert label.get_left()[0] >= ax.get_left()[0] - 1e-9
    m_star, b_star = regression.least_squares(x, y)
    assert label[1].tex_string == (rf"m^* = {nb.latex(m_star, places=PLACES)},\; "
                                   rf"b^* = {nb.latex(b_star, places=PLACES)}")
    # the map's one heading is the minimum's values: no note on its scales (its ticks say them)
    assert label in scene.mobjects and not hasattr(scene, "scale_note")
    # J*'s label under its dotted line, inside the panel, clear of the left ticks' numbers,
    # of the step axis and of the curve (which stays above the line)
    plot = scene.cost_panel[0]
    jl, line_y = scene.j_star_label, plot.c2p(0, scene.j_star)[1]
    assert line_y - jl.get_top()[1] >= JSTAR_LIFT - 1e-9
    assert jl.get_bottom()[1] > plot.ax.x_axis.get_center()[1] + 0.05
    assert np.all(np.asarray(scene.cost_panel[1].get_anchors())[:, 1] > jl.get_top()[1])
    assert jl.get_left()[0] - plot.c2p(0, scene.j_star)[0] >= JSTAR_INSET - 1e-9
    nums = [m for m in plot.ax.submobjects if m.get_right()[0] < plot.c2p(0, 1)[0] - 0.05]
    assert nums and all(jl.get_left()[0] > m.get_right()[0] + 0.2 for m in nums)
    # the cost panel's left ticks clear of the map's right ticks; the step axis counts as the
    # counter does (1,000), its t at the axis's end
    plot = scene.cost_panel[0]
    assert plot.ax.get_left()[0] - ax.get_right()[0] > 0.45
    tex = [m.tex_string for m in plot.ax.get_family() if hasattr(m, "tex_string")]
    assert "1{,}000" in tex and "1000" not in tex
    # its numbered steps (T_TICKS): t = 1 and 100 left out, every number clear of its
    # neighbours (at 114 px wide, 100 touched 1,000)
    nums = sorted((m for m in plot.ax.submobjects if getattr(m, "tex_string", None) in
                   {"0", "1", "10", "100", "1{,}000"}), key=lambda m: m.get_x())
    assert [m.tex_string for m in nums] == ["0", "10", "1{,}000"]
    assert all(b.get_left()[0] - a.get_right()[0] > 0.15 for a, b in zip(nums, nums[1:]))
    t_label = next(m for m in plot.ax.get_family() if getattr(m, "tex_string", None) == "t")
    end = plot.c2p(run().steps, plot.top)
    assert t_label.get_left()[0] > end[0] and t_label.get_right()[0] < 7.11 - 0.4
    # the counter's widest value stays clear of the note beside it
    assert scene.it_group.get_right()[0] < scene.it_note.get_left()[0] - 0.2


def test_data_panel_holds_the_swings_lines_and_marks_take_their_roles():
    """The data panel takes the chapter's x window (gdviz.views) and a y window taken down from
    the chapter's (1 to 3.5) to hold the line of every step of the swings, from the first
    (m = 1.097, b = -4.479, below 1 but near x = 5 in the chapter's window) on, across the whole
    panel; its x axis at the window's foot. The current point (map and cost curve) is the
    house's current mark, the readouts in ink: no error red but the residuals."""
    from gdviz import views
    from gdviz.theme import MARKERS
    from scenes.gd_regression import LINE_Y_RANGE, LINE_Y_TICKS, ZOOM_STEPS

    scene = rendered(GdRegression, upto="setup")
    ax_l = scene.line_panel[0]
    assert tuple(ax_l.x_range[:2]) == views.X_RANGE and tuple(ax_l.y_range[:2]) == LINE_Y_RANGE
    (y0, y1), (x0, x1) = LINE_Y_RANGE, views.X_RANGE
    assert y0 < views.Y_RANGE[0] and y1 >= views.Y_RANGE[1]
    for m, b in run().points[1:ZOOM_STEPS + 1]:  # each line enters by the left edge or the top
        assert y0 <= m * x0 + b <= y1 and m * x1 + b >= y0
    m, b = run().points[1]
    assert m * x0 + b < views.Y_RANGE[0]  # (the chapter's window did not hold it)
    xs = [float(n.get_value()) for n in ax_l.x_axis.numbers]
    ys = [float(n.get_value()) for n in ax_l.y_axis.numbers]
    assert xs == list(views.X_TICKS) and ys == list(LINE_Y_TICKS)
    # the house's tick form, the stills' (numbers.tick): -2, 0, 1, never -2.0
    assert {n.num_decimal_places for n in ax_l.y_axis.numbers} == {0}
    assert {n.num_decimal_places for n in ax_l.x_axis.numbers} == {0}
    # the x axis and its numbers at the window's foot, not at y = 0 where Manim crosses them
    foot = ax_l.c2p(x0, y0)[1]
    assert abs(ax_l.x_axis.number_to_point(x0)[1] - foot) < 1e-9
    assert all(n.get_top()[1] < foot for n in ax_l.x_axis.numbers)
    assert ax_l.labels[0].get_top()[1] < foot
    np.testing.assert_allclose(ax_l.p2c(ax_l.c2p(3.0, 2.0)), [3.0, 2.0], atol=1e-9)
    t = scene.theme
    current = t.role(MARKERS["current"].face).lower()
    assert scene.map_panel[3].get_fill_color().to_hex().lower() == current
    assert scene.cost_panel[2].get_fill_color().to_hex().lower() == current
    for num in scene.readouts.values():
        assert num.get_color().to_hex().lower() == t.text.lower()


def test_the_set_up_is_brief_and_the_swings_take_longer():
    """The set-up takes about SETUP_SECONDS, less than the big swings across the valley after
    it (the key moment), and the whole video no longer than before (26 s)."""
    scene = rendered(GdRegression)
    start = {sec["name"]: sec["start"] for sec in scene.caption_log}
    setup = start["big-steps-across-the-valley"] - start["setup"]
    swings = start["small-steps-along-the-valley-floor"] - start["big-steps-across-the-valley"]
    assert setup <= SETUP_SECONDS + 1e-6 and swings > 2 * setup
    assert scene.time - scene.closing <= 26.0  # the closing hold apart


def test_sections_are_named_by_what_they_show():
    names = [s.name for s in GdRegression.SECTIONS]
    assert names == ["setup", "big-steps-across-the-valley",
                     "small-steps-along-the-valley-floor", "result"]


def test_readouts_show_gdcores_values_at_the_counters_step():
    """At any moment (mid-step too) every readout is gdcore's at the step the counter shows:
    m and b with PLACES decimals, J to J_SIG significant figures; they change on whole steps
    only, with the counter, while the line moves between two steps."""
    scene = rendered(GdRegression)  # (its readouts' updaters read this scene's own tracker)
    traj = run()
    before = scene.step.get_value()
    try:
        for s, k in [(0.0, 0), (0.4, 1), (1.0, 1), (1.5, 2), (2.0, 2), (7.25, 8),
                     (99.9, 100), (traj.steps, traj.steps)]:
            scene.step.set_value(s)
            for num in scene.readouts.values():
                num.update()
            shown = {name: num.get_value() for name, num in scene.readouts.items()}
            assert shown["t"] == k
            np.testing.assert_allclose([shown["m"], shown["b"], shown["J"]],
                                       [*traj.points[k], traj.losses[k]], rtol=1e-12)
            j = scene.readouts["J"]
            assert j.num_decimal_places == nb.sig_places(traj.losses[k], J_SIG, J_PLACES)
        # the written J: 3 significant figures from the first step to the last
        scene.step.set_value(0)
        scene.readouts["J"].update()
        assert scene.readouts["J"]._get_num_string(traj.losses[0]) == \
            nb.text(traj.losses[0], nb.sig_places(traj.losses[0], J_SIG, J_PLACES))
        # between steps the line is drawn where the trail's tip is, the readouts are not
        scene.step.set_value(1.5)
        np.testing.assert_allclose(scene.mb(), (traj.points[1] + traj.points[2]) / 2,
                                   atol=1e-12)
        np.testing.assert_allclose(scene.mb_shown(), traj.points[2], rtol=1e-12)
    finally:
        scene.step.set_value(before)
        for num in scene.readouts.values():
            num.update()


def test_the_first_steps_swing_along_one_line_each_shorter():
    """What the captions say of the big steps, on gdcore's run: up to the middle of the
    schedule each step is shorter than the last; the first ones swing back and forth along
    one line (each step reverses the last, within 20°), then the path turns down the valley."""
    from gdcore.cost_descent import COST_DESCENT

    mid = int(COST_DESCENT.schedule()[len(COST_DESCENT.schedule()) // 2 - 1])
    said = GdRegression.captions()["big-steps-across-the-valley"]
    assert f"The first {mid} steps, each shorter than the last, swing back and forth" in said
    d = np.diff(run().points[:mid + 1], axis=0)
    lengths = np.hypot(*d.T)
    assert np.all(np.diff(lengths) < 0)
    unit = d / lengths[:, None]
    turns = np.degrees(np.arccos(np.clip(np.sum(unit[1:] * unit[:-1], axis=1), -1, 1)))
    assert np.all(turns[:3] > 160)  # back and forth along one line
    assert np.all(turns[-5:] < 20)  # then along the valley, one way


def test_residuals_end_on_the_line_or_are_cut_at_the_frame_without_a_head():
    """A residual ends on the line, or where the line runs above the panel (the steep lines of
    the start and of the swings, at the last points), is cut at the frame's top edge, without a
    head (a head on the frame read as the residual's end). After the first step (m = 1.097,
    b = -4.479) every residual ends on the line: in the chapter's window (1 to 3.5) the line
    ran below it and they ran to its foot."""
    from manim import Polygon

    from scenes.gd_regression import LINE_Y_RANGE

    scene = rendered(GdRegression)  # (its residuals' updater reads this scene's own tracker)
    ax, _, bars, _ = scene.line_panel
    trail = scene.map_panel[2]
    before = scene.step.get_value()
    try:
        for k in (0, 1, 2, scene.mid_step()):
            scene.step.set_value(k)
            trail.update()
            bars.update()
            m, b = run().points[k]
            raw = regression.predict(m, b, scene.x)
            drawn = [h for h in bars.get_family()
                     if h.has_points() and h.width + h.height > 1e-6]
            assert drawn and not any(isinstance(h, Polygon) for h in drawn)
            assert not (raw < LINE_Y_RANGE[0]).any()  # never below the panel
            assert (raw <= LINE_Y_RANGE[1]).all() == (k == 1)
            for xi, yi, r in zip(scene.x, scene.y, raw):
                ends = [ax.p2c(p) for h in drawn for p in h.get_anchors()
                        if abs(ax.p2c(p)[0] - xi) < 1e-6]
                ys = sorted(e[1] for e in ends)  # dashed: its end within a dash of each end
                np.testing.assert_allclose([ys[0], ys[-1]],
                                           sorted([yi, min(r, LINE_Y_RANGE[1])]), atol=0.1)
    finally:
        scene.step.set_value(before)
        trail.update()
        bars.update()


def test_the_first_steps_are_seen_in_a_zoom_of_the_map_itself():
    """The map's own frame zooms onto the window ZOOM_M × ZOOM_B, which holds the first
    ZOOM_STEPS steps (the first entering it from the start, right of it), and opens out again:
    one map (no inset), the swings many times larger in it; the first steps' numbers in the
    zoom clear of the path, inside the frame, at the tick numbers' size. At the end nothing of
    the zoom stays: the whole map, its own ticks, no window box."""
    from gdviz.manim_theme import TICK_SIZE
    from scenes.gd_regression import (
        MAP_WIDTH,
        SLOW_STEPS,
        STEP_REST,
        STEP_SECONDS,
        ZOOM_B,
        ZOOM_M,
        ZOOM_SECONDS,
        ZOOM_STEPS,
    )

    scene = rendered(GdRegression)
    traj = run()
    first = traj.points[1: ZOOM_STEPS + 1]
    assert (ZOOM_M[0] < first[:, 0]).all() and (first[:, 0] < ZOOM_M[1]).all()
    assert (ZOOM_B[0] < first[:, 1]).all() and (first[:, 1] < ZOOM_B[1]).all()
    assert traj.points[0, 0] > ZOOM_M[1]
    ax, view = scene.map_panel[0], scene.view
    assert view.s.get_value() == 1.0 and view.window() == (tuple(views_m()), tuple(views_b()))
    assert not hasattr(scene, "inset") and scene.box not in scene.mobjects
    assert scene.held_ticks is None and scene.numbers not in scene.mobjects
    # the map's own tick numbers are back in its axes
    tex = {m.tex_string for m in ax.get_family() if hasattr(m, "tex_string")}
    assert {"-2", "4", "-6", "8", "m", "b"} <= tex
    # magnified: the swings fill the frame, many times longer than on the whole map
    before = view.s.get_value()
    try:
        view.s.set_value(0.0)
        zoom = np.array([view.c2p(*p)[:2] for p in first])
        assert np.ptp(zoom[:, 0]) > 0.6 * MAP_WIDTH
        d_zoom = np.linalg.norm(view.c2p(*first[2]) - view.c2p(*first[3]))
        d_map = np.linalg.norm(ax.c2p(*first[2]) - ax.c2p(*first[3]))
        assert d_zoom > 4 * d_map
        # the numbers of the first steps: each by its dot, clear of the path, inside the frame
        nums = scene.numbers
        path = np.array([view.c2p(*p)[:2] for p in traj.points[: ZOOM_STEPS + 1]])
        for i, num in enumerate(nums, start=1):
            c = num.get_center()[:2]
            assert np.linalg.norm(c - view.c2p(*first[i - 1])[:2]) < 0.4
            a, b = path[:-1], path[1:]
            u = np.clip(np.sum((c - a) * (b - a), 1) / np.sum((b - a) ** 2, 1), 0, 1)
            assert np.min(np.linalg.norm(a + u[:, None] * (b - a) - c, axis=1)) > 0.2
            assert view.lo[0] < num.get_left()[0] and num.get_right()[0] < view.hi[0]
            assert view.lo[1] < num.get_bottom()[1] and num.get_top()[1] < view.hi[1]
            assert num.font_size == pytest.approx(TICK_SIZE)
    finally:
        view.s.set_value(before)
    assert ax.frame.width == pytest.approx(MAP_WIDTH)
    # the first step on the whole map, the zoom in, then the swings one at a time in it
    slow = [STEP_SECONDS, STEP_REST, 0.4, ZOOM_SECONDS, 0.3,
            *[STEP_SECONDS, STEP_REST] * (SLOW_STEPS - 1)]
    assert any(scene.lengths[i:i + len(slow)] == slow for i in range(len(scene.lengths)))


def test_the_data_panel_has_room_to_show_the_line_turn():
    """The line's panel (its plot area) is 250 px wide or more at 480p, a third of the frame
    with its numbers (it was 156 px: the line's turn from step to step was not seen); the map
    beside it keeps 225 px and nearly its height (a map narrower than 0.9 of its height reads
    as a strip); the three panels side by side, each one's words clear of the next's."""
    from manim import config

    scene = rendered(GdRegression)
    px = config.pixel_width / config.frame_width
    ax_l = scene.line_panel[0]
    ax_m, plot = scene.map_panel[0], scene.cost_panel[0].ax
    x0, x1 = ax_l.c2p(2.0, 0)[0], ax_l.c2p(5.5, 0)[0]  # views.X_RANGE
    assert (x1 - x0) * px >= 250
    assert ax_l.width * px >= config.pixel_width / 3
    assert ax_m.frame.width * px >= 225 and ax_m.frame.width >= 0.9 * ax_m.frame.height
    assert ax_l.get_right()[0] + 0.25 < ax_m.get_left()[0]
    assert ax_m.get_right()[0] + 0.25 < plot.get_left()[0]
    # on the narrower map the zoom's ticks (every 0.2) still come in whole once it has closed
    from scenes.gd_regression import FINE_ROOM, MAP_WIDTH, ZOOM_B, ZOOM_M

    assert 0.2 / (ZOOM_M[1] - ZOOM_M[0]) * MAP_WIDTH >= FINE_ROOM[1]
    assert 0.2 / (ZOOM_B[1] - ZOOM_B[0]) * ax_m.frame.height >= FINE_ROOM[1]


def test_the_zoom_takes_more_levels_over_the_maps_span():
    """The zoom's picture takes ZOOM_LEVELS over the map's span, every map level among them,
    so ten or more level lines cross its window (the map's 16 put three there and, on the
    dark page, its valley read flat); they are blended in with weight w (the step dots' size,
    dot_zoom), which grows once the window has closed and falls before it opens: the window
    moves with the map's levels alone."""
    from gdviz import views
    from gdviz.manim_blocks import contour_rgba
    from scenes.gd_regression import ZOOM_B, ZOOM_LEVELS, ZOOM_M, ZOOM_SPLIT

    scene = rendered(GdRegression)
    coarse = views.contour_levels([list(scene.j_span)], views.CONTOUR_LEVELS)
    fine = views.contour_levels([list(scene.j_span)], ZOOM_LEVELS)
    np.testing.assert_allclose(fine[::ZOOM_SPLIT], coarse, rtol=1e-12)
    x, y = data.regression_points()
    Z = regression.cost_grid(x, y, ZOOM_M, ZOOM_B, 60)[2]
    inside = lambda lv: int(np.sum((lv > Z.min()) & (lv < Z.max())))  # noqa: E731
    assert inside(coarse) == 3 and inside(fine) >= 10
    size, theme = (40, 30), scene.theme
    keep = scene.view.s.get_value()
    try:
        for s, w, levels in ((0.0, 1.0, ZOOM_LEVELS), (0.0, 0.0, views.CONTOUR_LEVELS),
                             (1.0, 0.0, views.CONTOUR_LEVELS)):
            scene.view.s.set_value(s)
            (wm, wb) = scene.view.window()
            W = regression.cost_grid(x, y, wm, wb, views.GRID_SIZE)[2]
            want = contour_rgba(theme, W, levels=levels, span=scene.j_span, size=size)
            np.testing.assert_array_equal(scene.paint(s, w, size, 1.0), want)
    finally:
        scene.view.s.set_value(keep)
    # the weight moves only while the window stands still: in the plays that grow and shrink
    # the step dots (0.3 s after the zoom closes, 0.4 s before it opens), not in the zoom's
    from scenes.gd_regression import ZOOM_OUT_SECONDS, ZOOM_SECONDS

    lengths = scene.lengths
    closed = lengths.index(ZOOM_SECONDS)
    assert lengths[closed + 1] == 0.3 and lengths.index(ZOOM_OUT_SECONDS) > closed + 1
    assert lengths[lengths.index(ZOOM_OUT_SECONDS) - 1] == 0.4
    assert scene.dot_zoom.get_value() == 0.0 and scene.view.s.get_value() == 1.0


def views_m():
    from gdviz import views

    return views.M_RANGE


def views_b():
    from gdviz import views

    return views.B_RANGE


def test_the_step_axis_says_it_is_zero_then_log():
    """A break mark on the step axis between its 0 and 10, as the stills' break marks."""
    scene = rendered(GdRegression)
    plot = scene.cost_panel[0]
    nums = {m.tex_string: m for m in plot.ax.submobjects if getattr(m, "tex_string", None)
            in {"0", "10"}}
    gap, marks = scene.break_mark
    assert len(marks) == 2
    assert nums["0"].get_right()[0] < marks.get_left()[0] < marks.get_right()[0] \
        < nums["10"].get_left()[0]
    assert abs(marks.get_center()[1] - plot.ax.x_axis.get_center()[1]) < 0.02


def test_step_dots_keep_the_maps_size_while_the_window_moves():
    """The first steps' dots are drawn at the map's size (STEP_DOT) wherever the window stands
    while it moves (grown with the zoom, they stood large over the opening map for most of a
    second), at the zoom's (STEP_DOT_ZOOMED) only once it has closed, the change made while the
    window stands still; at the end, on the whole map, the map's size."""
    from scenes.gd_regression import STEP_DOT, STEP_DOT_ZOOMED

    scene = rendered(GdRegression)
    view, dots = scene.view, scene.step_dots

    def radii():  # from each dot's outline (redrawn, a dot may be a bare VMobject of points)
        dots.update()
        ends = [d.points[::4] for d in dots]  # each curve's first anchor, on the circle
        return [float(np.max(np.linalg.norm(e - e.mean(axis=0), axis=1))) for e in ends]

    assert scene.dot_zoom.get_value() == 0.0
    np.testing.assert_allclose(radii(), STEP_DOT, rtol=1e-6)
    before = view.s.get_value()
    try:
        for s in (0.9, 0.6, 0.3, 0.1, 0.0):  # the window anywhere on its way
            view.s.set_value(s)
            np.testing.assert_allclose(radii(), STEP_DOT, rtol=1e-6)
        scene.dot_zoom.set_value(1.0)
        np.testing.assert_allclose(radii(), STEP_DOT_ZOOMED, rtol=1e-6)
    finally:
        scene.dot_zoom.set_value(0.0)
        view.s.set_value(before)
        dots.update()


def test_a_ticks_two_numbers_are_never_drawn_together():
    """Where a fine tick of the zoom falls on one of the map's (1 and 1.0, -4 and -4.0), its
    number and the map's are drawn one after the other as the window moves: one over the other
    they read as 11.0 or -4.4."""
    scene = rendered(GdRegression)
    view = scene.view
    before = view.s.get_value()
    try:
        ticks = scene.zoom_ticks()
        nums = [m for m in ticks if hasattr(m, "tex_string")]
        pairs = [(a, b) for a in nums for b in nums if a is not b
                 and a.tex_string != b.tex_string
                 and float(a.tex_string) == float(b.tex_string)
                 and np.linalg.norm(a.get_center() - b.get_center()) < 0.3]
        seen = set()
        for s in np.linspace(0.0, 1.0, 51):
            view.s.set_value(s)
            ticks.update()
            for a, b in pairs:
                pa, pb = (float(m.get_fill_opacity()) for m in (a, b))
                assert min(pa, pb) < 1e-9, (s, a.tex_string, b.tex_string)
                seen.add((a.tex_string, b.tex_string))
        # ...and the pairs exist: the zoom's 1.0 and 2.0 on the map's 1 and 2, -4.0 on -4
        texts = {t for pair in seen for t in pair}
        assert {"1", "1.0", "2", "2.0", "-4", "-4.0"} <= texts
    finally:
        view.s.set_value(before)


def test_the_map_opens_out_slowly_its_marks_and_numbers_inside_and_apart():
    """The map opens out in ZOOM_OUT_SECONDS (at least 2 s; it took 1.4 s at a steady pace, read
    as a jump in its last half second), easing to rest: its last tenth of a second moves the
    window less than its first. Wherever the window stands, the start ring and the minimum's
    star are drawn only while all of each lies inside the frame (they sat on its top and right
    borders), a tick number past the frame's edge by TICK_FADE is not drawn, and none is drawn
    on or beside an axis letter (the b axis's 4 stood by the b); on the whole map every number
    of the map is drawn in full, as its own ticks that take over then."""
    from manim import rush_from

    from scenes.gd_regression import TICK_FADE, ZOOM_OUT_SECONDS

    scene = rendered(GdRegression)
    assert ZOOM_OUT_SECONDS >= 2.0 and ZOOM_OUT_SECONDS in scene.lengths
    step = 0.1 / ZOOM_OUT_SECONDS
    assert rush_from(1.0) - rush_from(1 - step) < rush_from(step) - rush_from(0.0)
    view, star = scene.view, scene.map_panel[4]
    marks = ((scene.start, run().points[0]), (star, (scene.m_star, scene.b_star)))
    letters = list(view.ax.labels)
    before = view.s.get_value()
    saved = [(m.get_center(), m.get_fill_opacity()) for m, _ in marks]
    try:
        ticks = scene.zoom_ticks()
        nums = [m for m in ticks if hasattr(m, "tex_string")]
        for s in (0.0, 0.5, 0.8, 0.85, 0.9, 0.95, 1.0):  # (the 4 stood by the b at 0.85)
            view.s.set_value(s)
            for mob, p in marks:
                scene.place_mark(mob, p)
                if mob.get_fill_opacity() > 0:
                    assert view.lo[0] + 0.05 < mob.get_left()[0] \
                        and mob.get_right()[0] < view.hi[0] - 0.05
                    assert view.lo[1] + 0.05 < mob.get_bottom()[1] \
                        and mob.get_top()[1] < view.hi[1] - 0.05
            ticks.update()
            for num in nums:
                if num.get_fill_opacity() < 1e-9:
                    continue
                c = num.get_center()
                if abs(num.get_right()[0] - (view.lo[0] - 0.16)) < 1e-6:  # a b number
                    past = max(view.lo[1] - c[1], c[1] - view.hi[1])
                else:  # an m number, under the frame
                    past = max(view.lo[0] - c[0], c[0] - view.hi[0])
                assert past < TICK_FADE, (s, num.tex_string)
                for lab in letters:
                    gap = max(lab.get_left()[0] - num.get_right()[0],
                              num.get_left()[0] - lab.get_right()[0],
                              lab.get_bottom()[1] - num.get_top()[1],
                              num.get_bottom()[1] - lab.get_top()[1])
                    assert gap > 0, (s, num.tex_string)
        # the whole map: its numbers in full (no jump as its own ticks come back), the marks too
        whole = {num.tex_string: num.get_fill_opacity() for num in nums
                 if "." not in num.tex_string and view.outside(num.get_center()) < 0.6}
        assert {"-2", "4", "-6", "8"} <= set(whole) and min(whole.values()) == 1.0
        assert all(mob.get_fill_opacity() == 1.0 for mob, _ in marks)
    finally:
        view.s.set_value(before)
        for (mob, _), (c, o) in zip(marks, saved):
            mob.move_to(c).set_opacity(o)
