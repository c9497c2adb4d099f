"""Local minima, and momentum rolling through one

A bumpy cost J(w) with {n_minima} local minima. Top left: plain gradient descent (learning rate
{lr}, {steps} steps) from {n_starts} starts; each run slides into the minimum of its own basin
and stays there: at w = {m0}, {m1} or {m2}, depending only on where it began. Top
right: from w = {w0}, plain descent stalls in the shallow minimum at {m0}, where the cost J
is still {f0}; momentum ({beta}, the same learning rate) builds up speed on the long
slope, rolls on through that minimum and the next one, and settles in the deepest minimum at
{m2} (J = {f2}). Bottom: the position w of both runs over the first {time_steps} steps.

Alt: Three panels. Top left: a wavy curve with three dips, a star at the bottom of the right,
deepest one; four hollow circles mark starts and dotted trails lead from each down into the
nearest dip, their dots spaced apart, where a small hollow square marks where the run ends: one
in the left dip, one in the middle dip, and two on the star at the bottom of the deepest dip,
where the square is drawn larger and frames the star; each dip's w is written under it. Top
right: the same curve; from the leftmost start the plain run's trail stops in the left dip,
while the momentum run's trail, larger dots in a second colour under the plain run's small ones
where both share the slope, passes through the left and middle dips, swings about the deepest
one (a dot every third step there) and ends on its star, framed by a hollow square; thin lines
lead from two notes to where each run ends. Bottom: position against step; the plain run's line
levels off at the left dip's position, the momentum run's line climbs past the middle dip,
overshoots and settles at the deepest dip.
"""

import numpy as np
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D

from gdcore import local_minima
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.theme import AXIS_LABELS

EXP = local_minima.LOCAL_MINIMA
#: The steps the bottom panel shows: both runs have settled well before (the momentum run's
#: swings die out by step 80), and later steps would only draw two flat lines.
TIME_STEPS = 100
#: Edge width (points) of the page-coloured rim of the momentum run's dots: where they crowd
#: near a minimum each still reads, and where the run shares a slope with plain descent the
#: plain run's smaller dots sit inside them.
DOT_RIM = 0.5
#: The runs' names in the one legend (with their settings): plain descent in the accent, as in
#: every figure (the SGD green, the good green's kin, read as "good" on a run that stalls);
#: momentum in the Momentum blue.
PLAIN, MOMENTUM = "plain gradient descent", "momentum"
#: The end mark's key, one word as every still's: where a run ends on the deepest minimum its
#: square, at its last point, frames the star (gm.end_at); the caption says so.
END_KEY = "end"
#: The momentum run's step dots (top right): its first pass over the bumps dot by dot, then,
#: as it swings to and fro about the deepest minimum, every SWING_EVERY-th step only, and none
#: within SETTLED (in w) of its end, where the end square frames the star
#: (ten dots piled there once hid the square).
SWING_EVERY, SETTLED = 3, 0.3
#: Its dots' size (points): larger than the plain run's (3.2, on top of them), small enough
#: that the plain run's dots still read where both share the slope.
MOMENTUM_DOT = 3.8
#: Width (points) of the runs' position lines (bottom panel), and how far (points) under a
#: minimum's line its name is set: half that width, the momentum run's last swings (under a
#: point) and 2 points clear.
POSITION_WIDTH, LABEL_CLEAR = 1.6, 4.0
#: The page-coloured casing (points each side) of the end squares among the momentum run's
#: larger dots: wide enough to part each square from the dots it sits on.
END_CASING = 1.5
#: The names' leaders (top right): the house leader, a thin line in ink, no head, LEADER_GAP
#: points short of the end mark's casing.
LEADER_WIDTH, LEADER_GAP = 0.6, 1.5


def facts() -> dict:
    m = local_minima.minima(EXP)
    f = EXP.surface(m)
    two = {k: numbers.text(v, 2) for k, v in
           {"m0": m[0], "m1": m[1], "m2": m[2], "f0": f[0], "f2": f[2]}.items()}
    return {"n_minima": m.size, "lr": numbers.hyper(r"\alpha", EXP.lr), "steps": EXP.steps,
            "n_starts": len(EXP.starts), "beta": numbers.hyper(r"\beta", EXP.beta),
            "w0": numbers.text(EXP.stalled_start),
            "time_steps": TIME_STEPS, **two}


