"""Tests for gdcore.descent: convergence, clean divergence, mini-batches and the log schedule."""

from __future__ import annotations

import numpy as np
import pytest

from gdcore import descent, regression
from gdcore.data import regression_points
from gdcore.optimizers import adam, momentum, sgd
from gdcore.surfaces import rosenbrock, valley

X, Y = regression_points()
M_STAR, B_STAR = 0.335593220338983, 0.804721549636804  # least squares, from the shared facts


def full_gradient(theta):
    return np.array(regression.gradient(theta[0], theta[1], X, Y))


def full_cost(theta):
    return regression.cost(theta[0], theta[1], X, Y)


# --- Gradient descent on the regression cost --------------------------------------------------


def test_gd_below_stable_rate_converges_to_least_squares():
    t = descent.run_regression(sgd(0.13), X, Y, (0.0, 0.0), 4000)
    assert t.diverged is False
    assert t.diverged_at is None and t.reason == ""
    assert t.steps == 4000 and t.steps_requested == 4000
    assert t.points.shape == (4001, 2) and t.losses.shape == (4001,)
    m, b = regression.least_squares(X, Y)
    assert abs(m - M_STAR) < 1e-6 and abs(b - B_STAR) < 1e-6
    assert np.max(np.abs(t.final - (m, b))) < 1e-6
    assert t.losses[-1] == pytest.approx(0.009026, abs=1e-6)
    assert t.points[0].tolist() == [0.0, 0.0]
    assert t.losses[0] == pytest.approx(full_cost(np.zeros(2)), abs=1e-15)


def test_gd_above_stable_rate_diverges_cleanly():
    assert 0.14 > regression.max_stable_rate(X)
    requested = 2000
    t = descent.run_regression(sgd(0.14), X, Y, (0.0, 0.0), requested)
    assert t.diverged is True
    assert isinstance(t.diverged_at, int)
    assert 0 < t.diverged_at <= requested
    assert "bound" in t.reason
    assert np.all(np.isfinite(t.points)) and np.all(np.isfinite(t.losses))
    assert len(t.points) == len(t.losses) == t.steps + 1 < requested + 1
    assert t.diverged_at == t.steps  # the point beyond the bound is the last one stored
    # Stopped at the first point beyond a bound (|θ| > 1e6 or J > 1e12), not before.
    assert np.max(np.abs(t.final)) > 1e6 or t.losses[-1] > 1e12
    assert np.max(np.abs(t.points[-2])) <= 1e6 and t.losses[-2] <= 1e12
    # It really grows: the loss at the end dwarfs the loss at the start.
    assert t.losses[-1] > 1e6 * t.losses[0]


def test_overflow_stops_before_storing_inf():
    # A huge rate and no practical bound: θ overflows; nothing non-finite is stored.
    requested = 1000
    t = descent.run(
        sgd(10.0),
        full_gradient,
        (0.0, 0.0),
        requested,
        loss_fn=full_cost,
        bound=1e300,
        loss_bound=np.inf,
    )
    assert t.diverged is True
    assert isinstance(t.diverged_at, int)
    assert "non-finite" in t.reason
    assert t.diverged_at == t.steps + 1  # the non-finite θ_t is not stored
    assert np.all(np.isfinite(t.points)) and np.all(np.isfinite(t.losses))
    assert len(t.points) == len(t.losses) == t.steps + 1 < requested + 1


def test_nan_gradient_stops_with_nothing_nan_stored():
    calls = []

    def grad_fn(theta):
        calls.append(theta.copy())
        if len(calls) == 5:
            return np.array([np.nan, 0.0])
        return 2.0 * theta

    t = descent.run(sgd(0.1), grad_fn, (1.0, -1.0), 50, loss_fn=lambda th: float(th @ th))
    assert t.diverged is True
    assert t.diverged_at == 5
    assert "non-finite" in t.reason
    assert t.steps == 4 and t.points.shape == (5, 2) and t.losses.shape == (5,)
    assert np.all(np.isfinite(t.points)) and np.all(np.isfinite(t.losses))
    # θ_k = 0.8^k θ_0 before the nan.
    assert np.allclose(t.points[4], [0.8**4, -(0.8**4)], rtol=1e-14)


