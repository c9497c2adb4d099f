"""Frames of dropout against control data; each step's greyed neurons are gdcore's masks."""

import numpy as np
import pytest
from manim.utils.testing.frames_comparison import frames_comparison

from gdcore import nn
from gdcore.networks import DROPOUT
from scenes.dropout import STEPS, Dropout

__module_test__ = "dropout"


@frames_comparison(base_scene=Dropout)
def test_dropout_last_frame(scene):
    Dropout.construct(scene)


@pytest.mark.parametrize("step", [1, STEPS])
def test_dropped_neurons_are_gdcores_mask(step):
    cls = type("DropoutUpto", (Dropout,), {"upto": f"step-{step}"})
    scene = cls(skip_animations=True)
    scene.render()
    masks = nn.dropout_masks(DROPOUT.sizes, DROPOUT.p_drop, DROPOUT.steps, DROPOUT.seed)[step - 1]
    dropped = {(h + 1, int(i)) for h, m in enumerate(masks) for i in np.flatnonzero(~m)}
    net = scene.net
    grey = {n for n, op in zip(net.neuron_ids, net.stroke_opacity) if op < 1}
    assert grey == dropped
    for (a, b), line in zip(net.edge_ids, net.edge_group):
        assert line.get_stroke_opacity() == (0.0 if a in dropped or b in dropped else 1.0)
    assert scene.step_num.get_value() == step
    assert scene.k_num.get_value() == sum(int(m.sum()) for m in masks)
