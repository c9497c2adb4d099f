"""The loss-curve scene (frames: test_scene_frames.py): its curve against gdcore's training run."""

import numpy as np
import pytest
from frames import rendered
from manim import Line, MathTex

from gdcore import data, nn
from gdcore.networks import LOSS_CURVE as EX
from gdviz.colors import mix, rgb
from scenes.loss_curve import LossCurve


def test_drawn_curve_is_gdcores_train_losses():
    scene = rendered(LossCurve)
    # the run is the still's: gdcore.nn.train with gdcore.networks.LOSS_CURVE's settings
    X, Y = data.two_moons(EX.n_points, seed=EX.seed)
    net = nn.init_mlp(list(EX.sizes), activation=EX.activation, seed=EX.seed)
    want = nn.train(net, X, Y, EX.steps, EX.lr, seed=EX.seed).train_losses
    np.testing.assert_array_equal(scene.X, X)
    plot, curve, dot = scene.plot
    a = curve.get_anchors()
    drawn = np.array([plot.p2c(p) for p in np.vstack([a[:1], a[1::2]])])
    assert scene.k() == EX.steps
    np.testing.assert_allclose(drawn[:, 0], np.arange(EX.steps + 1), atol=1e-6, rtol=1e-9)
    np.testing.assert_allclose(drawn[:, 1], want, atol=1e-9)
    np.testing.assert_allclose(plot.p2c(dot.get_center()), [EX.steps, want[-1]], atol=1e-9,
                               rtol=1e-9)
    # it falls and levels off: most of the drop within the first EARLY iterations
    drop = want[0] - want[-1]
    assert want[EX.early] - want[-1] < 0.25 * drop
    assert np.all(np.diff(want) <= 1e-12)


def test_decision_regions_follow_the_run_and_are_gdcores():
    scene = rendered(LossCurve)
    img = scene.data[2]
    assert img in scene.mobjects and scene.painted == EX.steps
    # the region painter draws the network of whatever iteration the tracker shows
    for k in EX.snapshots:
        scene.it.set_value(k)
        scene.paint_regions(img)
        assert scene.painted == k
    nets = EX.nets_at(sorted(scene.regions))
    for k, net in nets.items():
        want = EX.output_grid(net, *scene.grid) > EX.threshold
        np.testing.assert_array_equal(scene.regions[k], want)
    assert set(EX.snapshots) | {EX.early} <= set(scene.regions)
    # the last network is the trained network of the run the curve shows
    np.testing.assert_array_equal(nets[EX.steps].params(), scene.result.net.params())
    # the boundary moves while the cost falls: the first and last regions differ
    assert np.mean(scene.regions[0] != scene.regions[EX.steps]) > 0.05


def test_shading_and_boundary_are_one_picture_of_one_network():
    """The image's boundary pixels are exactly where the shaded classes meet, a pixel on each
    side (two wide: one, on one side only, was a 1.1 px hairline at 480p), and its shading is
    the class of each pixel, both of the network at the last iteration."""
    scene = rendered(LossCurve)
    t = scene.theme
    one = scene.regions[EX.steps]
    pix = np.flipud(scene.data[2].pixel_array[..., :3]).astype(float) / 255
    # a pixel is on the boundary where any of its four neighbours is of the other class
    pad = np.pad(one, 1, mode="edge")
    edge = ((pad[1:-1, 2:] != one) | (pad[1:-1, :-2] != one) | (pad[2:, 1:-1] != one)
            | (pad[:-2, 1:-1] != one))
    np.testing.assert_allclose(pix[edge], np.broadcast_to(rgb(t.text), pix[edge].shape),
                               atol=1 / 255)
    # each class's region a wash of its marks' colour: class 0's the data blue, class 1's rust
    for cls, role in ((True, t.negative), (False, t.data)):
        inside = (one == cls) & ~edge
        want = mix(t.background, role, t.region_wash)
        np.testing.assert_allclose(pix[inside], np.broadcast_to(want, pix[inside].shape),
                                   atol=1 / 255)


def test_nets_at_is_the_run_cut_into_stretches():
    nets = EX.nets_at((0, 7, 50))
    X, Y = data.two_moons(EX.n_points, seed=EX.seed)
    net = nn.init_mlp(list(EX.sizes), activation=EX.activation, seed=EX.seed)
    np.testing.assert_array_equal(nets[0].params(), net.params())
    np.testing.assert_array_equal(nets[50].params(),
                                  nn.train(net, X, Y, 50, EX.lr, seed=EX.seed).net.params())


