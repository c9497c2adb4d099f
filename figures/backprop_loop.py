"""One turn of the training loop

One training step of a small network ({n0} inputs, {n1} sigmoid hidden neurons, {n2} sigmoid
outputs) on a single example, with its real numbers. 1: the forward pass carries the input through
the layers; each circle shows its activation a (named on the arrow), each line's width the size of
its weight and its colour the weight's sign (blue positive, rust negative, as in the video). 2: the
outputs are compared with the targets; with one example (n = 1) the cost is that example's, J = Cᵢ
= {loss_before:.3f}. 3: the backward pass sends the error back along the connections; each circle
shows its error term δ (in red), each line's width the size of its weight's gradient and its colour
the gradient's sign (blue positive, rust negative, keyed), and on one edge, drawn over the others
and labelled w, the chain rule is worked with its numbers, ∂J/∂w = a·δ = {a:.3f} × {d:.3f} =
{g:.3f}. 4: every weight takes a step of learning rate α = {lr:g} against its gradient; each line,
now dashed, shows that change Δw (width its size, colour its sign: blue where the weight grows,
rust where it shrinks), the neurons whose values changed are ringed in ink, and the weight w goes
from {w0:.3f} to {w1:.3f}, as its label says. Run forward again, the outputs have moved towards the
targets and the cost has fallen to {loss_after:.3f}. Then the loop repeats.

Alt: Four copies of the same small network diagram, numbered 1 to 4. In 1, activations flow left
to right along blue (positive) and rust (negative) lines of varying width, a key for the two
colours in the corner. In 2, the two outputs are set beside their targets and the cost
{loss_before:.3f} is given. In 3, lines of varying width and a red arrow pointing left show
gradients flowing back, blue where the gradient is positive and rust where negative (a key in
the corner); one edge, drawn over the others and labelled w, has its gradient worked out beside
the network, every number to three decimals. In 4, the lines show each
weight's change as a dashed line, blue where it grows and rust where it shrinks (a dashed key
says so), the changed neurons are ringed
more heavily, the edge w, dashed in rust as its change is negative and set off by a thin gap of
the page, is labelled with its old and new value, and under the network the update rule and
the cost, dropped to {loss_after:.3f}. Over panels 1, 3 and 4 a short note says what the line
widths show.
"""

import numpy as np

from gdcore.networks import BACKPROP
from gdviz import equations
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz import theme as th
from gdviz.colors import mix
from gdviz.network_layout import LOOP_LAYOUT, layout, sign_color

EX = BACKPROP
WORKED = EX.worked  # the edge whose gradient a·δ and update are worked with numbers
PLACES = 3  # decimals of every number on the figure (a, δ, errors, w, J): the worked sum is true
FMT = f"{{:.{PLACES}f}}"
#: A neuron's value is set at the print floor (7 pt), under the small size, so that the widest
#: value, a signed one such as −0.142, stands clear of its ring both sides; the rings are the
#: video's (LOOP_LAYOUT), as the still draws the video's network.
VALUE_SIZE = 7.0
#: The thinnest edge (points): thinner, a weight near 0 faded into the dark page (its rust
#: kept 3:1 as a colour but not as a hairline's few anti-aliased pixels).
EDGE_LO = 0.75


#: Around each network (l, r, b, t): room for its words and key, no more, so that the rings
#: stay large enough for their values.
PAD = (0.35, 2.1, 0.8, 0.35)
#: Panel 3's worked sum this much further from the output rings than the other notes: it
#: starts level with a ring, where the notes' gap read as crowding
SUM_INSET = 0.15
KEY_WIDTH = 2.4  # points: the sign key's lines, wide enough that their colour reads
#: The dash of a change Δw (panel 4): a weight is a solid line, its change a difference, dashed
#: (theme.LINE_STYLES), so the two sign keys never read as one encoding. The full dash: on the
#: thinnest edges a short dash would read as dots, the reference's style.
CHANGE_DASH = th.LINE_STYLES["difference"]


