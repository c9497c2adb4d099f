"""Two tiny networks

Two networks of a single layer and no bias: {n_a} inputs feeding one output through the
{w_a} weights w₁ and w₂, and {n_b} inputs feeding one output through the {w_b} weights w₁, w₂
and w₃. Each weight is named on its own connection. Searching for the best weights means
searching a {w_a}-dimensional space for the first network and a {w_b}-dimensional one for the
second.

Alt: Left, two input circles x₁ and x₂ joined to one output circle f by lines labelled w₁ and
w₂, each name on the outer side of its line, and under them f(x) = w₁x₁ + w₂x₂. Right, three
input circles x₁, x₂, x₃ joined to one output circle by lines labelled w₁, w₂, w₃ the same
way, and under them f(x) = w₁x₁ + w₂x₂ + w₃x₃. Every circle is drawn alike, in grey.
"""

from gdcore import nn
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz.network_layout import layout

NETWORKS = ((2, 1), (3, 1))
RADIUS = 0.36
PITCH = 1.25
WIDTH = 6.6  # wide enough that each network fills its half of the page
W_AT = 0.3  # where along its edge (from the input) a weight's name sits
W_LIFT = 0.16  # how far off its edge a weight's name stands


def facts() -> dict:
    (a, _), (b, _) = NETWORKS
    return {"n_a": a, "n_b": b, "w_a": nn.weight_count(NETWORKS[0]),
            "w_b": nn.weight_count(NETWORKS[1])}


def _layout(sizes):
    # the same radius and pitch in both panels, so they read at one scale
    return layout(sizes, width=WIDTH, height=2 * RADIUS + (max(sizes) - 1) * PITCH,
                  radius=RADIUS)


def make_figure(theme):
    fig, axes = gm.subplots(theme, 1, 2, height=2.1)
    lays = [_layout(s) for s in NETWORKS]
    y0 = min(l.bounds()[2] for l in lays) - 0.75
    y1 = max(l.bounds()[3] for l in lays) + 0.15
    for ax, sizes, lay in zip(axes, NETWORKS, lays):
        n = sizes[0]
        nd.draw_edges(ax, lay, color=theme.muted, linewidth=nd.EDGE)
        # every neuron neutral: nothing here is highlighted (the accent marks a change)
        nd.draw_neurons(ax, lay, theme)
        fs = theme.font_size
        for i in range(n):
            x, y = lay.position(0, i)
            ax.text(x, y, f"$x_{i + 1}$", ha="center", va="center", fontsize=fs,
                    color=theme.text, zorder=5)
            # the weight's name near its input, where the edges lie furthest apart, on the
            # outer side of its edge (above the upper edges and the level middle one, below the
            # lower ones), so no name stands between two edges
            (ax_, ay), (bx, by) = lay.segment(((0, i), (1, 0)))
            mx, my = (1 - W_AT) * ax_ + W_AT * bx, (1 - W_AT) * ay + W_AT * by
            below = ay < by - 1e-9
            ax.text(mx, my - W_LIFT if below else my + W_LIFT, f"$w_{i + 1}$", ha="center",
                    va="top" if below else "bottom", fontsize=fs, gid=f"w{i + 1}",
                    color=theme.text, zorder=5, path_effects=gm.halo(theme))
        ox, oy = lay.position(1, 0)
        ax.text(ox, oy, "$f$", ha="center", va="center", fontsize=fs, color=theme.text,
                zorder=5)
        terms = " + ".join(f"w_{i + 1} x_{i + 1}" for i in range(n))
        # the house's model form, f(x) = …, as equations' f(x) = w⊤x + b (no bias here)
        ax.text(0.0, y0 + 0.05, f"$f(x) = {terms}$", ha="center", va="bottom",
                fontsize=theme.font_size, color=theme.text, gid="formula")
        ax.set_title(f"{n} inputs, {nn.weight_count(sizes)} weights")
        ax.set_xlim(-WIDTH / 2 - RADIUS - 0.05, WIDTH / 2 + RADIUS + 0.05)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_axis_off()
    return fig


if __name__ == "__main__":
    gm.main(__file__)
