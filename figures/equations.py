"""The chapter's equations

Every equation of the chapter, each typeset from the single source the figures and animations
share: the models, the cost and its partial derivatives, the gradient-descent updates, the
sigmoid neuron, the optimizers (momentum, Nesterov, Adagrad, RMSprop, Adam), the L2 penalty, the
central finite difference and the backpropagation equations, {n} in all. Each is also written
as a file of its own.

Alt: A list of {n} equations, each below its name in small grey type.
"""

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from gdviz import equations
from gdviz import mpl as gm

#: Size of the equations, in points: a little above the body text.
EQ_SIZE_SHEET = 9.5
EQ_SIZE_SINGLE = 12.0
PAD_IN = 0.04  # margin around a single equation, inches
ROW_GAP_IN = 0.09  # space between two equations of the sheet, inches
NAME_COL = 0.38  # where the equations start, as a fraction of the sheet's width


def facts() -> dict:
    return {"n": len(equations.EQUATIONS)}


def make_figure(theme):
    eqs = list(equations.EQUATIONS.values())
    fig = gm.new_figure(theme, height=6.0)
    fig.set_layout_engine("none")
    renderer = FigureCanvasAgg(fig).get_renderer()  # to measure the equations
    rows = []
    for eq in eqs:
        name = fig.text(0.0, 0.0, eq.name, ha="left", va="center", fontsize=theme.small_size,
                        color=theme.muted, gid=f"name-{eq.key}")
        tex = fig.text(NAME_COL, 0.0, equations.mathtext(eq.key), ha="left", va="center",
                       fontsize=EQ_SIZE_SHEET, color=theme.text, gid=f"eq-{eq.key}")
        rows.append((name, tex, tex.get_window_extent(renderer).height / fig.dpi))
    # stack the rows, each as tall as its equation, from the top down (in inches)
    total = sum(h for *_, h in rows) + ROW_GAP_IN * (len(rows) + 1)
    fig.set_figheight(total)
    y = total - ROW_GAP_IN
    for name, tex, h in rows:
        yc = (y - h / 2) / total
        name.set_position((0.005, yc))
        tex.set_position((NAME_COL, yc))
        y -= h + ROW_GAP_IN
    return fig


def equation_figure(theme, key: str, size: float = EQ_SIZE_SINGLE) -> Figure:
    """A Figure holding only equation `key`, sized to it (plus a small margin)."""
    fig = Figure(figsize=(1, 1))
    fig.set_layout_engine("none")
    t = fig.text(0.5, 0.5, equations.mathtext(key), ha="center", va="center", fontsize=size,
                 color=theme.text, gid=f"eq-{key}")
    bb = t.get_window_extent(FigureCanvasAgg(fig).get_renderer())
    fig.set_size_inches(bb.width / fig.dpi + 2 * PAD_IN, bb.height / fig.dpi + 2 * PAD_IN)
    return fig


def extra_figures(theme) -> dict[str, Figure]:
    """One tight Figure per equation, keyed by the equation's key."""
    with gm.themed(theme):
        return {key: equation_figure(theme, key) for key in equations.EQUATIONS}


if __name__ == "__main__":
    gm.main(__file__)