def facts() -> dict:
    r = EX.run()
    (la, ka), (_, jd) = WORKED
    return {**{f"n{l}": n for l, n in enumerate(EX.sizes)}, "lr": EX.lr,
            "loss_before": r["loss_before"], "loss_after": r["loss_after"],
            "a": r["acts"][la][ka], "d": r["delta"][la][jd], "g": r["grad_W"][la][jd, ka],
            "w0": r["net"].weights[la][jd, ka], "w1": r["new"].weights[la][jd, ka]}


def _widths(lay, mats, top=None, lo=EDGE_LO, hi=3.2):
    """Line width per drawn edge, growing with |mats[l][j, i]| (up to `top`, default max)."""
    top = top or max(float(np.abs(m).max()) for m in mats)
    return [lo + (hi - lo) * abs(float(mats[a[0]][b[1], a[1]])) / top for a, b in lay.edges]


def _signed(ax, theme, lay, mats, widths, dashed=False):
    """The drawn edges, `widths` wide, each in the colour of the sign of mats[l][j, i]
    (network_layout.sign_color: blue for ≥ 0, rust below, as the video draws them);
    dashed: the edges are changes Δw, not weights (CHANGE_DASH)."""
    colors = [sign_color(theme, float(mats[a[0]][b[1], a[1]])) for a, b in lay.edges]
    lc = nd.draw_edges(ax, lay, color=colors, linewidth=widths)
    if dashed:
        lc.set_linestyle(CHANGE_DASH)
        lc.set_capstyle("butt")
    return lc


def _key(ax, theme, x, y, what, dashed=False):
    """The sign key: a short line in each sign's colour with '<what> > 0' and '<what> < 0'
    (dashed, as the edges it keys, for a change)."""
    for k, (v, word) in enumerate(((1.0, ">"), (-1.0, "<"))):
        yy = y - 0.32 * k
        ax.plot([x, x + 0.42], [yy, yy], color=sign_color(theme, v), lw=KEY_WIDTH,
                solid_capstyle="butt", dash_capstyle="butt", gid="sign-key",
                # the key is short: the short dash of a difference, so two dashes show
                linestyle=th.DIFFERENCE_SHORT_DASH if dashed else "-")
        ax.text(x + 0.52, yy, f"${what} {word} 0$", ha="left", va="center",
                fontsize=theme.small_size, color=theme.muted)


def _values(ax, lay, theme, values, layers, color=None, fmt=FMT):
    for l in layers:
        for i, v in enumerate(values[l]):
            x, y = lay.position(l, i)
            ax.text(x, y, fmt.format(v).replace("-", "\u2212"), ha="center", va="center",
                    fontsize=VALUE_SIZE, color=color or theme.text,
                    zorder=5)


def _mark_worked(ax, theme, lay, color, label="$w$", fontsize=None, dashed=False,
                 width=2.2):
    """The worked edge drawn over the others in `color`, `width` wide, on a halo of the page,
    with a callout `label` on it (at `fontsize`, the text size unless told); dashed
    (CHANGE_DASH) where the edges are changes."""
    nd.draw_edges(ax, lay, [WORKED], color=theme.background, linewidth=width + 2.0,
                  zorder=2.4, gid="worked-halo")
    worked = nd.draw_edges(ax, lay, [WORKED], color=color, linewidth=width, zorder=2.5,
                           gid="worked")
    if dashed:
        worked.set_linestyle(CHANGE_DASH)
        worked.set_capstyle("butt")
    (x0, y0), (x1, y1) = lay.segments([WORKED])[0]
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    # left-aligned from over the callout's foot: a long label runs right, above the output
    ax.annotate(label, xy=(mx, my), xytext=(mx - 0.09, my + 0.42), ha="left", va="bottom",
                fontsize=fontsize or theme.font_size, color=theme.text, zorder=6,
                gid="worked-label",
                arrowprops=dict(arrowstyle="-", color=theme.text, linewidth=0.9,
                                shrinkA=1, shrinkB=0))


def _dw_top(dW):
    return max(float(np.abs(m).max()) for m in dW)


def _width_key(ax, theme, lay, words):
    """What a panel's line widths say, on the sign key's first row over the network, ending
    over the output column's right side: one key strip over each network."""
    ax.text(lay.layer_x[-1] + lay.radius, lay.bounds()[3] + 0.05, words, ha="right",
            va="center", fontsize=theme.small_size, color=theme.muted, gid="width-key")


