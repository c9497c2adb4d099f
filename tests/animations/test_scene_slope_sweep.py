"""The slope-sweep scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered

from gdcore import data, regression
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
