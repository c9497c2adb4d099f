"""The cost against the L2 penalty

A linear model y ≈ w₁x₁ + w₂x₂ with two correlated inputs ({n} seeded samples). The shaded map
is the cost J(w) = (1/2n) Σᵢ (f_w(xᵢ) − yᵢ)² of the model f_w(x) = w₁x₁ + w₂x₂, its
ellipses centred on its least-squares minimum, the filled star at
({w1}, {w2}); the thin circles in ink are the contours of the penalty ‖w‖², centred on the
origin (its own minimum, marked with a hollow star, edged in ink as the circles are). The
regularised
cost J_λ = J + (λ/2) Σ w_k², the sum over k ≥ 1 (here both weights, so (λ/2)‖w‖²: the model
has no intercept w₀), has its minimiser
(orange path) where an ellipse touches a circle, drawn for λ = 1: the bold ellipse and the bold
circle through its minimiser meet there without crossing, at the dot for λ = 1. The λ of each
dot is named above the map, on a thin leader down to it. A legend under both panels names the
lines and the two minima. As λ grows from 0 to {lam_max:g} the path of these touching points
slides from the minimum of J to the origin. Right: the same path, one weight wₖ at a time,
against λ on a log scale up to λ = {shown_max:g}, beyond which both weights lie on the zero
line; the dots mark λ = {labelled} in both panels. w₂ does not simply shrink: it passes zero at
λ = {w2_zero} and peaks at {w2_peak} near λ = {w2_peak_at} before it settles, for the penalty
shrinks w along the axes of J's ellipses, each at its own rate, not weight by weight. The key
names the two weights' lines too: w₁ the wider, w₂ the thinner and lighter.

Alt: A cost map over the weights w₁ and w₂, its tilted, elongated ellipses shaded darkest around
a filled star at ({w1}, {w2}); thin circles centre on a hollow star at the origin.
An orange curve starts at the filled star and bends towards the origin; three dots on it are
named above the map, on thin leaders, with growing values of λ, the largest one sitting next
to the origin. At the dot for λ = 1 a bold ellipse in a strong shade of the level lines' tone
and a bold circle around the origin in the text colour just touch. A legend under both plots
names the thin level lines of the cost J, the penalty circles, the touching ellipse and circle,
the orange path (the minimiser of J_λ = J + (λ/2)‖w‖²), the filled star (the minimum of J, at
λ = 0), the hollow star (the minimum of ‖w‖²) and the two weights' lines of the second plot.
A second plot shows the two weights against
λ up to {shown_max:g}, each named at its start: w₁, a wide orange line, falls from {w1} and w₂,
a thin lighter one, rises from {w2} a little past 0, to {w2_peak}, and back; both level off at 0.
"""

import matplotlib.colors
import matplotlib.contour
import matplotlib.patches
import matplotlib.transforms
import numpy as np
from matplotlib.lines import Line2D

from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.colors import mix

EX = procedure.PENALTY_CONFLICT


def facts() -> dict:
    pc = EX.run()
    lams = [f"{pc.lams[r]:g}" for r in EX.labelled_rows(pc)]
    return {"n": EX.n, "w1": numbers.text(pc.w_ls[0], places=2),
            "w2": numbers.text(pc.w_ls[1], places=2), "lam_max": pc.lams[-1],
            "shown_max": EX.shown_max,
            "labelled": ", ".join(lams[:-1]) + " and " + lams[-1],
            **w2_turn(pc)}


def w2_turn(pc) -> dict:
    """Where w₂ passes zero (gdcore's exact λ) and its peak past it on the path, in words."""
    top = int(np.argmax(pc.path[:, 1]))
    return {"w2_zero": numbers.text(pc.zero_at(1), sig=2),
            "w2_peak": numbers.text(pc.path[top, 1], sig=2),
            "w2_peak_at": numbers.text(pc.lams[top], sig=1)}


