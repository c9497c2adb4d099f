"""The slope-sweep scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
import pytest
from frames import rendered
from manim import DecimalNumber, MathTex, VGroup

from gdcore import data, regression
from gdviz import numbers, views
from gdviz.manim_blocks import set_sig_number
from gdviz.theme import contrast
from scenes import gd_regression, slope_sweep
from scenes.slope_sweep import M_SAMPLES, SlopeSweep


def test_traced_curve_is_gdcores_cost():
    """The right panel's curve, read back from the mobject, is J(m, b*) from gdcore."""
    scene = rendered(SlopeSweep, upto="sweep")
    ax, curve, dot = scene.right
    pts = curve.get_anchors()
    ms = np.array([ax.p2c(p)[0] for p in pts])
    js = np.array([ax.p2c(p)[1] for p in pts])
    x, y = data.regression_points()
    _, b_star = regression.least_squares(x, y)
    np.testing.assert_allclose(js, regression.cost(ms, b_star, x, y), atol=1e-9)
    assert ms.max() >= M_SAMPLES[-1] - 1e-9
    # the dot sits on the curve at the tracker's slope, the line on the data panel uses b*
    m = scene.m.get_value()
    np.testing.assert_allclose(ax.p2c(dot.get_center()), [m, regression.cost(m, b_star, x, y)],
                               atol=1e-9)


def test_readouts_sit_on_one_line_over_both_panels():
    """m, b and J on one line under the title (m drives both): m and b over the data panel, J
    over the cost panel, above both panels' y labels; m and b with PLACES decimals, J as
    numbers.cost writes every cost (three significant figures: 0.777 ... 0.00903), the same
    precision as J* at the minimum; no cost formula (its sum's limits too small to read)."""
    scene = rendered(SlopeSweep, upto="sweep")  # (at the end, m and J have turned into m*, J*)
    end = rendered(SlopeSweep)
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    (m_b, j_read) = scene.readouts
    left, right = scene.left[0], scene.right[0]
    row = VGroup(m_b, j_read)
    assert "formula" not in scene.__dict__
    assert abs(m_b.get_center()[1] - j_read.get_center()[1]) < 0.05
    assert row.get_top()[1] < scene.title.get_bottom()[1] - 0.1
    assert m_b.get_right()[0] < right.get_left()[0] and j_read.get_left()[0] > left.get_right()[0]
    for ax in (left, right):
        assert row.get_bottom()[1] > ax.labels[-1].get_top()[1] + 0.2
    m_read, b_read = m_b
    assert abs(m_read.get_center()[1] - b_read.get_center()[1]) < 0.05  # one row
    assert j_read[0].get_color().to_hex().lower() == scene.theme.error.lower()  # the dot's colour
    assert m_read[-1].num_decimal_places == slope_sweep.PLACES == gd_regression.PLACES == 3
    assert slope_sweep.SIG == slope_sweep.J_SIG == 3
    assert b_read.get_tex_string().endswith("= 0.805")
    j_star = regression.cost(m, b, x, y)
    rest = end.live[1][-1]  # the live J as the dot came to rest, before it turned into J*
    assert rest.get_value() == pytest.approx(j_star)
    # at rest on the minimum the live J reads as J*: 0.00903
    assert rest._get_num_string(rest.get_value()) == numbers.cost(j_star) == "0.00903"
    j_num = j_read[-1]
    # at every value it passes, three significant figures with their zeros (a running
    # readout keeps a "0.100" whole, as gd-regression's; numbers.cost trims it among words);
    # and at its widest inside the frame
    shown = j_num.num_decimal_places
    for v in scene.j_curve:
        j_num.num_decimal_places = numbers.sig_places(float(v), 3, slope_sweep.J_MOST)
        assert j_num._get_num_string(float(v)) == numbers.significant(float(v), 3)
    j_num.num_decimal_places = shown
    assert j_read.get_left()[0] + (j_read.width - j_num.width) + 7 * j_num[0].width \
        < scene.camera.frame_width / 2 - 0.4
    m_lab, j_lab = end.label
    assert m_lab.get_tex_string() == "m^* = 0.336"
    assert j_lab.get_tex_string() == f"J^* = {numbers.cost(j_star, 'latex')}" == "J^* = 0.00903"
    # the pivot (0, b*) is marked on the data panel's y axis, labelled b*
    dot, label = scene.pivot
    np.testing.assert_allclose(left.p2c(dot.get_center()), [0.0, b], atol=1e-9)
    assert label.get_tex_string() == "b^*" and label.get_left()[0] > dot.get_right()[0]
    assert label.get_top()[1] < dot.get_center()[1]
    # beside the dot (its top just under it), under the line, and no y number beside it: the
    # nearest numbers, 0 and 1, stand clear above and below the label
    assert dot.get_center()[1] - label.get_top()[1] < 0.1
    nums = [*left.y_axis.numbers, scene.zero]
    assert all(n.get_bottom()[1] > label.get_top()[1] or n.get_top()[1] < label.get_bottom()[1]
               for n in nums)
    # the right panel numbers m = 0, where its curve starts, and J = 0, where it ends; its m
    # axis stands AXIS_GAP below J = 0, clear of the curve's bottom and of the star there
    assert any(abs(n.get_value()) < 1e-12 for n in right.x_axis.numbers)
    assert any(abs(n.get_value()) < 1e-12 for n in right.y_axis.numbers)
    axis_y = right.x_axis.get_start()[1]
    assert right.c2p(m, 0)[1] - axis_y == pytest.approx(slope_sweep.AXIS_GAP)
    assert right.c2p(m, j_star)[1] - slope_sweep.STAR_RADIUS > axis_y + 0.05


