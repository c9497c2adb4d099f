"""Training procedure and overfitting: the numbers behind the model-capacity, cross-validation,
regularisation, early-stopping, grid-search, non-convexity, feature-scaling and gradient-check
figures. Every seed and window below was chosen so that the figure tells its story; the tests
hold each story (and the exact counts) in place.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from . import data, descent, nn, optimizers, regression
from ._arguments import positive, positive_int, same_length, vector

#: λ from none to strong for the degree-9 fit: 0, then 1e-8 … 1 (one per decade).
DEFAULT_LAMS = np.concatenate([[0.0], np.logspace(-8, 0, 9)])
DEFAULT_LAMS.setflags(write=False)
#: The two weights of the non-convex slice: W[0][2, 0] and W[0][3, 0], as (layer, j, i).
NONCONVEX_WEIGHTS = ((0, 2, 0), (0, 3, 0))
#: The draft's MNIST-style network.
MNIST_SIZES = (784, 15, 10)


def _degrees(degrees) -> np.ndarray:
    d = [positive_int("degrees", k, 0) for k in degrees]
    if not d:
        raise ValueError("degrees must not be empty")
    return np.array(d)


def _lams(lams) -> np.ndarray:
    lams = vector("lams", lams)
    if lams.size == 0 or not np.all(np.isfinite(lams)) or np.any(lams < 0):
        raise ValueError(f"lams must be a non-empty array of finite values >= 0, got {lams!r}")
    return lams


def _poly_cost(w, x, y) -> float:
    """The chapter's cost J = (1/2n) Σ (p(x_i) − y_i)² (half the MSE) of the polynomial w."""
    return regression.mse(regression.polynomial_eval(w, x), y) / 2


# --- 1, 2: overfitting and model capacity ---------------------------------------------------
@dataclass(frozen=True, eq=False)
class OverfitData:
    """Training samples (x, y) and a held-out test set (x_test, y_test) of y = sin(2πx) + ε."""

    x: np.ndarray
    y: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def overfit_data(n: int = 10, noise: float = 0.25, seed: int = 33,
                 n_test: int = 100) -> OverfitData:
    """n training and n_test test samples of y = sin(2πx) + ε, ε ~ N(0, noise²) (test seed + 1).

    Seed 33: degree 3 is smooth (test cost J 0.035), degree 9 interpolates and swings (test 7.4).
    """
    x, y = data.noisy_sine(n, noise, seed)
    xt, yt = data.noisy_sine(positive_int("n_test", n_test), noise, seed + 1)
    return OverfitData(x, y, xt, yt)


@dataclass(frozen=True, eq=False)
class PolyErrors:
    """Training and test cost J (half the MSE) of the polynomial fit of each degree."""

    degrees: np.ndarray
    train: np.ndarray
    test: np.ndarray


def polynomial_errors(data: OverfitData, degrees=range(10), lam: float = 0.0) -> PolyErrors:
    """J = (1/2n) Σ (p(x_i) − y_i)² on the training and the test set, p = polynomial_fit."""
    degs, d = _degrees(degrees), data
    ws = [regression.polynomial_fit(d.x, d.y, int(k), lam) for k in degs]
    return PolyErrors(degs, np.array([_poly_cost(w, d.x, d.y) for w in ws]),
                      np.array([_poly_cost(w, d.x_test, d.y_test) for w in ws]))


# --- 3: cross-validation --------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CVResult:
    """k rounds: the indices each trains on and holds out, its held-out cost J, and their mean."""

    degree: int
    fold_scores: np.ndarray
    train_idx: tuple[np.ndarray, ...]
    test_idx: tuple[np.ndarray, ...]
    mean: float


def cross_validate(x, y, degree: int, k: int = 5, lam: float = 0.0, seed=0) -> CVResult:
    """k-fold CV: score_i = the cost J on fold i of the fit on the other k − 1 folds;
    mean = (1/k) Σ score_i."""
    x, y = same_length("x", x, "y", y)
    degree = positive_int("degree", degree, 0)
    folds = data.kfold_indices(x.size, k, seed)
    scores = np.array([_poly_cost(regression.polynomial_fit(x[tr], y[tr], degree, lam), x[te],
                                 y[te]) for tr, te in folds])
    return CVResult(degree, scores, tuple(f[0] for f in folds), tuple(f[1] for f in folds),
                    float(scores.mean()))


