"""L2 regularisation calms the degree-9 fit

The degree-9 polynomial of the overfitting example, refitted to the same {n} samples with the
penalty (λ/2) Σ w_k² of J_λ on its coefficients (the intercept w₀ is not penalised, so neither
is it counted in the norm ‖w‖ below). Top: the fit for {n_shown} strengths. Without a penalty
the curve threads every point and swings far outside the plot; at λ = {lam_wild} it is still
wild; at λ = {best_lam}, the strength with the least test cost ({best_test}), it follows the
sine through the {n_test} test samples, drawn there alone (small hollow diamonds); at λ =
{lam_last} it is almost flat. Bottom left: the length ‖w‖ of the penalised
coefficients w₁, …, w₉ shrinks from {norm0} at λ = 0 to {norm_last} at λ = {lam_last}; it barely
moves below λ = {lam_first} and falls fastest, by a factor of {steep_factor}, from λ =
{steep_from} to λ = {steep_to}. Bottom right: the training cost J (half the mean squared error)
only grows with λ (≈ 0, {floor}, without a penalty, where the fit interpolates),
while the test cost J on {n_test} fresh test samples (hollow lavender diamonds on the curve) is
lowest, {best_test}, at λ = {best_lam}.

Alt: A row of {n_shown} small plots of the same {n} points with a polynomial curve, titled λ =
0, λ = {lam_wild}, λ = {best_lam} (least test cost, a star before the title) and λ =
{lam_last}. At λ = 0 and λ = {lam_wild} the curve shoots off the plot between the points; at λ =
{best_lam} it is a gentle wave close to the dotted sine, through a cloud of {n_test} small test
samples drawn in that plot only; at λ = {lam_last} it is almost flat.
Below, a log-log plot shows the coefficient norm ‖w‖ falling from about {norm0} to {norm_last}
as λ grows from {lam_first} to {lam_last}, with the λ = 0 value drawn separately at the left and
dotted lines at the strengths of the fits above; a second plot shows the training cost rising
with λ and the test cost falling from {test0} to {best_test} at λ = {best_lam}, marked by a
star in place of its diamond, before rising again; its λ = 0 training cost sits under a
break in the cost axis, at its last tick, "≈ 0", labelled "J ≈ 0 ({floor})". One key under the
figure names the dots "{n} training samples", the small diamonds "{n_test} test samples", the
dotted curve "sin(2πx)", the two costs, the
dotted lines "λ of a fit above" and the green one "λ of the least test cost".
"""

import numpy as np
from matplotlib import patheffects
from matplotlib.ticker import NullLocator

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th

EX = procedure.REGULARIZATION
COST_FLOOR = 1e-5  # lower edge of the cost axis (below: the interpolating fit's ≈ 0)
#: From this length on a panel's ‖w‖ is written as a power of ten (1.5 × 10⁵ beside 2.3 × 10⁶,
#: not 150000): a length is a measurement, not a count.
NORM_POWER_FROM = 1e4
#: Decades between the λ axes' numbers: 10⁻¹⁶, 10⁻¹², …, 1, the last λ named (they stand
#: apart now that the stub sits close to its log axis and the panels are as wide as their cells)
TICK_DECADES = 4
#: Inches of page at the figure's sides: the last tick number and key stand clear of the edge
SIDE_PAD = 10 / 72
#: The cost at which the least test cost is named, left of its green line: the middle of the
#: empty room under the training curve (it stays above 10⁻³ from λ = 10⁻¹² on)
LABEL_J = 3e-4
#: Points between that label's right end and the green line: the line never meets its letters
LABEL_GAP = 9
#: Where (panel width) each fit's ‖w‖ is centred, in the band over the samples: right of the
#: sine's peak and the wild fits' left branch, left of the λ = 10⁻¹³ fit's right branch.
NORM_AT = 0.6
#: Where (share of the cost panel's width) the note on the ≈ 0 strip starts: clear of the
#: axis' break marks at its left end.
FLOOR_NOTE_AT = 0.1
#: Space between the ‖w‖ panel and the cost panel, a share of their mean width: the cost
#: panel's numbers and label fill most of it
BOTTOM_WSPACE = 0.12
#: The held-out test samples in the least-test-cost panel: overfitting-poly's small hollow
#: diamonds (points), edged thin.
TEST_MARK_SIZE, TEST_MARK_EDGE = 1.6, {"light": 0.6, "dark": 0.9}
#: The layers of a fit's panel, bottom to top, as overfitting-poly's: the fit, the test
#: samples (over it: under it, many hid), the dotted sine ringed in the page colour
#: (views.TRUE_CURVE_RING: its dots run on through the samples' cloud; under it, the hundred
#: diamonds stood over its dots and the two read as one speckle, and on the fit that follows
#: it the fit hid it), the training dots.
FIT_Z, TEST_Z, SINE_Z, TRAIN_Z = 3, 3.5, 3.7, 5


