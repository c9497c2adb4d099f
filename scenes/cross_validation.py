"""Five-fold cross-validation: five rounds, each holding out one fold, training a degree-3 fit on
the other four and scoring it on the held-out samples; the scores fill a table (each appears as
the round's readout flashes). Then the plot and the footnote leave; the scores flow
into their sum, printed under their column and named "sum" on its left; and where the plot was,
the cross-validated cost is displayed large, line under line, each "=" under the one above: its
definition J_CV = (1/5) sum_k J_k, the printed sum over 5 (the sum flowing into the fraction's
numerator) and the value, in the good green, flashed, the video ending 1.5 s after. J_CV is
never set beside the sum alone.

The folds come first: the twenty samples as plain dots, then fold by fold, one at a time, each
fold's number and mark (FOLD_MARKS: five shapes, one colour) come into the table's head as its
samples take that mark, drawn large until the next fold's turn: the folds are seen before any
is held out. Round 1, the lesson, plays slowly, one change at a time: its row comes in (its
held-out fold's cell in the accent), the held-out points take the accent, the round's fit is
drawn, then its gaps and its score. Rounds 2 to 5 repeat it, none slower than the one before
(ROUND_PACE), their changes in pairs: the last round's fit, gaps and score leave as the new row
comes in, the held-out points take the accent, the fit is drawn, its gaps come with its
readout, its score goes into the table; every round's readout then stands for READ_HOLD, so it
reads whole for at least 1 s. Held out is one colour, the accent: its cells, points, gaps and
"fold k: J" readout. Fold 5's fit, gaps and score leave with the plot before the sum (the last
fit is not the model the cost scores), so no held-out point stays in the accent at the end.
The plot's frame is drawn with its tick numbers and labels faded in whole
(manim_blocks.play_axes_in); the key (under the rounds) and the footnote come in after the
folds. The key to the table's colours stays to the end, with the table it keys.

The samples, folds, fits and scores are gdcore's (procedure.CROSS_VALIDATION, the still's: its
settings, samples() and run(); every cost written by the house rule numbers.cost, as there). Beside
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
    ReplacementTransform,
    Restore,
    Square,
    Triangle,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
)

from gdcore import regression
from gdcore import training_procedure as procedure
from gdviz import numbers as nb
from gdviz.manim_blocks import map_axes, play_axes_in, scene_points
from gdviz.manim_theme import ThemedScene, error_bars, sections
from gdviz.numbers import count, word
from gdviz.theme import title

EX = procedure.CROSS_VALIDATION
N, K, DEGREE, XS = EX.n, EX.k, EX.degree, EX.xs
#: The plot's y window (the samples lie in about [−1.13, 1.23]).
Y_RANGE = (-1.5, 1.5)
#: The plot's x window: the data's [0, 1] padded, so that no sample's mark (the samples reach
#: x = 0.023 and 0.972) touches the frame, held out and grown too, and the fits, drawn over
#: [0, 1], end inside it (tested).
X_RANGE = (-0.05, 1.05)

# Table layout (scene units).
X_LABEL, X_BLOCKS, BLOCK_W, BLOCK_H = -6.6, -5.0, 0.95, 0.46
X_SCORE = 0.6
#: centre of the plot (with its tick numbers): its "1.0" tick ends 0.43 units (26 px at 480p)
#: inside the frame's right edge
PLOT_X = 3.95
ROW_Y0, ROW_DY = 1.7, 0.78
#: The mean, the point of the scene, displayed where the plot was once the plot has left: its
#: size (the scores are 32: it reads at 1.5 times their size), its centre (the middle of the
#: table, its head to its sum), the gap between its lines (its definition, the sum over 5, the
#: value).
MEAN_SIZE = 48
MEAN_X, MEAN_Y = 4.0, 0.1
MEAN_GAP = 0.35
#: Each score's copy runs to the sum in a lane this far right of the column's centre (clear
#: of the scores: 0.4 units between them), one copy at a time, FLOW_SECONDS each: it fades in
#: in the lane beside its score over the first FLOW_IN of its run (sliding FLOW_SLIDE in from
#: the left, still clear of the score), runs down, and fades out over the last FLOW_FADE,
#: beside the sum's place.
LANE_DX, FLOW_SECONDS = 1.3, 0.5
FLOW_IN, FLOW_SLIDE, FLOW_FADE = 0.25, 0.25, 0.3


#: The samples' marks, one shape a fold (the fold's number in the table's head shows it), all
#: in the data's blue until held out. Each shape has the area of a circle DOT_W wide (scene
#: units), HELD_W held out, HEAD_W in the head: the diamond is then 1.41 times the square's
#: width (as wide as its diagonal), and reads as a diamond, not a smaller square. At 480p
#: (60 px a unit) no mark is under 10 px on its shorter side (the square's: 10.6 px, 10.1 px
#: in the head; all fitted to one width, 0.17 and 0.15 in the head, the diamond stood 7 px a
#: side, the head's marks 9 px, and the square and the diamond read alike; tested).
FOLD_MARKS = ("circle", "square", "triangle", "diamond", "down")
DOT_W, HELD_W, HEAD_W = 0.2, 0.24, 0.19
#: Each shape's width at the area of a circle 1 wide: a square's side sqrt(π)/2, a diamond's
#: diagonal that side times sqrt(2), an equilateral triangle's side sqrt(π / sqrt(3)).
MARK_WIDTH = {"circle": 1.0, "square": np.sqrt(np.pi) / 2, "diamond": np.sqrt(np.pi / 2),
              "triangle": np.sqrt(np.pi / np.sqrt(3)), "down": np.sqrt(np.pi / np.sqrt(3))}


def mark_width(j: int, size: float = DOT_W) -> float:
    """The width of fold j's mark at `size` (the width of the circle of its area)."""
    return float(MARK_WIDTH[FOLD_MARKS[j]] * size)