def cross_validation_curve(x, y, degrees=range(10), k: int = 5, seed=0) -> np.ndarray:
    """The mean k-fold CV score (1/k) Σ score_i for each degree."""
    return np.array([cross_validate(x, y, int(d), k, 0.0, seed).mean for d in _degrees(degrees)])


@dataclass(frozen=True)
class CrossValidationExperiment:
    """k-fold cross-validation of one polynomial degree on n noisy sine samples."""

    n: int
    k: int
    degree: int
    seed: int
    curve_points: int

    @property
    def xs(self) -> np.ndarray:
        """Where the fitted polynomials are evaluated to be drawn: curve_points over [0, 1]."""
        return np.linspace(0.0, 1.0, self.curve_points)

    def samples(self) -> tuple[np.ndarray, np.ndarray]:
        d = overfit_data(n=self.n)
        return d.x, d.y

    def run(self) -> CVResult:
        x, y = self.samples()
        return cross_validate(x, y, self.degree, self.k, seed=self.seed)


CROSS_VALIDATION = CrossValidationExperiment(
    # 20 samples in 5 folds of 4: each round fits 16 points and scores 4, few enough to see
    # every held-out gap, enough that a cubic fit is well determined.
    n=20,
    # 5 folds: the classic choice, and five rounds fit one table.
    k=5,
    # A cubic: the degree that follows sin(2πx) without swinging between the samples.
    degree=3,
    seed=0,
    # 300 points: a smooth curve at any drawn size.
    curve_points=300,
)


# --- 4, 5: L2 regularisation ----------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class RegPath:
    """Ridge coefficients w(λ) (len(lams), degree+1), ‖w_1:‖₂, and train/test cost J (or None)."""

    lams: np.ndarray
    coefs: np.ndarray
    norms: np.ndarray
    train: np.ndarray
    test: np.ndarray | None


def regularization_path(x, y, degree: int = 9, lams=DEFAULT_LAMS, x_test=None,
                        y_test=None) -> RegPath:
    """w(λ) = argmin J + (λ/2) Σ_{k≥1} w_k² (J = (1/2n) Σ (y_i − p(x_i))²) per λ;
    norms = ‖(w_1 … w_d)‖₂; train and test are J."""
    x, y = same_length("x", x, "y", y)
    lams = _lams(lams)
    W = np.array([regression.polynomial_fit(x, y, degree, lam) for lam in lams])
    test = None
    if x_test is not None or y_test is not None:
        xt, yt = same_length("x_test", x_test, "y_test", y_test)
        test = np.array([_poly_cost(w, xt, yt) for w in W])
    return RegPath(lams, W, np.linalg.norm(W[:, 1:], axis=1),
                   np.array([_poly_cost(w, x, y) for w in W]), test)


