"""The descent-3d scene (frames: test_scene_frames.py): the ball and path against gdcore."""

import numpy as np
import pytest
from frames import draw, draw_frame, rendered
from manim import Circle, Dot, SingleStringMathTex, Star, smooth
from manim.utils.color import ManimColor

from gdcore import data, regression
from gdviz import views
from gdviz.cost_surface_scene import PHI0
from scenes.descent_3d import (
    ARRIVE,
    AXES_GONE,
    BALL_RADIUS,
    CUT_STEP,
    DOLLY_SECONDS,
    END_PHI,
    END_RECT,
    END_THETA,
    END_WINDOW,
    FALL_PHI,
    FALL_RECT,
    FALL_SECONDS,
    FALL_STEPS,
    FEATHER,
    LABEL_MIN_PX,
    PIECES,
    PLAIN_CENTER,
    STAR_RADIUS,
    THETA_FROM,
    WALL_J,
    WINDOW,
    Descent3d,
    axes_shown,
    trajectory,
)


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
    # on the way between two steps the path follows the surface to the ball
    pts = scene.path_points(0.5)
    np.testing.assert_allclose(pts[-1], scene.ball_point(0.5), atol=0)
    np.testing.assert_allclose(pts[:, 2], regression.cost(pts[:, 0], pts[:, 1], x, y))
    assert len(pts) == PIECES + 1


def same(a, b) -> bool:
    return ManimColor(a).to_hex().lower() == ManimColor(b).to_hex().lower()


def test_house_marks_and_the_minimum_drawn_over_the_ball():
    scene = rendered(Descent3d)
    t = scene.theme
    x, y = data.regression_points()
    # the house's marks: the start a hollow ring in the text colour, the ball a filled dot in
    # the accent, the minimum the house's ink star
    ring, ball, star = scene.start_ring, scene.ball, scene.min_star
    assert isinstance(ring, Circle) and same(ring.get_stroke_color(), t.text)
    assert same(ring.get_fill_color(), t.background)
    assert isinstance(ball, Dot) and same(ball.get_fill_color(), t.accent)
    assert isinstance(star, Star) and same(star.get_fill_color(), t.mark_color("minimum"))
    # each at gdcore's point: the start, the last step, the least-squares minimum
    traj = trajectory()
    m, b = regression.least_squares(x, y)
    for mark, point in ((ring, [*traj.points[0], traj.losses[0]]),
                        (ball, [*traj.points[-1], traj.losses[-1]]),
                        (star, [m, b, regression.cost(m, b, x, y)])):
        np.testing.assert_allclose(mark.data_point, point, atol=1e-12)
        np.testing.assert_allclose(mark.get_center(),
                                   scene.view.project(np.atleast_2d(point))[0][0], atol=1e-9)
    # at the end the ball rests on the minimum, under the star, which is larger than it: the
    # minimum is never hidden, the ball showing between its points
    mobs = scene.mobjects
    assert mobs.index(star) > mobs.index(ball) > mobs.index(scene.path)
    assert np.linalg.norm(star.get_center() - ball.get_center()) < BALL_RADIUS
    assert star.get_fill_opacity() == 1.0 and STAR_RADIUS > BALL_RADIUS
    # the legend shows the same marks beside their words, in the text colour
    rows = scene.info[1:]
    for row, kind in zip(rows, (Circle, Dot, Star)):
        assert isinstance(row[0], kind)
        assert all(same(c, t.text) for c in [row[1].get_color()])
        assert row[0].get_right()[0] < row[1].get_left()[0]
    assert isinstance(rows[2][0], Star)
    assert same(rows[2][0].get_fill_color(), t.mark_color("minimum"))


