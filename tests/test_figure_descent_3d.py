"""descent-3d: the drawn path lies on the surface, at gdcore's costs."""

import numpy as np
import pytest

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import theme


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_path_follows_gdcore_and_sits_on_the_surface(theme_name):
    module = gm.load("figures.descent_3d")
    fig = gm.build(module, theme.get(theme_name))
    ax3 = fig.axes[0]
    assert ax3.name == "3d"
    path = ax3.lines[-1]
    m, b, z = (np.asarray(a) for a in path.get_data_3d())
    t = module.trajectory()
    x, y = data.regression_points()
    lift = 0.01 * float(np.ptp(t.losses))
    np.testing.assert_allclose(z - lift, regression.cost(m, b, x, y), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose([m[0], b[0]], t.points[0])
    np.testing.assert_allclose([m[-1], b[-1]], t.points[-1])
    assert not t.diverged and t.steps == 1000
    labels = [txt.get_text() for txt in ax3.get_legend().get_texts()]
    assert labels == ["minimum", "start", "after 1000 steps"]
