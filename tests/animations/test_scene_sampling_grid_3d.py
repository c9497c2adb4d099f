"""The sampling-grid-3d scene (frames: test_scene_frames.py): its lattice against gdcore."""

import numpy as np
from frames import rendered

from gdcore import sampling
from scenes.sampling_grid_3d import BINS, STEP_SECONDS, SamplingGrid3d


def ordered(points: np.ndarray) -> np.ndarray:
    """Points sorted by their last coordinate, then the ones before (read at 1e-6)."""
    key = np.round(points, 6)
    return points[np.lexsort(key.T)]


def test_lattice_is_gdcores_grid():
    scene = rendered(SamplingGrid3d)
    pts3 = sampling.grid_points(BINS, 3)
    assert len(pts3) == sampling.guess_count(BINS, 3) == 1000
    np.testing.assert_array_equal(scene.points3, pts3)
    # every lattice point is drawn once: the discs' centres are the projected points
    np.testing.assert_allclose(scene.drawn, scene.view.project(pts3)[0], atol=1e-12)
    centres = np.concatenate([m.points.reshape(-1, 32, 3).mean(axis=1)
                              for m in scene.layers if len(m.points)])
    assert len(centres) == 1000
    d = np.linalg.norm(centres[:, None, :2] - scene.drawn[None, :, :2], axis=2).min(axis=1)
    assert d.max() < 1e-3
    # the 2-D panel: 100 dots at the grid's points
    got = np.array([scene.ax2.p2c(c) for c in scene.dots2.drawn()])
    np.testing.assert_allclose(ordered(got), ordered(sampling.grid_points(BINS, 2)), atol=1e-9)


def test_counts_grow_tenfold_one_weight_at_a_time():
    """A line, a square, a cube: the count shown at each step is 10, 100, 1,000 (gdcore's
    guess_count for 1, 2, 3 weights) and is what is drawn then, at gdcore's grid points; each
    step is the one before times the bins."""
    scene = rendered(SamplingGrid3d)
    assert [d for d, _, _ in scene.stages] == [1, 2, 3]
    for dims, count, drawn in scene.stages:
        assert count == sampling.guess_count(BINS, dims) == BINS**dims
        grid = sampling.grid_points(BINS, 3)[:, :dims]
        # one weight: the line along w1 at the others' first values; two: the square on the
        # floor (w3 at its first value); three: the cube
        keep = np.all(sampling.grid_points(BINS, 3)[:, dims:] == grid.min(), axis=1) \
            if dims < 3 else np.ones(len(grid), bool)
        want = grid[keep]
        got = drawn
        if dims == 1:  # drawn in the square, at w2's first value
            np.testing.assert_allclose(drawn[:, 1], grid.min(), atol=1e-9)
            got = drawn[:, :1]
        assert len(got) == count
        np.testing.assert_allclose(ordered(got), ordered(want), atol=1e-9)
    counts = [c for _, c, _ in scene.stages]
    assert counts[1] == BINS * counts[0] and counts[2] == BINS * counts[1]


def test_each_step_slower_than_the_one_before():
    assert STEP_SECONDS[1] < STEP_SECONDS[2] < STEP_SECONDS[3]
