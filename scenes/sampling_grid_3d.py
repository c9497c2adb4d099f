"""One more weight, ten times the guesses: a line of 10 guesses (one weight), a square of 100
(two), a cube of 1,000 (three), each built from the one before and counted as it grows.

One change at a time: the line of one weight stands at the height of the square's middle, where
the square will grow, its count line over it, and its 10 guesses appear one by one
(10¹ = 10); the line comes down to the square's foot with its guesses on it (one move), its
count line held, then the second axis is drawn up from it as the whole count line fades out and
the second weight's fades in at the square's top ("1 weight: 10¹ = 10 guesses" into
"2 weights: 10 guesses"), and copies of the line rise out of it, one after another, into the
10 × 10 square (10² = 100); the cube's empty box is drawn; a copy of the square slides out from
under it (the square stays as it is) and goes, in one smooth move, straight to the cube's floor,
taking the floor's perspective on the way; nothing is written near the box while it flies: once
it has landed the box's labelled axes come, and the cube's count, reading the 100 landed; copies
of the floor rise, in one steady move, plane after plane, into the 10 × 10 × 10 lattice
(10³ = 1,000); then the camera turns round the lattice, one short, slow arc of 14° at one height
(18° above its floor, seen from the side so the cube reads as a box, not a flat grid), never
within 20° of a row or a diagonal of the lattice, so its depth reads, and ends on a
three-quarter view.
The box is drawn with a faint grid on its floor, a line under each row of the lattice, on which
the copy lands and the columns of guesses stand. The box of the cube comes with its labelled
axes, w1's and w3's labels out past their middle numbers, w2's beside its own (they stay
with their axes as the camera turns). Each power fades
in whole into the room its count leaves as it moves aside; every axis's numbers fade in whole.
The copy's guesses show only once past the square's right edge (growing there from nothing), so
the copy never crosses the square's guesses. Before the orbit the square shrinks towards the
left edge and stays there, beside the cube, through the orbit: 100 beside 1,000, the cube the
larger.

The points are gdcore.sampling.grid_points; the counts gdcore.sampling.guess_count. The lattice
is projected by gdviz.fast_surface.View3D each frame and drawn as a few depth layers (far to
near: smaller and paler, never under 3:1 on the page, to larger and the full data colour),
each ONE VMobject of many small discs. The box's edges tell its depth too: faint at its
farthest corner, behind the lattice, firm at its nearest.
Render alone with: manim -ql scenes/sampling_grid_3d.py SamplingGrid3d
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
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
    linear,
    smooth,
)
from manim.animation.animation import prepare_animation
from manim.utils.color import ManimColor

from gdcore import sampling
from gdviz.colors import mix
from gdviz.fast_surface import Axes3D, View3D, set_polylines
from gdviz.manim_theme import (
    CLOSING_HOLD_S,
    ThemedScene,
    origin_zero,
    sections,
    themed_axes,
)
from gdviz.numbers import count
from gdviz.staging import (
    CountLine,
    GuessRows,
    counted,
    eased_part,
    rising_slots,
    stepwise,
    swap,
)
from gdviz.theme import contrast_mix

(BINS,) = sampling.SAMPLING_GRID_3D.bins
DIMS = tuple(range(1, max(sampling.SAMPLING_GRID_3D.dims) + 1))  # 1, 2, 3: each step one more
LOW, HIGH = 0.0, 1.0
#: The camera (elevation 18°, azimuth −76°) in Manim's angles: low, looking at the cube from
#: the side and a little above, so its three axes are drawn long (seen from 62° above, the
#: cube read as a flat grid of dots). The camera keeps this height throughout, and once the
#: lattice is built it turns, slowly and at a steady pace, through a short arc of 14° to
#: azimuth −62°: enough for the depth to read from the rows sliding past one another, short
#: enough that the lattice's fine rows of dots move less than a dot's width a frame (the old
#: 45° orbit made them shimmer). The arc stays inside one quadrant (−90° to 0°): at either end
#: the floor's axes would change sides. Looking down a row, a diagonal of a face or the long
#: diagonal, the lattice collapses into columns, stripes or one flat grid of dots (at 20° above
#: the floor the camera passes within 15° of the long diagonal at −45°, and the lattice
#: flattens into a hexagon of streaks): this arc keeps off −45°, and along it the line of
#: sight stays LATTICE_CLEAR (degrees) or more from each of them, and the two held views, the
#: first and the last, END_CLEAR from them and TWO_ROW_CLEAR from the diagonals two rows long
#: (such as (1, −2, 1)).
PHI0, THETA0 = 90.0 - 18.0, -76.0
THETA1 = -62.0
LATTICE_CLEAR, END_CLEAR, TWO_ROW_CLEAR = 20.0, 20.0, 4.0
SIDE_2D = 4.0
CENTRE_X_2D = -3.4
TOP = 2.25  # the square's top edge; the titles sit above it
#: the title down from the frame's top (the house margin, 24 px and more), clear above the count
TITLE_BUFF = 0.42
#: the one weight's line stands this far (scene units) above the square's foot, at its middle
LINE_RAISE = SIDE_2D / 2
#: the count line's top over what it counts (scene units): over the square's top edge, and,
#: while there is one weight, over its line, staying as the line comes down (kept at the
#: square's top, it stood 165 px over an empty frame for 3 s while the line was counted)
HEAD_ABOVE = 0.75
#: w2's label left of its axis at this w2, in its numbers' column, between its 0.5 and its 1:
#: on no number's row (beside its 1, "w2 1" read as one token)
W2_AT = 0.75
#: scene length of each edge of the lattice's cube: seen from the side (PHI0) it is drawn taller
#: and wider than the square beside it (SIDE_2D), whose guesses it multiplies by ten, and fits
#: between the count line and the floor's numbers
CUBE = 3.7
CUBE_CENTER = (3.4, -0.1)  # high enough that the w1 label keeps its margin below
LAYERS = 8  # depth layers of the lattice
#: a lattice point's radius at middle depth, and its range from the farthest (times
#: RADIUS_FAR) to the nearest (RADIUS_FAR + RADIUS_SPAN): small enough that the lattice's
#: interior stays points, not a blob, and the rows stay apart (at 0.04 they ran into stripes)
RADIUS, RADIUS_FAR, RADIUS_SPAN = 0.032, 0.45, 1.1
#: the farthest layer's contrast against the page (the nearest: the full data colour): depth
#: is told by size and shade, and even the farthest guess stays a mark (at a tenth of the data
#: colour the far guesses all but vanished into the dark page)
FAR_CONTRAST = 3.0
#: seconds of each growth step: each larger step slower than the one before, the whole build
#: brisk (the orbit is the scene's moment)
STEP_SECONDS = {1: 1.5, 2: 2.5, 3: 5.0}
POWER_SECONDS = 0.8  # a count written as a power
#: the part of that play over which the power fades in, in the room the count opens for it
#: (over the play's first 0.55): once the room is half open (earlier, its faint glyphs touched
#: the words either side), before it is made, so the room never stands empty long
POWER_IN = (0.25, 0.8)
FLIGHT_SECONDS = 3.0  # the square's copy from the panel to the cube's floor
#: where each guess of the copy comes in from (scene units from its place): from above and a
#: little left, so the copy comes down into the box and lands inside it (coming in level from
#: the left, its left rows hung outside the box until they had landed)
ARRIVE = (-0.5, 1.2)
#: the copy's guesses show only right of the square's right edge (and EMERGE scene units out
#: from it): each grows from nothing to its size over EMERGE as it passes the edge, so the copy
#: slides out from under the square, never over its guesses
EMERGE = 0.3
#: the orbit: its seconds, the share of them it eases in (and out) over, then the hold on the
#: lattice: the house's whole closing hold, from the orbit's last move (a shorter hold, topped
#: up by ThemedScene.closing, stood 2.9 s still after the orbit's eased end)
ORBIT_SECONDS, ORBIT_EASE, HOLD_SECONDS = 10.0, 0.15, CLOSING_HOLD_S
#: before the orbit the square (with its count line) shrinks to SQUARE_SHRINK of its size,
#: towards the frame's left edge (its left edge SQUARE_LEFT), over SHRINK_SECONDS, and stays
#: there beside the cube through the orbit: 100 beside 1,000; during the orbit the cube, its
#: guesses and its count line drift left into the room it leaves, the cube's centre to
#: GROWN_CENTER, GROW times its size. 0.94: its smallest numbers (12.9 px) stay 12 px tall at
#: 480p (at 0.8 they fell to 10.3)
SQUARE_SHRINK, SQUARE_LEFT, SHRINK_SECONDS = 0.94, -6.55, 1.0
GROW, GROWN_CENTER = 1.03, (3.1, -0.25)
#: the cube's edges, (Manim stroke width, opacity): those at the corner farthest from the
#: camera (behind the lattice), the six others, those at the nearest corner: the box's depth
#: told by its lines as its guesses' by their size and shade
EDGE_STYLES = ((1.0, 0.3), (1.5, 0.6), (2.2, 0.9))
#: the share of the stacking's seconds it eases in (and out) over: the planes rise in one
#: steady move, not in steps
STACK_EASE = 0.15
#: the floor's grid (Manim stroke width, opacity): a line on the floor w3 = 0 under each row of
#: the lattice, both ways, thin and faint, under the guesses: the columns stand on it and its
#: lines close up with the distance (without it the lattice floated in its box); drawn with
#: the box, so the square's copy lands on it
FLOOR_WIDTH, FLOOR_OPACITY = 1.0, 0.4
LABEL_GAP = 1.2  # the floor labels' first place, out from their axes (Axes3D's label_gap)
#: the cube's floor labels, each beside its own axis's middle number, LABEL_OUT (scene units,
#: 24 px or more) from it: never beside the other floor axis's numbers at a corner, where it
#: would read as that axis's label (the w1 label once stood past w1's end, beside w2's numbers)
LABEL_OUT = 0.42
#: w1's label out past its numbers (scene units), square to its axis, at W1_AT along it (0.36:
#: nearer its 0.5 than any other number, 24 px or more from every word along the orbit)
W1_OUT = 0.12
W1_AT = 0.36
#: the upright axis's numbers moved this much further left of it (scene units): the lattice's
#: dots by the axis stay clear of them
UPRIGHT_OUT = 0.12
W2_DROP = 0.7  # w2's label below its middle number's row, a share of its height
#: w2's numbers moved this far (scene units) apart along their axis, each off its tick: seen
#: from the low camera w2 runs away from it, drawn short
W2_SPREAD = 0.08
#: the halo (Manim stroke width, page colour) under the cube's axes' words: the lattice's
#: guesses pass under them as the camera turns
WORD_CASING = 6.0
#: the copy shows only NUMBER_CLEAR (scene units) right of the square's w1 axis's last number
NUMBER_CLEAR = 0.1


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
            "orbit": "The square moves aside and stays beside the cube; the camera turns slowly "
                      "round the cube at one height, so the depth of its lattice of guesses "
                      "reads.",
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
                         TOP + HEAD_ABOVE, tail_one=self.text("guess", 28))

    def reword(self, head: CountLine, dims: int) -> tuple[CountLine, list]:
        """The line of `dims` weights, its count as `head` shows it (no power yet), and the
        animations that turn the whole of `head` into it in one play, in place: "1 weight: 10¹
        = 10 guesses" fades out whole, then "2 weights: 10 guesses" fades in whole (staging.
        swap: never one line over the other). No part removed first (fading the power out
        alone left a hole in the line until the words closed up on it), no glyph morphed."""
        new = self.head(dims, head.centre_x).show_count(int(head.count.get_value()))
        return new, swap(head, new)

    def write_power(self, head: CountLine, dims: int):
        """Room made for the power as the power fades in whole in it (grown into the room, its
        glyphs stood as fragments before the count for a moment): it comes as the room opens
        (POWER_IN of the play), so the room never stands empty long (coming once the room was
        nearly made, it left a blank gap in the line for a moment)."""
        power = self.power(dims)
        moves = head.make_room(power)
        self.play(*(prepare_animation(m).set_rate_func(eased_part(0.0, 0.55)) for m in moves),
                  power.animate(rate_func=eased_part(*POWER_IN)).set_opacity(1.0),
                  run_time=POWER_SECONDS)

    def lattice_points(self) -> tuple[np.ndarray, np.ndarray]:
        """The lattice's guesses shown now, where they are drawn in weight space: the planes of
        constant w3 rise out of the one below (rising_slots of self.planes)."""
        k = np.searchsorted(self.axis, self.points3[:, 2])  # each guess's plane
        shown, slot = rising_slots(k, self.planes.get_value())
        pts = self.points3.copy()
        pts[:, 2] = self.axis[0] + slot * (self.axis[1] - self.axis[0])
        return pts[shown], shown

    def grown(self) -> float:
        """How many times its first size the cube is drawn now."""
        return float(self.view.lengths[0] / CUBE)

    def disc_sizes(self, depth: np.ndarray) -> np.ndarray:
        """0 (far) .. 1 (near) over the whole lattice's depth for this camera."""
        full = self.view.project(self.points3)[1]
        span = np.ptp(full) or 1.0
        return np.clip((depth - full.min()) / span, 0.0, 1.0)

    def lattice(self) -> VGroup:
        """LAYERS VMobjects, far to near, re-filled from the camera every frame."""
        t = self.theme
        far = mix(t.background, t.data, contrast_mix(t.background, t.data, FAR_CONTRAST))
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
            radius = RADIUS * self.grown() * (RADIUS_FAR + RADIUS_SPAN * d)
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

    def cube_edges(self) -> VGroup:
        """The cube's twelve edges, thin, carrying the perspective, in three strokes by depth
        (EDGE_STYLES): the three at the corner farthest from the camera, seen through the
        lattice, faintest; the three at the nearest corner firmest; the six others between.
        Redrawn from the camera each frame (the orbit, inside one quadrant, keeps its far and
        near corners)."""
        muted = self.theme.muted
        edges = VGroup(*(VMobject(stroke_color=muted, stroke_width=w, stroke_opacity=o)
                         for w, o in EDGE_STYLES))
        corners = np.array([[a, b, c] for a in (LOW, HIGH) for b in (LOW, HIGH)
                            for c in (LOW, HIGH)])
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

        def depth_class(seg, far, near):
            ends = [tuple(p) for p in seg]
            return 0 if far in ends else 2 if near in ends else 1

        def draw(group):
            depth = self.view.project(corners)[1]
            far, near = tuple(corners[depth.argmin()]), tuple(corners[depth.argmax()])
            kind = [depth_class(seg, far, near) for seg in segs]
            for k, mob in enumerate(group):
                set_polylines(mob, (self.view.project(seg)[0]
                                    for seg, c in zip(segs, kind) if c == k))
            self.edge_kinds = kind
            return group

        draw(edges)
        edges.add_updater(draw)
        self.edge_segments = segs
        return edges

    def floor_grid(self) -> VMobject:
        """A line on the floor (w3 = LOW) under each row of the lattice, both ways
        (FLOOR_WIDTH, FLOOR_OPACITY), redrawn from the camera each frame."""
        grid = VMobject(stroke_color=self.theme.muted, stroke_width=FLOOR_WIDTH,
                        stroke_opacity=FLOOR_OPACITY)
        segs = []
        for v in self.axis:
            segs.append(np.array([[v, LOW, LOW], [v, HIGH, LOW]]))
            segs.append(np.array([[LOW, v, LOW], [HIGH, v, LOW]]))
        self.floor_segments = np.array(segs)

        def draw(mob):
            return set_polylines(mob, (self.view.project(seg)[0] for seg in segs))

        draw(grid)
        grid.add_updater(draw)
        return grid

    def place_floor_labels(self, axes: Axes3D) -> Axes3D:
        """Each axis's label by its middle number (0.5) (after Axes3D's own placing): w1's out
        past its numbers, between its unnumbered start and its 0.5 (W1_AT), off the number's
        row; w2's right of its number, LABEL_OUT from it,
        W2_DROP of its height below the number's row (w2's axis rises to the right: on the row,
        the label came within 24 px of w2's 1.0 as the camera passed the cube's corner); w3's
        left of its axis, on the row of its 0.5 (above the axis's top it rose into the count
        line as the camera turned the axis's corner away), LABEL_OUT left of it. The upright
        axis's numbers stand UPRIGHT_OUT further left of it than Axes3D puts them."""
        mid = 0.5 * (LOW + HIGH)
        view = axes.view
        y_edge, _, (cx, cy) = axes.edges()
        for num in axes.numbers[2]:  # the upright axis's numbers further out, left
            num.shift(LEFT * UPRIGHT_OUT)
        # w2's two numbers spread apart along their axis: w2 runs away from the low camera,
        # drawn short, and its 0.5 and 1.0 stood within 24 px of each other
        half, end = axes.numbers[1]
        along = view.p(LOW, HIGH, LOW) - view.p(LOW, LOW, LOW)
        along = along / np.linalg.norm(along)
        half.shift(-W2_SPREAD * along)
        end.shift(W2_SPREAD * along)
        for axis in range(3):
            num = axes.numbers[axis][list(axes.ticks[axis]).index(mid)]
            label = axes.labels[axis]
            if axis == 0:
                # out from its axis as far as its numbers' far side and W1_OUT past it, at W1_AT
                # along the axis, between its unnumbered start and its 0.5: never on the row of
                # a number (beside its 0.5, "w1 0.5" read as one)
                tick = view.p(mid, y_edge, LOW)
                out = num.get_center() - tick
                out[2] = 0.0
                out = out / np.linalg.norm(out)
                reach = float(np.linalg.norm(num.get_center() - tick)) + 0.5 * (
                    abs(out[0]) * num.width + abs(out[1]) * num.height)
                label.move_to(view.p(W1_AT, y_edge, LOW) + out * (
                    reach + W1_OUT + 0.5 * (abs(out[0]) * label.width
                                            + abs(out[1]) * label.height)))
            elif axis == 1:
                label.next_to(num, RIGHT, buff=LABEL_OUT).shift(DOWN * W2_DROP * label.height)
            else:
                label.next_to(num, LEFT, buff=LABEL_OUT)
        return axes

    def axis_words(self) -> list:
        """The cube's axes' tick numbers and labels."""
        return [m for nums in self.axes3.numbers for m in nums] + list(self.axes3.labels)

    def record(self, dims: int, head: CountLine, drawn: np.ndarray):
        self.stages.append((dims, head.count.get_value(), drawn))

    def drawn_2d(self, raised: float = 0.0) -> np.ndarray:
        """The square's guesses drawn now, as (w1, w2); `raised`: how far (scene units) the
        line of one weight stands above its place at the square's foot."""
        return np.array([self.ax2.p2c(c - [0.0, raised, 0.0])
                         for c in self.dots2.drawn()]).reshape(-1, 2)

    # -- sections ------------------------------------------------------------------

    def section_line(self):
        """One weight: its 10 guesses appear one by one along w1, counted."""
        t = self.theme
        title = self.text("One more weight: ten times the guesses", 32).to_edge(
            UP, buff=TITLE_BUFF)
        self.title = title
        ax = themed_axes(t, [LOW, HIGH, 0.5], [LOW, HIGH, 0.5], SIDE_2D, SIDE_2D, "w_1")
        # w2 left of its axis between its 0.5 and 1, in their column (W2_AT); the one 0 of both
        # axes at their corner
        w2 = MathTex("w_2", font_size=32, color=t.text).move_to(ax.c2p(LOW, W2_AT))
        w2.align_to(max((n for n in ax.y_axis.numbers), key=lambda n: n.get_right()[0]), RIGHT)
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
        # one weight: its guesses on its axis (no w2 yet), lifted to w2's first value as the
        # second axis comes; the one 0 under the axis's start, moved to the corner then
        self.lift = rows[0, 0, 1] - ax.c2p(LOW, LOW)[1]
        self.dots2.shapes[..., 1] -= self.lift
        self.dots2.centres[..., 1] -= self.lift
        self.zero_corner = zero.get_center().copy()
        zero.set_x(ax.c2p(LOW, LOW)[0])
        # the one weight's line at the height of the square's middle, where the square will
        # grow (at the square's foot it left the frame empty above it); it comes down to the
        # foot as the second axis comes
        self.line_parts = (ax.x_axis, ax.labels[0])
        for m in (*self.line_parts, zero):
            m.shift(UP * LINE_RAISE)
        self.dots2.shapes[..., 1] += LINE_RAISE
        self.dots2.centres[..., 1] += LINE_RAISE
        self.ax2, self.frame2, self.w2_label, self.zero = ax, frame, w2, zero
        self.head2 = self.head(1, CENTRE_X_2D)
        # over the one weight's line while it stands raised (it goes up as the line comes down)
        self.head2.top = ax.x_axis.get_start()[1] + HEAD_ABOVE
        self.head2.layout()
        self.play(FadeIn(title), run_time=0.6)
        # one weight, one axis: w2's axis and the square's frame come with the second weight;
        # the axis drawn, its numbers faded in (drawn, digits blot)
        numbers = ax.x_axis.numbers
        ax.x_axis.remove(numbers)
        self.play(Create(ax.x_axis), FadeIn(numbers), FadeIn(ax.labels[0]), FadeIn(zero),
                  FadeIn(self.head2), run_time=1.0)
        ax.x_axis.add(numbers)
        self.add(self.dots2.show_first(0))

        self.play(*counted(self.dots2, lambda m, a: m.show_first(a * BINS), self.head2,
                           lambda a: int(round(a * BINS))),
                  run_time=STEP_SECONDS[1], rate_func=linear)
        self.record(1, self.head2, self.drawn_2d(LINE_RAISE))
        self.write_power(self.head2, 1)
        self.wait(0.2)

    def section_square(self):
        """Two weights: copies of the line rise out of it, one after another, into the square."""
        shapes, centres = self.dots2.shapes.copy(), self.dots2.centres.copy()

        def shifted(up):
            def place(m, alpha):  # alpha is already eased (the play's rate function)
                m.shapes = shapes + [0.0, up(alpha), 0.0]
                m.centres = centres + [0.0, up(alpha), 0.0]
                m.show_first(BINS)
            return place

        # one change at a time: the line comes down to the square's foot, its guesses on it
        # (one move, one easing: the guesses never leave the axis on the way), then the
        # second axis and the square's frame are drawn up from it, its numbers faded in whole
        # (drawn, a number reads "0." for a moment), as the guesses lift to w2's first value
        # the count line stays as its line comes down, and comes back at the square's top as it
        # names two weights (reword: faded out, then in, never slid): slid up as the line slid
        # down, the two moving apart on a nearly empty page took 0.44 of the frame's ink from
        # one frame to the next
        self.play(*(m.animate.shift(DOWN * LINE_RAISE) for m in self.line_parts),
                  UpdateFromAlphaFunc(self.dots2, shifted(lambda a: -LINE_RAISE * a)),
                  self.zero.animate.move_to(self.zero_corner), run_time=0.8)
        y_axis = self.ax2.y_axis
        numbers = y_axis.numbers
        y_axis.remove(numbers)
        # the count line names two weights as the second weight's axis comes (named before,
        # it read "2 weights" over the one weight's line)
        self.head2, reword = self.reword(self.head2, 2)
        self.play(Create(y_axis), FadeIn(numbers), FadeIn(self.w2_label), Create(self.frame2),
                  *reword,
                  UpdateFromAlphaFunc(self.dots2,
                                      shifted(lambda a: -LINE_RAISE + self.lift * a)),
                  run_time=0.8)
        y_axis.add(numbers)

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
        self.floor = self.floor_grid()
        self.axes3 = Axes3D(self.view, ([0.5, 1], [0.5, 1], [0.5, 1]), ("w_1", "w_2", "w_3"),
                            t.muted, t.text, apart=True, label_gap=LABEL_GAP)
        drawn = self.axes3.update_from_view  # its updater's and fade_in's: the labels after it
        self.axes3.update_from_view = lambda: self.place_floor_labels(drawn())
        self.axes3.update_from_view()
        # the axes' words over the lattice's guesses, each on a halo of the page colour (a
        # casing), so they read as the guesses pass under them
        for word in self.axis_words():
            word.set_stroke(t.background, width=WORD_CASING, background=True).set_z_index(3)
        self.head3 = self.head(3, CUBE_CENTER[0])
        # one change at a time: the empty box and its floor's grid; the square's copy flies into
        # its floor (nothing written yet on its way, so it passes over no word and no count
        # stands beside a copy in flight); then the box's labelled axes, and its count, 100,
        # once the copy has landed
        # all twelve edges at once, faded in (drawn, they came piece by piece: a part of the top
        # edge, a gap in a right one)
        self.edges_in = FadeIn(self.edges)
        self.play(self.edges_in, FadeIn(self.floor), run_time=0.8)
        self.fly_to_floor()
        self.layers = self.lattice()
        self.play(FadeIn(self.layers), self.flying.animate.set_opacity(0.0), run_time=0.4)
        self.remove(self.flying)
        self.head3.set_opacity(1.0).layout()
        self.play(self.axes3.fade_in(), FadeIn(self.head3), run_time=0.8)
        self.caption_next()

        def planes(a):  # one steady rise: each copy leaves the one before as it settles
            return 1 + (BINS - 1) * steady(a, STACK_EASE)

        self.play(*counted(self.planes, lambda m, a: m.set_value(planes(a)), self.head3,
                           lambda a: self.counts[2] * int(np.ceil(planes(a) - 1e-9))),
                  run_time=STEP_SECONDS[3], rate_func=linear)
        self.record(3, self.head3, self.lattice_points()[0])
        self.write_power(self.head3, 3)

    def fly_to_floor(self):
        """A copy of the square's guesses slides out from under it (the square stays: each
        guess of the copy shows once past the square's right edge, EMERGE) and goes, in one
        smooth move, straight to the cube's floor (w3 at its first value), taking the floor's
        perspective on the way: each guess on a curve that comes down into the box (ARRIVE), so
        that it lands inside it; no axis is written yet. The cube's count, unseen while the copy
        flies, stays at 0 and reads its 100 guesses once it has landed (then it is shown).
        Each change of the count is recorded in self.landings as (count shown, guesses landed,
        in weight coordinates); self.flight keeps the animations."""
        self.planes.set_value(1.0)
        floor, _ = self.lattice_points()
        unit = Circle(radius=1.0).points
        m = len(unit)

        flying = self.dots2.copy().set_z_index(2)
        starts, radii0, ons = [], [], []
        for row in flying:
            shapes = row.points.reshape(-1, m, 3)
            c0 = shapes.mean(axis=1)
            starts.append(c0)
            radii0.append(np.abs(shapes[:, :, 0] - c0[:, None, 0]).max(axis=1))
            w = np.array([self.ax2.p2c(c) for c in c0])
            ons.append(floor[np.linalg.norm(w[:, None, :] - floor[None, :, :2],
                                            axis=2).argmin(axis=1)])
        sizes = [len(c) for c in starts]
        c0, r0, on = np.concatenate(starts), np.concatenate(radii0), np.concatenate(ons)
        h, depth = self.view.project(on)
        hr = RADIUS * (RADIUS_FAR + RADIUS_SPAN * self.disc_sizes(depth))
        ctrl = h + np.array([*ARRIVE, 0.0])
        # the square's right edge, or its w1 axis's last number's right (the copy's lowest rows
        # pass it on their way down): the copy shows only right of both
        edge = max(self.ax2.c2p(HIGH, LOW)[0],
                   self.ax2.x_axis.numbers[-1].get_right()[0] + NUMBER_CLEAR)

        def where(alpha):
            """The copy's centres and radii at alpha of the flight (0 where not shown)."""
            e = smooth(alpha)
            centres = ((1 - e) ** 2 * c0[:, :]
                       + 2 * e * (1 - e) * ctrl + e**2 * h)
            shape = smooth(min(e / 0.6, 1.0))  # the floor's perspective before it arrives
            radii = (1 - shape) * r0 + shape * hr
            # out from under the square: nothing left of its edge (and number), growing past it
            radii = radii * np.clip((centres[:, 0] - edge) / EMERGE, 0.0, 1.0)
            return centres, radii

        self.flight_path = where
        self.flight_ends = (c0, h)
        self.landings = []
        self.flying = flying
        self.add(flying)

        def place(group, alpha):
            centres, radii = where(alpha)
            at = 0
            for row, k in zip(group, sizes):
                c, r = centres[at:at + k], radii[at:at + k]
                at += k
                out = r > 0
                if not out.any():
                    row.clear_points()
                    continue
                row.points = (c[out, None, :] + r[out, None, None] * unit).reshape(-1, 3)
            self.landed = on if alpha >= 1.0 else np.zeros((0, 3))
            return group

        def count(line, alpha):  # the copy counted once it has landed (shown after)
            line.show_count(len(self.landed)).set_opacity(0.0)
            if not self.landings or self.landings[-1][0] != len(self.landed):
                self.landings.append((line.count.get_value(), self.landed))

        self.axes3.update_from_view()

        self.flight = [UpdateFromAlphaFunc(flying, place),
                       UpdateFromAlphaFunc(self.head3, count)]
        # the count kept, unseen, while the copy flies: it is shown once the copy has landed
        self.shown_in_flight = set(self.mobjects)
        self.play(*self.flight, run_time=FLIGHT_SECONDS, rate_func=linear)
        self.record(3, self.head3, self.landings[-1][1])

    def make_room(self):
        """The square, with its count line, shrinks towards the frame's left edge (one change
        at a time: before the cube moves), and stays, beside the cube, through the orbit."""
        square = VGroup(self.ax2, self.frame2, self.dots2, self.head2)
        self.square, self.square_width = square, square.width
        corner = square.get_corner(UP + LEFT)
        target = np.array([SQUARE_LEFT, corner[1], 0.0])
        self.play(square.animate.scale(SQUARE_SHRINK, about_point=corner).shift(target - corner),
                  run_time=SHRINK_SECONDS)

    def settle(self):
        """An updater's function (m, alpha) that moves the cube (its guesses and count line
        with it) to GROWN_CENTER and grows it GROW times as alpha runs 0 → 1, its count line
        over it."""
        start = self.view.center.copy()
        end = np.array([*GROWN_CENTER, 0.0])
        head = self.head3
        top = (head.top, head.top)

        def grow(m, alpha):
            e = steady(alpha)
            self.view.center = start + e * (end - start)
            self.view.lengths = np.full(3, CUBE * (1.0 + (GROW - 1.0) * e))
            head.centre_x = start[0] + e * (end[0] - start[0])
            head.top = top[0] + e * (top[1] - top[0])
            head.layout()

        return grow

    def section_orbit(self):
        """The square makes room for the cube (it stays, smaller, at the left); then the camera
        orbits the lattice, one turn at one height at a steady pace (eased in and out), so its
        depth reads, while the cube settles into the room left: a slow drift over the whole
        orbit (a quicker move of its thousand small dots, more than a dot's width a frame, read
        as dots vanishing and others appearing); then it holds."""
        self.make_room()
        self.play(self.view.theta.animate(rate_func=steady).set_value(THETA1),
                  UpdateFromAlphaFunc(ValueTracker(0.0), self.settle(), rate_func=linear),
                  run_time=ORBIT_SECONDS)
        self.wait(HOLD_SECONDS)

    SECTIONS = sections(section_line, section_square, section_cube, section_orbit)
