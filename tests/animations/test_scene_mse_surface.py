"""The mse-surface scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered

from gdcore import data, regression
from gdviz import views
from gdviz.cost_surface_scene import THETA0
from scenes.mse_surface import MseSurface


def test_drawn_surface_and_minimum_are_gdcores():
    scene = rendered(MseSurface)
    x, y = data.regression_points()
    surf = scene.surface
    np.testing.assert_allclose(surf.Z, regression.cost(surf.X, surf.Y, x, y), atol=1e-12)
    assert (surf.X.min(), surf.X.max()) == views.M_RANGE
    assert (surf.Y.min(), surf.Y.max()) == views.B_RANGE
    # one full turn: back at the figure's camera
    assert np.isclose(scene.view.theta.get_value(), THETA0 + 360)
    m, b = regression.least_squares(x, y)
    dot = scene.marker[0]
    want = scene.view.project([[m, b, regression.cost(m, b, x, y)]])[0][0]
    np.testing.assert_allclose(dot.get_center(), want, atol=1e-9)
