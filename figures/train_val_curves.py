"""Training and validation cost: where to stop

A network with one hidden layer of {hidden} sigmoid neurons, trained by full-batch gradient
descent with momentum on only {n_train} noisy samples of sin(2πx), and scored after every epoch
on {n_val} separate validation samples (half mean squared error, log scale; the epoch axis is
logarithmic beyond epoch 1, so the steep first epochs can be read). For the first {below_to}
epochs the validation cost lies a little below the training cost: the two sets are small
samples at different x, and while the network still underfits its cost is mostly its distance
from the sine, which happens to be larger at the {n_train} training x than on average over the
{n_val} validation x (the noise alone is smaller on the training samples). The training cost
keeps falling, to {train_last:.3f} after {epochs} epochs. The validation cost falls with it at
first, reaches its lowest value, {val_best:.3f}, at epoch {best}, and then turns up to
{val_last:.3f}: from there on the network fits the noise of its {n_train} samples. Early
stopping keeps the weights of epoch {best}.

Alt: Two cost curves over {epochs} epochs, both axes logarithmic. Both drop steeply in the
first hundred epochs, the validation curve just under the training curve until epoch
{below_to}. The training curve keeps sloping down; the validation curve bottoms out at epoch
{best}, marked with a dashed vertical line and a green star, and then climbs slowly for the rest of
the run, in a shaded region labelled as overfitting.
"""

from functools import lru_cache

import matplotlib.ticker
import numpy as np

from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import theme as th
from gdviz.colors import mix
from gdviz.theme import AXIS_LABELS

N_TRAIN, N_VAL, HIDDEN = 15, 60, 40  # the set-up of procedure.train_val_curves (its docstring)
OVERFIT_TINT = 1.15  # contrast of the overfitting stretch's tint against the page


@lru_cache(maxsize=1)
def curves():
    """gdcore's run (3000 epochs; cached, as facts() and both themes draw the same run)."""
    return procedure.train_val_curves(hidden=HIDDEN)


def facts() -> dict:
    c = curves()
    b = c.best_epoch
    return {"hidden": HIDDEN, "n_train": N_TRAIN, "n_val": N_VAL, "epochs": c.train.size - 1,
            "best": b, "val_best": c.val[b], "val_last": c.val[-1], "train_last": c.train[-1],
            "below_to": below_until(c)}


def below_until(c) -> int:
    """The last epoch of the opening stretch where the validation cost is below the training
    cost (every epoch up to it is such an epoch)."""
    above = np.flatnonzero(c.val >= c.train)
    return int(above[0] - 1) if above.size else c.val.size - 1


def make_figure(theme):
    c = curves()
    epochs = range(c.train.size)
    b = c.best_epoch
    fig, ax = gm.subplots(theme, height=2.7)
    gm.style_axes(ax, theme)
    ax.plot(epochs, c.train, color=theme.data, linewidth=1.6,
            label=AXIS_LABELS["training cost"], zorder=3, gid="train")
    ax.plot(epochs, c.val, color=theme.accent, linewidth=1.6, label="validation cost $J$",
            zorder=3, gid="val")
    ax.set_yscale("log")
    ax.set_xscale("symlog", linthresh=1, linscale=0.35)  # linear 0 … 1, log beyond
    ax.set_xlim(0, c.train.size - 1)
    ticks = [0, 1, 10, 100, 1000, c.train.size - 1]
    ax.set_xticks(ticks)
    ax.xaxis.set_major_formatter(gm.count_formatter())
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    lo = min(c.train.min(), c.val.min()) / 1.6
    hi = max(c.train.max(), c.val.max()) * 1.6
    ax.set_ylim(lo, hi)

    # the overfitting stretch tinted towards the error colour by the same contrast (1.15:1
    # against the page) in both themes, so it shows on the dark page as on the light one
    tint = mix(theme.background, theme.error,
               th.contrast_mix(theme.background, theme.error, OVERFIT_TINT))
    ax.axvspan(b, c.train.size - 1, color=tint, linewidth=0, zorder=0, gid="overfitting")
    ax.axvline(b, color=theme.good, linewidth=1.0, linestyle=(0, (4, 2)), zorder=2, gid="stop")
    # the early stop is the minimum of the validation curve: the house minimum star
    ax.plot([b], [c.val[b]], gid="best", **theme.marker("minimum"))
    ax.annotate(f"early stop: epoch {b}\nvalidation cost $J = {c.val[b]:.3f}$",
                xy=(b, c.val[b]),
                xytext=(b * 1.35, c.val[b] * 3.0), ha="left", va="bottom",
                fontsize=theme.small_size, color=theme.text, gid="stop-label",
                arrowprops=dict(arrowstyle="->", color=theme.muted, linewidth=0.8))
    ax.text(0.985, 0.93, "validation cost\nrises: overfitting", transform=ax.transAxes,
            ha="right", va="top", fontsize=theme.small_size, color=theme.error)
    ax.set_xlabel(AXIS_LABELS["epoch"])
    ax.set_ylabel(AXIS_LABELS["cost"])
    ax.legend(loc="lower left")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