def test_nan_gradient_at_first_step_without_loss():
    t = descent.run(sgd(0.1), lambda th: np.full(2, np.nan), (1.0, 2.0), 10)
    assert t.diverged is True and t.diverged_at == 1
    assert t.losses is None
    assert t.points.tolist() == [[1.0, 2.0]]


def test_nan_loss_stops_too():
    t = descent.run(
        sgd(0.1),
        lambda th: th,
        (1.0,),
        10,
        loss_fn=lambda th: np.nan if th[0] < 0.7 else float(th[0]),
    )
    # θ: 1, 0.9, 0.81, 0.729, 0.6561 (loss nan at step 4)
    assert t.diverged_at == 4 and t.steps == 3
    assert np.allclose(t.points[:, 0], [1.0, 0.9, 0.81, 0.729])


def test_losses_non_increasing_for_small_rate():
    t = descent.run_regression(sgd(0.05), X, Y, (0.0, 0.0), 2000)
    assert not t.diverged
    assert np.all(np.diff(t.losses) <= 1e-15)
    assert t.losses[-1] < t.losses[0] / 10
    np.testing.assert_allclose(t.losses, [full_cost(p) for p in t.points], rtol=1e-12, atol=1e-15)


def test_losses_non_increasing_on_the_valley():
    t = descent.run(sgd(0.1), valley.grad, (-9.0, 2.0), 300, loss_fn=valley.value)
    assert not t.diverged
    assert np.all(np.diff(t.losses) <= 0)
    assert t.losses[-1] < 1e-2 * t.losses[0]


def test_run_matches_a_hand_loop():
    t = descent.run(sgd(0.01), full_gradient, (0.0, 0.0), 3)
    th = np.zeros(2)
    expected = [th.tolist()]
    for _ in range(3):
        th = th - 0.01 * full_gradient(th)
        expected.append(th.tolist())
    assert np.allclose(t.points, expected, rtol=1e-15, atol=0)


def test_trajectory_is_read_only():
    t = descent.run(sgd(0.1), valley.grad, (1.0, 1.0), 5, loss_fn=valley.value)
    assert not t.points.flags.writeable and not t.losses.flags.writeable
    with pytest.raises(ValueError):
        t.points[0, 0] = 3.0


def test_zero_steps():
    t = descent.run(sgd(0.1), valley.grad, (1.0, 1.0), 0, loss_fn=valley.value)
    assert t.steps == 0 and not t.diverged
    assert t.points.tolist() == [[1.0, 1.0]] and t.losses.tolist() == [valley.value((1.0, 1.0))]


def test_run_bad_input():
    with pytest.raises(ValueError, match="steps"):
        descent.run(sgd(0.1), valley.grad, (1.0, 1.0), -1)
    with pytest.raises(ValueError, match="bound"):
        descent.run(sgd(0.1), valley.grad, (1.0, 1.0), 5, bound=0)
    with pytest.raises(ValueError, match="start"):
        descent.run(sgd(0.1), valley.grad, [[1.0, 1.0]], 5)


def test_momentum_and_adam_reach_rosenbrock_neighbourhood():
    t = descent.run(adam(0.02), rosenbrock.grad, (-1.5, 2.0), 5000, loss_fn=rosenbrock.value)
    assert not t.diverged
    assert t.losses[-1] < 1e-3 * t.losses[0]
    t = descent.run(
        momentum(1e-3, 0.9), rosenbrock.grad, (-1.5, 2.0), 5000, loss_fn=rosenbrock.value
    )
    assert not t.diverged
    assert np.max(np.abs(t.final - (1.0, 1.0))) < 0.05


# --- Mini-batch and stochastic descent --------------------------------------------------------


