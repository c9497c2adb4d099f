"""The mountain climber: a ball descends the cost surface along gradient descent's path.

The path is gdcore's DESCENT_3D.run() (as figures/descent_3d.py), from high on the wall: the
ball visits gdcore's points on a log-spaced schedule of steps (dense early, sparse on the slow
valley floor), a −∇J arrow at each step's start, and every height drawn is gdcore's cost J(m, b).
One change at a time, while the camera orbits slowly, one way, at one pace, under the whole
descent: the camera moves in on the ball, the ball falls down the wall in its first two steps
(the moment the scene exists for, slow and large), the camera pulls back to the whole valley,
and the ball slides on to the valley floor; the region round the minimum is outlined on the
surface, and a close-up of it (a 2-D map of the floor: on the surface the rest of the crawl is a
few pixels long) comes in on that box as the surface and its axes leave under a veil of the
page's colour, then grows alone over the empty page, large in the middle of the frame; the ball
crawls along the floor to the minimum there, its path drawn; the close-up holds while the ball
rests on the minimum, then goes back onto its box as the surface returns (its level lines,
words and marks drawn only while it stands at its size: they come after it has grown and go
before it moves); at the end
the camera moves in again, on the whole valley, large between the title and the bottom margin, the
ball on the minimum. Moved in on the fall, the camera frames the ball's way down the wall and its
−∇J arrow, about twice as large as the plain view draws them; the m, b, J axes, which would run off
the frame so close, fade out as it moves in and back as it pulls back. Otherwise they frame the
whole surface: the closing view frames the whole box with its axes. The marks are the house's
(docs/STYLE.md), projected from 3-D: the start a hollow ring in the
text colour, the ball the current position's filled dot, the minimum the house's ink star, larger
than the ball and drawn over it, so that the minimum is never hidden: once the ball arrives, it
shows round the star, between its points; a legend
shows each mark beside its word, the −∇J arrow among them (its name is in the legend, off the
surface: no word is drawn over the surface; it fades with the arrow). The −∇J arrow (gdcore's
−∇J at the point the ball rests on, the way the next step goes) fades out before the ball moves
and is drawn anew once it lands, through the fall; from the slide on it stays away; the J
readout is gdcore's loss at the step last reached, held while the ball moves on (never the
cost of a point between two steps), changing with the step readout t as the ball lands.
The crawl along the floor runs through every scheduled step to the last, at one pace along
the log-spaced schedule.
The surface is gdviz.fast_surface's raster layer, inside a window between the legend and the
readouts (its edge fading into the background); the ball and path hide where the surface covers
them.
Render alone with: manim -ql scenes/descent_3d.py Descent3d
"""

from contextlib import contextmanager

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    MathTex,
    Mobject,
    Rectangle,
    Star,
    UpdateFromFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    config,
    linear,
    smooth,
)

from gdcore import data, descent, regression
from gdcore.cost_descent import DESCENT_3D
from gdviz import numbers, views
from gdviz.cost_surface_scene import (
    BOX,
    GRID,
    PHI0,
    THETA0,
    TICKS,
    build_axes,
    build_surface,
    surface_levels,
)
from gdviz.fast_surface import ShadedSurface, View3D, set_polylines, visible
from gdviz.manim_blocks import (
    cased,
    contour_image,
    live_readout,
    map_axes,
    scene_points,
    set_number,
)
from gdviz.manim_theme import ThemedScene, sections

