"""One weight touches everything after it

A fully connected network with {n0}, {n1}, {n2} and {n3} neurons per layer. Nudging the single
highlighted weight of the first layer (by {delta:g}) changes the neuron it feeds; through that
neuron's {n2} outgoing connections every neuron of the next layer changes, and from there all
{n3} outputs: {n_changed} of the {n_total} activations move, the {n0} inputs and the other
{n_still_hidden} first-layer neurons stay put. The fill of each highlighted neuron shows how far
its activation moved in a real forward pass (log scale). Because one weight's effect reaches
every output, the weights cannot be tuned one at a time.

Alt: A network diagram drawn in grey with four columns of circles. One connection from an input
to a neuron of the first hidden layer is drawn thick and orange. That neuron, all {n2} neurons of
the second hidden layer and all {n3} outputs are ringed in heavy ink and filled in shades of
orange-brown, the further from the page's colour the more their value changed (a colour bar on a
log scale); the orange edges that carry the change fan out from the first highlighted neuron.
"""

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, LogNorm

from gdcore.networks import CONNECTION_TWEAK
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz import numbers as nb
from gdviz import theme as th
from gdviz.colors import mix
from gdviz.network_layout import layout

EX = CONNECTION_TWEAK


def facts() -> dict:
    _, changed = EX.run()
    return {
        **{f"n{l}": n for l, n in enumerate(EX.sizes)},
        "delta": EX.delta,
        "n_changed": len(changed),
        "n_total": sum(EX.sizes),
        "n_still_hidden": EX.sizes[1] - 1,
    }


#: how far the most changed neuron's fill goes from the accent towards the text colour: on a
#: page lighter than its text (print) a deep brown; on the dark page a pale apricot, lighter
#: than the accent (the ramp once ended at the accent there, and ran from a dark brown to a
#: tan only: the changes of the second hidden layer and the outputs read alike)
RAMP_DEEP = 0.6
RAMP_LIFT = 0.5


def strongest(theme):
    """The fill of the largest change: the accent taken towards the text colour, away from
    the page: deepened in print, lifted towards a pale apricot on the dark page, so that the
    ramp spans as much lightness as it can on either page."""
    return mix(theme.accent, theme.text, RAMP_DEEP if print_page(theme) else RAMP_LIFT)


def print_page(theme) -> bool:
    """Whether the page is lighter than its text."""
    return th.relative_luminance(theme.text) < th.relative_luminance(theme.background)


def change_cmap(theme) -> LinearSegmentedColormap:
    """The ramp of |Δa|: the page-side tint at 3:1 through the accent to `strongest`: the
    larger the change, the further its fill from the page."""
    floor = th.contrast_mix(theme.background, theme.accent, th.LINE_CONTRAST)
    tint = mix(theme.background, theme.accent, floor)
    return LinearSegmentedColormap.from_list("change", [tint, theme.accent, strongest(theme)])


def layer_labels() -> list[str]:
    """Each column's count and name, the hidden layers numbered ("8 in hidden 1"), so two
    columns never carry one name."""
    names, k = [], 0
    for n, name in zip(EX.sizes, EX.layer_names):
        if name == "hidden":
            k += 1
            names.append(f"{n} in hidden {k}")
        else:
            names.append(f"{n} {name}")
    return names


def make_figure(theme):
    changes, changed = EX.run()
    lay = layout(EX.sizes, width=12.5, height=5.6)
    fig, ax = gm.subplots(theme, height=2.9)
    tweak = ((EX.layer, EX.i), (EX.layer + 1, EX.j))

    quiet = mix(theme.background, theme.muted, 0.4)
    carry = [e for e in lay.edges if e == tweak or (e[0] in changed and e[1] in changed)]
    still = [e for e in lay.edges if e not in carry]
    nd.draw_edges(ax, lay, still, color=quiet, linewidth=0.45, zorder=1, gid="edges-quiet")
    nd.draw_edges(ax, lay, [e for e in carry if e != tweak], color=theme.accent,
                  linewidth=0.9, zorder=2, gid="edges-change")
    nd.draw_edges(ax, lay, [tweak], color=theme.accent, linewidth=2.6, zorder=2,
                  gid="edge-tweak")

    # fill: |delta a| on a log scale, from the faintest tint that still reads as a mark (3:1
    # against the page, WCAG) through the accent to the accent pushed towards the text colour:
    # the lightness runs from near the page to far from it, so every change reads apart
    vals = np.array([changes[l][k] for l, k in changed])
    # the scale from the decade under the least change, so that decade is its first tick
    norm = LogNorm(10.0 ** np.floor(np.log10(vals.min())), vals.max())
    cmap = change_cmap(theme)
    # the changed neurons ringed strong in ink, a neutral outline: a ring in the accent, a
    # middle colour of the fill's ramp, would read as one more change (|Δa| ≈ 0.01)
    styles = {n: dict(facecolor=cmap(norm(changes[n[0]][n[1]])), **nd.strong(theme.text))
              for n in changed}
    nd.draw_neurons(ax, lay, theme, styles=styles)

    nd.setup_axes(ax, lay, pad=(0.45, 0.45, 0.75, 0.2))
    nd.label_layers(ax, lay, theme, layer_labels())
    (x0, y0), (x1, y1) = lay.segment(tweak)
    ax.annotate(rf"tweaked weight  $w \rightarrow w + {EX.delta:g}$",
                xy=(0.4 * x0 + 0.6 * x1, 0.4 * y0 + 0.6 * y1),
                xytext=(0.5 * (x0 + x1), lay.bounds()[3] + 0.05), ha="center", va="bottom",
                fontsize=theme.small_size, color=theme.accent,
                arrowprops=dict(arrowstyle="-", color=theme.accent, lw=0.7))

    sm = gm.matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap)
    cb = fig.colorbar(sm, ax=ax, shrink=0.7, aspect=18, pad=0.01)
    cb.set_label(r"change of activation $|\Delta a|$", fontsize=theme.small_size)
    cb.ax.tick_params(labelsize=theme.small_size)
    # one tick per decade, written as powers of ten as every log scale of the chapter (the
    # scale's colours run up to the most changed neuron)
    ks = np.arange(round(np.log10(norm.vmin)), np.floor(np.log10(vals.max()) + 1e-9) + 1)
    cb.set_ticks(10.0 ** ks, labels=[nb.power10(int(k), "mathtext") for k in ks])
    cb.ax.minorticks_off()
    cb.outline.set_visible(False)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
