"""The chapter's equations

Every equation of the chapter, each typeset from the single source the figures and animations
share, in {groups} groups: the models, the cost, its partial derivatives and the gradient, the
update rules of gradient descent and of the optimizers (momentum, Nesterov, Adagrad, RMSprop,
Adadelta, Adam), the L2 penalty and the backpropagation equations, {n} in all. Each is also
written as a file of its own. Adadelta's ε sits inside both square roots, as in Zeiler's
definition RMS[x]ₜ = √(E[x²]ₜ + ε): the numerator's ε is what starts the first steps from zero
updates; Adagrad, RMSprop and Adam add theirs after the root, as their authors do.

Alt: {alt}
"""

import numpy as np
from matplotlib import rcParamsDefault
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from gdviz import equations
from gdviz import mpl as gm
from gdviz import theme as th

#: Size of the equations, in points: a little under the body text's (8.5 pt), so that the
#: sheet's rows, with room between them (ROW_GAP_IN), fit one page (theme.max_height).
EQ_SIZE_SHEET = 8.1
EQ_SIZE_SINGLE = 12.0
PAD_IN = 0.04  # margin around a single equation, inches
SIDE_IN = 0.1  # margin left of the group names and right of the widest row, inches
CELL_GAP_IN = 0.3  # least space between two equations of one row, inches
#: Space between a row's names and the top of its tallest equation, inches. The names of a row
#: stand on one line and its equations on one baseline under them, as a typesetter sets a row
#: of a table: the row reads level, whatever the heights of its equations.
NAME_GAP_IN = 0.035
#: Column lines of the sheet: one grid for every group, each equation starting on one of
#: its lines, so the columns align row to row and group to group. Three across the page's
#: width (each group's name heads it, on a rule that runs to the right margin), so that short
#: equations share a row and the rows have room between them; an equation wider than a column
#: spans two or three; a name longer than its equation's column is set on two lines, so the
#: cell keeps to one. An equation that would cross the right margin, or whose start would
#: leave a column empty between it and the cell before it (a name that ends just past a
#: column line), starts a row of its own: no hole in a row, no second grid.
GRID_COLUMNS = 3
HEAD_GAP_IN = 0.03  # space between a group's name and its first row, inches
RULE_GAP_IN = 0.08  # space between a group's name and the rule beside it, inches
#: Space between two rows of one group, inches: well over NAME_GAP_IN, so that a name reads
#: with the equation under it, never with the deep fraction of the row above.
ROW_GAP_IN = 0.07
#: Space between a group's last row and the next group's name, inches: more than between two
#: rows (ROW_GAP_IN), as a heading stands further from what ends before it than lines of one
#: block from each other, so the groups read as blocks.
GROUP_GAP_IN = 0.1
#: Space above the first group's name and below the last row, inches: the house margin, the
#: pad the layout engine leaves round every other still.
MARGIN_IN = rcParamsDefault["figure.constrained_layout.h_pad"]


def facts() -> dict:
    return {"n": len(equations.EQUATIONS), "groups": len(equations.GROUPS),
            "alt": equations.sheet_alt()}


def _flow(cells, width: float, columns: int = GRID_COLUMNS) -> list[list[tuple[float, tuple]]]:
    """Cells (name, equation, width, height, depth) flowed in reading order into rows `width`
    wide, each as (x, cell): every cell starts on one of `columns` column lines, so the columns
    line up from row to row and group to group; a cell starts the next row where the rest of
    its row is too narrow for it, or where it would leave a column empty after the cell
    before it."""
    unit = width / columns
    rows, x = [[]], 0.0
    for cell in cells:
        start = 0.0
        if rows[-1]:
            start = unit * np.ceil((x + CELL_GAP_IN) / unit - 1e-9)
            if start + cell[2] > width or _skips([[(0.0, (None, None, x)), (start, cell)]],
                                                  width, columns):
                rows.append([])
                start = 0.0
        rows[-1].append((start, cell))
        x = start + cell[2]
    return rows


def _skips(rows, width: float, columns: int = GRID_COLUMNS) -> bool:
    """Whether some row leaves a column empty between two of its cells: a cell that ends short
    of a column line but, with CELL_GAP_IN, pushes the next one past it (the column then
    holds the end of a name and no equation, and the table reads broken)."""
    unit = width / columns
    for row in rows:
        for (x0, c0), (x1, _) in zip(row, row[1:]):
            if x1 > unit * np.ceil((x0 + c0[2]) / unit - 1e-9) + 1e-9:
                return True
    return False


def _rows(cells, width: float) -> list[list[tuple[float, tuple]]]:
    """A group's cells laid out as a typeset table on the sheet's one grid (_flow)."""
    return _flow(cells, width, GRID_COLUMNS)


def _two_lines(words: str) -> str:
    """`words` broken at the space nearest their middle."""
    spaces = [k for k, ch in enumerate(words) if ch == " "]
    k = min(spaces, key=lambda k: abs(2 * k - len(words)))
    return words[:k] + "\n" + words[k + 1:]


