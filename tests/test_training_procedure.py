"""Tests for gdcore.training_procedure: the story each figure of training procedure and
overfitting tells, held as values (monotonicities, minima, exact counts), plus shapes, seeds
and bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from gdcore import data, nn, regression
from gdcore.training_procedure import (
    DEFAULT_LAMS,
    FEATURE_SCALING,
    LR_GRID,
    MNIST_SIZES,
    NONCONVEX_WEIGHTS,
    convex_reference,
    count_local_minima,
    cross_validate,
    cross_validation_curve,
    feature_scaling_paths,
    gradient_check_demo,
    lr_momentum_grid,
    nonconvex_loss_grid,
    nonconvex_setup,
    overfit_data,
    passes_for,
    penalty_conflict,
    polynomial_errors,
    regularization_path,
    train_val_cost_parts,
    train_val_curves,
)


@pytest.fixture(scope="module")
def od():
    return overfit_data()


@pytest.fixture(scope="module")
def curves():
    return train_val_curves()


@pytest.fixture(scope="module")
def grid():
    return LR_GRID.run()


@pytest.fixture(scope="module")
def surface():
    return nonconvex_loss_grid()


@pytest.fixture(scope="module")
def scaling():
    return FEATURE_SCALING.run()


# --- 1, 2: overfitting and capacity ---------------------------------------------------------
def test_overfit_data_shapes_and_seeds(od):
    assert od.x.shape == od.y.shape == (10,)
    assert od.x_test.shape == od.y_test.shape == (100,)
    assert np.all(np.diff(od.x) > 0) and 0 < od.x_test.min() and od.x_test.max() < 1
    again = overfit_data()
    assert np.array_equal(again.x, od.x) and np.array_equal(again.y_test, od.y_test)
    assert not np.array_equal(overfit_data(seed=0).y, od.y)
    x, y = data.noisy_sine(10, 0.25, 33)
    assert np.array_equal(x, od.x) and np.array_equal(y, od.y)


def test_degree3_smooth_degree9_interpolates_and_swings(od):
    e = polynomial_errors(od, [3, 9])
    # the cost J, half the mean squared error, by hand
    w3 = regression.polynomial_fit(od.x, od.y, 3)
    assert e.train[0] == np.mean((regression.polynomial_eval(w3, od.x) - od.y) ** 2) / 2
    assert e.train[1] < 1e-12 < 0.01 < e.train[0] < 0.025
    assert e.test[0] < 0.04 and e.test[1] > 5 and e.test[1] > 100 * e.test[0]
    xx = np.linspace(od.x[0], od.x[-1], 500)
    p3, p9 = (regression.polynomial_eval(regression.polynomial_fit(od.x, od.y, k), xx)
              for k in (3, 9))
    assert np.abs(p3).max() < 1.1 < 3 * np.abs(od.y).max() < np.abs(p9).max()


def test_model_capacity_train_falls_test_falls_then_rises(od):
    e = polynomial_errors(od)
    assert list(e.degrees) == list(range(10))
    assert np.all(np.diff(e.train) < 0)
    assert int(np.argmin(e.test)) == 3
    assert np.all(np.diff(e.test[:4]) < 0.01) and e.test[3] < e.test[0] / 5
    assert np.all(np.diff(e.test[3:]) > 0)


def test_polynomial_errors_ridge_and_bad_degrees(od):
    assert polynomial_errors(od, [9], lam=1e-4).test[0] < 0.1
    for bad in ([], [-1], [1.5]):
        with pytest.raises(ValueError, match="degrees"):
            polynomial_errors(od, bad)


# --- 3: cross-validation --------------------------------------------------------------------
def test_cross_validate_rounds_partition_and_scores(od):
    cv = cross_validate(od.x, od.y, 3, k=5, seed=0)
    assert cv.fold_scores.shape == (5,) and len(cv.train_idx) == len(cv.test_idx) == 5
    for (tr, te), ctr, cte in zip(data.kfold_indices(10, 5, 0), cv.train_idx, cv.test_idx):
        assert np.array_equal(tr, ctr) and np.array_equal(te, cte)
        assert sorted(np.concatenate([ctr, cte])) == list(range(10)) and cte.size == 2
    tr, te = cv.train_idx[3], cv.test_idx[3]
    w = regression.polynomial_fit(od.x[tr], od.y[tr], 3)
    assert cv.fold_scores[3] == pytest.approx(  # the cost J: half the mean squared error
        regression.mse(regression.polynomial_eval(w, od.x[te]), od.y[te]) / 2)
    assert cv.mean == pytest.approx(cv.fold_scores.mean())
    np.testing.assert_allclose(cv.fold_scores, [0.0603, 0.0604, 0.0380, 0.4912, 0.0464],
                               atol=1e-4)
    assert cv.mean == pytest.approx(0.1392, abs=1e-4)
    again = cross_validate(od.x, od.y, 3, k=5, seed=0)
    assert np.array_equal(again.fold_scores, cv.fold_scores)
    assert not np.array_equal(cross_validate(od.x, od.y, 3, seed=1).fold_scores, cv.fold_scores)


def test_cross_validation_curve_prefers_degree_3(od):
    curve = cross_validation_curve(od.x, od.y, range(10), k=5, seed=0)
    assert curve.shape == (10,) and int(np.argmin(curve)) == 3
    assert curve[9] > 100 * curve[3]
    assert curve[3] == cross_validate(od.x, od.y, 3).mean


def test_cross_validate_bad_input(od):
    with pytest.raises(ValueError, match="k"):
        cross_validate(od.x, od.y, 3, k=1)
    with pytest.raises(ValueError, match="degree"):
        cross_validate(od.x, od.y, -1)
    with pytest.raises(ValueError, match="y"):
        cross_validate(od.x, od.y[:5], 3)


# --- 4, 5: regularisation -------------------------------------------------------------------
def test_default_lams():
    assert DEFAULT_LAMS[0] == 0 and DEFAULT_LAMS[-1] == 1 and DEFAULT_LAMS[1] == 1e-8
    assert np.all(np.diff(DEFAULT_LAMS) > 0) and not DEFAULT_LAMS.flags.writeable


def test_regularization_path_norms_shrink(od):
    rp = regularization_path(od.x, od.y, 9, x_test=od.x_test, y_test=od.y_test)
    assert rp.coefs.shape == (10, 10) and rp.norms.shape == rp.train.shape == rp.test.shape
    assert np.all(np.diff(rp.norms) < 0) and rp.norms[0] > 1e6 and rp.norms[-1] < 1
    assert np.all(np.diff(rp.train) > 0) and rp.train[0] < 1e-12
    assert rp.test[0] > 5 and rp.test.min() < 0.1 and 0 < int(np.argmin(rp.test)) < 9
    np.testing.assert_allclose(rp.coefs[5], regression.polynomial_fit(od.x, od.y, 9, 1e-4))
    assert regularization_path(od.x, od.y, 3, [0.0, 1.0]).test is None


def test_regularization_path_bad_input(od):
    for bad in ([], [-1.0], [np.inf]):
        with pytest.raises(ValueError, match="lams"):
            regularization_path(od.x, od.y, 9, bad)
    with pytest.raises(ValueError, match="y_test"):
        regularization_path(od.x, od.y, 9, x_test=od.x_test)


def test_penalty_conflict_path():
    pc = penalty_conflict()
    n = 50
    assert pc.W1.shape == pc.W2.shape == pc.data_term.shape == pc.penalty.shape == (101, 101)
    assert pc.path.shape == (pc.lams.size, 2) and pc.lams[0] == 0 and pc.lams[-1] == 1e3
    np.testing.assert_allclose(pc.path[0], pc.w_ls)
    assert np.linalg.norm(pc.path[-1]) < 1e-3 * np.linalg.norm(pc.w_ls)
    norms = np.linalg.norm(pc.path, axis=1)
    assert np.all(np.diff(norms) < 0)
    np.testing.assert_allclose(pc.penalty, pc.W1**2 + pc.W2**2)
    # the data term is an MSE whose grid minimum sits next to w_ls, and the origin is in view
    k = np.unravel_index(np.argmin(pc.data_term), pc.data_term.shape)
    step = pc.W1[0, 1] - pc.W1[0, 0]
    assert np.all(np.abs([pc.W1[k], pc.W2[k]] - pc.w_ls) <= step)
    assert pc.W1.min() < 0 < pc.W1.max() and pc.W2.min() < 0 < pc.W2.max()
    # stationarity: ∇[(1/n)‖y − Xw‖² + λ‖w‖²] = 0 along the path (recover A, c from the grid)
    rng = np.random.default_rng(0)
    x1 = rng.normal(size=n)
    X = np.stack([x1, 0.8 * x1 + 0.6 * rng.normal(size=n)], axis=1)
    y = X @ np.array([2.0, -1.0]) + 0.5 * rng.normal(size=n)
    for lam, w in zip(pc.lams, pc.path):
        np.testing.assert_allclose(X.T @ (X @ w - y) / n + lam * w, 0, atol=1e-12)
    assert pc.data_term[50, 50] == pytest.approx(y @ y / n)
    # the chapter's cost J = (1/2n)‖y − Xw‖²: ∇[J + (λ/2)‖w‖²] is half the gradient above, so
    # J_λ has the same minimiser w(λ)
    np.testing.assert_allclose(pc.cost, pc.data_term / 2)
    w = pc.path[10]
    assert pc.cost_at(w) == pytest.approx(np.sum((X @ w - y) ** 2) / (2 * n))
    assert pc.path[0, 1] < 0 < pc.path[30, 1]  # the path bends: w2 changes sign on the way
    # where: w2(λ) = 0 at zero_at(1) (solved there it is 0, and the grid's sign flips round
    # it); w1 keeps its sign all the way (no λ > 0 zeroes it)
    lam0 = pc.zero_at(1)
    A, c, _ = pc.quadratic
    assert abs(np.linalg.solve(A + lam0 * np.eye(2), c)[1]) < 1e-12
    assert lam0 == pytest.approx(0.5916, abs=1e-4)
    assert np.all(pc.path[pc.lams < lam0, 1] < 0) and np.all(pc.path[pc.lams > lam0, 1] > 0)
    assert pc.zero_at(0) is None and np.all(pc.path[:, 0] > 0)
    with pytest.raises(ValueError, match="k must be"):
        pc.zero_at(2)
    with pytest.raises(ValueError, match="n"):
        penalty_conflict(n=2)
    with pytest.raises(ValueError, match="lams"):
        penalty_conflict(lams=[-1.0])
    # reach widens the grids only: ±reach·max|w_ls|, the same path and data term
    wide = penalty_conflict(reach=1.6, size=161)
    assert wide.W1.max() == pytest.approx(1.6 * np.abs(pc.w_ls).max()) == -wide.W2.min()
    np.testing.assert_array_equal(wide.path, pc.path)
    assert wide.data_term[80, 80] == pytest.approx(y @ y / n)
    with pytest.raises(ValueError, match="reach"):
        penalty_conflict(reach=0)


# --- 6: early stopping ----------------------------------------------------------------------
def test_train_val_curves_overfit(curves):
    t, v, b = curves.train, curves.val, curves.best_epoch
    assert t.shape == v.shape == (3001,) and b == int(np.argmin(v)) == 313
    assert 100 < b < 1000
    assert v[-1] > 1.5 * v[b] and v[b] < v[0] / 10
    assert t[-1] < t[b] / 2 and np.all(np.diff(t[b:]) <= 0)
    assert isinstance(curves.net, nn.MLP) and curves.net.sizes == (1, 40, 1)


def test_train_val_curves_reproducible_and_bad_input(curves):
    short = train_val_curves(epochs=400)
    np.testing.assert_array_equal(short.val, curves.val[:401])
    with pytest.raises(ValueError, match="epochs"):
        train_val_curves(epochs=0)
    with pytest.raises(ValueError, match="lr"):
        train_val_curves(epochs=5, lr=0.0)


def test_train_val_cost_parts_say_why_validation_starts_under_training(curves):
    # the run's two costs at epoch 100, taken apart about the sine: the parts add up to them
    train, val = train_val_cost_parts(100)
    assert train.cost == pytest.approx(curves.train[100], rel=1e-12)
    assert val.cost == pytest.approx(curves.val[100], rel=1e-12)
    assert val.cost < train.cost
    # not that the net misses the sine by more at the training x (it misses by a little less)
    # nor that their noise is larger (it is smaller): its misses lean the way the validation
    # samples' noise does and against the training samples', and that outweighs both
    assert train.miss < val.miss < 1.1 * train.miss
    assert train.noise < val.noise
    assert val.lean < 0 < train.lean
    assert train.lean - val.lean > (val.miss - train.miss) + (val.noise - train.noise)
    # the noise part is the samples' own: the same at every epoch
    assert train_val_cost_parts(7)[0].noise == train.noise
    with pytest.raises(ValueError, match="epoch"):
        train_val_cost_parts(0)


# --- 7: grid search -------------------------------------------------------------------------
def test_lr_momentum_grid(grid):
    assert LR_GRID.steps == 150 and LR_GRID.seed == 0
    assert grid.losses.shape == (len(LR_GRID.lrs), len(LR_GRID.betas)) == (6, 5)
    assert grid.best == (4, 3) and grid.lrs[4] == 0.5 and grid.betas[3] == 0.9
    assert grid.losses[grid.best] == grid.losses.min() == pytest.approx(0.02286, abs=1e-5)
    assert np.all(np.isinf(grid.losses[5])) and np.all(np.isfinite(grid.losses[:5]))
    assert not np.any(np.isnan(grid.losses))
    assert grid.losses[0, 0] > 2.5 * grid.losses[grid.best]  # small lr, no momentum: crawls
    assert np.all(np.diff(grid.losses[:5, 0]) < 0)  # without momentum, larger lr helps


def test_lr_momentum_grid_diverging_runs_do_not_crash():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = lr_momentum_grid([1e3, 0.5], [0.0, 0.9], steps=20)
    assert np.all(np.isinf(g.losses[0])) and np.all(np.isfinite(g.losses[1])) and g.best[0] == 1
    for kw, name in (({"lrs": [0.0]}, "lrs"), ({"lrs": []}, "lrs"), ({"betas": [1.0]}, "betas"),
                     ({"steps": 0}, "steps")):
        with pytest.raises(ValueError, match=name):
            lr_momentum_grid(**kw)


# --- 8: non-convexity -----------------------------------------------------------------------
def test_count_local_minima_on_known_grids():
    u = np.linspace(-2, 2, 41)
    X, Y = np.meshgrid(u, u)
    assert count_local_minima(X**2 + Y**2) == 1
    assert count_local_minima((X**2 - 1) ** 2 + Y**2) == 2
    assert count_local_minima((X**2 - 1) ** 2 + 0.3 * X + Y**2, min_depth=0.01) == 2
    assert count_local_minima(X + Y) == 0  # the minimum is on the boundary
    assert count_local_minima(np.zeros((5, 5))) == 0  # ties are not strict minima
    with pytest.raises(ValueError, match="L"):
        count_local_minima(np.zeros(9))
    with pytest.raises(ValueError, match="min_depth"):
        count_local_minima(X, min_depth=-1)


def test_nonconvex_grid_has_plateaus_and_two_basins(surface):
    W1, W2, L = surface
    assert W1.shape == W2.shape == L.shape == (100, 100)
    assert W1.min() == W2.min() == -20 and W1.max() == W2.max() == 20
    assert count_local_minima(L) >= 2 and count_local_minima(L, min_depth=1e-3) == 2
    # the second basin is 0.088 deep, 5.4 % of the grid's range
    assert count_local_minima(L, min_depth=0.05) == 2 and count_local_minima(L, 0.06) == 1
    gy, gx = np.gradient(L, W2[:, 0], W1[0])
    assert np.mean(np.hypot(gx, gy) < 1e-3 * np.ptp(L)) > 0.15  # plateaus
    # global basin near (w1, w2) = (−7.9, −13.5), the other across the plateau near (7.1, 11.5)
    assert np.unravel_index(np.argmin(L), L.shape) == (16, 30)
    patch = L[77:80, 66:69]
    assert patch.min() == L[78, 67] and np.sum(patch == L[78, 67]) == 1
    assert L[78, 67] == pytest.approx(0.0627, abs=1e-4)
    assert L.min() == pytest.approx(0.0390, abs=1e-4)


def test_nonconvex_grid_is_the_networks_loss(surface):
    W1, W2, L = surface
    net, X, Y = nonconvex_setup()
    assert net.sizes == (1, 4, 1) and net.activation == "sigmoid"
    (l1, j1, i1), (l2, j2, i2) = NONCONVEX_WEIGHTS
    for r, c in ((0, 0), (16, 30), (78, 67), (99, 50)):
        tweaked = net.with_weight(l1, j1, i1, W1[r, c]).with_weight(l2, j2, i2, W2[r, c])
        assert L[r, c] == pytest.approx(nn.loss(tweaked, X, Y), rel=1e-12)
    W1b, _, Lb = nonconvex_loss_grid(size=20, window=5.0)
    assert Lb.shape == (20, 20) and W1b.max() == 5


def test_convex_reference_has_one_minimum():
    M, B, J = convex_reference()
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    assert J.shape == (100, 100) and count_local_minima(J, min_depth=1e-3) == 1
    k = np.unravel_index(np.argmin(J), J.shape)
    assert abs(M[k] - m) < 0.07 and abs(B[k] - b) < 0.15
    # strict 8-neighbour minima also appear as grid artefacts along the narrow valley floor
    assert count_local_minima(J) == 4


def test_nonconvex_bad_input():
    with pytest.raises(ValueError, match="size"):
        nonconvex_loss_grid(size=2)
    with pytest.raises(ValueError, match="window"):
        nonconvex_loss_grid(window=0)


# --- 9: feature scaling ---------------------------------------------------------------------
def test_feature_scaling_conditions_and_rates(scaling):
    raw, sc = scaling.raw, scaling.scaled
    x, y = data.regression_points()
    assert raw.condition == pytest.approx(315.61, abs=0.01) and sc.condition < 2
    assert sc.condition == pytest.approx(1.0)
    assert raw.lr < regression.max_stable_rate(x) == pytest.approx(0.1371, abs=1e-4)
    assert sc.lr > raw.lr and sc.lr < regression.max_stable_rate(sc.x)
    assert raw.trajectory.steps == sc.trajectory.steps == 16
    assert not raw.trajectory.diverged and not sc.trajectory.diverged
    # the same starting line, so the same starting cost
    assert raw.trajectory.losses[0] == pytest.approx(sc.trajectory.losses[0])
    np.testing.assert_allclose(raw.optimum, [0.335593, 0.804722], atol=1e-6)
    for run in (raw, sc):
        M, B, J = run.grid
        assert J.shape == (200, 200)
        assert M.min() < run.optimum[0] < M.max() and B.min() < run.optimum[1] < B.max()
        assert M.min() < run.trajectory.points[0, 0] < M.max()
        assert B.min() < run.trajectory.points[0, 1] < B.max()


def test_feature_scaling_zigzag_vs_straight(scaling):
    raw, sc = scaling.raw.trajectory, scaling.scaled.trajectory

    def rel(run, t):
        return np.linalg.norm(t.final - run.optimum) / np.linalg.norm(t.points[0] - run.optimum)

    # the round bowl: each step halves the distance (a quarter of the limit), 0.5¹⁶ ≈ 1.5·10⁻⁵
    assert rel(scaling.scaled, sc) == pytest.approx(0.5**16, rel=1e-6)
    assert rel(scaling.raw, raw) > 0.8
    assert sc.losses[-1] - 0.009026 < 1e-6 < raw.losses[-1] - 0.009026
    dm = np.diff(raw.points[:, 0])
    assert np.all(dm[:-1] * dm[1:] < 0)  # m overshoots back and forth: zig-zag
    # every raw step lands on the other side of the valley floor, its distance from the floor
    # multiplied by 1 − 2 · 0.97 = −0.94 (raw_fraction of the limit 2/λ_max), so the last
    # bounce is still 0.94¹⁶ ≈ 0.37 of the first
    across = scaling.raw.across()
    np.testing.assert_allclose(across[1:] / across[:-1], 1 - 2 * 0.97, rtol=1e-9)
    assert abs(across[-1] / across[0]) == pytest.approx(0.94**16)
    assert abs(across[0]) == pytest.approx(0.669, abs=1e-3)
    d = sc.points[1:] - sc.points[0]
    assert np.all(np.abs(d[:, 0] * d[0, 1] - d[:, 1] * d[0, 0]) < 1e-12)  # one straight line


def test_feature_scaling_bad_input():
    with pytest.raises(ValueError, match="raw_fraction"):
        feature_scaling_paths(raw_fraction=1.5)
    with pytest.raises(ValueError, match="scaled_fraction"):
        feature_scaling_paths(scaled_fraction=0)
    with pytest.raises(ValueError, match="start"):
        feature_scaling_paths(start=(1.0, 2.0, 3.0))
    with pytest.raises(ValueError, match="steps"):
        feature_scaling_paths(steps=-1)


# --- 10: gradient check ---------------------------------------------------------------------
def test_gradient_check_demo():
    gc = gradient_check_demo()
    p = nn.parameter_count((2, 3, 2))
    assert p == 17 and gc.analytic.shape == gc.numeric.shape == gc.per_weight.shape == (p,)
    assert gc.relative_error < 1e-7 and np.all(gc.per_weight < 1e-6)
    assert (gc.forward_passes, gc.backprop_passes) == passes_for((2, 3, 2)) == (34, 2)
    assert np.array_equal(gradient_check_demo().analytic, gc.analytic)
    with pytest.raises(ValueError, match="n"):
        gradient_check_demo(n=0)


def test_passes_for_the_mnist_network():
    assert MNIST_SIZES == (784, 15, 10)
    assert nn.parameter_count(MNIST_SIZES) == 11935
    assert passes_for() == passes_for([784, 15, 10]) == (23870, 2)
    with pytest.raises(ValueError, match="sizes"):
        passes_for([3])


def test_regularization_sweep_best_is_the_least_test_cost_between_the_decades():
    from gdcore import training_procedure as tp
    ex = tp.REGULARIZATION
    lams = ex.sweep_lams()
    # from the least positive λ of the grid to the largest, sweep_per_decade values a decade
    assert lams[0] == min(v for v in ex.lams if v > 0) and np.isclose(lams[-1], ex.lams.max())
    np.testing.assert_allclose(np.diff(np.log10(lams)), 1 / ex.sweep_per_decade)
    d = tp.overfit_data()
    test = tp.regularization_path(d.x, d.y, ex.degree, lams, d.x_test, d.y_test).test
    lam, j = ex.sweep_best()
    assert lam == lams[np.argmin(test)] and j == test.min()
    # between the decades: below the least test cost of the grid (0.0396 at 10⁻⁴)
    _, rp = ex.run()
    assert j < rp.test.min() and 4e-5 < lam < 5e-5