def norm_tex(v: float) -> str:
    """A coefficient vector's length in LaTeX for people: 0.22, 16, 1.5 × 10⁵, 2.3 × 10⁶."""
    if v < NORM_POWER_FROM:
        return numbers.latex(v, sig=2)
    e = int(np.floor(np.log10(v)))
    return rf"{numbers.latex(v / 10.0**e, sig=2)} \times {numbers.power10(e, 'latex')}"


def facts() -> dict:
    d, rp = EX.run()
    b = EX.best_row(rp)
    s = steepest_decade(rp)
    wild = [lam for lam in EX.shown if 0 < lam < rp.lams[b]]
    def lam(v: float) -> str:  # a setting, never rounding noise: 10⁻¹³, not "≈ 0"
        return numbers.text(v, floor=0)

    return {"n": d.x.size, "n_test": d.x_test.size, "n_shown": len(EX.shown),
            "floor": numbers.floor_words(),
            "lam_first": lam(rp.lams[rp.lams > 0].min()),
            "lam_wild": lam(wild[0]), "norm0": numbers.text(rp.norms[0]),
            "norm_last": numbers.text(rp.norms[-1], sig=2),
            "lam_last": lam(rp.lams[-1]), "test0": numbers.cost(rp.test[0]),
            "best_test": numbers.cost(rp.test[b]), "best_lam": lam(rp.lams[b]),
            "steep_from": lam(rp.lams[s]), "steep_to": lam(rp.lams[s + 1]),
            "steep_factor": numbers.significant(rp.norms[s] / rp.norms[s + 1], 2)}


def steepest_decade(rp) -> int:
    """Row i of rp (λ > 0) after which ‖w‖ falls most on the log scale, from λᵢ to λᵢ₊₁."""
    pos = np.flatnonzero(rp.lams > 0)
    drops = np.log(rp.norms[pos[:-1]]) - np.log(rp.norms[pos[1:]])
    return int(pos[np.argmax(drops)])


def lam_tex(lam: float) -> str:
    """λ as mathtext: 0, 1 or a power of ten."""
    if lam == 0:
        return r"$\lambda = 0$"
    e = np.log10(lam)
    if np.isclose(e, round(e)):
        return r"$\lambda = 1$" if round(e) == 0 else rf"$\lambda = 10^{{{round(e)}}}$"
    return rf"$\lambda = {lam:g}$"


def _decades(lo: float, hi: float, step: int = 1) -> np.ndarray:
    """The powers of ten in [lo, hi], every step-th one (tick positions of a log axis)."""
    k = np.arange(np.ceil(np.log10(lo)), np.floor(np.log10(hi)) + 1, step)
    return 10.0**k


def _split_axes(fig, spec, theme, lams, lo, hi):
    """The λ = 0 stub beside the log λ axis (gm.broken_log_x, the one broken axis), y log
    from lo to hi."""
    a0, a1 = gm.broken_log_x(fig, spec, theme, lams.min() / 3, lams.max() * 3,
                             _decades(lams.min(), lams.max(), TICK_DECADES))
    a0.set_yscale("log")
    a0.set_ylim(lo, hi)
    a0.set_yticks(_decades(lo, hi))
    # the decades only: the stub's spine carries no comb of minor ticks
    a0.yaxis.set_minor_locator(NullLocator())
    return a0, a1