#: Steps shown (descent.log_schedule), and straight pieces per segment between two of them (the
#: path between gdcore's points follows the surface: each piece's height is gdcore's cost).
SHOWN = 60
PIECES = 8
#: The fall: the scheduled steps 0 → FALL_STEPS (step 0 to step 2: from J ≈ 83 across the valley
#: to J ≈ 3.7), FALL_SECONDS for each step, the camera moved in on it (the moment the scene
#: exists for, slow and large); then the slide on to the valley floor (SLIDE_SECONDS, the
#: scheduled steps from the fall's last to the floor's first), the camera pulled back and
#: turning; then the crawl along the floor (CRAWL_SECONDS below, every scheduled step to the
#: run's last at one pace: the log-spaced schedule, so each second covers more steps than the
#: one before), in the close-up.
FALL_STEPS = 2
FALL_SECONDS = (3.0, 2.0)  # each step of the fall; the second, shorter, slower than the slide
SLIDE_SECONDS = 2.5
#: The −∇J arrow is gdcore's −∇J at the point the ball rests on: it fades out (ARROW_FADE
#: seconds) before the ball moves, and the new step's arrow fades in once the ball has landed;
#: from the slide on (many steps, fast) it stays away.
ARROW_FADE = 0.5
#: The fall's length: its steps, each between the arrow's fading out and in, a pause after each
#: but the last.
FALL_TIME = sum(FALL_SECONDS) + 2 * ARROW_FADE * FALL_STEPS + 0.4 * (FALL_STEPS - 1)
#: The step the crawl's caption quotes (the crawl passes it a third of the way through).
CUT_STEP = 60
#: The crawl, from the scheduled step where the ball reaches the valley floor (wall_end) to the
#: run's last, moves the ball by a few pixels of the surface: it is shown in a close-up, a 2-D
#: map of the floor round the minimum (CLOSE_M × CLOSE_B, equal scales, CLOSE_HEIGHT scene
#: units tall, its centre at CLOSE_CENTER: the middle of the frame, between the legend and the
#: readouts, under the title), large, alone over the empty page. It comes in on its box, the
#: region outlined on the surface, as the surface and its axes leave under a veil of the page's
#: colour (CLOSE_SECONDS), then grows alone to its size (GROW_SECONDS), its words, level
#: lines and marks coming once it has grown (LINES_FADE); it holds the ball's path and the
#: minimum's star while the ball crawls (CRAWL_SECONDS), and goes back onto its box as the
#: surface returns before the closing view.
#: (Kept small beside the surface, 1.7 units wide, it sat over the 3-D b axis's numbers and
#: drew the crawl at a third of this size.)
CLOSE_M, CLOSE_B = (0.15, 0.40, 0.1), (0.75, 1.20, 0.2)
CLOSE_HEIGHT = 4.8
CLOSE_CENTER = (0.0, -0.35)
#: Its ranges, one line each (CLOSE_RANGES: font size), right of its lower corner.
CLOSE_RANGES = 24
CLOSE_SECONDS = 1.0
GROW_SECONDS = 1.2
CRAWL_SECONDS = 7.0
#: The close-up holds HOLD_SECONDS into the closing section (its caption, the ball resting on
#: the minimum, on screen with the close-up that shows it), then goes back onto its box
#: (RETURN_SECONDS, the surface returning over its last CLOSE_SECONDS): on screen 4 s in all.
#: Held 2.2 s, alone over the veiled page, nothing on screen changed for over 2 s (the video
#: check's dead time).
HOLD_SECONDS = 1.8
#: The close-up's region is outlined on the surface (OUTLINE_SECONDS) before the close-up
#: comes in on it, on a halo of the page's colour (OUTLINE_HALO: Manim stroke units each side).
#: The outline is about 13 × 6 px there: it comes in PULSE_FROM times its size round its own
#: centre (about 95 × 43 px) and closes onto the region as it fades in, so the eye is on the
#: spot before the close-up grows out of it (drawn at its size alone, it read as a speck).
OUTLINE_SECONDS = 0.8
OUTLINE_HALO = 2.0
PULSE_FROM = 7.0
#: The close-up grows out of its box (its corners moving straight) over CLOSE_SECONDS +
#: GROW_SECONDS (opening), fast from the box and easing to rest at its size, fading in over its
#: first OPEN_FADE seconds, as the veil comes over the surface at one pace in the first
#: CLOSE_SECONDS; then alone over the empty page. (Held at its box's size, about 6 px tall, for
#: the veil's second, then grown geometrically from rest, its first instant read as nearly
#: empty; grown at an even pace under an eased veil, its lines and words moved most where it
#: was largest and the dark video lost half its ink, pixel for pixel, from one frame to the
#: next, 0.52 by the pops check: 0.40 eased, the veil at one pace.)
OPEN_FADE = 0.3
#: It goes back as it came, the way out played backwards (RETURN_SECONDS, the way out's time):
#: from rest at its size, slowly while it is large, faster as it nears its box (closing: u =
#: 1 − a², opening's 1 − (1 − a)² reversed), following the box as the camera turns, its
#: words, level lines and marks gone before it moves (LINES_FADE), the veil lifting at one pace
#: over the last CLOSE_SECONDS and the close-up fading into its box over the last OPEN_FADE.
#: (Shrunk at an even pace, its lines and words moved 5 px a frame where it was largest and the
#: dark video lost 0.45 of its ink, pixel for pixel, from one frame to the next, 0.10 in light,
#: where the map's fills count as ink; shrunk in GROW_SECONDS, eased, alone over the veiled
#: page, then faded with the veil, the light one lost a sixth of the frame's ink from one frame
#: to the next.)
RETURN_SECONDS = CLOSE_SECONDS + GROW_SECONDS
#: The close-up's level lines, words, path, ball and star are drawn only while it stands
#: still: they fade in over the crawl's first LINES_FADE seconds, once it has grown, and out
#: over the hold's last, before it goes back, so that what moves is its filled map and its
#: frame. (Drawn as it grew and shrank, its thin lines and small words moved more than their
#: width each frame, and on the dark page, whose map's fills stand under the pops check's ink
#: threshold, they were most of the ink: it lost 0.40 of it from one frame to the next as it
#: grew and 0.41 as it shrank; its words and marks still moving, 0.35 and 0.37; its marks,
#: 0.31 and 0.30.)
LINES_FADE = 0.6
#: ... and out over LINES_OUT, their opacity falling geometrically (LINES_OUT_FALL: its share
#: left at the end, then gone): words, lines and marks of every contrast against the page
#: pass under the eye's (and the pops check's) threshold one after another, never in one frame.
#: (Faded out at one pace over 0.6 s, the dark video lost 0.33 of its ink in one frame; to 0.08
#: of their opacity, the lines and path over the dark map's fills, a few grey levels under the
#: check's threshold, still crossed it, and all went in the last frame, 0.45.)
LINES_OUT, LINES_OUT_FALL = 1.0, 0.01
#: The step readout and the −∇J arrow's direction take a scheduled step as reached once the ball
#: is within ARRIVE (a share of the step) of it: they change as the ball lands, not a frame
#: after it.
ARRIVE = 0.03
#: J's readout: this many significant figures at every step (numbers.sig_places).
J_SIG = 3
#: The valley floor: the scheduled steps from the first with J under WALL_J.
WALL_J = 0.05
#: The camera's move in (DOLLY_SECONDS) on the fall: the ball's path down the wall (steps 0 to
#: FALL_STEPS) with its −∇J arrow at every moment of it, seen from THETA_FROM and FALL_PHI,
#: scaled to fill FALL_RECT (centre x, centre y, width, height: inside the surface's window,
#: between the title, the legend, the readouts and the frame's bottom margin), so the fall is
#: drawn about twice as large as in the plain view, the scene's largest moment. So large, the
#: box's axes would run off the frame and their numbers over the legend: they fade out over the
#: move in's first AXES_GONE of the dolly's way (its first 0.7 s: by 0.18 the m axis's label
#: would come within 24 px of the frame's foot) and back over the pull back's last; the J
#: readout holds the fall's costs meanwhile ...
FALL_RECT = (-0.05, -0.55, 7.6, 4.6)
AXES_GONE = 0.16
#: ... and lowers itself from PHI0 (the stills' 30° elevation) to FALL_PHI (18°), so that the
#: wall's height, and the ball's fall down it, read.
FALL_PHI = 72.0
DOLLY_SECONDS = 2.0
#: Length of the −∇J arrow in (m, b) units where the gradient is at least ARROW_FULL_GRAD long;
#: below, it shrinks with the gradient (so it dies away at the minimum, off its marker).
ARROW_LENGTH = 0.9
ARROW_FULL_GRAD = 10.0
#: The −∇J arrow, drawn from the ball's centre, fades out while it reaches less than LABEL_MIN_PX
#: (at 480p) past the ball's edge: gone once it is no longer than the ball's radius (a shorter
#: arrow lies wholly under the ball).
LABEL_MIN_PX = 8
#: The drawing's box, a little smaller than the house's, so that its labels stay 24 px inside the
#: frame as the camera turns.
DRAWN_BOX = tuple(0.92 * v for v in BOX)
#: Where the plain view (the first camera, and the slide's) draws the box's centre: right of and
#: below the house's (cost_surface_scene.CENTER), so that the J axis, at the box's left corner,
#: and its numbers stay clear of the legend as the camera turns.
PLAIN_CENTER = (0.2, -0.36)
#: The axes' ticks (shown throughout): the maps' values (m by 2, b by 4), but no m tick at −2,
#: the corner where the J axis stands (it would read as J = −2), and no b tick at −4, beside the
#: m axis's 4 at the front corner (they would read as 4 −4).
AXIS_TICKS = ([0, 2, 4], [0, 4, 8], TICKS[2])
#: The window the surface is drawn in (centre x, centre y, width, height), between the legend
#: (left) and the readouts (right), under the title; its edge fades into the background over
#: FEATHER scene units, so the surface moved in on is cut softly, never under a word.
WINDOW = (-0.05, -0.33, 9.0, 6.5)
FEATHER = 0.6
#: The closing view (after the slide): the camera moves in again, to END_THETA and END_PHI, the
#: whole surface and its axes' box filling END_RECT (centre x, centre y, width, height: between
#: the title, the legend, the readouts and the frame's bottom margin, the axes' numbers and
#: labels round it), the surface's window opening to END_WINDOW
#: (END_RECT and its fading edge) over END_SECONDS.
END_THETA, END_PHI = -60.0, 55.0
END_RECT = (0.0, -0.32, 7.4, 5.3)
END_WINDOW = (END_RECT[0], END_RECT[1], END_RECT[2] + 2 * FEATHER + 0.4,
              END_RECT[3] + 2 * FEATHER + 0.2)
