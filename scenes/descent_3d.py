"""The mountain climber: a ball descends the cost surface along gradient descent's path while
the camera slowly turns.

The path is gdcore's DESCENT_3D.run() (as figures/descent_3d.py), from high on the wall: the
ball visits gdcore's points on a log-spaced schedule of steps (dense early, sparse on the slow
valley floor), a −∇J arrow riding with it, and every height drawn is gdcore's cost J(m, b).
The surface is gdviz.fast_surface's raster layer; the ball and path hide where the surface
covers them.
Render alone with: manim -ql scenes/descent_3d.py Descent3d
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Dot,
    FadeIn,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    linear,
    smooth,
)

from gdcore import data, descent, regression
from gdcore.cost_descent import DESCENT_3D
from gdviz import numbers, views
from gdviz.cost_surface_scene import BOX, GRID, TICKS, build_axes, build_surface, build_view
from gdviz.fast_surface import set_polylines, visible
from gdviz.manim_blocks import live_readout
from gdviz.manim_theme import ThemedScene, sections

#: Steps shown (descent.log_schedule), and straight pieces per segment between two of them (the
#: path between gdcore's points follows the surface: each piece's height is gdcore's cost).
SHOWN = 60
PIECES = 8
#: The camera turns from THETA_FROM to THETA_TO degrees of azimuth during the descent.
THETA_FROM, THETA_TO = -75.0, -20.0
#: The descent in two stretches: down the wall (the scheduled steps until J falls below WALL_J,
#: easing in, so the first and largest fall takes about a third of WALL_SECONDS: the moment the
#: scene exists for), then along the valley floor (FLOOR_SECONDS, the steps crowding as they
#: shrink), the camera turning throughout.
WALL_J = 0.05
WALL_SECONDS = 6.0
FLOOR_SECONDS = 4.5
#: Length of the −∇J arrow in (m, b) units where the gradient is at least ARROW_FULL_GRAD long;
#: below, it shrinks with the gradient (so it dies away at the minimum, off its marker).
ARROW_LENGTH = 0.9
ARROW_FULL_GRAD = 10.0
#: The −∇J label fades out while the drawn arrow is shorter than LABEL_MIN_PX at 480p.
LABEL_MIN_PX = 8
#: The drawing's box, a little smaller than the house's, so that its labels stay 24 px inside the
#: frame as the camera turns.
DRAWN_BOX = tuple(0.92 * v for v in BOX)
#: The axes' ticks: no m tick at −2, the corner where the J axis stands (it would read as J = −2).
AXIS_TICKS = ([0, 2, 4], *TICKS[1:])


def trajectory():
    return DESCENT_3D.run()


class Descent3d(ThemedScene):

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.traj = trajectory()
        self.shown = descent.log_schedule(self.traj.steps, SHOWN)
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        j_top = float(regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                           GRID)[2].max())
        self.view = build_view(j_top, DRAWN_BOX)
        self.view.theta.set_value(THETA_FROM)
        self.s = ValueTracker(0.0)  # position along the schedule: index into self.shown
        #: the schedule's position where the ball reaches the valley floor (J < WALL_J)
        self.wall_end = int(np.argmax(self.traj.losses[self.shown] < WALL_J))

    def cost(self, m, b):
        return regression.cost(m, b, self.x, self.y)

    # -- the path in data coordinates (gdcore's numbers) ------------------------------

    def step_at(self, s: float) -> int:
        """gdcore's step index of the last scheduled point reached at tracker value s."""
        return int(self.shown[int(np.floor(min(max(s, 0.0), len(self.shown) - 1) + 1e-9))])

    def ball_point(self, s: float) -> np.ndarray:
        """(m, b, J) of the ball: gdcore's point at a scheduled step, or on the way between two
        (m and b moving straight, J gdcore's cost there)."""
        last = len(self.shown) - 1
        s = min(max(s, 0.0), last)
        k = int(np.floor(s + 1e-9))
        if k >= last or s - k < 1e-9:
            i = self.shown[k]
            return np.array([*self.traj.points[i], self.traj.losses[i]])
        a, b = self.traj.points[self.shown[k]], self.traj.points[self.shown[k + 1]]
        m, bb = a + (s - k) * (b - a)
        return np.array([m, bb, self.cost(m, bb)])

    def path_points(self, s: float) -> np.ndarray:
        """The path up to s, (N, 3): gdcore's scheduled points, each segment split in PIECES
        pieces whose heights are gdcore's cost, then the ball's point."""
        last = len(self.shown) - 1
        s = min(max(s, 0.0), last)
        k = int(np.floor(s + 1e-9))
        idx = self.shown[: k + 1]
        mb = self.traj.points[idx]
        if len(mb) > 1:
            u = np.linspace(0.0, 1.0, PIECES, endpoint=False)
            segs = mb[:-1, None, :] + u[None, :, None] * (mb[1:] - mb[:-1])[:, None, :]
            mb = np.concatenate([segs.reshape(-1, 2), mb[-1:]])
        pts = np.column_stack([mb, self.cost(mb[:, 0], mb[:, 1])])
        pts[::PIECES, 2] = self.traj.losses[idx]  # the scheduled points: gdcore's losses
        if s - k > 1e-9:
            pts = np.vstack([pts, self.ball_point(s)])
        return pts

    # -- pieces --------------------------------------------------------------------

    def build_path(self):
        t = self.theme
        path = VMobject(stroke_color=t.accent, stroke_width=4)

        def draw(p):
            pts = self.path_points(self.s.get_value())
            scr, _ = self.view.project(pts)
            seen = visible(self.view, pts, self.cost)
            runs, run = [], []  # the stretches of the path the surface does not hide
            for q, v in zip(scr, seen):
                if v:
                    run.append(q)
                else:
                    runs.append(run)
                    run = []
            return set_polylines(p, [*runs, run])

        draw(path)
        path.add_updater(draw)
        return path

    def build_marker(self, point_fn, color, radius, on_top=False):
        """A dot at the data point point_fn() that hides while the surface covers it (or, on_top,
        is always drawn over it)."""
        dot = Dot(radius=radius, color=color, stroke_color=self.theme.background,
                  stroke_width=1.5)

        def follow(d):
            pt = np.atleast_2d(point_fn())
            d.data_point = pt[0]
            d.move_to(self.view.project(pt)[0][0])
            d.set_opacity(1.0 if on_top or visible(self.view, pt, self.cost)[0] else 0.0)
            return d

        follow(dot)
        dot.add_updater(follow)
        return dot

    def descent_arrow_points(self, s: float) -> np.ndarray:
        """The −∇J arrow at the ball (data points on the surface, tail first): from the ball
        along gdcore's −∇J(m, b) direction, ARROW_LENGTH long in (m, b) (shorter where |∇J| is
        under ARROW_FULL_GRAD), each point at gdcore's cost (the arrow lies on the surface,
        pointing downhill)."""
        m, b, _ = self.ball_point(s)
        g = np.array(regression.gradient(m, b, self.x, self.y), dtype=np.float64)
        size = np.linalg.norm(g)
        d = -g / (size or 1.0)
        u = np.linspace(0.0, ARROW_LENGTH * min(1.0, size / ARROW_FULL_GRAD), 8)
        mb = np.array([m, b]) + u[:, None] * d
        return np.column_stack([mb, self.cost(mb[:, 0], mb[:, 1])])

    def build_descent_arrow(self):
        t = self.theme
        arrow = VMobject(stroke_color=t.text, stroke_width=5)
        head = VMobject(stroke_width=0, fill_color=t.text, fill_opacity=1.0)
        label = self.tex(r"-\nabla J", 28, t.text)

        def draw(group):
            pts = self.descent_arrow_points(self.s.get_value())
            scr = self.view.project(pts)[0]
            arrow.set_points_as_corners(scr[:-1])
            tip, back = scr[-1], scr[-2]
            d = tip - back
            d = d / (np.linalg.norm(d) or 1.0)
            n = np.array([-d[1], d[0], 0.0])
            head.set_points_as_corners([tip, tip - 0.22 * d + 0.1 * n, tip - 0.22 * d - 0.1 * n,
                                        tip])
            # beside the tip, always on the arrow's upper side (the trail runs behind the ball)
            up = n if n[1] >= 0 else -n
            label.move_to(tip + 0.2 * d + (0.16 + label.height / 2 + label.width / 4) * up)
            long_px = np.linalg.norm(tip - scr[0]) * 60
            seen = float(np.clip((long_px - LABEL_MIN_PX) / LABEL_MIN_PX, 0.0, 1.0))
            label.set_opacity(seen)
            for part in (arrow, head):
                part.set_stroke(opacity=min(1.0, long_px / LABEL_MIN_PX))
            head.set_fill(opacity=min(1.0, long_px / LABEL_MIN_PX))
            return group

        group = VGroup(arrow, head, label)
        self.arrow_label = label
        draw(group)
        group.add_updater(draw)
        return group

    # -- sections ------------------------------------------------------------------

    def section_surface(self):
        t = self.theme
        title = self.text("Descending the cost surface", 34).to_edge(UP, buff=0.4)
        self.surface = build_surface(t, self.view, self.x, self.y)
        self.axes = build_axes(t, self.view, AXIS_TICKS)
        self.add(self.surface)  # the raster layer lies under everything else
        start = self.ball_point(0.0)
        self.start_dot = self.build_marker(lambda: start, t.error, 0.08, on_top=True)
        best = np.array([self.m_star, self.b_star, self.cost(self.m_star, self.b_star)])
        self.min_dot = self.build_marker(lambda: best, t.good, 0.08, on_top=True)
        self.path = self.build_path()
        self.ball = self.build_marker(lambda: self.ball_point(self.s.get_value()), t.accent,
                                      0.13)
        self.ball.set_stroke(color=t.text, width=2)
        m0, b0 = DESCENT_3D.start
        info = VGroup(
            self.tex(rf"\alpha = {numbers.latex(DESCENT_3D.lr_good)}", 30),
            self.tex(rf"\mathrm{{start}}\ ({numbers.latex(m0)}, {numbers.latex(b0)})", 30,
                     t.error),
            self.tex(r"\mathrm{minimum}", 30, t.good),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        info.to_corner(UP + LEFT, buff=0.4).shift(0.8 * DOWN)
        self.play(Write(title), self.surface.fade_in(), self.axes.fade_in(), run_time=1.5)
        self.arrow = self.build_descent_arrow()
        # the minimum's dot after the ball: drawn over it, never hidden when the ball arrives
        self.play(FadeIn(info), FadeIn(self.start_dot), FadeIn(self.ball, scale=0.5),
                  FadeIn(self.min_dot))
        self.play(FadeIn(self.arrow))
        self.add(self.path)

    def section_descent(self):
        t = self.theme
        last = len(self.shown) - 1

        def step():
            return self.step_at(self.s.get_value())

        step_read, _ = live_readout(r"\mathrm{step}", lambda: float(step()), places=0)

        def j_now():
            return float(self.traj.losses[step()])

        # J to three significant digits (up to four decimals): 82.6 on the wall, 0.0090 at the
        # minimum, so the slow fall along the valley floor still shows in the readout
        j_read, j_num = live_readout("J", j_now, places=numbers.sig_places(j_now()),
                                     color=t.accent)
        j_num.clear_updaters()

        def follow(d):
            v = j_now()
            d.num_decimal_places = numbers.sig_places(v)
            d.set_value(v)

        j_num.add_updater(follow)
        self.j_num = j_num
        self.readouts = VGroup(step_read, j_read).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.readouts.to_corner(UP + RIGHT, buff=0.4).shift(0.8 * DOWN + 0.9 * LEFT)
        self.play(FadeIn(self.readouts))
        # down the wall slowly, one step at a time, then along the floor; the camera's turn
        # shared between the two stretches in proportion to their time
        total = WALL_SECONDS + FLOOR_SECONDS
        theta_wall = THETA_FROM + (THETA_TO - THETA_FROM) * WALL_SECONDS / total
        for target, theta, seconds, rate in (
                (self.wall_end, theta_wall, WALL_SECONDS, lambda a: a ** 1.6),
                (last, THETA_TO, FLOOR_SECONDS, lambda a: a ** 1.3)):
            self.play(self.s.animate(rate_func=rate).set_value(target),
                      self.view.theta.animate(rate_func=linear).set_value(theta),
                      run_time=seconds)

    def section_arrive(self):
        t = self.theme
        note = VGroup(self.text(f"after {numbers.count(self.traj.steps)} steps", 26, t.text),
                      self.text("at the bottom of the valley", 26, t.muted))
        note.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        note.next_to(self.readouts, DOWN, buff=0.4).to_edge(RIGHT, buff=0.5)
        self.play(FadeIn(note, shift=0.2 * UP),
                  self.view.theta.animate.set_value(THETA_TO - 10), run_time=2.0,
                  rate_func=smooth)
        self.wait(1.5)

    SECTIONS = sections(section_surface, section_descent, section_arrive)


__all__ = ["Descent3d", "trajectory", "RIGHT", "LEFT"]
