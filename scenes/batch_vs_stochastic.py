"""Full-batch, mini-batch and single-sample descent as small multiples: three maps of the same
cost J side by side, each with its own run only, over one chart of J per step, all driven by one
ValueTracker of the step index.

The runs are gdcore's races.run_batch_race(races.BATCH_RACE) (the same start, rate, steps and
seed for the three batch sizes), the paths of figures/batch_vs_stochastic.py, in the same
colours (theme.batch), each named over its map beside a stroke of its colour. The three runs
step together: the first steps one at a time at a readable pace, then faster. The full-batch
path, smooth, is drawn whole in its colour, wider, on a casing; on the two sampled maps the
run's last TAIL steps are drawn in its colour on a casing, a dot on each of their points, and
its older steps, thinner, fade towards the page with their age, so the direction and the
progress of the moment read while the whole path stays seen; over that web, the run's route (its
path averaged over SUMMARY.smooth_steps steps, as the still draws it), as wide as the full
batch's path, follows a few steps behind, so the drift down the valley reads through the noise.
The chart draws each map's own run, its J at each step (seed 0: the moving dot's curve), thin
and faint in its colour, and in the same colour, bold, the fair comparison: J at each step
averaged over the seeds of races.BATCH_SUMMARY and smoothed (races.smoothed_costs); a key in one
row over the chart names the two kinds of curve, each beside three short strokes drawn as its
curves are, in the runs' colours, and the maps' route, beside two. Every run starts at one
point, so the curves start at one J. The least cost J* is a dotted level in ink (the good green
is a kin of the mini-batch's), named with its number over its line, at the left, as the still
writes it (numbers.cost). At the end, each run's mean over the last steps
(races.settled_costs) is written in ink right of the chart, keyed by a
short stroke of the run's colour at the chart's edge, clear of the data. The chart's cost axis
is named J, beside its own axis, from 0.005 (no cost lies under J*) to 5, numbered 0.01 to 1.
The full-batch path and the moment's steps lie on the house's casing (as the race paths); on
the dark page the older steps lie on a thinner one and the map is calmed towards the page, so
the blue and green paths stand out from its blue-teal bands.
Render alone with: manim -ql scenes/batch_vs_stochastic.py BatchVsStochastic
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    ImageMobject,
    Line,
    ManimColor,
    Star,
    ValueTracker,
    VGroup,
    Write,
    config,
    linear,
)
from PIL import Image

from gdcore import data, races, regression
from gdviz import numbers
from gdviz.colors import mix
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    Trails,
    cased,
    contour_image,
    head_dot,
    line_pixels,
    live_readout,
    map_axes,
    map_pixels,
    step_of,
)
from gdviz.manim_theme import TICK_SIZE, ThemedScene, sections, styled_line
from gdviz.race_plot import batch_colors

RACE = races.BATCH_RACE
SUMMARY = races.BATCH_SUMMARY
#: Where the step tracker pauses, and the seconds each stretch takes: the first steps one at a
#: time (0.6 s each, a jump of the sampled runs can be followed), then faster, then fastest.
STOPS = ((16, 9.6), (60, 4.4), (RACE.steps, 5.0))
#: The cost axis, log: from 0.005 (under J* ≈ 0.009, the least any run can reach: no cost
#: lies under it, so no empty decade) to 10^0.7 ≈ 5, over the seed-0 runs' highest jump (4.15),
#: ticked and numbered at the decades 0.01, 0.1 and 1 (as decimals: a power's exponent was
#: 7 px tall).
Y_EXP = (float(np.log10(0.005)), 0.7)
#: The decades ticked on the cost axis.
Y_TICKS = (-2, -1, 0)
#: Stroke width of the sampled runs' recent steps (about 1.5 px at 480p): thin, the same for
#: the two; their older steps thinner still (OLD_WIDTH, under a pixel), so that hundreds of
#: jumps on the valley floor stay a web of lines, never a blot over the moment's steps.
WIDTH = 3.0
OLD_WIDTH = 1.3
#: The casing of the older steps on the dark page (each side, stroke units): thinner than the
#: house's CASING_WIDTH, which round hundreds of jumps would blot out the map under them.
OLD_CASING = 1.0
#: Each of the last TAIL steps marked by a dot on its point (radius, scene units): a jump reads
#: as a step from a point to the next, never one stroke retraced.
STEP_DOT = 0.035
#: The full-batch path, smooth, is drawn whole in its colour, wider (about 2.4 px at 480p), on a
#: casing: it would fade into the map's level lines, and nothing on it needs the fade's age.
FULL_WIDTH = 4.0
#: The run's last TAIL steps in its full colour; older steps fade towards the page in FADE
#: layers: the steps older than the i-th layer's age AGES[i] drawn FADE[i] of the way from the
#: page to the run's colour (all opaque: a see-through colour loses its contrast with the map).
#: The older steps stay well over half way to the run's colour: nearer the page (a quarter of
#: the way) the light theme's pale blue sank into the blue-green map and only the moment's steps
#: read.
TAIL = 8
AGES = (30, 0)
FADE = (0.75, 0.6)
#: On the two sampled maps each run's route, as the still draws it: its path averaged over
#: SUMMARY.smooth_steps steps centred on each step (races.route), in its colour, as wide as the
#: full batch's path and on the same casing, over the web of its older steps and under the
#: moment's; drawn up to ROUTE_LAG steps behind the step reached (each point drawn once every
#: step of its window is reached; whole at the last step). The web shows how far the run is
#: thrown, the route where it drifts: under the web alone only the moment's jumps said which
#: way the run went, and the web hatched the valley.
ROUTE_LAG = SUMMARY.smooth_steps // 2
#: The settled costs, which span a decade, and J* are written as the still writes them, to three
#: significant figures (settled_text: 0.133, 0.0736, 0.0235; J* 0.00903).
#: The house margin: nothing closer to the frame's edge (24 px at 480p).
MARGIN = 0.4
#: The header (title) stands further in than the house margin: at the margin it read as cut.
HEADER_MARGIN = 0.48
#: The least gap between two end values written at the right of the chart.
VALUE_GAP = 0.14
#: How far right of the chart's last step the end values stand: clear of the t axis label, which
#: their head (under them) would otherwise touch.
VALUE_X = 0.7
#: Map size (scene units) and the x of each map's centre: the three paths side by side are what
#: the video compares, so the maps take most of the frame, the chart under them the rest.
MAP_W, MAP_H = 3.1, 2.3
MAP_X = (-4.02, 0.42, 4.86)
MAP_Y = 1.2
#: Each map is traced at SUPERSAMPLE times the screen pixels it takes (each way) and scaled
#: down: its innermost level, an ellipse round the valley floor under two pixels wide at 480p,
#: then reads as one smooth closed curve (traced at the screen's own pixels it broke into
#: dashes where it is narrower than a pixel).
SUPERSAMPLE = 3
#: The least gap between the title's row and the map labels under it.
HEADER_GAP = 0.25
#: The key's row stands this far over the chart's top, under the maps' tick numbers.
KEY_GAP = 0.1
#: Each run's own J per step (seed 0, the run on its map: the ball's curve), thin in the run's
#: colour, under the mean over the seeds (smoothed), bold: the two named in the key.
RAW_WIDTH = 1.3
MEAN_WIDTHS = (3.5, 3.0, 3.0)
#: The thin curves (and their stroke in the key) RAW_INK of the way from the page to their
#: colour (solid, as a see-through line at that share on the page): their spikes stay behind
#: the bold means in the same hues, which read first.
RAW_INK = 0.4
#: In the dark theme the sampled runs' older steps fade less and lie on a thin casing: faded
#: towards the near-black page they sank into the dark map.
DARK_FADE = (0.85, 0.65)
#: The chart's size and centre: its bottom where it was, its top lower than the maps' axis
#: names by the key's row and KEY_ROOM.
CHART_W, CHART_H = 8.0, 1.82
CHART_X, CHART_Y = -1.65, -2.39
#: The least gap (scene units) between the maps' axis names and tick numbers and the key's row
#: under them (12 px at 480p).
KEY_ROOM = 0.2
#: Font size of the maps' tick numbers: over 13 px at 480p (TICK_SIZE, 30, gives 12.9).
MAP_TICK_SIZE = 32
#: In the dark theme the map's fills are mixed this far towards the page: calmer, so the runs'
#: blue and green paths on their casings stand out from the blue-teal map.
DARK_MAP_FADE = 0.35
#: Width of each of the three short strokes of a key entry (one per run, in the runs' colours).
KEY_STROKE = 0.14
#: Seconds the end values are held before their head comes in, and after: more than 4 s on
#: screen in all, never more than 2 s without a change.
END_HOLDS = (1.2, 1.9)


def settled_text(v: float, medium: str = "latex") -> str:
    """A cost (a settled cost, the mean over the last steps; J*) as the still writes it:
    numbers.cost, three significant figures (0.133, 0.0736, 0.0235; J* 0.00903), in `medium`
    (text or latex)."""
    return numbers.cost(v, medium)


class Behind:
    """The value a Trail reads for a route: `lag` steps behind the tracker (not under 0), and
    the last step once the tracker has reached it."""

    def __init__(self, tracker: ValueTracker, lag: int, last: int):
        self.tracker, self.lag, self.last = tracker, lag, last

    def get_value(self) -> float:
        v = self.tracker.get_value()
        return float(self.last) if v >= self.last - 1e-9 else max(0.0, v - self.lag)


class StepDots(VGroup):
    """A dot on each of a run's last TAIL + 1 points reached (whole steps up to the tracker's),
    on a casing of the page colour: the steps of the moment read as jumps between points."""

    def __init__(self, ax, points, tracker, color, theme, radius: float = STEP_DOT):
        self.ax, self.path, self.tracker = ax, np.asarray(points, dtype=float), tracker
        dots = [Dot(ORIGIN, radius=radius, color=color).set_stroke(theme.background, 1.5,
                                                                  background=True)
                for _ in range(TAIL + 1)]
        super().__init__(*dots)
        self._redraw()
        self.add_updater(lambda m: m._redraw())

    def reached(self) -> np.ndarray:
        """The points of the last TAIL + 1 whole steps reached at the tracker's value."""
        k = step_of(self.tracker, len(self.path) - 1)
        return self.path[max(0, k - TAIL):k + 1]

    def _redraw(self):
        pts = self.reached()
        for i, dot in enumerate(self.submobjects):
            if i < len(pts):
                dot.move_to(self.ax.c2p(*pts[i])).set_fill(opacity=1)
                dot.set_stroke(opacity=1, background=True)
            else:
                dot.move_to(self.ax.c2p(*pts[-1])).set_fill(opacity=0)
                dot.set_stroke(opacity=0, background=True)
        return self


