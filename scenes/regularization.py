"""L2 regularisation calms the degree-9 fit: λ sweeps from none to strong, refitted every frame.

Left: the degree-9 polynomial fitted to the noisy sine samples with the penalty (λ/2) Σ_{k≥1} w_k²
of J_λ, clipped to the panel, and one decade of λ behind it the fit at λ/10 as a ghost (solid
faint ink, half as wide, under the fit, 3:1 against the page; its key says "fit at λ/10", true in
every frame, and the note of the sweep says once what it is). The held-out test samples are
drawn only where the test cost is the point, the pause at its least (as the still draws them in
its least-test-cost panel alone): small hollow diamonds over the fit, under the training dots,
their edge a tint of the test colour at 3:1 against the page, quieter than the fit and the
training points; they come in with the box round the least test cost and leave with it (a
hundred of them through the whole sweep buried the curve and the ten samples). Right: the ten
coefficients w_0 … w_9 as bars of height log10 |w_k| (filled when positive, hollow when
negative; w_0, the unpenalised intercept, filled in the muted colour whatever its sign: one
look, the one its key shows), each over its index k (digits of
12.9 px; the axis named k), the axis ticked in powers of ten alone (10⁰ too) and named
"|w_k|, log scale". The fit panel's ticks are whole numbers (0, 1; −2 … 2), as the still's. A
row of keys right over each panel
names the curve, its ghost and the dotted sine, and the three kinds of bar. On the title's row,
right of the title, on its baseline, large, the swept λ (two figures, 4.5 × 10⁻⁵; a power of ten
alone, 10⁻⁴), 12 px over the costs. The sweep steps a decade at a time: λ moves to the
next decade, the fit, the bars and every readout redrawn at the frame's λ, then holds, so every
number on screen is gdcore's for the fit drawn and each decade's is read with its fit. Beside the
equation, on one row, "training J" and "test J" (the cost without the penalty, half the mean
squared error, on the 10 samples and on 100 new test samples), set in ink, each keyed by a
swatch of its marks' colour left of its label, each label where it stands at every λ (room kept
for its value's widest form), every cost in one form, three significant figures with their
zeros kept, written as people write them (7.42, 0.0366) and as a power of ten under 10⁻³
(5.90 × 10⁻⁴), the training cost of the interpolating fit, rounding noise, as the bound
"< 10⁻¹⁰". Three rows over the panels, then: the title with λ, the equation with the costs,
the keys (the costs stacked under λ made five); so the panels take the frame's height from the
keys' row down to the note.
One ValueTracker holds u = log10 λ; every curve and bar of a frame is gdcore's ridge fit at that
frame's λ (procedure.REGULARIZATION.path_at), every number too. The panels are
built in beats: axes (tick numbers faded in whole), samples and sine, the bars' key, then the fit.
The sweep starts at λ = 0 (the interpolating fit, ‖w‖ ≈ 2.3 × 10⁶; its two-line note held over 4 s,
a line at a time), steps to 10⁻¹⁶ (as wild), calms through 10⁻¹⁶ … 10⁻¹⁰, pauses at the λ of least
test cost among those it passes through (gdcore's sweep_best: 4.5 × 10⁻⁵, between the grid's
decades; its readout boxed in its own colour (faded in and out, clear of the training
cost beside it) and held over 3 s while the note comes a line at a time), and ends at λ = 1. Each
readout comes in label first, then its value. A note that names a λ is shown only while λ is
that value: it leaves before λ moves on. The panels leave the two-line note 0.4 clear of the
frame's bottom edge.
Render alone with: manim -ql scenes/regularization.py Regularization
"""

from functools import lru_cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    ManimColor,
    MarkupText,
    MathTex,
    Rectangle,
    Square,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    config,
    smooth,
)

from gdcore import data, races, regression
from gdcore import training_procedure as procedure
from gdviz import equations, numbers, views
from gdviz.colors import mix
from gdviz.manim_blocks import map_axes, play_axes_in, scene_points
from gdviz.manim_theme import TICK_SIZE, ThemedScene, data_dots, power_tick, sections, styled
from gdviz.theme import FONT, contrast_mix

