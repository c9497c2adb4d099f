"""Tests for gdcore.races and gdcore.local_minima: each race, the batch-size race and the
local-minima experiment tell their story, as numbers; and the frame-exit geometry the figures
draw."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from gdcore import data, descent, local_minima, races, regression
from gdcore.optimizers import NAMES, momentum, sgd
from gdcore.surfaces import beale, bumpy, saddle, valley


@pytest.fixture(scope="module")
def runs():
    return {key: races.run_race(race) for key, race in races.RACES.items()}


@pytest.fixture(scope="module")
def outs(runs):
    return {key: races.outcomes(races.RACES[key], runs[key]) for key in races.RACES}


# --- the settings ------------------------------------------------------------------------------


def test_three_races_in_the_chapters_order_on_their_surfaces():
    assert list(races.RACES) == ["long-valley", "beale", "saddle"]
    assert races.LONG_VALLEY.surface is valley
    assert races.BEALE.surface is beale
    assert races.SADDLE.surface is saddle


@pytest.mark.parametrize("race", races.RACES.values(), ids=lambda r: r.key)
def test_every_race_sets_all_seven_optimizers_in_order(race):
    assert tuple(race.hyper) == NAMES
    opts = race.optimizers()
    assert tuple(opts) == NAMES
    for name, opt in opts.items():
        assert opt.name == name
        assert opt.hyper.items() >= race.hyper[name].items()
    # The start lies in the window, and the bound a little beyond it.
    (x0, x1), (y0, y1) = race.window
    assert x0 < race.start[0] < x1 and y0 < race.start[1] < y1
    assert race.bound >= max(abs(x0), abs(x1), abs(y0), abs(y1))


def test_race_settings_are_immutable():
    race = races.LONG_VALLEY
    with pytest.raises(dataclasses.FrozenInstanceError):
        race.steps = 10
    with pytest.raises(TypeError):
        race.hyper["SGD"] = {"lr": 1.0}
    with pytest.raises(TypeError):
        race.hyper["SGD"]["lr"] = 1.0


def test_race_rejects_missing_or_misordered_optimizers():
    hyper = dict(races.SADDLE.hyper)
    del hyper["Adam"]
    with pytest.raises(ValueError, match="hyper must name"):
        dataclasses.replace(races.SADDLE, hyper=hyper)
    reordered = {n: races.SADDLE.hyper[n] for n in reversed(NAMES)}
    with pytest.raises(ValueError, match="hyper must name"):
        dataclasses.replace(races.SADDLE, hyper=reordered)


# --- run_race ----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(races.RACES))
def test_run_race_gives_seven_finite_trajectories_from_the_start(runs, key):
    race = races.RACES[key]
    trs = runs[key]
    assert tuple(trs) == NAMES
    for name, tr in trs.items():
        assert np.all(np.isfinite(tr.points)), name
        assert np.all(np.isfinite(tr.losses)), name
        assert tr.points[0].tolist() == list(race.start)
        assert tr.steps_requested == race.steps
        assert 1 <= tr.steps <= race.steps
        # Losses are the surface's values along the path.
        assert tr.losses == pytest.approx(race.surface(tr.points[:, 0], tr.points[:, 1]))


def test_run_race_equals_descent_run_with_the_race_settings(runs):
    race = races.BEALE
    for name in ("SGD", "Adam"):
        ref = descent.run(race.optimizer(name), beale.grad, race.start, race.steps,
                          loss_fn=beale.value, bound=race.bound)
        assert np.array_equal(runs["beale"][name].points, ref.points)


# --- the long valley: SGD crawls, momentum oscillates, adaptive methods turn at once ---------


def test_valley_sgd_crawls_while_adaptive_methods_arrive(outs):
    o = outs["long-valley"]
    assert o["SGD"].distance > 3.0  # still more than a third of the way from the minimum
    assert o["SGD"].final[0] < -3.0
    for name in ("Adam", "RMSprop", "Adagrad"):
        assert o[name].distance < 0.2, name
    for name in NAMES:
        assert o[name].exit is None, name  # every path stays in the view


def test_valley_momentum_methods_swing_across_the_floor(runs, outs):
    o = outs["long-valley"]
    assert o["Momentum"].y_sign_changes >= 8
    assert o["NAG"].y_sign_changes >= 4
    # The swings are wide: Momentum's y reaches far below the floor (start y = +1.5).
    assert runs["long-valley"]["Momentum"].points[:, 1].min() < -1.0
    # Plain SGD never crosses: it drops straight to the floor.
    assert o["SGD"].y_sign_changes == 0


def test_valley_adaptive_methods_reach_the_floor_before_sgd_has_gone_far(runs):
    trs = runs["long-valley"]
    # Adagrad's first step lands on the floor; RMSprop is within 0.1 of it in 5 steps ...
    assert abs(trs["Adagrad"].points[1, 1]) < 1e-9  # (ε in the denominator: not exactly 0)
    assert abs(trs["RMSprop"].points[5, 1]) < 0.1
    # ... having moved further along the valley than SGD in those 5 steps.
    for name in ("Adagrad", "RMSprop"):
        assert trs[name].points[5, 0] > trs["SGD"].points[5, 0] + 1.5


def test_valley_nobody_diverges(runs):
    assert not any(tr.diverged for tr in runs["long-valley"].values())


# --- Beale ---------------------------------------------------------------------------------


def test_beale_some_reach_the_minimum(outs):
    o = outs["beale"]
    near = [n for n in NAMES if o[n].distance < 0.1]
    assert len(near) >= 3
    assert {"Adam", "NAG"} <= set(near)
    # None is lost: all end in the valley within 0.3 of (3, 0.5), far below the start.
    for name in NAMES:
        assert o[name].distance < 0.3, name
        assert o[name].value < 0.1 * beale.value(races.BEALE.start)


def test_beale_the_methods_visibly_part_ways(runs):
    trs = runs["beale"]
    at20 = np.array([trs[n].points[20] for n in NAMES])
    gaps = np.linalg.norm(at20[:, None] - at20[None, :], axis=-1)
    assert gaps[np.triu_indices(len(NAMES), 1)].min() > 0.02  # no two runs coincide
    assert gaps.max() > 1.0
    # Momentum dives far below the valley and overshoots the minimum along it.
    mom = trs["Momentum"].points
    assert mom[:, 1].min() < -1.0 and mom[:, 0].max() > 4.0


def test_beale_paths_stay_in_the_view(runs):
    for name, tr in runs["beale"].items():
        assert not tr.diverged
        assert races.inside(tr.points, races.BEALE.window).all(), name


# --- the saddle ----------------------------------------------------------------------------


def test_saddle_sgd_lingers_while_the_others_escape(runs, outs):
    trs, o = runs["saddle"], outs["saddle"]
    race = races.SADDLE
    sgd_run = trs["SGD"]
    assert not sgd_run.diverged and sgd_run.steps == race.steps
    assert abs(sgd_run.final[1]) < 0.02  # after all its steps, still next to the ridge
    assert abs(sgd_run.final[0]) < 0.15  # ... and next to the saddle point
    for name in NAMES[1:]:
        tr = trs[name]
        assert tr.diverged and "beyond the bound" in tr.reason, name
        assert abs(tr.final[1]) > race.bound  # stopped just beyond the bound, cleanly
        assert o[name].exit is not None and o[name].exit.step <= race.steps
        assert o[name].exit.step < 100  # well before the race ends
    for name in ("Adagrad", "Adadelta", "RMSprop", "Adam"):
        k = o[name].exit.step
        assert abs(trs[name].points[k, 1]) > 1.5
        assert abs(sgd_run.points[k, 1]) < 0.005


def test_saddle_adaptive_methods_escape_before_momentum(outs):
    o = outs["saddle"]
    adaptive = max(o[n].exit.step for n in ("Adadelta", "RMSprop", "Adam"))
    assert adaptive < min(o["Momentum"].exit.step, o["NAG"].exit.step)


# --- frame exits and visible paths ----------------------------------------------------------

WINDOW = ((-1.0, 1.0), (-1.0, 1.0))


def test_frame_exit_of_a_path_leaving_through_the_top():
    p = [[0.0, 0.0], [0.2, 0.6], [0.4, 1.4], [0.6, 2.0]]
    ex = races.frame_exit(p, WINDOW)
    assert ex.step == 2
    assert ex.point == pytest.approx((0.3, 1.0))  # where segment 1 → 2 meets y = 1
    vis = races.visible_path(p, WINDOW)
    assert np.allclose(vis, [[0.0, 0.0], [0.2, 0.6], [0.3, 1.0]])


def test_frame_exit_beyond_a_corner_takes_the_first_edge_crossed():
    # (0, 0) → (2, 1.5) meets x = 1 half-way (at y = 0.75), before it would meet y = 1.
    ex = races.frame_exit([[0.0, 0.0], [2.0, 1.5]], WINDOW)
    assert ex.step == 1
    assert ex.point == pytest.approx((1.0, 0.75))


def test_frame_exit_none_when_the_path_comes_back_or_stays():
    assert races.frame_exit([[0, 0], [2, 0], [0.5, 0]], WINDOW) is None
    assert races.frame_exit([[0, 0], [0.5, 0.5]], WINDOW) is None
    assert races.visible_path([[0, 0], [0.5, 0.5]], WINDOW).tolist() == [[0, 0], [0.5, 0.5]]


def test_frame_exit_of_a_path_that_leaves_twice_is_the_last_departure():
    p = [[0, 0], [2, 0], [0.5, 0], [-3, 0], [-4, 0]]
    ex = races.frame_exit(p, WINDOW)
    assert ex.step == 3 and ex.point == pytest.approx((-1.0, 0.0))


def test_outcome_counts_sign_changes_and_labels():
    race = races.SADDLE
    pts = np.array([[1.0, 0.5], [0.9, -0.5], [0.8, 0.0], [0.7, 0.2], [0.6, -0.1]])
    tr = descent.Trajectory(pts, saddle(pts[:, 0], pts[:, 1]), False, 4)
    o = races.outcomes(race, {"SGD": tr})["SGD"]
    assert o.y_sign_changes == 3  # + − (0 skipped) + −
    assert o.label == "SGD  α=0.01"
    assert o.distance is None and o.exit is None
    assert o.length == pytest.approx(np.sum(np.linalg.norm(np.diff(pts, axis=0), axis=1)))


# --- the batch-size race ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def batch_runs():
    return races.run_batch_race()


def test_batch_race_runs_three_batch_sizes_with_the_same_settings(batch_runs):
    r = races.BATCH_RACE
    assert list(batch_runs) == list(r.labels)
    assert r.labels == ("full batch (7 points)", "mini-batch (3 points)",
                        "single sample (stochastic)")
    assert r.batch_sizes == (None, 3, 1)
    x, y = data.regression_points()
    for (label, tr), bs in zip(batch_runs.items(), r.batch_sizes):
        assert not tr.diverged and tr.steps == r.steps, label
        assert tr.points[0].tolist() == list(r.start)
        assert np.all(np.isfinite(tr.points))
        ref = descent.run_regression(sgd(r.lr), x, y, r.start, r.steps, batch_size=bs,
                                     seed=r.seed)
        assert np.array_equal(tr.points, ref.points)
        assert tr.losses == pytest.approx(regression.cost(tr.points[:, 0], tr.points[:, 1], x, y))


def test_batch_race_rate_is_stable_for_full_batch_descent():
    x, _ = data.regression_points()
    assert races.BATCH_RACE.lr < regression.max_stable_rate(x)


def test_full_batch_is_smooth_and_the_sampled_runs_are_noisy(batch_runs):
    full, mini, single = batch_runs.values()
    # Full batch: the cost never rises, and the path is almost straight.
    assert np.all(np.diff(full.losses) <= 1e-15)
    path = lambda tr: np.sum(np.linalg.norm(np.diff(tr.points, axis=0), axis=1))  # noqa: E731
    assert path(full) < 1.05 * np.linalg.norm(full.final - full.points[0])
    # Sampled: the cost rises at a good share of the steps, the paths wander.
    for tr in (mini, single):
        assert np.mean(np.diff(tr.losses) > 0) > 0.3
        assert path(tr) > 10 * path(full)
    assert path(single) > path(mini)
    # Yet all three drift the same way down the valley floor (b falls by more than 1.5).
    for tr in (full, mini, single):
        assert tr.final[1] < races.BATCH_RACE.start[1] - 1.5


def test_batch_race_is_seeded(batch_runs):
    again = races.run_batch_race()
    for label in batch_runs:
        assert np.array_equal(batch_runs[label].points, again[label].points)
    other = races.run_batch_race(dataclasses.replace(races.BATCH_RACE, seed=1))
    assert not np.array_equal(other[races.BATCH_RACE.labels[2]].points,
                              batch_runs[races.BATCH_RACE.labels[2]].points)


def test_seed_means_start_together_and_settle_as_the_paths_look(batch_runs):
    means = races.seed_mean_costs()
    summary = races.BATCH_SUMMARY
    x, y = data.regression_points()
    r = races.BATCH_RACE
    j0 = regression.cost(*r.start, x, y)
    for mean, bs in zip(means.values(), r.batch_sizes, strict=True):
        assert mean.shape == (r.steps + 1,)
        assert mean[0] == pytest.approx(j0, rel=1e-12)  # every seed starts at one point
        if bs is None:  # the full batch draws nothing: its mean is its one run (below)
            continue
        # by hand at one step: the mean over the seeds of that step's J
        k = 137
        by_hand = np.mean([descent.run_regression(sgd(r.lr), x, y, r.start, r.steps,
                                                  batch_size=bs, seed=s).losses[k]
                           for s in summary.seeds])
        assert mean[k] == pytest.approx(by_hand, rel=1e-12)
    # the full batch draws nothing: its mean is its one run
    assert np.allclose(means[r.labels[0]], batch_runs[r.labels[0]].losses, rtol=1e-12)
    settled = races.settled_costs()
    for label, mean in means.items():
        assert settled[label] == pytest.approx(np.mean(mean[-summary.last_steps:]), rel=1e-12)
    full, mini, single = settled.values()
    assert full < mini < single
    # the figure's end values, as its caption states them
    assert [f"{v:.4f}" for v in settled.values()] == ["0.0235", "0.0736", "0.1333"]
    # the smoothed curves: each step the mean of the raw mean over the window centred on it
    smooth, h = races.smoothed_costs(), summary.smooth_steps // 2
    for label, mean in means.items():
        assert smooth[label].shape == mean.shape and smooth[label][0] == mean[0]
        assert smooth[label][150] == pytest.approx(np.mean(mean[150 - h:150 + h + 1]),
                                                   rel=1e-12)
        assert smooth[label][2] == pytest.approx(np.mean(mean[:5]), rel=1e-12)  # shrunk
    # smoother than the raw mean: the step-to-step jumps of the single sample's fall
    label = r.labels[2]
    assert (np.abs(np.diff(np.log(smooth[label]))).mean()
            < np.abs(np.diff(np.log(means[label]))).mean() / 4)
    # one seed, one step: the run's final cost
    one = races.BatchSummary(last_steps=1, seeds=(r.seed,))
    got = races.settled_costs(r, one)
    for label, tr in batch_runs.items():
        assert got[label] == tr.losses[-1]


# --- local minima -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plain():
    return local_minima.run_plain()


def _maxima():
    (lo, hi), = bumpy.window
    w = np.linspace(lo, hi, 200_001)
    d = bumpy.grad_xy(w)[0]
    return w[np.where((d[:-1] > 0) & (d[1:] <= 0))[0]]


def test_plain_descent_settles_in_the_minimum_of_each_starts_basin(plain):
    m = local_minima.minima()
    assert m.size == 3
    edges = np.concatenate([[-np.inf], _maxima(), [np.inf]])
    for w0, tr in plain.items():
        k = local_minima.settled_in(tr)
        assert tr.final[0] == pytest.approx(m[k], abs=1e-9)
        assert abs(bumpy.grad(tr.final)[0]) < 1e-9
        basin = np.searchsorted(edges, w0) - 1  # which stretch between humps holds w0
        lo, hi = edges[basin], edges[basin + 1]
        assert lo < m[k] < hi, w0
        assert np.all(np.diff(tr.losses) <= 1e-12)  # plain descent never goes uphill here


def test_different_starts_settle_in_different_minima(plain):
    settled = {local_minima.settled_in(tr) for tr in plain.values()}
    assert settled == {0, 1, 2}


def test_the_stalled_start_stalls_in_the_shallow_trough(plain):
    exp = local_minima.LOCAL_MINIMA
    m = local_minima.minima()
    f = bumpy(m)
    tr = plain[exp.stalled_start]
    assert local_minima.settled_in(tr) == 0
    assert f[0] == f.max()  # the highest of the three minima
    assert tr.losses[-1] > f.min() + 2.0


def test_momentum_rolls_on_through_the_shallow_trough():
    exp = local_minima.LOCAL_MINIMA
    m = local_minima.minima()
    roll = local_minima.run_momentum()
    assert local_minima.settled_in(roll) == 2
    assert roll.final[0] == pytest.approx(bumpy.minimum[0], abs=1e-3)
    assert local_minima.crossings(roll, m[0]) >= 1  # it passes through the shallow trough
    assert local_minima.crossings(roll, m[1]) >= 1  # and through the middle one
    # Same learning rate as plain descent: only the velocity differs.
    ref = descent.run(momentum(exp.lr, exp.beta), bumpy.grad, [exp.stalled_start],
                      exp.momentum_steps)
    assert np.array_equal(roll.points, ref.points)


def test_weaker_momentum_would_stop_in_the_middle_trough():
    exp = dataclasses.replace(local_minima.LOCAL_MINIMA, beta=0.85)
    assert local_minima.settled_in(local_minima.run_momentum(exp)) == 1


def test_clip_polyline_by_hand():
    # y = 0, 2, 0, 2 against the band 0 ≤ y ≤ 1: out at x = 0.5, in at 1.5, out at 2.5
    pts = np.array([[0.0, 0.0], [1.0, 2.0], [2.0, 0.0], [3.0, 2.0]])
    pieces = races.clip_polyline(pts, ((-np.inf, np.inf), (0.0, 1.0)))
    assert len(pieces) == 2
    np.testing.assert_allclose(pieces[0], [[0.0, 0.0], [0.5, 1.0]])
    np.testing.assert_allclose(pieces[1], [[1.5, 1.0], [2.0, 0.0], [2.5, 1.0]])
    # a path that stays inside is drawn whole; its first piece ends where visible_path does
    assert np.array_equal(races.clip_polyline(pts[:1].repeat(2, 0), ((-1, 1), (-1, 1)))[0],
                          pts[:1].repeat(2, 0))
    box = ((-1.0, 2.5), (-1.0, 3.0))
    np.testing.assert_allclose(races.clip_polyline(pts, box)[0], races.visible_path(pts, box))


def test_swings_count_only_crossings_the_eye_sees():
    # up to 0.5, down to -0.3, a wobble of 1e-14 across zero, up to 0.2: two swings
    path = [[0, 0.5], [1, -0.3], [2, 1e-14], [3, -1e-14], [4, 0.2]]
    assert races.swings(path) == 2
    assert races.swings(path, amplitude=0.25) == 1  # only 0.5 -> -0.3 reaches 0.25 both sides
    assert races.swings([[0, 1.0], [1, 2.0]]) == 0


def test_progress_is_the_distance_to_the_minimum_or_from_the_ridge(runs):
    valley_ = races.progress(races.LONG_VALLEY, runs["long-valley"])
    assert valley_["SGD"][0] == pytest.approx(np.hypot(9.0, 1.5))  # the start (−9, 1.5)
    assert len(valley_["SGD"]) == races.LONG_VALLEY.steps + 1
    saddle_ = races.progress(races.SADDLE, runs["saddle"])
    assert saddle_["SGD"][0] == pytest.approx(1e-3)  # |y| at the start (1, 0.001)
    adam_exit = races.frame_exit(runs["saddle"]["Adam"].points, races.SADDLE.window)
    assert len(saddle_["Adam"]) == adam_exit.step  # up to the last step inside the frame
    assert np.all(saddle_["Adam"] <= 1.5)


# --- the insets --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ("long-valley", "beale"))
def test_inset_holds_the_crowded_ends_and_sits_where_no_path_goes(runs, outs, key):
    """Every run that ends within 0.15 of the minimum (five or six of them: a pile on the star at
    the map's scale) ends inside the inset's region, and so does the minimum; no path, segment
    by segment, crosses the part of the map the inset covers; the region's ends are apart by
    at least 0.018, which the inset's magnification (race_plot.inset_box) turns into more than
    a square's side."""
    race = races.RACES[key]
    near = [n for n in NAMES if outs[key][n].distance < 0.15]
    assert len(near) >= 5
    ends = np.array([outs[key][n].final for n in near])
    assert races.inside(ends, race.inset.region).all()
    assert races.inside(race.surface.minimum, race.inset.region)[0]
    for name, tr in runs[key].items():
        assert not races.clip_polyline(tr.points, race.inset.place), name
    inside = np.array([o.final for o in outs[key].values()
                       if races.inside(o.final, race.inset.region)[0]])
    gaps = np.linalg.norm(inside[:, None] - inside[None, :], axis=-1)
    assert gaps[np.triu_indices(len(inside), 1)].min() >= 0.018


def test_beales_map_inset_holds_the_stills_region_and_sits_where_no_path_goes(runs, outs):
    """The video's inset on Beale's function (races.BEALE_MAP_INSET) holds the still's region,
    padded (top 0.54 -> 0.65, right 3.11 -> 3.16, foot 0.365 -> 0.35), so every end the still's
    parts is inside it, and the minimum 0.15 under its top, 0.16 left of its right side and
    0.15 over its foot; no path, segment by segment, crosses its place."""
    (rx0, rx1), (ry0, ry1) = races.BEALE_MAP_INSET.region
    (sx0, sx1), (sy0, sy1) = races.BEALE.inset.region
    assert rx0 == sx0 and rx1 > sx1 and ry0 < sy0 and ry1 > sy1
    ends = np.array([o.final for o in outs["beale"].values()
                     if races.inside(o.final, races.BEALE.inset.region)[0]])
    assert len(ends) == 7 and races.inside(ends, races.BEALE_MAP_INSET.region).all()
    assert (rx1 - 3.0, ry1 - 0.5, 0.5 - ry0) == pytest.approx((0.16, 0.15, 0.15))
    for name, tr in runs["beale"].items():
        assert not races.clip_polyline(tr.points, races.BEALE_MAP_INSET.place), name


def test_beale_adagrad_and_rmsprop_end_apart(outs):
    """At α = 0.6 Adagrad would end 0.007 from RMSprop; at the race's rate the two ends lie
    0.019 apart (the closest pair of the race)."""
    o = outs["beale"]
    gap = np.hypot(o["Adagrad"].final[0] - o["RMSprop"].final[0],
                   o["Adagrad"].final[1] - o["RMSprop"].final[1])
    assert gap == pytest.approx(0.019, abs=5e-4)


def test_route_is_the_path_averaged_over_the_curves_window():
    # a 3-step window: the ends kept, each inner point the mean of itself and its two neighbours
    summary = dataclasses.replace(races.BATCH_SUMMARY, smooth_steps=3)
    path = np.array([[0.0, 4.0], [3.0, 1.0], [0.0, 4.0], [6.0, 1.0]])
    np.testing.assert_allclose(races.route(path, summary),
                               [[0.0, 4.0], [1.0, 3.0], [3.0, 2.0], [6.0, 1.0]])