def test_the_key_moment_is_slower_than_the_sweep_and_held():
    """The return to m* goes slower than the sweep; once the dot rests, one change at a time:
    the star and the guide, then m* and J*, then the note (nothing gives the answer away while
    the dot moves); m* and J* stay on screen PAYOFF_SECONDS (4 s) or more."""
    scene = rendered(SlopeSweep)
    x, y = data.regression_points()
    m_star, _ = regression.least_squares(x, y)
    assert np.isclose(scene.m.get_value(), m_star)
    sweep = (slope_sweep.M_TO - slope_sweep.M_FROM) / SlopeSweep.sweep_seconds
    assert (slope_sweep.M_TO - m_star) / slope_sweep.SETTLE_SECONDS < 0.8 * sweep
    ss = slope_sweep
    assert ss.PAYOFF_SECONDS >= 4.0
    # its plays, then the closing hold that makes the last picture stand CLOSING_HOLD_S
    assert scene.lengths[-1] == pytest.approx(scene.closing)
    assert scene.lengths[-7:-1] == pytest.approx([ss.SETTLE_SECONDS, ss.GUIDE_SECONDS,
                                                  ss.LABEL_SECONDS, ss.NOTE_SECONDS,
                                                  ss.POINTS_SECONDS, ss.HOLD_SECONDS])
    # m* and J* whole from the end of their play to the end
    assert sum(scene.lengths[-3:]) >= ss.PAYOFF_SECONDS
    assert ss.HOLD_SECONDS <= 1.8
    on = scene.get_mobject_family_members()
    assert scene.note[0] in on and scene.label[0] in on and scene.guide in scene.mobjects
    # the note over m* and J*, they over the guide, the guide down to the minimum's star
    assert scene.note.get_bottom()[1] > scene.label.get_top()[1]
    assert scene.label.get_bottom()[1] > scene.guide.get_top()[1]
    np.testing.assert_allclose(scene.guide.get_x(), scene.star.get_x(), atol=1e-6)
    assert abs(scene.note.get_x() - scene.star.get_x()) < 0.05
    # inside the cost panel, well clear of the frame's right edge
    ax_r = scene.right[0]
    assert scene.note.get_right()[0] < ax_r.x_axis.get_end()[0]
    # the closing note in the text colour (not the muted grey), at ≥ 4.5:1 on the background
    t = scene.theme
    for line in scene.note:
        assert line.get_color().to_hex().lower() == t.text.lower()
    assert contrast(t.text, t.background) >= 4.5