def test_camera_moves_in_on_the_fall_and_pulls_back():
    """The fall is the scene's largest moment: lowered to FALL_PHI, the camera frames the
    ball's way down the wall and its −∇J arrow (fall_points), filling FALL_RECT inside the
    surface's window, at least twice as large as the plain view draws them. So close, the axes
    would run off the frame: they fade out as the camera moves in (none of them shown from
    AXES_GONE of the way on) and back as it pulls back, at full strength from the pull back to
    the end (never removed and brought back)."""
    scene = rendered(Descent3d)
    view = scene.view
    theta, phi, dolly = view.theta.get_value(), view.phi.get_value(), view.dolly.get_value()
    aim = view.zoom, view.focus, view.target
    # at the end the camera has moved in again, on the closing view
    assert dolly == 1.0 and phi == END_PHI and theta == END_THETA
    assert aim[0] == scene.end_aim[0]
    fall = scene.fall_points()
    assert len(fall) > (FALL_STEPS * PIECES + 1)  # the path and the arrows along it
    try:
        scene.set_aim(scene.fall_aim)
        view.dolly.set_value(0.0)
        view.theta.set_value(THETA_FROM)
        view.phi.set_value(PHI0)
        np.testing.assert_allclose(view.center, PLAIN_CENTER + (0.0,))
        np.testing.assert_allclose(view.lengths, view._lengths)
        before = view.project(fall)[0]
        view.dolly.set_value(1.0)
        view.phi.set_value(FALL_PHI)
        after = view.project(fall)[0]
    finally:
        scene.set_aim(aim)
        view.theta.set_value(theta)
        view.phi.set_value(phi)
        view.dolly.set_value(dolly)
    # the fall fills FALL_RECT (in one direction; inside it in the other)
    lo, hi = after.min(axis=0)[:2], after.max(axis=0)[:2]
    cx, cy, w, h = FALL_RECT
    np.testing.assert_allclose((lo + hi) / 2, (cx, cy), atol=1e-9)
    fill = (hi - lo) / (w, h)
    assert max(fill) == pytest.approx(1.0) and min(fill) <= 1.0 + 1e-9
    # moved in and lowered, the fall is drawn twice as large, inside the surface's window
    assert scene.fall_aim[0] >= 2.0
    assert np.ptp(after[:, 0]) >= 2.0 * np.ptp(before[:, 0])
    assert np.ptp(after[:, 1]) >= 2.0 * np.ptp(before[:, 1])
    cx, cy, w, h = WINDOW
    assert np.all(np.abs(after[:, 0] - cx) < w / 2 - 0.6)
    assert np.all(np.abs(after[:, 1] - cy) < h / 2 - 0.6)
    # the fall slower than any other move: each step at least 2 s, 5 s in all
    assert min(FALL_SECONDS) >= 2.0 and sum(FALL_SECONDS) >= 5.0
    # the axes' opacity along the move in: 1 in the plain view, 0 from AXES_GONE on
    assert axes_shown(0.0) == 1.0 and axes_shown(AXES_GONE) == 0.0 and axes_shown(1.0) == 0.0
    u = np.linspace(0.0, 1.0, 101)
    assert np.all(np.diff([axes_shown(v) for v in u]) <= 0.0)
    # a fade, not a pop: the dolly (eased by smooth) reaches AXES_GONE after 0.5 s or more
    t = np.linspace(0.0, 1.0, 2001)
    gone = t[np.argmax([smooth(v) >= AXES_GONE for v in t])] * DOLLY_SECONDS
    assert gone >= 0.5
    # faded out moved in on the fall; at full strength from the pull back on
    turned = []
    for upto, shown in (("move-in-on-the-ball", 0.0), ("fall-down-the-wall", 0.0),
                        ("pull-back-to-the-valley", 1.0), ("slide-along-the-floor", 1.0),
                        (None, 1.0)):
        at = rendered(Descent3d, **({"upto": upto} if upto else {}))
        assert at.axes in at.mobjects and at.axes.shown == shown
        assert all(lab.get_fill_opacity() == shown for lab in at.axes.labels)
        turned.append(at.view.theta.get_value())
    # the camera orbits under the whole descent, the fall and the pull back among it
    assert THETA_FROM < turned[0] < turned[1] < turned[2] < turned[3] < turned[4] == END_THETA
    # the ball's J falls along the fall: gdcore's losses at steps 0, 1, 2
    j = [scene.ball_point(k)[2] for k in range(FALL_STEPS + 1)]
    np.testing.assert_allclose(j, trajectory().losses[:FALL_STEPS + 1], atol=0)
    assert j[0] > 80 and j[-1] < 4


def test_the_camera_orbits_slowly_at_one_pace_under_the_whole_descent():
    """One slow sweep of the azimuth, one way, from THETA_FROM to END_THETA over the move in,
    the fall, the pull back, the slide, the crawl and the close-up's hold: eased in and out,
    never faster than 1.3 times its mean pace nor a degree a second."""
    from scenes.descent_3d import SWEEP_SECONDS, sweep_theta

    t = np.linspace(0.0, SWEEP_SECONDS, 2001)
    theta = np.array([sweep_theta(v) for v in t])
    assert theta[0] == THETA_FROM and theta[-1] == pytest.approx(END_THETA)
    speed = np.diff(theta) / np.diff(t)
    mean = (END_THETA - THETA_FROM) / SWEEP_SECONDS
    assert speed.min() >= 0.0 and speed.max() <= 1.3 * mean and speed.max() < 1.0
    assert sweep_theta(SWEEP_SECONDS + 5.0) == pytest.approx(END_THETA)
    scene = rendered(Descent3d)
    assert scene.sweep.elapsed >= SWEEP_SECONDS - 0.1


