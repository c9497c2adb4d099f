"""A still and its video write one notation alike: the residual r_i = f(x_i) − y_i (the sign of
the cost's sum) in both (the video's words: test_scene_residuals.py)."""

from __future__ import annotations

import matplotlib.text
import numpy as np
from figure_baselines import figure as build

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible()]


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
