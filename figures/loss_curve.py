"""A training loss curve

A network with {hidden} tanh hidden neurons learns to separate the two interleaved half-moons
({n} points, two classes). Left: its training loss, the half mean squared error on all {n}
points, after each of {steps} full-batch gradient-descent iterations (learning rate {lr:g}). The
loss drops steeply in the first few dozen iterations, from {start:.3f} to {early:.3f} by
iteration {early_at}, then levels off and creeps down to {end:.3f}. Right: the data and the
trained network's decision boundary (where its output crosses {threshold:g}); it now classifies
{accuracy:.0%} of the points correctly.

Alt: Left, a curve of loss against iteration that falls steeply at first and then flattens into
a long, slowly sinking tail, with its first and last values labelled. Right, two interleaved
crescent-shaped clusters of points in two colours, separated by a curved boundary line.
"""

import numpy as np

from gdcore import data, nn
from gdviz import equations
from gdviz import mpl as gm

#: The run: a 2-8-1 tanh network (linear output), seeded, full-batch gradient descent.
SIZES = (2, 8, 1)
ACTIVATION = "tanh"
N_POINTS = 200
LR = 0.2
STEPS = 1000
SEED = 0
EARLY = 50  # the iteration named in the caption, after the steep drop
THRESHOLD = 0.5  # output above it: class 1 (the targets are 0 and 1)


def run():
    """(X, Y, TrainResult) of the figure's training run."""
    X, Y = data.two_moons(N_POINTS, seed=SEED)
    net = nn.init_mlp(list(SIZES), activation=ACTIVATION, seed=SEED)
    return X, Y, nn.train(net, X, Y, STEPS, LR, seed=SEED)


def facts() -> dict:
    X, Y, res = run()
    out = nn.forward(res.net, X)[-1]
    return {"hidden": SIZES[1], "n": N_POINTS, "steps": STEPS, "lr": LR,
            "start": res.train_losses[0], "early": res.train_losses[EARLY], "early_at": EARLY,
            "end": res.train_losses[-1], "threshold": THRESHOLD,
            "accuracy": float(np.mean((out > THRESHOLD) == (Y > THRESHOLD)))}


def make_figure(theme):
    X, Y, res = run()
    losses = res.train_losses
    fig, (ax, ad) = gm.subplots(theme, 1, 2, height=2.8, width_ratios=(1.6, 1))
    gm.style_axes(ax, theme)
    it = np.arange(losses.size)
    ax.plot(it, losses, color=theme.accent, lw=1.6, gid="loss")
    ax.plot([0, it[-1]], [losses[0], losses[-1]], ls="none", marker="o", ms=5,
            color=theme.accent, mec=theme.background, mew=0.8, zorder=5, gid="ends")
    ax.annotate(f"start: {losses[0]:.3f}", (0, losses[0]), xytext=(8, -2),
                textcoords="offset points", ha="left", va="top", fontsize=theme.small_size,
                color=theme.text)
    ax.annotate(f"after {STEPS} iterations: {losses[-1]:.3f}", (it[-1], losses[-1]),
                xytext=(0, 10), textcoords="offset points", ha="right", va="bottom",
                fontsize=theme.small_size, color=theme.text)
    ax.text(0.97, 0.72, equations.mathtext("half-mse-loss"), transform=ax.transAxes,
            ha="right", va="center", fontsize=theme.font_size, color=theme.text, gid="equation")
    ax.set_xlim(-STEPS * 0.02, STEPS * 1.02)
    ax.set_ylim(0, losses[0] * 1.08)
    ax.set_xlabel("iteration")
    ax.set_ylabel("training loss $L$")
    ax.set_title("Training loss per iteration", fontsize=theme.font_size)

    # The data and the learned boundary: the network's output evaluated on a grid.
    lo, hi = X.min(axis=0) - 0.3, X.max(axis=0) + 0.3
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], 200), np.linspace(lo[1], hi[1], 200))
    out = nn.forward(res.net, np.column_stack([g0.ravel(), g1.ravel()]))[-1].reshape(g0.shape)
    cf = ad.contourf(g0, g1, out, levels=[-np.inf, THRESHOLD, np.inf],
                     colors=[theme.data, theme.accent], alpha=0.14)
    cf.set_rasterized(True)
    ad.contour(g0, g1, out, levels=[THRESHOLD], colors=theme.text, linewidths=1.1)
    cls = Y[:, 0] > THRESHOLD
    ad.scatter(X[~cls, 0], X[~cls, 1], s=9, color=theme.data, edgecolors=theme.background,
               linewidths=0.3, zorder=3, label="class 0", gid="class0")
    ad.scatter(X[cls, 0], X[cls, 1], s=9, color=theme.accent, marker="D",
               edgecolors=theme.background, linewidths=0.3, zorder=3, label="class 1",
               gid="class1")
    ad.set_xlim(lo[0], hi[0])
    ad.set_ylim(lo[1], hi[1])
    ad.set_aspect("equal")
    ad.set_xticks([])
    ad.set_yticks([])
    for side in ("left", "bottom"):
        ad.spines[side].set_visible(False)
    ad.set_title("What it learned", fontsize=theme.font_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