@dataclass(frozen=True, eq=False)
class RegularizationSweep:
    """Ridge fits of one degree on the overfitting samples over a grid of λ, and the λ shown."""

    degree: int
    lams: np.ndarray
    shown: tuple[float, ...]
    curve_points: int
    sweep_per_decade: int = 20

    def __post_init__(self) -> None:
        lams = np.array(self.lams, dtype=np.float64)
        lams.setflags(write=False)
        object.__setattr__(self, "lams", lams)
        missing = [lam for lam in self.shown if not np.any(np.isclose(lams, lam, rtol=1e-9,
                                                                        atol=0))]
        if missing:
            raise ValueError(f"shown λ {missing} are not in the grid lams")

    @property
    def xs(self) -> np.ndarray:
        """Where the fitted polynomials are evaluated to be drawn: curve_points over [0, 1]."""
        return np.linspace(0.0, 1.0, self.curve_points)

    def run(self) -> tuple[OverfitData, RegPath]:
        """The samples (with their test set) and the regularisation path over lams."""
        d = overfit_data()
        return d, regularization_path(d.x, d.y, self.degree, self.lams, d.x_test, d.y_test)

    def shown_rows(self, rp: RegPath) -> list[int]:
        """Row of rp (index into its λ) of each shown λ."""
        return [int(np.flatnonzero(np.isclose(rp.lams, lam, rtol=1e-9, atol=0))[0])
                for lam in self.shown]

    def fit(self, lam: float) -> tuple[np.ndarray, float]:
        """(w, ‖w_1:‖) of the ridge fit at one λ (regularization_path of the samples)."""
        rp = self.path_at(lam)
        return rp.coefs[0], float(rp.norms[0])

    def path_at(self, lam: float) -> RegPath:
        """The ridge fit at one λ with its training and test error (a one-row RegPath)."""
        d = overfit_data()
        return regularization_path(d.x, d.y, self.degree, [lam], d.x_test, d.y_test)

    @staticmethod
    def best_row(rp: RegPath) -> int:
        """Row of rp with the least test error."""
        return int(np.argmin(rp.test))

    def sweep_lams(self) -> np.ndarray:
        """The λ a continuous sweep from the least positive λ of the grid to the largest passes
        through: sweep_per_decade log-spaced values a decade, both ends included."""
        lo, hi = np.log10(self.lams[self.lams > 0].min()), np.log10(self.lams.max())
        return 10.0 ** np.linspace(lo, hi, int(round((hi - lo) * self.sweep_per_decade)) + 1)

    def sweep_best(self) -> tuple[float, float]:
        """(λ, test cost J) of least test cost over sweep_lams: where a sweep truly bottoms
        out, between the decades of the grid."""
        lams = self.sweep_lams()
        d = overfit_data()
        test = regularization_path(d.x, d.y, self.degree, lams, d.x_test, d.y_test).test
        i = int(np.argmin(test))
        return float(lams[i]), float(test[i])


REGULARIZATION = RegularizationSweep(
    # Degree 9 on 10 samples: with λ = 0 it interpolates every sample and swings wildly
    # between them, the overfit that the penalty calms.
    degree=9,
    # λ from none to strong: 0, then 10⁻¹⁶ … 1, one per decade. The fit calms gradually from
    # 10⁻¹⁶ (‖w‖ ≈ 2 × 10⁶, as wild as λ = 0) to about 10⁻¹⁰; below 10⁻¹⁶ nothing changes.
    lams=np.concatenate([[0.0], np.logspace(-16, 0, 17)]),
    # The four fits of the top row: none, still wild, the least test error, strong.
    shown=(0.0, 1e-13, 1e-4, 1.0),
    # 600 points: the degree-9 swings stay smooth at any drawn size.
    curve_points=600,
    # 20 λ a decade on the sweep: the least test cost between the decades (near 4.5 × 10⁻⁵,
    # 0.0366 against 0.0396 at 10⁻⁴) found to a twentieth of a decade, finer than the
    # two figures its readout shows change by.
    sweep_per_decade=20,
)


@dataclass(frozen=True, eq=False)
class PenaltyConflict:
    """Grids of the data term and of ‖w‖² over (w1, w2), and the path w(λ) of the optimum."""

    W1: np.ndarray
    W2: np.ndarray
    data_term: np.ndarray
    penalty: np.ndarray
    lams: np.ndarray
    path: np.ndarray
    w_ls: np.ndarray
    #: (A, c, yᵀy/n) of the data term (1/n)‖y − Xw‖² = yᵀy/n − 2cᵀw + wᵀAw
    quadratic: tuple[np.ndarray, np.ndarray, float]

    def data_at(self, w) -> float:
        """The data term (1/n)‖y − Xw‖² at one w = (w1, w2)."""
        A, c, yy = self.quadratic
        w = np.asarray(w, dtype=np.float64)
        return float(yy - 2 * c @ w + w @ A @ w)

    @property
    def cost(self) -> np.ndarray:
        """The chapter's cost J = (1/2n)‖y − Xw‖² (half the data term) over the grid: J + (λ/2)‖w‖²
        is half the data term plus λ‖w‖², so it has the same minimiser w(λ)."""
        return self.data_term / 2

    def cost_at(self, w) -> float:
        """J = (1/2n)‖y − Xw‖² at one w = (w1, w2)."""
        return self.data_at(w) / 2

    def zero_at(self, k: int) -> float | None:
        """The λ > 0 at which weight k (0 or 1) of w(λ) = (A + λI)⁻¹ c passes zero, or None:
        w_k(λ) has the sign of (A_jj + λ) c_k − A_kj c_j (j the other weight), zero at one λ."""
        if k not in (0, 1):
            raise ValueError(f"k must be 0 or 1, got {k!r}")
        A, c, _ = self.quadratic
        j = 1 - k
        lam = float(A[k, j] * c[j] / c[k] - A[j, j])
        return lam if lam > 0 else None


