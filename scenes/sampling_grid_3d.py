"""One more weight, ten times the guesses: a line of 10 guesses (one weight), a square of 100
(two), a cube of 1,000 (three), each built from the one before and counted as it grows.

One change at a time: the line's 10 guesses appear one by one (10¹ = 10); copies of the line
rise out of it, one after another, into the 10 × 10 square (10² = 100); a copy of the square
lifts off it (the square stays as it is), flies over the gap and lands, row after row,
in the cube's floor, taking the floor's perspective on the way, the cube's count going up from 0
as its guesses come out from under the square (the count is the dots shown); copies of the
floor rise, plane after plane, a slower and larger step, into
the 10 × 10 × 10 lattice (10³ = 1,000); then the camera orbits the lattice, one calm turn at
one height (25° above its floor) and a steady pace, never looking down a row or a diagonal of
the lattice, so its depth reads.
The box of the cube comes with its labelled axes, the floor axes' labels past their ends (they
stay with their axes as the camera turns). The build is brisk and the orbit long: it is the
moment of the scene. Each power grows into the room its count leaves as it moves aside. The
copy leaves the square from under it: each of its guesses shows only once it is past the
square's right edge (growing there from nothing), so the copy never crosses the square's
guesses; it arrives at the cube's top, clear of the upright axis's label. The upright axis's top
number, which the copy crosses on its way, fades out as the copy sets off and back in once it
has landed.

The points are gdcore.sampling.grid_points; the counts gdcore.sampling.guess_count. The lattice
is projected by gdviz.fast_surface.View3D each frame and drawn as a few depth layers (far to
near: fainter and smaller to darker and larger), each ONE VMobject of many small discs.
Render alone with: manim -ql scenes/sampling_grid_3d.py SamplingGrid3d
"""

import numpy as np
from manim import (
    LEFT,
    UP,
    Circle,
    Create,
    FadeIn,
    Integer,
    MathTex,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    linear,
    smooth,
)
from manim.utils.color import ManimColor

from gdcore import sampling
from gdviz.colors import mix
from gdviz.fast_surface import Axes3D, View3D, set_polylines
from gdviz.manim_theme import ThemedScene, origin_zero, sections, themed_axes
from gdviz.numbers import count
from gdviz.staging import CountLine, GuessRows, counted, rising_slots, stepwise

(BINS,) = sampling.SAMPLING_GRID_3D.bins
DIMS = tuple(range(1, max(sampling.SAMPLING_GRID_3D.dims) + 1))  # 1, 2, 3: each step one more
LOW, HIGH = 0.0, 1.0
#: The camera (elevation 25°, azimuth −70°) in Manim's angles. The camera keeps this height
#: throughout, and once the lattice is built it orbits at it, at a steady pace, to azimuth
#: −80°. Along the whole way the line of sight stays LATTICE_CLEAR (degrees) or more from every
#: axis of the lattice, every diagonal of its faces and its long diagonal, and TWO_ROW_CLEAR or
#: more from the diagonals two rows long (such as (1, −2, 1), at about −63° and 24° up):
#: looking down one of them, the lattice collapses into columns, stripes or one flat grid of
#: dots (at 30° above the floor and azimuth −45°, the long diagonal, it reads as a flat hexagon
#: of streaks).
PHI0, THETA0 = 90.0 - 25.0, -70.0
THETA1 = -80.0
LATTICE_CLEAR, TWO_ROW_CLEAR = 20.0, 6.0
SIDE_2D = 4.0
CENTRE_X_2D = -3.4
TOP = 2.25  # the square's top edge; the titles sit above it
#: scene length of each edge of the lattice's cube: drawn larger than the square beside it
#: (SIDE_2D), whose guesses it multiplies by ten
CUBE = 3.6
CUBE_CENTER = (3.4, -0.15)  # high enough that the w1 label keeps its margin below
LAYERS = 8  # depth layers of the lattice
#: a lattice point's radius at middle depth, and its range from the farthest (times
#: RADIUS_FAR) to the nearest (RADIUS_FAR + RADIUS_SPAN): small enough that the lattice's
#: interior stays points, not a blob
RADIUS, RADIUS_FAR, RADIUS_SPAN = 0.04, 0.5, 1.0
#: how much of the data colour the farthest layer keeps over the background (the nearest: all)
FAR_INK = 0.1
#: seconds of each growth step: each larger step slower than the one before, the whole build
#: brisk (the orbit is the scene's moment)
STEP_SECONDS = {1: 1.5, 2: 2.5, 3: 5.0}
POWER_SECONDS = 0.8  # a count written as a power
FLIGHT_SECONDS = 3.0  # the square's copy from the panel to the cube's floor
CARRY = 0.4  # of the flight, carrying the copy from the panel to above the cube
#: the height (w3) at which the copy arrives, before it sinks: the cube's top, so that the copy
#: stays clear of the upright axis's label above it
HOVER = 1.0
#: of the flight, between one row's descent and the next's: each row lands soon after it starts
#: to sink, so the count keeps in step with the rows falling
FLIGHT_LAG = 0.055
LIFT = 0.4  # how far above the straight line the carry's middle passes (scene units)
#: the copy's guesses show only right of the square's right edge (and EMERGE scene units out
#: from it): each grows from nothing to its size over EMERGE as it passes the edge, so the copy
#: slides out from under the square, never over its guesses
EMERGE = 0.3
#: the orbit: its seconds, the share of them it eases in (and out) over, then the hold on the
#: lattice
ORBIT_SECONDS, ORBIT_EASE, HOLD_SECONDS = 12.0, 0.2, 1.0
LABEL_GAP = 1.2  # the cube's upright label, up from its axis (Axes3D's label_gap)
#: the cube's floor labels, past their axes' ends on the axes' lines (Axes3D's label_at_end):
#: anchored to their axes as the camera turns, and 24 px or more from the last tick numbers
LABEL_END = 0.55
#: the halo (Manim stroke width, page colour) under the cube's axes' words: the square's copy
#: passes under the upright axis's words on its way to the cube
WORD_CASING = 6.0
#: the upright axis's top number (w3 = 1.0), which the copy crosses as it arrives above the
#: cube: it fades out over the flight's first NUMBER_FADE seconds, before the copy reaches it,
#: and back in with the lattice, once the copy has sunk to the floor
NUMBER_FADE = 0.5