def _curve(ax, theme, surface):
    (lo, hi), = surface.window
    w = np.linspace(lo, hi, 600)
    # quiet, so that the runs' dots stand out on it
    ax.plot(w, surface(w), color=theme.muted, lw=0.8, zorder=2, gid="cost-curve")
    ax.set_xlim(lo, hi)
    ax.set_ylim(-1.25, 6.0)  # J never goes under 0.10 (the deepest minimum): room under it
    # for its label under the frame round the star, clear of the axis below it, and no more
    ax.set_yticks(range(7))  # no tick at a negative cost
    ax.set_xlabel(AXIS_LABELS["weight"])
    ax.set_ylabel(AXIS_LABELS["cost"])
    gm.style_axes(ax, theme)


def _trail(ax, theme, tr, color, gid, ms=3.2, zorder=4, rim=False, markevery=None):
    """Every step of a run (or those `markevery` picks) as a filled dot (the house step dot; a
    ring is the start's mark), without an edge (edged dots pile into a smear where the steps
    shorten near a minimum); `rim`: a thin rim of the page colour, so that another run's
    smaller dots read on it."""
    look = {"mec": theme.background, "mew": DOT_RIM} if rim else {"mew": 0}
    ax.plot(tr.points[:, 0], tr.losses, ls="none", marker="o", ms=ms, color=color,
            zorder=zorder, gid=gid, markevery=markevery, **look)


def settle_dots(ax, tr, ms: float = 3.2) -> list[int]:
    """The steps of a plain run drawn as dots: none within SETTLED (in w) of its end, where the
    end square stands, and each a dot's width (`ms` points) or more from the last one kept on
    the page, so the steps that shorten into a minimum do not merge into a worm."""
    page = ax.transData.transform(np.column_stack([tr.points[:, 0], tr.losses]))
    page = page * 72 / ax.figure.dpi
    keep: list[int] = []
    for k in range(len(page)):
        if abs(tr.points[k, 0] - tr.points[-1, 0]) <= SETTLED:
            continue
        if not keep or np.hypot(*(page[k] - page[keep[-1]])) >= ms:
            keep.append(k)
    return keep


def clear_of(ax, tr, under, under_every, ms: float = 2.4) -> list[int]:
    """The steps of a plain run (its dots `ms` points wide) drawn over another run's larger
    dots (`under`, drawn at the steps `under_every`, MOMENTUM_DOT wide): each either centred on
    one of them (within half a point: it sits inside it) or clear of them all, never half on
    one; none within SETTLED of its end, where the end square stands."""
    to_pt = 72 / ax.figure.dpi
    page = ax.transData.transform(np.column_stack([tr.points[:, 0], tr.losses])) * to_pt
    big = ax.transData.transform(np.column_stack([under.points[under_every, 0],
                                                  under.losses[under_every]])) * to_pt
    reach = (MOMENTUM_DOT + ms) / 2 + 0.3
    keep = []
    for k in range(len(page)):
        if abs(tr.points[k, 0] - tr.points[-1, 0]) <= SETTLED:
            continue
        d = np.hypot(*(big - page[k]).T)
        if np.all((d < 0.5) | (d >= reach)):
            keep.append(k)
    return keep


def swing_dots(w: np.ndarray) -> list[int]:
    """The steps of the momentum run drawn as dots: every one up to its first arrival at its
    end's minimum, then every SWING_EVERY-th while it swings about it, none within SETTLED of
    its end."""
    first = int(np.argmax(w >= w[-1]))
    return [k for k in range(w.size) if abs(w[k] - w[-1]) > SETTLED
            and (k <= first or (k - first) % SWING_EVERY == 0)]