def penalty_conflict(n: int = 50, seed: int = 0, lams=None, size: int = 101,
                     reach: float = 1.3) -> PenaltyConflict:
    """y ≈ w1 x1 + w2 x2 (correlated x1, x2): data term (1/n)‖y − Xw‖², penalty ‖w‖², and
    w(λ) = (XᵀX/n + λI)⁻¹ Xᵀy/n, the minimiser of their sum, for λ = 0 and 1e-3 … 1e3. The
    grids span ±reach·max|w_ls| in both weights."""
    n = positive_int("n", n, 3)
    size = positive_int("size", size, 2)
    reach = positive("reach", reach)
    lams = np.concatenate([[0.0], np.geomspace(1e-3, 1e3, 61)]) if lams is None else _lams(lams)
    rng = np.random.default_rng(seed)
    x1 = rng.normal(size=n)
    X = np.stack([x1, 0.8 * x1 + 0.6 * rng.normal(size=n)], axis=1)
    y = X @ np.array([2.0, -1.0]) + 0.5 * rng.normal(size=n)
    A, c = X.T @ X / n, X.T @ y / n
    path = np.array([np.linalg.solve(A + lam * np.eye(2), c) for lam in lams])
    w_ls = np.linalg.solve(A, c)
    lim = reach * np.abs(w_ls).max()
    W1, W2 = np.meshgrid(np.linspace(-lim, lim, size), np.linspace(-lim, lim, size))
    data_term = (y @ y / n - 2 * (W1 * c[0] + W2 * c[1])
                 + A[0, 0] * W1**2 + 2 * A[0, 1] * W1 * W2 + A[1, 1] * W2**2)
    return PenaltyConflict(W1, W2, data_term, W1**2 + W2**2, lams, path, w_ls,
                           (A, c, float(y @ y / n)))


@dataclass(frozen=True)
class PenaltyConflictExperiment:
    """The penalty-conflict figure's experiment: penalty_conflict on n samples, over a λ grid
    that holds the λ values marked on the path."""

    n: int
    labelled: tuple[float, ...]
    tangent: float
    #: the largest λ the weight-by-weight panel shows: beyond it both weights lie within a few
    #: hundredths of 0, their two lines over each other and the zero line; a decade, so the
    #: panel's log axis ends at a tick
    shown_max: float = 100.0
    #: the grids' half-width over max|w_ls| (penalty_conflict's reach), and their points a side
    reach: float = 1.3
    size: int = 101

    @property
    def lams(self) -> np.ndarray:
        """penalty_conflict's default grid (0, then 10 per decade from 10⁻³ to 10³) with the
        labelled values added, so every labelled dot is a point of the path."""
        return np.unique(np.concatenate([[0.0], np.geomspace(1e-3, 1e3, 61), self.labelled]))

    def run(self) -> PenaltyConflict:
        return penalty_conflict(n=self.n, lams=self.lams, size=self.size, reach=self.reach)

    def labelled_rows(self, pc: PenaltyConflict) -> list[int]:
        """Row of pc.path for each labelled λ."""
        return [int(np.flatnonzero(np.isclose(pc.lams, lam, rtol=1e-9, atol=0))[0])
                for lam in self.labelled]


PENALTY_CONFLICT = PenaltyConflictExperiment(
    # 50 samples: the data term's ellipses are well determined, the correlated inputs tilt them.
    n=50,
    # Three strengths on the path: weak (near the data's optimum), the tangency drawn, strong
    # (near the origin). 5, not 10: at λ = 10 the minimiser is 0.104 from the origin, under the
    # origin's star at any size that reads.
    labelled=(0.1, 1.0, 5.0),
    # The labelled λ whose touching ellipse and circle are drawn: the middle one, where neither
    # term dominates.
    tangent=1.0,
    # the map reaches 1.6 max|w_ls| = 3.09 to the right: room beside the minimum of J for its
    # name; 161 points a side keep its cells no wider than 101 points over 1.3 max|w_ls| would
    reach=1.6,
    size=161,
)


