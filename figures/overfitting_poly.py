"""A smooth fit and an overfit

The same {n} noisy samples of sin(2πx) (seed {seed}), fitted by least squares with a polynomial
of degree 3 (left) and of degree 9 (right); the dotted curve is the true sin(2πx). The cubic
follows the trend and misses the points a little: training cost J = {train3} (J is half the
mean squared error), test cost J = {test3} on {n_test} fresh test samples (the small hollow
lavender diamonds, in both panels). The degree-9 polynomial has {n_coef} coefficients for {n}
points, so it passes through every one of them (its training cost is
≈ 0, {floor}: zero up to rounding)
and swings wildly in between: its test cost is {test9}. Left of the first sample it climbs
to {top9:.0f}, far above the plotted range.

Alt: Two panels of the same {n} blue dots scattered around a dotted sine wave, with
{n_test} small hollow lavender diamonds, the test samples, along it. On the left a degree-3
polynomial runs smoothly through the middle of the points (training cost J = {train3}, test
cost J = {test3}). On the right a degree-9 polynomial hits every point exactly but dips and
spikes between them, far from many test samples; it leaves the plot {leaves9}, its title
saying "(clipped)" (training cost J ≈
0, {floor}, test cost J = {test9}).
"""

import numpy as np
from matplotlib import patheffects

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th

DEGREES = (3, 9)
SEED = 33  # procedure.overfit_data's default seed
Y_RANGE = (-2.5, 2.5)
XS = np.linspace(0.0, 1.0, 600)
#: The test samples' hollow diamonds (points): a hundred of them, smaller than the theme's
#: held-out mark so that the sine they were drawn from and the ten training dots read; drawn
#: over the fit (under it, many hid) and under the dotted sine, whose gaps show every diamond
#: while its dots run on unbroken (over it, the diamonds' page-coloured hearts cut the dotted
#: curve to pieces), with an edge strong enough to read on the dark page.
#: The edge by theme: on the white page a hundred diamonds at 0.75 pt were the loudest thing
#: in the panel and buried the sine; on the near-black page the same hairline read dim.
TEST_MARK_SIZE = 1.6
TEST_MARK_EDGE = {"light": 0.6, "dark": 0.9}
#: The panel's two costs straddle this grid level, one line each side of it (set on it, their
#: first line was struck through by the rule), NOTE_SPACING apart
NOTE_Y, NOTE_SPACING = 2.0, 1.85
#: The layers, bottom to top: the fit, the test samples, the dotted sine, the training dots.
FIT_Z, TEST_Z, SINE_Z, TRAIN_Z = 3, 3.5, 3.7, 5
#: Space between the panels (a fraction of a panel's width): the left panel's last tick
#: number and the right one's first stand apart.
PANEL_GAP = 0.08


def _fits():
    d = procedure.overfit_data(seed=SEED)
    err = procedure.polynomial_errors(d, DEGREES)
    ws = [regression.polynomial_fit(d.x, d.y, k) for k in DEGREES]
    return d, err, ws


def facts() -> dict:
    d, err, ws = _fits()
    return {
        "n": d.x.size, "n_test": d.x_test.size, "seed": SEED,
        "floor": numbers.floor_words(), "n_coef": ws[1].size,
        # every cost J in the book's one format (numbers.cost: 0.0351, as model-capacity's)
        "train3": numbers.cost(err.train[0]), "test3": numbers.cost(err.test[0]),
        "train9": numbers.cost(err.train[1]), "test9": numbers.cost(err.test[1]),
        "top9": float(regression.polynomial_eval(ws[1], XS).max()),
        "leaves9": leaves_text(regression.polynomial_eval(ws[1], XS)),
    }


def leaves(p: np.ndarray) -> list[tuple[str, float, float]]:
    """Where the curve p (on XS) runs outside Y_RANGE: ("top" or "bottom", x from, x to) per run,
    in the order of x."""
    side = np.where(p > Y_RANGE[1], 1, np.where(p < Y_RANGE[0], -1, 0))
    runs, start = [], None
    for i, s in enumerate(side):
        if start is not None and s != side[start]:
            runs.append((start, i - 1))
            start = None
        if start is None and s != 0:
            start = i
    if start is not None:
        runs.append((start, side.size - 1))
    return [("top" if side[a] > 0 else "bottom", float(XS[a]), float(XS[b])) for a, b in runs]


