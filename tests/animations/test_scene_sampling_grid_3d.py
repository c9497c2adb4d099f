"""The sampling-grid-3d scene (frames: test_scene_frames.py): its lattice against gdcore."""

import numpy as np
from frames import rendered

from gdcore import sampling
from scenes.sampling_grid_3d import BINS, SamplingGrid3d


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
    pts2 = sampling.grid_points(BINS, 2)
    got = np.array([scene.ax2.p2c(d.get_center()) for d in scene.dots2])
    np.testing.assert_allclose(got, pts2, atol=1e-9)