def test_the_closing_view_is_large_with_its_axes():
    """At the end the whole surface, the path and the ball on the minimum fill END_RECT
    (between the title, the legend, the readouts and the bottom margin), inside the
    surface's opened window, with the m, b, J axes back at full strength; no word on
    another."""
    scene = rendered(Descent3d)
    view = scene.view
    scr = view.project(scene.closing_points())[0]
    lo, hi = scr.min(axis=0)[:2], scr.max(axis=0)[:2]
    cx, cy, w, h = END_RECT
    np.testing.assert_allclose((lo + hi) / 2, (cx, cy), atol=1e-9)
    # the view fills the rectangle in one direction, and stays in it in the other
    fill = (hi - lo) / (w, h)
    assert max(fill) == pytest.approx(1.0) and min(fill) <= 1.0 + 1e-9
    # the surface itself at least 4.9 scene units tall and 7 wide (294 and 420 px at 480p;
    # the whole view the slide ends in, 3.2 by 6.0)
    surf = scr[:-5]
    assert np.ptp(surf[:, 1]) >= 4.9 and np.ptp(surf[:, 0]) >= 7.0
    # the surface's window opened to END_WINDOW, which holds the whole view
    np.testing.assert_allclose(scene.surface.current_window(), END_WINDOW)
    wx, wy, ww, wh = END_WINDOW
    assert np.all(np.abs(surf[:, 0] - wx) < ww / 2 - FEATHER)
    assert np.all(np.abs(surf[:, 1] - wy) < wh / 2 - FEATHER)
    # the axes are back, at full strength, their labels m, b, J shown
    axes = scene.axes
    assert axes in scene.mobjects and axes.shown == 1.0
    assert [lab.get_tex_string() for lab in axes.labels] == ["m", "b", "J"]
    # 24 px inside the frame, under the title, apart from the legend, readouts and note
    boxes = [*scene.info, scene.readouts, scene.note]  # the legend row by row
    for part in [*axes.numbers, axes.labels]:
        for mob in part:
            assert mob.get_left()[0] > -7.111 + 0.4 and mob.get_right()[0] < 7.111 - 0.4
            assert mob.get_bottom()[1] > -4.0 + 0.4
            for other in boxes:
                apart_x = (mob.get_right()[0] < other.get_left()[0]
                           or mob.get_left()[0] > other.get_right()[0])
                apart_y = (mob.get_top()[1] < other.get_bottom()[1]
                           or mob.get_bottom()[1] > other.get_top()[1])
                assert apart_x or apart_y


def test_every_step_lands_on_the_drawn_surface_and_markers_stay_on_top():
    scene = rendered(Descent3d)
    p = trajectory().points
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    assert np.all((m0 < p[:, 0]) & (p[:, 0] < m1) & (b0 < p[:, 1]) & (p[:, 1] < b1))
    # the start and minimum marks are drawn whatever the surface covers
    for mark in (scene.start_ring, scene.min_star):
        assert mark.get_fill_opacity() == 1.0
    # no m tick at the J axis's corner (−2 would read as a value of J)
    assert -2 not in scene.axes.ticks[0]
    # at the end the gradient is nearly zero: the arrow has shrunk and faded
    tip, tail = scene.view.project(scene.descent_arrow_points(len(scene.shown) - 1)[[-1, 0]])[0]
    assert np.linalg.norm(tip - tail) * 60 < LABEL_MIN_PX
    assert scene.arrow[0].get_stroke_opacity() < 1.0
    # the arrow's name, −∇J, is in the legend beside its key, never on the surface: left of
    # the surface's windows (the fall's and the closing view's), wherever the camera is
    key, name = scene.info[-1]
    assert name.get_tex_string() == r"-\nabla J" and key.get_right()[0] < name.get_left()[0]
    for cx, _, w, _ in (WINDOW, END_WINDOW):
        assert name.get_right()[0] < cx - w / 2
    assert len(scene.arrow) == 2  # the arrow drawn on the surface: its stroke and head only


def test_wall_stretch_and_readout_follow_gdcore():
    scene = rendered(Descent3d)
    traj = trajectory()
    j = traj.losses[scene.shown]
    # the slow stretch ends at the first scheduled step on the valley floor (J < WALL_J)
    k = scene.wall_end
    assert k > 2 and j[k] < WALL_J <= j[k - 1]
    # the J readout ends on gdcore's last cost, to three significant digits (0.0090, not 0.0)
    assert scene.j_num.get_value() == traj.losses[-1]
    # three significant figures at every step: 82.6 … 0.00903
    assert scene.j_num.num_decimal_places == 5
    assert f"{traj.losses[-1]:.5f}" == "0.00903"


def test_readouts_and_arrow_change_as_the_ball_lands():
    """At each scheduled step, and from just before the ball lands on it (ARRIVE), the step
    readout is gdcore's step and the J readout gdcore's loss at it, held between steps;
    the −∇J arrow stays at the step's start (the point last reached), along gdcore's −∇J
    there, and the legend's −∇J fades with it."""
    scene = rendered(Descent3d)
    traj = trajectory()
    x, y = data.regression_points()
    for k in range(1, len(scene.shown)):
        for s in (float(k), k - ARRIVE / 2):
            assert scene.step_at(s) == scene.shown[k]
        assert scene.step_at(k - 2 * ARRIVE) == scene.shown[k - 1]
    # the arrow mid-step starts at the step's start, never at the moving ball, and points the
    # way of the step taken from there (gdcore's −∇J there: never uphill of where it stands)
    keep = scene.s.get_value()
    try:
        for s in (0.5, 1.5):
            scene.s.set_value(s)
            arrow = scene.arrow_points()
            np.testing.assert_allclose(arrow[0], scene.ball_point(float(int(s))), atol=1e-12)
            a, b = traj.points[scene.shown[int(s)]], traj.points[scene.shown[int(s) + 1]]
            d, step = arrow[-1, :2] - arrow[0, :2], b - a
            g = np.array(regression.gradient(*a, x, y))
            assert np.dot(d, step) > 0 and abs(np.cross(d, step)) < 1e-9 * np.linalg.norm(step)
            assert abs(np.cross(d, g)) < 1e-9 * np.linalg.norm(g)
            # mid-step the J readout holds gdcore's loss at the step last reached (no value
            # of a point between two steps)
            scene.j_num.update()
            assert scene.j_num.get_value() == traj.losses[scene.shown[int(s)]]
            scene.s.set_value(int(s) + 1 - ARRIVE / 2)  # landing: t and J change together
            scene.j_num.update()
            assert scene.j_num.get_value() == traj.losses[scene.shown[int(s) + 1]]
    finally:
        scene.s.set_value(keep)
        scene.j_num.update()
    # at the end the arrow has faded, and the legend's −∇J with it, to the same opacity
    key, name = scene.info[-1]
    a = scene.arrow_opacity()
    assert a < 1.0 and name.get_fill_opacity() == pytest.approx(a)
    assert key[0].get_stroke_opacity() == pytest.approx(a)
    # the crawl passes the caption's step on its way to the last, where it ends
    assert scene.shown[2] < CUT_STEP < scene.shown[-1]
    assert scene.s.get_value() == len(scene.shown) - 1


