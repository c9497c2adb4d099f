"""A still and its video write one number and one notation alike: the batch-size race's costs
to one precision, the residual r_i = f(x_i) − y_i (the sign of the cost's sum) in both (the
video's words: test_scene_residuals.py)."""

from __future__ import annotations

import matplotlib.text
import numpy as np
from figure_baselines import figure as build

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.race_plot import BATCH_J_PLACES


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible()]


def test_batch_race_writes_j_star_to_one_precision_in_still_caption_and_video():
    from figures import batch_vs_stochastic as still
    from scenes import batch_vs_stochastic as video

    assert still.J_PLACES == video.PLACES == BATCH_J_PLACES == 3
    x, y = data.regression_points()
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    assert numbers.latex(j_star, BATCH_J_PLACES) == "0.009"
    fig = build("batch_vs_stochastic", "light")
    assert f"minimum $J^* = {numbers.latex(j_star, BATCH_J_PLACES)}$" in texts(fig)
    caption = gm.doc_of(still).caption
    assert "J* = 0.009 " in caption and "0.0090" not in caption
    for v in ("0.023", "0.074", "0.133"):  # the settled costs 0.02346, 0.07358, 0.1333
        assert v + " (" in caption


def test_residual_is_f_of_x_minus_y_in_gdcore_still_and_video():
    m, b = data.CANDIDATES[data.RESIDUALS_CANDIDATE]
    x, y = data.regression_points()
    r = regression.residuals(m, b, x, y)
    np.testing.assert_allclose(r, regression.predict(m, b, x) - y)
    assert r[-1] < 0 < r[0]  # the line passes above the first point and below the last
    fig = build("residuals", "light")
    words = texts(fig)
    assert r"error $r_i = f(x_i) - y_i$" in words
    assert not any("y_i - f" in w for w in words)
    doc = gm.doc_of(gm.load("figures.residuals"))
    assert "r_i = f(x_i) − y_i" in doc.caption
    assert f"from {numbers.text(r.min(), places=2)} to {numbers.text(r.max(), places=2)}" \
        in doc.caption