def make_figure(theme):
    d, rp = EX.run()
    rows = EX.shown_rows(rp)
    best = EX.best_row(rp)
    xs = EX.xs
    fig = gm.new_figure(theme, height=4.6)
    fig.get_layout_engine().set(w_pad=SIDE_PAD)
    gs = fig.add_gridspec(2, 1, height_ratios=(1.0, 1.15))
    top = gs[0].subgridspec(1, len(EX.shown), wspace=0.08)
    bottom = gs[1].subgridspec(1, 2, wspace=BOTTOM_WSPACE)

    fits = []
    for i, r in enumerate(rows):
        ax = fig.add_subplot(top[i], sharey=fits[0] if fits else None)
        fits.append(ax)
        gm.style_axes(ax, theme)
        # the samples and their sine as overfitting-poly draws them (views.SAMPLE_DOT,
        # TRUE_CURVE_WIDTH, TRUE_CURVE_RING, its layers): the same data, one style
        sine, = ax.plot(xs, data.sine(xs), label=r"$\sin(2\pi x)$",
                        path_effects=[patheffects.Stroke(
                            linewidth=views.TRUE_CURVE_WIDTH + 2 * views.TRUE_CURVE_RING,
                            foreground=theme.background), patheffects.Normal()],
                        **theme.line("reference", color=theme.muted,
                                     linewidth=views.TRUE_CURVE_WIDTH, zorder=SINE_Z))
        ax.plot(xs, regression.polynomial_eval(rp.coefs[r], xs), color=theme.model,
                linewidth=1.5, zorder=FIT_Z, gid="fit")
        points = gm.scatter_points(ax, theme, d.x, d.y, **views.SAMPLE_DOT, zorder=TRAIN_Z,
                                   label=f"{d.x.size} training samples")
        if r == best:  # the held-out samples, where the test cost is the point (the video's
            # pause at its least draws them so too): small and quiet, over the fit, under the
            # sine and the training dots; in the other panels a hundred of them buried the
            # curves
            held = {**theme.held_out("test"), "markersize": TEST_MARK_SIZE,
                    "markeredgewidth": TEST_MARK_EDGE[theme.name], "zorder": TEST_Z}
            (tests,) = ax.plot(d.x_test, d.y_test, gid="test-samples",
                               label=f"{d.x_test.size} test samples", **held)
        p = regression.polynomial_eval(rp.coefs[r], xs)
        clipped = p.max() > views.FIT_Y_RANGE[1] or p.min() < views.FIT_Y_RANGE[0]
        # a curve that leaves the panel says so (as overfitting-poly's), its ‖w‖ below tells how far
        # the least test cost said in its panel's title, the house minimum star before it
        # (inside the panel, a star read as a data point)
        note = " (clipped)" if clipped else " (least test cost)" if r == best else ""
        title = ax.set_title(lam_tex(rp.lams[r]) + note, fontsize=theme.font_size)
        if r == best:  # its title overhangs its panel: the layout spaces the panels alike
            # (the other titles, as tall, keep the row's room over them)
            gm.best_beside(ax, theme, title).set_in_layout(False)
            title.set_in_layout(False)
        # the curve's length written in the clear band over the samples, between the top
        # frame and the y = 2 rule, right of the peak of the sine (at the foot of the panel
        # it stood between the wild fits' branches)
        ax.text(NORM_AT, 0.985, rf"$\|w\| = {norm_tex(rp.norms[r])}$",
                transform=ax.transAxes, ha="center", va="top", fontsize=theme.small_size,
                color=theme.text, zorder=6, gid="norm-label", path_effects=gm.halo(theme))
        ax.set_xlim(0, 1)
        ax.set_ylim(*views.FIT_Y_RANGE)
        ax.set_yticks(np.arange(np.ceil(views.FIT_Y_RANGE[0]), views.FIT_Y_RANGE[1] + 0.01))
        ax.set_xticks([0, 1], ["0", "1"])  # whole numbers, as the video's: no needless decimal
        ax.set_xlabel("$x$", labelpad=1)
        if i:
            ax.tick_params(labelleft=False)
    fits[0].set_ylabel("$y$")

    # Coefficient norm against λ.
    pos = rp.lams > 0
    n0, n1 = _split_axes(fig, bottom[0], theme, rp.lams[pos], rp.norms.min() / 2,
                         rp.norms.max() * 4)
    # a property of the fitted model, not a set's cost: in ink, as the fits above
    n1.plot(rp.lams[pos], rp.norms[pos], color=theme.text, marker="o", markersize=3.0,
            zorder=3, gid="norm")
    n0.plot([0], [rp.norms[0]], color=theme.text, marker="o", markersize=3.0, zorder=3,
            gid="norm")
    guides = {}
    for r in rows:  # the λ of each fit shown above: a guide line (the least test cost's green)
        a = n0 if rp.lams[r] == 0 else n1
        guides[r == best] = a.axvline(
            0 if rp.lams[r] == 0 else rp.lams[r],
            **theme.line("reference", color=theme.good if r == best else theme.muted,
                         linewidth=0.9, zorder=1, gid="shown"))
    n0.set_ylabel(r"coefficient norm $\|w\|$")
    n1.set_xlabel(th.AXIS_LABELS["penalty"])

    # Training and test cost J against λ.
    e0, e1 = _split_axes(fig, bottom[1], theme, rp.lams[pos], COST_FLOOR, 3 * rp.test.max())
    lines = {}
    for vals, gid in ((rp.train, "training"), (rp.test, "test")):
        # each set in its house role (theme.DATA_ROLES): its colour and its mark; where the
        # two costs meet (λ ≥ 10⁻⁴) the test line lies over the training line (under it, the
        # lavender vanished there) and the training dots, smaller, over both, inside the
        # test diamonds
        role, kind = th.DATA_ROLES[gid]
        mark = theme.marker("data") if kind == "data" else theme.held_out(role)
        # (the house sizes, as model-capacity's: the two costs drawn alike in both figures)
        mark = {k: v for k, v in mark.items() if k not in ("linestyle", "zorder")}
        z = 3 if kind == "data" else 4
        label = th.AXIS_LABELS[f"{gid} cost"]
        (lines[gid],) = e1.plot(rp.lams[pos], vals[pos], color=theme.role(role), label=label,
                                zorder=z, gid=gid, **mark)
        if vals[0] < COST_FLOOR:  # below the log axis (the unpenalised fit interpolates)
            # in the ≈ 0 strip under the cost axis' break, at its "≈ 0" tick
            zero = gm.off_scale_low(e0, theme, 0, COST_FLOOR,
                                    {**mark, "color": theme.role(role)}, gid=gid)
            # what its "≈ 0" stands for, beside it in the strip, a leader across the break
            note = e1.annotate(
                        f"$J {numbers.relation(vals[0])}$ ({numbers.floor_words('mathtext')})",
                        xy=(0.5, 0.5), xycoords=zero,
                        xytext=(FLOOR_NOTE_AT, gm.floor_level(COST_FLOOR)),
                        textcoords=e1.get_yaxis_transform(), ha="left", va="center",
                        fontsize=theme.small_size, color=theme.text, gid="floor",
                        path_effects=gm.halo(theme),
                        arrowprops=dict(arrowstyle="->", color=theme.muted, linewidth=0.8,
                                        shrinkA=2, shrinkB=5))
            note.set_in_layout(False)  # its leader reaches into the stub: not e1's margin
        else:
            e0.plot([0], [vals[0]], color=theme.role(role), zorder=z, gid=gid, **mark)
    b = best
    # the least test cost is the minimum of the test curve: the house minimum star on its
    # point, in place of its test diamond (at the value it names), named above the curves on
    # a leader, as model-capacity's
    star = gm.best_at(e1, theme, rp.lams[b], rp.test[b], over=lines["test"])
    # the training dots over the test line and its diamonds (each inside its diamond) and over
    # the star, whose training cost lies a sixth of a decade under it: every mark reads
    e1.plot(rp.lams[pos], rp.train[pos], color=theme.data, linestyle="none",
            zorder=star.get_zorder() + 0.5, gid="training-dots",
            **{k: v for k, v in theme.marker("data").items() if k not in ("linestyle", "zorder")})
    # in model-capacity's words: what is least, at which setting, its value; set in the empty
    # room under the training curve, right-aligned on the least test cost's green line, which
    # leads up to the star (over the curves it sat jammed between the diamonds and that line)
    e1.annotate(f"least test cost:\n{lam_tex(rp.lams[b])}, "
                f"$J = {numbers.cost(rp.test[b], 'latex')}$",
                xy=(rp.lams[b], LABEL_J), xytext=(-LABEL_GAP, 0), textcoords="offset points",
                ha="right", va="center", fontsize=theme.small_size, color=theme.text,
                gid="best-label")
    e1.axvline(rp.lams[b], **theme.line("reference", color=theme.good, linewidth=0.9, zorder=1,
                                        gid="best-line"))
    e0.set_ylabel(th.AXIS_LABELS["cost"])
    e1.set_xlabel(th.AXIS_LABELS["penalty"])
    # one key for the figure, in one strip under it: the samples and the sine of the fits,
    # the two costs, the guides
    # (two rows, four columns, filled down: the samples, the costs, the sine and the guides; a
    # third row took the cost panel's height and its "≈ 0" met its 10⁻⁵)
    keys = [points, tests, lines["training"], lines["test"], sine, guides[False], guides[True]]
    names = [points.get_label(), tests.get_label(), lines["training"].get_label(),
             lines["test"].get_label(), sine.get_label(), r"$\lambda$ of a fit above",
             r"$\lambda$ of the least test cost"]
    fig.legend(keys, names, loc="outside lower center", ncols=4, frameon=False)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