# --- 6: early stopping ----------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class TrainValCurves:
    """Half-MSE per epoch (index 0 = before training) and the early-stopping epoch."""

    train: np.ndarray
    val: np.ndarray
    best_epoch: int
    net: nn.MLP


def _train_val_sets(seed: int):
    """train_val_curves' samples: 15 training and 60 validation samples of sin(2πx) with noise
    0.3, and their x standardised by the training x: (x, y, X, xv, yv, Xv)."""
    x, y = data.noisy_sine(15, 0.3, seed)
    xv, yv = data.noisy_sine(60, 0.3, seed + 100)
    X, Xv = regression.standardize(x)[0][:, None], regression.standardize(xv, x)[0][:, None]
    return x, y, X, xv, yv, Xv


def train_val_curves(epochs: int = 3000, hidden: int = 40, lr: float = 0.05,
                     momentum: float = 0.9, seed: int = 1) -> TrainValCurves:
    """A 1-hidden-40-1 sigmoid net on 15 noisy sine samples (noise 0.3, x standardised), 60
    validation samples; full-batch nn.train; best_epoch = argmin_t J_val(θ_t)."""
    epochs = positive_int("epochs", epochs)
    _, y, X, _, yv, Xv = _train_val_sets(seed)
    net = nn.init_mlp([1, positive_int("hidden", hidden), 1], seed=0)
    res = nn.train(net, X, y[:, None], epochs, lr, Xv, yv[:, None], momentum=momentum)
    return TrainValCurves(res.train_losses, res.val_losses, int(np.argmin(res.val_losses)),
                          res.net)


@dataclass(frozen=True)
class CostParts:
    """A set's cost J = (1/2n) Σ (f(xᵢ) − yᵢ)² taken apart about the sine s, with yᵢ = s(xᵢ) +
    eᵢ: miss = (1/2n) Σ (f − s)² (the net's distance from the sine), noise = (1/2n) Σ eᵢ²,
    lean = −(1/n) Σ (f − s) eᵢ (negative where the net's misses lean the way the noise does);
    J = miss + noise + lean."""

    miss: float
    noise: float
    lean: float

    @property
    def cost(self) -> float:
        return self.miss + self.noise + self.lean


def train_val_cost_parts(epoch: int, hidden: int = 40, lr: float = 0.05,
                         momentum: float = 0.9, seed: int = 1) -> tuple[CostParts, CostParts]:
    """The training and the validation cost of train_val_curves' run after `epoch` epochs,
    each taken apart (CostParts): why one set's cost lies under the other's."""
    epoch = positive_int("epoch", epoch)
    x, y, X, xv, yv, Xv = _train_val_sets(seed)
    net = nn.init_mlp([1, positive_int("hidden", hidden), 1], seed=0)
    net = nn.train(net, X, y[:, None], epoch, lr, momentum=momentum).net
    parts = []
    for xs, ys, Xs in ((x, y, X), (xv, yv, Xv)):
        s = data.sine(xs)
        miss, e = nn.forward(net, Xs)[-1][:, 0] - s, ys - s
        parts.append(CostParts(float(0.5 * np.mean(miss ** 2)), float(0.5 * np.mean(e ** 2)),
                               float(-np.mean(miss * e))))
    return parts[0], parts[1]


# --- 7: grid search -------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class LRGrid:
    """Final training loss per (lr, β) cell, np.inf where the run diverged; the best cell."""

    lrs: np.ndarray
    betas: np.ndarray
    losses: np.ndarray
    best: tuple[int, int]


@dataclass(frozen=True)
class GridSearch:
    """The lr × momentum search of lr_momentum_grid: its grid, steps and seed."""

    lrs: tuple[float, ...]
    betas: tuple[float, ...]
    steps: int
    seed: int

    def run(self) -> LRGrid:
        return lr_momentum_grid(self.lrs, self.betas, self.steps, self.seed)