def steady(t: float, ease: float = ORBIT_EASE) -> float:
    """0..1 → 0..1 at a constant speed, but for the first and last `ease` of the time, over
    which the speed grows from rest and falls back to it (uniformly): a steady move that
    neither jolts nor surges (its top speed 1 / (1 − ease) times the mean)."""
    t = min(max(t, 0.0), 1.0)
    top = 1.0 / (1.0 - ease)
    if t < ease:
        return top * t * t / (2 * ease)
    if t > 1.0 - ease:
        return 1.0 - top * (1.0 - t) ** 2 / (2 * ease)
    return top * (t - ease / 2)


class SamplingGrid3d(ThemedScene):

    @classmethod
    def captions(cls):
        n = {d: count(sampling.guess_count(BINS, d)) for d in DIMS}
        b = count(BINS)

        def times(d):
            return " × ".join([b] * d)

        return {
            "line": f"One weight, w₁ from 0 to 1: a line of {n[1]} guesses appears, one by one.",
            "square": f"A second weight, w₂: copies of the line rise out of it, row after row, "
                      f"into a square of {times(2)} = {n[2]} guesses.",
            "cube": ("A third weight, w₃: a copy of the square slides out to the right and "
                     "lands as the floor of an empty cube.",
                     f"Copies of the floor rise, plane after plane, until the cube holds "
                     f"{times(3)} = {n[3]} guesses: each new weight multiplies the guesses by "
                     f"{b}."),
            "orbit": "The camera turns slowly round the cube at one height, so the depth of "
                     "its lattice of guesses reads.",
        }

    def setup(self):
        super().setup()
        self.points = {d: sampling.grid_points(BINS, d, LOW, HIGH) for d in DIMS}
        self.points2 = self.points[2]
        self.points3 = self.points[3]
        self.counts = {d: sampling.guess_count(BINS, d) for d in DIMS}
        self.view = View3D(((LOW, HIGH),) * 3, (CUBE,) * 3, CUBE_CENTER, PHI0, THETA0)
        self.axis = np.unique(self.points3[:, 2])  # the grid's values along one axis
        #: planes of the lattice shown (1..BINS), the later rising out of the one before
        self.planes = ValueTracker(0.0)
        #: (dims, count shown in the title, the guesses drawn then, in weight coordinates)
        self.stages = []

    # -- pieces --------------------------------------------------------------------

    def weights(self, dims: int):
        return self.text(f"{dims} weight{'s' if dims > 1 else ''}:", 28)

    def power(self, dims: int):
        return self.tex(rf"{BINS}^{{{dims}}} =", 32, self.theme.data)

    def head(self, dims: int, centre_x: float) -> CountLine:
        counter = Integer(0, font_size=36, color=self.theme.data)
        return CountLine(self.weights(dims), counter, self.text("guesses", 28), centre_x,
                         TOP + 0.75, tail_one=self.text("guess", 28))

    def write_power(self, head: CountLine, dims: int):
        self.play(*head.open_with(self.power(dims)), run_time=POWER_SECONDS)

    def lattice_points(self) -> tuple[np.ndarray, np.ndarray]:
        """The lattice's guesses shown now, where they are drawn in weight space: the planes of
        constant w3 rise out of the one below (rising_slots of self.planes)."""
        k = np.searchsorted(self.axis, self.points3[:, 2])  # each guess's plane
        shown, slot = rising_slots(k, self.planes.get_value())
        pts = self.points3.copy()
        pts[:, 2] = self.axis[0] + slot * (self.axis[1] - self.axis[0])
        return pts[shown], shown

    def disc_sizes(self, depth: np.ndarray) -> np.ndarray:
        """0 (far) .. 1 (near) over the whole lattice's depth for this camera."""
        full = self.view.project(self.points3)[1]
        span = np.ptp(full) or 1.0
        return np.clip((depth - full.min()) / span, 0.0, 1.0)

    def lattice(self) -> VGroup:
        """LAYERS VMobjects, far to near, re-filled from the camera every frame."""
        t = self.theme
        far = mix(t.background, t.data, FAR_INK)
        layers = VGroup(*(
            VMobject(stroke_width=0, fill_opacity=1.0,
                     fill_color=ManimColor.from_rgb(mix(far, t.data, (k + 0.5) / LAYERS)))
            for k in range(LAYERS)))
        unit = Circle(radius=1.0).points  # one disc's outline, to be scaled and moved

        def draw(group):
            pts, _ = self.lattice_points()
            scr, depth = self.view.project(pts) if len(pts) else (np.zeros((0, 3)),
                                                                  np.zeros(0))
            d = self.disc_sizes(depth)
            layer = np.minimum((d * LAYERS).astype(int), LAYERS - 1)
            radius = RADIUS * (RADIUS_FAR + RADIUS_SPAN * d)
            self.drawn = scr
            for k, mob in enumerate(group):
                sel = np.flatnonzero(layer == k)
                if len(sel) == 0:
                    mob.clear_points()
                    continue
                discs = scr[sel, None, :] + radius[sel, None, None] * unit[None, :, :]
                mob.points = discs.reshape(-1, 3)
            return group

        draw(layers)
        layers.add_updater(draw)
        return layers

    def cube_edges(self) -> VMobject:
        """The cube's twelve edges, thin, carrying the perspective."""
        edges = VMobject(stroke_color=self.theme.muted, stroke_width=1.5, stroke_opacity=0.6)
        segs = []
        for a in range(3):
            for u in (LOW, HIGH):
                for v in (LOW, HIGH):
                    seg = np.zeros((2, 3))
                    seg[:, a] = (LOW, HIGH)
                    seg[:, (a + 1) % 3] = u
                    seg[:, (a + 2) % 3] = v
                    segs.append(seg)
        segs = np.array(segs)

        def draw(e):
            return set_polylines(e, (self.view.project(seg)[0] for seg in segs))

        draw(edges)
        edges.add_updater(draw)
        return edges

    def axis_words(self) -> list:
        """The cube's axes' tick numbers and labels."""
        return [m for nums in self.axes3.numbers for m in nums] + list(self.axes3.labels)

    def record(self, dims: int, head: CountLine, drawn: np.ndarray):
        self.stages.append((dims, head.count.get_value(), drawn))

    def drawn_2d(self) -> np.ndarray:
        return np.array([self.ax2.p2c(c) for c in self.dots2.drawn()]).reshape(-1, 2)

    # -- sections ------------------------------------------------------------------

    def section_line(self):
        """One weight: its 10 guesses appear one by one along w1, counted."""
        t = self.theme
        title = self.text("One more weight: ten times the guesses", 32).to_edge(UP, buff=0.5)
        ax = themed_axes(t, [LOW, HIGH, 0.5], [LOW, HIGH, 0.5], SIDE_2D, SIDE_2D, "w_1")
        # w2 at its axis's top, left of its last tick number; the one 0 of both axes at their
        # corner
        w2 = MathTex("w_2", font_size=32, color=t.text).next_to(ax.y_axis.numbers[-1], LEFT,
                                                                buff=0.2)
        zero = origin_zero(t, ax)
        ax.labels.add(w2)
        ax.add(w2, zero)
        ax.shift(np.array([CENTRE_X_2D, TOP, 0]) - ax.c2p(0.5, HIGH))
        ax.set_z_index(1)
        frame = VMobject(color=t.muted, stroke_width=2).set_points_as_corners(
            [ax.c2p(LOW, HIGH), ax.c2p(HIGH, HIGH), ax.c2p(HIGH, LOW)])
        # grid_points(BINS, 2) has w2 fastest: row j (w2 at its j-th value) is every BINS-th
        rows = np.array([[ax.c2p(*p) for p in self.points2[j::BINS]] for j in range(BINS)])
        self.dots2 = GuessRows(rows, Circle(radius=0.06).points, t.data,
                               rows[1, 0] - rows[0, 0]).set_z_index(2)
        self.ax2, self.frame2, self.w2_label = ax, frame, w2
        self.head2 = self.head(1, CENTRE_X_2D)
        self.play(Write(title))
        # one weight, one axis: w2's axis and the square's frame come with the second weight
        self.play(Create(ax.x_axis), FadeIn(ax.labels[0]), FadeIn(zero), FadeIn(self.head2),
                  run_time=1.0)
        self.add(self.dots2.show_first(0))

        self.play(*counted(self.dots2, lambda m, a: m.show_first(a * BINS), self.head2,
                           lambda a: int(round(a * BINS))),
                  run_time=STEP_SECONDS[1], rate_func=linear)
        self.record(1, self.head2, self.drawn_2d())
        self.write_power(self.head2, 1)
        self.wait(0.2)

    def section_square(self):
        """Two weights: copies of the line rise out of it, one after another, into the square."""
        self.play(self.head2.hide_prefix(), run_time=0.4)
        self.play(*self.head2.swap_words(self.weights(2)), run_time=0.7)
        self.head2.drop()
        self.play(Create(self.ax2.y_axis), FadeIn(self.w2_label), Create(self.frame2),
                  run_time=0.8)

        def rows(a):
            return 1 + stepwise(a, BINS - 1)

        self.play(*counted(self.dots2, lambda m, a: m.rise(rows(a)), self.head2,
                           lambda a: BINS * int(round(rows(a)))),
                  run_time=STEP_SECONDS[2], rate_func=linear)
        self.record(2, self.head2, self.drawn_2d())
        self.write_power(self.head2, 2)
        self.wait(0.2)

    def section_cube(self):
        """Three weights: a copy of the square carried into the cube's floor, counted as its
        rows land, then copies of the floor rising, plane after plane, into the lattice."""
        t = self.theme
        self.edges = self.cube_edges()
        self.axes3 = Axes3D(self.view, ([0.5, 1], [0.5, 1], [0.5, 1]), ("w_1", "w_2", "w_3"),
                            t.muted, t.text, places=1, apart=True, label_gap=LABEL_GAP,
                            label_at_end=LABEL_END)
        # the axes' words over the copy as it flies past the upright axis, each on a halo of
        # the page colour (a casing), so they read as the guesses pass under them
        for word in self.axis_words():
            word.set_stroke(t.background, width=WORD_CASING, background=True).set_z_index(3)
        self.head3 = self.head(3, CUBE_CENTER[0])  # the cube is empty: 0 guesses
        # the box comes with its labelled axes
        self.play(Create(self.edges), self.axes3.fade_in(), FadeIn(self.head3), run_time=1.2)
        self.fly_to_floor()
        self.layers = self.lattice()
        self.play(FadeIn(self.layers), self.flying.animate.set_opacity(0.0),
                  self.w3_top.animate.set_value(1.0), run_time=0.6)
        self.remove(self.flying)
        self.caption_next()

        def planes(a):
            return 1 + stepwise(a, BINS - 1)

        self.play(*counted(self.planes, lambda m, a: m.set_value(planes(a)), self.head3,
                           lambda a: self.counts[2] * int(round(planes(a)))),
                  run_time=STEP_SECONDS[3], rate_func=linear)
        self.record(3, self.head3, self.lattice_points()[0])
        self.write_power(self.head3, 3)

    def fly_to_floor(self):
        """A copy of the square's guesses slides out from under it (the square stays: each
        guess of the copy shows once past the square's right edge, EMERGE), is carried on an
        arc over the gap
        between the panels, taking the perspective of a plane of the cube on the way, to hover
        above the cube (w3 = HOVER); then its rows sink, one after another, into the cube's
        floor (w3 at its first value), the cube's count being the copy's guesses drawn (each
        counted as it comes out from under the square: the count never lags the dots shown).
        Each change of the count is recorded in self.landings as (count shown, guesses landed,
        in weight coordinates); self.flight keeps the animations."""
        self.planes.set_value(1.0)
        floor, _ = self.lattice_points()
        unit = Circle(radius=1.0).points
        m = len(unit)

        def at(w, z):  # guesses w (k × 3) drawn at the height z: scene centres and radii
            pts = w.copy()
            pts[:, 2] = z
            scr, depth = self.view.project(pts)
            return scr, RADIUS * (RADIUS_FAR + RADIUS_SPAN * self.disc_sizes(depth))

        flying = self.dots2.copy().set_z_index(2)
        rows = []  # per row: start centres, start radius, its guesses on the floor, hovering
        for row in flying:
            shapes = row.points.reshape(-1, m, 3)
            c0 = shapes.mean(axis=1)
            r0 = np.abs(shapes[:, :, 0] - c0[:, None, 0]).max(axis=1)
            w = np.array([self.ax2.p2c(c) for c in c0])
            on = floor[np.linalg.norm(w[:, None, :] - floor[None, :, :2], axis=2).argmin(axis=1)]
            rows.append((c0, r0, on, at(on, HOVER)))
        mid0 = np.concatenate([r[0] for r in rows]).mean(axis=0)
        mid1 = np.concatenate([r[3][0] for r in rows]).mean(axis=0)
        ctrl = (mid0 + mid1) / 2 + LIFT * UP
        n = len(rows)
        order = np.arange(n)[::-1]  # the top row (w2 at its last value) lands first
        sink = (1.0 - CARRY - FLIGHT_LAG * (n - 1))  # of the flight, one row's descent
        self.landings = []
        self.flying = flying
        self.add(flying)

        edge = self.ax2.c2p(HIGH, LOW)[0]  # the square's right edge

        def place(group, alpha):
            e = smooth(min(alpha / CARRY, 1.0))
            shape = smooth(min(e / 0.7, 1.0))  # a plane of the cube before it arrives
            path = (1 - e) ** 2 * mid0 + 2 * e * (1 - e) * ctrl + e**2 * mid1
            landed, shown = [], 0
            for k, j in enumerate(order):
                c0, r0, on, (h, hr) = rows[j]
                d = float(np.clip((alpha - CARRY - FLIGHT_LAG * k) / sink, 0.0, 1.0))
                if d > 0:
                    centres, radii = at(on, HOVER * (1 - smooth(d)))
                else:
                    centres = path + (1 - shape) * (c0 - mid0) + shape * (h - mid1)
                    radii = (1 - shape) * r0 + shape * hr
                    # out from under the square: nothing left of its edge, growing past it
                    radii = radii * np.clip((centres[:, 0] - edge) / EMERGE, 0.0, 1.0)
                out = radii > 0
                shown += int(out.sum())
                if not out.any():
                    group[j].clear_points()
                    continue
                group[j].points = (centres[out, None, :]
                                   + radii[out, None, None] * unit).reshape(-1, 3)
                if d >= 1.0:
                    landed.append(on)
            self.landed = np.concatenate(landed) if landed else np.zeros((0, 3))
            self.shown = shown
            return group

        def count(line, alpha):  # the guesses of the copy drawn in the cube's panel
            line.show_count(self.shown)
            if not self.landings or (self.landings[-1][0], len(self.landings[-1][1])) != (
                    self.shown, len(self.landed)):
                self.landings.append((line.count.get_value(), self.landed))

        # the upright axis's top number makes way for the copy, which flies over it
        self.w3_top = ValueTracker(1.0)
        self.axes3.number_opacity[(2, len(self.axes3.ticks[2]) - 1)] = self.w3_top
        fade = NUMBER_FADE / FLIGHT_SECONDS

        def make_way(group, alpha):
            self.w3_top.set_value(1.0 - smooth(min(alpha / fade, 1.0)))
            return place(group, alpha)

        self.flight = [UpdateFromAlphaFunc(flying, make_way),
                       UpdateFromAlphaFunc(self.head3, count)]
        self.play(*self.flight, run_time=FLIGHT_SECONDS, rate_func=linear)
        self.record(3, self.head3, self.landings[-1][1])

    def section_orbit(self):
        """The camera orbits the lattice: one turn, at one height, at a steady pace (eased in
        and out), so its depth reads; then it holds."""
        self.play(self.view.theta.animate.set_value(THETA1), run_time=ORBIT_SECONDS,
                  rate_func=steady)
        self.wait(HOLD_SECONDS)

    SECTIONS = sections(section_line, section_square, section_cube, section_orbit)
