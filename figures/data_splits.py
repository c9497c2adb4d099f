"""Training, validation and test sets

The {n} samples are shuffled once (seed {seed}) and cut into parts, each with one job. Top: a
two-way split, {tr2} samples to train on and {te2} held back for testing. Bottom: a validation
set of {va3} samples is carved out of the training part ({tr3} remain to fit the weights), so
that choosing the hyper-parameters never looks at the {te3} test samples; their only use is the
final score.

Alt: Two horizontal bars, each {n} samples long. The upper bar has a training segment of {tr2}
samples, labelled "fits the weights", and a test segment of {te2}, labelled "reports the score".
Under each segment sits the mark its samples take in the other figures: a filled blue dot for
training, a hollow orange diamond for validation, a hollow lavender diamond for test; a note
under the bars says so. Under the upper bar's training segment, and as wide, the lower bar
divides the same span into {tr3} training samples and {va3} validation samples, labelled
"chooses the hyper-parameters"; a thin grey line runs down from the upper training segment,
broken by the words "The training part cut again: training and validation sets", to a bracket
over the lower bar's training and validation segments together. The test segment of {te3}
samples is the same in both bars, one under the other, joined by a thin grey line broken by
the words "The same test samples".
"""

from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from gdcore import data
from gdviz import mpl as gm
from gdviz import theme as th

N = 100
TWO_WAY = (0.8, 0.2)
THREE_WAY = (0.6, 0.2, 0.2)
SEED = 0

BAR_H = 0.42
Y_TOP, Y_BOTTOM = 1.6, 0.0
#: Room (in samples) left and right of the bars, so that they stop short of the page's edges.
MARGIN = 4.0
#: The connectors: their stroke (points, the house's thin connector), the space they keep
#: from the words they pass (points), and, over the lower bar (data), the bracket's rule and
#: the level where its feet and the test's stem stop.
CONNECTOR = 0.6
CLEAR = 3.0
BRACKET_RISE, FOOT_GAP = 0.1, 0.03


def splits():
    """The two splits of range(N), as tuples of index arrays (seeded, from gdcore)."""
    return data.split_indices(N, TWO_WAY, SEED), data.split_indices(N, THREE_WAY, SEED)


def facts() -> dict:
    two, three = splits()
    return {"n": N, "seed": SEED, "tr2": two[0].size, "te2": two[1].size, "tr3": three[0].size,
            "va3": three[1].size, "te3": three[2].size}


JOBS = {"training": "fits the weights", "validation": "chooses the\nhyper-parameters",
        "test": "reports the score"}


def roles(theme):
    """(name, job, fill colour, text colour) of the training, validation and test parts, in
    the colours of theme.DATA_ROLES; each name in whichever of ink and the page colour stands
    out more on its part's colour."""
    out = {}
    for name, job in JOBS.items():
        fill = theme.role(th.DATA_ROLES[name][0])
        ink = max((theme.text, theme.background), key=lambda c: th.contrast(c, fill))
        out[name] = (name, job, fill, ink)
    return out


def mark(theme, name: str) -> dict:
    """The mark of a part's samples (theme.DATA_ROLES): the data dot or a held-out diamond."""
    role, kind = th.DATA_ROLES[name]
    return theme.marker("data") if kind == "data" else theme.held_out(role)


def _bar(ax, theme, y, parts, names):
    """Draw one bar of consecutive segments sized by the parts; return their (x0, x1) spans."""
    spans, x0 = [], 0
    for idx, name in zip(parts, names):
        label, job, fill, ink = roles(theme)[name]
        w = idx.size
        rect = Rectangle((x0, y - BAR_H / 2), w, BAR_H, facecolor=fill, edgecolor="none",
                         zorder=2)
        rect.set_gid(name)
        ax.add_patch(rect)
        ax.text(x0 + w / 2, y, f"{label}: {w}", ha="center", va="center", color=ink,
                fontsize=theme.font_size, zorder=3)
        # the mark its samples take in every other figure, then the part's job
        ax.plot([x0 + w / 2], [y - BAR_H / 2 - 0.11], gid=f"{name}-mark", **mark(theme, name))
        ax.text(x0 + w / 2, y - BAR_H / 2 - 0.2, job, ha="center", va="top",
                color=theme.text, fontsize=theme.small_size)
        spans.append((x0, x0 + w))
        x0 += w
    # a cut in the page's colour between neighbouring parts (the bar's outer ends stay exact,
    # where the guides meet them)
    ax.vlines([a for a, _ in spans[1:]], y - BAR_H / 2, y + BAR_H / 2, colors=theme.background,
              linewidth=1.5, zorder=2.5)
    return spans


