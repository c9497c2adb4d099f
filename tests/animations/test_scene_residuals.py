"""The residuals scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered
from manim import DashedLine

from gdcore import data, regression
from scenes.residuals import PLACES, STAGE, Residuals


def test_segments_and_squares_are_gdcores_residuals():
    """Dashed segments join (x_i, y_i) to (x_i, f(x_i)); the squares have side |r_i|; J."""
    scene = rendered(Residuals)
    ax = scene.ax
    x, y = data.regression_points()
    m, b = data.CANDIDATES[data.RESIDUALS_CANDIDATE]
    pred = regression.predict(m, b, x)
    r = regression.residuals(m, b, x, y)
    assert len(scene.bars) == len(x) == 7
    assert all(isinstance(bar, DashedLine) for bar in scene.bars)  # the house residual
    for bar, xi, yi, pi in zip(scene.bars, x, y, pred):
        np.testing.assert_allclose(ax.p2c(bar.get_start()), [xi, yi], atol=1e-9)
        np.testing.assert_allclose(ax.p2c(bar.get_end()), [xi, pi], atol=1e-9)
    # one scale on both axes, so a side of |r_i| axis units encloses an area of r_i^2
    unit = ax.x_axis.unit_size
    assert np.isclose(unit, ax.y_axis.unit_size)
    assert len(scene.row) == 7
    # the row is drawn STAGE times larger for the key moment: one uniform scale for all
    unit = unit * STAGE
    for sq, ri in zip(scene.row, r):
        np.testing.assert_allclose([sq.width / unit, sq.height / unit], [abs(ri)] * 2,
                                   atol=1e-9)
    # the strip: its pieces keep the squares' areas, so its area is the sum of squares
    for piece, si in zip(scene.pieces, r**2):
        np.testing.assert_allclose(piece.width * piece.height / unit**2, si, atol=1e-9)
    np.testing.assert_allclose(scene.strip.width * scene.strip.height / unit**2,
                               np.sum(r**2), atol=1e-9)
    # one precision (PLACES) for every number: the squares shown add up to the sum shown
    assert PLACES == 3
    shown = [float(lab.get_tex_string()) for lab in scene.row_labels]
    np.testing.assert_allclose(shown, np.round(r**2, PLACES), atol=1e-12)
    assert f"{sum(shown):.3f}" == f"{np.sum(r**2):.3f}" == "1.122"
    assert scene.sum_eq.get_tex_string().endswith("= 1.122")
    # cut into 7 equal parts: each is a square of area the mean (≈ 0.1602)
    assert len(scene.parts) == 7
    for part in scene.parts:
        np.testing.assert_allclose([part.width / unit, part.height / unit],
                                   [np.sqrt(np.mean(r**2))] * 2, atol=1e-9)
    assert scene.mean_eq.get_tex_string().endswith("= 0.160")
    # the mean square's area is the mean of the squares, and J is half of it (≈ 0.0801)
    side = scene.mean_square.width / unit
    np.testing.assert_allclose(side**2, np.mean(r**2), atol=1e-9)
    j = regression.cost(m, b, x, y)
    np.testing.assert_allclose(side**2 / 2, j, atol=1e-9)
    np.testing.assert_allclose(scene.half.width * scene.half.height / unit**2, j, atol=1e-9)
    assert f"{j:.3f}" == "0.080"
    assert scene.j_eq.get_tex_string().endswith(f"= {j:.3f}")
    # the numbers keep their size on the stage: as tall as when they were set
    assert all(np.isclose(lab.height, rest.height)
               for lab, rest in zip(scene.row_labels, scene.row_at_rest[1]))


def test_each_square_flies_clear_of_the_squares_already_placed():
    """The row fills from the right: a square moving straight from its segment to its slot
    stays left of the slot's right edge, and everything placed before it (the squares to its
    right and their numbers) starts beyond that edge."""
    scene = rendered(Residuals)
    row, labels = scene.row_at_rest
    for i in range(len(row)):
        start = scene.square_for(i)  # where square i is born, on its dashed segment
        assert start.get_right()[0] <= row[i].get_right()[0] + 1e-9
        placed = [*row[i + 1:], *labels[i + 1:]]
        edge = row[i].get_right()[0]
        assert all(m.get_left()[0] > edge for m in placed)
        # the row reads in the points' order, each number under its own square
        np.testing.assert_allclose(labels[i].get_x(), scene.slot_centres[i], atol=1e-9)
        np.testing.assert_allclose(row[i].get_x(), scene.slot_centres[i], atol=1e-9)


def test_the_residual_is_written_as_the_still_writes_it():
    """r_i = f(x_i) − y_i, as the still's legend (and the cost's sum m x_i + b − y_i)."""
    scene = rendered(Residuals)
    assert scene.heading[1].get_tex_string() == r"r_i^2 = \left(f(x_i) - y_i\right)^2"


def test_the_numbers_stand_above_the_squares_so_the_copies_pass_under_them():
    """On the stage the squares' numbers stand in one row above the tallest square and the
    strip lies below the squares: every copy flying down to the strip passes under them."""
    scene = rendered(Residuals)
    top = max(sq.get_top()[1] for sq in scene.row)
    bottoms = [lab.get_bottom()[1] for lab in scene.row_labels]
    assert min(bottoms) > top
    assert scene.strip.get_top()[1] < min(sq.get_bottom()[1] for sq in scene.row)
