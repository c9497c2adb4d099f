"""The sampling-grid-2d scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered

from gdcore import sampling
from scenes.sampling_grid_2d import BINS, DIMS, SamplingGrid2d


def test_drawn_guesses_are_gdcores_grid():
    """Count the drawn points (not the labels): 100 and 10,000, at gdcore's grid points."""
    scene = rendered(SamplingGrid2d)
    coarse, fine = BINS
    assert sampling.guess_count(coarse, DIMS) == 100
    assert sampling.guess_count(fine, DIMS) == 10_000

    ax = scene.panels[coarse]["ax"]
    dots = [d for col in scene.coarse for d in col]
    assert len(dots) == 100
    centres = np.array([ax.p2c(d.get_center()) for d in dots])
    np.testing.assert_allclose(centres, sampling.grid_points(coarse, DIMS), atol=1e-9)
    assert all(d.get_fill_opacity() == 1 for d in dots)

    ax = scene.panels[fine]["ax"]
    squares = [sp for col in scene.fine for sp in col.get_subpaths()]
    assert len(scene.fine) == fine  # a few hundred mobjects at most, not 10,000
    assert len(squares) == 10_000
    # each subpath is one closed square (4 curves): the mean of its corners is its centre
    corners = [sp[::4][:4] for sp in squares]
    centres = np.array([ax.p2c(c.mean(axis=0)) for c in corners])
    np.testing.assert_allclose(centres, sampling.grid_points(fine, DIMS), atol=1e-9)
    assert all(col.get_fill_opacity() == 1 for col in scene.fine)

    # the live counters end at the counts
    assert scene.panels[coarse]["counter"].get_value() == 100
    assert scene.panels[fine]["counter"].get_value() == 10_000
