"""Five-fold cross-validation

{n} noisy samples of sin(2πx) are shuffled (seed {seed}) and dealt into {k} folds of {fold}.
Each round holds one fold out (orange hollow diamonds), fits a degree-{degree} polynomial to the
other {rest} samples by least squares (blue dots, the curve in the text colour) and scores it on
the held-out samples by the cost J, half the mean of the squared vertical gaps between each
diamond and the curve (gaps too short to draw at this size).
The five held-out scores range from {lo} to {hi}; their mean, {mean}, estimates how
well a degree-{degree} fit does on samples it has not seen, and every sample is held out exactly
once.

Alt: A table of five rows, one per round. In each row a bar of five blocks, one per fold, with
one block coloured orange as the held-out fold (the first in round 1, the second in round 2,
and so on); next to it a small plot of the samples with a cubic curve fitted to the blue
training dots and the hollow orange diamonds of the held-out samples near the curve; then the
round's held-out cost J. Below the last row: the mean of the five scores,
{mean}.
"""

from matplotlib.patches import Rectangle

from gdcore import regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th

EX = procedure.CROSS_VALIDATION
N, K, DEGREE = EX.n, EX.k, EX.degree

# Layout, in inches from the figure's lower-left corner.
ROW_H, TOP, FOOT = 0.6, 0.42, 0.5  # height of a round's row; header band at the top
#: the blocks wide enough that "held out" keeps a margin inside its cell
X_LABEL, X_BLOCKS, W_BLOCKS = 0.25, 0.8, 2.7  # the left margin as the right one
X_PLOT, W_PLOT = 3.65, 1.32
X_SCORE = 5.6  # centre of the score column
RULE = (X_SCORE - 0.55, X_SCORE + 0.5)  # the rule over the mean, in the score column
MEAN_WORD = X_SCORE - 0.26  # right end of the word "mean", left of the mean's value
#: Inches from the rule down to the mean's baseline: the value clear under its rule.
MEAN_DROP = 0.25
HEIGHT = TOP + K * ROW_H + FOOT


#: The held-out diamonds' size (points) and the room (points) kept between the outermost
#: samples' centres and the panel's edges: half a diamond's diagonal (its corner reaches
#: 0.5 · √2 of its size from its centre), its edge and three points of paper.
HELD_SIZE = 3.6
MARK_ROOM = HELD_SIZE * 0.5 * 2 ** 0.5 + 3.5


def _padded(lo: float, hi: float, length: float, room: float = MARK_ROOM):
    """Limits of an axis `length` points long on which lo and hi stand `room` points inside
    its ends."""
    pad = (hi - lo) * room / (length - 2 * room)
    return lo - pad, hi + pad


def facts() -> dict:
    r = EX.run()
    return {"n": N, "k": K, "seed": EX.seed, "degree": DEGREE, "fold": r.test_idx[0].size,
            "rest": r.train_idx[0].size, "lo": nb.cost(r.fold_scores.min()),
            "hi": nb.cost(r.fold_scores.max()), "mean": nb.cost(r.mean)}


def _row_y(i: int, width: float) -> float:
    """Lower edge (inches) of round i's row."""
    return HEIGHT - TOP - (i + 1) * ROW_H + (ROW_H - width) / 2


