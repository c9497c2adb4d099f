"""Tests for gdcore.surfaces: gradients against finite differences, minima, vectorisation."""

from __future__ import annotations

import numpy as np
import pytest

from gdcore import surfaces
from gdcore.surfaces import beale, bumpy, rosenbrock, saddle, valley

SURFACES_2D = [beale, valley, saddle, rosenbrock]
POINTS_2D = [(0.3, -0.7), (1.2, 0.4), (-1.1, 1.6), (2.0, -0.25), (3.0, 0.5), (0.0, 0.0)]


def central_difference(surface, theta, h=1e-6):
    theta = np.asarray(theta, dtype=np.float64)
    out = np.empty_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        out[i] = (surface.value(theta + e) - surface.value(theta - e)) / (2 * h)
    return out


@pytest.mark.parametrize("surface", SURFACES_2D, ids=lambda s: s.name)
@pytest.mark.parametrize("point", POINTS_2D)
def test_gradient_equals_central_finite_differences(surface, point):
    g = surface.grad(point)
    fd = central_difference(surface, point)
    assert g.shape == (2,)
    assert np.allclose(g, fd, rtol=1e-6, atol=1e-5)


def test_bumpy_gradient_equals_central_finite_differences():
    for w in (-3.5, -2.0, -0.4, 0.0, 0.9, 2.5, 3.7):
        assert bumpy.grad([w])[0] == pytest.approx(central_difference(bumpy, [w])[0], abs=1e-7)


def test_gradients_by_hand_at_one_point():
    # Rosenbrock at (0, 0): ∂x = −2(1 − 0) − 0 = −2, ∂y = 200(0 − 0) = 0.
    assert rosenbrock.grad([0.0, 0.0]).tolist() == [-2.0, 0.0]
    # Valley: (0.1 x, 5 y); saddle: (2x, −2y).
    assert valley.grad([2.0, 1.0]).tolist() == pytest.approx([0.2, 5.0])
    assert saddle.grad([1.5, -0.5]).tolist() == [3.0, 1.0]
    # Beale at (1, 1): a = 1.5, b = 2.25, c = 2.625; ∂x = 2a·0 + 2b·0 + 2c·0 = 0,
    # ∂y = 2a·x + 2b·2xy + 2c·3xy² = 3 + 9 + 15.75 = 27.75.
    assert beale.grad([1.0, 1.0]).tolist() == pytest.approx([0.0, 27.75])


@pytest.mark.parametrize(
    ("surface", "minimum"), [(beale, (3.0, 0.5)), (rosenbrock, (1.0, 1.0)), (valley, (0.0, 0.0))]
)
def test_known_minimum_value_and_zero_gradient(surface, minimum):
    assert surface.minimum == minimum
    assert surface.value(minimum) == 0.0
    assert np.all(surface.grad(minimum) == 0.0)
    # Nearby points are strictly higher.
    for d in [(1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)]:
        assert surface.value(np.add(minimum, d)) > 0.0


def test_saddle_has_no_minimum_but_a_stationary_point():
    assert saddle.minimum is None
    assert np.all(saddle.grad([0.0, 0.0]) == 0.0)
    assert saddle.value([0.1, 0.0]) > 0 > saddle.value([0.0, 0.1])


def test_bumpy_local_minima():
    mins = surfaces.local_minima_1d(bumpy)
    assert mins.size >= 3
    depths = bumpy(mins)
    assert len(set(np.round(depths, 6).tolist())) == mins.size  # all different depths
    for w in mins:
        assert abs(bumpy.grad([w])[0]) < 1e-9  # stationary
        assert bumpy.value([w - 1e-3]) > bumpy.value([w]) < bumpy.value([w + 1e-3])
    # bumpy.minimum is the deepest, and the global minimum over the window on a fine grid.
    assert bumpy.minimum == (float(mins[np.argmin(depths)]),)
    ((lo, hi),) = bumpy.window
    w = np.linspace(lo, hi, 400_001)
    assert bumpy.minimum[0] == pytest.approx(w[np.argmin(bumpy(w))], abs=1e-4)
    assert bumpy.value(bumpy.minimum) == pytest.approx(float(bumpy(w).min()), abs=1e-9)
    assert bumpy.value(bumpy.minimum) < min(bumpy.value([m]) for m in mins if m != bumpy.minimum[0])


