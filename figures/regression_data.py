"""The seven points

The data of the regression example: seven pairs (x, y), listed in the table and drawn as points
in the plane, each numbered as in the table. The points rise from left to right, roughly along a
straight line, from ({x0}, {y0}) to ({x6}, {y6}).

Alt: A table of seven rows, numbered 1 to 7, with columns x and y, beside a scatter plot of the
same seven points. The x values run from {x0} to {x6} and the y values from {ymin} to
{ymax}; the points climb gently from left to right.
"""

from matplotlib.transforms import blended_transform_factory

from gdcore import data
from gdviz import mpl as gm
from gdviz import numbers as nb

#: Decimals of the data's x and y, the same in the table, the caption and the alt text
#: (5.0 and 2.70, never 5 and 2.7).
X_PLACES, Y_PLACES = 1, 2
#: The table's header row, in rows of the body: a little taller, its rule set apart.
HEADER_ROWS = 1.3
#: Share of the page's width and height kept free left of and over the layout: the table's
#: rules (and the plot's top, level with them) stand off the page's edges, as an axis's tick
#: numbers and a title set the other stills off them.
MARGIN_LEFT, MARGIN_TOP = 0.025, 0.05


def facts() -> dict:
    x, y = data.regression_points()
    out = {f"x{i}": nb.text(v, places=X_PLACES) for i, v in enumerate(x)}
    out.update({f"y{i}": nb.text(v, places=Y_PLACES) for i, v in enumerate(y)})
    out.update(ymin=nb.text(y.min(), places=Y_PLACES), ymax=nb.text(y.max(), places=Y_PLACES))
    return out


def make_figure(theme):
    x, y = data.regression_points()
    fig, (tab_ax, ax) = gm.subplots(theme, 1, 2, height=2.6, width_ratios=(1, 2.6))
    fig.get_layout_engine().set(rect=(MARGIN_LEFT, 0, 1 - MARGIN_LEFT, 1 - MARGIN_TOP))

    # The table, drawn as text with rules above and below the header and at the foot: one row
    # per point, numbered like the labels of the scatter plot. Its heights are the plot's (x
    # across the table's own box, y up the plot's), so its top and foot rules line up with the
    # plot's top and its x axis.
    tab_ax.axis("off")
    at = blended_transform_factory(tab_ax.transAxes, ax.transAxes)
    header = ["$i$", "$x_i$", "$y_i$"]
    rows = [[f"{i + 1}", nb.text(xi, places=X_PLACES), nb.text(yi, places=Y_PLACES)]
            for i, (xi, yi) in enumerate(zip(x, y))]
    cols = (0.15, 0.5, 0.85)
    step = 1.0 / (len(rows) + HEADER_ROWS)
    head = 1.0 - HEADER_ROWS * step  # the rule under the header
    for c, (cx, h) in enumerate(zip(cols, header)):
        tab_ax.text(cx, (1.0 + head) / 2, h, ha="center", va="center", color=theme.text,
                    fontsize=theme.font_size, gid=f"cell-0-{c}", transform=at)
    for r, row in enumerate(rows, start=1):
        yc = head - (r - 0.5) * step
        for c, (cx, v) in enumerate(zip(cols, row)):
            tab_ax.text(cx, yc, v, ha="center", va="center", fontsize=theme.font_size,
                        color=theme.muted if c == 0 else theme.text, gid=f"cell-{r}-{c}",
                        transform=at)
    for yr, lw, gid in ((1.0, 1.0, "rule-top"), (head, 0.6, "rule-head"), (0.0, 1.0, "rule-foot")):
        tab_ax.plot([0.0, 1.0], [yr, yr], color=theme.muted, linewidth=lw,
                    solid_capstyle="butt", transform=at, gid=gid, clip_on=False)

    # The scatter plot, each point numbered.
    gm.style_axes(ax, theme)
    gm.scatter_points(ax, theme, x, y, s=26)
    for i, (xi, yi) in enumerate(zip(x, y)):
        ax.annotate(f"{i + 1}", (xi, yi), xytext=(0, 6), textcoords="offset points",
                    ha="center", va="bottom", fontsize=theme.small_size, color=theme.muted)
    gm.data_view(ax)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