def test_the_minimum_star_shows_whole_over_the_ball_at_the_end():
    """In the last frame the ball lies on the minimum and the star is seen whole over it (its
    pixels in its ink as many as when it is drawn alone), the ball's accent round it."""
    scene = rendered(Descent3d, own=True)
    t = scene.theme
    star, ball = scene.min_star, scene.ball
    assert np.linalg.norm(star.get_center() - ball.get_center()) < BALL_RADIUS

    def count(frame, colour):  # pixels of `colour` in a box round the star (480p: 60 px/unit)
        h, w = frame.shape[:2]
        ppu = h / 8.0
        cx = int(round(w / 2 + star.get_center()[0] * ppu))
        cy = int(round(h / 2 - star.get_center()[1] * ppu))
        r = int(np.ceil(2 * STAR_RADIUS * ppu))
        box = frame[cy - r: cy + r + 1, cx - r: cx + r + 1].astype(int)
        want = np.array(ManimColor(colour).to_rgb()) * 255
        return int((np.abs(box - want).max(axis=-1) <= 40).sum())

    whole = count(np.asarray(draw_frame(scene.renderer, scene, [star]))[..., :3],
                  t.mark_color("minimum"))
    assert whole > 20  # the star itself is drawn
    shown = count(draw(scene), t.mark_color("minimum"))
    assert shown >= 0.9 * whole
    # and the ball shows round it, between its points
    assert count(draw(scene), t.accent) > 0


def test_the_axes_words_meet_no_other_word_as_the_camera_moves():
    """Along the camera's moves (in on the fall, while the axes still show as they fade out,
    the slide's turn from THETA_FROM to THETA_TO in the plain view, the closing view), no
    number or label of the axes meets a row of the legend or the readouts, and each stays
    24 px inside the frame."""
    from scenes.descent_3d import THETA_TO

    scene = rendered(Descent3d)
    view, axes = scene.view, scene.axes
    keep = (view.theta.get_value(), view.phi.get_value(), view.dolly.get_value(),
            (view.zoom, view.focus, view.target))
    others = [*scene.info, scene.readouts]
    u = np.linspace(0.0, 1.0, 9)
    cameras = [(scene.fall_aim, THETA_FROM, PHI0 + a * (FALL_PHI - PHI0), a) for a in u]
    cameras += [(scene.fall_aim, THETA_FROM + a * (THETA_TO - THETA_FROM), PHI0, 0.0)
                for a in u]
    cameras += [(scene.end_aim, THETA_TO + a * (END_THETA - THETA_TO),
                 PHI0 + a * (END_PHI - PHI0), a) for a in u]
    try:
        for aim, theta, phi, dolly in cameras:
            scene.set_aim(aim)
            view.theta.set_value(theta)
            view.phi.set_value(phi)
            view.dolly.set_value(dolly)
            # moved in on the fall, the axes are faded out: only what shows is checked
            axes.shown = axes_shown(dolly) if aim is scene.fall_aim else 1.0
            axes.update_from_view()
            if axes.shown == 0.0:
                continue
            for mob in [*[n for nums in axes.numbers for n in nums], *axes.labels]:
                where = (theta, phi, dolly, mob.get_tex_string())
                assert mob.get_left()[0] > -7.111 + 0.4 and mob.get_right()[0] < 7.111 - 0.4
                assert mob.get_bottom()[1] > -4.0 + 0.4, where
                for other in others:
                    apart_x = (mob.get_right()[0] < other.get_left()[0]
                               or mob.get_left()[0] > other.get_right()[0])
                    apart_y = (mob.get_top()[1] < other.get_bottom()[1]
                               or mob.get_bottom()[1] > other.get_top()[1])
                    assert apart_x or apart_y, (theta, phi, dolly)
    finally:
        view.theta.set_value(keep[0])
        view.phi.set_value(keep[1])
        view.dolly.set_value(keep[2])
        scene.set_aim(keep[3])
        axes.shown = 1.0
        axes.update_from_view()