class BatchVsStochastic(ThemedScene):

    @classmethod
    def captions(cls):
        """Short sentences: the setup and the comparison play in under 4 s."""
        x, y = data.regression_points()
        j_star = regression.cost(*regression.least_squares(x, y), x, y)
        levels = [settled_text(v, "text") for v in races.settled_costs(RACE, SUMMARY).values()]
        return {
            "setup": "Three maps of the cost J, one run each, all from one start.",
            "descent": ("Full batch, mini-batch and single sample step together: the "
                        "full-batch path runs smoothly, the other two jitter.",
                        f"Faster, to step {numbers.count(RACE.steps)}: all three reach the "
                        f"valley floor, the sampled runs still jumping about on it. The chart "
                        f"shows J per step: each map's run thin, the mean of "
                        f"{numbers.count(len(SUMMARY.seeds))} seeds bold."),
            "compare": f"Mean J of the last {numbers.count(SUMMARY.last_steps)} steps: "
                       f"{', '.join(levels)}; minimum {settled_text(j_star, 'text')}.",
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.runs = races.run_batch_race(RACE)
        self.means = races.seed_mean_costs(RACE, SUMMARY)
        self.settled = races.settled_costs(RACE, SUMMARY)
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.step = ValueTracker(0)
        self.colors = dict(zip(self.runs, batch_colors(self.theme), strict=True))

    def k(self) -> int:
        return step_of(self.step, RACE.steps)

    # -- panels ------------------------------------------------------------------------

    def build_map(self, i: int, name: str):
        """Map i: the cost map, the start, the minimum and run `name`'s path alone."""
        t = self.theme
        (m0, m1), (b0, b1) = RACE.window
        ax = map_axes(t, [m0, m1, 1], [b0, b1, 2], MAP_W, MAP_H, "m", "b", places=0,
                      tick_size=MAP_TICK_SIZE)
        # the map's window (not its box with the tick numbers) centred on its place
        ax.shift(np.array([MAP_X[i], MAP_Y, 0]) - ax.c2p(0.5 * (m0 + m1), 0.5 * (b0 + b1)))
        w, h = map_pixels(MAP_W, MAP_H)
        fine = contour_image(t, self.grid[0], self.grid[1], self.grid[2], ax,
                             size=(SUPERSAMPLE * w, SUPERSAMPLE * h),
                             line_px=SUPERSAMPLE * line_pixels(),
                             fade=DARK_MAP_FADE if t.name == "dark" else 0.0)
        # scaled down here, each screen pixel the mean of the SUPERSAMPLE² traced over it (the
        # camera's own resampling of an image takes no mean: it would alias the fine lines)
        img = ImageMobject(np.asarray(Image.fromarray(fine.pixel_array).reduce(SUPERSAMPLE)))
        img.stretch_to_fit_width(fine.width).stretch_to_fit_height(fine.height)
        img.move_to(fine).set_z_index(fine.z_index)
        # the minimum: the house's ink star
        star = Star(outer_radius=0.15, color=t.mark_color("minimum"),
                    fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(8)
        start = Circle(radius=0.09, color=t.text, stroke_width=3, fill_color=t.background,
                       fill_opacity=1).move_to(ax.c2p(*RACE.start))
        start.set_z_index(4.5)  # over the path (its throws cross it), under the moving dot
        c = self.colors[name]
        pts = self.runs[name].points
        if i == 0:
            # the full batch: its whole path solid in its colour, on the house's casing over
            # the map, as the race paths
            layers = Trails(cased(Trail(ax, pts, self.step, color=c, stroke_width=FULL_WIDTH),
                                  t).set_z_index(3))
            # its last TAIL steps lie on it, alike (no casing: it would cut the path)
            tail = Trail(ax, pts, self.step, color=c, stroke_width=FULL_WIDTH, tail=TAIL)
        else:
            # the older steps in layers fading with age (solid colours between page and run):
            # the whole path faintest, its last AGES[0] steps less faint over it; on the dark
            # page faded less and on a thin casing, or they sink into the dark map (on the
            # white page a casing round hundreds of jumps whitened the web)
            dark = t.name == "dark"
            layers = Trails(*(
                Trail(ax, pts, self.step, color=ManimColor(mix(t.background, c, f)),
                      stroke_width=OLD_WIDTH, tail=age or None).set_z_index(3 + 0.1 * j)
                for j, (age, f) in enumerate(zip(AGES[::-1],
                                                 (DARK_FADE if dark else FADE)[::-1]))))
            if dark:
                for layer in layers:
                    cased(layer, t, OLD_CASING)
            # the last TAIL steps in the run's colour, on the house's casing, a dot on each
            # point
            tail = cased(Trail(ax, pts, self.step, color=c, stroke_width=WIDTH, tail=TAIL), t)
        tail.set_z_index(4)
        # the sampled runs' route, over the web and under the moment's steps
        route = VGroup() if i == 0 else cased(
            Trail(ax, races.route(pts), Behind(self.step, ROUTE_LAG, RACE.steps), color=c,
                  stroke_width=FULL_WIDTH), t).set_z_index(3.5)
        dots = StepDots(ax, pts, self.step, c, t).set_z_index(4.2) if i else VGroup()
        dot = cased(head_dot(tail, c, radius=0.08), t).set_stroke(t.background, width=1.5)
        dot.set_z_index(5)
        # the run named over its map in ink, beside a stroke of its colour: the key of the
        # chart's curves of that colour too
        label = self.text(name, 24, t.text)
        swatch = Line(ORIGIN, 0.35 * RIGHT, color=c, stroke_width=4)
        named = VGroup(swatch, label).arrange(RIGHT, buff=0.1).next_to(img, UP, buff=0.14)
        swatch.match_y(label)
        # the widest (the last map's) kept inside the margin
        named.shift(min(0.0, config.frame_width / 2 - MARGIN - named.get_right()[0]) * RIGHT)
        return {"ax": ax, "img": img, "star": star, "start": start, "layers": layers,
                "tail": tail, "route": route, "dot": dot, "steps": dots, "label": label,
                "swatch": swatch}

    def build_cost(self):
        t = self.theme
        plot = LossPlot(t, self.step, (0, RACE.steps, 50), Y_EXP, CHART_W, CHART_H,
                        x_label=None, y_label=None)
        plot.ax.move_to(np.array([CHART_X, CHART_Y, 0]))
        # the decades (Y_TICKS: the axis starts between two) ticked and numbered as decimals
        # (1, 0.1, 0.01) at the house's tick size, in the places of Manim's ticks and powers,
        # which step from the axis's foot
        y_axis = plot.ax.y_axis
        old_tick, old_num = y_axis.ticks[0], y_axis.labels[0]
        ticks, nums = VGroup(), VGroup()
        for k in Y_TICKS:
            p = plot.c2p(0, 10.0 ** k)
            ticks.add(old_tick.copy().move_to(p, coor_mask=np.array([0, 1, 0])))
            nums.add(self.tex(f"{10.0 ** k:.{max(0, -k)}f}", TICK_SIZE, t.text)
                     .align_to(old_num, RIGHT).set_y(p[1]))
        y_axis.ticks.submobjects = ticks.submobjects
        y_axis.labels.submobjects = nums.submobjects
        # the cost axis named J (the symbol, as every video's curve of J per step), set once
        # the chart is placed (centred with it, the label would move the chart down): beside
        # its own axis, left of the tick numbers at the axis's middle, clear of them
        ticks = VGroup(*plot.ax.y_axis.labels)
        name = self.tex("J", 30).next_to(ticks, LEFT, buff=0.22)
        name.set_y(plot.c2p(0, 10.0 ** (0.5 * sum(Y_EXP)))[1])
        plot.ax.labels = VGroup(name)
        plot.ax.add(plot.ax.labels)
        lt = self.tex("t", 30).next_to(plot.c2p(RACE.steps, 10.0 ** Y_EXP[0]), RIGHT, buff=0.2)
        plot.ax.add(lt)
        # each run: its own J per step (seed 0, the run on its map, the ball's curve) thin in
        # its colour, and the seeds' mean, smoothed, bold over it (the full batch's on top), on
        # casings of the page colour
        smooth = races.smoothed_costs(RACE, SUMMARY)
        self.raw_curves, self.curves = {}, {}
        for i, name in enumerate(self.means):
            c = self.colors[name]
            raw = plot.curve(self.runs[name].losses, ManimColor(mix(t.background, c, RAW_INK)),
                             stroke_width=RAW_WIDTH)
            self.raw_curves[name] = raw.set_z_index(3 - 0.1 * i)
            curve = plot.curve(smooth[name], c, stroke_width=MEAN_WIDTHS[i])
            self.curves[name] = cased(curve, t, 1.2).set_z_index(6 - i)
        # J*, the least cost: dotted in ink (the good green is a kin of the mini-batch's),
        # named with its number on the line at its left, over it (the axis ends just under J*,
        # the least any run reaches; the curves are still high over the first hundred steps),
        # apart from the runs' means at the right
        best = styled_line("reference", plot.c2p(0, self.j_star),
                           plot.c2p(RACE.steps, self.j_star), t.least_cost, 2.5)
        self.j_line = best
        words = self.mixed(f"minimum $J^* = {settled_text(self.j_star)}$", 24, t.text)
        p = plot.c2p(4, self.j_star)
        words.next_to(p, UP, buff=0.06).align_to(p, LEFT)
        self.j_label = words
        # the two kinds of curve named in one row over the chart, each beside three short
        # strokes of its width in the runs' colours, drawn as its curves are (the thin one's as
        # faint as the thin curves): the key shows the lines it names
        def strokes(width, share):
            return VGroup(*(Line(ORIGIN, KEY_STROKE * RIGHT, stroke_width=width,
                                 color=ManimColor(mix(t.background, c, share)))
                            for c in self.colors.values())).arrange(RIGHT, buff=0.02)

        kinds = VGroup(*(
            VGroup(strokes(w, share), self.text(words_, 24, t.text)).arrange(RIGHT, buff=0.1)
            for w, share, words_ in (
                (RAW_WIDTH, RAW_INK, f"seed {RACE.seed}, as on the maps"),
                (MEAN_WIDTHS[1], 1.0, f"mean of {len(SUMMARY.seeds)} seeds"))))
        # and the sampled maps' route, beside two strokes of its width in their colours
        route = VGroup(*(Line(ORIGIN, KEY_STROKE * RIGHT, stroke_width=FULL_WIDTH, color=c)
                         for c in list(self.colors.values())[1:])).arrange(RIGHT, buff=0.02)
        kinds.add(VGroup(route, self.text(f"maps: {SUMMARY.smooth_steps}-step average",
                                          24, t.text)).arrange(RIGHT, buff=0.1))
        kinds.arrange(RIGHT, buff=0.5)
        top = plot.c2p(0, 10.0 ** Y_EXP[1])
        kinds.next_to(top, UP, buff=KEY_GAP).align_to(top, LEFT)
        self.key = kinds
        return plot, VGroup(best, self.j_label)

    # -- sections ----------------------------------------------------------------------

    def section_setup(self):
        (m0, m1), (b0, b1) = RACE.window
        self.grid = regression.cost_grid(self.x, self.y, (m0, m1), (b0, b1), size=300)
        title = self.text("Full batch, mini-batch, single sample", 32)
        title.to_corner(UP + LEFT, buff=HEADER_MARGIN)
        # the step counter and the rate
        rate = self.tex(rf"\alpha = {RACE.lr:g}", 30)
        step_read, _ = live_readout("t", self.shown_step, 0, 30)
        room = self.tex(str(RACE.steps), 30).width - step_read[1].width
        info = VGroup(step_read, rate).arrange(RIGHT, buff=0.45 + room, aligned_edge=DOWN)
        self.title, self.info, self.step_read = title, info, step_read
        self.maps = [self.build_map(i, name) for i, name in enumerate(self.runs)]
        plot, best = self.cost = self.build_cost()
        # the step and the rate, the state of all three maps, in the header's right
        info.to_corner(UP + RIGHT, buff=HEADER_MARGIN).align_to(title, DOWN)

        self.play(Write(title), run_time=1.0)
        self.play(*(FadeIn(m[k]) for m in self.maps
                    for k in ("img", "ax", "label", "swatch", "star", "start")), run_time=1.2)
        self.play(Create(plot.ax), FadeIn(best), FadeIn(self.key), FadeIn(info), run_time=1.0)
        self.play(*(FadeIn(m[k]) for m in self.maps
                    for k in ("layers", "route", "tail", "steps", "dot")),
                  *(FadeIn(c) for c in [*self.raw_curves.values(), *self.curves.values()]),
                  run_time=0.6)

    def shown_step(self) -> int:
        """The step the counter shows: the one under way (its dots already move), ⌈s⌉."""
        s = self.step.get_value()
        return int(np.clip(np.ceil(s - 1e-9), 0, RACE.steps))

    def section_descent(self):
        for i, (k, seconds) in enumerate(STOPS):
            if i == 1:  # the caption's next sentence: the faster steps
                self.caption_next()
            self.play(self.step.animate.set_value(k), run_time=seconds, rate_func=linear)
            self.wait(0.4 if k < RACE.steps else 0.6)

    def section_compare(self):
        t = self.theme
        plot = self.cost[0]
        # the fair comparison, stated once: the seeds' mean over the last steps, written in ink
        # right of the chart, clear of the data, each keyed by a short stroke of its run's
        # colour from the chart's edge at its level
        self.values = VGroup()
        right = plot.c2p(RACE.steps, 1.0)[0]
        for v in self.settled.values():
            num = self.tex(settled_text(v, "latex"), 28, t.text)
            num.move_to(plot.c2p(RACE.steps, v)).set_x(right + VALUE_X, direction=LEFT)
            self.values.add(num)
        # numbers too close to read apart are pushed apart, in their order (J* is not among
        # them: it is named on its own line, at the left)
        column = list(self.values)
        order = np.argsort([n.get_y() for n in column])
        for lo, hi in zip(order, order[1:]):
            low, high = column[lo], column[hi]
            gap = high.get_bottom()[1] - low.get_top()[1]
            if gap < VALUE_GAP:
                high.shift((VALUE_GAP - gap) * UP)
        self.leaders = VGroup(*(
            Line(plot.c2p(RACE.steps, v) + 0.06 * RIGHT, num.get_left() + 0.06 * LEFT,
                 color=self.colors[name], stroke_width=3)
            for (name, v), num in zip(self.settled.items(), self.values, strict=True)))
        # what they are, right of them
        head = VGroup(self.text("mean of the", 24, t.muted),
                      self.text(f"last {SUMMARY.last_steps} steps", 24, t.muted))
        head.arrange(DOWN, buff=0.04, aligned_edge=LEFT)
        head.next_to(self.values, RIGHT, buff=0.25)
        self.values_head = head
        # the numbers, then what they are: on screen more than 4 s in all, never 2 s still
        self.play(FadeIn(self.values), FadeIn(self.leaders), run_time=0.8)
        self.wait(END_HOLDS[0])
        self.play(FadeIn(head), run_time=0.7)
        self.wait(END_HOLDS[1])

    SECTIONS = sections(section_setup, section_descent, section_compare)