@pytest.mark.parametrize("bs", [1, 3])
def test_minibatch_reproducible_with_seed_and_different_with_another(bs):
    a = descent.run_regression(sgd(0.02), X, Y, (0.0, 0.0), 60, batch_size=bs, seed=7)
    b = descent.run_regression(sgd(0.02), X, Y, (0.0, 0.0), 60, batch_size=bs, seed=7)
    c = descent.run_regression(sgd(0.02), X, Y, (0.0, 0.0), 60, batch_size=bs, seed=8)
    assert np.array_equal(a.points, b.points) and np.array_equal(a.losses, b.losses)
    assert not np.array_equal(a.points, c.points)
    full = descent.run_regression(sgd(0.02), X, Y, (0.0, 0.0), 60)
    assert not np.allclose(a.points, full.points)  # the stochastic path is a different path
    # Losses are the full-data cost at each stored point, whatever the batch.
    np.testing.assert_allclose(a.losses, [full_cost(p) for p in a.points], rtol=1e-12, atol=1e-15)


def test_single_sample_first_step_uses_one_point():
    t = descent.run_regression(sgd(0.1), X, Y, (0.0, 0.0), 1, batch_size=1, seed=3)
    step = -(t.points[1] - t.points[0]) / 0.1  # the gradient used
    # At θ = 0 the gradient of point i alone is (−x_i y_i, −y_i).
    candidates = [(-xi * yi, -yi) for xi, yi in zip(X, Y)]
    assert any(np.allclose(step, c, rtol=1e-14) for c in candidates)


def test_stochastic_descent_gets_near_the_minimum():
    t = descent.run_regression(sgd(0.01), X, Y, (0.0, 0.0), 5000, batch_size=1, seed=0)
    assert not t.diverged
    assert 0.009026 - 1e-6 < t.losses[-1] < 0.0096  # J* = 0.009026; noise keeps it above


def test_batch_size_none_equals_full_batch():
    a = descent.run_regression(sgd(0.1), X, Y, (1.0, -1.0), 200, batch_size=None, seed=1)
    b = descent.run_regression(sgd(0.1), X, Y, (1.0, -1.0), 200, batch_size=7, seed=99)
    c = descent.run(sgd(0.1), full_gradient, (1.0, -1.0), 200, loss_fn=full_cost)
    assert np.array_equal(a.points, b.points)
    assert np.array_equal(a.points, c.points)
    assert np.array_equal(a.losses, c.losses)


@pytest.mark.parametrize("bs", [0, -1, 8, 100, 2.5])
def test_bad_batch_size_raises(bs):
    with pytest.raises(ValueError, match="batch_size"):
        descent.run_regression(sgd(0.1), X, Y, (0.0, 0.0), 10, batch_size=bs)


def test_run_regression_rejects_mismatched_data():
    with pytest.raises(ValueError, match="x and y"):
        descent.run_regression(sgd(0.1), X, Y[:-1], (0.0, 0.0), 10)


# --- The log-spaced frame schedule ------------------------------------------------------------


@pytest.mark.parametrize(("steps", "frames"), [(1000, 20), (5000, 60), (300, 40), (10, 5)])
def test_log_schedule_properties(steps, frames):
    s = descent.log_schedule(steps, frames)
    assert s[0] == 0
    assert s[-1] == steps
    assert np.all(np.diff(s) > 0)
    assert len(s) <= frames
    assert s.dtype.kind == "i"
    gaps = np.diff(s)
    half = len(gaps) // 2
    assert gaps[:half].mean() < gaps[half:].mean()  # denser early
    assert gaps[0] == 1


def test_log_schedule_concrete():
    s = descent.log_schedule(1000, 20)
    # More frames in the first tenth of the run than in its second half.
    assert np.sum(s <= 100) > np.sum(s >= 500)
    assert s[:4].tolist() == [0, 1, 2, 3]
    assert len(s) >= 15
    # More frames than steps: every step.
    assert descent.log_schedule(10, 50).tolist() == list(range(11))


def test_log_schedule_bad_input():
    with pytest.raises(ValueError, match="steps"):
        descent.log_schedule(0, 10)
    with pytest.raises(ValueError, match="frames"):
        descent.log_schedule(100, 1)
