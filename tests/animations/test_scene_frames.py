"""Every scene's control frames: one parametrised comparison (tests/animations/frames.py).

Each row: the scene's module, the frame's name (control_data/<module>/<module>_<frame>_frame.npz)
and the variant whose last frame it is (the whole scene, or the scene stopped after a section).
The drawings behind the frames are checked against gdcore in the test_scene_<module>.py files.
"""

import pytest
from frames import compare_last_frame

from scenes.backprop_loop import BackpropLoop
from scenes.batch_vs_stochastic import BatchVsStochastic
from scenes.connection_tweak import ConnectionTweak
from scenes.cross_validation import CrossValidation
from scenes.descent_3d import Descent3d
from scenes.dropout import Dropout
from scenes.gd_regression import GdRegression
from scenes.learning_rates import LearningRates
from scenes.local_minima import LocalMinima
from scenes.loss_curve import LossCurve
from scenes.mse_surface import MseSurface
from scenes.race_beale import RaceBeale
from scenes.race_long_valley import RaceLongValley
from scenes.race_saddle import RaceSaddle
from scenes.regularization import Regularization
from scenes.residuals import Residuals
from scenes.sampling_grid_2d import SamplingGrid2d
from scenes.sampling_grid_3d import SamplingGrid3d
from scenes.slope_sweep import SlopeSweep

FRAMES = [
    ("backprop_loop", "last", BackpropLoop, {}),
    ("batch_vs_stochastic", "last", BatchVsStochastic, {}),
    ("connection_tweak", "last", ConnectionTweak, {}),
    ("connection_tweak", "highlight", ConnectionTweak, {"upto": "highlight"}),
    ("cross_validation", "last", CrossValidation, {}),
    ("descent_3d", "last", Descent3d, {}),
    ("descent_3d", "crawl", Descent3d, {"upto": "crawl"}),
    ("dropout", "last", Dropout, {}),
    ("dropout", "step2", Dropout, {"upto": "step-2"}),
    ("gd_regression", "last", GdRegression, {}),
    ("gd_regression", "middle", GdRegression, {"upto": "big-steps-across-the-valley"}),
    ("learning_rates", "last", LearningRates, {}),
    ("learning_rates", "middle", LearningRates, {"upto": "jumps"}),
    ("local_minima", "last", LocalMinima, {}),
    ("loss_curve", "last", LossCurve, {}),
    ("mse_surface", "last", MseSurface, {}),
    ("mse_surface", "middle", MseSurface, {"upto": "minimum"}),
    ("race_beale", "last", RaceBeale, {}),
    ("race_long_valley", "last", RaceLongValley, {}),
    ("race_saddle", "last", RaceSaddle, {}),
    ("regularization", "last", Regularization, {}),
    ("regularization", "overfit", Regularization, {"upto": "overfit"}),
    ("regularization", "best", Regularization, {"upto": "best"}),
    ("residuals", "last", Residuals, {}),
    ("sampling_grid_2d", "last", SamplingGrid2d, {}),
    ("sampling_grid_3d", "last", SamplingGrid3d, {}),
    ("slope_sweep", "last", SlopeSweep, {}),
    ("slope_sweep", "middle", SlopeSweep, {"upto": "sweep"}),
]


@pytest.mark.parametrize(("module", "frame", "scene", "attrs"), FRAMES,
                         ids=[f"{m}-{f}" for m, f, _, _ in FRAMES])
def test_scene_frame(module, frame, scene, attrs, request, tmp_path):
    compare_last_frame(scene, module, frame, request, tmp_path, **attrs)
