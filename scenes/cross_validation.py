"""Five-fold cross-validation: five rounds, each holding out one fold, training a degree-3 fit on
the other four and scoring it on the held-out samples; the scores fill a table (each appears as
the round's readout flashes); they flash again down the column, in ink, as they are added (2 s
with the sum), their printed sum written under their column, named "sum" on its left, then the
cross-validated cost "J_CV = sum / 5 = mean" in one larger line under it (its sum under the
printed sum), its pieces faded in whole left to right (the sum sliding down from under the
printed one), held and flashed, the video ending 1.5 s after. Round 1, the lesson, plays slowly,
one change at a time: its row comes in (its held-out fold's cell in the accent), the held-out
points take the accent, the round's fit is drawn, then its gaps and its score. Rounds 2 to 5
repeat it faster each time (ROUND_PACE), their changes in pairs: the last round's fit, gaps and
score leave as the new row comes in, the held-out points take the accent, the fit is drawn, its
gaps come with its readout, its score goes into the table; so the mean, the point of the scene,
comes sooner. Held out is one colour, the accent: its cells, points, gaps and "fold k: J"
readout. Fold 5's fit, gaps and score leave like the others' before the sum (the last fit is not
the model the cost scores). The plot's frame is drawn with its tick numbers and labels faded in
whole (manim_blocks.play_axes_in); then, one at a time, the table's heads, its score head, the
key (under the rounds, clear of the last, left of the sum and the mean's line: it stays to the
end) and the footnote, which leaves as the sum begins (the mean's line, the largest text of the
scene, takes its room).

Each sample is drawn from the start in its fold's mark (FOLD_MARKS: five shapes, one colour),
the same mark beside its fold's number in the table's head: the folds are seen before any is
held out.

The samples, folds, fits and scores are gdcore's (procedure.CROSS_VALIDATION, the still's: its
settings, samples() and run(); scores printed by gdviz.number_text.score_text as there). Beside
the table, the round's fit (regression.polynomial_fit on the round's training indices) with the
held-out points and their gaps to the curve (the house residuals), whose half mean square, the
cost J, is the round's score. The plot's right tick stays 24 px inside the frame at 480p
(PLOT_X).
Render alone with: manim -ql scenes/cross_validation.py CrossValidation
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    Rectangle,
    Square,
    Triangle,
    VGroup,
    VMobject,
    Write,
)
from manim.utils.rate_functions import smooth, squish_rate_func

from gdcore import regression
from gdcore import training_procedure as procedure
from gdviz.manim_blocks import map_axes, play_axes_in, scene_points
from gdviz.manim_theme import ThemedScene, error_bars, sections
from gdviz.number_text import score_text
from gdviz.numbers import count, word
from gdviz.theme import title

EX = procedure.CROSS_VALIDATION
N, K, DEGREE, SEED, XS = EX.n, EX.k, EX.degree, EX.seed, EX.xs
#: The plot's y window (the samples lie in about [−1.13, 1.23]).
Y_RANGE = (-1.5, 1.5)

# Table layout (scene units).
X_LABEL, X_BLOCKS, BLOCK_W, BLOCK_H = -6.6, -5.0, 0.95, 0.46
X_SCORE = 0.6
#: centre of the plot (with its tick numbers): its "1.0" tick ends 0.43 units (26 px at 480p)
#: inside the frame's right edge
PLOT_X = 3.95
ROW_Y0, ROW_DY = 1.7, 0.78
#: The mean's line, the point of the scene: its size (the scores are 32: the line reads at
#: 1.75 times their size; the footnote leaves before it to make room) and how far its sum sits
#: under the printed sum.
MEAN_SIZE = 56
MEAN_DROP = 0.72
#: How far the line's sum slides down as it fades in: it starts clear under the printed sum.
MEAN_SLIDE = 0.25


#: The samples' marks, one shape a fold (the fold's number in the table's head shows it), all
#: in the data's blue until held out: DOT_W wide (scene units), HELD_W held out, HEAD_W in the
#: head.
FOLD_MARKS = ("circle", "square", "triangle", "diamond", "down")
DOT_W, HELD_W, HEAD_W = 0.17, 0.21, 0.15


def row_y(i: int) -> float:
    return ROW_Y0 - i * ROW_DY


#: The rule under the scores' column and the sum under it, and the top of the key under the
#: rounds: this far under the last row's centre (the key clear of the last row: 37 px at 480p).
RULE_DROP, SUM_DROP, KEY_DROP = 0.5, 0.38, 0.85


#: The pace of each round (a factor on its plays' seconds). Round 1 is the lesson, one change
#: at a time and slow (7 s); the four that follow repeat it, each faster
#: than the one before and with its changes paired (REPEAT_PLAYS at pace 1: 3.7 s), so the
#: point of the scene, the mean, comes sooner.
ROUND_PACE = (1.4, 1.0, 0.8, 0.64, 0.5)
#: Seconds of a later round's plays at pace 1: the old fit, gaps and score out with the new row
#: in; the held-out points recoloured; the fit drawn; its gaps with the readout; the score into
#: the table as the readout flashes; a short hold.
REPEAT_PLAYS = (0.8, 0.6, 0.8, 0.6, 0.7, 0.2)


class CrossValidation(ThemedScene):
    round_seconds = ROUND_PACE

    @classmethod
    def captions(cls):
        cv = EX.run()
        scores = [score_text(s) for s in cv.fold_scores]
        shown_sum = sum(float(s) for s in scores)
        return {
            "folds": f"The {count(N)} samples are shuffled into {word(K)} folds of "
                     f"{word(N // K)}. A table waits for {word(K)} rounds, one row each, and "
                     f"a plot of the samples beside it.",
            "rounds": (f"Round 1: fold 1 is held out, a curve of degree {DEGREE} is fitted to "
                       f"the other {word(K - 1)}, and its cost on the held-out points is J = "
                       f"{scores[0]}.",
                       f"Each round holds out the next fold and fits again; the scores "
                       f"{', '.join(scores[1:-1])} and {scores[-1]} fill the table."),
            "mean": f"The {word(K)} scores are added, {shown_sum:.3f}, and divided by {K}: "
                    f"the cross-validated cost is {score_text(cv.mean)}.",
        }

    def setup(self):
        super().setup()
        self.x, self.y = EX.samples()
        self.cv = EX.run()
        self.fits = [regression.polynomial_fit(self.x[tr], self.y[tr], DEGREE)
                     for tr in self.cv.train_idx]

    # -- pieces --------------------------------------------------------------------

    def block(self, i: int, j: int, held: bool) -> Rectangle:
        t = self.theme
        r = Rectangle(width=BLOCK_W - 0.1, height=BLOCK_H, stroke_width=0,
                      fill_color=t.accent if held else t.data, fill_opacity=1.0 if held else 0.8)
        return r.move_to(np.array([X_BLOCKS + (j + 0.5) * BLOCK_W, row_y(i), 0]))

    def fold_mark(self, j: int, color, width: float = DOT_W) -> VMobject:
        """The mark of fold j's samples (FOLD_MARKS), filled in `color`, `width` wide."""
        shape = FOLD_MARKS[j]
        mob = {"circle": lambda: Dot(radius=1.0), "square": Square,
               "triangle": Triangle, "diamond": lambda: Square().rotate(np.pi / 4),
               "down": lambda: Triangle().rotate(np.pi)}[shape]()
        return mob.set_fill(color, opacity=1.0).set_stroke(width=0).scale_to_fit_width(width)

    def fit_curve(self, w) -> VMobject:
        ax = self.ax
        ys = regression.polynomial_eval(w, XS)
        keep = (ys >= Y_RANGE[0]) & (ys <= Y_RANGE[1])  # a cubic here stays inside (tested)
        return VMobject(stroke_color=self.theme.model, stroke_width=3.5).set_points_as_corners(
            scene_points(ax, XS[keep], ys[keep]))

    def gaps(self, w, te) -> VGroup:
        y_hat = regression.polynomial_eval(w, self.x[te])
        return error_bars(self.theme, self.ax, self.x[te], self.y[te], y_hat)

    # -- sections ------------------------------------------------------------------

    def section_folds(self):
        t = self.theme
        title = self.text(f"{K}-fold cross-validation of a degree-{DEGREE} fit", 34)
        title.to_edge(UP, buff=0.42)
        head_y = ROW_Y0 + 0.62
        # each fold's number with its samples' mark: the key to the plot's shapes
        heads = VGroup(*(VGroup(self.text(f"{j + 1}", 24), self.fold_mark(j, t.data, HEAD_W))
                         .arrange(RIGHT, buff=0.1)
                         .move_to(np.array([X_BLOCKS + (j + 0.5) * BLOCK_W, head_y, 0]))
                         for j in range(K)))
        heads.add(self.text("fold", 24).next_to(heads, UP, buff=0.15))
        score_head = VGroup(self.text("held-out", 24), self.mixed("cost $J$", 24))
        score_head.arrange(DOWN, buff=0.08).move_to(np.array([X_SCORE, head_y + 0.2, 0]))
        ax = map_axes(t, [0, 1, 0.5], [*Y_RANGE, 1.5], 3.7, 3.7, "x", "y", places=1)
        ax.move_to(np.array([4.1, 0.0, 0]))
        self.ax = ax
        # each sample drawn in its fold's mark from the start: the folds are seen before any
        # is held out
        fold_of = np.empty(N, dtype=int)
        for j, te in enumerate(self.cv.test_idx):
            fold_of[te] = j
        self.fold_of = fold_of
        dots = VGroup(*(self.fold_mark(fold_of[k], t.data).move_to(ax.c2p(a, b)).set_z_index(3)
                        for k, (a, b) in enumerate(zip(self.x, self.y))))
        key = VGroup(
            VGroup(Rectangle(width=0.45, height=0.3, stroke_width=0, fill_color=t.data,
                             fill_opacity=0.8), self.text("train: fit on these", 24)),
            VGroup(Rectangle(width=0.45, height=0.3, stroke_width=0, fill_color=t.accent,
                             fill_opacity=1.0), self.text("held out: score on these", 24)),
        )
        for item in key:
            item.arrange(RIGHT, buff=0.2)
        # under the table's rounds, one item a line, left of the sum of the scores and of the
        # mean's line to come: it stays to the end
        key.arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        key.move_to(np.array([X_LABEL, row_y(K - 1) - KEY_DROP, 0]), aligned_edge=UP + LEFT)
        foot = self.text(f"{N} samples shuffled (seed {SEED}) into {K} folds of "
                         f"{self.cv.test_idx[0].size}: each is held out once", 24, t.muted)
        foot.to_edge(DOWN, buff=0.42).align_to(np.array([X_LABEL, 0, 0]), LEFT)
        self.dots, self.heads, self.key, self.title, self.foot = dots, heads, key, title, foot
        self.play(Write(title))
        # the plot's frame drawn, its tick numbers and labels faded in whole, with the samples
        play_axes_in(self, (ax,), FadeIn(dots, lag_ratio=0.05), run_time=1.5)
        # one at a time: the table's heads, its score column's, the key, the footnote
        self.play(FadeIn(heads, lag_ratio=0.1), run_time=0.7)
        self.play(FadeIn(score_head), run_time=0.6)
        self.play(FadeIn(key), run_time=0.6)
        self.play(FadeIn(foot), run_time=0.6)
        self.wait(0.8)

    def section_rounds(self):
        t = self.theme
        self.rows, self.scores = [], VGroup()
        curve = gaps = read = None
        for i, (_tr, te, score) in enumerate(zip(self.cv.train_idx, self.cv.test_idx,
                                                self.cv.fold_scores)):
            slow = self.round_seconds[i]
            if i == 1:  # the caption's next sentence: the rounds that follow
                self.caption_next()
            label = self.text(title(f"round {i + 1}"), 24).move_to(np.array([X_LABEL, row_y(i), 0]),
                                                            aligned_edge=LEFT)
            blocks = VGroup(*(self.block(i, j, j == i) for j in range(K)))
            self.rows.append(VGroup(label, blocks))
            recolor = [self.dots[k].animate.set_color(t.accent if k in te else t.data)
                       .scale_to_fit_width(HELD_W if k in te else DOT_W) for k in range(N)]
            # round 1 one change at a time: its row comes in (its held-out fold's cell in the
            # accent), the held-out points take the accent, its fit is drawn, then its gaps and
            # its score; a later round pairs them, the last fit always gone (never standing
            # over the new held-out fold) before the points change colour
            w = self.fits[i]
            new = self.fit_curve(w)
            new_gaps = self.gaps(w, te).set_color(t.accent)  # held out: the accent
            new_read = self.tex(rf"\text{{fold {i + 1}: }} J = {score_text(score)}", 32,
                                t.accent)
            new_read.next_to(self.ax, UP, buff=0.3).align_to(self.ax, LEFT).shift(0.4 * RIGHT)
            cell = self.tex(score_text(score), 32).move_to(np.array([X_SCORE, row_y(i), 0]))
            # the readout flashes as its number appears in the table: nothing crosses the plot
            flash = (Indicate(new_read, color=t.accent, scale_factor=1.12), FadeIn(cell))
            if i == 0:
                self.play(FadeIn(label), FadeIn(blocks, lag_ratio=0.1), run_time=0.8 * slow)
                self.play(*recolor, run_time=0.8 * slow)
                self.play(Create(new), run_time=slow)
                self.play(Create(new_gaps), run_time=0.6 * slow)
                self.play(FadeIn(new_read, shift=0.15 * DOWN), run_time=0.6 * slow)
                self.play(*flash, run_time=0.8 * slow)
                self.wait(0.4 * slow)
            else:
                # a repeat, faster each round, its changes in pairs: the last round's fit,
                # gaps and score leave from the plot as the new row comes in on the table
                out, recol, fit, gap, flash_t, hold = (slow * s for s in REPEAT_PLAYS)
                self.play(FadeOut(curve), FadeOut(gaps), FadeOut(read), FadeIn(label),
                          FadeIn(blocks, lag_ratio=0.1), run_time=out)
                self.play(*recolor, run_time=recol)
                self.play(Create(new), run_time=fit)
                self.play(Create(new_gaps), FadeIn(new_read, shift=0.15 * DOWN), run_time=gap)
                self.play(*flash, run_time=flash_t)
                self.wait(hold)
            curve, gaps, read = new, new_gaps, new_read
            self.scores.add(cell)
        self.curve, self.gap_lines, self.read = curve, gaps, read

    def section_mean(self):
        t = self.theme
        y_rule = row_y(K - 1) - RULE_DROP
        rule = Line(np.array([X_SCORE - 0.6, y_rule, 0]), np.array([X_SCORE + 0.6, y_rule, 0]),
                    color=t.muted, stroke_width=2)
        # the sum of the scores as printed, under their column; then the mean, that sum over
        # 5: it rounds to gdcore's mean (tested)
        self.shown_sum = sum(float(score_text(s)) for s in self.cv.fold_scores)
        total = self.tex(f"{self.shown_sum:.3f}", 32)
        total.move_to(np.array([X_SCORE, y_rule - SUM_DROP, 0]))
        # named on its left, beside the column: a bare number under it would read as one more
        # score
        sum_word = self.text("sum", 28).next_to(total, LEFT, buff=0.25)
        self.sum_word = sum_word
        # fold 5's fit, gaps and score leave like the others' (the last fit is not the model
        # the cost scores), and the footnote (said) with them, as the rule is drawn: the
        # mean's line takes its room
        self.play(Create(rule), FadeOut(self.curve), FadeOut(self.gap_lines), FadeOut(self.read),
                  FadeOut(self.foot), run_time=0.6)
        # the scores flash down the column (in ink, staying) as they are added, the sum
        # coming in under them as the last flashes: 2 s in all
        self.play(LaggedStart(*(Indicate(cell, color=t.good, scale_factor=1.15)
                                for cell in self.scores), lag_ratio=0.35),
                  FadeIn(VGroup(sum_word, total), rate_func=squish_rate_func(smooth, 0.55, 1.0)),
                  run_time=1.4)
        # even spaces around every sign: TeX's thick space around "=", the same (\;) set by
        # hand around "/", which TeX spaces as a letter
        parts = (r"J_\text{CV}", "=", f"{self.shown_sum:.3f}", r"\;/\;", f"{K}", "=",
                 score_text(self.cv.mean))
        self._log_words("tex", " ".join(parts))  # one maths string, its words captioned
        line = MathTex(*parts, font_size=MEAN_SIZE, color=t.good)
        self.mean_line = line
        # right under the sum, its sum under the printed sum: larger than the scores it sums
        line.shift(total.get_center() + MEAN_DROP * DOWN - line[2].get_center())
        # left to right, each piece whole (a Write would draw the digits stroke by stroke, a
        # garble of half-digits): "J_CV =", the sum sliding down under the printed one, "/ 5",
        # then "= mean"
        self.play(FadeIn(VGroup(*line[:2]), shift=0.1 * RIGHT), run_time=0.5)
        # the sum slides down from under the printed one, fading in whole (a transform between
        # two typeset copies scrambles their glyphs; one from the printed sum's own place
        # would print it twice over itself)
        self.play(FadeIn(line[2], shift=MEAN_SLIDE * DOWN), run_time=0.7)
        self.play(FadeIn(VGroup(*line[3:5]), shift=0.1 * RIGHT), run_time=0.5)
        self.play(FadeIn(VGroup(*line[5:]), shift=0.1 * RIGHT), run_time=0.6)
        self.wait(1.0)
        # the point of the scene held: flashed, then still for less than 2 s
        self.play(Indicate(line[6], color=t.good, scale_factor=1.2), run_time=1.0)
        self.mean, self.total = line[6], total
        self.wait(1.5)

    SECTIONS = sections(section_folds, section_rounds, section_mean)


__all__ = ["CrossValidation", "Y_RANGE"]
