"""The batch-vs-stochastic scene: its drawing against gdcore's runs."""

import numpy as np
from frames import rendered

from gdcore import races
from gdviz import numbers
from scenes.batch_vs_stochastic import RAW_OPACITY, READ_EVERY, STOPS, TAIL, BatchVsStochastic


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def test_drawn_paths_are_gdcores_runs():
    scene = rendered(BatchVsStochastic)
    assert scene.k() == races.BATCH_RACE.steps
    trs = races.run_batch_race(races.BATCH_RACE)
    assert list(scene.trails) == list(trs) == list(races.BATCH_RACE.labels)
    ax, plot = scene.map[0], scene.cost[0]
    for name, tr in trs.items():
        assert not tr.diverged and tr.steps == races.BATCH_RACE.steps
        # the full batch drawn whole, the sampled runs as tails of their last TAIL steps
        want = tr.points if name == races.BATCH_RACE.labels[0] else tr.points[-TAIL - 1:]
        np.testing.assert_allclose(_anchors(scene.trails[name], ax.p2c), want, atol=1e-9)
        np.testing.assert_allclose(ax.p2c(scene.dots[name].get_center()), tr.final, atol=1e-9)
        cost = _anchors(scene.curves[name], plot.p2c)
        np.testing.assert_allclose(cost[:, 0], np.arange(tr.steps + 1), atol=1e-6)
        np.testing.assert_allclose(cost[:, 1], tr.losses, rtol=1e-9)
    # the running means drawn over the sampled runs' faint costs are gdcore's; the full
    # batch's cost is drawn on top of every other curve
    running = races.running_costs(races.BATCH_RACE, races.BATCH_WINDOW)
    for name, curve in scene.smooth.items():
        mean = _anchors(curve, plot.p2c)
        np.testing.assert_allclose(mean[:, 1], running[name], rtol=1e-9)
        assert scene.curves[name].get_stroke_opacity() == RAW_OPACITY
    full = scene.curves[races.BATCH_RACE.labels[0]]
    others = [*scene.smooth.values(), *list(scene.curves.values())[1:], scene.halo_curve]
    assert all(full.z_index > c.z_index for c in others)
    # the sampled runs are the noisy ones: their cost goes up at many steps, the full batch's never
    ups = [int(np.sum(np.diff(tr.losses) > 0)) for tr in trs.values()]
    assert ups[0] == 0 and min(ups[1:]) > 50
    # three distinct colours
    assert len({str(c) for c in scene.colors.values()}) == 3


def test_end_values_are_gdcores_fair_means():
    scene = rendered(BatchVsStochastic)
    settled = races.settled_costs(races.BATCH_RACE, races.BATCH_SUMMARY)
    assert scene.settled == settled
    texts = [m.tex_string for m in scene.means]
    assert texts == [rf"\bar J = {numbers.latex(v, 3)}" for v in settled.values()]
    # averaged over steps and seeds, the runs rank as their paths look: full < mini < single
    full, mini, single = settled.values()
    assert full < mini < single


def test_settled_costs_of_one_seed_and_one_step_is_the_final_cost():
    one = races.BatchSummary(last_steps=1, seeds=(races.BATCH_RACE.seed,))
    runs = races.run_batch_race(races.BATCH_RACE)
    got = races.settled_costs(races.BATCH_RACE, one)
    for name, tr in runs.items():
        assert got[name] == tr.losses[-1]


def test_readouts_show_gdcores_running_mean_at_a_readable_pace():
    scene = rendered(BatchVsStochastic)
    running = races.running_costs(races.BATCH_RACE, races.BATCH_WINDOW)
    slow = STOPS[0][0]
    # every step while the steps are slow, then every READ_EVERY steps
    for k, shown in ((0, 0), (5, 5), (slow, slow), (slow + 1, slow), (READ_EVERY + 7, READ_EVERY),
                     (137, 120), (races.BATCH_RACE.steps, races.BATCH_RACE.steps)):
        scene.step.set_value(k)
        assert scene.read_k() == shown
    scene.step.set_value(races.BATCH_RACE.steps)
    for row, name in zip(scene.legend, scene.runs, strict=True):
        num = row[2][1]
        num.update()
        assert num.get_value() == running[name][-1]
    # at the end the three running means already rank as the paths look
    full, mini, single = (v[-1] for v in running.values())
    assert full < mini < single
