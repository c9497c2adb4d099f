"""Training and validation cost: where to stop

A network with one hidden layer of {hidden} sigmoid neurons, trained by full-batch gradient
descent with momentum on only {n_train} noisy samples of sin(2πx), and scored after every epoch
on {n_val} separate validation samples (half mean squared error, log scale; the epoch axis is
logarithmic from epoch 1, so the steep first epochs can be read). Up to epoch {swing_to} both
costs swing down and up: that is the momentum overshooting (the same run without momentum
lowers the training cost at every one of those epochs). For the first {below_to}
epochs the validation cost lies a little below the training cost, by an accident of the two
small samples: the network misses the sine by about as much at either set's x, and the
validation samples are the noisier, but at their x its misses happen to lean the way their
noise does, which at epoch {parts_at} takes {lean_val} off their cost, while at the
{n_train} training x they lean against it, adding {lean_train}. The training cost
keeps falling, to {train_last} after {epochs} epochs. The validation cost falls with it at
first, reaches its lowest value, {val_best}, at epoch {best}, and then turns up to
{val_last}: from there on the network fits the noise of its {n_train} samples. Early
stopping keeps the weights of epoch {best}. The inset redraws the validation cost from epoch
100 on a linear cost axis (its epochs still logarithmic), where its turn up reads.

Alt: Two cost curves over {epochs} epochs, both axes logarithmic, the epochs from 1. Both drop
steeply in the first hundred epochs, in swings up to epoch {swing_to}, the wide validation
curve just under the thin training curve until epoch {below_to}; the key shows each as the
line it is, thin blue and wide orange. The training curve
keeps sloping down; the validation curve bottoms out at epoch {best}, marked with a dotted
vertical line and a star, and then climbs slowly for the rest of the run, in a shaded
region labelled as overfitting. A framed inset at the lower left redraws the validation curve from
epoch 100 to {epochs} on a linear cost axis: it falls to {val_best} at the star and climbs to
{val_last}.
"""

from functools import lru_cache

import matplotlib.ticker
import numpy as np

from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.colors import mix
from gdviz.theme import AXIS_LABELS

N_TRAIN, N_VAL, HIDDEN = 15, 60, 40  # the set-up of procedure.train_val_curves (its docstring)
#: contrast of the overfitting stretch's tint against the page, per theme: 1.15:1 reads on the
#: white page, but on the near-black one the same ratio is a step of a few levels that no
#: screen shows (the page's luminance is near 0, so a ratio moves it little); the dark tint
#: takes 1.3:1, still darker than the grid rules, which stay visible across it
OVERFIT_TINT = {"light": 1.15, "dark": 1.3}
#: Where the training curve is drawn over the validation one: thinner, so the wider curve
#: shows on both sides of it where the two run together (the first hundred epochs, where only
#: a sliver of a training curve drawn under the other one showed, and at its peaks none). No
#: casing round it: a casing of the page 0.6 pt each side made it 2.3 pt wide over the 2 pt
#: validation curve, which vanished under it at the peaks of epochs 7 to 20
TRAIN_WIDTH, VAL_WIDTH = 1.1, 2.0
#: the inset's axes (fractions of the main axes), and its plate, which takes in its numbers and
#: title: ((left, bottom), (right, top)), in the room under the curves' first epochs (its top
#: a clear INSET_CLEAR points under the curves' low point over it). The cost axis runs from the
#: decade under the least cost, no further: it once ran a decade lower (to 10⁻³, the data never
#: under 0.015) only to make room for the inset; the figure is a little taller instead.
INSET = (0.095, 0.12, 0.37, 0.23)
INSET_PLATE = ((0.015, 0.015), (0.495, 0.44))
INSET_CLEAR = 6.0
#: The inset's epochs: its first, and the round thousand (the title names its last, 3,000,
#: whose tick crowded the 1,000 beside it)
ZOOM_TICKS = (100, 300, 1000)
#: Inches of page at the figure's sides: the last epoch's number and the first stand clear of
#: the edge, as regularization's
SIDE_PAD = 10 / 72
#: the inset's window on the validation curve: its fall to the early stop and its turn up
ZOOM_FROM = 100
#: The epoch at which the caption takes the two costs apart to say why the validation cost
#: starts under the training cost: on the steady fall after the first swings, mid-way
#: through the stretch where it lies under
PARTS_AT = 100


