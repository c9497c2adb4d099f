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

#: Size of the equations, in points: the small text's (7.5 pt, the names' size), so that the
#: sheet's two columns of groups hold the widest update rules (Adadelta's) within their column.
EQ_SIZE_SHEET = 7.5
EQ_SIZE_SINGLE = 12.0
PAD_IN = 0.04  # margin around a single equation, inches
SIDE_IN = 0.1  # margin left of the group names and right of the widest row, inches
CELL_GAP_IN = 0.3  # least space between two equations of one row, inches
#: The sheet's two columns, side by side, GUTTER_IN apart, read down the left one then the
#: right one: the groups in their reading order (equations.GROUPS), the update rules running
#: on from the foot of the left column to the head of the right, from COLUMN_BREAK on, under
#: their name again ("Update rules (continued)"). Whole groups cannot share the rows evenly
#: (the update rules' eleven rows are half the sheet): the left column once held the
#: backpropagation before the update rules, against the reading order. COLUMN_BREAK is the
#: break that leaves the two columns most nearly level (tests/test_figures_networks.py).
N_COLUMNS = 2
COLUMN_BREAK = "nesterov"
GUTTER_IN = 0.3
#: Column lines of each column of groups: every equation starts on one, so the columns align
#: row to row and group to group; an equation (or its name) wider than a column spans the
#: next; an equation that would cross the column's right edge, or whose start would leave a
#: column empty between it and the cell before it, starts a row of its own: no hole in a row.
GRID_COLUMNS = 2
#: The sheet's rows, set as a typesetter sets a table of formulae, by the white between them:
#: a row's names stand on one line NAME_GAP_IN over its tallest equation, its equations on one
#: baseline, the row's, under them (a row's name-to-baseline distance is its tallest ascent and
#: NAME_GAP_IN, one for all its cells); the next row's names ROW_GAP_IN under its deepest
#: descent; a group's last row GROUP_GAP_IN over the next group's name. Set one distance
#: under their names in every row (the sheet's tallest ascent, Adadelta's step), the flat
#: equations stood 0.16 in under their names, nearer the row below than their own name; set
#: one pitch apart in each group, the same 0.16 in stood over the names instead.
NAME_GAP_IN = 0.035
HEAD_GAP_IN = 0.03  # space between a group's name and its first row, inches
RULE_GAP_IN = 0.08  # space between a group's name and the rule beside it, inches
#: Space between two rows of one group, inches: well over NAME_GAP_IN, so that a name reads
#: with the equation under it, never with the deep fraction of the row above.
ROW_GAP_IN = 0.07
#: Space between a group's last row and the next group's name, inches: more than between two
#: rows (ROW_GAP_IN), as a heading stands further from what ends before it than lines of one
#: block from each other, so the groups read as blocks.
GROUP_GAP_IN = 0.12
#: Space above the first group's name and below the last row, inches: the house margin, the
#: pad the layout engine leaves round every other still.
MARGIN_IN = rcParamsDefault["figure.constrained_layout.h_pad"]


def facts() -> dict:
    return {"n": len(equations.EQUATIONS), "groups": len(equations.GROUPS),
            "alt": equations.sheet_alt(N_COLUMNS, COLUMN_BREAK)}


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
    """A group's cells laid out as a typeset table on its column's grid (_flow)."""
    return _flow(cells, width, GRID_COLUMNS)


def columns(cells: dict) -> list[list[tuple[str, list, bool]]]:
    """`cells` (by group, in reading order) in the sheet's columns: each column a list of
    (group, its cells there, whether the group runs on from the column before), the right
    column from COLUMN_BREAK's equation on."""
    out, at = [[]], None
    for group, part in cells.items():
        keys = [_key(c) for c in part]
        if COLUMN_BREAK in keys:
            at = keys.index(COLUMN_BREAK)
            if at:
                out[-1].append((group, part[:at], False))
            out.append([(group, part[at:], at > 0)])
        else:
            out[-1].append((group, part, False))
    assert at is not None and len(out) == N_COLUMNS, COLUMN_BREAK
    return out