def make_figure(theme):
    fig = gm.new_figure(theme, height=theme.max_height)
    fig.set_layout_engine("none")
    renderer = FigureCanvasAgg(fig).get_renderer()  # to measure the texts
    width = theme.text_width

    def inches(t):
        bb = t.get_window_extent(renderer)
        return bb.width / fig.dpi, bb.height / fig.dpi

    # measure every piece, then place it (in inches from the top, converted at the end)
    placed = []  # (artist, x in inches, y from the top in inches)
    rules = []  # y from the top of the rule above each group but the first
    y = MARGIN_IN
    name_h = inches(fig.text(0, 0, "Mg", fontsize=theme.small_size))[1]
    name_h2 = inches(fig.text(0, 0, "Mg\nMg", fontsize=theme.small_size))[1]  # two lines
    unit = (width - 2 * SIDE_IN) / GRID_COLUMNS
    head_h = inches(fig.text(0, 0, "Mg", fontsize=theme.font_size))[1]
    cap_h = inches(fig.text(0, 0, "M", fontsize=theme.font_size))[1]
    fig.texts.clear()
    for i, (group, eqs) in enumerate(equations.grouped()):
        if i:
            y += GROUP_GAP_IN
        head = fig.text(0, 0, th.title(group), ha="left", va="top", fontsize=theme.font_size,
                        color=theme.text, gid=f"group-{group}")
        placed.append((head, SIDE_IN, y))
        # the rule from the name to the right margin, level with the middle of its capitals
        rules.append((SIDE_IN + inches(head)[0] + RULE_GAP_IN, y + cap_h / 2))
        y += head_h + HEAD_GAP_IN
        cells = []
        for eq in eqs:
            name = fig.text(0, 0, eq.shown_name, ha="left", va="bottom",
                            fontsize=theme.small_size,
                            color=theme.muted, gid=f"name-{eq.key}")
            tex = fig.text(0, 0, equations.mathtext_tight(eq.key, operators=True), ha="left",
                           va="baseline", fontsize=EQ_SIZE_SHEET, color=theme.text,
                           gid=f"eq-{eq.key}")
            (wn, _), (we, he) = inches(name), inches(tex)
            if wn > unit - CELL_GAP_IN >= we and " " in eq.shown_name:
                # a name longer than its equation's column, on two lines: the cell keeps to
                # one column, and the row to the grid
                name.set_text(_two_lines(eq.shown_name))
                wn = inches(name)[0]
            below = -tex.get_window_extent(renderer).y0 / fig.dpi  # depth under the baseline
            cells.append((name, tex, max(wn, we), he, below))
        for r, row in enumerate(_rows(cells, width - 2 * SIDE_IN)):
            if r:
                y += ROW_GAP_IN
            # the names' last lines on one baseline (a one-line name beside a two-line one
            # sits on the second line, just over its equation); the equations on one
            # baseline, the tallest one's top NAME_GAP_IN under the names, room under it for
            # the deepest one
            ascent = max(c[3] - c[4] for _, c in row)
            names_h = name_h2 if any("\n" in c[0].get_text() for _, c in row) else name_h
            baseline = y + names_h + NAME_GAP_IN + ascent
            for x, (name, tex, *_) in row:
                placed.append((name, SIDE_IN + x, y + names_h))
                placed.append((tex, SIDE_IN + x, baseline))
            y = baseline + max(c[4] for _, c in row)
    total = y + MARGIN_IN
    fig.set_figheight(total)
    for artist, x, yt in placed:
        artist.set_position((x / width, 1 - yt / total))
    for x, yt in rules:
        fig.add_artist(Line2D(
            [x / width, 1 - SIDE_IN / width], [1 - yt / total] * 2, color=theme.grid,
            lw=0.6, gid="group-rule"))
    return fig


def equation_figure(theme, key: str, size: float = EQ_SIZE_SINGLE) -> Figure:
    """A Figure holding only equation `key`, sized to it (plus a small margin)."""
    fig = Figure(figsize=(1, 1))
    fig.set_layout_engine("none")
    t = fig.text(0.5, 0.5, equations.mathtext_tight(key, operators=True), ha="center",
                 va="center", fontsize=size, color=theme.text, gid=f"eq-{key}")
    bb = t.get_window_extent(FigureCanvasAgg(fig).get_renderer())
    fig.set_size_inches(bb.width / fig.dpi + 2 * PAD_IN, bb.height / fig.dpi + 2 * PAD_IN)
    return fig


def extra_figures(theme) -> dict[str, Figure]:
    """One tight Figure per equation, keyed by the equation's key."""
    with gm.themed(theme):
        return {key: equation_figure(theme, key) for key in equations.EQUATIONS}


if __name__ == "__main__":
    gm.main(__file__)
