"""Checking backpropagation against finite differences

Left: for each of the {n_params} parameters of a small network ({arch}, sigmoid hidden layers)
on {n_samples} two-moons points, the gradient from backpropagation against the central
finite-difference estimate (J(w + h e_k) − J(w − h e_k))/(2h), e_k the k-th unit vector and
h = {h} its step: their sizes on logarithmic axes, so that the small gradients show beside the
large ones (the two agree in sign for all {n_params}, {n_negative} of them negative); every
point lies on the diagonal. Middle: their relative error,
parameter by parameter, all below {tol:.0e} (overall {rel_err:.1e}), rounding error only.
Right: what each costs for one gradient. Finite differences need two forward passes per
parameter: {fd_small:,} for this network and {fd_mnist:,} for the {mnist_arch} network of
{p_mnist:,} parameters; backpropagation needs one forward and one backward pass, whatever the
size.

Alt: Three panels of one width. A scatter of {n_params} points exactly on the diagonal line,
spread along it over five decades, from 5 × 10⁻⁶ to 0.55, on logarithmic axes of the
gradients' sizes, a note in its corner saying each dot is one parameter and the signs agree. A
dot plot of relative errors per parameter on a logarithmic axis, all far below a grey dotted
line at {tol:.0e}. A logarithmic dot plot of the passes per gradient: grey dots at {fd_small:,}
and {fd_mnist:,} for central finite differences, each joined by a thin line to a black dot at
{bp_passes} for backpropagation, the ratio written beside the line halfway up; its key in its
upper left.
"""

import inspect

import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter, NullLocator

from gdcore import data, nn
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers as nb

SIZES = (2, 4, 3, 1)
MNIST = procedure.MNIST_SIZES
SEED = 0
N_SAMPLES = 40
#: The usual acceptance bound for a relative error of a gradient check (cs231n).
TOL = 1e-7
#: The gradients' axes are logarithmic, of their sizes |∂J/∂w_k| (five decades, from 5 × 10⁻⁶
#: to 0.55): a symmetric log scale, linear near 0, read as a broken one. Every PAD-th decade
#: numbered, the others ticked unnumbered; the axes run GRADIENT_PAD past the extreme sizes.
GRADIENT_TICKS = (1e-5, 1e-3, 1e-1)
GRADIENT_PAD = 2.5
#: Share of the page's width kept free left of the layout: the left panel's two-line label
#: stands off the edge (the layout's own pad is a few points).
LEFT_MARGIN = 0.02
#: The dots' area (points²), in the left and middle panels alike.
DOT = 14
#: The dots of the passes (points²): larger than the parameters', two to a column.
PASS_DOT = 26
#: The passes' axis runs this far over the most passes: the key stands in the room above.
PASS_HEADROOM = 40
#: The room between panels (a share of the figure's width): the right panel's axis label
#: stands clear of the middle panel.
WSPACE = 0.06


def _tick(v: float) -> str:
    return rf"$\mathdefault{{10^{{{int(round(np.log10(v)))}}}}}$"


#: The finite difference's step h: gdcore's own, the default of nn.gradient_check.
STEP_H = inspect.signature(nn.gradient_check).parameters["h"].default


def check() -> nn.GradCheck:
    X, Y = data.two_moons(n=N_SAMPLES, seed=SEED)
    return nn.gradient_check(nn.init_mlp(SIZES, seed=SEED), X, Y)


def passes(sizes) -> tuple[int, int]:
    """(finite-difference, backprop) passes through the network for one full gradient."""
    return procedure.passes_for(sizes)


def facts() -> dict:
    gc = check()
    return {"n_params": nn.parameter_count(SIZES), "arch": "–".join(map(str, SIZES)),
            "n_samples": N_SAMPLES, "h": nb.text(STEP_H), "tol": TOL,
            "rel_err": gc.relative_error, "n_negative": int(np.sum(gc.analytic < 0)),
            "fd_small": gc.forward_passes, "bp_passes": gc.backprop_passes,
            "fd_mnist": passes(MNIST)[0], "p_mnist": nn.parameter_count(MNIST),
            "mnist_arch": "–".join(map(str, MNIST))}


