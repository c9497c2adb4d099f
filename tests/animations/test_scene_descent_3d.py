"""The descent-3d scene (frames: test_scene_frames.py): the ball and path against gdcore."""

import numpy as np
from frames import rendered

from gdcore import data, regression
from gdviz import views
from scenes.descent_3d import LABEL_MIN_PX, PIECES, WALL_J, Descent3d, trajectory


def test_ball_and_path_follow_gdcores_trajectory():
    scene = rendered(Descent3d)
    traj = trajectory()
    x, y = data.regression_points()
    np.testing.assert_array_equal(scene.traj.points, traj.points)
    shown = scene.shown
    assert shown[0] == 0 and shown[-1] == traj.steps
    # at every scheduled position the ball is gdcore's point at gdcore's cost
    for k in range(len(shown)):
        np.testing.assert_allclose(scene.ball_point(k),
                                   [*traj.points[shown[k]], traj.losses[shown[k]]], atol=0)
    # between two, it moves on the surface: its height is gdcore's cost there
    p = scene.ball_point(3.4)
    assert p[2] == regression.cost(p[0], p[1], x, y)
    # the drawn ball, read back from the mobject, is the projection of the last point
    last = np.array([[*traj.points[-1], traj.losses[-1]]])
    np.testing.assert_allclose(scene.ball.data_point, last[0], atol=0)
    np.testing.assert_allclose(scene.ball.get_center(), scene.view.project(last)[0][0],
                               atol=1e-9)
    # the path's anchors at the scheduled steps are gdcore's points and losses, and every
    # in-between piece lies on the surface
    pts = scene.path_points(len(shown) - 1)
    np.testing.assert_allclose(pts[::PIECES, :2], traj.points[shown], atol=1e-12)
    np.testing.assert_allclose(pts[::PIECES, 2], traj.losses[shown], atol=0)
    np.testing.assert_allclose(pts[:, 2], regression.cost(pts[:, 0], pts[:, 1], x, y),
                               atol=1e-9)
    # the drawn path's corners are projections of those points (those not hidden)
    drawn = np.asarray(scene.path.get_anchors())
    proj = scene.view.project(pts)[0]
    d = np.linalg.norm(drawn[:, None, :] - proj[None, :, :], axis=2).min(axis=1)
    assert len(drawn) > 0 and d.max() < 1e-9


def test_ball_starts_high_and_falls_with_the_descent_arrow_downhill():
    scene = rendered(Descent3d)
    traj = trajectory()
    x, y = data.regression_points()
    top = regression.cost_grid(x, y, (-2.0, 4.0), (-6.0, 8.0), 56)[2].max()
    heights = np.array([scene.ball_point(k)[2] for k in range(len(scene.shown))])
    assert heights[0] == traj.losses[0] > 0.35 * top  # high on the wall
    assert np.all(np.diff(heights) <= 0)  # gdcore's losses fall along the path
    for s in (0.0, 1.5, 4.0, len(scene.shown) - 1.0):
        pts = scene.descent_arrow_points(s)
        np.testing.assert_allclose(pts[0], scene.ball_point(s), atol=1e-12)
        g = np.array(regression.gradient(*pts[0, :2], x, y))
        d = pts[-1, :2] - pts[0, :2]
        assert np.dot(d, g) < 0 and abs(np.cross(d, g)) < 1e-9 * np.linalg.norm(g)
        np.testing.assert_allclose(pts[:, 2], regression.cost(pts[:, 0], pts[:, 1], x, y))
    # the minimum's dot is drawn over the ball
    mobs = scene.mobjects
    assert mobs.index(scene.min_dot) > mobs.index(scene.ball)


def test_every_step_lands_on_the_drawn_surface_and_markers_stay_on_top():
    scene = rendered(Descent3d)
    p = trajectory().points
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    assert np.all((m0 < p[:, 0]) & (p[:, 0] < m1) & (b0 < p[:, 1]) & (p[:, 1] < b1))
    # the start and minimum markers are drawn whatever the surface covers
    for dot in (scene.start_dot, scene.min_dot):
        assert dot.get_fill_opacity() == 1.0
    # no m tick at the J axis's corner (−2 would read as a value of J)
    assert -2 not in scene.axes.ticks[0]
    # at the end the gradient is nearly zero: the arrow has shrunk and its label is hidden
    tip, tail = scene.view.project(scene.descent_arrow_points(len(scene.shown) - 1)[[-1, 0]])[0]
    assert np.linalg.norm(tip - tail) * 60 < LABEL_MIN_PX
    assert scene.arrow_label.get_fill_opacity() == 0.0


def test_wall_stretch_and_readout_follow_gdcore():
    scene = rendered(Descent3d)
    traj = trajectory()
    j = traj.losses[scene.shown]
    # the slow stretch ends at the first scheduled step on the valley floor (J < WALL_J)
    k = scene.wall_end
    assert k > 2 and j[k] < WALL_J <= j[k - 1]
    # the J readout ends on gdcore's last cost, to three significant digits (0.0090, not 0.0)
    assert scene.j_num.get_value() == traj.losses[-1]
    assert scene.j_num.num_decimal_places == 4
    assert round(traj.losses[-1], 4) > 0