def test_the_step_axis_is_logarithmic_and_the_first_steps_take_a_third_of_it():
    """One chart, no inset: the step axis is u = log10(t + 1), numbered in t (0, 1, 10, 100,
    1,000, thousands separated) where c2p puts them, fixed from the first frame (the same scene
    point for a step at every tracker value), its decades cut by minor ticks; the steep first
    EX.early steps span over a third of the chart's width (on a linear axis they were a cliff
    5 % wide)."""
    from scenes.loss_curve import MINOR_TICKS

    scene = rendered(LossCurve)
    plot = scene.plot[0]
    ax = plot.ax
    assert plot.log_t and not hasattr(scene, "inset")
    nums = [m for m in ax.submobjects if isinstance(m, MathTex)]
    assert [n.tex_string for n in nums] == ["0", "1", "10", "100", "1{,}000"]
    for v, num in zip((0, 1, 10, 100, 1000), nums):
        assert num.get_x() == pytest.approx(plot.c2p(v, 0)[0], abs=1e-6)
        assert num.get_x() == pytest.approx(ax.c2p(np.log10(v + 1), 0)[0], abs=1e-6)
    assert len(MINOR_TICKS) == 24 and {2, 9, 20, 90, 200, 900} <= set(MINOR_TICKS)
    before = scene.it.get_value()
    try:
        seen = set()
        for s in (0, 20, EX.early, 400, EX.steps):
            scene.it.set_value(s)
            seen.add(tuple(np.round(plot.c2p(20, 0.1), 9)))
        assert len(seen) == 1
    finally:
        scene.it.set_value(before)
    left, right = plot.c2p(0, 0)[0], plot.c2p(EX.steps, 0)[0]
    assert right - left == pytest.approx(ax.x_axis.get_length(), abs=1e-6)
    assert plot.c2p(EX.early, 0)[0] - left >= (right - left) / 3
    # most of the drop comes in those steps
    want = scene.losses
    assert want[0] - want[EX.early] > 0.8 * (want[0] - want[-1])


def test_the_readouts_are_gdcores_values_at_the_shown_step():
    """t and J at the chart's top right, over its empty corner, show the step the tracker is at
    and gdcore's cost there, J written as numbers.cost writes a cost (0.0258, 0.10)."""
    from gdviz import numbers

    scene = rendered(LossCurve)
    (t_lab, t_num), (j_lab, j_num) = scene.reads
    plot = scene.plot[0]
    before = scene.it.get_value()
    try:
        for s in (0, 1, 10.4, EX.early, 333.7, EX.steps):
            scene.it.set_value(s)
            t_num.update(), j_num.update()
            k = int(np.floor(s))
            assert t_num.get_value() == k
            assert j_num.get_value() == pytest.approx(scene.losses[k], abs=0)
            shown = j_num._get_num_string(j_num.get_value())
            assert shown == numbers.cost(scene.losses[k])
    finally:
        scene.it.set_value(before)
        t_num.update(), j_num.update()
    assert j_num._get_num_string(j_num.get_value()) == "0.0258"
    # over the curve's empty corner: the curve under the readouts lies below them
    pts = np.asarray(scene.plot[1].get_anchors())
    box = scene.reads
    under = pts[(pts[:, 0] >= box.get_left()[0]) & (pts[:, 0] <= box.get_right()[0])]
    assert len(under) and under[:, 1].max() < box.get_bottom()[1] - 0.5
    assert box.get_right()[0] <= plot.c2p(EX.steps, 0)[0] + 0.3


def test_the_end_label_says_where_training_ended():
    """The final label says where training ended in gdcore's numbers: the step the run stops
    at, its last cost and that cost's share of the start (0.026, 10 % of 0.255), and that the
    cost is still falling, slowly (it does, every step); so no level line is drawn; the label
    is clear of the curve, above its last point."""
    from gdviz import numbers
    from gdviz.manim_theme import StyledLine

    scene = rendered(LossCurve)
    want = scene.losses
    assert want[-1] < 0.55 * want[100]  # 0.026 against 0.054 a decade of steps earlier
    assert 0 < want[-101] - want[-1] < 0.01 * (want[0] - want[-1])  # falling, slowly
    label, where, still = scene.end_label[0], scene.end_label[1], scene.end_label[2]
    assert label.original_text == f"training stops after {EX.steps:,} steps"
    share = round(100 * want[-1] / want[0])
    assert share == 10
    assert where.original_text == f"at {numbers.cost(want[-1])}, {share} % of the start,"
    assert where.original_text == "at 0.0258, 10 % of the start,"
    assert still.original_text == "still falling slowly"
    assert not any(isinstance(m, StyledLine) for m in scene.get_mobject_family_members())
    plot, curve, _ = scene.plot
    pts = np.asarray(curve.get_anchors())
    for line in (label, where, still):
        left, right = line.get_left()[0], line.get_right()[0]
        under = pts[(pts[:, 0] >= left) & (pts[:, 0] <= right)]
        assert len(under) and under[:, 1].max() < line.get_bottom()[1] - 0.05
    # and under the equation above it (no text over text)
    assert label.get_top()[1] < scene.eq.get_bottom()[1] - 0.1