def make_figure(theme):
    two, three = splits()
    fig, ax = gm.subplots(theme, height=2.6)
    top = _bar(ax, theme, Y_TOP, two, ("training", "test"))
    bottom = _bar(ax, theme, Y_BOTTOM, three, ("training", "validation", "test"))

    ax.text(N / 2, Y_TOP + BAR_H / 2 + 0.1,
            f"{N} samples, shuffled, cut into a training and a test set",
            ha="center", va="bottom", color=theme.text, fontsize=theme.font_size)
    # The bottom bar's training + validation span is the top bar's training part, re-cut, and
    # its test part the top one's: two connectors of one form, thin and muted, each from under
    # an upper part's job down to the lower bar, broken by the words that say what it joins.
    # Both start at one level (CLEAR under the jobs), end at one level (the re-cut's bracket
    # feet and the test's stem over the lower bar), and their words stand on one baseline,
    # centred between the upper jobs and the bracket, CLEAR from each stem's ends, in one
    # style: the lower bar's headings, in ink at the text size, in sentence case (the test's
    # once small and grey beside the re-cut's, two looks for one kind of label).
    x_cut, x_test = (sum(top[0]) / 2, sum(top[1]) / 2)
    said = ax.text(x_cut, 0, "The training part cut again: training and validation sets",
                   ha="center", va="baseline", color=theme.text, fontsize=theme.font_size)
    same = ax.text(x_test, 0, "The same test samples", ha="center", va="baseline",
                   color=theme.text, fontsize=theme.font_size)
    jobs = [t for t in ax.texts if t.get_text() == JOBS["training"] and
            t.get_position()[1] > Y_BOTTOM + BAR_H]
    # what the marks under the parts are: words for what is drawn (a key of glyphs would
    # stand for samples the figure does not draw)
    ax.text(N / 2, Y_BOTTOM - BAR_H / 2 - 0.68,
            "Under each part, the mark its samples take in the other figures",
            ha="center", va="top", color=theme.muted, fontsize=theme.small_size,
            gid="marks-note")
    ax.set_xlim(-MARGIN, N + MARGIN)
    ax.set_ylim(Y_BOTTOM - BAR_H / 2 - 0.95, Y_TOP + BAR_H / 2 + 0.52)
    ax.axis("off")
    gm.freeze_layout(fig, theme)  # the layout fixes the data's scale: the words are measured
    r = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()

    def extent(text):
        """(bottom, top) of a text's box, in data."""
        box = text.get_window_extent(r).transformed(to_data)
        return box.y0, box.y1

    clear = CLEAR * fig.dpi / 72 * (to_data.transform((0, 1))[1] - to_data.transform((0, 0))[1])
    y_from = extent(jobs[0])[0] - clear
    y_to = Y_BOTTOM + BAR_H / 2
    y_brace, foot = y_to + BRACKET_RISE, y_to + FOOT_GAP  # the bracket's rule and its feet
    (d0, d1), (s0, s1) = extent(said), extent(same)
    y_base = (y_from + y_brace) / 2 - (d0 + d1) / 2  # the baseline: the words' middle halfway
    for text in (said, same):
        text.set_y(y_base)
    (x0, _), (_, x1) = bottom[0], bottom[1]
    ax.add_collection(LineCollection(
        [[(x_cut, y_from), (x_cut, y_base + d1 + clear)],
         [(x_cut, y_base + d0 - clear), (x_cut, y_brace)],
         [(x0, foot), (x0, y_brace), (x1, y_brace), (x1, foot)]],
        colors=theme.muted, linewidths=CONNECTOR, capstyle="butt", joinstyle="miter",
        gid="re-cut"))
    ax.add_collection(LineCollection(
        [[(x_test, y_from), (x_test, y_base + s1 + clear)],
         [(x_test, y_base + s0 - clear), (x_test, foot)]],
        colors=theme.muted, linewidths=CONNECTOR, capstyle="butt", gid="same-test"))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