def _title(ax, lay, words):
    """A panel's title over its network's first column, off the page's edge."""
    x_lo, x_hi = lay.bounds()[0] - PAD[0], lay.bounds()[1] + PAD[1]
    ax.set_title(words, loc="left", x=(lay.layer_x[0] - lay.radius - x_lo) / (x_hi - x_lo))


def _arrow(ax, theme, lay, y, left_to_right, color, label):
    x0, x1 = lay.layer_x[0], lay.layer_x[-1]
    a, b = (x0, x1) if left_to_right else (x1, x0)
    ax.annotate("", xy=(b, y), xytext=(a, y),
                arrowprops=dict(arrowstyle="-|>", color=color, lw=1.2, mutation_scale=9))
    ax.text(0.5 * (x0 + x1), y - 0.12, label, ha="center", va="top",
            fontsize=theme.small_size, color=color)


def make_figure(theme):
    r = EX.run()
    # the video's column spacing, larger rings
    lay = layout(EX.sizes, **LOOP_LAYOUT)
    fig, axes = gm.subplots(theme, 2, 2, height=4.75)
    axes = axes.ravel()
    quiet = mix(theme.background, theme.muted, 0.75)
    W0, W1 = r["net"].weights, r["new"].weights
    wtop = max(float(np.abs(m).max()) for m in (*W0, *W1))  # one width scale, before and after
    y_arrow = lay.bounds()[2] - 0.3
    xo = lay.layer_x[-1] + lay.radius + 0.15
    ys = [lay.position(2, k)[1] for k in range(EX.sizes[2])]
    fs = theme.small_size
    key_at = (lay.layer_x[0] - 0.45, lay.bounds()[3] + 0.05)  # the sign keys of 1, 3 and 4

    # 1 forward
    ax = axes[0]
    _signed(ax, theme, lay, W0, _widths(lay, W0, wtop))
    nd.draw_neurons(ax, lay, theme)
    _values(ax, lay, theme, r["acts"], range(3))
    # what the rings hold named on the arrow that carries it; what the widths say on the
    # key's row over the network, with the colours' key
    _arrow(ax, theme, lay, y_arrow, True, theme.text, "forward: activations $a$")
    _width_key(ax, theme, lay, r"width $\propto\;|w|$")
    _key(ax, theme, *key_at, "w")
    _title(ax, lay, "1  Forward pass")

    # 2 error at the output
    ax = axes[1]
    nd.draw_edges(ax, lay, color=quiet, linewidth=_widths(lay, W0, wtop),
                  alpha=0.5)
    styles = {(2, k): nd.strong(theme.error) for k in range(EX.sizes[2])}
    nd.draw_neurons(ax, lay, theme, styles=styles)
    _values(ax, lay, theme, r["acts"], range(3))
    for k, y in enumerate(ys):
        a, t = r["acts"][2][k], EX.y[k]
        ax.text(xo, y, f"target {t:g}\nerror {a - t:+.{PLACES}f}".replace("-", "\u2212"),
                ha="left", va="center", fontsize=fs, color=theme.error, linespacing=1.3)
    # said once, on the rows panels 3 and 4 give their arrow and rule: the cost is the one
    # example's, J = Cᵢ; then J only, as every other panel writes it
    ax.text(0.0, y_arrow, r"one example ($n = 1$), so $J = C_i$", ha="center", va="center",
            fontsize=fs, color=theme.muted)
    ax.text(0.0, y_arrow - 0.16, f"cost $J = {r['loss_before']:.3f}$", ha="center",
            va="top", fontsize=theme.font_size, color=theme.error)
    _title(ax, lay, "2  Error at the output")

    # 3 backward
    ax = axes[2]
    # each gradient by its sign in the weights' pair (as the video draws them), keyed as they
    _signed(ax, theme, lay, r["grad_W"], _widths(lay, r["grad_W"]))
    nd.draw_neurons(ax, lay, theme, [(0, i) for i in range(EX.sizes[0])])
    nd.draw_neurons(ax, lay, theme, [n for n, _ in lay.neurons() if n[0] > 0],
                    styles={n: nd.strong(theme.error) for n, _ in lay.neurons()})
    (la, ka), (_, jd) = WORKED
    a, d, g = r["acts"][la][ka], r["delta"][la][jd], r["grad_W"][la][jd, ka]
    # the worked edge in its gradient's sign colour as every gradient (as the video draws
    # it), set apart by its halo and label
    _mark_worked(ax, theme, lay, sign_color(theme, g))
    _values(ax, lay, theme, [None, *r["delta"]], (1, 2))
    # the keys as panel 1's: the rings' error terms on the arrow, the widths over the network
    _width_key(ax, theme, lay, r"width $\propto\;|\partial J/\partial w|$")
    _key(ax, theme, *key_at, r"\partial J/\partial w")
    # the worked sum set off from the ring of the output it ends at, its = signs in a column
    # (each line after the first set past an invisible a, as a typesetter hangs a long sum);
    # inside its own panel (in the layout), never reaching across the gap to the next panel
    lhs = r"\phantom{a}"
    ax.text(
        xo + SUM_INSET, ys[1] + 0.15,
        r"on the edge $w$:" "\n" r"$\partial J/\partial w = a\,\delta$"
        "\n" rf"${lhs}= {a:.3f} \times {d:.3f}$" "\n" rf"${lhs}= {g:.3f}$",
        ha="left", va="top", fontsize=fs, color=theme.text, linespacing=1.4, gid="worked-sum")
    _arrow(ax, theme, lay, y_arrow, False, theme.error, r"backward: error terms $\delta$")
    _title(ax, lay, "3  Backward pass")

    # 4 update, forward again
    ax = axes[3]
    dW = [b - a for a, b in zip(W0, W1)]
    _signed(ax, theme, lay, dW, _widths(lay, dW, _dw_top(dW)), dashed=True)
    nd.draw_neurons(ax, lay, theme, [(0, i) for i in range(EX.sizes[0])])
    # the neurons whose values changed ringed in ink (the colours are the changes' signs)
    nd.draw_neurons(ax, lay, theme, [n for n, _ in lay.neurons() if n[0] > 0],
                    styles={n: nd.strong(theme.text) for n, _ in lay.neurons()})
    _values(ax, lay, theme, r["new_acts"], range(3))
    for k, y in enumerate(ys):
        ax.text(xo, y, f"was {r['acts'][2][k]:.{PLACES}f}\ntarget {EX.y[k]:g}", ha="left",
                va="center", fontsize=fs, color=theme.muted, linespacing=1.3)
    # the footer on panel 3's rows: the rule on its arrow's line, the cost on its label's
    ax.text(0.0, y_arrow,
            equations.in_mathtext(rf"$w {equations.ASSIGN} w - \alpha\,\partial J / \partial w$")
            + rf",  $\alpha = {EX.lr:g}$",
            ha="center", va="center", fontsize=fs, color=theme.muted)
    ax.text(0.0, y_arrow - 0.16,
            f"$J = {r['loss_before']:.3f} \\rightarrow {r['loss_after']:.3f}$",
            ha="center", va="top", fontsize=theme.font_size, color=theme.text)  # a readout: ink
    w0, w1 = W0[la][jd, ka], W1[la][jd, ka]
    # a change as every other Δw: dashed, its sign's colour, its width; set apart by its halo
    # and its label
    _mark_worked(ax, theme, lay, sign_color(theme, w1 - w0),
                 rf"$w$: ${w0:.3f} \to {w1:.3f}$".replace("-", "\u2212"), fontsize=fs,
                 dashed=True, width=_widths(lay, dW, _dw_top(dW))[lay.edges.index(WORKED)])
    _width_key(ax, theme, lay, r"width $\propto\;|\Delta w|$")
    _key(ax, theme, *key_at, r"\Delta w", dashed=True)
    _title(ax, lay, "4  Update, then forward again")

    for ax in axes:
        nd.setup_axes(ax, lay, pad=PAD)
        ax.set_anchor("C")

    return fig


if __name__ == "__main__":
    gm.main(__file__)
