"""Linear and polynomial regression: the half-MSE cost J(m, b), its gradient and Hessian,
least squares, polynomial features, ridge (L2) fits and standardisation.

The model is f(x) = m x + b; the cost is J(m, b) = 1/(2n) Σ (y_i − (m x_i + b))².
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._arguments import positive_int, same_length


@dataclass(frozen=True)
class Sums:
    """The sufficient statistics of the data for J: n, Σx, Σy, Σx², Σxy, Σy²."""

    n: int
    sx: float
    sy: float
    sxx: float
    sxy: float
    syy: float

    @classmethod
    def of(cls, x, y) -> Sums:
        """Σ over the points of 1, x, y, x², xy, y²."""
        x, y = same_length("x", x, "y", y)
        return cls(x.size, x.sum(), y.sum(), x @ x, x @ y, y @ y)


def predict(m, b, x) -> np.ndarray:
    """f(x) = m x + b."""
    return np.asarray(m) * np.asarray(x, dtype=np.float64) + np.asarray(b)


def residuals(m: float, b: float, x, y) -> np.ndarray:
    """r_i = f(x_i) − y_i = m x_i + b − y_i, the sign of the cost's and the gradient's sums
    (gdviz.equations): positive where the line passes above the point."""
    x, y = same_length("x", x, "y", y)
    return m * x + b - y


@dataclass(frozen=True, eq=False)
class LineErrors:
    """The errors of one line f(x) = m x + b on the points: predictions f(x_i), residuals r_i,
    squared errors r_i², their sum, their mean (the MSE) and the cost J = mean / 2."""

    m: float
    b: float
    pred: np.ndarray
    residuals: np.ndarray
    squares: np.ndarray
    total: float
    mean: float
    cost: float


def line_errors(m: float, b: float, x, y) -> LineErrors:
    """The errors of the line m x + b on the points (x_i, y_i) (see LineErrors)."""
    r = residuals(m, b, x, y)
    sq = r**2
    pred = predict(m, b, x)
    return LineErrors(float(m), float(b), pred, r, sq, float(sq.sum()), mse(pred, y),
                      cost(m, b, x, y))


def cost(m, b, x, y) -> np.ndarray | float:
    """J(m, b) = 1/(2n) Σ (y_i − (m x_i + b))², broadcasting over arrays of m and b.

    Computed through the data's sums, so a 1000×1000 grid of (m, b) is one vectorised call:
    J = [Σy² − 2mΣxy − 2bΣy + m²Σx² + 2mbΣx + nb²] / (2n).
    """
    s = Sums.of(x, y)
    m = np.asarray(m, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    j = (s.syy - 2 * m * s.sxy - 2 * b * s.sy + m * m * s.sxx + 2 * m * b * s.sx + s.n * b * b) / (
        2 * s.n
    )
    # Rounding can push the exact minimum a hair below zero; J is a sum of squares.
    j = np.maximum(j, 0.0)
    return float(j) if j.ndim == 0 else j


def gradient(m, b, x, y) -> tuple:
    """(∂J/∂m, ∂J/∂b) = (−(1/n) Σ x_i r_i, −(1/n) Σ r_i), r_i = y_i − (m x_i + b).

    Broadcasts over arrays of m and b, through the data's sums.
    """
    s = Sums.of(x, y)
    m = np.asarray(m, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    dm = -(s.sxy - m * s.sxx - b * s.sx) / s.n
    db = -(s.sy - m * s.sx - b * s.n) / s.n
    if dm.ndim == 0 and db.ndim == 0:
        return float(dm), float(db)
    return dm, db


def hessian(x, y=None) -> np.ndarray:
    """H = (1/n) [[Σx², Σx], [Σx, n]]: J's constant second derivative (y does not enter)."""
    x = np.asarray(x, dtype=np.float64)
    n = x.size
    return np.array([[x @ x / n, x.sum() / n], [x.sum() / n, 1.0]])


def least_squares(x, y) -> tuple[float, float]:
    """The minimiser of J: m* = (nΣxy − ΣxΣy)/(nΣx² − (Σx)²), b* = (Σy − m*Σx)/n."""
    s = Sums.of(x, y)
    den = s.n * s.sxx - s.sx**2
    if den == 0:
        raise ValueError("x must contain at least two distinct values")
    m = (s.n * s.sxy - s.sx * s.sy) / den
    return float(m), float((s.sy - m * s.sx) / s.n)


def cost_grid(x, y, m_range=(-2.0, 4.0), b_range=(-6.0, 8.0), size=200):
    """J on a size×size grid over m_range × b_range: returns (M, B, J), each (size, size).

    Rows follow b, columns follow m (meshgrid's 'xy' order), ready for contour plots.
    """
    size = positive_int("size", size, 2)
    M, B = np.meshgrid(np.linspace(*m_range, size), np.linspace(*b_range, size))
    return M, B, cost(M, B, x, y)


def max_stable_rate(x) -> float:
    """2/h_max, h_max the largest eigenvalue of H (the steepest curvature): plain gradient
    descent on J diverges for any larger learning rate."""
    return 2.0 / float(np.linalg.eigvalsh(hessian(x))[-1])


def standardize(x, ref=None) -> tuple[np.ndarray, float, float]:
    """z = (x − μ)/σ with μ, σ the mean and (population) standard deviation of ref (default x)."""
    x = np.asarray(x, dtype=np.float64)
    r = x if ref is None else np.asarray(ref, dtype=np.float64)
    mu, sd = float(r.mean()), float(r.std())
    if sd == 0:
        raise ValueError("x must not be constant: its standard deviation is 0")
    return (x - mu) / sd, mu, sd


def polynomial_features(x, degree: int) -> np.ndarray:
    """The Vandermonde matrix [1, x, x², …, x^degree], shape (n, degree + 1)."""
    degree = positive_int("degree", degree, 0)
    x = np.asarray(x, dtype=np.float64)
    return x[:, None] ** np.arange(degree + 1)


def polynomial_fit(x, y, degree: int, lam: float = 0.0) -> np.ndarray:
    """Polynomial least squares with an L2 penalty (ridge):

    w = argmin (1/n) Σ (y_i − Σ_k w_k x_i^k)² + λ Σ_{k≥1} w_k², solved as
    (XᵀX + nλ D) w = Xᵀy with D = diag(0, 1, …, 1): the intercept w_0 is not penalised.
    Returns w_0 … w_degree. With λ = 0 it is ordinary least squares (lstsq, stable).
    """
    x, y = same_length("x", x, "y", y)
    lam = float(lam)
    if not np.isfinite(lam) or lam < 0:
        raise ValueError(f"lam must be >= 0, got {lam!r}")
    X = polynomial_features(x, degree)
    if lam == 0:
        return np.linalg.lstsq(X, y, rcond=None)[0]
    D = np.eye(degree + 1)
    D[0, 0] = 0.0
    return np.linalg.solve(X.T @ X + x.size * lam * D, X.T @ y)


def polynomial_eval(w, x) -> np.ndarray:
    """p(x) = Σ_k w_k x^k."""
    return np.polynomial.polynomial.polyval(np.asarray(x, dtype=np.float64), np.asarray(w))


def mse(y_hat, y) -> float:
    """Mean squared error (1/n) Σ (ŷ_i − y_i)²."""
    y_hat, y = same_length("y_hat", y_hat, "y", y)
    return float(np.mean((y_hat - y) ** 2))