EX = procedure.REGULARIZATION
DEGREE, Y_RANGE, XS = EX.degree, views.FIT_Y_RANGE, EX.xs
LAMS = EX.lams
_, _RP = EX.run()
#: The sweep of u = log10 λ: from the smallest positive λ of the grid to the largest.
U_FROM, U_TO = float(np.log10(LAMS[LAMS > 0].min())), float(np.log10(LAMS.max()))
#: Where the sweep pauses: the λ of least test cost over the λ the sweep passes through
#: (gdcore's sweep_best, between the decades of the grid).
LAM_BEST, TEST_BEST = EX.sweep_best()
U_BEST = float(np.log10(LAM_BEST))
#: The ghost is the fit at a tenth of the frame's λ: it trails the current fit by this many
#: decades of λ, its key says so (GHOST_KEY) and the note of the sweep says it once. It is
#: drawn as the fit is, solid in the model's ink, but faint (GHOST_OPACITY), half the fit's
#: width and under the fit: clearly the fainter line, yet at least 3:1 against either theme's
#: page (tested); solid faint ink, it is told from the sine's muted dots.
GHOST_LAG, GHOST_OPACITY, GHOST_WIDTH = 1.0, 0.5, 2.0
#: The ghost's key: the fit at a tenth of the λ shown (GHOST_LAG decades of λ), in every frame.
GHOST_KEY = ("fit at", r"$\lambda/10$")
#: The held-out test samples' hollow diamonds: side (scene units) and stroke width, small and
#: thin beside the training samples' dots; their edge the test colour tinted towards the page
#: to TEST_CONTRAST against it (a mark's floor, 3:1, with room for rounding to 8 bits): the
#: hundred of them quieter than the fit and the ten training points, which read first.
TEST_MARK, TEST_STROKE, TEST_CONTRAST = 0.07, 1.2, 3.2
#: Their layer: over the fit and its ghost (0: none hides under the curve), under the training
#: dots (3).
TEST_Z = 1
#: The fit's stroke width.
FIT_WIDTH = 4.0
#: The dotted sin 2πx, a reference to read the fit against: in the muted colour, as every
#: reference line, so that its dots (theme's least dot width) read lighter than the fit; the
#: dots part it from the ghost, a solid line of faint ink.
SINE_WIDTH = 1.8
#: The costs' readouts: one form for every value of the sweep, which spans 22 decades (the
#: training cost from 10⁻²¹ to 0.2): COST_SIG significant figures, their zeros kept, written
#: as people write them (7.42, 0.0127) down to COST_LOW and as a power of ten under it
#: (5.90 × 10⁻⁴), never 7.42 × 10⁰; a cost below numbers.FLOOR (rounding noise) is written as
#: that bound, "< 10⁻¹⁰" (numbers.floor_words in the captions).
COST_SIG, COST_LOW = 3, 1e-3
#: The space each side of λ's × (a thin space, as TeX sets it).
THIN = "\u2009"
#: The exponent of numbers.FLOOR, the bound a cost of rounding noise is written under.
FLOOR_EXP = round(float(np.log10(numbers.FLOOR)))
#: The costs' readouts and their labels ("training J", "test J"), on one row beside the
#: equation: their size.
COST_SIZE = 24
#: The key swatch left of each cost's label (its marks' colour: the readouts are in ink): its
#: width and its gap to the label (scene units).
SWATCH, SWATCH_GAP = 0.2, 0.12
#: The padding of the box round the test cost at the best λ, and the gap on the costs' row
#: between the training cost's widest value and the test cost's swatch: each label stands
#: where it stands at every λ, both values on the row's one baseline, the row and the box
#: round the test cost at its widest value ending 24 px inside the frame (tested).
BOX_PAD, COST_GAP = 0.1, 0.3
#: The clear gap between the equation and the costs' row (scene units: 24 px at 480p, a clear
#: line between two blocks).
EQ_GAP = 0.4
#: The values the costs' row is laid out for, as wide as the widest each cost takes in the
#: sweep (tested): the training cost's a power of ten with two exponent digits (it passes
#: 10⁻¹⁰ … 10⁻⁹ on its way from rounding noise to 0.2), the test cost's three figures after
#: "0.0" (it runs from 6.27 down to 0.0366 and back to 0.209).
TRAIN_WIDEST, TEST_WIDEST = 4.44e-10, 0.0444
#: λ's readout, the swept variable: larger than the costs' (COST_SIZE) and their labels.
LAM_SIZE = 34
#: The least room (scene units; 0.2 = 12 px at 480p) between λ's readout, on the title's row
#: right of the title (LAM_GAP right of it), and the costs' row under it.
LAM_CLEAR, LAM_GAP = 0.2, 0.6
#: The house margin (scene units): 24 px at 480p.
MARGIN = 0.4
#: λ's readout: two significant figures, a power of ten with its mantissa under LAM_LOW
#: (1.0 × 10⁻⁴, 4.5 × 10⁻⁵), plain from there (0.10, 1.0).
LAM_SIG, LAM_LOW = 2, 0.1
#: Seconds per decade of λ while sweeping, the sweep being the scene's key moment: SLOW_SECONDS
#: through the decades where the curve calms (SLOW_SPAN, 10⁻¹² … 10⁻⁴: the clipped fit moves
#: 0.7 units RMS from 10⁻¹² to 10⁻¹¹, then settles onto the sine), FAST_SECONDS for the
#: others (10⁻¹⁶ … 10⁻¹², still wild, and 10⁻⁴ … 1, the flattening), the sweep 2.2 s longer
#: than at one pace of 1.1 s (18.1 s -> 20.3 s, tested). The sweep steps a decade at a time: λ
#: moves to the next decade in MORPH_SHARE of a decade's seconds (the fit, the bars and every
#: readout redrawn at the frame's λ), then holds there for the rest, so each decade's numbers
#: are read with the fit they belong to. SLOW_TO: where the note of the calming has come in.
SLOW_SECONDS, FAST_SECONDS, SLOW_SPAN = 1.5, 1.0, (-12.0, -4.0)
SLOW_TO, MORPH_SHARE = -10.0, 0.45
#: The least hold at a step's end (s): a part decade (the best λ to 10⁻⁴) is read as long.
MIN_HOLD = 0.55
#: Bar heights: log10 |w_k| from BAR_EXP[0] (the floor) to BAR_EXP[1].
BAR_EXP = (-2, 7)
#: The top and bottom of the panels' frames (scene y): the bottom high enough that the
#: two-line note under them stays 0.4 clear of the frame's bottom edge (24 px at 480p), the top
#: right under the keys' row, which stands under the equation and the costs' readouts beside
#: it (λ on the title's row): the panels take the frame's height, 3.1 scene units (186 px at
#: 480p).
PANEL_TOP, PANEL_BOTTOM = 1.1, -2.0
PANEL_H = PANEL_TOP - PANEL_BOTTOM
#: x of the panels' centres, and the fit panel's width (the bars' is 5.0: their axis's name k
#: stays 24 px inside the frame).
FIT_X, BAR_X, FIT_W = -3.35, 3.75, 5.4
#: The pause at the best λ, the key moment: seconds its note's first line is read (with the
#: box round the least test cost) before the second comes in, then both are held. The box and
#: the readouts stay BEST_READ + 0.6 + BEST_HOLD = 3.2 s, no stretch of it over 2 s unchanged.
BEST_READ, BEST_HOLD = 1.0, 1.6
#: Seconds the note of λ = 10⁻¹⁶ ("still as wild") is held whole: a short beat, the fit
#: unchanged from λ = 0's.
TINY_HOLD = 0.7
#: Where the note's "still as wild" gives way to "the curve calms" (u = log10 λ).
U_CALMS = -15.0