#: The λ of each labelled dot is named above the map, in the clear band between its frame and
#: the title (on the map every gap holds a level line, and a label there would stand on a hole
#: punched in the map): each name centred at this w₁, on a thin leader down to its dot. A
#: leader crosses a line, never runs beside one: λ = 1's comes down onto the touching point
#: from the upper right, across the bold ellipse near its top (set all but plumb, at 0.64, it
#: ran down the lens between the bold circle and the bold ellipse, 12 points along the
#: ellipse's flank, into the very point where they touch); λ = 0.1's dot lies on the penalty's
#: circle of radius 1.5, which leaves the dot upwards at 72°, so its leader comes in from the
#: upper right at 53°, 20° apart from it (plumb, at 1.45, it ran 27 points beside it; at 2.15,
#: 67°, it left the dot in a narrow wedge with it); λ = 5 a little left of its dot at 0.18.
LABEL_AT = {0.1: 2.7, 1.0: 1.25, 5.0: 0.08}
#: Points between the map's frame and the names' baseline.
LABEL_RISE = 4.0
TITLE_PAD = 21  # points from the axes to both titles' baselines, over the λ names
#: (w1, w2): the origin, the path and the data optimum, inside the map's grid (which reaches
#: 3.09). The top at 1.1 passes the top right corner just under J's level 3.49 (at 1.2 the
#: corner cut off a 5-point stub of it and a sliver of the band beyond: a stray fragment); the
#: left edge at −0.7 keeps every other corner clear of a stub too (at −0.8 with the top at
#: 1.1, or the bottom at −1.8, one came back at the bottom left).
WINDOW = ((-0.7, 2.95), (-1.7, 1.1))
#: The map's and the weights' panels' widths: the map wide enough to stand as tall as the
#: other panel (both titles and both frames' tops on one line)
WIDTH_RATIOS = (1.8, 1.0)


#: A label's leader to its mark: a hairline in the muted ink, stopping short of the mark.
LEADER = dict(arrowstyle="-", linewidth=0.6, shrinkA=1.5, shrinkB=4.5)


#: Where (λ) the weights against λ are named: on their flat stretch, clear of the left edge.
NAME_AT = 3e-3
#: The two weights against λ: one colour (one path, weight by weight), told apart where they
#: meet on the zero line (λ ≥ 1) by width and shade: w₁ wide in the accent, w₂ thin in a
#: lighter shade of it (W2_SHADE of the way from the page), its dots smaller, so the λ = 5
#: pair, 0.11 apart, stand clear of each other.
W_WIDTHS, W_DOTS, W2_SHADE = (2.0, 1.1), (5.0, 3.6), 0.7
#: Width (points) of the penalty's thin circles: finer than the paths and the bold pair, and
#: than J's level lines (theme.cost_map.line_width): ink drawn as wide would outweigh them.
PENALTY_WIDTH = 0.4
#: Edge width (points) of the penalty's hollow star: wide enough that its thin arms read as an
#: outline at the star's size, not as a blot.
CENTRE_EDGE = 1.0


def w_shades(theme) -> tuple[str, str]:
    """The colours of w₁ and w₂ against λ: the accent and a lighter shade of it."""
    return theme.accent, mix(theme.background, theme.accent, W2_SHADE)


def centre_mark(theme) -> dict:
    """The penalty's minimum, the origin: the mark of a minimum (the star), hollow, edged in
    ink as the penalty's thin circles are (J's is the house star, filled ink): the least of a
    second function, told from J's by its fill. Never a plus, which is the saddle's mark
    (race-saddle): one mark, one meaning."""
    return {**theme.marker("minimum"), "markerfacecolor": theme.background,
            "markeredgecolor": theme.text, "markeredgewidth": CENTRE_EDGE}


#: The least WCAG contrast of the bold level of J against every colour of the map it crosses.
TOUCH_CONTRAST = 3.0


def strongest_level_tone(theme) -> str:
    """The cost map's level-line tone that stands out most from the page: the bold level of
    J is J's own colour, not ink (ink draws the penalty's circles)."""
    return max(theme.cost_map.lines, key=lambda c: th.contrast(c, theme.background))


def touch_tone(theme) -> str:
    """The bold level of J: its strongest level-line tone, taken towards the ink by the least
    share that stands it TOUCH_CONTRAST from every fill of the map (the dark map's purple
    tone alone sank into the purple floor it crosses, 2:1)."""
    base = strongest_level_tone(theme)

    def least(t: float) -> float:
        c = matplotlib.colors.to_hex(mix(base, theme.text, t))  # as drawn
        return min(th.contrast(c, f) for f in theme.cost_map.fills)

    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if least(mid) >= TOUCH_CONTRAST else (mid, hi)
    return matplotlib.colors.to_hex(mix(base, theme.text, hi))


def data_levels(ax):
    """The level lines of J that gm.contour_map drew on ax (its one unfilled contour set),
    named "data-levels"."""
    (lines,) = [c for c in ax.collections
                if isinstance(c, matplotlib.contour.ContourSet) and not c.filled]
    lines.set_gid("data-levels")
    return lines