#: As each fold takes its mark its samples are drawn this much larger, for FOLD_SECONDS,
#: shrinking back as the next fold's grow.
FOLD_POP, FOLD_SECONDS = 1.6, 0.4
#: The set-up's plays (s): the title, the plot's frame with the plain samples, the last
#: fold's samples back to size with the scores' head, the key, the footnote. One change at a
#: time but brisk: with the five folds (FOLD_SECONDS each) about 5 s, the rounds taking the
#: time.
SETUP_PLAYS = (0.8, 1.0, 0.4, 0.4, 0.4)


def row_y(i: int) -> float:
    return ROW_Y0 - i * ROW_DY


#: The rule under the scores' column and the sum under it, and the top of the key under the
#: rounds: this far under the last row's centre (the key clear of the last row: 37 px at 480p).
RULE_DROP, SUM_DROP, KEY_DROP = 0.5, 0.38, 0.85


#: The pace of each round (a factor on its plays' seconds). Round 1 is the lesson, one change
#: at a time and slow (7 s); the four that follow repeat it with its changes paired
#: (REPEAT_PLAYS), none slower than the one before, each still long enough (about 3.5 s) to
#: follow its fit and its gaps.
ROUND_PACE = (1.4, 1.0, 1.0, 0.95, 0.9)
#: Seconds of a later round's plays at pace 1: the old fit, gaps and score out with the new row
#: in; the held-out points recoloured; the fit drawn; its gaps with the readout; the score into
#: the table as the readout flashes.
REPEAT_PLAYS = (0.7, 0.5, 0.8, 0.6, 0.6)
#: Seconds every round's fit, gaps and "fold k: J" readout stand still after its score is in
#: the table, whatever the pace: the readout reads whole for at least 1 s (with the flash).
READ_HOLD = 0.6


def shown_sum_text(scores) -> str:
    """The sum of the scores as the table writes them (numbers.cost), itself written as a cost
    (3 significant figures). Not to the scores' last place: 0.0409 + 0.0431 + 0.0585 + 0.0192
    + 0.0630 = 0.2247, and 0.2247 / 5 = 0.04494 would write 0.0449, not the mean 0.0450 (the
    still's, gdcore's 0.04496 rounded). 0.2247 rounds to 0.225, and 0.225 / 5 = 0.0450 exactly:
    every line of the display stays true as written (tested)."""
    return nb.cost(sum(float(nb.cost(s)) for s in scores))


