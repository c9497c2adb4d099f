"""A still and its video write one number and one notation alike: the batch-size race's costs
to one precision, the residual r_i = f(x_i) − y_i (the sign of the cost's sum) in both (the
video's words: test_scene_residuals.py), the training loop's network in one proportion."""

from __future__ import annotations

import matplotlib.text
import numpy as np
import pytest
from figure_baselines import figure as build
from matplotlib.patches import Circle

from gdcore import data, races, regression
from gdcore.networks import BACKPROP
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.network_layout import layout


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible()]


def test_batch_race_writes_its_costs_to_one_precision_in_still_caption_and_video():
    from figures import batch_vs_stochastic as still
    from scenes import batch_vs_stochastic as video

    # J* as every still writes a cost (numbers.cost: gd-regression's still, feature
    # scaling's), in the picture and the caption alike, and the video writes it so too
    x, y = data.regression_points()
    j_star = regression.cost(*regression.least_squares(x, y), x, y)
    assert video.settled_text(j_star, "text") == video.settled_text(j_star) == "0.00903"
    assert "minimum 0.00903." in video.BatchVsStochastic.captions()["compare"]
    fig = build("batch_vs_stochastic", "light")
    # J* written as the end values are, in their column at the right
    assert still.settled_text(j_star) == numbers.cost(j_star) == "0.00903"
    assert "0.00903" in texts(fig)
    caption = gm.doc_of(still).caption
    assert "J* = 0.00903 " in caption and "0.0090 " not in caption
    # the settled costs 0.02346, 0.07358, 0.13326 to three significant figures, as the still
    # writes them
    for v in ("0.0235", "0.0736", "0.133"):
        assert v + " (" in caption and v in texts(fig)
    # and as the video writes them, on the chart and in its caption
    settled = races.settled_costs(video.RACE, video.SUMMARY).values()
    written = [video.settled_text(v, "text") for v in settled]
    assert written == [still.settled_text(v) for v in settled]
    assert sorted(written) == ["0.0235", "0.0736", "0.133"]
    assert ", ".join(written) in video.BatchVsStochastic.captions()["compare"]


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


@pytest.mark.parametrize("t", ("light", "dark"))
def test_backprop_loop_still_draws_the_videos_network_with_room_for_its_values(t):
    from scenes import backprop_loop as video

    fig = build("backprop_loop", t)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    want = layout(BACKPROP.sizes, width=video.LAY_W, height=video.LAY_H, radius=video.LAY_R)
    spacing = want.layer_x[1] - want.layer_x[0]
    assert video.LAY_R / spacing == pytest.approx(0.2745, abs=1e-4)  # 0.56 / 2.04, by hand
    shown = 0
    for ax in fig.axes:
        circles = [p for p in ax.patches if isinstance(p, Circle)]
        assert len(circles) == sum(BACKPROP.sizes)
        # the same circles against the same layer spacing as the video's
        np.testing.assert_allclose([p.radius for p in circles], video.LAY_R)
        xs = sorted({round(p.center[0], 9) for p in circles})
        np.testing.assert_allclose(xs, want.layer_x)
        to_px = ax.transData.transform
        for text in ax.texts:
            box = text.get_window_extent(renderer)
            mid = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
            for p in circles:
                c = to_px(p.center)
                r = to_px((p.center[0] + p.radius, p.center[1]))[0] - c[0]
                if np.linalg.norm(mid - c) > r:
                    continue
                shown += 1
                corners = [(box.x0, box.y0), (box.x0, box.y1), (box.x1, box.y0), (box.x1, box.y1)]
                far = max(np.linalg.norm(np.array(q) - c) for q in corners)
                inner = r - p.get_linewidth() * fig.dpi / 72 / 2
                # the value's box inside the outline with a tenth of the radius to spare (the
                # video keeps VALUE_CLEAR_PX of 33.6 px, 6 %)
                assert (inner - far) / r >= 0.10, (text.get_text(), (inner - far) / r)
    assert shown == 7 + 7 + 5 + 7  # activations, activations, δ (hidden and outputs), new