def test_the_crawl_is_shown_large_in_a_close_up_alone_over_the_page():
    """The crawl along the floor moves the ball by a few pixels of the surface: a close-up, a
    2-D map of the floor round the minimum (equal scales), holds the ball's path from the
    floor's first step (gdcore's points) to the last, the ball on gdcore's last point. Open
    (after the crawl), it is CLOSE_HEIGHT tall round CLOSE_CENTER, the crawl drawn thirty times
    larger or more than on the surface, alone over the page: the surface, its axes and marks
    under a veil of the page's colour (no number of the 3-D axes beside or under it: kept
    small at the right, it sat over the b axis's numbers), 24 px inside the frame and apart
    from the title, the legend and the readouts, which stay over the veil. By the end it, the
    veil and the outline have gone, the axes shown again."""
    from scenes.descent_3d import CLOSE_B, CLOSE_CENTER, CLOSE_HEIGHT, CLOSE_M, THETA_TO

    scene = rendered(Descent3d, upto="crawl")
    traj, ax = trajectory(), scene.close_axes
    (m0, m1, _), (b0, b1, _) = CLOSE_M, CLOSE_B
    # equal scales, its size and place
    sx = (ax.c2p(m1, b0) - ax.c2p(m0, b0))[0] / (m1 - m0)
    sy = (ax.c2p(m0, b1) - ax.c2p(m0, b0))[1] / (b1 - b0)
    assert sx == pytest.approx(sy)
    assert sy * (b1 - b0) == pytest.approx(CLOSE_HEIGHT)
    np.testing.assert_allclose((ax.c2p(m0, b0) + ax.c2p(m1, b1))[:2] / 2, CLOSE_CENTER,
                               atol=1e-9)
    # the crawl, from the floor's first step, inside the map; the path's corners are
    # gdcore's points there
    crawl = traj.points[scene.shown[scene.wall_end:]]
    assert np.all((m0 < crawl[:, 0]) & (crawl[:, 0] < m1) & (b0 < crawl[:, 1]) & (crawl[:, 1] < b1))
    drawn = np.asarray(scene.close_path.get_anchors())[:, :2]
    want = np.array([ax.c2p(m, b)[:2] for m, b in crawl])
    d = np.linalg.norm(want[:, None, :] - drawn[None, :, :], axis=2).min(axis=1)
    assert d.max() < 1e-9
    np.testing.assert_allclose(scene.close_ball.get_center()[:2], ax.c2p(*traj.points[-1])[:2],
                               atol=1e-9)
    # thirty times larger than the crawl drawn on the surface, in the view it plays in
    view = scene.view
    keep = view.theta.get_value(), view.phi.get_value(), view.dolly.get_value()
    try:
        view.theta.set_value(THETA_TO)
        view.phi.set_value(PHI0)
        view.dolly.set_value(0.0)
        on_surface = view.project(scene.path_points(len(scene.shown) - 1)[
            scene.wall_end * PIECES:])[0]
    finally:
        view.theta.set_value(keep[0])
        view.phi.set_value(keep[1])
        view.dolly.set_value(keep[2])
    size = np.linalg.norm(np.ptp(on_surface[:, :2], axis=0))
    assert np.linalg.norm(np.ptp(want, axis=0)) >= 30 * size
    # inside the frame, apart from every word over the veil; its words shown whole
    close = scene.close
    for part in close[1:]:
        assert part.get_left()[0] > -7.111 + 0.4 and part.get_right()[0] < 7.111 - 0.4
        assert part.get_bottom()[1] > -4.0 + 0.4 and part.get_top()[1] < 4.0 - 0.4
    pieces = [close[0], scene.close_name, *scene.close_ranges,
              *[m for m in ax.get_family() if isinstance(m, SingleStringMathTex)]]
    assert len(pieces) >= 2 + 2 + 6 + 2
    for a in pieces:
        for other in [scene.title, *scene.info, scene.readouts]:
            apart_x = (a.get_right()[0] < other.get_left()[0]
                       or a.get_left()[0] > other.get_right()[0])
            apart_y = (a.get_top()[1] < other.get_bottom()[1]
                       or a.get_bottom()[1] > other.get_top()[1])
            assert apart_x or apart_y
    assert all(w.get_fill_opacity() == 1.0 for w in scene.close_words)
    # alone over the page: the veil, opaque and over the whole frame, lies over the surface,
    # its axes and the marks on it, under the close-up and the words round it
    veil, order = scene.veil, scene.mobjects
    assert veil.get_fill_opacity() == 1.0 and scene.axes.shown == 0.0
    assert veil.width >= 14.222 and veil.height >= 8.0
    assert np.allclose(veil.get_center()[:2], 0.0)
    assert ManimColor(veil.get_fill_color()).to_hex().lower() == \
        ManimColor(scene.theme.background).to_hex().lower()
    at = order.index(veil)
    for under in (scene.surface, scene.axes, scene.path, scene.marks, scene.ball,
                  scene.min_star, scene.start_ring):
        assert order.index(under) < at
    for over in (close, scene.title, scene.info, scene.readouts):
        assert order.index(over) > at
    # the map itself drawn over it (a map laid under everything, z_index −1, was hidden): the
    # frame's pixels inside the close-up's map are the map's, not the page's
    assert close[0].z_index >= veil.z_index
    frame = draw(scene)
    h, w = frame.shape[:2]
    cx, cy = CLOSE_CENTER
    px = int(round((cx + 7.111) / 14.222 * w)), int(round((4.0 - cy) / 8.0 * h))
    inner = frame[px[1] - 20:px[1] + 20, px[0] - 10:px[0] + 10].reshape(-1, 3)
    page = np.array(ManimColor(scene.theme.background).to_rgb()) * 255
    assert np.abs(inner - page).sum(axis=1).min() > 30
    # closed by the end, the surface and its axes back
    end = rendered(Descent3d)
    assert end.close not in end.mobjects and end.veil not in end.mobjects
    assert end.marks not in end.mobjects and end.axes.shown == 1.0