def test_the_minimums_numbers_are_written_once_in_its_green():
    """At the end m* and J* are written once, over the guide, in the good green of the
    minimum's numbers: the live readouts of m and J (J in the dot's pink, as if still live)
    have given way to them (J turned into J*, m faded: no object vanishes at once,
    test_scene_rules), and b = b* stays where it stood, alone over the data panel. Before the
    settle they were live."""
    x, y = data.regression_points()
    m_star, b_star = regression.least_squares(x, y)
    scene = rendered(SlopeSweep)
    on = set(scene.get_mobject_family_members())
    t = scene.theme
    for live in scene.live:  # the live m and J: gone from the screen
        assert not on & set(live.get_family())
    m_lab, j_lab = scene.label
    assert m_lab in on and j_lab in on
    for lab in scene.label:
        assert lab.get_color().to_hex().lower() == t.good.lower()
    # no other readout on screen: the only relations written are b's, m*'s and J*'s
    said = [m.get_tex_string() for m in on if isinstance(m, MathTex)]
    assert sorted(s for s in said if "=" in s) == ["J^* = 0.00903", "b = b^* = 0.805",
                                                   "m^* = 0.336"]
    assert not any(isinstance(m, DecimalNumber) and m.get_value() == pytest.approx(
        regression.cost(m_star, b_star, x, y)) for m in on)
    (_, b_read), _ = scene.readouts
    assert b_read in on and b_read.get_tex_string().endswith("= 0.805")
    # live through the sweep: the readouts at its end are the tracker's; b = b* stays put
    mid = rendered(SlopeSweep, upto="sweep")
    (m_read, b_mid), j_read = mid.readouts
    np.testing.assert_allclose(b_read.get_center(), b_mid.get_center(), atol=1e-9)
    assert m_read[-1].get_value() == pytest.approx(slope_sweep.M_TO)
    assert j_read[-1].get_value() == pytest.approx(regression.cost(slope_sweep.M_TO, b_star,
                                                                   x, y))


def test_the_curve_is_traced_where_the_dot_has_been_and_ends_whole():
    """The curve of J is never drawn ahead of the dot: at the end of the sweep it ends at the
    dot, at the steepest slope. It stays where the dot has been, so the last frame shows the
    whole parabola over the panel (M_FROM to M_TO), the dot at its bottom, m*, where the
    minimum's star (the house's ink star, larger than the dot) lands as the dot fades out (kept
    under the star, the dot's pink showed round it)."""
    x, y = data.regression_points()
    m_star, b_star = regression.least_squares(x, y)
    scene = rendered(SlopeSweep, upto="sweep")
    ax, curve, dot = scene.right
    curve.update()
    ms = np.array([ax.p2c(p)[0] for p in curve.get_anchors()])
    assert scene.m.get_value() == pytest.approx(slope_sweep.M_TO)
    assert ms.max() == pytest.approx(slope_sweep.M_TO, abs=1e-9)
    np.testing.assert_allclose(curve.get_end(), dot.get_center(), atol=1e-9)

    scene = rendered(SlopeSweep)
    ax, curve, dot = scene.right
    curve.update()
    dot.update()
    assert scene.m.get_value() == pytest.approx(m_star)
    ms = np.array([ax.p2c(p)[0] for p in curve.get_anchors()])
    assert ms.min() == pytest.approx(slope_sweep.M_FROM, abs=1e-9)
    assert ms.max() == pytest.approx(slope_sweep.M_TO, abs=1e-9)
    j_star = regression.cost(m_star, b_star, x, y)
    np.testing.assert_allclose(ax.p2c(dot.get_center()), [m_star, j_star], atol=1e-9)
    star = scene.star
    assert star in scene.mobjects and star.get_fill_opacity() == 1.0
    assert star.get_fill_color().to_hex().lower() == scene.theme.mark_color("minimum").lower()
    np.testing.assert_allclose(ax.p2c(star.get_center()), [m_star, j_star], atol=1e-6)
    assert star.width > dot.width
    assert dot not in scene.mobjects and star in scene.mobjects