LR_GRID = GridSearch(
    # Six rates, roughly doubling, from a crawl (0.02) to one that diverges for every β (1.0),
    # so that the best cell lies inside the grid, just below the diverging row.
    lrs=(0.02, 0.05, 0.1, 0.2, 0.5, 1.0),
    # No momentum up to the usual 0.9 and beyond: the effective step lr/(1 − β) grows along
    # each row, so momentum speeds up the small rates; the best cell has β = 0.9.
    betas=(0.0, 0.5, 0.8, 0.9, 0.95),
    # 150 full-batch steps: enough to separate the cells, and the whole grid trains in about
    # a second.
    steps=150,
    seed=0,
)


def lr_momentum_grid(lrs=LR_GRID.lrs, betas=LR_GRID.betas, steps: int = LR_GRID.steps,
                     seed: int = LR_GRID.seed) -> LRGrid:
    """J(θ_steps) of a 2-16-1 tanh net on two_moons(200), full-batch momentum
    v := β v − lr ∇J, θ := θ + v; inf if any loss is non-finite or J(θ_steps) > J(θ_0)."""
    lrs, betas = vector("lrs", lrs), vector("betas", betas)
    if lrs.size == 0 or not np.all(np.isfinite(lrs) & (lrs > 0)):
        raise ValueError(f"lrs must be non-empty and positive, got {lrs!r}")
    if betas.size == 0 or np.any((betas < 0) | (betas >= 1)):
        raise ValueError(f"betas must be non-empty and in [0, 1), got {betas!r}")
    steps = positive_int("steps", steps)
    X, Y = data.two_moons(200, 0.15, seed)
    net = nn.init_mlp([2, 16, 1], activation="tanh", seed=seed)
    out = np.empty((lrs.size, betas.size))
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            for j, beta in enumerate(betas):
                t = nn.train(net, X, Y, steps, lr, momentum=beta).train_losses
                ok = np.all(np.isfinite(t)) and t[-1] <= t[0]
                out[i, j] = t[-1] if ok else np.inf
    best = np.unravel_index(np.argmin(out), out.shape)
    return LRGrid(lrs, betas, out, (int(best[0]), int(best[1])))


# --- 8: non-convexity -----------------------------------------------------------------------
def _batched_loss(net: nn.MLP, X, Y, P) -> np.ndarray:
    """J for each row of P (parameter vectors in params() order), one vectorised forward pass."""
    a, k, last = np.broadcast_to(X, (P.shape[0],) + X.shape), 0, len(net.weights) - 1
    for l, (W, b) in enumerate(zip(net.weights, net.biases)):
        Wg = P[:, k:k + W.size].reshape((-1,) + W.shape)
        bg = P[:, k + W.size:k + W.size + b.size]
        k += W.size + b.size
        f = nn.ACTIVATIONS[net.output_activation if l == last else net.activation][0]
        a = f(np.einsum("gni,gji->gnj", a, Wg) + bg[:, None, :])
    return np.sum((a - Y) ** 2, axis=(1, 2)) / (2 * X.shape[0])


def nonconvex_setup(seed: int = 1) -> tuple[nn.MLP, np.ndarray, np.ndarray]:
    """The 1-4-1 sigmoid net trained (400 steps, lr 1, β 0.9) on noisy_sine(20, 0.1, seed=0)."""
    x, y = data.noisy_sine(20, 0.1, 0)
    X, Y = x[:, None], y[:, None]
    net = nn.train(nn.init_mlp([1, 4, 1], seed=seed), X, Y, 400, 1.0, momentum=0.9).net
    return net, X, Y


