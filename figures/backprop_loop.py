"""One turn of the training loop

One training step of a small network ({n0} inputs, {n1} sigmoid hidden neurons, {n2} sigmoid
outputs) on a single example, with its real numbers. 1: the forward pass carries the input
through the layers; each circle shows its activation, each line's width the size of its weight.
2: the outputs are compared with the target, and the loss is J = {loss_before:.3f}. 3: the
backward pass sends the error from the outputs back along the connections; each circle shows its
error term δ, each line's width the size of its weight's gradient. 4: every weight takes a step
of learning rate α = {lr:g} against its gradient; run forward again, the outputs have moved
towards the target and the loss has fallen to {loss_after:.3f}. Then the loop repeats.

Alt: Four copies of the same small network diagram, numbered 1 to 4. In 1, activations flow left
to right. In 2, the two outputs are set beside their targets and the loss {loss_before:.3f} is
given. In 3, red lines of varying width and an arrow pointing left show gradients flowing back.
In 4, the updated weights are drawn in orange and the loss has dropped to {loss_after:.3f}.
"""

import numpy as np

from gdcore.networks import BACKPROP
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz.colors import mix
from gdviz.network_layout import layout

EX = BACKPROP


def facts() -> dict:
    r = EX.run()
    return {**{f"n{l}": n for l, n in enumerate(EX.sizes)}, "lr": EX.lr,
            "loss_before": r["loss_before"], "loss_after": r["loss_after"]}


def _widths(lay, mats, top=None, lo=0.4, hi=3.2):
    """Line width per drawn edge, growing with |mats[l][j, i]| (up to `top`, default max)."""
    top = top or max(float(np.abs(m).max()) for m in mats)
    return [lo + (hi - lo) * abs(float(mats[a[0]][b[1], a[1]])) / top for a, b in lay.edges]


def _values(ax, lay, theme, values, layers, color=None, fmt="{:.2f}"):
    for l in layers:
        for i, v in enumerate(values[l]):
            x, y = lay.position(l, i)
            ax.text(x, y, fmt.format(v).replace("-", "\u2212"), ha="center", va="center",
                    fontsize=theme.small_size, color=color or theme.text, zorder=5)


def _arrow(ax, theme, lay, y, left_to_right, color, label):
    x0, x1 = lay.layer_x[0], lay.layer_x[-1]
    a, b = (x0, x1) if left_to_right else (x1, x0)
    ax.annotate("", xy=(b, y), xytext=(a, y),
                arrowprops=dict(arrowstyle="-|>", color=color, lw=1.2, mutation_scale=9))
    ax.text(0.5 * (x0 + x1), y - 0.12, label, ha="center", va="top",
            fontsize=theme.small_size, color=color)


def make_figure(theme):
    r = EX.run()
    lay = layout(EX.sizes, width=4.8, height=3.5, radius=0.5)
    fig, axes = gm.subplots(theme, 2, 2, height=4.9)
    axes = axes.ravel()
    quiet = mix(theme.background, theme.muted, 0.75)
    W0, W1 = r["net"].weights, r["new"].weights
    wtop = max(float(np.abs(m).max()) for m in (*W0, *W1))  # one width scale, before and after
    y_arrow = lay.bounds()[2] - 0.3
    xo = lay.layer_x[-1] + lay.radius + 0.15
    ys = [lay.position(2, k)[1] for k in range(EX.sizes[2])]
    fs = theme.small_size

    # 1 forward
    ax = axes[0]
    nd.draw_edges(ax, lay, color=quiet, linewidth=_widths(lay, W0, wtop))
    nd.draw_neurons(ax, lay, theme, edge=theme.muted)
    _values(ax, lay, theme, r["acts"], range(3))
    _arrow(ax, theme, lay, y_arrow, True, theme.accent, "forward: activations")
    ax.text(xo, 0.0, "activations $a$\n" r"width $\propto |w|$", ha="left", va="center",
            fontsize=fs, color=theme.muted, linespacing=1.4)
    ax.set_title("1  Forward pass", loc="left")

    # 2 error at the output
    ax = axes[1]
    nd.draw_edges(ax, lay, color=quiet, linewidth=_widths(lay, W0, wtop),
                  alpha=0.5)
    styles = {(2, k): dict(edgecolor=theme.error, linewidth=1.6) for k in range(EX.sizes[2])}
    nd.draw_neurons(ax, lay, theme, edge=theme.muted, styles=styles)
    _values(ax, lay, theme, r["acts"], range(3))
    for k, y in enumerate(ys):
        a, t = r["acts"][2][k], EX.y[k]
        ax.text(xo, y, f"target {t:.2f}\nerror {a - t:+.2f}".replace("-", "\u2212"),
                ha="left", va="center", fontsize=fs, color=theme.error, linespacing=1.3)
    ax.text(0.0, y_arrow - 0.12, f"loss  $J = {r['loss_before']:.3f}$", ha="center",
            va="top", fontsize=theme.font_size, color=theme.error)
    ax.set_title("2  Error at the output", loc="left")

    # 3 backward
    ax = axes[2]
    nd.draw_edges(ax, lay, color=theme.error, linewidth=_widths(lay, r["grad_W"]), alpha=0.85)
    nd.draw_neurons(ax, lay, theme, [(0, i) for i in range(EX.sizes[0])], edge=theme.muted)
    nd.draw_neurons(ax, lay, theme, [n for n, _ in lay.neurons() if n[0] > 0],
                    edge=theme.error, linewidth=1.3)
    _values(ax, lay, theme, [None, *r["delta"]], (1, 2), fmt="{:.3f}")
    ax.text(xo, 0.0, r"error terms $\delta$" "\n" r"width $\propto |\partial J/\partial w|$",
            ha="left", va="center", fontsize=fs, color=theme.error, linespacing=1.4)
    _arrow(ax, theme, lay, y_arrow, False, theme.error, "backward: gradients")
    ax.set_title("3  Backward pass", loc="left")

    # 4 update, forward again
    ax = axes[3]
    nd.draw_edges(ax, lay, color=theme.accent,
                  linewidth=_widths(lay, W1, wtop))
    nd.draw_neurons(ax, lay, theme, edge=theme.accent, linewidth=1.1)
    _values(ax, lay, theme, r["new_acts"], range(3))
    for k, y in enumerate(ys):
        ax.text(xo, y, f"was {r['acts'][2][k]:.2f}\ntarget {EX.y[k]:.2f}", ha="left",
                va="center", fontsize=fs, color=theme.muted, linespacing=1.3)
    ax.text(0.0, y_arrow + 0.1,
            rf"$w \leftarrow w - \alpha\,\partial J / \partial w$,  $\alpha = {EX.lr:g}$",
            ha="center", va="top", fontsize=fs, color=theme.accent)
    ax.text(0.0, y_arrow - 0.45,
            f"$J = {r['loss_before']:.3f} \\rightarrow {r['loss_after']:.3f}$",
            ha="center", va="top", fontsize=theme.font_size, color=theme.good)
    ax.set_title("4  Update, then forward again", loc="left")

    for ax in axes:
        nd.setup_axes(ax, lay, pad=(0.15, 2.0, 0.75, 0.1))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