@lru_cache(maxsize=1)
def curves():
    """gdcore's run (3000 epochs; cached, as facts() and both themes draw the same run)."""
    return procedure.train_val_curves(hidden=HIDDEN)


def facts() -> dict:
    c = curves()
    b = c.best_epoch
    return {"hidden": HIDDEN, "n_train": N_TRAIN, "n_val": N_VAL,
            "epochs": numbers.count(c.train.size - 1),
            "best": b, "val_best": numbers.cost(c.val[b]), "val_last": numbers.cost(c.val[-1]),
            "train_last": numbers.cost(c.train[-1]),
            "below_to": below_until(c), "parts_at": PARTS_AT, "swing_to": swings_until(c),
            "lean_val": numbers.cost(-parts()[1].lean), "lean_train": numbers.cost(parts()[0].lean)}


@lru_cache(maxsize=1)
def parts():
    """The training and validation costs at epoch PARTS_AT taken apart (gdcore's CostParts)."""
    return procedure.train_val_cost_parts(PARTS_AT, hidden=HIDDEN)


def swings_until(c) -> int:
    """The end of momentum's swings: the last epoch before the early stop at which either cost
    rose (the training cost last at 64, the validation cost at 68)."""
    b = c.best_epoch
    rose = (np.diff(c.train[:b + 1]) > 0) | (np.diff(c.val[:b + 1]) > 0)
    return int(np.flatnonzero(rose)[-1] + 1)


def below_until(c) -> int:
    """The last epoch of the opening stretch where the validation cost is below the training
    cost (every epoch up to it is such an epoch)."""
    above = np.flatnonzero(c.val >= c.train)
    return int(above[0] - 1) if above.size else c.val.size - 1


def make_figure(theme):
    c = curves()
    epochs = range(c.train.size)
    b = c.best_epoch
    fig, ax = gm.subplots(theme, height=3.5)
    fig.get_layout_engine().set(w_pad=SIDE_PAD)
    gm.style_axes(ax, theme)
    # each set in its house role (theme.DATA_ROLES): training the data blue, validation the
    # accent; plain lines, and the key shows them as they are drawn (a set's mark in the key
    # but not on its curve would name a look the plot does not have)
    # the training curve thin over the validation one, uncased: where the two run together
    # (the first hundred epochs) the wider one shows on both sides of it
    for vals, gid, part, width, label, z in (
            (c.train, "train", "training", TRAIN_WIDTH, AXIS_LABELS["training cost"], 3.1),
            (c.val, "val", "validation", VAL_WIDTH, "validation cost $J$", 3)):
        ax.plot(epochs, vals, color=theme.role(th.DATA_ROLES[part][0]), linewidth=width,
                label=label, zorder=z, gid=gid)
    ax.set_yscale("log")
    # the epochs on a log axis from epoch 1 (the first step): the steep start reads, and no
    # lone 0 stands on a stretch of another scale
    ax.set_xscale("log")
    ax.set_xlim(1, c.train.size - 1)
    ticks = [1, 10, 100, 1000, c.train.size - 1]
    ax.set_xticks(ticks)
    ax.xaxis.set_major_formatter(gm.count_formatter())
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    # from the decade under the least cost (the inset has its room under the first epochs)
    lo = 10.0 ** np.floor(np.log10(min(c.train.min(), c.val.min())))
    hi = max(c.train[1:].max(), c.val[1:].max()) * 1.6
    hi = 10.0 ** np.ceil(np.log10(hi))  # up to the next decade: its tick names the top
    ax.set_ylim(lo, hi)

    # the overfitting stretch tinted, neutral (the error red is for residuals and divergence),
    # by a contrast against the page that reads in each theme (OVERFIT_TINT)
    tint = mix(theme.background, theme.muted,
               th.contrast_mix(theme.background, theme.muted, OVERFIT_TINT[theme.name]))
    ax.axvspan(b, c.train.size - 1, color=tint, linewidth=0, zorder=0, gid="overfitting")
    ax.axvline(b, **theme.line("reference", color=theme.good, linewidth=1.0, zorder=2, gid="stop"))
    # the early stop is the minimum of the validation curve: the house minimum star
    gm.best_at(ax, theme, b, c.val[b])
    ax.annotate(f"early stop: epoch {b}\nvalidation cost $J = {numbers.cost(c.val[b], 'latex')}$",
                xy=(b, c.val[b]),
                xytext=(b / 1.1, c.val[b] * 3.3), ha="right", va="bottom",
                fontsize=theme.small_size, color=theme.text, gid="stop-label",
                arrowprops=dict(arrowstyle="->", color=theme.muted, linewidth=0.8,
                                shrinkB=theme.marker("minimum")["markersize"] / 2 + 2))
    ax.text(0.985, 0.95, "validation cost\nrises: overfitting", transform=ax.transAxes,
            ha="right", va="top", fontsize=theme.small_size, color=theme.text)
    _zoom(ax, theme, c)
    ax.set_xlabel(AXIS_LABELS["epoch"])
    ax.set_ylabel(AXIS_LABELS["cost"])
    gm.optimizer_legend(ax, theme, "curves")
    return fig


