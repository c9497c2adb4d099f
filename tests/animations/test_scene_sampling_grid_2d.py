"""The sampling-grid-2d scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered

from gdcore import sampling
from scenes.sampling_grid_2d import BINS, DIMS, ROW_SECONDS, ROWS_SECONDS, SamplingGrid2d


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


def test_the_fine_square_is_the_slow_large_moment():
    """The fine square's row takes longer than the coarse one's, its rows longer than the whole
    coarse square, and it is drawn larger."""
    coarse, fine = BINS
    assert ROW_SECONDS[fine] > ROW_SECONDS[coarse]
    assert ROWS_SECONDS[fine] > ROW_SECONDS[coarse] + ROWS_SECONDS[coarse]
    scene = rendered(SamplingGrid2d)
    assert scene.panels[fine]["ax"].x_axis.width > scene.panels[coarse]["ax"].x_axis.width