def test_the_surface_has_a_rim_and_the_close_up_labels_its_axes_at_their_ends():
    """The surface's edge (the grid's four boundary lines) is drawn in the spines' colour,
    wider than the mesh, so it reads on the dark page where the rim's colours run into it;
    the close-up's b stands over its axis's top, as its m under its axis's end."""
    from manim.utils.color import ManimColor as Color

    from scenes.descent_3d import CLOSE_B, CLOSE_M

    scene = rendered(Descent3d)
    surf = scene.surface
    rows, cols = surf.Z.shape
    a, b = surf.mesh_edges[:, 0], surf.mesh_edges[:, 1]
    # every boundary piece of the grid, and only those, is a rim piece
    on_edge = ((a // cols == b // cols) & np.isin(a // cols, (0, rows - 1))) | (
        (a % cols == b % cols) & np.isin(a % cols, (0, cols - 1)))
    # (the mesh drawn FINE grid cells to a piece)
    from gdviz.cost_surface_scene import FINE

    assert np.array_equal(surf.rim, on_edge)
    assert on_edge.sum() == 2 * (rows - 1 + cols - 1) // FINE
    muted = tuple(int(round(255 * c)) for c in Color(scene.theme.muted).to_rgb())
    from PIL import Image, ImageDraw

    ink = ImageDraw.Draw(Image.new("RGB", (1, 1))).draw.draw_ink(muted)
    assert all(surf._mesh_inks[e] == ink for e in np.flatnonzero(surf.rim))
    assert all(surf._mesh_widths[e] > surf.mesh_width for e in np.flatnonzero(surf.rim))
    ax = rendered(Descent3d, upto="crawl").close_axes  # open, at its size
    top = ax.c2p(CLOSE_M[0], CLOSE_B[1])
    b_label = ax.labels[1]
    assert b_label.get_bottom()[1] > top[1] and b_label.get_bottom()[1] - top[1] < 0.3
    # just right of the axis's line, clear of its top number left of it
    assert top[0] < b_label.get_left()[0] < top[0] + 0.1
    top_number = min((m for m in ax.get_family() if isinstance(m, SingleStringMathTex)
                      and len(m.submobjects) and m.get_right()[0] < top[0]),
                     key=lambda m: abs(m.get_y() - top[1]))
    assert b_label.get_left()[0] - top_number.get_right()[0] >= 0.1


def test_the_outline_lies_on_a_halo_and_the_close_up_outlasts_the_claim():
    """The close-up's region is outlined on the surface on a halo of the page's colour (wider
    than its stroke), so it reads over the drawing; no leader is drawn (the close-up comes in
    on the box itself). The close-up stays 2.5 s or more into the closing section, whose caption
    says the ball rests on the minimum (the ball on the star in it)."""
    scene = rendered(Descent3d)
    page = ManimColor(scene.theme.background).to_hex().lower()
    assert len(scene.marks) == 1
    for line in scene.marks:
        assert line.get_stroke_color(background=True).to_hex().lower() == page
        assert line.get_stroke_width(background=True) >= line.get_stroke_width() + 2.0
    start = {s["name"]: s["start"] for s in scene.caption_log}["arrive"]
    # held whole 1.5 s or more (held 2.2 s over the veiled page, nothing changed for over
    # 2 s), then going back onto its box: on screen 2.5 s or more
    from scenes.descent_3d import GROW_SECONDS

    assert scene.close_shut_at - start >= 1.5
    assert scene.close_shut_at + GROW_SECONDS - start >= 2.5
    np.testing.assert_allclose(scene.close_ball.get_center(),
                               scene.close_axes.c2p(*trajectory().points[-1]), atol=1e-9)


def test_the_surface_takes_the_house_treatment_as_mse_surface_does():
    """One treatment per theme for every 3-D surface: the descent-3d surface is coloured as
    mse-surface's is (lit level-true, each J in the colour of the house flat map of J(m, b),
    bounded by its levels), vertex for vertex; not by its own grid's range, every face shaded
    by its own light (the look it had before, a level face darker than the map's)."""
    from gdviz.cost_surface_scene import BOX, build_surface, build_view

    scene = rendered(Descent3d)
    t, x, y = scene.theme, *data.regression_points()
    flat = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)[2]
    lv = views.contour_levels(flat, t.cost_map.levels)
    view = build_view(float(scene.surface.Z.max()))
    house = build_surface(t, view, x, y, levels=lv, level_true=True, aspect=BOX)
    assert scene.surface.quad_colors == house.quad_colors
    old = build_surface(t, view, x, y, levels=views.contour_levels(house.Z), level_true=False)
    assert old.quad_colors != house.quad_colors


