"""The learning-rates scene (frames: test_scene_frames.py): its drawing against gdcore's runs."""

import numpy as np
from frames import rendered

from gdcore.cost_descent import COST_DESCENT
from gdviz import numbers as nb
from gdviz import views
from scenes.learning_rates import LearningRates, aged_opacity, drawn_path, jump_text, runs


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def test_first_jumps_alternate_and_grow_by_gdcores_factor():
    scene = rendered(LearningRates, upto="jumps")
    trs = runs()
    small, good, large = (trs[name] for name, _ in COST_DESCENT.learning_rates)
    assert large.diverged and COST_DESCENT.learning_rates[-1][1] > COST_DESCENT.max_stable_rate
    # the safe runs drawn whole, on the map and on the cost plot
    for name, tr in (("too small", small), ("good", good)):
        np.testing.assert_allclose(_anchors(scene.trails[name], scene.ax.p2c),
                                   drawn_path(tr.points), atol=1e-9)
        cost = _anchors(scene.curves[name], scene.plot.p2c)
        np.testing.assert_allclose(cost[:, 1], tr.losses, rtol=1e-9)
    # the large rate's first steps: one arrow each, from gdcore's point to the next
    n = COST_DESCENT.shown_steps
    assert len(scene.arrows) == n and 6 <= n <= 8
    # drawn in the zoom, whose window holds them all and is marked on the map
    (m0, m1), (b0, b1) = (scene.zoom.x_range[:2], scene.zoom.y_range[:2])
    shown = large.points[: n + 1]
    assert np.all((shown[:, 0] > m0) & (shown[:, 0] < m1) & (shown[:, 1] > b0) & (shown[:, 1] < b1))
    # stretched across the valley: b gets more room per unit than m, far more than on the map
    zoom_ratio = (scene.zoom.y_length / (b1 - b0)) / (scene.zoom.x_length / (m1 - m0))
    map_ratio = (scene.ax.y_length / (views.B_RANGE[1] - views.B_RANGE[0])) / (
        scene.ax.x_length / (views.M_RANGE[1] - views.M_RANGE[0]))
    assert zoom_ratio > 2.5 * map_ratio
    for k, arrow in enumerate(scene.arrows, start=1):
        np.testing.assert_allclose(scene.zoom.p2c(arrow.get_start()), large.points[k - 1],
                                   atol=1e-6)
        np.testing.assert_allclose(scene.zoom.p2c(arrow.get_end()), large.points[k], atol=1e-6)
    # each lands on a dot; the older jumps fainter, the newest at full strength (no wedge)
    for k, (arrow, zoom_land, land) in enumerate(zip(scene.arrows, scene.zoom_landings,
                                                     scene.landings), start=1):
        np.testing.assert_allclose(scene.zoom.p2c(zoom_land.get_center()), large.points[k],
                                   atol=1e-6)
        np.testing.assert_allclose(scene.ax.p2c(land.get_center()), large.points[k], atol=1e-6)
        assert abs(arrow.get_stroke_opacity() - aged_opacity(n - k)) < 1e-6
    assert aged_opacity(0) == 1 and aged_opacity(1) < 1 and aged_opacity(50) == 0.25
    # they land on alternate sides of the valley, each farther out by |1 − αλ_max| ≈ 1.04
    d = COST_DESCENT.across_valley(large)[: n + 1]
    assert np.all(np.sign(d[1:]) == -np.sign(d[:-1]))
    assert np.all(np.abs(d[1:]) > np.abs(d[:-1]))
    np.testing.assert_allclose(np.abs(d[1:] / d[:-1]), COST_DESCENT.growth_factor, rtol=2e-2)
    assert nb.latex(COST_DESCENT.growth_factor, places=2) == "1.04"
    assert scene.note[1].tex_string.endswith(r"\approx 1.04")
    assert scene.row.original_text == jump_text(n, d[n - 1], d[n])
    # the large run's cost drawn up to the last shown step
    cost = _anchors(scene.curves["too large"], scene.plot.p2c)
    np.testing.assert_allclose(cost[:, 1], large.losses[: n + 1], rtol=1e-9)
    # the rates on the α axis, the limit 2/λ_max marked
    line = scene.alpha[0]
    for name, lr in COST_DESCENT.learning_rates:
        assert abs(line.p2n(scene.rate_dots[name].get_center()) - lr) < 1e-9
    assert abs(line.p2n(scene.alpha[2].get_center()) - COST_DESCENT.max_stable_rate) < 1e-9


def test_the_large_run_fades_off_the_map_and_leaves_the_plot_where_the_note_is():
    scene = rendered(LearningRates)
    large = runs()["too large"]
    assert scene.leaves == COST_DESCENT.leaves_plot(large) < large.diverged_at
    assert scene.arrows not in scene.mobjects and scene.note not in scene.mobjects
    # the zoom and all it held gone, none back in the last frame
    for mob in (*scene.zoom_group, *scene.zoom_landings, *scene.arrows, *scene.landings):
        assert mob not in scene.mobjects
        assert not any(mob in top.get_family() for top in scene.mobjects)
    assert scene.rest not in scene.mobjects and scene.later not in scene.mobjects
    # the fast-forward drew a short comet tail, never the whole zig-zag, and a dot per landing
    # from the last shown step to the exit
    assert scene.rest.tail is not None and scene.rest.tail <= 3
    path = drawn_path(large.points)
    n = COST_DESCENT.shown_steps
    assert len(scene.later) == len(path) - n - 1
    for land, p in zip(scene.later, path[n + 1:]):
        np.testing.assert_allclose(scene.ax.p2c(land.get_center()), p, atol=1e-6)
    cost = _anchors(scene.curves["too large"], scene.plot.p2c)
    assert scene.leaves - 1 < cost[-1, 0] <= scene.leaves + 1e-6
    np.testing.assert_allclose(cost[-1, 1], COST_DESCENT.plot_top(large), rtol=1e-6)
    top = scene.plot.c2p(scene.leaves, COST_DESCENT.plot_top(large))
    assert scene.what.get_bottom()[1] > top[1] and abs(scene.what.get_center()[0] - top[0]) < 2.5
    assert f"step {scene.leaves}" in scene.what[0].original_text
