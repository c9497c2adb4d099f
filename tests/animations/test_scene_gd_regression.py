"""The gd-regression scene (frames: test_scene_frames.py): its drawing against gdcore's descent."""

import numpy as np
from frames import rendered

from gdcore import data, regression
from scenes.gd_regression import GdRegression, run


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


def test_drawn_path_is_gdcores_trajectory():
    scene = rendered(GdRegression, upto="descent-start")
    assert scene.mid_step() not in (0, run().steps)
    _check(scene, scene.mid_step())


def test_last_frame_reaches_the_end_of_the_run():
    scene = rendered(GdRegression)
    traj = run()
    _check(scene, traj.steps)
    x, y = data.regression_points()
    assert traj.losses[-1] < 1.05 * regression.cost(*regression.least_squares(x, y), x, y)
    # the minimum's label inside the map, up and right of the star, clear of the path's end
    ax = scene.map_panel[0]
    label = scene.star_label
    assert ax.get_left()[0] < label.get_left()[0] and label.get_right()[0] < ax.get_right()[0]
    star = ax.c2p(*regression.least_squares(x, y))
    assert label.get_left()[0] > star[0] and label.get_bottom()[1] > star[1]
    # the counter's widest value stays clear of the note beside it
    assert scene.it_group.get_right()[0] < scene.it_note.get_left()[0] - 0.2
