"""Three candidate lines and their costs

Three guesses at a line through the seven points, f(x) = m x + b. Each panel is titled with
the guess's cost J, the half mean squared vertical distance from the points to the line: the
first guess costs {j0}, the second {j1} and the third, which follows the trend of the
points, only {j2}.

Alt: Three scatter plots of the same seven points, each with one straight line. The first line
is too steep (J = {j0}), the second slopes down (J = {j1}), the third runs close to all
the points (J = {j2}).
"""

import numpy as np

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th
from gdviz import views


def facts() -> dict:
    x, y = data.regression_points()
    costs = [regression.cost(m, b, x, y) for m, b in data.CANDIDATES]
    return {f"j{i}": nb.cost(c) for i, c in enumerate(costs)}


#: Decimals of the guesses' slopes and intercepts (gdcore's data.CANDIDATES are set to these),
#: the same in every panel: −1.0 beside 2.5 and 0.1, never −1.
M_PLACES, B_PLACES = 2, 1

#: The panels' titles, in the order of data.CANDIDATES: what each guess does.
NAMES = ("too steep", "sloping down", "following the trend")


def _fmt_line(m: float, b: float) -> str:
    sign = "-" if b < 0 else "+"
    return rf"$f(x) = {nb.latex(m, places=M_PLACES)}\,x {sign} {nb.latex(abs(b), places=B_PLACES)}$"


def make_figure(theme):
    x, y = data.regression_points()
    fig, axes = gm.subplots(theme, 1, 3, height=2.55, sharey=True)
    xs = np.linspace(*views.X_RANGE, 2)
    for ax, (m, b), name in zip(axes, data.CANDIDATES, NAMES):
        j = regression.cost(m, b, x, y)
        gm.style_axes(ax, theme)
        ax.plot(xs, regression.predict(m, b, xs), color=theme.model, zorder=3, gid="line")
        gm.scatter_points(ax, theme, x, y)
        # two lines, what the guess does over its cost (the house cost, three significant
        # figures, as the residuals still writes the second guess's: 0.0801), each within
        # its panel
        ax.set_title(th.title(name) + f"\n$J = {nb.cost(j, 'latex')}$",
                     linespacing=1.3)
        ax.text(0.04, 0.96, _fmt_line(m, b), transform=ax.transAxes, va="top", ha="left",
                fontsize=theme.small_size, color=theme.text)
        gm.data_view(ax)
        ax.set_xlabel("$x$")
    axes[0].set_ylabel("$y$")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
