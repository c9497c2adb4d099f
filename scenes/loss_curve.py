"""A training loss curve: a small network learns the two moons, its cost J per iteration drawn as
one ValueTracker of the iteration advances.

The run is the still figure's, gdcore.networks.LOSS_CURVE (its settings and its run(), i.e.
gdcore.nn.train of a seeded 2-8-1 tanh network on gdcore.data.two_moons with full-batch gradient
descent), so the two show the same numbers. One large chart, its step axis logarithmic as the
other videos' cost panels draw steps (u = log10(t + 1), numbered in t: 0, 1, 10, 100, 1,000, its
decades cut by minor ticks, which show the scale), its cost axis linear, both fixed from the first
frame: 84 % of the drop comes within the first EX.early steps, which a linear step axis squeezed
into a cliff a few pixels wide; on the log axis they take over half of the chart's width, and the
last decade's slow fall is the gentle slope at the right. The tracker runs at a steady pace in
u, so the dot crosses the chart at one speed and the steep first steps take as long as the later
decades. While the cost falls the data panel shows the decision regions of the network at the
iteration shown (gdcore's LOSS_CURVE.nets_at), redrawn frame by frame (between two steps the two
networks' outputs interpolated and thresholded once: one boundary that moves, the shading agreeing
with it), so the boundary moves as the curve falls. The readouts t and J stand at the chart's top
right, over its empty corner; every cost is written as the still writes costs (numbers.cost:
0.0258, three significant figures). At step EX.early a note under the curve gives its cost; at the
end the start and the final cost are labelled one at a time, with the still's marks: the start a
hollow ring in ink, the end the run's hollow square, which the riding dot turns into; the final
label says where training
ended: the step it stops at, its cost, that cost's share of the start, and that it is still
falling, slowly (no level line is drawn: the run stops before the curve reaches one). The data
panel's title says it shows the decision regions; the curve, its dot, its end square and the J
readout take plain descent's colour beside the classes, ink (theme.beside_classes: the accent is
the rust's kin, the still's curve in ink too), never a class's colour; J
is given with the per-example cost C_i it averages, in one row under the subtitle, over the data
panel; the rate α ends the subtitle. The set-up is short (about 3 s, three beats); on the long
tail a short note says the cost is still falling slowly, and stays as the last line of the final
label: one message.
Render alone with: manim -ql scenes/loss_curve.py LossCurve
"""

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
    ImageMobject,
    Line,
    MathTex,
    Rectangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    linear,
)

from gdcore.networks import LOSS_CURVE
from gdviz import colors, equations, numbers
from gdviz.manim_blocks import (
    LossPlot,
    class_mark,
    live_readout,
    loss_axes,
    set_number,
    step_of,
    t_to_u,
    u_to_t,
)
from gdviz.manim_theme import ThemedScene, readout, sections
from gdviz.race_scene import end_square
from gdviz.theme import AXIS_LABELS

#: The training run of the still (gdcore.networks.LOSS_CURVE).
EX = LOSS_CURVE
#: The loss axis: 0 … Y_TOP (the first loss is about 0.255), ticked every Y_STEP.
Y_TOP, Y_STEP = 0.3, 0.05
#: The step axis's numbered ticks (t on the log axis u = log10(t + 1)) and its minor ticks, every
#: whole step of each decade between them (2 … 9, 20 … 90, 200 … 900): the log scale shown by the
#: ticks, as the house's axis labels leave it (no "log scale" in a label).
T_TICKS = (0, 1, 10, 100, 1000)
MINOR_TICKS = tuple(m * 10**d for d in range(3) for m in range(2, 10))
#: The chart's axes: width and height (scene units), and the scene point of their origin
#: (0 steps, J = 0) at the lower left: one large chart over the frame's left part, from under
#: the subtitle to the margin, beside the data panel.
MAIN_W, MAIN_H = 6.9, 4.05
MAIN_ORIGIN = np.array([-5.7, -2.6, 0.0])
#: The readouts' row: its height (a cost J, the top of the chart's empty right corner) and the
#: step t its left edge stands at (the numbers grow to the right).
READ_J, READ_T = 0.272, 60
#: Seconds per decade of iterations (the tracker runs at a steady pace in log10(t + 1)).
DECADE_SECONDS = 4.0
#: The height (a cost J) of the final label's bottom: over the curve's last two decades.
END_LABEL_J = 0.086
#: The equations' size, and the page (scene units) between the two: one row in the top band,
#: over the data panel, out of the plot's data area.
EQ_SIZE, EQ_GAP = 24, 0.5
#: The share of the tail's play (after EX.early steps) at which the note "levelling off" comes
#: in (about step 250 on its log pace; until then the curve still visibly bends).
LEVEL_AT = 0.5
#: The note of step EX.early stands under the curve, left of and below its point (the empty
#: space under the steep first steps): how far (scene units).
NOTE_SHIFT, NOTE_DROP = 0.15, 0.2
#: Pixels per side of the decision-region image.
REGION_PIXELS = 240