def nonconvex_loss_grid(size: int = 100, seed: int = 1,
                        window: float = 20.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """J(w1, w2) = 1/(2n) Σ (a_L(x) − y)² over W[0][2,0], W[0][3,0] ∈ [−window, window]², the
    rest at their trained values: plateaus (saturated sigmoids), two basins. -> (W1, W2, L)."""
    size = positive_int("size", size, 3)
    window = positive("window", window)
    net, X, Y = nonconvex_setup(seed)
    (l1, j1, i1), (l2, j2, i2) = NONCONVEX_WEIGHTS
    theta, s = net.params(), net.sizes
    off = np.cumsum([0] + [a * b + b for a, b in zip(s[:-1], s[1:])])  # where W[l] starts
    p1, p2 = off[l1] + j1 * s[l1] + i1, off[l2] + j2 * s[l2] + i2
    W1, W2 = np.meshgrid(*[np.linspace(-window, window, size)] * 2)
    L = np.empty((size, size))
    for r in range(size):
        P = np.tile(theta, (size, 1))
        P[:, p1], P[:, p2] = W1[r], W2[r]
        L[r] = _batched_loss(net, X, Y, P)
    return W1, W2, L


def convex_reference(size: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """J(m, b) of the 7 regression points over m ∈ [−2, 4], b ∈ [−6, 8]: (M, B, J)."""
    return regression.cost_grid(*data.regression_points(), size=size)


def _depths(L: np.ndarray) -> np.ndarray:
    """Per cell: the climb from it to lower ground (flooding with union-find); inf at the bottom.
    A grid's depths are worked out once (a figure counts the minima of the same grids several
    times): keyed by the grid's shape and bytes."""
    L = np.ascontiguousarray(L, dtype=np.float64)
    return _depths_of(L.shape, L.tobytes()).copy()


@functools.lru_cache(8)
def _depths_of(shape: tuple[int, int], raw: bytes) -> np.ndarray:
    L = np.frombuffer(raw, np.float64).reshape(shape)
    H, W = L.shape
    flat, parent, low = L.ravel(), np.full(L.size, -1), np.arange(L.size)
    depth = np.full(L.size, np.inf)

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for c in np.argsort(flat, kind="stable"):
        parent[c] = c
        r, q = divmod(int(c), W)
        for nb in [rr * W + qq for rr in (r - 1, r, r + 1) for qq in (q - 1, q, q + 1)
                   if 0 <= rr < H and 0 <= qq < W and (rr, qq) != (r, q)]:
            a, b = find(c), find(nb) if parent[nb] >= 0 else -1
            if b < 0 or a == b:
                continue
            hi, lo = sorted((low[a], low[b]), key=lambda i: (flat[i], i))[::-1]
            depth[hi] = min(depth[hi], flat[c] - flat[hi])
            parent[a], low[b] = b, lo
    return depth.reshape(L.shape)


def count_local_minima(L, min_depth: float = 0.0) -> int:
    """Strict minima L[i,j] < all 8 neighbours, in the grid interior; with min_depth > 0 only
    those whose basin is deeper than min_depth · (max L − min L) (grid artefacts excluded)."""
    return len(local_minima_cells(L, min_depth))


def local_minima_cells(L, min_depth: float = 0.0) -> list[tuple[int, int]]:
    """The (row, column) cells of count_local_minima's minima, in row-major order."""
    L = np.asarray(L, dtype=np.float64)
    if L.ndim != 2 or min(L.shape) < 3:
        raise ValueError(f"L must be a 2-D grid of at least 3×3, got shape {L.shape}")
    if not min_depth >= 0:
        raise ValueError(f"min_depth must be >= 0, got {min_depth!r}")
    c, (H, W) = L[1:-1, 1:-1], L.shape
    strict = np.ones(c.shape, bool)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                strict &= c < L[1 + di:H - 1 + di, 1 + dj:W - 1 + dj]
    if min_depth > 0:
        strict &= _depths(L)[1:-1, 1:-1] > min_depth * np.ptp(L)
    return [(int(i) + 1, int(j) + 1) for i, j in np.argwhere(strict)]


# --- 9: feature scaling ---------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ScalingRun:
    """One descent: its x, rate, contour grid (M, B, J), path, optimum and cond(H)."""

    x: np.ndarray
    lr: float
    grid: tuple[np.ndarray, np.ndarray, np.ndarray]
    trajectory: descent.Trajectory
    optimum: np.ndarray
    condition: float

    def across(self) -> np.ndarray:
        """The signed distance of each point of the path from the minimum along the steepest
        eigenvector of J's Hessian: across the valley (its sign: the side of the valley floor)."""
        steep = np.linalg.eigh(regression.hessian(self.x))[1][:, -1]
        return (self.trajectory.points - self.optimum) @ steep


@dataclass(frozen=True, eq=False)
class FeatureScaling:
    """The raw-x and the standardised-x run, same steps, from the same starting line."""

    raw: ScalingRun
    scaled: ScalingRun


@dataclass(frozen=True)
class FeatureScalingExperiment:
    """Plain descent on J with raw and with standardised x, from the same starting line."""

    steps: int
    start: tuple[float, float]
    raw_fraction: float
    scaled_fraction: float
    size: int

    def run(self) -> FeatureScaling:
        return feature_scaling_paths(self.steps, self.start, self.raw_fraction,
                                     self.scaled_fraction, self.size)


FEATURE_SCALING = FeatureScalingExperiment(
    # 16 steps: the standardised run halves its distance to the minimum each step and ends on
    # it (to 10⁻⁴ of its starting distance); the raw one has made 16 bounces across the valley,
    # few enough that each one shows apart from the next, and is still far from the minimum.
    steps=16,
    # The line −1.6 x + 5.5: displaced about 5 along the raw valley's floor from the minimum
    # and 0.7 across it, so the raw run's zig-zag across the valley shows while it creeps
    # along the floor; far from the best line in both parametrisations.
    start=(-1.6, 5.5),
    # Raw x: 0.97 of the stability limit 2/λ_max. Across the valley each step multiplies the
    # distance by 1 − 2 · 0.97 = −0.94: it overshoots to the far wall and the bounces die out
    # slowly (still 0.4 of the first after 16 steps), so the zig-zag stays visible; along the
    # floor (cond(H) ≈ 316) each step gains only 0.6 % of the way. A smaller fraction damps the
    # bounces within a few steps and piles the rest into a knot.
    raw_fraction=0.97,
    # Standardised x: a quarter of its limit is enough to reach the round bowl's centre.
    scaled_fraction=0.25,
    # 200 grid points per axis for the contour maps.
    size=200,
)


def feature_scaling_paths(steps: int = FEATURE_SCALING.steps, start=FEATURE_SCALING.start,
                          raw_fraction: float = FEATURE_SCALING.raw_fraction,
                          scaled_fraction: float = FEATURE_SCALING.scaled_fraction,
                          size: int = FEATURE_SCALING.size) -> FeatureScaling:
    """Plain GD on J with raw x (rate raw_fraction · 2/λ_max) and with z = (x − μ)/σ (rate
    scaled_fraction · 2/λ_max), from the same line; cond(H) = λ_max/λ_min (raw ≈ 316, z: 1)."""
    x, y = data.regression_points()
    z, mu, sd = regression.standardize(x)
    m0, b0 = vector("start", start, 2)
    size = positive_int("size", size, 2)

    def run(xs, frac, name, s0, window):
        if not 0 < frac < 1:
            raise ValueError(f"{name} must be in (0, 1), got {frac!r}")
        lr, opt = frac * regression.max_stable_rate(xs), np.array(regression.least_squares(xs, y))
        h = 1.25 * np.abs(s0 - opt).max()  # the standardised bowl: a square around its optimum
        grid = regression.cost_grid(xs, y, *(window or [(o - h, o + h) for o in opt]), size)
        traj = descent.run_regression(optimizers.sgd(lr), xs, y, s0, steps)
        return ScalingRun(xs, lr, grid, traj, opt, float(np.linalg.cond(regression.hessian(xs))))

    # The same starting line m0 x + b0 = (m0 σ) z + (b0 + m0 μ) in both parametrisations.
    return FeatureScaling(run(x, raw_fraction, "raw_fraction", np.array([m0, b0]),
                              ((-2.0, 4.0), (-6.0, 8.0))),
                          run(z, scaled_fraction, "scaled_fraction",
                              np.array([m0 * sd, b0 + m0 * mu]), None))


# --- 10: gradient check ---------------------------------------------------------------------
def gradient_check_demo(sizes=(2, 3, 2), n: int = 5, seed: int = 0) -> nn.GradCheck:
    """Backprop against central differences (J(θ + h e_k) − J(θ − h e_k)) / 2h, weight by weight,
    for a seeded sigmoid net on n seeded random samples."""
    net = nn.init_mlp(sizes, seed=seed)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(positive_int("n", n), net.sizes[0]))
    return nn.gradient_check(net, X, rng.uniform(size=(n, net.sizes[-1])))


def passes_for(sizes=MNIST_SIZES) -> tuple[int, int]:
    """(2P forward passes for central differences, 2 passes for backprop), P = parameter count."""
    return 2 * nn.parameter_count(sizes), 2