def make_figure(theme):
    x, y = EX.samples()
    r = EX.run()
    fig = gm.new_figure(theme, height=HEIGHT)
    fig.set_layout_engine("none")
    W = fig.get_figwidth()
    table = fig.add_axes((0, 0, 1, 1))
    table.set_xlim(0, W)
    table.set_ylim(0, HEIGHT)
    table.axis("off")
    table.set_gid("table")
    ink = dict(fontsize=theme.small_size, color=theme.text)
    head = HEIGHT - TOP / 2

    # Column headings.
    bw = W_BLOCKS / K
    for j in range(K):
        table.text(X_BLOCKS + (j + 0.5) * bw, head, f"Fold {j + 1}", ha="center",
                   va="center", **ink)
    table.text(X_PLOT + W_PLOT / 2, head, f"Degree-{DEGREE} fit", ha="center", va="center",
               **ink)
    table.text(X_SCORE, head, "Held-out cost $J$", ha="center", va="center", **ink)

    fits = []
    for i, (tr, te, score) in enumerate(zip(r.train_idx, r.test_idx, r.fold_scores)):
        block_h = 0.32
        y0 = _row_y(i, block_h)
        # the rows' names in the house case, as the columns' ("Round 1" beside "Fold 1")
        table.text(X_LABEL, y0 + block_h / 2, th.title(f"round {i + 1}"), ha="left",
                   va="center", **ink)
        for j in range(K):
            held = j == i
            part = "validation" if held else "training"
            rect = Rectangle((X_BLOCKS + j * bw + 0.025, y0), bw - 0.05, block_h,
                             facecolor=theme.role(th.DATA_ROLES[part][0]),
                             edgecolor="none")
            rect.set_gid("held-out" if held else "train")
            table.add_patch(rect)
            table.text(X_BLOCKS + (j + 0.5) * bw, y0 + block_h / 2,
                       "held out" if held else "train", ha="center", va="center",
                       fontsize=theme.small_size, color=theme.background)
        # a cost as every still writes one: three significant figures (numbers.cost)
        table.text(X_SCORE, y0 + block_h / 2, nb.cost(score), ha="center", va="center",
                   fontsize=theme.font_size, color=theme.text, gid="score")

        # The round's fit: trained on the other folds, scored on the held-out one.
        plot_h = ROW_H - 0.05
        py = _row_y(i, plot_h)
        ax = fig.add_axes((X_PLOT / W, py / HEIGHT, W_PLOT / W, plot_h / HEIGHT))
        fits.append(ax)
        w = regression.polynomial_fit(x[tr], y[tr], DEGREE)
        ax.plot(EX.xs, regression.polynomial_eval(w, EX.xs), color=theme.model, linewidth=1.0,
                zorder=2, gid="fit")
        # no residual drawn: the held-out gaps span a point or two at this size, a red
        # stroke that short reads as a speck beside the orange diamond (the video draws them)
        gm.scatter_points(ax, theme, x[tr], y[tr], s=9, linewidths=0.3, gid="train")
        ax.plot(x[te], y[te], gid="held-out",
                **{**theme.held_out(th.DATA_ROLES["validation"][0]), "markersize": HELD_SIZE})
        # every sample's mark, the held-out diamonds the largest, whole inside the panel and
        # clear of its spines: a margin of MARK_ROOM points round the samples on each axis
        ax.set_xlim(*_padded(x.min(), x.max(), W_PLOT * 72))
        ax.set_ylim(*_padded(y.min(), y.max(), plot_h * 72))
        # a thumbnail of the fit, read by its shape: no ticks, so no spines either (an
        # L of axes without a scale reads as a chart with its numbers missing)
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)

    # The mean of the five scores, under a rule: the word and the value in the scores' size,
    # the value centred in their column as they are; the note on the same baseline, one line
    # across the table, so the foot reads as one line
    rule_y = FOOT - 0.08
    base = rule_y - MEAN_DROP
    table.plot(RULE, [rule_y, rule_y], color=theme.muted, linewidth=0.8, gid="rule")
    table.text(MEAN_WORD, base, "mean", ha="right", va="baseline",
               fontsize=theme.font_size, color=theme.text, gid="mean-word")
    table.text(X_SCORE, base, nb.cost(r.mean), ha="center", va="baseline",
               fontsize=theme.font_size, color=theme.text, gid="mean")
    # it says the folds are drawn at random, as the diamonds scattered along x show
    table.text(X_BLOCKS, base,
               f"{N} samples shuffled into {K} folds of {r.test_idx[0].size}: "
               "each sample is held out once", ha="left", va="baseline",
               fontsize=theme.small_size, color=theme.muted, gid="note")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
