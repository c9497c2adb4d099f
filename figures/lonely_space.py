"""In high dimensions, almost everything is near the surface

Take a ball in d dimensions and its outer shell, the "eggshell" of thickness ε times the radius.
The shell's share of the volume is 1 − (1 − ε)ᵈ. For a shell of ε = {eps_pct:g} % of the radius
it holds {share2:.1f} % of a disc's area (d = 2, left) and {share3:.1f} % of a ball's volume
(d = 3), but more than half of the volume from d = {d50} on and more than {p99:g} % from
d = {d99} on (right; thin and grey, a shell of {eps_other_pct:g} % for comparison). In many
dimensions nearly all the space is far from the centre, and evenly spread points are far from
one another.

Alt: Left, a pale grey disc whose thin outer ring, {eps_pct:g} % of the radius, is drawn in
ink and labelled {share2:.1f} % of the area. Right, two smooth S-shaped curves of the
shell's share of the volume against the number of dimensions, from 1 to {d_max} on a
logarithmic axis, rising from a few per cent to 100 %; the solid one, for a {eps_pct:g} %
shell, is marked at d = 2 ({share2:.1f} %), d = 3 ({share3:.1f} %), d = {d50}
({share50:.1f} %) and d = {d99} ({share99:.1f} %); the thin grey one, for a
{eps_other_pct:g} % shell, rises sooner.
"""

import numpy as np
from matplotlib.patches import Circle, Wedge

from gdcore import sampling
from gdcore.sampling import LONELY_SPACE as SETTING
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th
from gdviz.colors import mix

EPS = SETTING.eps
EPS_OTHER = SETTING.eps_other
LEVELS = SETTING.levels
D_MAX = SETTING.d_max
#: How much wider (points) than a marked dot the page cut out of the dashed curve around it is.
HALO = 4.0


def shell_colours(theme) -> tuple[str, str]:
    """(the 5 % shell's, the 10 % shell's) colours: the shell is what the figure draws, in ink
    (no role's colour: the accent is a descent's current position and path, the data blue a
    data set's), the shell for comparison thin and muted."""
    return theme.text, theme.muted


def _dims() -> np.ndarray:
    return np.arange(1, D_MAX + 1)


def first_dim_above(eps: float, share: float) -> int:
    """The smallest d at which the shell's share exceeds `share`."""
    d = _dims()
    return int(d[np.argmax(sampling.eggshell_share(eps, d) > share)])


def facts() -> dict:
    return {"eps_pct": 100 * EPS, "eps_other_pct": 100 * EPS_OTHER,
            "share2": 100 * sampling.eggshell_share(EPS, 2),
            "share3": 100 * sampling.eggshell_share(EPS, 3),
            "d50": first_dim_above(EPS, LEVELS[0]), "d99": first_dim_above(EPS, LEVELS[1]),
            "p99": 100 * LEVELS[1], "d_max": nb.count(D_MAX),
            "share50": 100 * sampling.eggshell_share(EPS, first_dim_above(EPS, LEVELS[0])),
            "share99": 100 * sampling.eggshell_share(EPS, first_dim_above(EPS, LEVELS[1]))}


def _pct(v: float) -> str:
    return f"{100 * v:.1f} %"


def make_figure(theme):
    fig, (ax0, ax) = gm.subplots(theme, 1, 2, height=2.7,
                                 gridspec_kw=dict(width_ratios=[1, 2.6]))
    fs = theme.small_size
    ink, other = shell_colours(theme)

    # the eggshell of a disc (d = 2)
    ax0.add_patch(Circle((0, 0), 1 - EPS, facecolor=mix(theme.background, theme.muted, 0.15),
                         edgecolor="none"))
    ax0.add_patch(Wedge((0, 0), 1, 0, 360, width=EPS, facecolor=ink,
                        edgecolor="none"))
    ax0.annotate(f"shell: {EPS * 100:g} % of the radius,\n{_pct(sampling.eggshell_share(EPS, 2))}"
                 " of the area", xy=(np.cos(-0.9), np.sin(-0.9)), xytext=(0, -1.25),
                 ha="center", va="top", fontsize=fs, color=theme.text,
                 arrowprops=dict(arrowstyle="-", color=theme.muted, lw=0.6))
    ax0.set_xlim(-1.15, 1.15)
    ax0.set_ylim(-1.95, 1.1)
    ax0.set_aspect("equal")
    ax0.set_anchor("N")  # the square box at the top of its cell: its title on the other's line
    ax0.set_axis_off()
    ax0.set_title(th.title("a disc, $d = 2$"))

    # the share against d
    gm.style_axes(ax, theme)
    # the share is defined for real d (r^d): sampled finely in log d by gdcore, so the curve
    # has no corners between the whole dimensions
    for eps, main in ((EPS_OTHER, False), (EPS, True)):
        d, share = sampling.eggshell_curve(eps, D_MAX)
        ax.plot(d, 100 * share, color=ink if main else other,
                # the thin grey under the wide ink: where both reach 100 % (d ≳ 90) one line
                # reads, the main one, not a muddy double line
                lw=1.8 if main else 1.1, zorder=3 if main else 2.8,
                # "5 %" with a word space, as everywhere in the figure
                label=rf"shell of $\varepsilon = {eps * 100:g}$ % of the radius")
    handles, labels = ax.get_legend_handles_labels()
    gm.optimizer_legend(ax, theme, "curves", handles=handles[::-1], labels=labels[::-1],
                        fontsize=fs)
    ax.set_xscale("log")
    ax.set_xlim(1, D_MAX)
    ax.set_ylim(0, 104)
    xt = [1, 2, 3, 10, 100, D_MAX]  # the last dimension named
    ax.set_xticks(xt, [nb.count(t) for t in xt])
    ax.set_yticks([0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"])
    ax.set_title(th.title("the shell’s share in $d$ dimensions"))
    ax.set_xlabel("dimensions $d$")
    ax.set_ylabel("share of the volume in the shell")

    marked = [2, 3, *(first_dim_above(EPS, lv) for lv in LEVELS)]
    # a ring of page under each dot cuts the dashed curve where it passes (at d = 90 it runs
    # along 100 %), the solid curve the dots mark still running into them
    ax.plot(marked, 100 * sampling.eggshell_share(EPS, np.array(marked)), "o", ls="none",
            markersize=theme.marker("current")["markersize"] + HALO, color=theme.background,
            zorder=2.5, gid="halo")
    for k in marked:
        v = 100 * sampling.eggshell_share(EPS, k)
        ax.plot([k], [v], **{**theme.marker("current"), "markerfacecolor": ink})
        label = f"$d = {k}$: {v:.1f} %"
        if k <= 3:  # to a column below the curve, with leaders
            ax.annotate(label, xy=(k, v), xytext=(5, 16 if k == 3 else 7), ha="left",
                        va="center", fontsize=fs, color=theme.text,
                        arrowprops=dict(arrowstyle="-", color=theme.muted, lw=0.6,
                                        shrinkA=1, shrinkB=3))
        elif v < 90:  # just below-right of the point, under the curve
            ax.annotate(label, xy=(k, v), xytext=(6, -3), textcoords="offset points",
                        ha="left", va="top", fontsize=fs, color=theme.text)
        else:  # near the top right: under the point, centred, inside the plot
            ax.annotate(label, xy=(k, v), xytext=(0, -8), textcoords="offset points",
                        ha="center", va="top", fontsize=fs, color=theme.text)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