END_SECONDS = 2.5
#: The camera orbits slowly, one way, at one pace, under the whole descent: its azimuth sweeps
#: from THETA_FROM, as the camera starts to move in on the ball, to END_THETA as the surface
#: starts to return (SWEEP_SECONDS: the move in, the fall, the pull back, the slide, the
#: close-up's opening, the crawl, its hold and the first GROW_SECONDS of its return, under the
#: veil), easing in and out over SWEEP_EASE of it; the closing move in keeps END_THETA.
THETA_FROM = -75.0
SWEEP_SECONDS = (2 * DOLLY_SECONDS + FALL_TIME + ARROW_FADE + SLIDE_SECONDS
                 + OUTLINE_SECONDS + CLOSE_SECONDS + GROW_SECONDS + CRAWL_SECONDS
                 + HOLD_SECONDS + GROW_SECONDS)
SWEEP_EASE = 0.1
#: Radii of the marks (scene units): the minimum's star is larger than the ball and drawn over
#: it, the ball showing between its points.
BALL_RADIUS = 0.12
RING_RADIUS = 0.1
STAR_RADIUS = 0.17
#: The legend's rows: the gap under α, the pitch of the rows, and how far under a word's top its
#: mark's centre sits (the middle of the words' small letters, at size 26).
LEGEND_GAP = 0.25
LEGEND_PITCH = 0.42
MARK_DROP = 0.16


def covering(*rects) -> tuple[float, float, float, float]:
    """The least rectangle (centre x, centre y, width, height) covering the rectangles."""
    r = np.array(rects, dtype=np.float64)
    lo = (r[:, :2] - r[:, 2:] / 2).min(axis=0)
    hi = (r[:, :2] + r[:, 2:] / 2).max(axis=0)
    return (*((lo + hi) / 2), *(hi - lo))


def trajectory():
    return DESCENT_3D.run()


def floor_index(scheduled_losses) -> int:
    """The schedule's index of the first step on the valley floor (J under WALL_J)."""
    return int(np.argmax(np.asarray(scheduled_losses) < WALL_J))


def sweep_theta(elapsed: float) -> float:
    """The camera's azimuth `elapsed` seconds into the sweep: THETA_FROM to END_THETA at one
    pace, eased in and out (the speed grows from rest, and falls back to it, uniformly over
    SWEEP_EASE of the time), then held."""
    t = min(max(elapsed / SWEEP_SECONDS, 0.0), 1.0)
    e, top = SWEEP_EASE, 1.0 / (1.0 - SWEEP_EASE)
    if t < e:
        u = top * t * t / (2 * e)
    elif t > 1.0 - e:
        u = 1.0 - top * (1.0 - t) ** 2 / (2 * e)
    else:
        u = top * (t - e / 2)
    return THETA_FROM + u * (END_THETA - THETA_FROM)


def opening(a: float) -> tuple[float, float]:
    """The close-up's way out of its box a share `a` of the way through CLOSE_SECONDS +
    GROW_SECONDS: (u, its share of the way from its box to its size: 1 − (1 − a)², fast from
    the box, easing to rest at its size; the veil's opacity, rising at one pace over the first
    CLOSE_SECONDS)."""
    return 1.0 - (1.0 - a) ** 2, min(1.0, a * (CLOSE_SECONDS + GROW_SECONDS) / CLOSE_SECONDS)


def closing(a: float) -> tuple[float, float, float]:
    """The close-up's return a share `a` of the way through its RETURN_SECONDS, the way out
    (opening) played backwards: (u, its share of the way from its box to its size: 1 − a²,
    from rest at its size, fastest at its box; the veil's opacity: 1, then falling at one pace
    over the last CLOSE_SECONDS; the close-up's fade: 0, then rising to 1 over the last
    OPEN_FADE, as the way out's FadeIn backwards)."""
    u, veil = opening(1.0 - a)
    left = (1.0 - a) * RETURN_SECONDS  # seconds to go
    fade = 1.0 - smooth(min(max(left / OPEN_FADE, 0.0), 1.0))
    return float(u), float(veil), float(fade)


def lines_out(a: float) -> float:
    """The share of the way out the close-up's lines, words and marks have gone a share `a` of
    the way through LINES_OUT: their opacity, 1 − that, falls geometrically from 1 to
    LINES_OUT_FALL, then to 0 at the end."""
    if a >= 1.0:
        return 1.0
    return float(1.0 - LINES_OUT_FALL ** a)


def axes_shown(dolly: float) -> float:
    """The axes' opacity with the camera moved in on the fall a share `dolly` of the way: 1 in
    the plain view, easing to 0 at AXES_GONE and after."""
    u = min(max(dolly / AXES_GONE, 0.0), 1.0)
    return float(1.0 - u * u * (3.0 - 2.0 * u))


#: The azimuth as the slide ends (the camera's turn under the fall, the pull back and the slide).
THETA_TO = sweep_theta(2 * DOLLY_SECONDS + FALL_TIME + ARROW_FADE + SLIDE_SECONDS)


class DollyView(View3D):
    """A View3D the camera can move in on: with `dolly` (a ValueTracker) at u, the box is
    1 + u (zoom − 1) times larger and the point `focus` (box coordinates of the plain view) is
    drawn a share u of the way from where the plain view draws it to the screen point `target`,
    whatever the angles. At u = 0 it is the plain view."""

    def __init__(self, *args, **kwargs):
        self.dolly = ValueTracker(0.0)
        self.zoom = 1.0
        self.focus = np.zeros(3)
        self.target = np.zeros(3)
        super().__init__(*args, **kwargs)

    def scale(self) -> float:
        return 1.0 + self.dolly.get_value() * (self.zoom - 1.0)

    @property
    def lengths(self):
        return self._lengths * self.scale()

    @lengths.setter
    def lengths(self, v):
        self._lengths = np.asarray(v, dtype=np.float64)

    @property
    def center(self):
        u = self.dolly.get_value()
        v = self.matrix() @ self.focus  # the focus's offset from the centre in the plain view
        v[2] = 0.0
        return (1.0 - u) * (self._center + v) + u * self.target - self.scale() * v

    @center.setter
    def center(self, v):
        self._center = np.asarray(v, dtype=np.float64)