def nearest_level(levels, value: float) -> int:
    """The index of the level nearest `value` on the map's log scale."""
    return int(np.argmin(np.abs(np.log(np.asarray(levels) / value))))


def _label(ax, theme, text, xy, x, gid):
    """The name of the mark at `xy`, above the map's frame at w₁ = x, a thin leader down to
    the mark; on the page, no casing."""
    rise = matplotlib.transforms.ScaledTranslation(0, LABEL_RISE / 72,
                                                   ax.figure.dpi_scale_trans)
    ax.annotate(text, xy=xy, xytext=(x, 1.0), textcoords=ax.get_xaxis_transform() + rise,
                ha="center", va="bottom", fontsize=theme.small_size, color=theme.text,
                zorder=7, gid=gid, annotation_clip=False,
                arrowprops={**LEADER, "color": theme.muted})


def make_figure(theme):
    pc = EX.run()
    rows = EX.labelled_rows(pc)
    fig, (ax, side) = gm.subplots(theme, 1, 2, height=4.0, width=1.0,
                                  gridspec_kw=dict(width_ratios=WIDTH_RATIOS))
    gm.style_axes(ax, theme, grid=False)
    # the cost J as every cost map of the chapter is drawn (theme.cost_map)
    cs = gm.contour_map(ax, theme, pc.W1, pc.W2, pc.cost)
    cs.set_gid("data-term")
    levels = data_levels(ax)
    # circles of radius 1, 1.5 and 2: each a full arc in the window, no corner fragments
    # (none at 0.5, which would run beside the bold circle of radius ‖w(1)‖ = 0.57; none at
    # 2.5, whose two arcs would fence in the minimum of J and leave its label no room)
    # the penalty's level lines in ink, J's in the map's own tones: two functions told apart
    # by colour, both solid (a dash is a difference, a dot a reference: docs/STYLE.md)
    pen = ax.contour(pc.W1, pc.W2, pc.penalty, levels=(0.5 * np.arange(2, 5)) ** 2,
                     colors=theme.text, linewidths=PENALTY_WIDTH, linestyles="solid")
    pen.set_gid("penalty")
    # at λ = EX.tangent the minimiser is where an ellipse of J touches the penalty circle
    t = rows[EX.labelled.index(EX.tangent)]
    wt = pc.path[t]
    touch = ax.contour(pc.W1, pc.W2, pc.cost, levels=[pc.cost_at(wt)],
                       colors=touch_tone(theme), linewidths=1.6, zorder=3)
    touch.set_gid("tangent-ellipse")
    # the bold level stands in for the map's level line nearest it (drawn too, it ran a point
    # or two inside the bold one all round, a doubled line)
    widths = np.full(len(levels.levels), theme.cost_map.line_width)
    widths[nearest_level(levels.levels, pc.cost_at(wt))] = 0.0
    levels.set_linewidth(widths)
    # the circle in ink as the penalty's circles are, the ellipse in J's tone: where they
    # meet reads as two
    ax.add_patch(matplotlib.patches.Circle((0, 0), float(np.hypot(*wt)), fill=False,
                                           edgecolor=theme.text, linewidth=1.6, zorder=3,
                                           gid="tangent-circle"))

    ax.plot(pc.path[:, 0], pc.path[:, 1], color=theme.accent, linewidth=2.0, zorder=4,
            gid="path")
    ax.plot(*pc.w_ls, **theme.marker("minimum"), gid="data-optimum")
    ax.plot([0], [0], **centre_mark(theme), gid="penalty-optimum")
    ax.plot(pc.path[rows, 0], pc.path[rows, 1], "o", color=theme.accent, markersize=5,
            markeredgecolor=theme.background, zorder=5, linestyle="none", gid="lambda-dots")
    for r, lam in zip(rows, EX.labelled):
        _label(ax, theme, rf"$\lambda = {pc.lams[r]:g}$", pc.path[r], LABEL_AT[lam], "lambda")
    # the touching point is the λ = 1 dot: marked as every other λ (one dot style, no key)
    ax.plot(*wt, "o", color=theme.accent, markersize=5, markeredgecolor=theme.background,
            zorder=6, linestyle="none", gid="touch")
    ax.set_aspect("equal")
    ax.set_xlim(*WINDOW[0])
    ax.set_ylim(*WINDOW[1])
    ax.set_xticks(np.arange(-0.5, WINDOW[0][1] + 0.01, 0.5))
    ax.set_yticks(np.arange(-1.5, WINDOW[1][1] + 0.01, 0.5))
    ax.set_xlabel(th.AXIS_LABELS["w1"])
    ax.set_ylabel(th.AXIS_LABELS["w2"])
    # the map shades J, the circles the penalty: the title names both (J_λ is their sum)
    ax.set_title(th.title(r"the cost $J$ and the penalty $\|w\|^2$"), y=1.0, pad=TITLE_PAD)
    # what each line of the map is, in a legend under it
    # the level-line tone that stands out most from the page, a little wider than on the map
    # the level-line tone of the middle of the map, where most of its lines run
    lines = theme.cost_map.lines
    keys = [Line2D([], [], color=lines[len(lines) // 2], lw=2 * theme.cost_map.line_width,
                   label="cost $J$", gid="key-cost"),
            Line2D([], [], color=theme.text, lw=PENALTY_WIDTH, label=r"penalty $\|w\|^2$"),
            Line2D([], [], color=touch_tone(theme), lw=1.6,
                   label=rf"level of $J$ at $\lambda = {EX.tangent:g}$"),
            Line2D([], [], color=theme.text, lw=1.6,
                   label=rf"circle of $\|w\|^2$ at $\lambda = {EX.tangent:g}$"),
            # the regularised cost named where it is first used, in the penalty's one form
            # (this model has no intercept: (λ/2) Σ_{k≥1} w_k² is (λ/2)‖w‖², the caption says)
            Line2D([], [], color=theme.accent, lw=2.0,
                   label=r"minimiser of $J_\lambda = J + \frac{\lambda}{2}\|w\|^2$"),
            # the two minima keyed by their marks (on the map a name would stand on its lines)
            Line2D([], [], **theme.marker("minimum"),
                   label=r"minimum of $J$ ($\lambda = 0$)", gid="key-data-optimum"),
            Line2D([], [], **centre_mark(theme), label=r"minimum of $\|w\|^2$",
                   gid="key-penalty-optimum"),
            # the right panel's two weights, told apart by width and shade where they meet
            # on the zero line: keyed too, so the thinner, lighter line says which it is
            *[Line2D([], [], color=c, lw=lw, label=rf"$w_{k + 1}$ against $\lambda$ (right)",
                     gid=f"key-w{k + 1}")
              for k, (c, lw) in enumerate(zip(w_shades(theme), W_WIDTHS))]]
    # the keys under both panels: under the map, and no empty band under the other one
    fig.legend(handles=keys, loc="outside lower center", ncols=3,
               frameon=False, columnspacing=1.2, fontsize=theme.small_size)

    # The same path, weight by weight, against λ (λ = 0 on the left edge of the log axis).
    gm.style_axes(side, theme)
    pos = (pc.lams > 0) & (pc.lams <= EX.shown_max)
    # both weights solid (a dash is a difference: docs/STYLE.md), each named on the flat
    # stretch near its start, on the side away from the other curve
    at = int(np.searchsorted(pc.lams[pos], NAME_AT))
    shades = w_shades(theme)
    for k, name in enumerate(("$w_1$", "$w_2$")):
        side.plot(pc.lams[pos], pc.path[pos, k], color=shades[k], linewidth=W_WIDTHS[k],
                  label=name, gid=f"w{k + 1}", zorder=3 - k)
        side.annotate(name, (pc.lams[pos][at], pc.path[pos, k][at]),
                      xytext=(0, -6 if k == 0 else 6), textcoords="offset points",
                      ha="center", va="top" if k == 0 else "bottom", color=theme.text,
                      gid=f"w{k + 1}-name")
        side.plot(pc.lams[rows], pc.path[rows, k], "o", color=shades[k], markersize=W_DOTS[k],
                  markeredgecolor=theme.background, zorder=5 - k, linestyle="none",
                  gid=f"w{k + 1}-dots")
    side.axhline(0, color=theme.muted, linewidth=0.7, zorder=1)
    side.set_xscale("log")
    lmin, lmax = pc.lams[pos].min(), pc.lams[pos].max()
    # the axis ends at its first and last ticks (gdcore's λ grid and shown_max are decades)
    side.set_xlim(lmin, lmax)
    side.set_xticks(10.0 ** np.arange(np.log10(lmin), np.log10(lmax) + 0.01))
    side.set_xlabel(th.AXIS_LABELS["penalty"])
    side.set_ylabel(r"$w_k$ at the minimum of $J_\lambda$")
    side.set_title(th.title(r"the minimiser of $J_\lambda$ against $\lambda$"), y=1.0,
                   pad=TITLE_PAD)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