def _zoom(ax, theme, c) -> None:
    """An inset on a linear cost axis: the validation curve from epoch ZOOM_FROM on, where its
    turn up (slight on the log axis) reads, with the early stop. It stands on a plate of the
    page framed in muted (its numbers and title inside), so its grid never runs into the main
    one."""
    from matplotlib.patches import Rectangle

    b = c.best_epoch
    # lifted clear of the main axis' lowest grid rule and its x axis
    z = ax.inset_axes(INSET)
    gm.style_axes(z, theme)
    e = np.arange(ZOOM_FROM, c.val.size)
    z.plot(e, c.val[ZOOM_FROM:], color=theme.accent, linewidth=1.4, gid="zoom")
    z.axvline(b, **theme.line("reference", color=theme.good, linewidth=0.9, zorder=2))
    gm.best_at(z, theme, b, c.val[b], gid="best-inset")
    z.set_xscale("log")
    z.set_xlim(ZOOM_FROM, c.val.size - 1)
    z.set_xticks(ZOOM_TICKS)
    z.xaxis.set_major_formatter(gm.count_formatter())
    z.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    seen = c.val[ZOOM_FROM:]
    pad = 0.12 * np.ptp(seen)
    # under the least cost, room for its star (11 pt) clear of the inset's lower spine
    lo, hi = seen.min() - 3 * pad, seen.max() + pad
    z.set_ylim(lo, hi)
    # three round numbers, those inside its range only (none hidden beyond its ends)
    z.set_yticks([v for v in matplotlib.ticker.MaxNLocator(3).tick_values(lo, hi)
                  if lo <= v <= hi])
    z.tick_params(labelsize=theme.small_size)
    for label in (*z.get_xticklabels(), *z.get_yticklabels()):
        label.set_path_effects(gm.halo(theme))
    z.set_facecolor(theme.background)
    title = z.set_title(th.title(f"epochs {ZOOM_FROM}–{numbers.count(c.val.size - 1)}, linear $J$"),
                        fontsize=theme.small_size, color=theme.text, pad=3)
    title.set_path_effects(gm.halo(theme))
    # the plate: the page under the inset, its numbers and its title, in a thin muted frame
    (x0, y0), (x1, y1) = INSET_PLATE
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, transform=ax.transAxes,
                           facecolor=theme.background, edgecolor=theme.muted, linewidth=0.6,
                           zorder=4.5, gid="inset-plate"))


if __name__ == "__main__":
    gm.main(__file__)