@lru_cache(maxsize=8192)
def fit(lam: float) -> procedure.RegPath:
    """gdcore's ridge fit at λ with its training and test cost J, cached for the sweep."""
    return EX.path_at(lam)


def clipped_segments(xs, ys, lo: float, hi: float) -> list[np.ndarray]:
    """The pieces of the polyline (xs, ys) inside lo ≤ y ≤ hi (races.clip_polyline on a band),
    each ending on the band's edge where the polyline leaves it."""
    return races.clip_polyline(np.column_stack([xs, ys]), ((-np.inf, np.inf), (lo, hi)))


def decade_seconds(u: float) -> float:
    """Seconds the sweep takes over the decade from 10^u to 10^(u + 1): SLOW_SECONDS inside
    SLOW_SPAN, FAST_SECONDS outside it."""
    return SLOW_SECONDS if SLOW_SPAN[0] <= u < SLOW_SPAN[1] else FAST_SECONDS


def sweep_steps(u: float, u_end: float) -> list[tuple[float, float, float]]:
    """The sweep's steps from 10^u to 10^u_end, a decade at a time (a part decade in
    proportion): (the u it moves to, seconds of the move, seconds held there; MORPH_SHARE of the
    decade's seconds moving, the rest held, never under MIN_HOLD)."""
    steps = []
    while u < u_end - 1e-9:
        start = float(np.floor(u + 1e-9))
        nxt = min(start + 1, u_end)
        secs = decade_seconds(start) * (nxt - u)
        steps.append((nxt, MORPH_SHARE * secs, max((1 - MORPH_SHARE) * secs, MIN_HOLD)))
        u = nxt
    return steps


def lam_parts(lam: float) -> tuple[str, int | None]:
    """λ to LAM_SIG figures: (mantissa, exponent), the exponent None when λ is written plain."""
    if lam == 0:
        return "0", None
    if lam >= LAM_LOW:
        if abs(np.log10(lam) - round(np.log10(lam))) < 1e-12:  # a decade alone: 0.1, 1
            return f"{10.0 ** round(np.log10(lam)):g}", None
        return numbers.significant(lam, LAM_SIG, "text"), None
    mant, exp = f"{lam:.{LAM_SIG - 1}e}".split("e")
    return mant, int(exp)


def lam_text(lam: float, medium: str = "pango") -> str:
    """λ for people, one form throughout: 4.5 × 10⁻⁵, 10⁻⁴ (pango markup, LaTeX or text)."""
    mant, exp = lam_parts(lam)
    if exp is None:
        return mant
    if float(mant) == 1.0:  # a power of ten alone, 10⁻¹⁶, never 1.0 × 10⁻¹⁶ (gdviz.numbers)
        if medium == "pango":
            return f"10<sup>{str(exp).replace('-', numbers.MINUS)}</sup>"
        return numbers.power10(exp, medium)
    if medium == "latex":
        return rf"{mant} \times 10^{{{exp}}}"
    if medium == "text":
        return f"{mant} × {numbers.power10(exp)}"
    # thin spaces round the ×, as TeX sets a binary operator (a word space reads loose)
    return f"{mant}{THIN}×{THIN}10<sup>{str(exp).replace('-', numbers.MINUS)}</sup>"


