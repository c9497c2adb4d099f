"""The residuals scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered
from manim import DashedLine, MathTex

from gdcore import data, regression
from scenes.residuals import PLACES, STAGE, Residuals


def test_segments_and_squares_are_gdcores_residuals():
    """Dashed segments join (x_i, y_i) to (x_i, f(x_i)); the squares have side |r_i|; their
    halves are the C_i, and J their mean."""
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
    # each square halved: the half kept is the example's cost C_i = r_i^2 / 2
    costs = r**2 / 2
    for half, sq, ci in zip(scene.halves, scene.row, costs):
        np.testing.assert_allclose(half.width * half.height / unit**2, ci, atol=1e-9)
        np.testing.assert_allclose(half.get_left()[0], sq.get_left()[0], atol=1e-9)
    # the strip: its pieces keep the halves' areas, so its area is the sum of the C_i
    for piece, ci in zip(scene.pieces, costs):
        np.testing.assert_allclose(piece.width * piece.height / unit**2, ci, atol=1e-9)
    np.testing.assert_allclose(scene.strip.width * scene.strip.height / unit**2,
                               np.sum(costs), atol=1e-9)
    # one precision (PLACES) for every number: the C_i shown add up to the sum shown
    assert PLACES == 3
    shown = [float(lab.get_tex_string()) for lab in scene.row_labels]
    np.testing.assert_allclose(shown, np.round(costs, PLACES), atol=1e-12)
    assert f"{sum(shown):.3f}" == f"{np.sum(costs):.3f}" == "0.561"
    assert scene.sum_eq.get_tex_string() == r"\sum_{i=1}^{7} C_i = 0.561"
    # cut into 7 equal squares: each of area the mean of the C_i, J (≈ 0.0801), half the
    # mean squared error
    j = regression.cost(m, b, x, y)
    assert len(scene.parts) == 7
    for part in scene.parts:
        np.testing.assert_allclose([part.width / unit, part.height / unit], [np.sqrt(j)] * 2,
                                   atol=1e-9)
    np.testing.assert_allclose(np.mean(costs), j, atol=1e-12)
    np.testing.assert_allclose(scene.mean_square.width ** 2 / unit**2, j, atol=1e-9)
    assert f"{j:.3f}" == "0.080"
    assert scene.j_eq.get_tex_string() == r"J = \frac{1}{7} \sum_{i=1}^{7} C_i = 0.080"


def test_each_square_flies_clear_of_the_squares_already_placed():
    """The row fills from the right: a square moving straight from its segment to its slot
    stays left of the slot's right edge, and every square placed before it starts beyond that
    edge."""
    scene = rendered(Residuals)
    row = scene.row_at_rest
    for i in range(len(row)):
        start = scene.square_for(i)  # where square i is born, on its dashed segment
        assert start.get_right()[0] <= row[i].get_right()[0] + 1e-9
        placed = row[i + 1:]
        edge = row[i].get_right()[0]
        assert all(m.get_left()[0] > edge for m in placed)
        # the row reads in the points' order, each number over its own square
        np.testing.assert_allclose(row[i].get_x(), scene.slot_centres[i], atol=1e-9)
        np.testing.assert_allclose(scene.row_labels[i].get_x(), scene.row[i].get_x(), atol=1e-9)


def test_the_costs_are_written_in_the_chapters_notation():
    """The squares are the squared errors (f(x_i) − y_i)², as the still's legend and the cost's
    sum write the error; their halves are the examples' costs C_i = ½ (f(x_i) − y_i)², and J
    the mean of the C_i (gdviz.equations): no r_i² named on screen."""
    from gdviz import equations

    scene = rendered(Residuals)
    assert scene.heading[1].get_tex_string() == r"C_i = \frac{1}{2}\left(f(x_i) - y_i\right)^2"
    assert "C_i" in equations.SYMBOLS and "C_i" in equations.tex("half-mse-loss")
    tex = [m.tex_string for top in scene.mobjects for m in top.get_family()
           if isinstance(m, MathTex)]
    assert any("C_i" in s for s in tex) and not any("r_i" in s for s in tex)


def test_the_numbers_stand_above_the_squares_so_the_copies_pass_under_them():
    """On the stage the squares' numbers stand in one row above the tallest square and the
    strip lies below the squares: every copy flying down to the strip passes under them."""
    scene = rendered(Residuals)
    top = max(sq.get_top()[1] for sq in scene.row)
    bottoms = [lab.get_bottom()[1] for lab in scene.row_labels]
    assert min(bottoms) > top
    assert scene.strip.get_top()[1] < min(sq.get_bottom()[1] for sq in scene.row)


def test_sections_are_named_by_what_they_show():
    """The costs have a section of their own, so their caption comes with them."""
    names = [s.name for s in Residuals.SECTIONS]
    assert names == ["points", "errors", "squares", "stage", "costs", "mean"]
