"""The slope-sweep scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered
from manim import VGroup

from gdcore import data, regression
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


def test_readouts_sit_on_one_line_beside_the_formula_over_both_panels():
    """m, b and J on one line over both panels (m drives both), beside the formula, clear of
    it and above both panels' y labels; m and b with PLACES decimals, J with J_PLACES (as
    gd-regression's video writes them)."""
    scene = rendered(SlopeSweep)
    (m_b, j_read) = scene.readouts
    left, right = scene.left[0], scene.right[0]
    row = VGroup(m_b, j_read)
    assert row.get_left()[0] > scene.formula.get_right()[0] + 0.3
    assert abs(row.get_right()[0] - right.get_right()[0]) < 0.05
    assert abs(row.get_center()[1] - scene.formula.get_center()[1]) < 0.05
    for ax in (left, right):
        assert row.get_bottom()[1] > ax.labels[-1].get_top()[1] + 0.2
    m_read, b_read = m_b
    assert abs(m_read.get_center()[1] - b_read.get_center()[1]) < 0.05  # one row
    assert j_read[0].get_color().to_hex().lower() == scene.theme.error.lower()  # the dot's colour
    assert m_read[-1].num_decimal_places == slope_sweep.PLACES == gd_regression.PLACES
    assert j_read[-1].num_decimal_places == slope_sweep.J_PLACES == gd_regression.J_PLACES
    # the right panel numbers m = 0, where its curve starts
    assert any(abs(n.get_value()) < 1e-12 for n in right.x_axis.numbers)


def test_the_key_moment_is_slower_than_the_sweep_and_held():
    """The return to m* goes slower than the sweep, then the settled picture stays ≥ 3 s."""
    scene = rendered(SlopeSweep)
    x, y = data.regression_points()
    m_star, _ = regression.least_squares(x, y)
    assert np.isclose(scene.m.get_value(), m_star)
    sweep = (slope_sweep.M_TO - slope_sweep.M_FROM) / SlopeSweep.sweep_seconds
    assert (slope_sweep.M_TO - m_star) / slope_sweep.SETTLE_SECONDS < 0.8 * sweep
    # the note comes first and stays while m* is marked under it and the picture is held
    assert slope_sweep.MARK_SECONDS + slope_sweep.HOLD_SECONDS >= 3.0
    assert slope_sweep.HOLD_SECONDS <= 1.8
    # the closing note in the text colour (not the muted grey), at ≥ 4.5:1 on the background
    t = scene.theme
    for line in scene.note:
        assert line.get_color().to_hex().lower() == t.text.lower()
    assert contrast(t.text, t.background) >= 4.5
