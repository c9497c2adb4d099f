"""The stills of gradients, sampling and local minima: every title is a house title (the house
size, in ink, sentence case). Every still's PDF is read back for its faces in
tests/test_figures.py."""

import matplotlib.colors as mcolors
import pytest
from figure_baselines import figure as build

from gdviz import theme as th

IDS = ("descent_3d", "gradient_geometry", "sampling_grid_2d", "sampling_grid_3d",
       "lonely_space", "guess_explosion", "local_minima", "nonconvex_loss",
       "batch_vs_stochastic", "feature_scaling")


@pytest.mark.parametrize("theme", th.THEME_NAMES)
@pytest.mark.parametrize("name", IDS)
def test_every_title_is_a_house_title(name, theme):
    t, fig = th.get(theme), build(name, theme)
    titles = [ax.title for ax in fig.axes if ax.get_title()]
    assert fig._suptitle is None and not [x for x in fig.texts if x.get_text()]
    for title in titles:
        assert title.get_fontsize() == t.title_size, title.get_text()
        assert mcolors.same_color(title.get_color(), t.text), title.get_text()
        assert title.get_text() == th.title(title.get_text())