def make_figure(theme):
    gc = check()
    fig, axes = gm.subplots(theme, 1, 3, height=2.6)  # three panels of one width
    fig.get_layout_engine().set(rect=(LEFT_MARGIN, 0, 1 - LEFT_MARGIN, 1), wspace=WSPACE)
    fs = theme.small_size

    ax = axes[0]
    gm.style_axes(ax, theme)
    size_a, size_n = np.abs(gc.analytic), np.abs(gc.numeric)
    agree = int(np.sum(np.sign(gc.analytic) == np.sign(gc.numeric)))
    lo = float(min(size_a.min(), size_n.min())) / GRADIENT_PAD
    hi = float(max(size_a.max(), size_n.max())) * GRADIENT_PAD
    ax.plot([lo, hi], [lo, hi], color=theme.muted, lw=0.8, zorder=2)
    gm.scatter_points(ax, theme, size_a, size_n, s=DOT)
    # the gradients' sizes span five decades: a plain log scale on both axes, one set of ticks
    # on both, every other decade numbered and the decades between ticked unnumbered
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    decades = [10.0**e for e in range(int(np.ceil(np.log10(lo))),
                                      int(np.floor(np.log10(hi))) + 1)]
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_ticks(GRADIENT_TICKS, [_tick(t) for t in GRADIENT_TICKS])
        axis.set_ticks([d for d in decades if d not in GRADIENT_TICKS], minor=True)
        axis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("backpropagation")
    # the estimate named by its step h, gdcore's (its formula is the caption's)
    ax.set_ylabel(f"central difference, $h = {nb.mathtext(STEP_H).strip('$')}$")
    # what a dot is, and that the signs the sizes leave out agree, in the empty corner under
    # the diagonal
    ax.text(0.97, 0.03, f"one dot per $w_k$\nsame sign in\nall {agree} of {gc.analytic.size}",
            transform=ax.transAxes, ha="right", va="bottom", fontsize=fs, color=theme.muted,
            linespacing=1.4, gid="dot-key")
    # the sizes plotted named once, in the title: both axes are |∂J/∂w_k|, by its two methods
    ax.set_title(r"Same gradient, $|\partial J/\partial w_k|$")

    ax = axes[1]
    gm.style_axes(ax, theme)
    k = np.arange(gc.per_weight.size)
    ax.axhline(TOL, **theme.line("reference", color=theme.muted, linewidth=0.9, zorder=2))
    # the same dots as the left panel's (the house data dot on its halo of the page)
    gm.scatter_points(ax, theme, k, gc.per_weight, s=DOT, zorder=3)
    ax.set_yscale("log")
    ax.set_ylim(gc.per_weight.min() / 30, TOL * 30)
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=20))
    ax.yaxis.set_minor_locator(NullLocator())  # every decade numbered, no ticks between
    ax.text(k[-1], TOL * 1.6, _tick(TOL), ha="right", va="bottom",
            fontsize=fs, color=theme.muted)
    ax.set_xticks(np.arange(0, k[-1] + 1, 10))
    ax.set_xlabel("parameter index $k$")
    ax.set_ylabel("relative error")
    ax.set_title("Error per parameter")

    ax = axes[2]
    gm.style_axes(ax, theme)
    small_fd, small_bp = gc.forward_passes, gc.backprop_passes
    big_fd, big_bp = passes(MNIST)
    labels = [f"{nn.parameter_count(SIZES)}\nparameters",
              f"{nn.parameter_count(MNIST):,}\nparameters"]
    x = np.arange(2)
    # a dot plot: on a log axis a bar's length from 10⁰ says nothing, a dot's height does; the
    # two methods of each network joined by a thin rule, their ratio written beside it
    for xi, f_, b_ in zip(x, (small_fd, big_fd), (small_bp, big_bp)):
        ax.plot([xi, xi], [b_, f_], color=theme.muted, lw=0.6, zorder=2, gid="ratio-rule")
        # on the side of the rule its two counts are written, halfway up it (log scale)
        ax.text(xi + 0.11, np.sqrt(f_ * b_), f"\u00d7 {f_ // b_:,}", ha="left",
                va="center", fontsize=fs, color=theme.muted, gid="ratio")
        for v in (f_, b_):
            ax.text(xi + 0.11, v, f"{v:,}", ha="left", va="center", fontsize=fs,
                    color=theme.text)
    fd = ax.scatter(x, [small_fd, big_fd], s=PASS_DOT, color=theme.muted, zorder=3,
                    edgecolors=theme.background, linewidths=0.6, label="central differences",
                    gid="central")
    bp = ax.scatter(x, [small_bp, big_bp], s=PASS_DOT, color=theme.text, zorder=3,
                    edgecolors=theme.background, linewidths=0.6, label="backpropagation",
                    gid="backprop")
    ax.set_yscale("log")
    ax.yaxis.set_minor_locator(NullLocator())  # every decade numbered, as the middle panel's
    ax.grid(False, axis="x")  # no rule through the dots
    ax.set_xlim(-0.55, 1.55)
    # room over the highest dot for the key
    ax.set_ylim(1, big_fd * PASS_HEADROOM)
    ax.set_yticks([10.0**e for e in range(int(np.log10(big_fd * PASS_HEADROOM)) + 1)])
    ax.set_xticks(x, labels)
    ax.tick_params(axis="x", length=0)
    ax.set_ylabel("passes per gradient")
    ax.set_title("Cost of one gradient")
    # the key of these dots in their own panel, in its empty upper left (the blue dots of the
    # other panels are the parameters, which their axes name)
    ax.legend(handles=[fd, bp], loc="upper left", frameon=False, fontsize=fs,
              borderaxespad=0.2, handletextpad=0.4)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