class CrossValidation(ThemedScene):
    round_seconds = ROUND_PACE

    @classmethod
    def captions(cls):
        cv = EX.run()
        scores = [nb.cost(s) for s in cv.fold_scores]
        shown_sum = shown_sum_text(cv.fold_scores)
        return {
            "folds": f"The {count(N)} samples are shuffled into {word(K)} folds of "
                     f"{word(N // K)}. A table waits for {word(K)} rounds, one row each, and "
                     f"a plot of the samples beside it.",
            "rounds": (f"Round 1: fold 1 is held out, a curve of degree {DEGREE} is fitted to "
                       f"the other {word(K - 1)}, and its cost on the held-out points is J = "
                       f"{scores[0]}.",
                       f"Each round holds out the next fold and fits again; the scores "
                       f"{', '.join(scores[1:-1])} and {scores[-1]} fill the table."),
            "mean": f"The {word(K)} scores are added, {shown_sum}, and divided by {K}: "
                    f"the cross-validated cost is {nb.cost(cv.mean)}.",
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

    def fold_mark(self, j: int, color, size: float = DOT_W) -> VMobject:
        """The mark of fold j's samples (FOLD_MARKS), filled in `color`, of the area of a
        circle `size` wide (mark_width)."""
        shape = FOLD_MARKS[j]
        mob = {"circle": lambda: Dot(radius=1.0), "square": Square,
               "triangle": Triangle, "diamond": lambda: Square().rotate(np.pi / 4),
               "down": lambda: Triangle().rotate(np.pi)}[shape]()
        return mob.set_fill(color, opacity=1.0).set_stroke(width=0).scale_to_fit_width(
            mark_width(j, size))

    def fit_curve(self, w) -> VMobject:
        ax = self.ax
        ys = regression.polynomial_eval(w, XS)
        # inside the plot's box (a cubic here stays inside: tested)
        keep = ((ys >= Y_RANGE[0]) & (ys <= Y_RANGE[1]) & (XS >= X_RANGE[0])
                & (XS <= X_RANGE[1]))
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
        fold_word = self.text("fold", 24).next_to(heads, UP, buff=0.15)
        score_head = VGroup(self.text("held-out", 24), self.mixed("cost $J_k$", 24))
        score_head.arrange(DOWN, buff=0.08).move_to(np.array([X_SCORE, head_y + 0.2, 0]))
        ax = map_axes(t, [*X_RANGE, 0.5], [*Y_RANGE, 1.5], 3.7, 3.7, "x", "y")
        ax.move_to(np.array([4.1, 0.0, 0]))
        self.ax = ax
        fold_of = np.empty(N, dtype=int)
        for j, te in enumerate(self.cv.test_idx):
            fold_of[te] = j
        self.fold_of = fold_of
        # the samples, plain dots first; then fold by fold each takes its fold's mark
        dots = VGroup(*(self.fold_mark(fold_of[k], t.data).move_to(ax.c2p(a, b)).set_z_index(3)
                        for k, (a, b) in enumerate(zip(self.x, self.y))))
        plain = VGroup(*(self.fold_mark(0, t.data).move_to(d).set_z_index(3) for d in dots))
        key = VGroup(
            VGroup(Rectangle(width=0.45, height=0.3, stroke_width=0, fill_color=t.data,
                             fill_opacity=0.8), self.text("train: fit on these", 24)),
            VGroup(Rectangle(width=0.45, height=0.3, stroke_width=0, fill_color=t.accent,
                             fill_opacity=1.0), self.text("held out: score on these", 24)),
        )
        for item in key:
            item.arrange(RIGHT, buff=0.2)
        # under the table's rounds, one item a line; it stays to the end, the table's key
        key.arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        key.move_to(np.array([X_LABEL, row_y(K - 1) - KEY_DROP, 0]), aligned_edge=UP + LEFT)
        foot = self.text(f"{N} samples shuffled into {K} folds of "
                         f"{self.cv.test_idx[0].size}: each is held out once", 24, t.muted)
        foot.to_edge(DOWN, buff=0.42).align_to(np.array([X_LABEL, 0, 0]), LEFT)
        heads.add(fold_word)
        self.dots, self.heads, self.key, self.title, self.foot = dots, heads, key, title, foot
        title_t, axes_t, back_t, key_t, foot_t = SETUP_PLAYS
        self.play(Write(title), run_time=title_t)
        # the plot's frame drawn, its tick numbers and labels faded in whole, with the samples
        # as plain dots
        play_axes_in(self, (ax,), FadeIn(plain, lag_ratio=0.05), run_time=axes_t)
        # one fold at a time: its number and mark come into the table's head (the word "fold"
        # over the head with the first) as its samples take the mark, drawn large (FOLD_POP)
        # until the next fold's turn
        big = None
        for j in range(K):
            members = [k for k in range(N) if fold_of[k] == j]
            grown = [dots[k].copy().scale(FOLD_POP) for k in members]
            anims = [FadeIn(heads[j], scale=1.3)] + ([FadeIn(fold_word)] if j == 0 else [])
            anims += [ReplacementTransform(plain[k], g) for k, g in zip(members, grown)]
            if big is not None:
                anims += [ReplacementTransform(g, dots[k]) for k, g in big]
            self.play(*anims, run_time=FOLD_SECONDS)
            big = list(zip(members, grown))
        self.play(*(ReplacementTransform(g, dots[k]) for k, g in big), FadeIn(score_head),
                  run_time=back_t)
        # the key to the table's colours, then the footnote
        self.play(FadeIn(key), run_time=key_t)
        self.play(FadeIn(foot), run_time=foot_t)

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
                       .scale_to_fit_width(mark_width(self.fold_of[k],
                                                      HELD_W if k in te else DOT_W))
                       for k in range(N)]
            # round 1 one change at a time: its row comes in (its held-out fold's cell in the
            # accent), the held-out points take the accent, its fit is drawn, then its gaps and
            # its score; a later round pairs them, the last fit always gone (never standing
            # over the new held-out fold) before the points change colour
            w = self.fits[i]
            new = self.fit_curve(w)
            new_gaps = self.gaps(w, te).set_color(t.accent)  # held out: the accent
            new_read = self.tex(rf"\text{{fold {i + 1}: }} J = {nb.cost(score, 'latex')}", 32,
                                t.accent)
            new_read.next_to(self.ax, UP, buff=0.3).align_to(self.ax, LEFT).shift(0.4 * RIGHT)
            cell = self.tex(nb.cost(score, 'latex'), 32).move_to(np.array([X_SCORE, row_y(i), 0]))
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
                out, recol, fit, gap, flash_t = (slow * s for s in REPEAT_PLAYS)
                self.play(FadeOut(curve), FadeOut(gaps), FadeOut(read), FadeIn(label),
                          FadeIn(blocks, lag_ratio=0.1), run_time=out)
                self.play(*recolor, run_time=recol)
                self.play(Create(new), run_time=fit)
                self.play(Create(new_gaps), FadeIn(new_read, shift=0.15 * DOWN), run_time=gap)
                self.play(*flash, run_time=flash_t)
                self.wait(READ_HOLD)
            curve, gaps, read = new, new_gaps, new_read
            self.scores.add(cell)
        self.curve, self.gap_lines, self.read = curve, gaps, read

    @staticmethod
    def _lane_step(copy, sum_y: float):
        """The path of a score's copy to the sum: it fades in in the lane (LANE_DX right of its
        cell, sliding FLOW_SLIDE in from the left over the first FLOW_IN of its run: never
        over its own score), runs down the lane to the sum's line and fades out over its last
        FLOW_FADE. (alpha comes eased by the play.)"""
        start = copy.get_center().copy()
        lane_x, down = start[0] + LANE_DX, max(start[1] - sum_y, 0.0)

        def step(m, alpha):
            came = float(np.clip(alpha / FLOW_IN, 0.0, 1.0))
            ran = float(np.clip((alpha - FLOW_IN) / (1.0 - FLOW_IN), 0.0, 1.0))
            m.move_to(np.array([lane_x - FLOW_SLIDE * (1.0 - came), start[1] - ran * down, 0]))
            m.set_opacity(min(came, float(np.clip((1.0 - alpha) / FLOW_FADE, 0.0, 1.0))))
        return step

    def section_mean(self):
        t = self.theme
        y_rule = row_y(K - 1) - RULE_DROP
        rule = Line(np.array([X_SCORE - 0.6, y_rule, 0]), np.array([X_SCORE + 0.6, y_rule, 0]),
                    color=t.muted, stroke_width=2)
        # the sum of the scores as printed, under their column (shown_sum_text); then the
        # mean, that sum over 5: it is gdcore's mean as written (tested)
        self.shown_sum = shown_sum_text(self.cv.fold_scores)
        total = self.tex(self.shown_sum, 32)
        total.move_to(np.array([X_SCORE, y_rule - SUM_DROP, 0]))
        # set flush left with the scores, its decimal point under theirs (it has a digit fewer)
        total.align_to(self.scores, LEFT)
        # named on its left, beside the column: a bare number under it would read as one more
        # score
        sum_word = self.text("sum", 28).next_to(total, LEFT, buff=0.25)
        self.sum_word = sum_word
        # the plot, its last fit, gaps and readout (the last fit is not the model the cost
        # scores) and the footnote leave, as the rule is drawn: the mean takes the plot's
        # place; the key stays under the table, whose colours it names
        gone = (self.ax, *self.dots, self.curve, self.gap_lines, self.read, self.foot)
        self.play(Create(rule), *(FadeOut(m) for m in gone), run_time=0.8)
        # the right side clear, the scores flow into their sum one at a time: each copy steps
        # out into a lane right of the column and runs down it to the sum's line, fading as it
        # arrives beside the sum's place, never over a score, the rule or the sum; the sum
        # fades in once the last has gone
        self.wait(0.2)
        flow = [cell.copy() for cell in self.scores]
        sum_y = total.get_center()[1]
        self.play(LaggedStart(*(UpdateFromAlphaFunc(c, self._lane_step(c, sum_y))
                                for c in flow), lag_ratio=1.0),
                  run_time=FLOW_SECONDS * K)
        self.remove(*flow)
        self.play(FadeIn(VGroup(sum_word, total)), run_time=0.5)
        # the mean, the point of the scene, displayed large where the plot was: its
        # definition, the printed sum over 5, the value, each line's "=" under the one above
        define = MathTex(r"J_\text{CV}", "=", rf"\frac{{1}}{{{K}}}\sum_{{k=1}}^{{{K}}} J_k",
                         font_size=MEAN_SIZE, color=t.text)
        over = MathTex("=", rf"\frac{{{self.shown_sum}}}{{{K}}}",
                       font_size=MEAN_SIZE, color=t.text)
        value = MathTex("=", nb.cost(self.cv.mean, "latex"), font_size=MEAN_SIZE, color=t.good)
        for m in (define, over, value):
            self._log_words("tex", "".join(m.tex_strings))
        over.next_to(define, DOWN, buff=MEAN_GAP)
        value.next_to(over, DOWN, buff=MEAN_GAP)
        for m in (over, value):
            m.shift((define[1].get_center()[0] - m[0].get_center()[0]) * RIGHT)
        display = VGroup(define, over, value)
        display.move_to(np.array([MEAN_X, MEAN_Y, 0]))
        # the fraction's numerator: its glyphs above the bar
        frac = over[1]
        bar_y = frac.get_center()[1]
        numerator = VGroup(*(g for g in frac if g.get_center()[1] > bar_y + 0.05))
        rest = VGroup(over[0], *(g for g in frac if g not in numerator.submobjects))
        self.mean_display, self.numerator = display, numerator
        self.mean_parts = (define, rest, numerator, value)
        # left to right, top to bottom, each piece whole (a Write would draw the digits
        # stroke by stroke, a garble of half-digits)
        self.play(FadeIn(define, shift=0.1 * RIGHT), run_time=0.8)
        self.wait(0.4)
        self.play(FadeIn(rest, shift=0.1 * RIGHT), run_time=0.5)
        # the printed sum flows into the numerator: the numerator's own glyphs, the same as
        # the sum's, set first over the printed sum at its size, grow into their place
        numerator.save_state()
        numerator.scale(total.height / numerator.height).move_to(total)
        self.play(Restore(numerator), run_time=0.8)
        self.play(FadeIn(value, shift=0.1 * RIGHT), run_time=0.6)
        self.wait(0.8)
        # the point of the scene held: flashed, then still for less than 2 s
        self.play(Indicate(value[1], color=t.good, scale_factor=1.2), run_time=1.0)
        self.mean, self.total = value[1], total
        self.wait(1.5)

    SECTIONS = sections(section_folds, section_rounds, section_mean)


__all__ = ["CrossValidation", "X_RANGE", "Y_RANGE", "mark_width"]
