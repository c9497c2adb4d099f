"""The sampling-grid-2d scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered

from gdcore import sampling
from scenes.sampling_grid_2d import (
    BINS,
    CELL_ROWS_SHARE,
    DIMS,
    HEAD_CLEARANCE,
    ROW_SECONDS,
    ROWS_SECONDS,
    TITLES_APART,
    W2_AT,
    W2_GAP,
    SamplingGrid2d,
)


def ordered(points: np.ndarray) -> np.ndarray:
    """Points sorted by w2 then w1 (read at 1e-6, so that drawing's rounding keeps the order)."""
    key = np.round(points, 6)
    return points[np.lexsort((key[:, 0], key[:, 1]))]


def test_drawn_guesses_are_gdcores_grid():
    """Count the drawn points (not the labels): 100 and 10,000, at gdcore's grid points."""
    scene = rendered(SamplingGrid2d)
    coarse, fine = BINS
    assert sampling.guess_count(coarse, DIMS) == 100
    assert sampling.guess_count(fine, DIMS) == 10_000
    for bins in BINS:
        rows = scene.panels[bins]["rows"]
        assert len(rows) == bins  # one mobject per row: 100 mobjects for 10,000 guesses
        got = scene.drawn(bins)
        assert len(got) == sampling.guess_count(bins, DIMS)
        np.testing.assert_allclose(ordered(got), ordered(sampling.grid_points(bins, DIMS)),
                                   atol=1e-9)
        assert all(row.get_fill_opacity() == 1 for row in rows)
        assert scene.panels[bins]["counter"].get_value() == sampling.guess_count(bins, DIMS)


def test_counts_are_staged_one_row_then_the_square():
    """Each square fills in two counted stages: its first row (bins guesses, at w2's first
    value, all w1 values), then the square (bins² guesses); the count shown is what is drawn."""
    scene = rendered(SamplingGrid2d)
    stages = [(b, s) for b, s, _, _ in scene.stages]
    assert stages == [(BINS[0], "row"), (BINS[0], "rows"), (BINS[1], "row"), (BINS[1], "rows")]
    for bins, stage, count, drawn in scene.stages:
        grid = sampling.grid_points(bins, DIMS)
        if stage == "row":
            assert count == bins == sampling.guess_count(bins, 1)
            want = grid[grid[:, 1] == grid[:, 1].min()]
        else:
            assert count == sampling.guess_count(bins, DIMS)
            want = grid
        assert len(drawn) == count
        np.testing.assert_allclose(ordered(drawn), ordered(want), atol=1e-9)


def test_the_fine_square_is_the_slow_moment_on_the_same_square():
    """The two squares are the same [0, 1]² drawn at the same size on one baseline (their
    tick rows on one line); the fine square's row and rows take longer than the coarse
    one's, its whole fill (row, magnified cell, rows) longer than the coarse square's."""
    coarse, fine = BINS
    assert ROW_SECONDS[fine] > ROW_SECONDS[coarse]
    assert ROWS_SECONDS[fine] > ROWS_SECONDS[coarse]
    scene = rendered(SamplingGrid2d)
    axes = [scene.panels[b]["ax"] for b in BINS]
    for ax in axes:
        low, high = ax.c2p(0, 0), ax.c2p(1, 1)
        np.testing.assert_allclose(high[0] - low[0], high[1] - low[1], atol=1e-9)  # a square
    sides = [ax.c2p(1, 0)[0] - ax.c2p(0, 0)[0] for ax in axes]
    np.testing.assert_allclose(sides[0], sides[1], atol=1e-9)
    np.testing.assert_allclose(axes[0].c2p(0, 0)[1], axes[1].c2p(0, 0)[1], atol=1e-9)
    np.testing.assert_allclose(*(ax.x_axis.numbers.get_bottom()[1] for ax in axes), atol=1e-9)
    # the fine cell is 2 whole pixels of 480p (60 px per scene unit), each guess centred on a
    # pixel (never on a pixel's edge, smeared over two): an even screen of dots
    cell_px = sides[1] / fine * 60
    assert np.isclose(cell_px, round(cell_px)) and round(cell_px) == 2
    centres = scene.panels[fine]["rows"].centres.reshape(-1, 3)
    width = 8.0 * 16 / 9
    px = np.column_stack([(centres[:, 0] + width / 2) * 854 / width, (4.0 - centres[:, 1]) * 60])
    assert np.abs(px % 1.0 - 0.5).max() < 0.2
    assert scene.fill_seconds[fine] > scene.fill_seconds[coarse]
    assert ROW_SECONDS[fine] + ROWS_SECONDS[fine] >= 6.0  # the fill: the scene's moment
    # the inset carries the slow part (the magnified cell's rows); the square's other rows,
    # where only its tint and the count move, rise in 1.5 s or less (never a stretch over 2 s
    # of a counter alone: they took 2.5 s)
    assert ROWS_SECONDS[fine] * (1 - CELL_ROWS_SHARE) <= 1.5
    assert ROWS_SECONDS[fine] * CELL_ROWS_SHARE >= 2.0
    fine_rows = scene.stages.index(next(s for s in scene.stages if s[:2] == (fine, "rows")))
    assert fine_rows == 3
    # each fine guess a dot of 1.5 px on its 2 px cell: a dense screen of points that reads at
    # 480p (at 1 px it read as a flat pale wash), the dots still apart
    shapes = scene.panels[fine]["rows"].shapes
    diameter = np.ptp(shapes[0, 0, :, 0]) * 60
    assert 1.4 <= diameter <= 1.6


def test_the_note_on_the_fine_cells_stands_under_the_inset():
    """'10 × 10 = 100 fine guesses' under the inset of the cell it describes, at its right
    edge, inside the 36 px margin, 27 px or more from the w1 label on its row (nearer, "w1"
    and "10 × 10" read as one line); the inset larger than its first 2.1 units, inside the
    36 px margin, its title 12 px or more under the count line, over the w1 label."""
    coarse, fine = BINS
    scene = rendered(SamplingGrid2d)
    frame = scene.zoom["frame"]
    per_side = fine // coarse
    assert per_side**2 == sampling.guess_count(fine, DIMS) // sampling.guess_count(coarse, DIMS)
    assert scene.note[0].get_tex_string() == rf"{per_side} \times {per_side} = {per_side**2}"
    np.testing.assert_allclose(scene.note.get_right()[0], frame.get_right()[0], atol=1e-9)
    assert 0.1 <= frame.get_bottom()[1] - scene.note.get_top()[1] <= 0.3
    assert scene.note.get_bottom()[1] >= -4.0 + 0.6
    assert scene.note.get_right()[0] <= 7.11 - 0.6
    w1 = scene.panels[fine]["ax"].labels[0]
    assert scene.note.get_left()[0] - w1.get_right()[0] >= 27 / 60
    assert frame.width > 2.1 and frame.get_right()[0] <= 7.11 - 0.6
    assert frame.get_bottom()[1] > w1.get_top()[1]
    head = scene.panels[fine]["title"]
    assert head.get_bottom()[1] - scene.zoom["title"].get_top()[1] >= 12 / 60
    assert scene.note in scene.mobjects


def test_the_count_lines_stand_clear_of_the_top_ticks_and_the_title():
    """Each square's count line, at its widest (bins² = count written), stands HEAD_CLEARANCE
    above the 1.0 tick number under its left end and below the title, inside the margin."""
    scene = rendered(SamplingGrid2d)
    title_bottom = min(m.get_bottom()[1] for m in scene.mobjects
                       if getattr(m, "original_text", "").startswith("Brute force"))
    for bins in BINS:
        head, ax = scene.panels[bins]["title"], scene.panels[bins]["ax"]
        assert head.prefix is not None  # the widest line: bins² = count
        top_tick = max(ax.y_axis.numbers, key=lambda n: n.get_top()[1])
        assert head.get_bottom()[1] - top_tick.get_top()[1] >= HEAD_CLEARANCE
        assert title_bottom - head.get_top()[1] >= 0.05
        assert head.get_right()[0] <= 7.11 - 0.4 and head.get_left()[0] >= -7.11 + 0.4
    # the two count lines, at their widest, apart by TITLES_APART ems or more (an em dash's
    # width in their type), the coarse one starting over its w2 label, the fine one over its
    # square's left edge
    heads = [scene.panels[b]["title"] for b in BINS]
    em = scene.text("\u2014", 24).width
    assert heads[1].get_left()[0] - heads[0].get_right()[0] >= TITLES_APART * em
    coarse, fine = BINS
    np.testing.assert_allclose(heads[0].get_left()[0],
                               scene.panels[coarse]["ax"].labels[-1].get_left()[0], atol=1e-9)
    np.testing.assert_allclose(heads[1].get_left()[0], scene.panels[fine]["ax"].c2p(0, 1)[0],
                               atol=1e-9)


def test_guesses_are_dots_in_the_panels_and_the_magnified_row():
    """Every guess is drawn as a disc (its outline's points all at one distance from its
    centre), the fine ones as the coarse ones."""
    scene = rendered(SamplingGrid2d)
    for bins in BINS:
        shapes = scene.panels[bins]["rows"].shapes
        r = np.linalg.norm(shapes - shapes.mean(axis=2, keepdims=True), axis=3)
        anchors = r[..., np.arange(r.shape[-1]) % 4 % 3 == 0]  # each cubic's two ends
        np.testing.assert_allclose(anchors, anchors[0, 0, 0], rtol=1e-6)


def test_the_magnifier_shows_a_cell_filling_with_the_square_outside_it():
    """While the fine rows rise, the inset of the bottom-right cell fills with them: at the end
    of the rise it holds the cell's (fine / coarse)² guesses, at gdcore's grid points (read back
    through the magnification). The inset stands right of the fine square and its w1 label,
    inside the margin, never over the square it magnifies; its title above it."""
    coarse, fine = BINS
    scene = rendered(SamplingGrid2d)
    grid = sampling.grid_points(fine, DIMS)
    cell = grid[(grid[:, 0] > 1.0 - 1.0 / coarse) & (grid[:, 1] < 1.0 / coarse)]
    assert len(cell) == (fine // coarse) ** 2 == len(scene.zoom_drawn)
    np.testing.assert_allclose(ordered(scene.zoom_drawn), ordered(cell), atol=1e-9)
    ax, frame = scene.panels[fine]["ax"], scene.zoom["frame"]
    # the fine row starts in the magnified cell (its first guesses are the cell's, shown one
    # by one in the inset while the count runs), and runs right to left
    first = np.array([ax.p2c(c) for c in scene.panels[fine]["rows"].centres[0, :fine // coarse]])
    assert (first[:, 0] > 1.0 - 1.0 / coarse).all()
    assert (np.diff(first[:, 0]) < 0).all()
    w1 = ax.labels[0]
    assert w1.get_tex_string() == "w_1"
    # right of the square, over its w1 label (24 px above it), clear of the frame's edge
    assert frame.get_left()[0] - ax.c2p(1, 0)[0] >= 0.2
    assert frame.get_bottom()[1] - w1.get_top()[1] >= 0.4
    assert frame.get_right()[0] <= 7.11 - 0.6
    assert frame.get_bottom()[1] > ax.c2p(0, 0)[1] and frame.get_top()[1] < ax.c2p(0, 1)[1]
    # the magnified guesses: the cell's, ZOOM times apart, as dots inside the inset
    dots = scene.zoom["dots"].drawn()
    assert len(dots) == len(cell)
    assert (dots[:, 0] > frame.get_left()[0]).all() and (dots[:, 0] < frame.get_right()[0]).all()
    title = scene.zoom["title"]
    assert 0.1 <= title.get_bottom()[1] - frame.get_top()[1] <= 0.3
    assert title in scene.mobjects
    # the leaders from the cell's right corners (never over the square's fill); the lower one
    # (a straight line) passes 9 px or more above the w1 label
    upper, lower = scene.zoom["lines"]
    small = scene.zoom["small"]
    assert min(upper.get_start()[0], lower.get_start()[0]) >= small.get_right()[0] - 1e-9
    (x0, y0), (x1, y1) = lower.get_start()[:2], lower.get_end()[:2]
    assert x0 < w1.get_left()[0] < x1
    at = y0 + (y1 - y0) * (w1.get_left()[0] - x0) / (x1 - x0)
    assert at - w1.get_top()[1] >= 9 / 60


def test_axes_read_from_0_with_w2_between_its_numbers():
    """One 0 at each square's corner (left of the y axis's numbers' column, in the x axis's
    numbers' row); w2 W2_GAP left of its numbers' column, at W2_AT between its 0.5 and its 1,
    on no number's row (8 px or more clear of each: beside the 1, "w2 1" read as one token), inside
    the margin and clear of the count line above it."""
    scene = rendered(SamplingGrid2d)
    for bins in BINS:
        ax, head = scene.panels[bins]["ax"], scene.panels[bins]["title"]
        zeros = [m for m in ax.submobjects if getattr(m, "tex_string", None) == "0"]
        assert len(zeros) == 1
        zero = zeros[0]
        np.testing.assert_allclose(zero.get_center()[1], ax.x_axis.numbers[0].get_center()[1])
        assert zero.get_right()[0] < ax.c2p(0, 0)[0] and zero.get_top()[1] < ax.c2p(0, 0)[1]
        w2 = ax.labels[-1]
        assert w2.get_tex_string() == "w_2"
        half, top = ax.y_axis.numbers  # 0.5 and 1
        np.testing.assert_allclose(w2.get_center()[1], ax.c2p(0, W2_AT)[1], atol=1e-9)
        assert 0.5 < W2_AT < 1
        assert top.get_bottom()[1] - w2.get_top()[1] >= 8 / 60
        assert w2.get_bottom()[1] - half.get_top()[1] >= 8 / 60
        column = min(half.get_left()[0], top.get_left()[0])
        np.testing.assert_allclose(column - w2.get_right()[0], W2_GAP, atol=1e-9)
        assert w2.get_left()[0] >= -7.11 + 0.4  # inside the 24 px margin
        apart = (head.get_bottom()[1] - w2.get_top()[1] >= 0.1
                 or head.get_left()[0] - w2.get_right()[0] >= 0.2)
        assert apart