def _key(cell) -> str:
    """The key of a measured cell's equation (its text's gid, eq-<key>)."""
    return cell[1].get_gid()[3:]


def column_width(theme) -> float:
    """The width of one column of groups, inches (the page's, less the margins and gutters)."""
    n = N_COLUMNS
    return (theme.text_width - 2 * SIDE_IN - (n - 1) * GUTTER_IN) / n


def make_figure(theme):
    fig = gm.new_figure(theme, height=theme.max_height)
    fig.set_layout_engine("none")
    renderer = FigureCanvasAgg(fig).get_renderer()  # to measure the texts
    width = theme.text_width
    col_w = column_width(theme)

    def inches(t):
        bb = t.get_window_extent(renderer)
        return bb.width / fig.dpi, bb.height / fig.dpi

    name_h = inches(fig.text(0, 0, "Mg", fontsize=theme.small_size))[1]
    head_h = inches(fig.text(0, 0, "Mg", fontsize=theme.font_size))[1]
    cap_h = inches(fig.text(0, 0, "M", fontsize=theme.font_size))[1]
    fig.texts.clear()
    # measure every equation: (name, equation, width, ascent, depth), by group
    cells = {}
    for group, eqs in equations.grouped():
        cells[group] = []
        for eq in eqs:
            name = fig.text(0, 0, eq.shown_name, ha="left", va="bottom",
                            fontsize=theme.small_size, color=theme.muted, gid=f"name-{eq.key}")
            tex = fig.text(0, 0, equations.mathtext_tight(eq.key, operators=True), ha="left",
                           va="baseline", fontsize=EQ_SIZE_SHEET, color=theme.text,
                           gid=f"eq-{eq.key}")
            (wn, _), (we, he) = inches(name), inches(tex)
            depth = -tex.get_window_extent(renderer).y0 / fig.dpi  # under the baseline
            cells[group].append((name, tex, max(wn, we), he - depth, depth))

    def drop(row) -> float:
        """A row's names' foot to its baseline: NAME_GAP_IN over its tallest equation."""
        return NAME_GAP_IN + max(c[3] for _, c in row)

    # place every piece (in inches from the top, converted at the end)
    placed = []  # (artist, x in inches, y from the top in inches)
    rules = []  # (x0, x1, y from the top) of the rule beside each group's name
    ends = []  # where each column's ink ends, from the top
    for k, column in enumerate(columns(cells)):
        left = SIDE_IN + k * (col_w + GUTTER_IN)
        y = MARGIN_IN
        for i, (group, part, continued) in enumerate(column):
            if i:
                y += GROUP_GAP_IN
            words = th.title(group) + (" (continued)" if continued else "")
            head = fig.text(0, 0, words, ha="left", va="top", fontsize=theme.font_size,
                            color=theme.text,
                            gid=f"group-{group}" + ("-continued" if continued else ""))
            placed.append((head, left, y))
            # the rule from the name to the column's right edge, level with its capitals
            rules.append((left + inches(head)[0] + RULE_GAP_IN, left + col_w, y + cap_h / 2))
            y += head_h + HEAD_GAP_IN
            rows = _rows(part, col_w)
            # the first row's names HEAD_GAP_IN under the group's name, each next row's
            # ROW_GAP_IN under the deepest descent of the row above
            line = y + name_h + drop(rows[0])
            for r, row in enumerate(rows):
                if r:
                    line += (max(c[4] for _, c in rows[r - 1]) + ROW_GAP_IN + name_h
                             + drop(row))
                for x, (name, tex, *_) in row:
                    placed.append((name, left + x, line - drop(row)))
                    placed.append((tex, left + x, line))
            y = line + max(c[4] for _, c in rows[-1])  # the last row's deepest descent
        ends.append(y)
    bottom = max(ends)
    total = bottom + MARGIN_IN
    fig.set_figheight(total)
    for artist, x, yt in placed:
        artist.set_position((x / width, 1 - yt / total))
    for x0, x1, yt in rules:
        fig.add_artist(Line2D([x0 / width, x1 / width], [1 - yt / total] * 2, color=theme.grid,
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
