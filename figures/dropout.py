"""Dropout: a different thinned network at every step

The same network ({n0} inputs, two hidden layers of {n1} and {n2}, {n3} outputs) at {steps}
consecutive training steps with dropout rate p = {p_drop:g}. At each step every hidden neuron is
dropped with probability p, independently: a dropped neuron (faded, dashed) and all its
connections take no part in that step's forward and backward pass, so each step trains a
different thinned network ({kept_text} hidden neurons kept). No neuron can rely on any
particular other one being present.

Alt: {steps} small copies of a network diagram side by side. In each, a different set of hidden
neurons is faded with dashed outlines and has no connections; the remaining neurons are joined
by lines as usual.
"""

from gdcore import nn
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz.network_layout import layout

SIZES = (4, 6, 6, 2)
P_DROP = 0.5
STEPS = 4
SEED = 0


def masks():
    """masks[t][h]: keep mask of hidden layer h + 1 at step t (gdcore.nn.dropout_masks)."""
    return nn.dropout_masks(SIZES, P_DROP, STEPS, SEED)


def kept_neurons(step_masks) -> frozenset:
    """(layer, i) of every neuron taking part: inputs, outputs and the kept hidden ones."""
    keep = {(0, i) for i in range(SIZES[0])}
    keep |= {(len(SIZES) - 1, i) for i in range(SIZES[-1])}
    for h, m in enumerate(step_masks):
        keep |= {(h + 1, int(i)) for i in m.nonzero()[0]}
    return frozenset(keep)


def facts() -> dict:
    kept = [sum(int(m.sum()) for m in step) for step in masks()]
    return {**{f"n{l}": n for l, n in enumerate(SIZES)}, "steps": STEPS, "p_drop": P_DROP,
            "kept_text": ", ".join(str(k) for k in kept[:-1]) + f" and {kept[-1]} of "
            f"{sum(SIZES[1:-1])}"}


def make_figure(theme):
    lay = layout(SIZES, width=4.4, height=4.4, radius=0.26)
    fig, axes = gm.subplots(theme, 1, STEPS, height=2.2)
    faded = nd.mix(theme.background, theme.muted, 0.35)
    for t, (ax, step) in enumerate(zip(axes, masks())):
        keep = kept_neurons(step)
        live = [e for e in lay.edges if e[0] in keep and e[1] in keep]
        nd.draw_edges(ax, lay, live, color=theme.muted, linewidth=0.55, zorder=1)
        dropped = [n for n, _ in lay.neurons() if n not in keep]
        styles = {n: dict(edgecolor=faded, linestyle=(0, (2, 1.5)), facecolor=theme.background)
                  for n in dropped}
        styles |= {n: dict(edgecolor=theme.accent, linewidth=1.2)
                   for n in keep if 0 < n[0] < len(SIZES) - 1}
        nd.draw_neurons(ax, lay, theme, styles=styles, edge=theme.muted, linewidth=0.9)
        nd.setup_axes(ax, lay, pad=0.12)
        n_kept = sum(int(m.sum()) for m in step)
        ax.set_title(f"step {t + 1}\n{n_kept} of {sum(SIZES[1:-1])} hidden kept",
                     fontsize=theme.small_size, linespacing=1.4)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