def test_the_close_up_takes_the_surfaces_colours():
    """The close-up colours each J as the surface it enlarges does (docs/STYLE.md): its map's
    levels run over the surface's span (the house flat map's levels, views.contour_levels),
    never its own window's, which ran the whole scale over J from 0.009 to 0.28 and drew its
    edges yellow, the colour of the surface's rim."""
    from gdviz.manim_blocks import contour_rgba
    from scenes.descent_3d import CLOSE_B, CLOSE_M

    scene = rendered(Descent3d, upto="crawl")
    t, x, y = scene.theme, *data.regression_points()
    flat = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)[2]
    lv = views.contour_levels(flat, t.cost_map.levels)
    J = regression.cost_grid(x, y, CLOSE_M[:2], CLOSE_B[:2], 120)[2]
    assert lv[0] < 0.01 and lv[-1] > 200 and J.max() < 0.3
    img = np.asarray(scene.close[0].pixel_array)
    size = (img.shape[1], img.shape[0])
    # its bands' fills (the pixels off its level lines) are those of the surface's span
    parent = contour_rgba(t, J, span=(lv[0], lv[-1]), size=size, lines=False)
    own = contour_rgba(t, J, size=size, lines=False)
    on_parent = np.all(img == parent, axis=-1).mean()
    on_own = np.all(img == own, axis=-1).mean()
    assert on_parent > 0.8 and on_own < 0.2
    # yellow edges before (97 of 255 apart on the light map)
    assert np.abs(own.astype(int) - parent.astype(int)).max() > 80


def test_the_close_up_enters_from_an_outline_closing_onto_its_box():
    """On the surface the close-up's region is about 13 × 6 px: its outline comes in
    PULSE_FROM times larger (80 px wide or more at 480p) and closes onto it; the close-up then
    grows out of the box, its height a straight function of the share of its way (grown
    geometrically from rest, it stayed a speck for its first half second)."""
    from scenes.descent_3d import CLOSE_HEIGHT, PULSE_FROM

    scene = rendered(Descent3d, upto="crawl")
    outline, frame = scene.marks[0], scene.close_axes.frame
    keep = scene.pulse.get_value(), scene.grown.get_value()
    assert keep == (1.0, 1.0)
    try:
        ring = scene.view.project(scene.region_ring())[0]
        small = np.ptp(ring[:, :2], axis=0) * 60
        assert small[0] < 20 and small[1] < 10
        # the outline drawn, at rest, is the ring (its stretches the surface does not hide)
        drawn = np.asarray(outline.get_anchors())
        d = np.linalg.norm(drawn[:, None, :] - scene.pulsed(ring)[None, :, :], axis=2)
        assert len(drawn) and d.min(axis=1).max() < 1e-9
        scene.pulse.set_value(PULSE_FROM)
        big = np.ptp(scene.pulsed(ring)[:, :2], axis=0) * 60
        assert big[0] >= 80 and big[1] >= 35
        np.testing.assert_allclose(big, PULSE_FROM * small)
        heights = []
        for u in (0.0, 0.1, 0.25, 0.5, 1.0):
            scene.grown.set_value(u)
            scene.place_close(scene.close)
            heights.append(frame.height)
        _, k = scene.box
        np.testing.assert_allclose(heights, [CLOSE_HEIGHT * ((1 - u) * k + u)
                                             for u in (0.0, 0.1, 0.25, 0.5, 1.0)], rtol=1e-6)
        assert heights[0] * 60 < 10 and heights[1] * 60 > 30  # out of the speck at once
    finally:
        scene.pulse.set_value(keep[0])
        scene.grown.set_value(keep[1])
        scene.place_close(scene.close)


def test_the_close_up_goes_back_onto_its_box_as_it_came():
    """The close-up's return (closing, over RETURN_SECONDS, the way out's time) is the way out
    (opening) played backwards, frame for frame: from rest at its size, its first frames
    taking less than 1 % of its height off (at an even pace each took 4 %, its lines and words
    moved 5 px a frame where it was largest, and the dark video, whose map's fills lie under
    the check's ink level, lost 0.45 of its ink from one frame to the next), fastest at its
    box; the veil lifting at one pace over its last CLOSE_SECONDS, the close-up then 0.7 of its
    size or less; it fades only over its last OPEN_FADE."""
    from scenes.descent_3d import (
        CLOSE_SECONDS,
        GROW_SECONDS,
        OPEN_FADE,
        RETURN_SECONDS,
        closing,
        opening,
    )

    assert RETURN_SECONDS == pytest.approx(CLOSE_SECONDS + GROW_SECONDS)
    frames = np.linspace(0.0, 1.0, round(RETURN_SECONDS * 15) + 1)
    u, veil, fade = np.array([closing(a) for a in frames]).T
    back = np.array([opening(a) for a in frames[::-1]])
    np.testing.assert_allclose(np.column_stack([u, veil]), back, atol=1e-12)
    step = -np.diff(u)
    assert np.all(step > 0) and np.all(np.diff(step) > 0)  # slowest at its size
    assert step[0] < 0.01 and step[1] < 0.01
    assert (u[0], veil[0], fade[0]) == (1.0, 1.0, 0.0)
    assert (u[-1], veil[-1], fade[-1]) == (0.0, 0.0, 1.0)
    assert np.all(np.diff(veil) <= 0) and np.all(np.diff(fade) >= 0)
    left = (1.0 - frames) * RETURN_SECONDS  # seconds to go
    assert np.all(veil[left >= CLOSE_SECONDS - 1e-9] == 1.0)
    lifting = left < CLOSE_SECONDS - 1e-9
    np.testing.assert_allclose(np.diff(veil)[lifting[1:]], -1.0 / (CLOSE_SECONDS * 15),
                               rtol=1e-9)
    assert np.all(fade[left >= OPEN_FADE] == 0.0)
    # as the veil starts to lift, the close-up is 0.7 of its size or less, its box's twice or
    # more (the box about 6 px tall of its 290)
    k = 0.02
    height = ((1 - u) * k + u)[np.argmax(veil < 1.0)]
    assert 2 * k <= height <= 0.71


