"""Tests for gdcore.data: the 7 points, noisy sine, two moons, splits and k-fold indices."""

from __future__ import annotations

import numpy as np
import pytest

from gdcore import data


def test_regression_points_exact_values():
    x, y = data.regression_points()
    assert x.dtype == np.float64 and y.dtype == np.float64
    assert x.tolist() == [2.4, 2.8, 3.2, 3.6, 4.0, 4.2, 5.0]
    assert y.tolist() == [1.7, 1.85, 1.79, 1.95, 2.1, 2.0, 2.7]


def test_regression_points_are_fresh_copies():
    x, _ = data.regression_points()
    x[0] = 99.0
    assert data.regression_points()[0][0] == 2.4


def test_noisy_sine_seeded_and_sorted():
    x1, y1 = data.noisy_sine(10, 0.25, seed=4)
    x2, y2 = data.noisy_sine(10, 0.25, seed=4)
    x3, y3 = data.noisy_sine(10, 0.25, seed=5)
    assert x1.shape == y1.shape == (10,)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
    assert not np.array_equal(y1, y3)
    assert np.all(np.diff(x1) > 0)
    assert np.all((x1 >= 0) & (x1 <= 1))
    # One sample per tenth of [0, 1], jittered within it.
    assert np.all(np.floor(x1 * 10) == np.arange(10))


def test_noisy_sine_without_noise_is_the_sine():
    x, y = data.noisy_sine(20, 0.0, seed=1)
    assert np.allclose(y, np.sin(2 * np.pi * x), atol=1e-15)
    assert np.allclose(data.sine([0.0, 0.25, 0.5]), [0.0, 1.0, 0.0], atol=1e-15)


def test_noisy_sine_residual_std_near_noise():
    x, y = data.noisy_sine(20_000, 0.3, seed=2)
    resid = y - data.sine(x)
    assert resid.std() == pytest.approx(0.3, rel=0.03)
    assert abs(resid.mean()) < 0.01


def test_noisy_sine_bad_input():
    with pytest.raises(ValueError, match="n"):
        data.noisy_sine(0)
    with pytest.raises(ValueError, match="noise"):
        data.noisy_sine(10, -0.1)


def test_two_moons_shapes_and_labels():
    X, Y = data.two_moons(200, seed=0)
    assert X.shape == (200, 2) and Y.shape == (200, 1)
    assert set(np.unique(Y).tolist()) == {0.0, 1.0}
    assert Y.sum() == 100  # balanced, alternating
    assert Y[:4, 0].tolist() == [0.0, 1.0, 0.0, 1.0]
    X2, Y2 = data.two_moons(200, seed=0)
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)
    assert not np.array_equal(X, data.two_moons(200, seed=1)[0])


def test_two_moons_geometry_without_noise():
    X, Y = data.two_moons(100, noise=0.0, seed=3)
    c0, c1 = X[Y[:, 0] == 0], X[Y[:, 0] == 1]
    # Class 0 lies on the unit upper half circle; class 1 on the circle around (1, 0.5), lower half.
    assert np.allclose(np.hypot(c0[:, 0], c0[:, 1]), 1.0)
    assert np.all(c0[:, 1] >= 0)
    assert np.allclose(np.hypot(c1[:, 0] - 1.0, c1[:, 1] - 0.5), 1.0)
    assert np.all(c1[:, 1] <= 0.5)


def test_two_moons_bad_input():
    with pytest.raises(ValueError, match="n"):
        data.two_moons(1)


@pytest.mark.parametrize(
    ("n", "fractions", "sizes"),
    [
        (100, (0.6, 0.2, 0.2), (60, 20, 20)),
        (10, (0.8, 0.2), (8, 2)),
        (50, (0.7, 0.3), (35, 15)),
        (7, (0.6, 0.2, 0.2), None),
        (33, (0.5, 0.25, 0.25), None),
    ],
)
def test_split_indices_disjoint_cover_and_sizes(n, fractions, sizes):
    parts = data.split_indices(n, fractions, seed=1)
    assert len(parts) == len(fractions)
    joined = np.concatenate(parts)
    assert sorted(joined.tolist()) == list(range(n))  # disjoint and covering
    if sizes is not None:
        assert tuple(p.size for p in parts) == sizes
    for p, f in zip(parts, fractions):
        assert p.size >= 1
        assert abs(p.size - f * n) <= 1.0


def test_split_indices_seeded():
    a = data.split_indices(20, (0.5, 0.5), seed=3)
    b = data.split_indices(20, (0.5, 0.5), seed=3)
    c = data.split_indices(20, (0.5, 0.5), seed=4)
    assert all(np.array_equal(p, q) for p, q in zip(a, b))
    assert not np.array_equal(a[0], c[0])


def test_split_indices_bad_input():
    with pytest.raises(ValueError, match="fractions"):
        data.split_indices(10, (0.5, 0.6))
    with pytest.raises(ValueError, match="fractions"):
        data.split_indices(10, (1.0,))
    with pytest.raises(ValueError, match="fractions"):
        data.split_indices(10, (0.5, 0.0, 0.5))
    with pytest.raises(ValueError, match="too small"):
        data.split_indices(2, (0.6, 0.2, 0.2))
    with pytest.raises(ValueError, match="n"):
        data.split_indices(0)


@pytest.mark.parametrize(("n", "k", "seed"), [(10, 5, 0), (23, 5, 1), (7, 3, None), (9, 9, 2)])
def test_kfold_indices(n, k, seed):
    rounds = data.kfold_indices(n, k, seed=seed)
    assert len(rounds) == k
    held = [h for _, h in rounds]
    assert sorted(np.concatenate(held).tolist()) == list(range(n))  # disjoint, covering
    sizes = [h.size for h in held]
    assert max(sizes) - min(sizes) <= 1
    assert sum(sizes) == n
    for train, h in rounds:
        assert set(train.tolist()).isdisjoint(h.tolist())
        assert sorted(train.tolist() + h.tolist()) == list(range(n))
        assert train.size == n - h.size


def test_kfold_unshuffled_is_consecutive():
    rounds = data.kfold_indices(10, 5, seed=None)
    assert [h.tolist() for _, h in rounds] == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]
    assert rounds[0][0].tolist() == list(range(2, 10))


def test_kfold_bad_input():
    with pytest.raises(ValueError, match="k"):
        data.kfold_indices(10, 1)
    with pytest.raises(ValueError, match="k"):
        data.kfold_indices(3, 4)
    with pytest.raises(ValueError, match="n"):
        data.kfold_indices(0, 2)
