"""Three learning rates, one start: the paths over the contours of J, J per step, and the three
rates on an α axis that marks the stability limit 2/h_max (h_max, the steepest curvature of
J: the largest eigenvalue of its Hessian; λ stays the regularisation strength of J_λ). The α
axis is one linear scale (ticks every 0.05), each rate's name and value under its own dot; the
limit, just under the large rate, is labelled above the axis, clear of the rates; h_max is
defined in a note of its own left of that label, well apart from it, between the title and the
axis.

The rates are COST_DESCENT.learning_rates (too small, good, too large > the stability limit);
the runs are gdcore's COST_DESCENT.run_learning_rates(), the still's. The set-up is brisk and
named as it comes: the map under the title that names it (the cost J), the α axis with
its limit, then the three rates on it, each named under its dot, with the cost chart. The small
and the good rate run first. Then the large rate's first COST_DESCENT.shown_steps steps: their box
is marked on the map (in its frame's muted weight) and the camera zooms onto it: one map whose
window closes from the map's to the box's (a true magnification: the map's own scale of b to m), its
ticks, numbers, paths and start redrawn from the window every frame and the box growing with
it to the map's own frame, where it becomes the zoom's one frame (never two maps, one fading
into the other); the ends and the minimum, which the zoom leaves out, fade as they leave. The zoom
draws the valley's floor dotted, in ink (where gdcore's distance across the valley is 0),
named "valley floor" beside it, over the paths. The steps are played one at a time, each an
arrow from wall to wall, the older ones fading to a ghost as each new one lands (the last three
only, the rest gone) and the newest landing numbered (the safe paths faded under them meanwhile),
with the distance from the floor after it, read in a line and seen as a bar beside the map,
one per jump, standing on a baseline of their own (solid, over the cost chart's foot), under
what their height is ("bar height: distance from the valley floor") and the newest bar's
value; the note over them, in a band of its own between the rates' labels and the cost plot,
says that this distance is multiplied by |1 − α h_max| ≈ 1.042 each jump (GROWTH_PLACES: the
precision at which 1.042² ≈ 1.09 holds as written); the step's line and the bar's value change
in one frame as each jump lands (never digits over digits). Then the zoom's paths and
arrows fade, and the window opens from the zoom's to the map's, one continuous change (the map,
its ticks and numbers, the paths, the start and a dot where each shown step landed redrawn from
the window every frame: nothing drawn twice, no path gone for a moment); the ends and the
minimum fade back in. Then the
run is fast-forwarded as a short comet tail and its landing dots (never the whole zig-zag, which
would fill in to one shape), up to where it leaves the map (marked, with its step); the tail
goes as the mark comes, the dots stay, so that the last frame shows all three runs (the tail's
last jump, from wall to wall, lay across the start and the other two paths), while its cost
curve leaves the top of the plot (an arrow where it is cut at the chart's top), where a note
says what happened: the distance grows ×1.042 a step, so J, its square, grows ×1.09 a step.
Last, J* is written and held.
Render alone with: manim -ql scenes/learning_rates.py LearningRates
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Group,
    GrowArrow,
    GrowFromEdge,
    ImageMobject,
    Line,
    LineJointType,
    MathTex,
    Polygon,
    Star,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    linear,
    smooth,
    squish_rate_func,
)

from gdcore import data, descent, races, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import numbers as nb
from gdviz import views
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    cased,
    contour_image,
    contour_rgba,
    head_dot,
    line_pixels,
    log_time,
    loss_axes,
    map_axes,
    map_pixels,
)
from gdviz.manim_theme import TICK_SIZE, ThemedScene, sections, styled_line

WINDOW = (views.M_RANGE, views.B_RANGE)
#: Seconds per shown jump of the large rate (the key moment), and the pause after each.
JUMP_SECONDS = 0.7
JUMP_PAUSE = 0.35
#: Seconds of each of the small and good runs (the set-up), and of the fast-forward to where the
#: large run leaves the map (its cost climbing on the chart meanwhile: slow enough to follow).
RUN_SECONDS = 3.0
FORWARD_SECONDS = 3.0
#: Steps in the fast-forward's comet tail.
FORWARD_TAIL = 2
#: The cost plot's height and the y of its t axis: low and short enough that the note on the
#: large rate's jumps has a band of its own between the rates' labels and the plot's J.
PLOT_HEIGHT, PLOT_FOOT = 1.85, -3.08
#: The least room (scene units) round the jump note in its band: 12 px at 480p.
NOTE_BAND = 0.2
#: The size of the words beside the map while the large rate jumps (the note on its growth, the
#: step row, the bars' name and value): 26, a size over the house's least, in ink.
NOTE_SIZE = 26
#: The room between the note's lines and the step row (scene units).
NOTE_LEADING = 0.1
#: Seconds the least cost J* stands on screen at the end, from the start of its writing, at
#: least (it comes in as the large run's cost climbs off the chart); the hold after the closing
#: note's first line; the last still stretch.
RESULT_HOLD, LINE_HOLD, FINAL_HOLD = 3.5, 1.4, 1.8
#: The words over the cost plot: at least NOTE_CLEAR (scene units, 27 px at 480p) right of its
#: J axis label; the closing note's right edge at NOTE_RIGHT (the frame's 24 px margin and more).
NOTE_CLEAR = 0.45
NOTE_RIGHT = 6.6
#: Stroke widths of the two safe paths and the casing (each side) of the small one, which lies
#: over the good one where they share the valley: the good one shows GOOD_WIDTH − SMALL_WIDTH −
#: 2 SMALL_CASING = 6 units (1.8 px at 480p, 4 px at 1080p) either side of the small's core.
GOOD_WIDTH, SMALL_WIDTH, SMALL_CASING = 12.0, 4.0, 1.0
#: The small rate's path runs in a lane of its own beside the good one (as the races' runs do),
#: the same few pixels off at every size of the map (the zoom too): one screen offset, up and
#: right, across both of the paths' legs (along the valley, and across it at the start), so
#: that the two read apart from the start (0.08 units: 3.5 px between their centres across each
#: leg at 480p; the good path's half width is 1.8 px), and the small one's end stands where it
#: crawled to beside the good one.
SMALL_LANE = 0.08 * np.array([0.55, 0.83, 0.0]) / np.hypot(0.55, 0.83)
#: The zoom onto the large rate's first steps, which takes the map's own frame (nothing
#: beside or over the map is hidden): a true magnification, b and m keeping the map's ratio of
#: room per unit (so the level lines keep their angles and the start ring stays round); its
#: m range is those steps' with ZOOM_PAD of it either side, its b range as many times smaller
#: than the map's, centred on the steps and kept inside the map. ZOOM_SECONDS: the zoom in
#: and the zoom out, each one map whose window moves at an even pace: slow enough that the
#: map's level lines, moving, never take a fifth of the frame's ink from one frame to the
#: next (1.6 s: 0.21 in the dark theme).
ZOOM_PAD = 0.06
ZOOM_SECONDS = 2.0
#: The distance from the valley floor after each shown jump, as a bar beside the map (the growth
#: seen, not only read): BAR_WIDTH wide at BAR_PITCH, BAR_GAP right of the map's frame, on a
#: baseline of their own (solid, in the frames' muted ink) BAR_LIFT over the map's bottom; the
#: tallest BAR_TOP high. (On a dotted line level with the map's bottom, it read as the cost
#: chart's dotted J* line run on to the left, 2 px from its height.) The older
#: jumps' arrows in the zoom fade as each new one lands: the last three before the newest stay
#: as ghosts, GHOSTS (one after the other, fainter with age), the older ones fade out whole, so
#: that their ghosts never pile into one pale band and only the newest jumps read.
BAR_WIDTH, BAR_PITCH, BAR_GAP, BAR_TOP, BAR_LIFT = 0.09, 0.15, 0.3, 1.5, 0.55
#: Over the bars: the newest bar's value, and above the tallest bar's value (BAR_VALUE_ROOM
#: over its top) what the bars measure; both MAP_CLEAR (12 px at 480p) or more right of the
#: map's frame.
BAR_VALUE_ROOM, MAP_CLEAR = 0.52, 0.2
GHOSTS = (0.3, 0.15, 0.06)
#: The newest shown jump's number beside its landing dot in the zoom, TAG_OFF (scene units) from the
#: dot's centre across the jump; the safe paths faded to OTHERS in the zoom while the large
#: rate jumps (they run under its jumps, which they would thicken into one band).
TAG_OFF, OTHERS = 0.32, 0.3
#: The zoom's dotted floor named beside it, the name's foot FLOOR_LABEL_UP (units of b) above
#: the zoom's foot and FLOOR_GAP (scene units, 15 px at 480p) right of the floor there; the
#: halo round the name's letters and the jumps' numbers (casing units each side: 1.2 px).
FLOOR_LABEL_UP, FLOOR_GAP, FLOOR_HALO = 5.0, 0.25, 4.0
#: The radius of a shown jump's landing dot on the map (the zoom's: 0.05); the part of the zoom
#: out over which the ends of the safe runs and the minimum, which the zoom left out, come back.
LANDING, ARRIVE = 0.04, 0.4
#: The α axis: one linear scale from 0 to ALPHA_MAX, its ticks (the large rate 0.14 lies a dot's
#: width right of the limit 0.137: honest, and the dot still clear of the limit's line).
ALPHA_MAX = 0.16
ALPHA_TICKS = (0.0, 0.05, 0.10, 0.15)
ALPHA_LENGTH = 5.6
#: The α axis's height: low enough under the title that the definition of h_max stands
#: between the two, clear of both (and of the limit's label beside it).
ALPHA_Y = 2.04
#: The least room (scene units) between the definition of h_max and the limit's label beside it
#: (48 px at 480p: two notes, never one line), and between it and anything else (12 px).
DEF_APART, DEF_CLEAR = 0.8, 0.2
#: Radius of a rate's dot on the α axis.
RATE_DOT = 0.07
#: Decimals of every rate on screen (the ticks' precision).
RATE_PLACES = 2
#: Decimals of the distance's growth per jump |1 − α h_max| (1.042) and of J's per step, its
#: square (1.09): at two decimals the first would read 1.04, and 1.04² ≈ 1.08, not 1.09.
GROWTH_PLACES, J_GROWTH_PLACES = 3, 2
#: The largest curvature of J (the largest eigenvalue of its Hessian), as set on screen and in
#: the still; not λ, which is the penalty's strength everywhere in the chapter.
H_MAX = r"h_{\mathrm{max}}"


def drawn_path(points) -> np.ndarray:
    """The part of a path drawn on the map: all of it if it stays inside, else up to its FIRST
    exit, ending on the map's edge (the first piece of races.clip_polyline; paths start
    inside the map)."""
    return races.clip_polyline(points, WINDOW)[0]


class AlphaAxis(VGroup):
    """The α axis: a line from 0 to ALPHA_MAX with ALPHA_TICKS, one linear scale; n2p / p2n map
    a rate to a point and back."""

    def __init__(self, theme, tick_label, length: float = ALPHA_LENGTH):
        super().__init__()
        self.length = length
        self.scale_u = length / ALPHA_MAX
        self.line = Line(ORIGIN, length * RIGHT, color=theme.muted, stroke_width=2)
        self.ticks = VGroup(*(Line(0.08 * DOWN, 0.08 * UP, color=theme.muted, stroke_width=2)
                              .move_to(self._x(a) * RIGHT) for a in ALPHA_TICKS))
        self.numbers = VGroup(*(tick_label(a).next_to(self._x(a) * RIGHT, DOWN, buff=0.18)
                                for a in ALPHA_TICKS))
        self.add(self.line, self.ticks, self.numbers)

    def _x(self, a) -> float:
        return float(a) * self.scale_u

    def n2p(self, a) -> np.ndarray:
        return self.line.get_start() + self._x(a) * RIGHT

    def p2n(self, p) -> float:
        return float((p[0] - self.line.get_start()[0]) / self.scale_u)


def runs() -> dict[str, descent.Trajectory]:
    """label -> the descent with that rate (COST_DESCENT.learning_rates order)."""
    return COST_DESCENT.run_learning_rates()


def jump_text(k: int, d_prev: float, d: float) -> tuple[str]:
    """The line under jump k (under the note that names the distance from the valley floor,
    across the valley in the units of m and b): that distance before and after it."""
    return (f"step {k}: {nb.text(abs(d_prev), places=2)} → {nb.text(abs(d), places=2)}",)


def own_numbers(axes) -> VGroup:
    """The words and numbers of a map's axes (its tick numbers and axis letters), taken out
    of the axes into a group of their own."""
    numbers = VGroup(*(m for m in axes.submobjects if isinstance(m, MathTex)))
    axes.remove(*numbers)
    return numbers


def own_frame(axes) -> VMobject:
    """A map's frame (gdviz.manim_blocks.map_axes), taken out of its axes."""
    axes.remove(axes.frame)
    return axes.frame