def leaves_text(p: np.ndarray) -> str:
    """Words for leaves(p): "through the top for x from 0.00 to 0.03, …"."""
    def where(lo: float, hi: float) -> str:
        if lo == XS[0]:
            return f"for x below {numbers.text(hi, places=2)}"
        if hi == XS[-1]:
            return f"for x above {numbers.text(lo, places=2)}"
        return f"for x from {numbers.text(lo, places=2)} to {numbers.text(hi, places=2)}"
    parts = [f"through the {side} {where(lo, hi)}" for side, lo, hi in leaves(p)]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _cost_tex(v: float) -> str:
    """A cost J's relation in LaTeX, the book's one format: "= 0.0351", "≈ 0" below FLOOR."""
    return numbers.relation(v) if v < numbers.FLOOR else f"= {numbers.cost(v, 'latex')}"


def _err_label(train: float, test: float) -> str:
    """The panel's two costs; a "≈ 0" says its floor (below 10⁻¹⁰)."""
    rel = _cost_tex(train)
    floor = f" ({numbers.floor_words('mathtext')})" if "approx" in rel else ""
    return f"training cost $J {rel}${floor}\ntest cost $J {_cost_tex(test)}$"


def make_figure(theme):
    d, err, ws = _fits()
    fig, axes = gm.subplots(theme, 1, 2, height=2.6, sharey=True)
    # the panels apart (the outer margin is every still's: gm.save)
    fig.get_layout_engine().set(wspace=PANEL_GAP)
    for ax, k, w, tr, te in zip(axes, DEGREES, ws, err.train, err.test):
        gm.style_axes(ax, theme)
        # the true curve over the test samples (drawn from it): it reads through their cloud
        ax.plot(XS, data.sine(XS), label=r"$\sin(2\pi x)$",
                path_effects=[patheffects.Stroke(linewidth=views.TRUE_CURVE_WIDTH
                                                 + 2 * views.TRUE_CURVE_RING,
                                                 foreground=theme.background),
                              patheffects.Normal()],
                **theme.line("reference", color=theme.muted, linewidth=views.TRUE_CURVE_WIDTH,
                             zorder=SINE_Z))
        p = regression.polynomial_eval(w, XS)
        # a fitted curve is a model, not a set: in ink (docs/STYLE.md)
        ax.plot(XS, p, color=theme.model, linewidth=1.6, label="polynomial fit", zorder=FIT_Z,
                gid="fit")
        # the test set small, over the fit (a hundred points, many on it: under it they hid),
        # under the dotted sine (its gaps show them) and the training dots, which the fit is
        # made of
        held = {**theme.held_out("test"), "markersize": TEST_MARK_SIZE,
                "markeredgewidth": TEST_MARK_EDGE[theme.name], "zorder": TEST_Z}
        ax.plot(d.x_test, d.y_test, label=f"{d.x_test.size} test samples", gid="test-samples",
                **held)
        gm.scatter_points(ax, theme, d.x, d.y, **views.SAMPLE_DOT, zorder=TRAIN_Z, gid="train",
                          label=f"{d.x.size} training samples")
        clipped = p.max() > Y_RANGE[1] or p.min() < Y_RANGE[0]
        # a curve that leaves the panel says so in its title, as regularization's fits do
        ax.set_title(th.title(f"degree {k}") + (" (clipped)" if clipped else ""))
        ax.text(0.97, NOTE_Y, _err_label(tr, te), transform=ax.get_yaxis_transform(),
                ha="right", va="center", fontsize=theme.small_size, color=theme.text,
                linespacing=NOTE_SPACING, gid="errors", path_effects=gm.halo(theme))
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(*Y_RANGE)
        ax.set_xlabel("$x$")
    axes[0].set_ylabel("$y$")
    # one legend for both panels, one row under them: nothing over the data
    handles, labels = axes[0].get_legend_handles_labels()
    order = (3, 2, 1, 0)  # the sets first (training, test), then the fit and the true sine
    fig.legend([handles[i] for i in order], [labels[i] for i in order],
               loc="outside lower center", ncols=4, frameon=False)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
