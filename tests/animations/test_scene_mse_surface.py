"""Frames of mse-surface against committed control data, and its drawing against gdcore."""

import numpy as np
from manim.utils.testing.frames_comparison import frames_comparison

from gdcore import data, regression
from gdviz import views
from gdviz.cost_surface_scene import THETA0
from scenes.mse_surface import MseSurface

__module_test__ = "mse_surface"


@frames_comparison(base_scene=MseSurface)
def test_mse_surface_last_frame(scene):
    MseSurface.construct(scene)


class MseSurfaceMiddle(MseSurface):
    """Before the orbit: the surface from the figure's camera with its minimum marked."""

    upto = "minimum"


@frames_comparison(base_scene=MseSurfaceMiddle)
def test_mse_surface_middle_frame(scene):
    MseSurfaceMiddle.construct(scene)


def test_drawn_surface_and_minimum_are_gdcores():
    scene = MseSurface(skip_animations=True)
    scene.render()
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