def test_one_boundary_moves_between_two_steps():
    """Between steps 1 and 2 (where a region changes side) the image is one class map: the
    two networks' outputs interpolated by the tracker's fraction and thresholded once (no
    second, fading boundary), every pixel either class's wash or the ink boundary, and its
    shading moves from step 1's map to step 2's."""
    scene = rendered(LossCurve)
    t = scene.theme
    img = scene.data[2]
    before = scene.it.get_value()
    washes = [np.round(255 * np.asarray(mix(t.background, t.class_region(k), t.region_wash)))
              for k in (0, 1)]
    allowed = np.array([*washes, np.round(255 * np.asarray(rgb(t.model)))])
    try:
        scene.region_pixels(1), scene.region_pixels(2)
        one1, one2 = scene.regions[1], scene.regions[2]
        assert np.mean(one1 != one2) > 0.01  # a change to be shown moving
        shares = []
        for f in (0.25, 0.5, 0.75):
            scene.it.set_value(1 + f)
            scene.paint_regions(img)
            pix = img.pixel_array[..., :3].reshape(-1, 3).astype(float)
            near = np.abs(pix[:, None, :] - allowed[None]).max(axis=2).min(axis=1)
            assert near.max() <= 1  # only the two washes and the ink: one picture
            out = (1 - f) * scene.outputs_at(1) + f * scene.outputs_at(2)
            want = scene.paint(out > EX.threshold)
            np.testing.assert_array_equal(img.pixel_array, want)
            shares.append(np.mean(out > EX.threshold))
        assert shares == sorted(shares) or shares == sorted(shares, reverse=True)
        scene.it.set_value(2)
        scene.paint_regions(img)
        np.testing.assert_array_equal(img.pixel_array, scene.region_pixels(2))
    finally:
        scene.it.set_value(before)
        scene.paint_regions(img)


def test_no_inset_and_one_leader():
    """The first steps are read on the one chart: no inset, no window, no second plot; the one
    line on the page besides the axes and their ticks is the final label's leader, straight down
    to the last point."""
    scene = rendered(LossCurve)
    assert not hasattr(scene, "inset") and not hasattr(scene, "inset_box")
    axes = set(scene.plot[0].ax.get_family())
    lines = [m for m in scene.get_mobject_family_members()
             if isinstance(m, Line) and m not in axes]
    assert len(lines) == 1 and lines[0] in scene.end_label
    assert abs(lines[0].get_start()[0] - lines[0].get_end()[0]) < 1e-6


def test_the_start_is_the_ink_ring_and_the_end_the_runs_square():
    """The house's marks, as the still's: at the end the start is a hollow ring in ink on the
    page at step 0's cost, and the dot that rode the curve has turned into the run's hollow
    square at the last step's cost, in ink beside the classes (theme.beside_classes: the
    accent is the rust's kin), as the curve, its dot and the J readout (a filled dot at the
    start read as a second current position)."""
    scene = rendered(LossCurve)
    t = scene.theme
    plot, _, dot = scene.plot
    ring, square = scene.start_mark[0], scene.end_mark
    np.testing.assert_allclose(plot.p2c(ring.get_center()), [0, scene.losses[0]], atol=1e-9)
    assert rgb(ring.get_stroke_color().to_hex()) == pytest.approx(rgb(t.text), abs=1e-3)
    assert rgb(ring.get_fill_color().to_hex()) == pytest.approx(rgb(t.background), abs=1e-3)
    np.testing.assert_allclose(plot.p2c(square.get_center()), [EX.steps, scene.losses[-1]],
                               atol=1e-9)
    assert square.get_fill_opacity() == 0
    run = t.beside_classes("accent")
    assert run == t.text != t.accent
    assert rgb(square.get_stroke_color().to_hex()) == pytest.approx(rgb(run), abs=1e-3)
    curve = scene.plot[1]
    assert rgb(curve.get_stroke_color().to_hex()) == pytest.approx(rgb(run), abs=1e-3)
    assert rgb(dot.get_fill_color().to_hex()) == pytest.approx(rgb(run), abs=1e-3)
    shown = scene.get_mobject_family_members()
    assert square in shown and ring in shown and dot not in shown