class WindowSurface(ShadedSurface):
    """The surface drawn in a window whose edge fades into the background over `feather`
    scene units. The image covers `region`; the window (centre x, centre y, width, height),
    inside it, is the region itself unless `window` is set, and moves between `window` and
    `window_to` as the tracker `opened` goes from 0 to 1."""

    def __init__(self, *args, feather: float = FEATHER, window=None, window_to=None,
                 **kwargs):
        self.feather = feather
        self.opened = ValueTracker(0.0)
        self._mask, self._mask_key = None, None
        self.window = self.window_to = None if window is None else np.asarray(window, float)
        if window_to is not None:
            self.window_to = np.asarray(window_to, dtype=np.float64)
        super().__init__(*args, **kwargs)

    def current_window(self) -> np.ndarray:
        if self.window is None:
            return np.array(self.region)
        u = self.opened.get_value()
        return (1.0 - u) * self.window + u * self.window_to

    def render_rgba(self) -> np.ndarray:
        rgba = super().render_rgba()
        win = self.current_window()
        key = (rgba.shape[:2], tuple(np.round(win, 4)))
        if self._mask is None or self._mask_key != key:
            h, w = rgba.shape[:2]
            rx, ry, rw, rh = self.region
            ppu = w / rw
            f = max(1.0, self.feather * ppu)
            cx, cy, ww, wh = win

            def ramp(n, lo, hi):  # 0 at the window's edges (pixels lo, hi), 1 from f in
                i = np.arange(n) + 0.5
                return np.clip(np.minimum(i - lo, hi - i) / f, 0.0, 1.0)

            x0 = (cx - ww / 2 - (rx - rw / 2)) * ppu
            y0 = ((ry + rh / 2) - (cy + wh / 2)) * ppu  # rows run down from the region's top
            r = np.outer(ramp(h, y0, y0 + wh * ppu), ramp(w, x0, x0 + ww * ppu))
            self._mask, self._mask_key = r * r * (3 - 2 * r), key  # smoothstep
        rgba = rgba.copy()
        rgba[..., 3] = np.round(rgba[..., 3] * self._mask).astype(np.uint8)
        return rgba