def cost_places(v: float) -> int:
    """The decimals numbers.cost writes the cost v with (0.255: 3, 0.0258: 4, 0.10: 2)."""
    text = numbers.cost(v)
    return len(text.split(".")[1]) if "." in text else 0


class LossCurve(ThemedScene):

    @classmethod
    def captions(cls):
        X, Y, result = EX.run()
        losses = result.train_losses
        s, early, last = EX.sizes, EX.early, EX.steps

        def j(k):
            return numbers.cost(float(losses[k]))

        accuracy = EX.accuracy(result.net, X, Y)
        return {
            "setup": f"A small {'–'.join(str(n) for n in s)} network's cost J per step; "
                     f"beside it, {numbers.count(EX.n_points)} points of two classes, the two "
                     f"moons.",
            "training": (f"Gradient descent, α = {numbers.text(EX.lr)}: J falls steeply and "
                         f"the boundary between the class regions moves across the points; "
                         f"step {numbers.count(early)}: J = {j(early)}.",
                         "J keeps falling, more slowly, as the boundary bends between the "
                         "moons."),
            "levelled": f"J fell from {j(0)} to {j(last)} in {numbers.count(last)} steps and "
                        f"levelled off, still falling slowly when training stopped; "
                        f"{100 * accuracy:.0f} % classified correctly.",
        }

    def setup(self):
        super().setup()
        self.X, self.Y, self.result = EX.run()
        self.losses = self.result.train_losses
        #: the network after every iteration of the run (gdcore), for the decision regions
        self.nets = EX.nets_at(range(EX.steps + 1))
        self.it = ValueTracker(0)

    def k(self) -> int:
        return step_of(self.it, EX.steps)

    # -- panels ------------------------------------------------------------------------

    def build_plot(self):
        t = self.theme
        # one large chart: the steps on a log axis (u = log10(t + 1), numbered in t), so the
        # steep first EX.early steps take over half its width; the cost linear, fixed
        ax = loss_axes(t, (0, EX.steps), (0, Y_TOP), MAIN_W, MAIN_H, None, None, log=False,
                       y_step=Y_STEP, x_places=2, log_t=True, counts=True, t_ticks=T_TICKS)
        plot = LossPlot(t, self.it, None, (0, Y_TOP), 0, 0, log=False, ax=ax, log_t=True)
        ax.shift(MAIN_ORIGIN - ax.c2p(0, 0))
        # the decades cut by minor ticks, shorter than the numbered ones: the scale shown
        minor = VGroup(*(Line(plot.c2p(m, 0) + 0.05 * UP, plot.c2p(m, 0) + 0.05 * DOWN,
                              color=t.muted, stroke_width=1.5) for m in MINOR_TICKS))
        ax.add(minor)
        xl = self.mixed(AXIS_LABELS["step"], 24)
        # under the axis's numbers (drawn beside the axis, not in it), at its right end
        nums = [m for m in ax.submobjects if isinstance(m, MathTex)]
        xl.next_to(VGroup(*nums), DOWN, buff=0.1).align_to(ax.x_axis, RIGHT)
        yl = self.mixed(AXIS_LABELS["cost"], 24)
        yl.next_to(ax.y_axis.get_top(), UP, buff=0.12).align_to(ax.y_axis, LEFT)
        ax.add(xl, yl)
        # the run in plain gradient descent's colour, in ink beside the classes
        # (theme.beside_classes: the accent is the rust's kin, and the orange curve read as the
        # class-1 triangles' colour)
        c = t.beside_classes("accent")
        curve = plot.curve(self.losses, c, stroke_width=4.5)
        dot = plot.dot(curve, c, radius=0.09).set_stroke(t.background, width=1.5)
        return plot, curve, dot

    def build_data(self):
        """The two moons on their own axes (no ticks: only where the points lie matters)."""
        t = self.theme
        lo, hi = self.X.min(axis=0) - 0.3, self.X.max(axis=0) + 0.3
        width = 4.3
        height = width * (hi[1] - lo[1]) / (hi[0] - lo[0])
        box = Rectangle(width=width, height=height, stroke_color=t.muted, stroke_width=2)
        box.move_to(np.array([4.4, -1.0, 0]))

        def c2p(p):
            f = (np.asarray(p) - lo) / (hi - lo)
            return box.get_corner(DOWN + LEFT) + np.array([f[0] * width, f[1] * height, 0])

        cls = self.Y[:, 0] > EX.threshold
        dots = VGroup()
        for p, c in zip(self.X, cls):
            dots.add(class_mark(t, int(c)).move_to(c2p(p)))
        dots.set_z_index(2)
        # the network's output on a grid: class 1 where it exceeds the threshold
        self.grid = np.meshgrid(np.linspace(lo[0], hi[0], REGION_PIXELS),
                                np.linspace(lo[1], hi[1], int(REGION_PIXELS * height / width)))
        self.regions, self.painted = {}, 0
        img = ImageMobject(self.region_pixels(0))
        img.stretch_to_fit_width(width).stretch_to_fit_height(height).move_to(box)
        img.set_z_index(-1)
        key = VGroup(
            *(VGroup(class_mark(t, k, 0.07), self.text(f"class {k}", 24)).arrange(RIGHT, 0.15)
              for k in (0, 1)),
        ).arrange(RIGHT, buff=0.5)
        key.next_to(box, DOWN, buff=0.2)
        return box, dots, img, key

    def region_pixels(self, k: int) -> np.ndarray:
        """The decision regions of the network after k iterations as RGBA pixels: each class's
        region tinted towards its marks' colour, the boundary between them in the text colour,
        both from one array."""
        one = self.outputs_at(k) > EX.threshold
        self.regions[k] = one
        return self.paint(one)

    def outputs_at(self, k: int) -> np.ndarray:
        """The network's output on the grid after k iterations (gdcore's), kept for the two
        steps the tracker is between."""
        cache = self.__dict__.setdefault("output_cache", {})
        if k not in cache:
            for old in [j for j in cache if j not in (k - 1, k, k + 1)]:
                del cache[old]
            cache[k] = EX.output_grid(self.nets[k], *self.grid)
        return cache[k]

    def paint(self, one: np.ndarray) -> np.ndarray:
        """RGBA pixels of a class map: each class's region washed towards its marks' colour,
        the one boundary between them in ink."""
        t = self.theme
        # each region washed towards its class's colour as far as the theme says
        # (theme.class_region, theme.region_wash: class 0's towards the data blue, class 1's
        # towards the rust of its triangles)
        rgb = np.where(one[..., None],
                       colors.mix(t.background, t.class_region(1), t.region_wash),
                       colors.mix(t.background, t.class_region(0), t.region_wash))
        # the boundary two pixels wide, one on each side of where the classes meet (one
        # pixel, on one side only, it was a hairline of 1.1 px at 480p beside the curve's 4.5)
        across, up = one[:, 1:] != one[:, :-1], one[1:, :] != one[:-1, :]
        edge = np.zeros(one.shape, dtype=bool)
        edge[:, 1:] |= across
        edge[:, :-1] |= across
        edge[1:, :] |= up
        edge[:-1, :] |= up
        rgb[edge] = colors.rgb(t.model)
        rgba = np.concatenate([rgb, np.ones(one.shape + (1,))], axis=-1)
        return (np.flipud(rgba) * 255).round().astype(np.uint8)

    def paint_regions(self, img) -> None:
        """Redraw the regions (shading and boundary together) for the shown iteration: at a
        whole step k its network's; between steps k and k + 1 the two networks' outputs
        interpolated by the tracker's fraction and thresholded once, so one boundary moves
        from the one to the other (no second, fading boundary) and the shading agrees with it
        in every frame."""
        s = float(self.it.get_value())
        k = self.k()
        f = float(np.clip(s - k, 0.0, 1.0)) if k < EX.steps else 0.0
        shown = k if f < 1e-9 else s
        if shown == self.painted:
            return
        if shown == k:
            img.pixel_array[...] = self.region_pixels(k)
        else:
            out = (1 - f) * self.outputs_at(k) + f * self.outputs_at(k + 1)
            img.pixel_array[...] = self.paint(out > EX.threshold)
        self.painted = shown

    def set_cost(self, number) -> None:
        """The J readout set to the cost at the shown step, written as numbers.cost writes it
        (its decimals follow the value: 0.255, 0.10, 0.0258)."""
        v = float(self.losses[self.k()])
        number.num_decimal_places = cost_places(v)
        set_number(number, v)

    # -- sections ----------------------------------------------------------------------

    def section_setup(self):
        t = self.theme
        title = self.text("Training a small network: the cost per step", 34)
        title.to_edge(UP, buff=0.42)
        s = EX.sizes
        sub = self.mixed(f"a {s[0]}–{s[1]}–{s[2]} {EX.activation} network, "
                         f"{EX.n_points} points, full-batch gradient descent, "
                         rf"$\alpha = {EX.lr:g}$", 24, t.muted)
        sub.next_to(title, DOWN, buff=0.15)
        plot, curve, dot = self.plot = self.build_plot()
        box, dots, img, key = self.data = self.build_data()
        # what the panel shows, in two lines as wide as the panel
        data_title = VGroup(self.text("the two moons and", 24),
                            self.text("the network's decision regions", 24)).arrange(
            DOWN, buff=0.06)
        data_title.next_to(box, UP, buff=0.2)
        # the readouts t and J stacked at the chart's top right, over its empty corner (the
        # curve is there under a fifth of its height), their left edges fixed (the numbers grow
        # to the right); J written as every cost is (numbers.cost: 0.0258, not 0.026)
        it_read, it_num = live_readout("t", lambda: self.k(), 0, 30)
        j0 = float(self.losses[0])
        l_read, l_num = readout("J", j0, cost_places(j0), 30, t.beside_classes("accent"))
        l_num.add_updater(lambda d: self.set_cost(d))
        reads = VGroup(it_read, l_read).arrange(DOWN, buff=0.18, aligned_edge=LEFT)
        reads.move_to(plot.c2p(READ_T, READ_J), aligned_edge=UP + LEFT)
        # J and the per-example cost C_i it averages, defined on screen
        eq = VGroup(self.tex(equations.tex("half-mse-loss"), EQ_SIZE),
                    self.tex(equations.tex("per-example-cost"), EQ_SIZE)).arrange(RIGHT,
                                                                                   buff=EQ_GAP)
        # one row in the top band, over the data panel, out of the plot's data area
        eq.next_to(sub, DOWN, buff=0.15).align_to(box, RIGHT)
        self.eq, self.reads = eq, reads

        # a short set-up (about 3 s) in three beats: the titles and the cost's definition,
        # the chart, the data panel; then the run's readouts and curve
        self.play(FadeIn(title), FadeIn(sub), FadeIn(eq), run_time=0.8)
        self.play(FadeIn(plot.ax), run_time=0.8)
        self.play(FadeIn(box), FadeIn(data_title), FadeIn(dots), FadeIn(key), FadeIn(img),
                  run_time=0.8)
        self.play(FadeIn(reads), FadeIn(curve), FadeIn(dot), run_time=0.6)
        self.wait(0.5)

    def section_training(self):
        t = self.theme
        plot = self.plot[0]
        early, img = EX.early, self.data[2]
        # the regions follow the run frame by frame: shading and boundary are one picture of
        # the network at the shown iteration, so they agree in every frame
        img.add_updater(self.paint_regions)
        for a, b in ((0, early), (early, EX.steps)):
            u0, u1 = float(t_to_u(a)), float(t_to_u(b))

            def advance(m, alpha, u0=u0, u1=u1):
                m.set_value(float(u_to_t(u0 + alpha * (u1 - u0))))

            # on the long tail, once the fall has slowed, a short note says so while it plays
            level = []
            if b == EX.steps:
                self.level_note = self.text("still falling slowly", 24, t.muted)
                self.level_note.align_to(plot.c2p(EX.steps, 0), RIGHT).align_to(
                    plot.c2p(0, END_LABEL_J), DOWN)
                level = [FadeIn(self.level_note, rate_func=lambda a: float(
                    np.clip((a - LEVEL_AT) / 0.15, 0.0, 1.0)))]
            self.play(UpdateFromAlphaFunc(self.it, advance, rate_func=linear), *level,
                      run_time=DECADE_SECONDS * (u1 - u0))
            if b == early:
                # step EX.early marked on the curve, its cost written under the curve, left
                # of and below the point (the empty space under the steep first steps): a
                # muted dot on a ring of the page, apart from the ink curve and the ink dot
                # that rides it
                p = plot.c2p(early, self.losses[early])
                mark = Dot(p, radius=0.07, color=t.muted).set_stroke(t.background, width=1.5)
                mark.set_z_index(4)
                note = self.text(f"after {numbers.count(early)} steps: "
                                 f"{numbers.cost(self.losses[early])}", 24)
                note.move_to(p + np.array([-NOTE_SHIFT, -NOTE_DROP, 0]), aligned_edge=UP + RIGHT)
                self.play(FadeIn(mark), FadeIn(note), run_time=0.8)
                self.early_note = VGroup(mark, note)
                self.caption_next()
        img.remove_updater(self.paint_regions)
        self.paint_regions(img)
        self.wait(0.6)

    def section_levelled(self):
        t = self.theme
        plot = self.plot[0]
        last = EX.steps
        l0, l1 = float(self.losses[0]), float(self.losses[-1])
        p0, p1 = plot.c2p(0, l0), plot.c2p(last, l1)
        # the start at t = 0, its value written over the curve's first step, above and right
        # of its point (the curve falls away under it)
        # the house's marks, as the still's: the start a hollow ring in ink, the end the run's
        # hollow square, into which the dot that rode the curve turns (a filled dot at the
        # start read as a second current position)
        ring = Circle(radius=0.09, color=t.text, stroke_width=3).set_fill(t.background, 1)
        start = VGroup(ring.move_to(p0).set_z_index(4),
                       self.text(f"start: {numbers.cost(l0)}", 24))
        start[1].move_to(p0 + np.array([0.2, 0.08, 0]), aligned_edge=DOWN + LEFT)
        # where training ended, in gdcore's numbers: its last step, its cost, the share of the
        # start that cost is; and, truthfully, that the cost has not stopped falling
        end = VGroup(self.text(f"training stops after {numbers.count(last)} steps", 24),
                     self.text(f"at {numbers.cost(l1)}, {100 * l1 / l0:.0f} % of the start,",
                               24, t.muted),
                     self.text("still falling slowly", 24, t.muted),
                     ).arrange(DOWN, buff=0.1, aligned_edge=RIGHT)
        # in the open space over the last decades, under the readouts, joined to the last point
        # by a leader
        end.align_to(p1, RIGHT).align_to(plot.c2p(0, END_LABEL_J), DOWN)
        leader = Line(np.array([p1[0], end.get_bottom()[1] - 0.1, 0]), p1 + 0.15 * UP,
                      color=t.muted, stroke_width=1.5)
        end.add(leader)
        self.end_label, self.start_mark = end, start
        box, dots, img, key = self.data
        accuracy = EX.accuracy(self.result.net, self.X, self.Y)
        acc = self.text(f"{100 * accuracy:.0f} % classified correctly", 24)
        acc.next_to(key, DOWN, buff=0.2)
        # the early note and its point give their place to the final label
        self.play(FadeOut(self.early_note), run_time=0.5)
        # one at a time: the start, the final label (its last line the tail's note, kept in
        # its place: one message), then the accuracy
        self.play(FadeIn(start), run_time=0.7)
        self.level_note.move_to(end[2])
        self.remove(end[2])
        end.submobjects[2] = self.level_note
        dot = self.plot[2]
        self.end_mark = end_square(t, t.beside_classes("accent")).move_to(dot).set_z_index(4)
        self.play(*(FadeIn(m) for m in end if m is not self.level_note),
                  FadeOut(dot), FadeIn(self.end_mark), run_time=0.7)
        self.play(FadeIn(acc), run_time=0.7)
        self.wait(1.4)

    SECTIONS = sections(section_setup, section_training, section_levelled)
