"""The dropout scene: each step's greyed neurons are gdcore's masks."""

import numpy as np
import pytest
from frames import rendered

from gdcore import nn
from gdcore.networks import DROPOUT
from scenes.dropout import STEPS, Dropout


@pytest.mark.parametrize("step", [1, STEPS])
def test_dropped_neurons_are_gdcores_mask(step):
    scene = rendered(Dropout, upto=f"step-{step}")
    masks = nn.dropout_masks(DROPOUT.sizes, DROPOUT.p_drop, DROPOUT.steps, DROPOUT.seed)[step - 1]
    dropped = {(h + 1, int(i)) for h, m in enumerate(masks) for i in np.flatnonzero(~m)}
    net = scene.net
    grey = {n for n, op in zip(net.neuron_ids, net.stroke_opacity) if op < 1}
    assert grey == dropped
    for (a, b), line in zip(net.edge_ids, net.edge_group):
        assert line.get_stroke_opacity() == (0.0 if a in dropped or b in dropped else 1.0)
    assert scene.step_num.get_value() == step
    assert scene.k_num.get_value() == sum(int(m.sum()) for m in masks)