def _end(ax, theme, tr, color, gid, zorder=6, over_dots=False, star=None):
    """Where a run stopped: the house end square, in the run's optimizer colour, at its last
    point; where that is the deepest minimum's star (`star`: its (w, J) and mark), hollow and
    framing it (gm.end_at). `over_dots`: where larger step dots
    crowd round it, cased in the page colour (END_CASING points), so that it reads on top of
    them, not among them."""
    look = theme.end(color)
    effects = {"path_effects": gm.casing(theme, width=END_CASING)} if over_dots else {}
    xy = (tr.final[0], tr.losses[-1])
    on_star = star is not None and abs(xy[0] - star[0][0]) < 1e-3
    gm.end_at(ax, theme, xy, look, star_xy=star[0] if on_star else None,
              star=star[1] if on_star else None, gid=gid, zorder=zorder, **effects)


def _star(ax, theme, surface):
    """The deepest minimum's star (the house's ink star); its (w, J) and mark, for the end
    squares that stop on it."""
    w = float(surface.minimum[0])
    look = theme.marker("minimum")
    ax.plot(w, float(surface.value([w])), gid="minimum", **look)
    return (w, float(surface.value([w]))), look


def _start(ax, theme, w0, f0, gid):
    ax.plot(w0, f0, gid=gid, **theme.marker("start"))