def test_the_close_up_grows_fast_from_its_box_and_eases_to_rest():
    """The way out (opening, over CLOSE_SECONDS + GROW_SECONDS): fast from the box, its share
    of the way 1 − (1 − a)², so it moves least where it is largest and comes to rest at its
    size; the veil over the surface at one pace over the first CLOSE_SECONDS. (At an even pace
    under an eased veil, the dark video lost half its ink pixel for pixel in one frame.)"""
    from scenes.descent_3d import CLOSE_SECONDS, GROW_SECONDS, opening

    total = CLOSE_SECONDS + GROW_SECONDS
    frames = np.linspace(0.0, 1.0, round(total * 15) + 1)
    u, veil = np.array([opening(a) for a in frames]).T
    assert (u[0], veil[0], u[-1], veil[-1]) == (0.0, 0.0, 1.0, 1.0)
    step = np.diff(u)
    assert np.all(step > 0) and np.all(np.diff(step) < 0)  # fastest at the box, then slower
    assert step[-1] < 0.1 * step[0]  # at rest as it reaches its size
    assert step[0] <= 2.0 / (total * 15) + 1e-9
    # the veil at one pace until it is whole, then held
    rising = veil < 1.0
    np.testing.assert_allclose(np.diff(veil)[rising[1:]], 1.0 / (CLOSE_SECONDS * 15), rtol=1e-9)
    assert np.all(veil[frames * total >= CLOSE_SECONDS - 1e-9] == 1.0)


def test_the_close_ups_lines_words_and_marks_show_only_while_it_stands_at_its_size():
    """The close-up's level lines, words and marks (thin, moved more than their width each frame
    as it grew and shrank: on the dark page, its fills under the pops check's ink threshold,
    they were most of its ink, and it lost 0.40 of it from one frame to the next) are unseen as
    it grows out of its box, shown while the ball crawls, gone again before it goes back: what
    moves is its filled map and its frame. Its level lines are a second map over its fills, the
    same but for the lines."""
    grown = rendered(Descent3d, upto="inset")
    fills = np.asarray(grown.close[0].pixel_array)[..., :3].astype(int)
    lines = grown.close_lines
    assert lines is grown.close[1] and lines.z_index == grown.close[0].z_index
    # the same map, but for its level lines
    differ = np.any(np.asarray(lines.pixel_array)[..., :3].astype(int) != fills, axis=-1).mean()
    assert 0.01 < differ < 0.3
    # unseen at its size, once grown; shown from the crawl's start
    assert np.asarray(lines.pixel_array)[..., 3].max() == 0
    path, ball, star = grown.close_marks
    assert path is grown.close_path and ball is grown.close_ball
    assert len(grown.close_ticks) >= 5
    for m in (path, ball, star, *grown.close_words, *grown.close_ticks):
        assert m.get_stroke_opacity() == 0.0
    assert ball.get_fill_opacity() == star.get_fill_opacity() == 0.0
    assert grown.close_axes.frame.get_stroke_opacity() == 1.0  # its frame moves, shown
    assert grown.close_grown_at == pytest.approx(grown.time)
    crawled = rendered(Descent3d, upto="crawl")
    assert crawled.lines_in_at == pytest.approx(grown.close_grown_at)
    alpha = np.asarray(crawled.close_lines.pixel_array)[..., 3]
    np.testing.assert_array_equal(alpha, crawled.close_lines.orig_alpha_pixel_array)
    path, ball, star = crawled.close_marks
    assert path.get_stroke_opacity() == ball.get_fill_opacity() == star.get_fill_opacity() == 1.0
    assert path.get_fill_opacity() == 0.0  # a line, never filled
    assert all(m.get_stroke_opacity() == 1.0 for m in crawled.close_ticks)
    # gone again before it goes back
    end = rendered(Descent3d)
    assert end.lines_at_shut == 0


def test_the_close_ups_lines_fade_out_geometrically_to_nearly_nothing():
    """Its lines, words and marks fade out over LINES_OUT with their opacity falling by one
    ratio a frame, to LINES_OUT_FALL (a hundredth: 2.5 grey levels of the brightest word over
    the dark page), then gone: each contrast passes the threshold in a frame of its own (at one
    pace they all went in one or two frames; to 0.08, the lines over the dark map's fills, a
    few grey levels under the threshold, all went in the last)."""
    from scenes.descent_3d import LINES_OUT, LINES_OUT_FALL, lines_out

    assert LINES_OUT_FALL <= 0.01 and LINES_OUT >= 0.9
    frames = np.arange(1, int(round(LINES_OUT * 15))) / (LINES_OUT * 15)
    shown = 1.0 - np.array([lines_out(a) for a in frames])
    assert lines_out(0.0) == 0.0 and lines_out(1.0) == 1.0
    np.testing.assert_allclose(shown[1:] / shown[:-1], LINES_OUT_FALL ** (1 / 15 / LINES_OUT))
    assert shown[-1] < 1.5 * LINES_OUT_FALL
