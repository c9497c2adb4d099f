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
    # its numbered steps (T_TICKS): t = 1 left out, every number clear of its neighbours
    nums = sorted((m for m in plot.ax.submobjects if getattr(m, "tex_string", None) in
                   {"0", "10", "100", "1{,}000"}), key=lambda m: m.get_x())
    assert [m.tex_string for m in nums] == ["0", "10", "100", "1{,}000"]
    assert all(b.get_left()[0] - a.get_right()[0] > 0.15 for a, b in zip(nums, nums[1:]))
    t_label = next(m for m in plot.ax.get_family() if getattr(m, "tex_string", None) == "t")
    end = plot.c2p(run().steps, plot.top)
    assert t_label.get_left()[0] > end[0] and t_label.get_right()[0] < 7.11 - 0.4
    # the counter's widest value stays clear of the note beside it
    assert scene.it_group.get_right()[0] < scene.it_note.get_left()[0] - 0.2


def test_data_panel_is_the_chapters_view_and_marks_take_their_roles():
    """The data panel is gdviz.views' one view of the seven points (the stills'); the current
    point (map and cost curve) is the house's current mark, the readouts in ink: no error red
    but the residuals."""
    from gdviz import views
    from gdviz.theme import MARKERS

    scene = rendered(GdRegression, upto="setup")
    ax_l = scene.line_panel[0]
    assert tuple(ax_l.x_range[:2]) == views.X_RANGE and tuple(ax_l.y_range[:2]) == views.Y_RANGE
    xs = [float(n.get_value()) for n in ax_l.x_axis.numbers]
    ys = [float(n.get_value()) for n in ax_l.y_axis.numbers]
    assert xs == list(views.X_TICKS) and ys == list(views.Y_TICKS)
    assert {n.num_decimal_places for n in ax_l.x_axis.numbers} == {views.X_TICK_PLACES}
    assert {n.num_decimal_places for n in ax_l.y_axis.numbers} == {views.Y_TICK_PLACES}
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


def test_residuals_cut_at_the_frame_end_in_a_head_on_it():
    """At the middle of the schedule the line still runs below the panel at the first points:
    each of their residuals is cut at the frame's bottom edge and ends there in a head pointing
    down, its tip on the frame; the others have none."""
    from manim import Polygon

    from gdviz import views

    scene = rendered(GdRegression, upto="big-steps-across-the-valley")
    ax, _, bars, _ = scene.line_panel
    m, b = run().points[scene.mid_step()]
    raw = regression.predict(m, b, scene.x)
    # (always_redraw's become() pads the group with empty copies: only drawn ones count)
    heads = [h for h in bars if isinstance(h, Polygon) and h.width > 1e-6]
    out = (raw < views.Y_RANGE[0]) | (raw > views.Y_RANGE[1])
    assert 0 < out.sum() == len(heads)
    for h, xi, r in zip(heads, scene.x[out], raw[out]):
        tips = [ax.p2c(v) for v in h.get_vertices()]
        edge = views.Y_RANGE[0] if r < views.Y_RANGE[0] else views.Y_RANGE[1]
        np.testing.assert_allclose(tips[0], [xi, edge], atol=1e-9)
        assert all((y > edge) == (r < edge) for _, y in tips[1:])  # inside, pointing out