class Descent3d(ThemedScene):

    @classmethod
    def captions(cls):
        """Short sentences: most sections play in 2 to 4 s."""
        traj = trajectory()
        losses = traj.losses

        def j(v):
            return numbers.text(v, numbers.sig_places(v, J_SIG, 6))

        fall = ", ".join(j(v) for v in losses[:FALL_STEPS + 1])
        shown = descent.log_schedule(traj.steps, SHOWN)
        floor = int(shown[floor_index(losses[shown])])
        return {
            "surface": "The cost J(m, b) as a surface.",
            "marks": f"The ball starts at J = {j(losses[0])}.",
            "move-in-on-the-ball": "The camera moves in on the ball.",
            "fall-down-the-wall": f"In {numbers.word(FALL_STEPS)} steps the ball falls down "
                                  f"the wall: J = {fall}.",
            "pull-back-to-the-valley": "The camera pulls back.",
            "slide-along-the-floor": f"The ball slides on to the flat valley floor: at step "
                                     f"t = {floor}, J = {j(losses[floor])}.",
            "inset": "A close-up of the valley floor round the minimum grows out of its box "
                     "on the surface.",
            "crawl": f"In the close-up the ball crawls along the floor towards the minimum; by "
                     f"step t = {CUT_STEP}, J = {j(losses[CUT_STEP])}.",
            "arrive": f"After {numbers.count(traj.steps)} steps the ball rests on the minimum, "
                      f"J = {j(losses[-1])}.",
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.traj = trajectory()
        self.shown = descent.log_schedule(self.traj.steps, SHOWN)
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        j_top = float(regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                           GRID)[2].max())
        self.view = DollyView((views.M_RANGE, views.B_RANGE, (0.0, j_top)), DRAWN_BOX, PLAIN_CENTER,
                              PHI0, THETA0)
        self.view.theta.set_value(THETA_FROM)
        self.s = ValueTracker(0.0)  # position along the schedule: index into self.shown
        self.arrow_on = ValueTracker(1.0)  # the −∇J arrow and its legend row, until the slide
        self.arrow_step = ValueTracker(1.0)  # the arrow, faded out while the ball moves
        #: the schedule's position where the ball reaches the valley floor (J < WALL_J)
        self.wall_end = floor_index(self.traj.losses[self.shown])
        self.aim_dolly()

    def best_point(self) -> np.ndarray:
        return np.array([self.m_star, self.b_star, self.cost(self.m_star, self.b_star)])

    @contextmanager
    def plain_view(self, phi: float, theta: float):
        """The view, for the block's length, without the dolly and from (phi, theta)."""
        view = self.view
        keep = view.phi.get_value(), view.theta.get_value(), view.dolly.get_value()
        view.dolly.set_value(0.0)
        view.phi.set_value(phi)
        view.theta.set_value(theta)
        try:
            yield view
        finally:
            view.phi.set_value(keep[0])
            view.theta.set_value(keep[1])
            view.dolly.set_value(keep[2])

    def aim(self, pts, rect, phi: float, theta: float, zoom_max: float = np.inf):
        """Where the camera moves in to (zoom, focus, target: DollyView's): the points `pts`
        (data), seen from (phi, theta), scaled to fill the scene rectangle `rect` (centre x,
        centre y, width, height; at most zoom_max times), their centre at the rectangle's."""
        view = self.view
        with self.plain_view(phi, theta):
            scr = view.project(pts)[0]
            lo, hi = scr.min(axis=0), scr.max(axis=0)
            offset = (lo + hi) / 2 - view.center
            offset[2] = 0.0
            focus = view.matrix().T @ offset  # box point drawn at the points' centre, depth 0
        cx, cy, w, h = rect
        size = np.maximum(hi - lo, 1e-9)
        zoom = float(min(zoom_max, w / size[0], h / size[1]))
        return zoom, focus, np.array([cx, cy, 0.0])

    def set_aim(self, aim):
        """The camera's next move in goes to `aim` (set while the dolly is at 0: the view does
        not change)."""
        self.view.zoom, self.view.focus, self.view.target = aim

    def aim_dolly(self):
        """Where the camera moves in: for the fall, on the fall and its −∇J arrows
        (fall_points), seen from THETA_FROM and FALL_PHI, filling FALL_RECT; for the closing
        view, on the whole surface with its axes' box (floor and upright axis), their numbers
        and labels round it, seen from END_THETA and END_PHI, filling END_RECT."""
        self.fall_aim = self.aim(self.fall_points(), FALL_RECT, FALL_PHI, THETA_FROM)
        self.end_aim = self.aim(self.closing_points(), END_RECT, END_PHI, END_THETA)
        self.set_aim(self.fall_aim)

    def fall_points(self) -> np.ndarray:
        """The points the fall's view frames: the ball's path down the wall (steps 0 to
        FALL_STEPS) and its −∇J arrow at each step it rests on."""
        arrows = [self.descent_arrow_points(float(k)) for k in range(FALL_STEPS + 1)]
        return np.vstack([self.path_points(FALL_STEPS), *arrows])

    def closing_points(self) -> np.ndarray:
        """The points the closing view frames (box_points from END_PHI and END_THETA)."""
        return self.box_points(END_PHI, END_THETA)

    def box_points(self, phi: float, theta: float) -> np.ndarray:
        """The points a view of the whole box frames: the surface's grid, the floor's corners
        (the m and b axes) and the upright axis's top over the floor corner furthest left on
        the screen from (phi, theta) (where fast_surface.Axes3D stands it)."""
        M, B, J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE, GRID)
        (x0, x1), (y0, y1), (_, z1) = self.view.ranges
        floor = np.array([[a, b, 0.0] for a in (x0, x1) for b in (y0, y1)])
        with self.plain_view(phi, theta):
            top = floor[np.argmin(self.view.project(floor)[0][:, 0])] + [0.0, 0.0, z1]
        return np.vstack([np.column_stack([M.ravel(), B.ravel(), J.ravel()]), floor, top])

    def cost(self, m, b):
        return regression.cost(m, b, self.x, self.y)

    # -- the path in data coordinates (gdcore's numbers) ------------------------------

    def reached(self, s: float) -> int:
        """The schedule's index of the last point the ball has reached (landed on, within
        ARRIVE) at tracker value s."""
        return int(np.floor(min(max(s, 0.0), len(self.shown) - 1) + ARRIVE))

    def step_at(self, s: float) -> int:
        """gdcore's step index of the last scheduled point reached at tracker value s."""
        return int(self.shown[self.reached(s)])

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
        pieces whose heights are gdcore's cost, then the segment the ball is on, in PIECES
        pieces to the ball's point."""
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
        if s - k > 1e-9:  # the segment the ball is on, to the ball, in pieces on the surface
            ball = self.ball_point(s)
            u = np.linspace(0.0, 1.0, PIECES, endpoint=False)[1:, None]
            part = mb[-1] + u * (ball[:2] - mb[-1])
            part = np.column_stack([part, self.cost(part[:, 0], part[:, 1])])
            pts = np.vstack([pts, part, ball])
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

    def build_marker(self, mark, point_fn, on_top=False):
        """The mark at the data point point_fn(), following the camera; it hides while the
        surface covers it (or, on_top, is always drawn over it)."""

        def follow(d):
            pt = np.atleast_2d(point_fn())
            d.data_point = pt[0]
            d.move_to(self.view.project(pt)[0][0])
            d.set_opacity(1.0 if on_top or visible(self.view, pt, self.cost)[0] else 0.0)
            return d

        follow(mark)
        mark.add_updater(follow)
        return mark

    # -- the house marks (docs/STYLE.md) ---------------------------------------------

    def ring(self, radius=RING_RADIUS):
        t = self.theme
        return Circle(radius=radius, color=t.text, stroke_width=3).set_fill(t.background, 1)

    def ball_dot(self, radius=BALL_RADIUS):
        t = self.theme
        return Dot(radius=radius, color=t.accent, stroke_color=t.background, stroke_width=1.5)

    def star(self, radius=STAR_RADIUS):
        t = self.theme
        return Star(outer_radius=radius, color=t.mark_color("minimum"), fill_opacity=1,
                    stroke_width=1.5).set_stroke(t.background)

    def arrow_key(self) -> VGroup:
        """The −∇J arrow as the legend shows it: drawn as in the scene (a stroke and a filled
        head in the text colour), pointing right, as wide as the star."""
        t = self.theme
        w = 2 * STAR_RADIUS + 0.06
        tip = np.array([w / 2, 0.0, 0.0])
        shaft = VMobject(stroke_color=t.text, stroke_width=5)
        shaft.set_points_as_corners([-tip, tip - [0.12, 0.0, 0.0]])
        head = VMobject(stroke_width=0, fill_color=t.text, fill_opacity=1.0)
        head.set_points_as_corners([tip, tip + [-0.22, 0.1, 0.0], tip + [-0.22, -0.1, 0.0], tip])
        return VGroup(shaft, head)

    def legend(self):
        """α, then each mark beside its word, in the text colour (the −∇J arrow last: it comes
        with the arrow)."""
        m0, b0 = DESCENT_3D.start
        rows = [(self.ring(), self.mixed(f"start $({numbers.latex(m0)}, {numbers.latex(b0)})$",
                                         26)),
                (self.ball_dot(), self.text("current", 26)),
                (self.star(), self.text("minimum", 26)),
                (self.arrow_key(), self.tex(r"-\nabla J", 28))]
        alpha = self.tex(rf"\alpha = {numbers.latex(DESCENT_3D.lr_good)}", 30)
        group = VGroup(alpha)
        left = alpha.get_left()[0]
        top = alpha.get_bottom()[1] - LEGEND_GAP
        for mark, word in rows:  # the marks centred in one column, the words' tops in line
            word.move_to([left + 2 * STAR_RADIUS + 0.2 + word.width / 2, 0.0, 0.0])
            word.shift((top - word.get_top()[1]) * UP)
            mark.move_to([left + STAR_RADIUS, top - MARK_DROP, 0.0])
            top -= LEGEND_PITCH
            group.add(VGroup(mark, word))
        return group

    def descent_arrow_points(self, s: float, at: float | None = None) -> np.ndarray:
        """The −∇J arrow at the ball (data points on the surface, tail first): from the ball
        along gdcore's −∇J(m, b) direction there (or, given `at`, at the ball's point at tracker
        value `at`: the step's start, whose −∇J the step follows), ARROW_LENGTH long in (m, b)
        (shorter where |∇J| is under ARROW_FULL_GRAD), each point at gdcore's cost (the arrow
        lies on the surface, pointing downhill)."""
        m, b, _ = self.ball_point(s)
        gm, gb, _ = self.ball_point(s if at is None else at)
        g = np.array(regression.gradient(gm, gb, self.x, self.y), dtype=np.float64)
        size = np.linalg.norm(g)
        d = -g / (size or 1.0)
        u = np.linspace(0.0, ARROW_LENGTH * min(1.0, size / ARROW_FULL_GRAD), 8)
        mb = np.array([m, b]) + u[:, None] * d
        return np.column_stack([mb, self.cost(mb[:, 0], mb[:, 1])])

    def arrow_points(self) -> np.ndarray:
        """The −∇J arrow as drawn now: at the point last reached, along gdcore's −∇J there
        (the way the next step goes); it stays there while the ball moves on (faded out by
        then: arrow_step) and is drawn anew where the ball lands."""
        return self.descent_arrow_points(float(self.reached(self.s.get_value())))

    def arrow_opacity(self, pts=None) -> float:
        """The −∇J arrow's opacity (arrow_on: away from the slide on): 1, fading while it
        reaches less than LABEL_MIN_PX (at 480p) past the ball's edge, 0 once it is no longer
        than the ball's radius (the legend's −∇J fades with it). While the ball moves it is
        faded out further by arrow_step."""
        pts = self.arrow_points() if pts is None else pts
        tip, tail = self.view.project(pts[[-1, 0]])[0]
        past = (np.linalg.norm(tip - tail) - BALL_RADIUS) * 60
        return float(np.clip(past / LABEL_MIN_PX, 0.0, 1.0)) * self.arrow_on.get_value()

    def build_descent_arrow(self):
        t = self.theme
        arrow = VMobject(stroke_color=t.text, stroke_width=5)
        head = VMobject(stroke_width=0, fill_color=t.text, fill_opacity=1.0)

        def draw(group):
            pts = self.arrow_points()
            scr = self.view.project(pts)[0]
            arrow.set_points_as_corners(scr[:-1])
            tip, back = scr[-1], scr[-2]
            d = tip - back
            d = d / (np.linalg.norm(d) or 1.0)
            n = np.array([-d[1], d[0], 0.0])
            head.set_points_as_corners([tip, tip - 0.22 * d + 0.1 * n, tip - 0.22 * d - 0.1 * n,
                                        tip])
            a = self.arrow_opacity(pts) * self.arrow_step.get_value()
            for part in (arrow, head):
                part.set_stroke(opacity=a)
            head.set_fill(opacity=a)
            return group

        group = VGroup(arrow, head)
        draw(group)
        group.add_updater(draw)
        return group

    # -- sections ------------------------------------------------------------------
    # -- sections ------------------------------------------------------------------

    def section_surface(self):
        t = self.theme
        title = self.text("Descending the cost surface", 34).to_edge(UP, buff=0.42)
        self.title = title
        # its edge drawn in the spines' colour, as a map is framed: the rim's colours run
        # towards the page's (on the dark page, into it)
        self.surface = build_surface(t, self.view, self.x, self.y, region=covering(WINDOW,
                                                                                 END_WINDOW),
                                     surface_cls=WindowSurface, rim=t.muted)
        self.surface.window, self.surface.window_to = np.array(WINDOW), np.array(END_WINDOW)
        self.surface.redraw()
        self.axes = build_axes(t, self.view, AXIS_TICKS)
        self.add(self.surface)  # the raster layer lies under everything else
        self.play(Write(title), self.surface.fade_in(), self.axes.fade_in(), run_time=1.5)

    def section_marks(self):
        t = self.theme
        self.path = self.build_path()
        self.add(self.path)  # empty until the ball moves; under the marks
        start = self.ball_point(0.0)
        self.start_ring = self.build_marker(self.ring(), lambda: start, on_top=True)
        self.ball = self.build_marker(self.ball_dot(),
                                      lambda: self.ball_point(self.s.get_value()))
        best = self.best_point()
        # the minimum's star over the ball: once the ball arrives, the ball shows round it
        self.min_star = self.build_marker(self.star(), lambda: best, on_top=True)
        self.info = self.legend().to_corner(UP + LEFT, buff=0.42).shift(0.75 * DOWN)
        self.play(FadeIn(self.info[:-1]), FadeIn(self.start_ring),
                  FadeIn(self.ball, scale=0.5), FadeIn(self.min_star))

        def step():
            return self.step_at(self.s.get_value())

        # t, the step count, as the chapter's other videos name it
        step_read, _ = live_readout("t", lambda: float(step()), places=0)

        def j_now():  # gdcore's loss at the step last reached: it changes as a step lands
            # (with t) and holds while the ball moves on to the next (never the cost of a
            # point between two steps, which no step has)
            return float(self.traj.losses[step()])

        # J to three significant digits (up to five decimals): 82.6 on the wall, 0.00903 at the
        # minimum, so the slow fall along the valley floor still shows in the readout
        j_read, j_num = live_readout("J", j_now, places=numbers.sig_places(j_now(), J_SIG, 6),
                                     color=t.accent)
        j_num.clear_updaters()

        def follow(d):
            v = j_now()
            d.num_decimal_places = numbers.sig_places(v, J_SIG, 6)
            set_number(d, v)

        j_num.add_updater(follow)
        self.j_num = j_num
        self.readouts = VGroup(step_read, j_read).arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        self.readouts.to_corner(UP + RIGHT, buff=0.42).shift(0.75 * DOWN + 0.75 * LEFT)
        self.arrow = self.build_descent_arrow()
        # the marks above the arrow and the path, the minimum's star above the ball
        self.bring_to_front(self.start_ring, self.ball, self.min_star)
        self.play(FadeIn(self.readouts), FadeIn(self.arrow), FadeIn(self.info[-1]))
        self.bring_to_front(self.start_ring, self.ball, self.min_star)
        key, name = self.info[-1]

        def fade_with_arrow(row):  # the legend's −∇J goes as the arrow goes
            a = self.arrow_opacity()
            key[0].set_stroke(opacity=a)
            key[1].set_fill(opacity=a)
            name.set_fill(opacity=a)
            return row

        self.info[-1].add_updater(fade_with_arrow)

    def move_camera(self, to: float, phi: float):
        """The dolly to `to` and the camera's phi to `phi` (one move); the axes move with the
        view, fading out as the camera moves in on the fall and back as it pulls back
        (axes_shown)."""

        def fade(axes):
            axes.shown = axes_shown(self.view.dolly.get_value())
            return axes.update_from_view()

        self.play(self.view.dolly.animate.set_value(to), self.view.phi.animate.set_value(phi),
                  UpdateFromFunc(self.axes, fade), run_time=DOLLY_SECONDS, rate_func=smooth)

    def start_sweep(self):
        """The camera's slow orbit (sweep_theta), run by the scene's clock from now on, under
        every move and hold that follows: set first in each frame, before what is drawn from
        the view."""
        clock = Mobject()
        clock.elapsed = 0.0

        def tick(m, dt):
            m.elapsed += dt
            self.view.theta.set_value(sweep_theta(m.elapsed))

        clock.add_updater(tick)
        self.add(clock)
        self.mobjects.remove(clock)
        self.mobjects.insert(0, clock)
        self.sweep = clock

    def section_move_in_on_the_ball(self):
        self.start_sweep()
        self.move_camera(1.0, FALL_PHI)

    def section_fall_down_the_wall(self):
        # down the wall one step at a time, each eased in and out so its landing can be seen;
        # the −∇J arrow goes before the ball moves and the new step's comes once it has landed
        for k in range(1, FALL_STEPS + 1):
            self.play(self.arrow_step.animate.set_value(0.0), run_time=ARROW_FADE)
            self.play(self.s.animate.set_value(float(k)), run_time=FALL_SECONDS[k - 1],
                      rate_func=smooth)
            self.play(self.arrow_step.animate.set_value(1.0), run_time=ARROW_FADE)
            if k < FALL_STEPS:
                self.wait(0.4)

    def section_pull_back_to_the_valley(self):
        self.move_camera(0.0, PHI0)

    def section_slide_along_the_floor(self):
        # on to the valley floor, one scheduled (log-spaced) step at a time at one pace, the
        # camera orbiting on; the −∇J arrow (and its legend row) goes first: over so many fast
        # steps it would flicker
        self.play(self.arrow_on.animate.set_value(0.0), run_time=ARROW_FADE)
        self.play(self.s.animate(rate_func=linear).set_value(float(self.wall_end)),
                  run_time=SLIDE_SECONDS)

    def close_up(self) -> Group:
        """The close-up: a 2-D map of J (the house's contour map, coloured as the surface it
        enlarges: its levels over the surface's span, surface_levels) over CLOSE_M × CLOSE_B,
        equal scales, CLOSE_HEIGHT tall round CLOSE_CENTER, with the ball's path from the
        valley floor's first step (gdcore's points, growing with the ball), the ball and the
        minimum's star, its name over it and its ranges beside it."""
        t = self.theme
        (m0, m1, _), (b0, b1, _) = CLOSE_M, CLOSE_B
        width = CLOSE_HEIGHT * (m1 - m0) / (b1 - b0)
        ax = map_axes(t, CLOSE_M, CLOSE_B, width, CLOSE_HEIGHT)
        ax.shift([*CLOSE_CENTER, 0.0] - (ax.c2p(m0, b0) + ax.c2p(m1, b1)) / 2)
        M, B, J = regression.cost_grid(self.x, self.y, (m0, m1), (b0, b1), 120)
        # one J, one colour, on the surface and in its close-up: the surface's span (its own
        # window's, 0.009 to 0.28, ran the whole scale, its edges yellow, the wall's colour)
        lv = surface_levels(t, self.x, self.y)
        span = (float(lv[0]), float(lv[-1]))
        img = contour_image(t, M, B, J, ax, span=span, lines=False)
        # its level lines: the same map with them, over it, shown while it stands still
        # (self.lines_on; at 0 only the fills under it are seen)
        lines = contour_image(t, M, B, J, ax, span=span)
        # drawn in its group's order, over the veil (contour_image lays a map under everything
        # with z_index -1: under the veil it was hidden, only its frame and path shown)
        img.set_z_index(0)
        lines.set_z_index(0)
        start = self.wall_end
        path = VMobject(stroke_color=t.accent, stroke_width=4)

        def draw_path(p):
            pts = self.path_points(self.s.get_value())[start * PIECES:, :2]
            if len(pts) < 2:
                p.clear_points()
                return p
            p.set_points_as_corners(scene_points(ax, pts[:, 0], pts[:, 1]))
            return p

        ball = self.ball_dot()

        def draw_ball(d):
            m, b, _ = self.ball_point(max(self.s.get_value(), float(start)))
            d.move_to(ax.c2p(m, b))
            return d

        star = self.star().move_to(ax.c2p(self.m_star, self.b_star))
        # b over its axis's top (as m stands under its axis's end), not left of the tick
        # numbers, where it stood far from its axis; just right of the axis's line, clear of
        # the top number left of it
        ax.labels[1].next_to(ax.c2p(m0, b1), UP, buff=0.15)
        ax.labels[1].align_to(ax.c2p(m0, b1) + 0.06 * RIGHT, LEFT)
        name = self.text("close-up", 26, t.muted)
        name.next_to(ax.c2p(m1, b1), UP, buff=0.15).align_to(ax.c2p(m1, b1), RIGHT)
        # its ranges beside it, one line each, right of its lower corner
        ranges = VGroup(*(self.tex(rf"{numbers.latex(lo, 2)} \le {v} \le {numbers.latex(hi, 2)}",
                                   CLOSE_RANGES, t.muted)
                          for v, lo, hi in (("m", m0, m1), ("b", b0, b1))))
        ranges.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        ranges.next_to(ax.c2p(m1, b0), RIGHT, buff=0.3, aligned_edge=DOWN)
        self.close_ranges = ranges
        draw_path(path)
        path.add_updater(draw_path)
        draw_ball(ball)
        ball.add_updater(draw_ball)
        self.close_axes, self.close_path, self.close_ball = ax, path, ball
        self.close_drawers = [(path, draw_path), (ball, draw_ball)]
        self.close_name = name
        self.close_lines = lines
        #: its path, ball and star (the path unfilled; the dots filled), shown with its words
        self.close_marks = [path, ball, star]
        #: its words (shown with its level lines, once it has grown: at its box's size they
        #: would be specks, and moving they lose their ink from frame to frame)
        self.close_words = [*(m for m in ax.get_family() if isinstance(m, MathTex)), name,
                            *ranges]
        #: its tick marks, shown with its words (numberless ticks on a moving frame read as
        #: stray marks)
        self.close_ticks = [m for m in ax.submobjects
                            if type(m) is VMobject and m is not ax.frame]
        return Group(img, lines, ax, path, ball, star, name, ranges)

    def region_ring(self) -> np.ndarray:
        """The close-up's region's edge on the surface: (N, 3) points at gdcore's cost."""
        (m0, m1, _), (b0, b1, _) = CLOSE_M, CLOSE_B
        u = np.linspace(0.0, 1.0, 12)
        edge = np.vstack([np.column_stack([m0 + u * (m1 - m0), np.full_like(u, b0)]),
                          np.column_stack([np.full_like(u, m1), b0 + u * (b1 - b0)]),
                          np.column_stack([m1 - u * (m1 - m0), np.full_like(u, b1)]),
                          np.column_stack([np.full_like(u, m0), b1 - u * (b1 - b0)])])
        return np.column_stack([edge, self.cost(edge[:, 0], edge[:, 1])])

    def pulsed(self, scr: np.ndarray) -> np.ndarray:
        """The outline's screen points `scr` at the share self.pulse of their size round their
        centre (1: on the region)."""
        k = self.pulse.get_value()
        centre = (scr.min(axis=0) + scr.max(axis=0)) / 2
        return centre + k * (scr - centre)

    def region_box(self) -> tuple[np.ndarray, float]:
        """Where the close-up stands on its box: the centre of the region's outline as the
        camera draws it now, and the scale that fits the close-up's map inside it."""
        scr = self.view.project(self.region_ring())[0]
        lo, hi = scr.min(axis=0), scr.max(axis=0)
        (m0, m1, _), (b0, b1, _) = CLOSE_M, CLOSE_B
        width = CLOSE_HEIGHT * (m1 - m0) / (b1 - b0)
        k = float(min((hi[0] - lo[0]) / width, (hi[1] - lo[1]) / CLOSE_HEIGHT))
        centre = (lo + hi) / 2
        centre[2] = 0.0
        return centre, k

    def region_marks(self) -> VGroup:
        """The close-up's region outlined on the surface (CLOSE_M × CLOSE_B, each point at
        gdcore's cost), in the text colour on a halo of the page's colour (OUTLINE_HALO),
        following the camera; the stretches the surface hides left out, as the path's. It is
        drawn at self.pulse times its size round its centre (pulsed: it closes onto the region
        as it comes in)."""
        t = self.theme
        ring = self.region_ring()
        outline = VMobject(stroke_color=t.text, stroke_width=2)

        def draw(line):
            scr = self.pulsed(self.view.project(ring)[0])
            runs, run = [], []
            for q, v in zip(scr, visible(self.view, ring, self.cost)):
                if v:
                    run.append(q)
                else:
                    runs.append(run)
                    run = []
            return set_polylines(line, [*runs, run])

        cased(outline, t, OUTLINE_HALO)
        draw(outline)
        outline.add_updater(draw)
        return VGroup(outline)

    def place_close(self, group):
        """The close-up at the share `self.grown` of its way from its box (region_box, kept in
        self.box) to its size and place (CLOSE_HEIGHT round CLOSE_CENTER): its height and its
        centre move straight, at one pace (its corners move straight); its words, level lines
        and marks shown as self.lines_on says."""
        u = self.grown.get_value()
        (m0, m1, _), (b0, b1, _) = CLOSE_M, CLOSE_B
        ax = self.close_axes
        lo, hi = ax.c2p(m0, b0), ax.c2p(m1, b1)
        centre, height = (lo + hi) / 2, hi[1] - lo[1]
        box, k = self.box
        want = (1.0 - u) * box + u * np.array([*CLOSE_CENTER, 0.0])
        group.scale(CLOSE_HEIGHT * ((1.0 - u) * k + u) / height, about_point=centre)
        group.shift(want - centre)
        words = self.lines_on.get_value()
        for w in self.close_words:
            w.set_fill(opacity=words)
            w.set_stroke(opacity=words)
        self.close_lines.set_opacity(words)
        path, *dots = self.close_marks
        for line in (path, *self.close_ticks):
            line.set_stroke(opacity=words)
        for mark in dots:
            mark.set_fill(opacity=words)
            mark.set_stroke(opacity=words)
        return group

    def veil_to(self, shown: float, **kwargs):
        """The veil (over the surface, its axes and marks, under the close-up, the title,
        the legend and the readouts) to opacity `shown`, the 3-D axes fading the other way."""
        veil = self.veil

        def fade(axes):
            axes.shown = 1.0 - veil.get_fill_opacity()
            return axes.update_from_view()

        return [veil.animate(**kwargs).set_fill(opacity=shown),
                UpdateFromFunc(self.axes, fade, **kwargs)]

    def section_inset(self):
        t = self.theme
        # the region outlined on the surface, under the marks (the star stays over everything):
        # the outline closes onto it from PULSE_FROM times its size as it fades in
        self.pulse = ValueTracker(PULSE_FROM)
        self.marks = self.region_marks()
        self.add(self.marks)
        self.bring_to_front(self.start_ring, self.ball, self.min_star)
        self.play(FadeIn(self.marks, rate_func=lambda a: smooth(min(1.0, 2.0 * a))),
                  self.pulse.animate(rate_func=smooth).set_value(1.0),
                  run_time=OUTLINE_SECONDS)
        # the close-up grows out of its box (opening), fading in as it starts, while the
        # surface leaves under the veil; then alone, over the empty page, to its size in the
        # middle of the frame
        self.veil = Rectangle(width=config.frame_width + 1, height=config.frame_height + 1,
                              fill_color=t.background, fill_opacity=0.0, stroke_width=0)
        self.close = self.close_up()
        self.grown = ValueTracker(0.0)
        self.lines_on = ValueTracker(0.0)
        self.box = self.region_box()
        self.place_close(self.close)
        self.add(self.veil)
        self.bring_to_front(self.title, self.info, self.readouts)
        total = CLOSE_SECONDS + GROW_SECONDS

        def first(seconds):  # smooth over the play's first `seconds`, then held
            return lambda a: smooth(min(1.0, a * total / seconds))

        # (FadeIn holds the close-up's own updaters: it is placed by UpdateFromFunc, after it;
        # its path and ball are drawn anew once it has grown: left on, their updaters ran on
        # FadeIn's copies, at the axes' last size, and the ball went off the map as it grew)
        for mob, _ in self.close_drawers:
            mob.clear_updaters()
        self.play(self.grown.animate(rate_func=lambda a: opening(a)[0]).set_value(1.0),
                  FadeIn(self.close, rate_func=first(OPEN_FADE)),
                  UpdateFromFunc(self.close, self.place_close),
                  *self.veil_to(1.0, rate_func=lambda a: opening(a)[1]), run_time=total)
        for mob, draw in self.close_drawers:
            mob.add_updater(draw, call_updater=True)
        self.close.add_updater(self.place_close)
        self.close_grown_at = float(self.time)  # when the close-up stands at its size

    def section_crawl(self):
        # along the floor to the last step, one scheduled (log-spaced) step at a time at one
        # pace: followed in the close-up, the camera orbiting on slowly; the close-up's level
        # lines, words and marks fade in over its first LINES_FADE, the close-up at rest
        self.lines_in_at = float(self.time)
        self.play(self.s.animate(rate_func=linear).set_value(len(self.shown) - 1),
                  self.lines_on.animate(
                      rate_func=lambda a: smooth(min(1.0, a * CRAWL_SECONDS / LINES_FADE))
                  ).set_value(1.0),
                  run_time=CRAWL_SECONDS)

    def section_arrive(self):
        t = self.theme
        # the close-up holds while the caption says the ball rests on the minimum (the
        # camera's orbit easing to its end), then closes
        # (its level lines, words and marks fading out over the hold's last LINES_OUT, before
        # it moves)
        self.wait(HOLD_SECONDS - LINES_OUT)
        self.play(self.lines_on.animate(rate_func=lines_out).set_value(0.0), run_time=LINES_OUT)
        self.close_shut_at = float(self.time)  # when the close-up starts to close
        self.lines_at_shut = float(self.close_lines.pixel_array[..., 3].max())  # (0: gone)
        # the close-up goes back onto its box as it came (closing), following the box as the
        # camera turns, as the surface returns from under the veil; its path and ball stay as
        # they are (the ball on the minimum), placed with it (FadeOut's copies, as FadeIn's)
        self.close.clear_updaters()

        def follow(group):
            self.box = self.region_box()
            return self.place_close(group)

        self.play(self.grown.animate(rate_func=lambda a: 1.0 - closing(a)[0]).set_value(0.0),
                  FadeOut(self.close, rate_func=lambda a: closing(a)[2]),
                  UpdateFromFunc(self.close, follow),
                  *self.veil_to(0.0, rate_func=lambda a: 1.0 - closing(a)[1]),
                  run_time=RETURN_SECONDS)
        self.play(FadeOut(self.marks), run_time=0.5)
        self.remove(self.close, self.veil, self.marks)
        # the orbit has come to rest at END_THETA: the camera moves in on the whole valley,
        # large, with its axes, as its window opens
        self.sweep.clear_updaters()
        self.remove(self.sweep)
        self.set_aim(self.end_aim)
        self.play(self.view.dolly.animate.set_value(1.0),
                  self.view.phi.animate.set_value(END_PHI),
                  self.view.theta.animate.set_value(END_THETA),
                  self.surface.opened.animate.set_value(1.0),
                  run_time=END_SECONDS, rate_func=smooth)
        note = VGroup(self.text(f"after {numbers.count(self.traj.steps)} steps", 26, t.text),
                      self.text("at the bottom", 26, t.text),
                      self.text("of the valley", 26, t.text))
        note.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        note.next_to(self.readouts, DOWN, buff=0.4, aligned_edge=RIGHT)
        self.note = note
        self.play(FadeIn(note, shift=0.2 * UP), run_time=1.2)
        self.wait(1.5)

    SECTIONS = sections(section_surface, section_marks, section_move_in_on_the_ball,
                        section_fall_down_the_wall, section_pull_back_to_the_valley,
                        section_slide_along_the_floor, section_inset, section_crawl,
                        section_arrive)


__all__ = ["Descent3d", "trajectory", "RIGHT", "LEFT"]