def aged_opacity(age: int) -> float:
    """The opacity of a shown jump `age` jumps after it was drawn (0: the newest): the last few
    older ones a fainter ghost with each jump (GHOSTS), the rest gone, so that the jumps never
    stack into one bar."""
    if age == 0:
        return 1.0
    return GHOSTS[age - 1] if age <= len(GHOSTS) else 0.0


def j_text(v: float) -> str:
    """A cost in the captions, as every still writes one (gdviz.numbers.cost: 0.00903)."""
    return nb.cost(v)


class LearningRates(ThemedScene):

    @classmethod
    def captions(cls):
        x, y = data.regression_points()
        trs = runs()
        (small, a_small), (good, a_good), (too, a_large) = COST_DESCENT.learning_rates
        large = trs[too]
        d = COST_DESCENT.across_valley(large)
        shown, growth = COST_DESCENT.shown_steps, COST_DESCENT.growth_factor
        j_star = regression.cost(*regression.least_squares(x, y), x, y)
        steps = nb.count(COST_DESCENT.steps)
        return {
            "setup": f"A contour map of the cost J with the start and the minimum; an axis of "
                     f"rates α, the limit {nb.text(COST_DESCENT.max_stable_rate, places=3)} "
                     f"marked, and on it the three rates, named: too small, good, too large; "
                     f"a chart of J per step.",
            "small-and-good": f"The good rate, α = {nb.text(a_good)}, runs {steps} steps "
                              f"down the valley to the minimum, J = "
                              f"{j_text(trs[good].losses[-1])}; the too small rate, α = "
                              f"{nb.text(a_small)}, crawls and ends at J = "
                              f"{j_text(trs[small].losses[-1])}.",
            "jumps": (f"The too large rate, α = {nb.text(a_large)}, zoomed in: each step jumps "
                      f"from wall to wall.",
                      f"Each jump lands farther from the dotted valley floor, "
                      f"×{nb.text(growth, places=3)} a jump: {nb.text(abs(d[0]), places=2)} to "
                      f"{nb.text(abs(d[shown]), places=2)} in {shown} steps."),
            "fast-forward": "The view opens out to the whole map and the run speeds on: its "
                            f"path leaves the map at step {len(drawn_path(large.points)) - 1}.",
            "result": (f"Only the good rate comes close to J* = {j_text(j_star)}: it ends at "
                       f"J = {j_text(trs[good].losses[-1])}.",
                       f"The large rate's cost leaves the top of the chart at step "
                       f"{COST_DESCENT.leaves_plot(large)}, J growing "
                       f"×{nb.text(growth ** 2, places=2)} a step."),
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.runs = runs()
        self.names = [name for name, _ in COST_DESCENT.learning_rates]
        self.large = self.runs[self.names[-1]]
        self.exit_step = len(drawn_path(self.large.points)) - 1
        self.leaves = COST_DESCENT.leaves_plot(self.large)
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.steps = {name: ValueTracker(0) for name in self.names}
        t = self.theme
        self.colors = {name: t.rate(name) for name in self.names}

    def section_setup(self):
        t = self.theme
        # the title names the map under it (the cost J over the line's m and b, its axes)
        title = self.mixed("Three learning rates, one start, on the cost $J$", 34)
        title.to_edge(UP, buff=0.42)
        ax = map_axes(t, [*views.M_RANGE, 1], [*views.B_RANGE, 2], 4.1, 5.6, "m", "b")
        ax.move_to(np.array([-3.9, -0.28, 0]))
        # its numbers apart, so that they can go and come back without the map (the zoom)
        self.ax_numbers = own_numbers(ax)
        M, B, J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                       views.GRID_SIZE)
        img = contour_image(t, M, B, J, ax, levels=views.CONTOUR_LEVELS)
        self.map_img = img
        star = Star(outer_radius=0.16, color=t.mark_color("minimum"),
                    fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(4)
        start = Circle(radius=0.09, color=t.text, stroke_width=3).set_fill(t.background, 1)
        start.move_to(ax.c2p(*COST_DESCENT.start)).set_z_index(5)

        # the α axis: the three rates and the stability limit
        line = AlphaAxis(t, lambda a: self.tex(nb.latex(a, places=2), TICK_SIZE))
        line.shift(np.array([3.25, ALPHA_Y, 0]) - line.line.get_center())
        a_lab = self.tex(r"\alpha", 34).next_to(line.line, RIGHT, buff=0.2)
        lim_x = line.n2p(COST_DESCENT.max_stable_rate)
        limit = styled_line("reference", lim_x, lim_x + 0.5 * UP, t.muted, 2.5)
        lim_lab = self.tex(f"2/{H_MAX} \\approx " +
                           nb.latex(COST_DESCENT.max_stable_rate, places=3), 28, t.muted)
        # ending over the limit's line: clear of the large rate's dot just right of it
        lim_lab.next_to(limit, UP, buff=0.08).align_to(limit, RIGHT).shift(0.1 * RIGHT)
        # the new symbol, defined once where it first appears: a note of its own, left of the
        # limit's label (DEF_APART or more away), halfway between the title and the axis's
        # ticks, flush with the axis's first number
        # in ink: the symbol is used again in the note on the jumps
        h_def = VGroup(self.mixed(f"${H_MAX}$: largest", 24, t.text),
                       self.mixed("curvature of $J$", 24, t.text))
        h_def.arrange(DOWN, buff=0.06, aligned_edge=LEFT)
        h_def.align_to(line.numbers[0], LEFT)
        h_def.set_y((title.get_bottom()[1] + line.ticks.get_top()[1]) / 2)
        self.rate_dots, self.rate_labels = {}, {}
        for name, lr in COST_DESCENT.learning_rates:
            c = self.colors[name]
            self.rate_dots[name] = circle = Circle(radius=RATE_DOT, color=c, stroke_width=0)
            circle.set_fill(c, 1).move_to(line.n2p(lr)).set_z_index(3)
            self.rate_labels[name] = self._run_label(name).next_to(circle, DOWN, buff=0.45)
        self.alpha = VGroup(line, a_lab, limit, lim_lab, h_def)

        y_exp = (-3, int(np.log10(COST_DESCENT.plot_top(self.large))))
        # t is a count: its ticks thousands-separated (1,000), as gd-regression's
        # every other power of ten: nine ticks in 2.7 units would touch at the house tick size
        # 4.83 wide: 0.17 narrower than it was before its powers of ten grew (power_tick), so
        # that with them it keeps its place, 24 px from the frame's edge
        j_ax = loss_axes(t, (0, COST_DESCENT.steps), y_exp, 4.83, PLOT_HEIGHT, "t", "J",
                         y_step=2, log_t=True, counts=True)
        plot = LossPlot(t, self.steps[self.names[0]], None, y_exp, 0, 0, ax=j_ax, log_t=True)
        # right of centre, so that the words where the path leaves the map clear its ticks
        plot.ax.move_to(np.array([3.6, PLOT_FOOT + PLOT_HEIGHT / 2, 0]))
        best = styled_line("reference", plot.c2p(0, self.j_star),
                           plot.c2p(COST_DESCENT.steps, self.j_star), t.least_cost, 3)
        self.ax, self.plot, self.title = ax, plot, title
        self.star, self.start_ring = star, start

        # briskly, and named as it comes: the map under its title; the α axis with its
        # limit; the three rates on it, each named, with the chart their runs will draw on
        self.play(Write(title), FadeIn(img), Create(ax), FadeIn(self.ax_numbers), FadeIn(star),
                  FadeIn(start), run_time=1.2)
        self.play(Create(line), FadeIn(a_lab), Create(limit), FadeIn(lim_lab), FadeIn(h_def),
                  run_time=1.0)
        self.play(*(FadeIn(m) for name in self.names
                    for m in (self.rate_dots[name], self.rate_labels[name])),
                  Create(plot.ax), FadeIn(best), run_time=1.0)
        self.wait(0.3)

    def _run_label(self, name: str) -> VGroup:
        """Its name and rate in ink, under its dot on the α axis (the dot is the colour's key)."""
        lr = dict(COST_DESCENT.learning_rates)[name]
        ink = self.theme.text
        lab = VGroup(self.text(name, 24, ink),
                     self.tex(rf"\alpha = {nb.latex(lr, places=RATE_PLACES)}", 26, ink))
        return lab.arrange(DOWN, buff=0.08)

    def lane(self, name: str):
        """The screen offset of a run's path and end from its data (SMALL_LANE for the small
        rate's, none for the others)."""
        return SMALL_LANE if name == self.names[0] else np.zeros(3)

    def _trail_and_curve(self, name: str, width: float):
        tr, c = self.runs[name], self.colors[name]
        # on its casing over the map, as the optimizer paths are
        trail = cased(Trail(self.ax, drawn_path(tr.points), self.steps[name], color=c,
                            stroke_width=width), self.theme)
        if name == self.names[0]:  # in its lane, after each redraw
            trail.add_updater(lambda m: m.shift(SMALL_LANE)).shift(SMALL_LANE)
        curve = self.plot.curve(tr.losses, c, stroke_width=4, tracker=self.steps[name])
        return trail, curve

    def section_small_and_good(self):
        """The two safe rates, one after the other; the small path over the good one, narrower,
        in its lane beside it (SMALL_LANE)."""
        self.trails, self.curves, self.ends = {}, {}, {}
        # stacked as the races stack their paths (race_scene: the shortest on top): the small
        # rate's short crawl on top, narrow and on a casing of its own, over the good path,
        # wide, which shows either side of it where they share the valley (so both read, and
        # the small run, which comes second, is seen moving over the good one)
        good = self.names[1]
        self.trail_casings = []
        for name, width in ((good, GOOD_WIDTH), (self.names[0], SMALL_WIDTH)):
            trail, curve = self._trail_and_curve(name, width)
            dot = cased(head_dot(trail, self.colors[name], radius=0.08), self.theme)
            if name != good:
                dot.add_updater(lambda m: m.shift(SMALL_LANE)).shift(SMALL_LANE)
            if name != good:
                trail.set_stroke(width=width + 2 * SMALL_CASING, background=True)
            for mob in (trail, dot):
                mob.set_z_index(0.5 if name == good else 1.0)
            self.trails[name], self.curves[name] = trail, curve
            self.add(trail, curve, dot)
            self.play(self.steps[name].animate.set_value(COST_DESCENT.steps),
                      run_time=RUN_SECONDS, rate_func=log_time(COST_DESCENT.steps))
            end = dot.copy().clear_updaters()
            self.remove(dot)
            self.add(end)
            self.ends[name] = end
            self.wait(0.3)

    def zoom_window(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The zoom's (m range, b range): the large rate's shown steps, ZOOM_PAD either side in
        m; b the map's b range shrunk as much as m's (the map's shape, a true magnification),
        centred on the steps and moved inside the map where it would cross its edge."""
        pts = self.large.points[: COST_DESCENT.shown_steps + 1]
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        pad = ZOOM_PAD * (hi[0] - lo[0])
        m0, m1 = lo[0] - pad, hi[0] + pad
        (wm0, wm1), (wb0, wb1) = WINDOW
        half_b = (wb1 - wb0) * (m1 - m0) / (wm1 - wm0) / 2
        mid_b = float(np.clip((lo[1] + hi[1]) / 2, wb0 + half_b, wb1 - half_b))
        return (m0, m1), (mid_b - half_b, mid_b + half_b)

    def build_zoom(self):
        """The zoom onto the large rate's first steps, in the map's own frame: the map cut to
        the zoom window (from a finer grid, the map's colours and levels), its own ticks, and
        the small and good paths inside the window drawn as on the map. Returns its axes, the
        zoomed picture and the box of the window on the map."""
        t = self.theme
        window = (wm, wb) = self.zoom_window()
        # the window's own grid, coloured on the whole map's levels (the map's colours)
        J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                 views.GRID_SIZE)[2]
        zoom = map_axes(t, [*wm, 1], [*wb, 1], self.ax.x_length, self.ax.y_length, "m", "b")
        zoom.shift(self.zoom_frame_centre() - zoom.c2p((wm[0] + wm[1]) / 2,
                                                       (wb[0] + wb[1]) / 2))
        self.zoom_numbers = own_numbers(zoom).set_z_index(6)
        img = ImageMobject(contour_rgba(t, regression.cost_grid(self.x, self.y, wm, wb,
                                                                 views.GRID_SIZE)[2],
                                        levels=views.CONTOUR_LEVELS, span=(J.min(), J.max()),
                                        size=map_pixels(self.ax.x_length, self.ax.y_length),
                                        line_px=line_pixels()))
        img.stretch_to_fit_width(self.ax.x_length).stretch_to_fit_height(self.ax.y_length)
        img.move_to(self.zoom_frame_centre()).set_z_index(-1)
        paths = VGroup()
        # the good path beneath, the small one over it, each on its casing, as on the map
        for name in (self.names[1], self.names[0]):
            lane = self.lane(name)
            for piece in races.clip_polyline(self.runs[name].points, window):
                line = VMobject(joint_type=LineJointType.ROUND)
                line.set_points_as_corners([zoom.c2p(*p) + lane for p in piece])
                paths.add(line.match_style(self.trails[name]))
        start = self.start_ring.copy().move_to(zoom.c2p(*COST_DESCENT.start))
        box = Polygon(*(self.ax.c2p(*p) for p in ((wm[0], wb[0]), (wm[1], wb[0]),
                                                   (wm[1], wb[1]), (wm[0], wb[1]))),
                      color=t.muted, stroke_width=2).set_z_index(8)
        self.zoom_paths = paths
        # the valley's floor: where the distance across the valley is 0, dotted, in ink
        floor = races.clip_polyline(self.floor_points(), window)[0]
        self.floor = styled_line("reference", zoom.c2p(*floor[0]), zoom.c2p(*floor[-1]),
                                 t.text, 2.5)
        return zoom, Group(img, paths, start, self.floor), box

    def floor_points(self) -> np.ndarray:
        """Points along the valley's floor: the line through the minimum on which gdcore's
        distance across the valley (COST_DESCENT.across_valley) is 0, far past the map."""
        star = np.array([self.m_star, self.b_star])
        unit = descent.Trajectory(points=star + np.eye(2), losses=None, diverged=False,
                                  steps_requested=1)
        steep = COST_DESCENT.across_valley(unit)
        along = np.array([-steep[1], steep[0]]) / np.hypot(*steep)
        return star + np.linspace(-40, 40, 8001)[:, None] * along

    def map_content(self) -> Group:
        """What is drawn in the map's frame before the zoom: the map and its frame (apart from
        its ticks once the zoom begins), the two safe paths and their ends, the start and the
        minimum."""
        return Group(self.map_img, self.map_frame, *self.trail_casings, *self.trails.values(),
                     *self.ends.values(),
                     self.star, self.start_ring)

    def section_jumps(self):
        """The large rate's first steps, one at a time: an arrow from wall to wall each."""
        t, name = self.theme, self.names[-1]
        c = self.colors[name]
        # the quantity that grows, by how much, per what: the distance (from the valley floor:
        # the bars' title, the row under it), ×|1 − α h_max| each jump
        # at the size of the step row under it and the bars' words (26: larger than the house's
        # least, in ink), the lines closer (NOTE_LEADING) so that the band still holds them
        each = self.text("distance", NOTE_SIZE, t.text)
        factor = self.tex(rf"\times\,|1 - \alpha {H_MAX}| \approx " +
                          nb.latex(COST_DESCENT.growth_factor, places=GROWTH_PLACES),
                          NOTE_SIZE + 4, t.text)
        per = self.text("each jump", NOTE_SIZE, t.text)
        factor.next_to(each, RIGHT, buff=0.15)
        factor.shift((each.get_bottom()[1] - factor[0][-1].get_bottom()[1]) * UP)  # baselines
        per.next_to(VGroup(each, factor), DOWN, buff=NOTE_LEADING, aligned_edge=LEFT)
        note = VGroup(each, factor, per)
        # in a band of its own: NOTE_BAND or more under the rates' labels, the step row under
        # it NOTE_BAND or more over the plot's J; right of the J axis's label, NOTE_CLEAR apart
        top = min(lab.get_bottom()[1] for lab in self.rate_labels.values()) - NOTE_BAND
        note.move_to(np.array([0.7, top, 0]), aligned_edge=LEFT + UP)
        note.shift((self.j_label().get_right()[0] + NOTE_CLEAR - note.get_left()[0]) * RIGHT)
        _, curve = self._trail_and_curve(name, 2.5)
        self.curves[name] = curve
        self.add(curve)
        pts = self.large.points
        d = COST_DESCENT.across_valley(self.large)
        self.zoom, zoom_group, box = self.build_zoom()
        self.zoom_group = zoom_group
        self.zoom_in(zoom_group, box)
        z = self.zoom
        # the dotted floor named where it is drawn, by its foot in the zoom (the one key to it)
        (_, _), (zb0, _) = self.zoom_window()
        foot = self.floor_points()
        foot = foot[np.argmin(np.abs(foot[:, 1] - (zb0 + FLOOR_LABEL_UP)))]
        # right of the floor, its bottom left corner FLOOR_GAP from it (the floor leans left
        # going up, away from the name over that corner), over the paths and the jumps'
        # numbers, in the zoom's empty upper right; on a halo of FLOOR_HALO round its letters,
        # the level lines stopping short of them
        self.floor_label = cased(self.text("valley floor", NOTE_SIZE, t.text), t,
                                 width=FLOOR_HALO)
        self.floor_label.next_to(z.c2p(*foot), RIGHT, buff=FLOOR_GAP)
        self.floor_label.align_to(z.c2p(*foot), DOWN).set_z_index(7.5)
        self.arrows, self.landings, self.zoom_landings = VGroup(), VGroup(), VGroup()
        # the distance after each jump, a bar on a baseline of its own beside the map, over
        # the cost chart's foot and its J* line
        frame_right = self.ax.c2p(WINDOW[0][1], WINDOW[1][0])
        n = COST_DESCENT.shown_steps
        base_left = frame_right + BAR_GAP * RIGHT + BAR_LIFT * UP
        per_unit = BAR_TOP / float(np.abs(d[1:n + 1]).max())
        run = (n - 1) * BAR_PITCH + BAR_WIDTH + 0.07  # 0.035 past the bars at each end
        self.bar_floor = Line(base_left, base_left + run * RIGHT, color=t.muted, stroke_width=2)
        self.bars = VGroup(*(Polygon(*(base_left + [(k - 1) * BAR_PITCH + x, y, 0]
                                       for x, y in ((0.035, 0), (0.035 + BAR_WIDTH, 0),
                                                    (0.035 + BAR_WIDTH, h), (0.035, h))),
                                     stroke_width=0).set_fill(c, 1)
                             for k, h in ((k, per_unit * abs(d[k])) for k in range(1, n + 1))))
        self.bar_per_unit = per_unit
        # what the bars' heights measure, over them (the note's words), and the newest one's
        # value on it
        self.bar_label = VGroup(self.text("bar height:", NOTE_SIZE, t.text),
                                self.text("distance from", NOTE_SIZE, t.text),
                                self.text("the valley floor", NOTE_SIZE, t.text))
        self.bar_label.arrange(DOWN, buff=0.06)
        self.bar_label.next_to(base_left + (n * BAR_PITCH / 2) * RIGHT + BAR_TOP * UP, UP,
                               buff=BAR_VALUE_ROOM)
        self.bar_label.shift(max(0.0, frame_right[0] + MAP_CLEAR
                                 - self.bar_label.get_left()[0]) * RIGHT)
        # the safe paths faded under the jumps (the large rate's alone at full strength)
        others = zoom_group[1]
        self.play(Create(self.bar_floor), FadeIn(self.bar_label),
                  others.animate.set_stroke(opacity=OTHERS).set_stroke(opacity=OTHERS,
                                                                       background=True),
                  run_time=0.5)
        row, value, self.tag = None, None, None
        for k in range(1, COST_DESCENT.shown_steps + 1):
            if k == 3:  # the caption's next sentence: the distance growing
                self.caption_next()
            arrow = cased(Arrow(z.c2p(*pts[k - 1]), z.c2p(*pts[k]), buff=0, color=c,
                                stroke_width=3, max_tip_length_to_length_ratio=0.06,
                                tip_length=0.16), t).set_z_index(7)
            # where it lands: a dot in the zoom, and one on the map for after the zoom
            zoom_land, land = (cased(Circle(radius=r, color=c, stroke_width=0).set_fill(c, 1)
                                     .move_to(a.c2p(*pts[k])), t).set_z_index(7)
                               for a, r in ((z, 0.05), (self.ax, LANDING)))
            new = VGroup(*(self.text(line, NOTE_SIZE, t.text)
                           for line in jump_text(k, d[k - 1], d[k])))
            new.arrange(DOWN, buff=0.08, aligned_edge=LEFT)
            new.next_to(note, DOWN, buff=NOTE_LEADING).align_to(note, LEFT)
            # the older jumps fade as they age: the newest at full strength, so the jumps
            # never fill in to one shape. Each animation takes its own pace (linear), never
            # one for the whole play, which would undo the cross-fade's two halves
            anims = [GrowArrow(arrow, rate_func=linear), FadeIn(zoom_land, rate_func=linear),
                     GrowFromEdge(self.bars[k - 1], DOWN, rate_func=linear),
                     self.steps[name].animate(rate_func=linear).set_value(k),
                     *(a.animate(rate_func=linear).set_opacity(aged_opacity(len(self.arrows) - j))
                       for j, a in enumerate(self.arrows))]
            self.arrows.add(arrow)
            self.landings.add(land)
            self.zoom_landings.add(zoom_land)
            # the newest bar's value over it
            bar = self.bars[k - 1]
            top = bar.get_bottom() + per_unit * abs(d[k]) * UP
            number = self.text(nb.text(abs(d[k]), places=2), NOTE_SIZE, t.text)
            number.next_to(top, UP, buff=0.08).set_x(bar.get_center()[0])
            number.shift(max(0.0, frame_right[0] + MAP_CLEAR - number.get_left()[0]) * RIGHT)
            # the landing's number beside its dot, on the far side from where the jump came
            # from (off the arrow), on a halo over the map
            # (the newest alone: the landings on a wall lie closer than a number's height,
            # so the numbers take turns, one wall then the other, as the jumps do)
            tag = self.landing_tag(k, z.c2p(*pts[k - 1]), z.c2p(*pts[k]))
            anims.append(FadeIn(tag, rate_func=squish_rate_func(linear, 0.6, 1.0)))
            if row is None:
                anims += [FadeIn(new, rate_func=linear), FadeIn(note, rate_func=linear),
                          FadeIn(self.floor_label, rate_func=linear),
                          FadeIn(number, rate_func=squish_rate_func(smooth, 0.5, 1.0))]
            self.play(*anims, run_time=JUMP_SECONDS)
            if row is not None:
                # as the jump lands, its line and its bar's value change in one frame: the old
                # words gone as the new ones stand (a counter's jump, never text over text)
                self.remove(row, value, self.tag)
                self.add(new, number)
            row, value, self.tag = new, number, tag
            self.wait(JUMP_PAUSE)
        self.note, self.row, self.zoom_group, self.box = note, row, zoom_group, box
        self.bar_value = value
        self.wait(0.6)

    def landing_tag(self, k: int, came_from, at) -> VMobject:
        """Jump k's number beside its landing dot in the zoom: TAG_OFF from the dot across the
        jump (a quarter turn anticlockwise from it: under a landing on the left wall, over one
        on the right, where the walls' earlier landings are not), on a halo of the page
        colour."""
        way = np.asarray(at) - np.asarray(came_from)
        way /= np.linalg.norm(way)
        across = np.array([-way[1], way[0], 0.0])
        tag = cased(self.tex(str(k), 24, self.theme.text), self.theme, width=FLOOR_HALO)
        return tag.move_to(np.asarray(at) + TAG_OFF * across).set_z_index(7.5)

    def j_label(self):
        """The cost plot's J axis label (the words over the plot stand clear of it)."""
        return self.plot.ax.labels[-1]

    def zoom_in(self, zoom_group, box):
        """The box of the first steps marked on the map (in the map frame's muted weight), then
        the camera zooms onto it: one map, its window closing from the map's to the box's (the
        map, its ticks and numbers, the safe paths, the start and the box redrawn from the
        window every frame, as the zoom out does: never two maps, one fading into the other),
        so that the box grows to the map's frame and becomes the zoom's one frame; the ends
        and the minimum, which the zoom leaves out, fade as they leave; then the valley's
        floor fades in."""
        zoom_group.set_z_index(5.5)
        zoom_group[1].set_z_index(5.6)
        zoom_group[2].set_z_index(5.7)
        zoom_group[3].set_z_index(5.55)
        self.zoom.set_z_index(6)
        own_frame(self.zoom)
        # the frame over the window's picture, as the zoom's outline is
        self.map_frame = own_frame(self.ax).set_z_index(6)
        self.add(self.map_frame)
        # `box` stays where it is (the zoom goes back to it); its copy grows to the frame
        shown = box.copy()
        self.play(Create(shown), run_time=0.6)
        (zm0, zm1), (zb0, zb1) = self.zoom_window()
        corners = ((zm0, zb0), (zm1, zb0), (zm1, zb1), (zm0, zb1), (zm0, zb0))

        def grow(mob, s, place):
            mob.set_points_as_corners([place(m, b) for m, b in corners])

        map_own = [m for m in self.map_content() if m is not self.map_frame]
        self.move_window(1.0, 0.0, ZOOM_SECONDS,
                         leave=[self.map_img, self.ax, self.ax_numbers, *map_own],
                         outline=shown, follow=grow, landings=False)
        # the window's last frame is the zoom's own drawing: its axes, numbers, paths, start
        self.remove(self.map_frame)
        self.zoom.add(shown)
        self.zoom_outline = shown
        self.add(self.zoom, self.zoom_numbers, zoom_group[1], zoom_group[2])
        self.play(FadeIn(zoom_group[3]), run_time=0.5)

    def zoom_window_at(self, s: float):
        """The map's window s of the way out of the zoom (0: the zoom's window, 1: the map's):
        one steady magnification (its log in step with s) about the point that the two
        windows share, m and b alike (the map's shape all along)."""
        (zm, zb), (wm, wb) = self.zoom_window(), WINDOW
        z, w = zm[1] - zm[0], wm[1] - wm[0]
        g = (z * (w / z) ** s - z) / (w - z)
        return tuple((a0 + (a1 - a0) * g, b0 + (b1 - b0) * g)
                     for (a0, b0), (a1, b1) in ((zm, wm), (zb, wb)))

    def zoom_out(self, box):
        """Back from the zoom (its jumps' arrows and the floor faded), one change: the
        window itself opens from the zoom's to the map's (move_window), the shown steps'
        landings with it; the ends and the minimum fade back in."""
        outline = self.zoom_outline
        self.zoom.remove(outline)
        # the zoom's own axes, numbers and frame give way to the same drawn from the window;
        # its paths, start and landings to the same redrawn from the window (never a gap)
        swaps = self.move_window(0.0, 1.0, ZOOM_SECONDS,
                                 leave=[self.zoom, self.zoom_numbers, self.zoom_group[1],
                                        self.zoom_group[2], *self.zoom_landings],
                                 outline=outline, follow=None, landings=True)
        # the map's own, drawn as the window's last frame was: the same paths, ends, start,
        # minimum and landings where the window's last frame drew them
        self.remove(self.zoom_group[0], outline)
        self.map_img.set_opacity(1)
        self.add(self.map_img, self.ax, self.ax_numbers, self.map_frame, *swaps)

    def move_window(self, s0, s1, seconds, leave, outline, follow, landings) -> list:
        """One map whose window moves from zoom_window_at(s0) to zoom_window_at(s1) (0: the
        zoom's, 1: the map's), at an even pace: the map (J on the window, the map's colours,
        drawn in the zoom's picture, self.zoom_group[0]), its ticks and their numbers redrawn
        from it every frame in the one frame (numbers fade as they leave or enter the window,
        the odd b's as they crowd), and with them the paths, the start, the ends and the
        minimum (and the shown steps' landings, with `landings`; live_marks). `leave`: what
        the window's drawing takes the place of; `outline` stays drawn over it, moved each
        frame by follow(outline, s, place) if given. Returns the map's own marks the same as
        the last frame's live ones (live_marks)."""
        t = self.theme
        img = self.zoom_group[0]
        J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                 views.GRID_SIZE)[2]
        span = (J.min(), J.max())
        s = ValueTracker(s0)
        (fm0, fm1), (fb0, fb1) = WINDOW
        lo, hi = self.ax.c2p(fm0, fb0), self.ax.c2p(fm1, fb1)

        def place(m, b, window=None):
            (m0, m1), (b0, b1) = window or self.zoom_window_at(s.get_value())
            return np.array([lo[0] + (m - m0) / (m1 - m0) * (hi[0] - lo[0]),
                             lo[1] + (b - b0) / (b1 - b0) * (hi[1] - lo[1]), 0.0])

        size, line_px = map_pixels(self.ax.x_length, self.ax.y_length), line_pixels()

        def repaint(mob):
            wm, wb = self.zoom_window_at(s.get_value())
            Z = regression.cost_grid(self.x, self.y, wm, wb, views.GRID_SIZE)[2]
            mob.pixel_array = contour_rgba(t, Z, levels=views.CONTOUR_LEVELS, span=span,
                                           size=size, line_px=line_px)
            mob.orig_alpha_pixel_array = mob.pixel_array[:, :, 3].copy()

        # the ticks of both windows: every whole m and b of the map (the map's numbers where
        # it has them), and the letters, which move between the zoom's place and the map's
        fmt = {v: f"{round(float(v), 10) + 0.0:g}" for v in range(-20, 21)}
        old_letters, new_letters = list(self.zoom.labels), list(self.ax.labels)
        letters = VGroup(*(m.copy() for m in old_letters))
        ticks = []  # (axis, value, mark, number)
        for axis, (a0, a1) in (("m", WINDOW[0]), ("b", WINDOW[1])):
            for v in range(int(np.ceil(a0)), int(np.floor(a1)) + 1):
                mark = VMobject(stroke_color=t.muted, stroke_width=2)
                num = MathTex(fmt[v], font_size=TICK_SIZE, color=t.text)
                ticks.append((axis, v, mark, num))
        tick_group = VGroup(*(m for _, _, mark, num in ticks for m in (mark, num)), letters)
        tick_group.set_z_index(6)
        zoom_b = self.zoom_window()[1]
        full_b = WINDOW[1][1] - WINDOW[1][0]
        fade = 0.25  # scene units past the frame's edge over which a number fades

        def retick(group):
            window = self.zoom_window_at(s.get_value())
            (m0, m1), (b0, b1) = window
            # the odd b's (the zoom's, not the map's) fade out as the b's close up
            crowd = ((b1 - b0) - (zoom_b[1] - zoom_b[0])) / (full_b - (zoom_b[1] - zoom_b[0]))
            for axis, v, mark, num in ticks:
                if axis == "m":
                    p = place(v, b0, window)
                    mark.set_points_as_corners([p, p + 0.1 * DOWN])
                    num.next_to(p, DOWN, buff=0.16)
                    past = max(lo[0] - p[0], p[0] - hi[0], 0.0)
                    keep = 1.0
                else:
                    p = place(m0, v, window)
                    mark.set_points_as_corners([p, p + 0.1 * LEFT])
                    num.next_to(p, LEFT, buff=0.16)
                    past = max(lo[1] - p[1], p[1] - hi[1], 0.0)
                    keep = 1.0 if v % 2 == 0 else float(np.clip(1 - 2 * crowd, 0, 1))
                o = float(np.clip(1 - past / fade, 0, 1)) * keep
                mark.set_stroke(opacity=o)
                num.set_opacity(o)
            k = s.get_value()
            for letter, a, b in zip(letters, old_letters, new_letters):
                letter.move_to(a.get_center() + (b.get_center() - a.get_center()) * k)

        retick(tick_group)
        repaint(img)
        live, swaps = self.live_marks(s, lo, hi, landings=landings)
        self.remove(*leave)
        self.add(img, outline, tick_group, live)
        img.add_updater(repaint)
        tick_group.add_updater(retick)
        if follow is not None:
            follow(outline, s, place)
            outline.add_updater(lambda mob: follow(mob, s, place))
        # at an even pace (linear): the bands and level lines never sweep faster than at
        # its mean, so no frame loses much of the map's ink to the motion
        self.play(s.animate.set_value(s1), run_time=seconds, rate_func=linear)
        for mob in (img, tick_group, outline, *live):
            mob.clear_updaters()
        self.remove(tick_group, live)
        return swaps

    def live_marks(self, s, lo, hi, landings=True) -> tuple[VGroup, list]:
        """What the map holds drawn on the window s.get_value() of the way out of the zoom, every
        frame from gdcore's points (self.zoom_window_at; lo, hi: the frame's corners): the good
        and the small path cut to the window, the start, with `landings` the large run's shown
        landings (from the zoom's size to the map's); the ends and the minimum, which the zoom
        leaves out, at full strength from ARRIVE of the way out on (fading in or out before).
        Returns them and the map's own marks that take their place at the end (the same
        drawing)."""

        def on_window(pts, window) -> np.ndarray:
            pts = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
            (m0, m1), (b0, b1) = window
            return np.column_stack([lo[0] + (pts[:, 0] - m0) / (m1 - m0) * (hi[0] - lo[0]),
                                    lo[1] + (pts[:, 1] - b0) / (b1 - b0) * (hi[1] - lo[1]),
                                    np.zeros(len(pts))])

        def window():
            return self.zoom_window_at(s.get_value())

        live, swaps = VGroup(), []
        for name, z in ((self.names[1], 5.6), (self.names[0], 5.62)):
            path = drawn_path(self.runs[name].points)
            line = VMobject(joint_type=LineJointType.ROUND).match_style(self.trails[name])
            lane = self.lane(name)

            def redraw(mob, path=path, lane=lane):
                w = window()
                mob.clear_points()
                for piece in races.clip_polyline(path, w):
                    if len(piece) > 1:
                        q = on_window(piece, w) + lane
                        mob.start_new_path(q[0])
                        mob.add_points_as_corners(q[1:])

            redraw(line)
            live.add(line.add_updater(redraw).set_z_index(z))
            swaps.append(self.trails[name])
        for dot, p in zip(self.zoom_landings if landings else (), self.large.points[1:]):
            def follow(mob, p=p):
                k = s.get_value()
                mob.scale_to_fit_width(2 * (0.05 + (LANDING - 0.05) * k))
                mob.move_to(on_window(p, window())[0])

            live.add(dot.copy().add_updater(follow).set_z_index(5.7))
        swaps += list(self.landings) if landings else []
        arrive = [(self.ends[name], self.runs[name].points[-1], self.lane(name))
                  for name in self.names[:2]]
        for mob, p, lane in (*arrive, (self.star, (self.m_star, self.b_star), 0.0)):
            swaps.append(mob)
            mob = mob.copy()

            def come(m, p=p, lane=lane):
                m.move_to(on_window(p, window())[0] + lane)
                m.set_opacity(float(np.clip(s.get_value() / ARRIVE, 0, 1)))

            live.add(mob.clear_updaters().add_updater(come).set_z_index(5.65))
        start = self.start_ring.copy()
        live.add(start.add_updater(lambda m: m.move_to(on_window(COST_DESCENT.start,
                                                                 window())[0])).set_z_index(5.75))
        swaps.append(self.start_ring)
        for mob in live:
            mob.update()
        return live, swaps

    def zoom_frame_centre(self) -> np.ndarray:
        """The centre of the map's frame (the zoom's too)."""
        (m0, m1), (b0, b1) = WINDOW
        return (self.ax.c2p(m0, b0) + self.ax.c2p(m1, b1)) / 2

    def section_fast_forward(self):
        """The rest of the large run: the one-at-a-time steps and their words fade; the comet
        tail and a dot per landing run on to where the path leaves the map, marked with its
        step; the tail goes as the mark comes, the dots stay (all three runs in the last
        frame, no jump across them; the cost's climb off the plot is section_result's)."""
        t, name = self.theme, self.names[-1]
        c = self.colors[name]
        tracker = self.steps[name]
        # a short comet tail (no wedge of overlapping zig-zags) and a dot where each step
        # lands, up to the exit
        path = drawn_path(self.large.points)
        # (at full strength and on its casing, as each landing dot: a fading tail left the
        # run's last jumps a faint line on the map; cut at the map's edge)
        rest = cased(Trail(self.ax, path, tracker, color=c, stroke_width=3,
                           tail=FORWARD_TAIL), t)
        rest.set_z_index(2)
        later = VGroup(*(cased(Circle(radius=0.045, color=c, stroke_width=0).set_fill(c, 1)
                               .move_to(self.ax.c2p(*p)), t).set_z_index(2)
                         for p in path[COST_DESCENT.shown_steps + 1: -1]))
        for k, land in enumerate(later, start=COST_DESCENT.shown_steps + 1):
            land.add_updater(lambda m, k=k: m.set_opacity(float(tracker.get_value() >= k)))
        self.rest, self.later = rest, later
        # the one-at-a-time steps end: their words go, then the zoom goes back to its box
        # before anything moves on the map
        # (and the zoom's paths and marks with them: the zoom's map alone opens out), at an
        # even pace, so that no frame loses a fifth of the ink
        marks = Group(self.zoom_group[3], self.arrows, self.tag, self.floor_label)
        # the safe paths back to full strength, as the map draws them when the view opens
        others = self.zoom_group[1]
        self.play(FadeOut(self.row), FadeOut(self.note), FadeOut(self.bars),
                  FadeOut(self.bar_floor), FadeOut(self.bar_label), FadeOut(self.bar_value),
                  FadeOut(marks),
                  others.animate.set_stroke(opacity=1).set_stroke(opacity=1, background=True),
                  run_time=0.6, rate_func=linear)
        self.zoom_out(self.box)
        self.add(rest, later)
        self.play(tracker.animate.set_value(self.exit_step),
                  run_time=FORWARD_SECONDS, rate_func=linear)
        for mob in (rest, *later):
            mob.clear_updaters()
        # where it leaves the map: a cross on the edge, and its step
        edge = self.ax.c2p(*path[-1])
        cross = VGroup(Line(UP + LEFT, DOWN + RIGHT), Line(UP + RIGHT, DOWN + LEFT))
        cross = cased(cross.set_stroke(c, width=4).scale(0.1).move_to(edge), t).set_z_index(6)
        exit_lab = VGroup(self.text("off the map", 24, t.text),
                          self.text(f"at step {self.exit_step}", 24, t.text))
        exit_lab.arrange(DOWN, buff=0.06, aligned_edge=LEFT)
        exit_lab.next_to(edge, RIGHT, buff=0.2)
        self.exit_mark = VGroup(cross, exit_lab)
        self.play(FadeIn(self.exit_mark), FadeOut(rest), run_time=0.6)

    def section_result(self):
        """The large run's cost climbs off the chart's top while J*, which only the good rate
        reaches, is written on its dotted line; the arrow where the curve is cut and the note on
        its growth; J* stands RESULT_HOLD seconds or more (the last still stretch short)."""
        t, name = self.theme, self.names[-1]
        c = self.colors[name]
        label = self.tex(rf"J^* = {nb.cost(self.j_star, 'latex')}", 28, t.good)
        # over the dotted line at the chart's left, where every curve is still far above it
        # (further right the small rate's curve comes down through it)
        left = self.plot.c2p(0, self.j_star)
        label.next_to(left, UP, buff=0.08).align_to(left + 0.1 * RIGHT, LEFT)
        self.j_star_label = label
        self.j_star_at = self.time
        # the climb is a small part of the frame: quick, so it never reads as a still stretch
        self.play(self.steps[name].animate(rate_func=linear).set_value(self.leaves),
                  Write(label, rate_func=smooth), run_time=FORWARD_SECONDS / 2)
        # cut at the chart's top: an arrow there says it goes on up
        end = self.curves[name].get_end()
        self.climb = Arrow(end + 0.05 * DOWN, end + 0.3 * UP, buff=0, color=c, stroke_width=3,
                           tip_length=0.14, max_tip_length_to_length_ratio=0.5)
        # J is the distance's square: the distance ×1.042 a step, J ×1.042² ≈ 1.09 a step
        growth = nb.latex(COST_DESCENT.growth_factor, places=GROWTH_PLACES)
        growth2 = nb.latex(COST_DESCENT.growth_factor**2, places=J_GROWTH_PLACES)
        what = VGroup(self.mixed(f"$J$ leaves the chart at step {self.leaves}:", 24, t.text),
                      self.mixed(rf"$J\,\times\,{growth2} \approx {growth}^2$ per step", 24,
                                 t.text))
        what.arrange(DOWN, buff=0.08)
        # over the arrow, its right edge at the frame's margin: clear of the J axis's label,
        # which stands under its left part
        # halfway up the room between the arrow's tip and the rates' labels: clear of the
        # curve's end, never crowding it
        roof = min(lab.get_bottom()[1] for lab in self.rate_labels.values()) - NOTE_BAND
        what.next_to(self.climb, UP, buff=max(0.22, (roof - self.climb.get_top()[1]
                                                     - what.height) / 2))
        what.shift((NOTE_RIGHT - what.get_right()[0]) * RIGHT)
        self.what = what
        self.caption_next()  # the caption's next sentence: the cost off the chart
        self.play(GrowArrow(self.climb), run_time=0.4)
        # the payoff read at a reading pace: a line at a time, each held (no stillness over
        # the 2 s the rules allow)
        self.play(FadeIn(what[0], shift=0.25 * DOWN))
        self.wait(LINE_HOLD)
        self.play(FadeIn(what[1], shift=0.25 * DOWN))
        self.wait(FINAL_HOLD)

    SECTIONS = sections(section_setup, section_small_and_good, section_jumps,
                        section_fast_forward, section_result)