def test_bumpy_minima_values():
    mins = surfaces.local_minima_1d(bumpy)
    assert mins.tolist() == pytest.approx([-2.2103399, 0.12732384, 2.48739606], abs=1e-7)
    # J(w*) by hand: 0.12 w² − 0.5 w − 0.6 cos(2.5 w) + 1.2 at each; the deepest still positive
    assert bumpy(mins).tolist() == pytest.approx([2.45544, 0.56842, 0.10001], abs=1e-5)
    ((lo, hi),) = bumpy.window
    assert bumpy(np.linspace(lo, hi, 100_001)).min() > 0  # a cost: positive everywhere


@pytest.mark.parametrize("surface", SURFACES_2D, ids=lambda s: s.name)
def test_vectorised_grid_equals_pointwise(surface):
    X, Y, Z = surface.grid(40)
    assert X.shape == Y.shape == Z.shape == (40, 40)
    (x0, x1), (y0, y1) = surface.window
    assert X[0, 0] == x0 and X[0, -1] == x1 and Y[0, 0] == y0 and Y[-1, 0] == y1
    for i, j in [(0, 0), (39, 39), (5, 17), (22, 3), (31, 30)]:
        assert Z[i, j] == pytest.approx(surface.value([X[i, j], Y[i, j]]), rel=1e-14, abs=1e-14)
    # The gradient function also vectorises.
    gx, gy = surface.grad_xy(X, Y)
    for i, j in [(0, 0), (7, 33), (39, 1)]:
        assert np.allclose([gx[i, j], gy[i, j]], surface.grad([X[i, j], Y[i, j]]), rtol=1e-14)


def test_bumpy_vectorised_equals_pointwise():
    w = np.linspace(-4.0, 4.0, 33)
    v = bumpy(w)
    assert v.shape == (33,)
    for k in (0, 10, 32):
        assert v[k] == pytest.approx(bumpy.value([w[k]]), rel=1e-15)


def test_surface_formulas_by_hand():
    assert rosenbrock.value([0.0, 0.0]) == 1.0
    assert rosenbrock.value([-1.0, 1.0]) == 4.0
    assert beale.value([0.0, 0.0]) == pytest.approx(1.5**2 + 2.25**2 + 2.625**2)
    assert valley.value([2.0, 1.0]) == pytest.approx(0.5 * (0.1 * 4 + 5.0))
    assert saddle.value([2.0, 1.0]) == 3.0
    assert bumpy.value([0.0]) == pytest.approx(0.6)  # −0.6 cos 0 + 1.2


def test_registry():
    assert set(surfaces.SURFACES) == {"Beale", "long valley", "saddle", "Rosenbrock", "bumpy loss"}
    assert surfaces.SURFACES["Beale"] is beale


def test_tangent_plane_by_hand():
    # valley f = (0.1 x² + 5 y²) / 2 at (2, 1): f = 2.7, ∇f = (0.2, 5)
    assert valley.tangent((2.0, 1.0), 0.0, 0.0) == pytest.approx(2.7)
    assert valley.tangent((2.0, 1.0), 1.0, 0.5) == pytest.approx(2.7 + 0.2 + 2.5)
    line = valley.tangent((2.0, 0.0), np.array([-1.0, 0.0, 1.0]), 0.0)
    np.testing.assert_allclose(line, [0.2 - 0.2, 0.2, 0.2 + 0.2])
    with pytest.raises(ValueError):
        valley.tangent((2.0, 1.0), 1.0)  # one offset per coordinate


def test_grid_over_another_window():
    X, Y, Z = valley.grid(3, ((0.0, 2.0), (-1.0, 1.0)))
    assert X[0].tolist() == [0.0, 1.0, 2.0] and Y[:, 0].tolist() == [-1.0, 0.0, 1.0]
    assert Z[1, 2] == pytest.approx(0.5 * 0.1 * 4)