def test_the_data_fill_the_middle_of_their_panel_and_j_keeps_three_figures():
    """The data panel runs from 0 (where the line turns about b*) half a tick over the data
    view's top, every tick (the whole numbers, 1 to 4) numbered and the corner's 0 written:
    the points, between
    1.7 and 2.7, span a quarter of its height or more and none lies in its lower third; J is
    written to three significant figures as it runs."""
    scene = rendered(SlopeSweep, upto="sweep")
    ax = scene.left[0]
    x, y = data.regression_points()
    y0, y1 = ax.y_range[:2]
    step = views.Y_TICKS[1] - views.Y_TICKS[0]
    assert (y0, y1) == (0.0, views.Y_RANGE[1] + step) == (0.0, slope_sweep.Y_TOP)
    assert (y.max() - y.min()) / (y1 - y0) >= 0.25 - 1e-12 and y.min() / (y1 - y0) > 1 / 3
    assert [n.get_value() for n in ax.y_axis.numbers] == pytest.approx([1.0, 2.0, 3.0, 4.0])
    assert {n.num_decimal_places for n in ax.y_axis.numbers} == {0}
    # the corner's 0: in the row of the x numbers and the column of the y numbers, shown
    zero = scene.zero
    assert zero.get_tex_string() == "0" and zero in ax.submobjects
    assert zero.get_center()[1] == pytest.approx(ax.x_axis.numbers[0].get_center()[1])
    assert zero.get_right()[0] == pytest.approx(ax.y_axis.numbers[0].get_right()[0])
    assert zero.get_top()[1] < ax.c2p(0, 0)[1] and zero.get_right()[0] < ax.c2p(0, 0)[0]
    from manim import DecimalNumber

    num = DecimalNumber(1.0, num_decimal_places=3)
    for v, shown in ((0.76, "0.760"), (1.41667, "1.42"), (2.1362, "2.14"), (0.0090259, "0.0090")):
        set_sig_number(num, v)
        assert num._get_num_string(v) == shown


def test_every_error_bar_runs_from_its_point_to_the_line_at_the_steepest_slope():
    """At the sweep's steepest slope the line is inside the panel at every point: each red bar
    runs from its point to the line drawn (none cut at the top, short of the line)."""
    scene = rendered(SlopeSweep, upto="sweep")
    ax, line, bars, _ = scene.left
    x, y = data.regression_points()
    _, b_star = regression.least_squares(x, y)
    m = scene.m.get_value()
    assert m == pytest.approx(slope_sweep.M_TO)
    pred = regression.predict(m, b_star, x)
    assert pred.max() < slope_sweep.Y_TOP
    (lx0, ly0), (lx1, ly1) = ax.p2c(line.get_start()), ax.p2c(line.get_end())
    for bar, xi, yi, fi in zip(bars, x, y, pred):
        (bx0, by0), (bx1, by1) = ax.p2c(bar.get_start()), ax.p2c(bar.get_end())
        assert bx0 == pytest.approx(xi) and bx1 == pytest.approx(xi)
        assert sorted([by0, by1]) == pytest.approx(sorted([yi, fi]), abs=1e-6)
        # the bar's end is on the line drawn
        assert lx0 <= xi <= lx1
        assert ly0 + (ly1 - ly0) * (xi - lx0) / (lx1 - lx0) == pytest.approx(fi, abs=1e-6)


def test_the_video_is_brisk_and_the_data_fill_the_panel():
    """The video back under 20 s (it had grown to 22.6 s), its set-up quicker than the sweep;
    the data panel runs from the pivot's x = 0 to a quarter of a tick past the last point."""
    scene = rendered(SlopeSweep)
    assert 18.0 <= sum(scene.lengths) - scene.closing <= 20.0
    assert 5 * slope_sweep.SETUP_SECONDS < SlopeSweep.sweep_seconds
    x, _ = data.regression_points()
    left = scene.left[0]
    lo, hi = left.x_range[:2]
    assert lo == 0.0 and 0.0 < hi - x.max() <= 0.25
    dot, _ = scene.pivot
    assert left.get_left()[0] <= dot.get_center()[0] <= left.c2p(x.min(), 0)[0]


def test_tick_numbers_are_written_as_the_stills_write_them():
    """Every number on the two panels' axes, the origins' 0 the scene adds too, in the house's
    tick form (numbers.tick): 0, 0.2, 0.5, 1, never 0.0 nor 1.0."""
    scene = rendered(SlopeSweep)
    ax_r = scene.right[0]
    for axis in (ax_r.x_axis, ax_r.y_axis):
        printed = [f"{float(n.number):.{n.num_decimal_places}f}" for n in axis.numbers]
        assert printed == [numbers.tick(float(n.number), "latex") for n in axis.numbers]
    assert "0" in [f"{float(n.number):.{n.num_decimal_places}f}" for n in ax_r.y_axis.numbers]