def test_the_first_steps_are_magnified_in_an_inset_clear_of_the_path():
    """The inset magnifies the window ZOOM_M × ZOOM_B, which holds the first ZOOM_STEPS steps
    (the first entering it from the start, right of it); it lies inside the map, in its upper
    right corner, clear of every point of the run; its path is gdcore's first steps. The map
    is the widest panel; the first SLOW_STEPS steps take STEP_SECONDS each."""
    from gdviz import views
    from scenes.gd_regression import (
        MAP_WIDTH,
        SLOW_STEPS,
        STEP_REST,
        STEP_SECONDS,
        ZOOM_B,
        ZOOM_M,
        ZOOM_STEPS,
    )

    scene = rendered(GdRegression)
    traj = run()
    first = traj.points[1: ZOOM_STEPS + 1]
    assert (ZOOM_M[0] < first[:, 0]).all() and (first[:, 0] < ZOOM_M[1]).all()
    assert (ZOOM_B[0] < first[:, 1]).all() and (first[:, 1] < ZOOM_B[1]).all()
    assert traj.points[0, 0] > ZOOM_M[1]
    ax, iax = scene.map_panel[0], scene.inset_axes
    (l, b), (r, t) = ax.p2c(iax.c2p(ZOOM_M[0], ZOOM_B[0])), ax.p2c(iax.c2p(ZOOM_M[1], ZOOM_B[1]))
    assert views.M_RANGE[0] < l < r < views.M_RANGE[1] and views.B_RANGE[0] < b < t \
        < views.B_RANGE[1]
    pts = traj.points
    inside = (pts[:, 0] > l - 0.3) & (pts[:, 0] < r + 0.3) & (pts[:, 1] > b - 0.5)
    assert not inside.any()
    # large while the first steps swing (its ticks numbered), shrunk into the corner after
    from scenes.gd_regression import INSET_BIG, INSET_SIZE

    w = iax.c2p(ZOOM_M[1], ZOOM_B[0])[0] - iax.c2p(ZOOM_M[0], ZOOM_B[0])[0]
    assert w == pytest.approx(INSET_SIZE[0]) and INSET_BIG[0] > 1.5 * INSET_SIZE[0]
    # large, it and its tick numbers (built at that size) stand clear over the minimum's star
    from scenes.gd_regression import STAR_CLEAR

    star = scene.map_panel[4]
    big_bottom = scene.inset_corner[1] - INSET_BIG[1]
    assert min(big_bottom, scene.inset_ticks.get_bottom()[1]) - star.get_top()[1] >= STAR_CLEAR
    assert INSET_SIZE[0] / INSET_SIZE[1] == pytest.approx(INSET_BIG[0] / INSET_BIG[1])
    assert not any(scene.inset_ticks in top.get_family() for top in scene.mobjects)
    assert [n.get_tex_string() for n in scene.inset_ticks[1::2]] == [
        "1.2", "1.4", "1.6", "1.8", "-4.6", "-4.4", "-4.2", "-4.0"]
    # magnified: a step of the first ones is many times longer in the inset than on the map
    d_inset = np.linalg.norm(iax.c2p(*first[2]) - iax.c2p(*first[3]))
    d_map = np.linalg.norm(ax.c2p(*first[2]) - ax.c2p(*first[3]))
    assert d_inset > 2.5 * d_map
    drawn = np.array([iax.p2c(p) for p in scene.inset_trail.get_anchors()])
    drawn = np.vstack([drawn[:1], drawn[1::2]])
    np.testing.assert_allclose(drawn[1:], first, atol=1e-9)
    # the first step enters on the window's right edge, on its line from the start
    assert drawn[0][0] == pytest.approx(ZOOM_M[1])
    s0, s1 = traj.points[0], traj.points[1]
    assert np.cross(drawn[0] - s1, s0 - s1) == pytest.approx(0.0, abs=1e-9)
    # the map is the widest panel, by far (its plot area, without numbers and letters)
    from scenes.gd_regression import LINE_WIDTH, PANEL_WIDTH

    assert ax.frame.width == pytest.approx(MAP_WIDTH)
    assert MAP_WIDTH > 1.8 * max(LINE_WIDTH, PANEL_WIDTH) and MAP_WIDTH / 14.22 > 0.34
    # the first steps one at a time, the inset fading in after the first, whose landing lies
    # well inside it (at the start the current point would sit on its edge)
    # (8 % of the window or more from each edge: 0.3 scene units, 19 px at 480p, as it comes in)
    from scenes.gd_regression import INSET_AT, INSET_BIG

    m, b = traj.points[INSET_AT]
    room = min(m - ZOOM_M[0], ZOOM_M[1] - m) / (ZOOM_M[1] - ZOOM_M[0]), min(
        b - ZOOM_B[0], ZOOM_B[1] - b) / (ZOOM_B[1] - ZOOM_B[0])
    assert min(room) >= 0.08 and room[0] * INSET_BIG[0] >= 0.3 and room[1] * INSET_BIG[1] >= 0.3
    slow = [STEP_SECONDS, STEP_REST, 0.6, *[STEP_SECONDS, STEP_REST] * (SLOW_STEPS - 1)]
    assert any(scene.lengths[i:i + len(slow)] == slow for i in range(len(scene.lengths)))


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
