"""L2 regularisation calms the degree-9 fit: λ sweeps from none to strong.

Left: the degree-9 polynomial fitted to the noisy sine samples with the penalty λ Σ w_k², clipped
to the panel. Right: the coefficient norm ‖(w_1 … w_9)‖ against λ on log-log axes (λ = 0 on a
stub at the left), a dot at the current λ. One ValueTracker holds u = log10 λ; every curve and
number is gdcore's: procedure.regularization_path at the tracker's λ (a ridge fit solved by
regression.polynomial_fit), the samples procedure.overfit_data(), the settings the still's
(procedure.REGULARIZATION; the y window views.FIT_Y_RANGE).
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
    DashedVMobject,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    MathTex,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    linear,
)

from gdcore import data, races, regression
from gdcore import training_procedure as procedure
from gdviz import equations, views
from gdviz.manim_blocks import map_axes
from gdviz.manim_theme import ThemedScene, data_dots, sections
from gdviz.number_text import sci_tex

EX = procedure.REGULARIZATION
DEGREE, SHOWN, Y_RANGE, XS = EX.degree, EX.shown, views.FIT_Y_RANGE, EX.xs
LAMS = EX.lams
#: The sweep of u = log10 λ: from the smallest positive λ of the path to the largest.
U_FROM, U_TO = float(np.log10(LAMS[LAMS > 0].min())), float(np.log10(LAMS.max()))
#: The u at which λ = 0 is drawn on the norm plot (a stub left of the log axis).
U_ZERO = U_FROM - 2.0
#: Where the sweep pauses: the positive λ of the figure's top row.
STOPS = tuple(float(np.log10(lam)) for lam in SHOWN if lam > 0)
#: λ of the traced norm curve (gdcore's norms at each, EX.per_decade per decade).
LAM_DENSE = EX.dense_lams()
NORM_EXP = (-1, 7)


@lru_cache(maxsize=4096)
def fit(lam: float) -> tuple[np.ndarray, float]:
    """(w, ‖w_1:‖) of the ridge fit at λ (gdcore's REGULARIZATION.fit), cached for the sweep."""
    return EX.fit(lam)


def clipped_segments(xs, ys, lo: float, hi: float) -> list[np.ndarray]:
    """The pieces of the polyline (xs, ys) inside lo ≤ y ≤ hi (races.clip_polyline on a band),
    each ending on the band's edge where the polyline leaves it."""
    return races.clip_polyline(np.column_stack([xs, ys]), ((-np.inf, np.inf), (lo, hi)))


class Regularization(ThemedScene):

    def setup(self):
        super().setup()
        self.d, self.rp = EX.run()
        self.u = ValueTracker(U_FROM)
        self.zero = True  # λ = 0 (before the sweep)
        self.traced_to = U_FROM

    def lam(self) -> float:
        return 0.0 if self.zero else float(10.0 ** self.u.get_value())

    def u_drawn(self) -> float:
        """The x coordinate of the current λ on the norm plot."""
        return U_ZERO if self.zero else self.u.get_value()

    # -- pieces --------------------------------------------------------------------

    def fit_curve(self, lam: float) -> VMobject:
        w, _ = fit(lam)
        ax = self.ax_fit
        path = VMobject(stroke_color=self.theme.accent, stroke_width=4)
        for k, seg in enumerate(clipped_segments(XS, regression.polynomial_eval(w, XS),
                                                 *Y_RANGE)):
            pts = [ax.c2p(a, b) for a, b in seg]
            if k == 0:
                path.set_points_as_corners(pts)
            else:
                path.start_new_path(pts[0])
                path.add_points_as_corners(pts[1:])
        return path

    def build_fit_panel(self):
        t = self.theme
        ax = map_axes(t, [0, 1, 0.5], [Y_RANGE[0], Y_RANGE[1], 2.5], 5.6, 4.0, "x", "y",
                      places=1)
        ax.move_to(np.array([-3.45, -1.2, 0]))
        sine = VMobject(stroke_color=t.muted, stroke_width=2.5)
        sine.set_points_as_corners([ax.c2p(a, b) for a, b in zip(XS, data.sine(XS))])
        sine = DashedVMobject(sine, num_dashes=40, dashed_ratio=0.55)
        dots = data_dots(t, ax, self.d.x, self.d.y, radius=0.08).set_z_index(3)
        self.ax_fit = ax
        return ax, sine, dots

    def build_norm_panel(self):
        """Axes of (u, log10 ‖w‖) drawn as a log-log plot: use nc2p / np2c, not c2p / p2c."""
        t = self.theme
        x0, x1 = U_ZERO - 0.7, U_TO + 0.3
        ax = Axes(x_range=[x0, x1, 1], y_range=[*NORM_EXP, 1], x_length=5.4, y_length=4.0,
                  tips=False, axis_config={"stroke_opacity": 0, "include_ticks": False,
                                           "include_numbers": False})
        ax.move_to(np.array([3.6, -1.2, 0]))
        self.ax_norm = ax

        def line(a, b):
            return VMobject(stroke_color=t.muted, stroke_width=2).set_points_as_corners([a, b])

        y0 = 10.0 ** NORM_EXP[0]
        ax.add(line(ax.c2p(x0, NORM_EXP[0]), ax.c2p(x1, NORM_EXP[0])),
               line(ax.c2p(x0, NORM_EXP[0]), ax.c2p(x0, NORM_EXP[1])))
        for u in (U_ZERO, *np.arange(U_FROM, U_TO + 1e-9, 2)):
            p = self.nc2p(u, y0)
            s = "0" if u == U_ZERO else ("1" if u == 0 else rf"10^{{{int(u)}}}")
            ax.add(line(p, p + 0.1 * DOWN),
                   MathTex(s, font_size=26, color=t.text).next_to(p, DOWN, buff=0.18))
        for e in range(NORM_EXP[0], NORM_EXP[1] + 1, 2):
            p = ax.c2p(x0, e)
            s = "1" if e == 0 else rf"10^{{{e}}}"
            ax.add(line(p, p + 0.1 * LEFT),
                   MathTex(s, font_size=26, color=t.text).next_to(p, LEFT, buff=0.16))
        # a break in the λ axis between λ = 0 and the log scale
        gap = self.nc2p((U_ZERO + U_FROM) / 2, y0)
        ax.add(*(line(gap + (dx - 0.06) * RIGHT + 0.12 * DOWN,
                      gap + (dx + 0.06) * RIGHT + 0.12 * UP) for dx in (-0.06, 0.06)))
        lx = MathTex(r"\lambda", font_size=32, color=t.text)
        lx.next_to(ax.c2p(x1, NORM_EXP[0]), RIGHT, buff=0.2)
        ly = MathTex(r"\|w\|", font_size=32, color=t.text)
        ly.next_to(ax.c2p(x0, NORM_EXP[1]), UP, buff=0.15)
        ax.add(lx, ly)
        # gdcore's norms at the λ of the path: λ = 0 on the stub, the rest on the log axis
        u_path = np.array([U_ZERO if lam == 0 else np.log10(lam) for lam in self.rp.lams])
        marks = VGroup(*(Dot(self.nc2p(u, n), radius=0.06, color=t.muted)
                         for u, n in zip(u_path, self.rp.norms)))
        self.u_path = u_path
        return ax, marks

    def nc2p(self, u: float, norm: float) -> np.ndarray:
        """The scene point of (u = log10 λ, ‖w‖) on the norm plot."""
        return self.ax_norm.c2p(u, np.log10(norm))

    def np2c(self, point) -> tuple[float, float]:
        """(u, ‖w‖) of a scene point on the norm plot: the inverse of nc2p."""
        u, e = self.ax_norm.p2c(point)
        return u, 10.0**e

    def norm_trace(self) -> VMobject:
        if not self.zero:
            self.traced_to = max(self.traced_to, self.u.get_value())
        keep = np.log10(LAM_DENSE) <= self.traced_to + 1e-9
        lams = np.append(LAM_DENSE[keep], 10.0 ** self.traced_to)
        pts = [self.nc2p(np.log10(lam), fit(float(lam))[1]) for lam in lams]
        return VMobject(stroke_color=self.theme.accent, stroke_width=4).set_points_as_corners(pts)

    def norm_dot(self) -> Dot:
        return Dot(self.nc2p(self.u_drawn(), fit(self.lam())[1]), radius=0.1,
                   color=self.theme.error).set_z_index(4)

    def readouts(self):
        t = self.theme
        lam_lab = MathTex(r"\lambda = 10", font_size=34, color=t.text)
        expo = DecimalNumber(U_FROM, num_decimal_places=1, font_size=24, color=t.text,
                             include_sign=False)
        expo.add_updater(lambda m: m.set_value(self.u.get_value()))
        expo.add_updater(lambda m: m.next_to(lam_lab, RIGHT, buff=0.05).align_to(lam_lab, UP)
                         .shift(0.12 * UP))
        lam_zero = MathTex(r"\lambda = 0", font_size=34, color=t.text)
        w_lab = MathTex(r"\|w\| =", font_size=34, color=t.error)
        w_num = DecimalNumber(fit(0.0)[1], num_decimal_places=2, font_size=34, color=t.error)
        w_num.add_updater(lambda m: m.set_value(fit(self.lam())[1]))
        w_num.add_updater(lambda m: m.next_to(w_lab, RIGHT, buff=0.15))
        return lam_lab, expo, lam_zero, VGroup(w_lab, w_num), w_num

    # -- sections ------------------------------------------------------------------

    def section_overfit(self):
        t = self.theme
        title = self.text("L2 regularisation calms the degree-9 fit", 32).to_edge(UP, buff=0.25)
        eq = self.tex(equations.tex("l2-penalty"), 30).next_to(title, DOWN, buff=0.2)
        ax_f, sine, dots = self.build_fit_panel()
        ax_n, marks = self.build_norm_panel()
        curve = always_redraw(lambda: self.fit_curve(self.lam()))
        trace = always_redraw(self.norm_trace)
        dot = always_redraw(self.norm_dot)
        lam_lab, expo, lam_zero, w_read, w_num = self.readouts()
        lam_lab.next_to(ax_f, UP, buff=0.3).align_to(ax_f, LEFT).shift(0.2 * RIGHT)
        lam_zero.move_to(lam_lab, aligned_edge=LEFT)
        w_read.next_to(ax_n, UP, buff=0.4).align_to(ax_n, LEFT).shift(0.3 * RIGHT)
        w_read.match_y(lam_lab)
        self.curve, self.trace, self.dot, self.marks = curve, trace, dot, marks
        self.lam_lab, self.expo, self.lam_zero, self.w_num = lam_lab, expo, lam_zero, w_num
        self.play(Write(title), FadeIn(eq))
        self.play(Create(ax_f), FadeIn(sine), FadeIn(dots), Create(ax_n), FadeIn(marks))
        self.play(Create(curve), FadeIn(lam_zero), FadeIn(w_read), FadeIn(dot), run_time=1.6)
        note = VGroup(self.text("no penalty: the curve", 24, t.muted),
                      self.text("swings far off the plot", 24, t.muted)).arrange(DOWN, buff=0.08)
        note.next_to(self.nc2p(U_ZERO, self.rp.norms[0]), RIGHT, buff=0.3).shift(0.1 * DOWN)
        self.note = note
        self.play(FadeIn(note))
        self.wait(2.0)

    def section_sweep(self):
        # From λ = 0 to the smallest positive λ of the path: the curve morphs between the two fits.
        old = self.fit_curve(0.0)
        self.remove(self.curve)
        self.add(old)
        self.zero = False
        new = self.fit_curve(self.lam())
        self.add(self.trace)
        self.play(old.animate.become(new), FadeOut(self.lam_zero), FadeIn(self.lam_lab),
                  FadeIn(self.expo), FadeOut(self.note), run_time=1.5)
        self.remove(old)
        self.add(self.curve)
        self.wait(0.8)
        last = U_FROM
        for u in sorted({*STOPS, U_TO}):
            self.play(self.u.animate.set_value(u), run_time=1.2 * (u - last), rate_func=linear)
            self.wait(0.6)
            last = u

    def section_calm(self):
        t = self.theme
        rp = self.rp
        since = self.tex(rf"(\lambda = 0:\ {sci_tex(rp.norms[0])})",
                         28, t.error)
        since.next_to(self.w_num, RIGHT, buff=0.35)
        flat = VGroup(self.text("a strong penalty", 24, t.muted),
                      self.text("flattens the fit", 24, t.muted)).arrange(DOWN, buff=0.08)
        flat.move_to(self.ax_fit.c2p(0.76, 1.95))
        tail = VGroup(since, flat)
        self.play(FadeIn(tail, shift=0.15 * UP), run_time=1.2)
        self.wait(2.5)
        self.tail = tail

    SECTIONS = sections(section_overfit, section_sweep, section_calm)


__all__ = ["Regularization", "fit", "clipped_segments", "LAMS", "U_ZERO"]