def bar_height(w: float) -> float:
    """A bar's height in decades above the floor: log10 |w| − BAR_EXP[0], 0 below the floor."""
    return float(np.clip(np.log10(max(abs(w), 1e-300)), *BAR_EXP) - BAR_EXP[0])


def cost_text(v: float) -> str:
    """A cost as the readouts write it, in plain text (Regularization.value_markup): a power
    7.42, 0.0366, a power of ten under COST_LOW (5.90 × 10⁻⁴), or "below 10⁻¹⁰" under the floor."""
    if abs(v) < numbers.FLOOR:
        return numbers.floor_words("text")
    return numbers.significant(v, COST_SIG, "text", low=COST_LOW, power_zeros=True)


class Regularization(ThemedScene):

    @classmethod
    def captions(cls):
        samples = len(EX.run()[0].x)
        start, end = fit(0.0), fit(10.0**U_TO)
        held = numbers.count(EX.run()[0].x_test.size)
        return {
            "overfit": f"With no penalty, λ = 0, a polynomial of degree {DEGREE} threads all "
                       f"{numbers.word(samples)} noisy samples of a sine and swings far off the "
                       f"plot; its weights reach millions. Training cost "
                       f"{cost_text(start.train[0])}, test cost {cost_text(start.test[0])}.",
            "sweep": (f"A tiny penalty, λ = {lam_text(10.0**U_FROM, 'text')}, leaves the fit as "
                      f"wild.",
                      f"As λ grows, decade by decade, the curve calms and the weights shrink, "
                      f"from {numbers.text(_RP.norms[0])} in size; the fit at a tenth of λ "
                      f"trails behind as a faint ghost."),
            "best": f"The sweep pauses at λ = {lam_text(LAM_BEST, 'text')}, the least test "
                    f"cost, {cost_text(TEST_BEST)}, and the {held} test samples it is measured "
                    f"on come in: the curve follows the sine through them.",
            "calm": f"At λ = {lam_text(10.0**U_TO, 'text')} the fit is flat and both costs "
                    f"grow: training {cost_text(end.train[0])}, test {cost_text(end.test[0])}.",
        }

    def setup(self):
        super().setup()
        self.note = self.note_lam = None  # the note under the panels; the λ it names
        self.d, self.rp = EX.run()
        self.u = ValueTracker(U_FROM)
        self.zero = True  # λ = 0 (before the sweep)
        self.shown = None  # (λ, training cost, test cost) of the readouts last drawn

    def lam(self) -> float:
        return 0.0 if self.zero else float(10.0 ** self.u.get_value())

    def ghost_lam(self) -> float:
        """The ghost's λ: a tenth of the frame's (GHOST_LAG decades under it)."""
        return 0.0 if self.zero else float(10.0 ** (self.u.get_value() - GHOST_LAG))

    # -- pieces --------------------------------------------------------------------

    def fit_curve(self, lam: float, opacity: float = 1.0, width: float = FIT_WIDTH,
                  color=None) -> VMobject:
        w = fit(lam).coefs[0]
        ax = self.ax_fit
        path = VMobject(stroke_color=color or self.theme.model, stroke_width=width,
                        stroke_opacity=opacity)
        for k, seg in enumerate(clipped_segments(XS, regression.polynomial_eval(w, XS),
                                                 *Y_RANGE)):
            pts = scene_points(ax, *np.asarray(seg).T)
            if k == 0:
                path.set_points_as_corners(pts)
            else:
                path.start_new_path(pts[0])
                path.add_points_as_corners(pts[1:])
        return path

    def build_fit_panel(self):
        t = self.theme
        # whole ticks (0, 1 and -2 ... 2), as the still's: no needless decimal
        ax = map_axes(t, [0, 1, 1], [Y_RANGE[0], Y_RANGE[1], 1], FIT_W, PANEL_H, "x", "y")
        ax.move_to(np.array([FIT_X, 0, 0])).shift((PANEL_TOP - ax.c2p(0, Y_RANGE[1])[1]) * UP)
        sine = VMobject(stroke_color=t.muted, stroke_width=SINE_WIDTH)
        sine.set_points_as_corners(scene_points(ax, XS, data.sine(XS)))
        sine = styled("reference", sine)  # the function the data were drawn from
        dots = data_dots(t, ax, self.d.x, self.d.y, radius=0.08).set_z_index(3)
        # the held-out test samples, the test cost's: small hollow diamonds in a tint of the
        # test colour, thin, over the fit, under the training dots (its key: the swatch beside
        # the test cost), shown at the least test cost only (section_best)
        edge = ManimColor(mix(t.background, t.test,
                              contrast_mix(t.background, t.test, TEST_CONTRAST)))
        held = VGroup(*(Square(side_length=TEST_MARK, stroke_color=edge,
                               stroke_width=TEST_STROKE, fill_opacity=0).rotate(np.pi / 4)
                        .move_to(ax.c2p(x, y))
                        for x, y in zip(self.d.x_test, self.d.y_test)
                        if Y_RANGE[0] <= y <= Y_RANGE[1])).set_z_index(TEST_Z)
        self.test_marks, self.train_dots = held, dots
        self.ax_fit = ax
        return ax, sine, dots

    def build_bar_panel(self):
        """Axes of (k, log10 |w_k|): bars of the ten coefficients over a log axis."""
        t = self.theme
        ax = Axes(x_range=[-0.7, DEGREE + 0.7, 1], y_range=[*BAR_EXP, 1], x_length=5.0,
                  y_length=PANEL_H, tips=False, axis_config={"stroke_opacity": 0,
                                                         "include_ticks": False,
                                                         "include_numbers": False})
        ax.move_to(np.array([BAR_X, 0, 0])).shift((PANEL_TOP - ax.c2p(0, BAR_EXP[1])[1]) * UP)
        self.ax_bar = ax

        def line(a, b):
            return VMobject(stroke_color=t.muted, stroke_width=2).set_points_as_corners([a, b])

        x0, x1 = -0.7, DEGREE + 0.7
        ax.add(line(ax.c2p(x0, BAR_EXP[0]), ax.c2p(x1, BAR_EXP[0])),
               line(ax.c2p(x0, BAR_EXP[0]), ax.c2p(x0, BAR_EXP[1])))
        for e in range(BAR_EXP[0], BAR_EXP[1] + 1, 2):
            p = ax.c2p(x0, e)
            # every tick in one form, a power of ten (10⁰ too), its exponent's digits 12 px
            ax.add(line(p, p + 0.1 * LEFT), power_tick(e, t.text).next_to(p, LEFT, buff=0.14))
        # each bar's index k under it, at TICK_SIZE (digits 12.9 px at 480p; "w₉" would need its
        # subscript at 12 px, a label 24 px wide under bars 29 px apart), the axis named k at
        # its end: the y axis's |w_k| and the keys' w_k say whose index it is
        index = VGroup(*(MathTex(str(k), font_size=TICK_SIZE, color=t.muted if k == 0 else t.text)
                         .next_to(ax.c2p(k, BAR_EXP[0]), DOWN, buff=0.16)
                         for k in range(DEGREE + 1)))
        index.align_to(index[0], DOWN)
        name = MathTex("k", font_size=TICK_SIZE + 4, color=t.text)
        name.next_to(ax.c2p(x1, BAR_EXP[0]), RIGHT, buff=0.12).align_to(index, DOWN)
        ax.add(index, name)
        self.bar_index = VGroup(index, name)
        # the bars' length is log10 |w_k| above the floor: said on the axis
        ly = self.mixed(r"$|w_k|$, log scale", 24, t.text)
        ly.next_to(ax.c2p(x0, BAR_EXP[1]), RIGHT, buff=0.2)
        ax.add(ly)
        return ax

    def bars(self) -> VGroup:
        """The ten coefficients at the current λ: filled when positive, hollow when negative;
        w₀ filled in the muted colour, whatever its sign, as its key shows it (an empty grey
        outline when negative was a third look the key did not name)."""
        t, ax = self.theme, self.ax_bar
        w = fit(self.lam()).coefs[0]
        out = VGroup()
        for k, wk in enumerate(w):
            h = bar_height(wk)
            base = ax.c2p(k, BAR_EXP[0])
            top = ax.c2p(k, BAR_EXP[0] + h)
            color = t.muted if k == 0 else t.accent
            r = Rectangle(width=0.3, height=max(top[1] - base[1], 1e-3), stroke_color=color,
                          stroke_width=2.5, fill_color=color,
                          fill_opacity=0.9 if wk > 0 or k == 0 else 0.0)
            out.add(r.move_to(base, aligned_edge=DOWN))
        return out

    @staticmethod
    def value_markup(v: float, cost: bool) -> str:
        """The Pango markup of a live value: λ to two figures, its mantissa kept (lam_text);
        a cost to COST_SIG figures, its zeros kept (0.0366; under COST_LOW 5.90 × 10⁻⁴), or under
        the floor the bound 10⁻¹⁰ it lies below (number() sets "<" before it)."""
        if cost and abs(v) < numbers.FLOOR:
            return f"10<sup>{str(FLOOR_EXP).replace('-', numbers.MINUS)}</sup>"
        if cost:
            return numbers.significant(v, COST_SIG, "pango", low=COST_LOW, power_zeros=True)
        return lam_text(v)

    @staticmethod
    def number(v: float, cost: bool, color, size: float = COST_SIZE) -> VMobject:
        """A live value for people (gdviz.numbers) with its relation, in Pango markup (no LaTeX
        run per frame: the sweep redraws it every frame): "= value", or "< 10⁻¹⁰" for a cost
        below the floor, in the one form of every cost."""
        rel = "&lt; " if cost and abs(v) < numbers.FLOOR else "= "
        return MarkupText(rel + Regularization.value_markup(v, cost), font=FONT, font_size=size,
                          color=color)

    def readouts(self) -> VGroup:
        """λ, the training and the test cost J of the fit drawn (gdcore's, at this frame's λ: the
        readouts move with the fit and hold with it): the fixed labels, each with its live value
        to its right. Set once per λ (the three
        live readouts of a frame ask for it three times, and a held λ many times): a copy of
        the set made for this λ and these labels where they are."""
        lam = self.lam()
        key = (lam, *(tuple(lab.get_center()) for lab in self.labels))
        made = self.__dict__.get("_readouts_made")
        if made is not None and made[0] == key:
            return made[1].copy()
        rp = fit(lam)
        self.shown = (lam, float(rp.train[0]), float(rp.test[0]))
        out = VGroup()
        # λ is a setting, never rounding noise: no "≈ 0" floor for it
        self.shown_text = [self.value_markup(v, cost)
                           for v, cost in zip(self.shown, (False, True, True))]
        for lab, v, cost, size in zip(self.labels, self.shown, (False, True, True),
                                      (LAM_SIZE, COST_SIZE, COST_SIZE)):
            num = self.number(v, cost, lab.get_color(), size)
            num.next_to(lab, RIGHT, buff=0.15)
            out.add(num.shift((lab.baseline() - num.get_bottom()[1]) * UP))  # on its baseline
        self._readouts_made = key, out
        return out.copy()

    def live_readout(self, i: int) -> VMobject:
        """Readout i redrawn every frame (as always_redraw), its text and size the shown
        value's: `become` keeps the first value's, so "= 0.209" would keep the height of the
        "< 10⁻¹⁰" it replaced (its superscript) and read as a smaller size than it is set in."""
        def redraw(mob):
            new = self.readouts()[i]
            mob.become(new)
            mob.initial_height, mob.original_text = new.initial_height, new.original_text
        return self.readouts()[i].add_updater(redraw)

    def show_readout(self, i: int) -> None:
        """Readout i comes in label first (with its swatch), then its value: a still copy of the
        live value fades in (a live one would be redrawn whole over its fade), then the live one
        takes its place."""
        first = [self.labels[i]] + ([self.swatches[i - 1]] if i else [])
        self.play(*(FadeIn(m) for m in first), run_time=0.4)
        still = self.readouts()[i]
        self.play(FadeIn(still), run_time=0.4)
        self.remove(still)
        self.add(self.read[i])

    def status(self, *lines: str) -> VGroup:
        return VGroup(*(self.mixed(s, 24, self.theme.text) for s in lines)).arrange(
            DOWN, buff=0.06).move_to(np.array([0, -3.2, 0]))

    def keys(self) -> VGroup:
        """What the marks mean: over the fit panel the curve, its ghost and the dotted sine;
        over the bars filled (w > 0), hollow (w < 0) and the muted, unpenalised w₀."""
        t = self.theme

        def stroke(**kw):
            return VMobject(**kw).set_points_as_corners([LEFT * 0.25, RIGHT * 0.25])

        def box(color, fill):
            return Rectangle(width=0.18, height=0.3, stroke_color=color, stroke_width=2.5,
                             fill_color=color, fill_opacity=fill)

        def item(mark, *label):  # words in the text face, maths (in $…$ pieces) as TeX
            words = [self.tex(w[1:-1], 28) if w.startswith("$") else self.text(w, 22)
                     for w in label]
            return VGroup(mark, *words).arrange(RIGHT, buff=0.1)

        fit_key = VGroup(  # a row; its ghost item comes in later (section_sweep)
            item(stroke(stroke_color=t.model, stroke_width=FIT_WIDTH), "fit"),
            item(stroke(stroke_color=t.model, stroke_width=GHOST_WIDTH,
                        stroke_opacity=GHOST_OPACITY),
                 *GHOST_KEY),
            item(styled("reference", stroke(stroke_color=t.muted, stroke_width=SINE_WIDTH)),
                 r"$\sin 2\pi x$"),
        )
        bar_key = VGroup(
            item(box(t.accent, 0.9), "$w_k > 0$"), item(box(t.accent, 0.0), "$w_k < 0$"),
            item(box(t.muted, 0.9), "$w_0$", "not penalised"),
        ).arrange(RIGHT, buff=0.35)
        # a row right over each panel (λ's readout above the fit's, the costs above the bars')
        fit_key.arrange(RIGHT, buff=0.3)
        bar_key.move_to(self.ax_bar).set_y(self.ax_bar.get_top()[1] + 0.28)
        fit_key.move_to(self.ax_fit).set_y(bar_key.get_y())  # one row over both panels
        return VGroup(fit_key, bar_key)

    def swap_note(self, lines: tuple[str, ...], *anims, lam: float | None = None) -> None:
        """The note under the panels replaced by `lines` (out, then in: never text over text);
        `lam`, the λ the note names (note_lam), if it names one: λ holds while it is shown."""
        note = self.status(*lines)
        if self.note is not None:
            self.play(FadeOut(self.note), run_time=0.4)
        self.play(FadeIn(note), *anims, run_time=0.8)
        self.note, self.note_lam = note, lam

    def drop_note(self, *anims, run_time: float = 0.5) -> None:
        """The note fades out (before λ leaves the value it names)."""
        self.play(FadeOut(self.note), *anims, run_time=run_time)
        self.note = self.note_lam = None

    def sweep(self, u_end: float, *anims) -> None:
        """λ up to 10^u_end a decade at a time (decade_seconds each, a part decade in
        proportion): to the next decade in MORPH_SHARE of it, then held; `anims` play with the
        first step."""
        for nxt, morph, hold in sweep_steps(self.u.get_value(), u_end):
            self.play(self.u.animate.set_value(nxt), *anims, run_time=morph, rate_func=smooth)
            self.wait(hold)
            anims = ()

    # -- sections ------------------------------------------------------------------

    def section_overfit(self):
        # "L₂" as the equations sheet writes the penalty's name
        title = self.text("L2 regularisation calms the degree-9 fit", 32)
        title.to_edge(UP, buff=0.42)
        eq = self.tex(equations.tex("l2-penalty"), 30).next_to(title, DOWN, buff=0.15)
        self.title, self.eq = title, eq
        ax_f, sine, dots = self.build_fit_panel()
        ax_b = self.build_bar_panel()
        # the title and the equation at the left, over the fit panel; λ, the swept variable,
        # large on the title's row right of it, on its baseline; the costs on one row beside
        # the equation: the rows over the panels take no more of the frame's height than the
        # title and the equation
        left = ax_f.get_left()[0] + 0.1
        title.shift((left - title.get_left()[0]) * RIGHT)
        eq.shift((left - eq.get_left()[0]) * RIGHT)
        self.lam_slot = np.array([title.get_right()[0] + LAM_GAP, title.get_y(), 0])
        self.curve = always_redraw(lambda: self.fit_curve(self.lam()))
        self.ghost = always_redraw(lambda: self.fit_curve(self.ghost_lam(), GHOST_OPACITY,
                                                          GHOST_WIDTH, self.theme.model))
        self.bar_group = always_redraw(self.bars)
        t = self.theme
        # every readout in ink; the costs' colours are their marks' only, keyed by a swatch
        # left of each label: the training samples' filled dot, the test set's hollow diamond
        self.labels = VGroup(*(self.mixed(s, size, t.text) for s, size in (
            (r"$\lambda$", LAM_SIZE), ("training $J$", COST_SIZE), ("test $J$", COST_SIZE))))
        self.labels[0].move_to(self.lam_slot, aligned_edge=LEFT)
        self.swatches = VGroup(
            Dot(radius=SWATCH / 2, color=t.data),
            Square(side_length=SWATCH / np.sqrt(2), stroke_color=t.test, stroke_width=2.5,
                   fill_opacity=0).rotate(np.pi / 4))
        digit = MarkupText("0", font=FONT, font_size=COST_SIZE).height  # centred on the digits
        # λ on the title's baseline (its first letter's foot), its tallest readout (a power of
        # ten) too; the title and the equation lowered if that readout's top would come
        # within the frame's margin
        lam = self.labels[0]
        lam.shift((title[0].get_bottom()[1] - lam.baseline()) * UP)
        # (every power the sweep writes: their glyphs differ in height by a fraction of a
        # pixel, and 10⁻⁷ stood 0.2 px higher than the first power)
        powers = [self.number(10.0**u, False, t.text, LAM_SIZE).next_to(lam, RIGHT)
                  for u in range(int(np.floor(U_FROM)), int(np.ceil(U_TO)) + 1)]
        for p in powers:
            p.shift((lam.baseline() - p.get_bottom()[1]) * UP)
        tall = max(powers, key=lambda p: p.get_top()[1])
        over = max(lam.get_top()[1], tall.get_top()[1]) - (config.frame_height / 2 - MARGIN)
        if over > 0:
            VGroup(title, eq, lam).shift(over * DOWN)
        # the two costs on one row beside the equation, EQ_GAP from it: each swatch, label and
        # value where it stands at every λ (a value grows to the right, into room kept for its
        # widest), the row's digits centred on the equation's middle, or lower, LAM_CLEAR under
        # λ's lowest foot
        wide = [self.number(v, True, t.text) for v in (TRAIN_WIDEST, TEST_WIDEST)]
        spans = [sw.width + SWATCH_GAP + lab.width + 0.15 + w.width
                 for sw, lab, w in zip(self.swatches, self.labels[1:], wide)]
        x = eq.get_right()[0] + EQ_GAP
        for sw, lab, span in zip(self.swatches, self.labels[1:], spans):
            sw.set_x(x + sw.width / 2)
            lab.move_to(np.array([x + sw.width + SWATCH_GAP, 0, 0]), aligned_edge=LEFT)
            x += span + COST_GAP
        rise = max([lab.get_top()[1] - lab.baseline() for lab in self.labels[1:]]
                   + [w.height for w in wide])  # the row's tallest part over its baseline
        foot = min(lam.get_bottom()[1], tall.get_bottom()[1])
        base = min(eq.get_y() - 0.5 * digit, foot - LAM_CLEAR - rise)
        for sw, lab in zip(self.swatches, self.labels[1:]):
            lab.shift((base - lab.baseline()) * UP)
            sw.set_y(base + 0.5 * digit)
        # one live readout per label (gdcore's fit at the frame's λ), so they come in one by one
        self.read = VGroup(*(self.live_readout(i) for i in range(3)))
        self.play(Write(title), FadeIn(eq))
        self.key = self.keys()
        # the panels in three beats: the axes (tick numbers faded in whole), the samples and
        # the sine with their key, then the bars' key
        play_axes_in(self, (ax_f, ax_b), run_time=1.0)
        # the ghost's key row comes with the ghost (section_sweep)
        self.play(FadeIn(sine), FadeIn(dots), FadeIn(self.key[0][0]), FadeIn(self.key[0][2]),
                  run_time=0.8)
        self.play(FadeIn(self.key[1]), run_time=0.6)
        note = self.status("no penalty: the curve threads all ten samples",
                           "and swings far off the plot; the weights reach millions")
        note[1].set_opacity(0)  # a line at a time (read at a reading pace)
        # one at a time: λ, the fit, its bars, the two costs, then the note
        self.show_readout(0)
        self.play(Create(self.curve), run_time=1.2)
        self.play(FadeIn(self.bar_group), run_time=0.6)
        for i in (1, 2):
            self.show_readout(i)
        self.add(note)
        self.play(FadeIn(note[0]), run_time=0.6)
        self.wait(0.9)
        self.play(note[1].animate.set_opacity(1), run_time=0.6)
        self.note, self.note_lam = note, 0.0
        self.wait(1.2)

    def section_sweep(self):
        # λ = 0 → 10⁻¹⁶: the same wild fit (its ghost stays, under the fit); the note naming
        # λ = 10⁻¹⁶ leaves before λ grows decade by decade.
        # A short beat (the fit does not change): the ghost's key comes in as the last note
        # leaves, the note of λ = 10⁻¹⁶ is read (TINY_HOLD) and leaves.
        self.add(self.ghost)  # at λ = 0 the ghost is the fit, under it
        self.bring_to_front(self.curve)
        self.drop_note(FadeIn(self.key[0][1]))
        self.zero = False
        note = self.status(rf"a tiny penalty, $\lambda = {lam_text(10.0**U_FROM, 'latex')}$:",
                           "still as wild")
        self.play(FadeIn(note), run_time=0.5)
        self.note, self.note_lam = note, 10.0**U_FROM
        self.wait(TINY_HOLD)
        self.drop_note(run_time=0.4)
        self.caption_next()
        self.sweep(U_CALMS)
        # the next note names no λ: it comes in while λ keeps growing
        # the ghost explained once, while it stands apart from the fit
        note = self.status(r"as $\lambda$ grows the curve calms and the weights shrink",
                           r"(the faint line: the fit at a tenth of $\lambda$)")
        self.sweep(SLOW_TO, FadeIn(note))
        self.note = note
        self.sweep(U_BEST)

    def section_best(self):
        t = self.theme
        # the box in the test cost's own colour: one colour for what it frames
        box = SurroundingRectangle(VGroup(self.swatches[1], self.labels[2], self.read[2]),
                                   color=t.test, buff=BOX_PAD, stroke_width=3)
        self.best_box = box
        best = lam_text(LAM_BEST, "latex")
        # the key moment, held: the box with the note's first line, then its second line,
        # then both, the box and the readouts kept for BEST_READ + 0.6 + BEST_HOLD s (no
        # stretch of it over 2 s without a change)
        note = self.status(rf"least test cost of the sweep at $\lambda = {best}$",
                           "smooth enough to follow the sine, not the noise")
        note[1].set_opacity(0)
        self.play(FadeOut(self.note), run_time=0.4)
        self.add(note)
        # the held-out samples the test cost is measured on come in with its box
        self.test_in = float(self.time)
        self.play(FadeIn(note[0]), FadeIn(box), FadeIn(self.test_marks), run_time=0.8)
        self.note, self.note_lam = note, 10.0**U_BEST
        self.wait(BEST_READ)
        self.play(note[1].animate.set_opacity(1), run_time=0.6)
        self.wait(BEST_HOLD)
        # the note naming this λ leaves with the box, before λ moves on
        self.drop_note(FadeOut(box), FadeOut(self.test_marks), run_time=0.7)
        self.test_out = float(self.time)

    def section_calm(self):
        self.sweep(U_TO)
        norm0 = numbers.latex(self.rp.norms[0])
        norm1 = numbers.latex(self.rp.norms[-1], sig=2)
        self.swap_note(("a strong penalty flattens the fit: both costs grow",
                        rf"$\lVert w \rVert = \lVert (w_1, \ldots, w_9) \rVert$ fell "
                        rf"from ${norm0}$ to ${norm1}$"))
        self.wait(1.6)

    SECTIONS = sections(section_overfit, section_sweep, section_best, section_calm)


__all__ = ["Regularization", "fit", "clipped_segments", "bar_height", "LAMS", "U_BEST",
           "U_FROM"]
