"""Tests for gdcore.regression: the shared facts of the regression section, checked as values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdcore import regression
from gdcore.data import CANDIDATES, regression_points

X, Y = regression_points()


def loop_cost(m: float, b: float) -> float:
    """J(m, b) = 1/(2n) Σ (y_i − (m x_i + b))², written as a plain loop over the 7 points."""
    total = 0.0
    for xi, yi in zip(X.tolist(), Y.tolist()):
        r = yi - (m * xi + b)
        total += r * r
    return total / (2 * len(X))


# --- Shared facts: candidate lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("m", "b", "shown"),
    [(0.92, -1.0, 0.17), (-0.11, 2.5, 0.08), (0.52, 0.1, 0.02)],
)
def test_candidate_costs_match_the_figure_titles(m, b, shown):
    j = regression.cost(m, b, X, Y)
    assert isinstance(j, float)
    assert round(j, 2) == shown
    assert j == pytest.approx(loop_cost(m, b), abs=1e-12)


def test_candidate_costs_exact_values():
    # The exact rational values of the three half mean squared errors (Σ r² / 14 by hand).
    expected = [84457 / 500000, 280421 / 3500000, 74639 / 3500000]
    got = [regression.cost(m, b, X, Y) for m, b in CANDIDATES]
    assert got == pytest.approx(expected, abs=1e-12)
    assert got == pytest.approx([loop_cost(m, b) for m, b in CANDIDATES], abs=1e-12)


def test_candidates_are_the_three_of_the_chapter():
    assert CANDIDATES == ((0.92, -1.0), (-0.11, 2.5), (0.52, 0.1))


# --- Shared facts: least squares --------------------------------------------------------------


def test_least_squares_values():
    m, b = regression.least_squares(X, Y)
    assert m == pytest.approx(0.335593, abs=1e-6)
    assert b == pytest.approx(0.804722, abs=1e-6)
    assert regression.cost(m, b, X, Y) == pytest.approx(0.009026, abs=1e-6)
    assert regression.cost(m, b, X, Y) == pytest.approx(loop_cost(m, b), abs=1e-12)


def test_least_squares_agrees_with_polyfit():
    m, b = regression.least_squares(X, Y)
    pm, pb = np.polyfit(X, Y, 1)
    assert m == pytest.approx(pm, abs=1e-12)
    assert b == pytest.approx(pb, abs=1e-12)


def test_least_squares_is_the_minimum_of_the_cost():
    m, b = regression.least_squares(X, Y)
    j = regression.cost(m, b, X, Y)
    for dm, db in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3), (1e-3, -1e-3)]:
        assert regression.cost(m + dm, b + db, X, Y) > j


def test_least_squares_needs_two_distinct_x():
    with pytest.raises(ValueError, match="x"):
        regression.least_squares([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])


# --- Shared facts: Hessian and the stable learning rate ---------------------------------------


def test_hessian_eigenvalues_and_condition_number():
    h = regression.hessian(X)
    lo, hi = np.linalg.eigvalsh(h)
    assert float(f"{hi:.5g}") == 14.588
    assert float(f"{lo:.3g}") == 0.0462
    assert hi / lo == pytest.approx(316, abs=0.5)
    n = len(X)
    expected = np.array([[sum(v * v for v in X) / n, sum(X) / n], [sum(X) / n, 1.0]])
    assert np.allclose(h, expected, rtol=1e-14)


def test_hessian_equals_finite_differences_of_gradient():
    h = regression.hessian(X, Y)
    e = 1e-4
    m, b = 0.3, -0.7
    gm_p = regression.gradient(m + e, b, X, Y)
    gm_m = regression.gradient(m - e, b, X, Y)
    gb_p = regression.gradient(m, b + e, X, Y)
    gb_m = regression.gradient(m, b - e, X, Y)
    fd = np.array(
        [
            [(gm_p[0] - gm_m[0]) / (2 * e), (gb_p[0] - gb_m[0]) / (2 * e)],
            [(gm_p[1] - gm_m[1]) / (2 * e), (gb_p[1] - gb_m[1]) / (2 * e)],
        ]
    )
    assert np.allclose(h, fd, atol=1e-8)


def test_max_stable_rate():
    rate = regression.max_stable_rate(X)
    assert rate == pytest.approx(0.1371, abs=5e-5)
    assert rate == pytest.approx(2 / np.linalg.eigvalsh(regression.hessian(X))[-1], rel=1e-14)
    assert 0.13 < rate < 0.14


# --- Gradient ---------------------------------------------------------------------------------


def test_gradient_signs_when_line_below_all_points():
    # m = 0, b = 0: the line y = 0 lies below every point (all y_i > 0), so every residual is
    # positive and both partial derivatives −(1/n)Σ x r and −(1/n)Σ r are negative.
    assert np.all(Y > 0)
    dm, db = regression.gradient(0.0, 0.0, X, Y)
    assert dm < 0 and db < 0
    n = len(X)
    assert dm == pytest.approx(-sum(xi * yi for xi, yi in zip(X, Y)) / n, rel=1e-14)
    assert db == pytest.approx(-sum(Y) / n, rel=1e-14)


def test_gradient_signs_when_line_above_all_points():
    dm, db = regression.gradient(0.0, 10.0, X, Y)
    assert dm > 0 and db > 0


@pytest.mark.parametrize(("m", "b"), [(0.0, 0.0), (0.92, -1.0), (-0.11, 2.5), (3.0, -5.0)])
def test_gradient_equals_central_finite_differences(m, b):
    e = 1e-6
    fd_m = (loop_cost(m + e, b) - loop_cost(m - e, b)) / (2 * e)
    fd_b = (loop_cost(m, b + e) - loop_cost(m, b - e)) / (2 * e)
    dm, db = regression.gradient(m, b, X, Y)
    assert dm == pytest.approx(fd_m, abs=1e-7)
    assert db == pytest.approx(fd_b, abs=1e-7)
    # And against the loop form of the formula, exactly.
    n = len(X)
    r = [yi - (m * xi + b) for xi, yi in zip(X, Y)]
    assert dm == pytest.approx(-sum(xi * ri for xi, ri in zip(X, r)) / n, abs=1e-12)
    assert db == pytest.approx(-sum(r) / n, abs=1e-12)


def test_gradient_is_zero_at_least_squares():
    dm, db = regression.gradient(*regression.least_squares(X, Y), X, Y)
    assert abs(dm) < 1e-12
    assert abs(db) < 1e-12


def test_gradient_broadcasts_like_pointwise():
    ms = np.array([[0.0, 0.5], [1.0, -2.0]])
    bs = np.array([[1.0, -1.0], [0.3, 4.0]])
    dm, db = regression.gradient(ms, bs, X, Y)
    assert dm.shape == db.shape == (2, 2)
    for i in range(2):
        for j in range(2):
            pm, pb = regression.gradient(float(ms[i, j]), float(bs[i, j]), X, Y)
            assert dm[i, j] == pytest.approx(pm, abs=1e-13)
            assert db[i, j] == pytest.approx(pb, abs=1e-13)


# --- Cost broadcasting and the grid -----------------------------------------------------------


def test_cost_on_1000_by_1000_grid_equals_naive_loop():
    M, B = np.meshgrid(np.linspace(-2.0, 4.0, 1000), np.linspace(-6.0, 8.0, 1000))
    J = regression.cost(M, B, X, Y)
    assert J.shape == (1000, 1000)
    assert np.all(np.isfinite(J)) and np.all(J >= 0)
    rng = np.random.default_rng(0)
    cells = [(0, 0), (999, 999), (0, 999), (999, 0)] + [
        tuple(int(v) for v in rng.integers(0, 1000, 2)) for _ in range(12)
    ]
    for i, j in cells:
        expected = loop_cost(float(M[i, j]), float(B[i, j]))
        assert J[i, j] == pytest.approx(expected, rel=1e-11, abs=1e-12)


def test_cost_scalar_returns_float_and_array_returns_array():
    assert isinstance(regression.cost(0.1, 0.2, X, Y), float)
    j = regression.cost(np.array([0.1, 0.2]), 0.2, X, Y)
    assert isinstance(j, np.ndarray) and j.shape == (2,)
    assert j[1] == pytest.approx(loop_cost(0.2, 0.2), abs=1e-12)


def test_cost_grid_shapes_and_orientation():
    M, B, J = regression.cost_grid(X, Y, m_range=(-2.0, 4.0), b_range=(-6.0, 8.0), size=50)
    assert M.shape == B.shape == J.shape == (50, 50)
    # Columns follow m, rows follow b ('xy' meshgrid order).
    assert np.all(M[0] == np.linspace(-2.0, 4.0, 50))
    assert np.all(B[:, 0] == np.linspace(-6.0, 8.0, 50))
    assert np.all(M[:, 7] == M[0, 7]) and np.all(B[7, :] == B[7, 0])
    assert J[3, 11] == pytest.approx(loop_cost(float(M[3, 11]), float(B[3, 11])), abs=1e-11)
    M2, B2, J2 = regression.cost_grid(X, Y, size=7)
    assert J2.shape == (7, 7)
    assert M2[0, 0] == -2.0 and M2[0, -1] == 4.0 and B2[0, 0] == -6.0 and B2[-1, 0] == 8.0


def test_cost_grid_size_must_be_at_least_two():
    with pytest.raises(ValueError, match="size"):
        regression.cost_grid(X, Y, size=1)


def test_cost_rejects_mismatched_data():
    with pytest.raises(ValueError, match="x and y"):
        regression.cost(0.0, 0.0, [1.0, 2.0], [1.0])


# --- Helpers: residuals, predict, standardise, polynomials ------------------------------------


def test_residuals_and_predict():
    r = regression.residuals(0.5, 0.25, X, Y)
    assert np.allclose(r, [(0.5 * xi + 0.25) - yi for xi, yi in zip(X, Y)], atol=1e-15)
    assert np.allclose(regression.predict(0.5, 0.25, [0.0, 2.0]), [0.25, 1.25])


def test_standardize():
    z, mu, sd = regression.standardize(X)
    assert mu == pytest.approx(sum(X) / 7, rel=1e-14)
    assert sd == pytest.approx(math.sqrt(sum((v - mu) ** 2 for v in X) / 7), rel=1e-14)
    assert z.mean() == pytest.approx(0.0, abs=1e-14)
    assert z.std() == pytest.approx(1.0, rel=1e-14)
    with pytest.raises(ValueError, match="x"):
        regression.standardize([1.0, 1.0])


def test_polynomial_fit_matches_polyfit_and_ridge_shrinks():
    rng = np.random.default_rng(3)
    x = np.linspace(0.0, 1.0, 12)
    y = np.sin(2 * np.pi * x) + rng.normal(0.0, 0.1, x.size)
    w = regression.polynomial_fit(x, y, 3)
    assert np.allclose(w, np.polyfit(x, y, 3)[::-1], atol=1e-8)
    assert np.allclose(regression.polynomial_eval(w, x), np.polyval(np.polyfit(x, y, 3), x))
    assert regression.polynomial_features(np.array([2.0]), 3).tolist() == [[1.0, 2.0, 4.0, 8.0]]
    norms = [np.linalg.norm(regression.polynomial_fit(x, y, 9, lam)[1:]) for lam in (1e-6, 1e-3, 1)]
    assert norms[0] > norms[1] > norms[2]
    with pytest.raises(ValueError, match="lam"):
        regression.polynomial_fit(x, y, 3, lam=-1.0)


def test_mse():
    assert regression.mse([1.0, 2.0, 3.0], [1.0, 0.0, 6.0]) == pytest.approx((0 + 4 + 9) / 3)


def test_line_errors_by_hand():
    # f(x) = x + 1 on three points: predictions 2, 3, 4; residuals f(x_i) − y_i = −1, 1, −2
    e = regression.line_errors(1.0, 1.0, [1.0, 2.0, 3.0], [3.0, 2.0, 6.0])
    assert e.pred.tolist() == [2.0, 3.0, 4.0]
    assert e.residuals.tolist() == [-1.0, 1.0, -2.0]
    assert e.squares.tolist() == [1.0, 1.0, 4.0]
    assert e.total == 6.0 and e.mean == 2.0 and e.cost == pytest.approx(1.0)