def make_figure(theme):
    s = EXP.surface
    minima = local_minima.minima(EXP)
    plain = local_minima.run_plain(EXP)
    rolling = local_minima.run_momentum(EXP)
    # plain descent in the accent, as everywhere; momentum in its optimizer colour
    c_plain, c_mom = theme.accent, theme.opt("Momentum")

    fig = gm.new_figure(theme, height=4.9)
    grid = fig.add_gridspec(2, 2, height_ratios=(1.35, 1))
    a_plain, a_mom = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1], sharey=None)
    a_time = fig.add_subplot(grid[1, :])

    # Top left: plain descent from every start.
    _curve(a_plain, theme, s)
    star = _star(a_plain, theme, s)
    for k, (w0, tr) in enumerate(plain.items()):
        _trail(a_plain, theme, tr, c_plain, f"trail:{w0:g}", markevery=settle_dots(a_plain, tr))
        _start(a_plain, theme, w0, tr.losses[0], f"start:{w0:g}")
        _end(a_plain, theme, tr, c_plain, f"end:{w0:g}", zorder=6 + k, star=star)
    for i, m in enumerate(minima):
        # under its dip's end square, LABEL_CLEAR clear of it (of the frame round the star)
        on_star = abs(m - star[0][0]) < 1e-3
        half = (gm.frame_half(star[1]) if on_star
                else theme.end()["markersize"] / 2 + gm.FRAME_WIDTH / 2)
        a_plain.annotate(f"$w = {numbers.latex(m, 2)}$", (m, s(m)), xytext=(0, -half - 2.5),
                         textcoords="offset points",
                         ha="center", va="top", fontsize=theme.small_size, color=theme.text,
                         gid=f"minimum-label:{i}")
    a_plain.set_title(th.title(f"plain descent from {len(EXP.starts)} starts"))

    # Top right: from the stalled start, plain descent against momentum.
    _curve(a_mom, theme, s)
    tr_stall = plain[EXP.stalled_start]
    # where both runs cover the same slope (w −3.4 to −2.3), the plain run's small dots sit on
    # the momentum run's larger ones, over them, and its end square over everything
    star = _star(a_mom, theme, s)
    swings = swing_dots(rolling.points[:, 0])
    _trail(a_mom, theme, rolling, c_mom, "trail:momentum", ms=MOMENTUM_DOT, rim=True,
           markevery=swings)
    _trail(a_mom, theme, tr_stall, c_plain, "trail:stalled", ms=2.4, zorder=5,
           markevery=clear_of(a_mom, tr_stall, rolling, swings))
    _start(a_mom, theme, EXP.stalled_start, tr_stall.losses[0], "start:stalled")
    _end(a_mom, theme, rolling, c_mom, "end:momentum", over_dots=True, star=star)
    _end(a_mom, theme, tr_stall, c_plain, "end:stalled", zorder=7, over_dots=True)
    # both names on the house leader, a thin line in ink without a head, stopping a gap short
    # of the mark it names (the end square; the frame round the star, and its casing)
    def leader(reach: float) -> dict:
        return dict(arrowstyle="-", color=theme.text, lw=LEADER_WIDTH, shrinkA=2,
                    shrinkB=reach + END_CASING + LEADER_GAP)

    square = theme.end()
    a_mom.annotate("plain descent\nstalls here", (tr_stall.final[0], tr_stall.losses[-1]),
                   xytext=(-2.2, 0.9), textcoords="data", ha="center", va="top",
                   fontsize=theme.small_size, color=theme.text, gid="leader:stalled",
                   arrowprops=leader(square["markersize"] / 2 + square["markeredgewidth"] / 2))
    a_mom.annotate("momentum ends\nat the deepest\nminimum", (rolling.final[0], rolling.losses[-1]),
                   xytext=(3.0, 2.1), textcoords="data", ha="center", va="bottom",
                   fontsize=theme.small_size, color=theme.text, gid="leader:momentum",
                   arrowprops=leader(gm.frame_half(star[1])))
    a_mom.set_title(th.title(f"from $w = {numbers.latex(EXP.stalled_start)}$: plain and momentum"))

    # Bottom: the position at every step.
    gm.style_axes(a_time, theme)
    # no horizontal grid here: the minima's dotted lines are this panel's levels, and a grid
    # line of nearly the same value beside each (2 by 2.49, 0 by 0.13) only blurs them
    a_time.grid(False, axis="y")
    for i, m in enumerate(minima):
        a_time.axhline(m, **theme.line("reference", color=theme.muted, linewidth=0.8, zorder=1,
                                        gid=f"minimum-line:{i}"))
    names = ("shallow minimum", "middle minimum", "deepest minimum")
    for i, m in enumerate(minima):
        # under its line at the right, where a settled run lies along it: LABEL_CLEAR points
        # below the run's line (its half width, and the momentum run's last swings) and more
        a_time.annotate(f"{names[i]}, $w = {numbers.latex(m, 2)}$", (TIME_STEPS * 0.99, m),
                        xytext=(0, -LABEL_CLEAR),
                        textcoords="offset points", ha="right", va="top",
                        fontsize=theme.small_size, color=theme.text, gid=f"minimum-name:{i}")
    steps_p = np.arange(tr_stall.points.shape[0])
    steps_m = np.arange(rolling.points.shape[0])
    a_time.plot(steps_p, tr_stall.points[:, 0], color=c_plain, lw=POSITION_WIDTH,
                gid="position:plain")
    a_time.plot(steps_m, rolling.points[:, 0], color=c_mom, lw=POSITION_WIDTH,
                gid="position:momentum")
    a_time.set_xlim(0, TIME_STEPS)
    a_time.xaxis.set_major_formatter(gm.count_formatter())
    a_time.set_xlabel(AXIS_LABELS["step"])
    a_time.set_ylabel(AXIS_LABELS["weight"])
    # one legend for the runs and the marks, under the figure: each run its dot (the top
    # panels' steps) and, beside it, its line (the bottom panel's position), as the page draws
    # them; then the start ring, the end square and the deepest minimum's star
    lr = numbers.hyper(r"\alpha", EXP.lr, "mathtext")
    key = theme.marker("start")
    gm.optimizer_legend(a_time, theme, "curves", handles=[
        (Line2D([], [], color=c_plain, ls="none", marker="o", ms=3.2, mew=0),
         Line2D([], [], color=c_plain, lw=POSITION_WIDTH)),
        (Line2D([], [], color=c_mom, ls="none", marker="o", ms=MOMENTUM_DOT,
                mec=theme.background, mew=DOT_RIM),
         Line2D([], [], color=c_mom, lw=POSITION_WIDTH)),
        Line2D([], [], ls="none", **key),
        # the end square in both runs' colours, as the page draws them
        tuple(Line2D([], [], ls="none", **theme.end(c)) for c in (c_plain, c_mom)),
        Line2D([], [], ls="none", **star[1]),
    ], labels=[f"{PLAIN}, {lr}",
               f"{MOMENTUM}, {lr}, " + numbers.hyper(r"\beta", EXP.beta, "mathtext"),
               "start", END_KEY, "deepest minimum"],
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)}, numpoints=1, ncols=3)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
