"""The loss-curve scene (frames: test_scene_frames.py): its curve against gdcore's training run."""

import numpy as np
import pytest
from frames import rendered
from manim import Line, VGroup

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
    np.testing.assert_allclose(drawn[:, 0], np.arange(EX.steps + 1), atol=1e-6)
    np.testing.assert_allclose(drawn[:, 1], want, atol=1e-9)
    np.testing.assert_allclose(plot.p2c(dot.get_center()), [EX.steps, want[-1]], atol=1e-9)
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
    """The image's boundary pixels are exactly where the shaded classes meet, and its shading
    is the class of each pixel, both of the network at the last iteration."""
    scene = rendered(LossCurve)
    t = scene.theme
    one = scene.regions[EX.steps]
    pix = np.flipud(scene.data[2].pixel_array[..., :3]).astype(float) / 255
    edge = np.zeros(one.shape, dtype=bool)
    edge[:, 1:] |= one[:, 1:] != one[:, :-1]
    edge[1:, :] |= one[1:, :] != one[:-1, :]
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


def test_the_step_axis_is_linear_and_shows_the_cliff_and_the_levelling():
    """Both axes linear, the steps numbered as counts (250, … 1,000) where c2p puts them: the
    steep start is a cliff at the left (most of the drop within the first 5 % of the axis) and
    the tail flat (the last half of the axis under 3 % of the drop); a log step axis drew the
    last decades as a steady slope."""
    scene = rendered(LossCurve)
    plot = scene.plot[0]
    ax = plot.ax
    assert not plot.log_t
    nums = ax.x_axis.numbers
    assert [n.tex_string for n in nums] == ["250", "500", "750", "1{,}000"]
    for v, num in zip((250, 500, 750, 1000), nums):
        assert num.get_x() == pytest.approx(ax.c2p(v, 0)[0], abs=1e-6)
    want = scene.losses
    drop = want[0] - want[-1]
    assert want[0] - want[EX.steps // 20] > 0.8 * drop
    assert want[EX.steps // 2] - want[-1] < 0.05 * drop
    # on screen: the cliff falls more than ten times as far as the tail's last half
    y = [plot.c2p(t, want[t])[1] for t in (0, EX.steps // 20, EX.steps // 2, EX.steps)]
    assert (y[0] - y[1]) > 10 * (y[2] - y[3])


def test_the_step_axis_is_fixed_and_the_inset_keeps_the_first_steps():
    """The step axis is 0 … EX.steps from the first frame (it never rescales: the same scene
    point for a step at every tracker value); the first EX.early steps, a cliff on it, are drawn
    in an inset of their own (0 … EX.early, the same cost range), gdcore's losses, on screen at
    the end beside the whole curve, clear of the main curve, the equation and the final label."""
    scene = rendered(LossCurve)
    plot = scene.plot[0]
    inset, in_curve, in_title, in_dot = scene.inset
    before = scene.it.get_value()
    try:
        seen = set()
        for s in (0, 20, EX.early, 400, EX.steps):
            scene.it.set_value(s)
            seen.add(tuple(np.round(plot.c2p(20, 0.1), 9)))
        assert len(seen) == 1
    finally:
        scene.it.set_value(before)
    assert list(inset.ax.x_range[:2]) == [0, EX.early]
    assert list(inset.ax.y_range[:2]) == [0, plot.ax.y_range[1]]
    assert in_curve in scene.mobjects and inset.ax in scene.mobjects and in_title in scene.mobjects
    a = in_curve.get_anchors()
    drawn = np.array([inset.p2c(p) for p in np.vstack([a[:1], a[1::2]])])
    np.testing.assert_allclose(drawn[:, 0], np.arange(EX.early + 1), atol=1e-6)
    np.testing.assert_allclose(drawn[:, 1], scene.losses[: EX.early + 1], atol=1e-9)
    # its tip's dot stopped on step EX.early, where its curve ends
    assert in_dot in scene.mobjects
    np.testing.assert_allclose(inset.p2c(in_dot.get_center()),
                               [EX.early, scene.losses[EX.early]], atol=1e-9)
    # on screen the inset's first steps are wide: its 50 steps span over 8 times the main's
    width = inset.c2p(EX.early, 0)[0] - inset.c2p(0, 0)[0]
    assert width > 8 * (plot.c2p(EX.early, 0)[0] - plot.c2p(0, 0)[0])
    box = VGroup(inset.ax, in_title)
    pts = np.asarray(scene.plot[1].get_anchors())
    under = pts[(pts[:, 0] >= box.get_left()[0]) & (pts[:, 0] <= box.get_right()[0])]
    assert under[:, 1].max() < box.get_bottom()[1] - 0.1
    for other in (scene.eq, scene.end_label[:-1]):
        apart = (box.get_right()[0] < other.get_left()[0] - 0.1
                 or box.get_bottom()[1] > other.get_top()[1] + 0.1)
        assert apart


def test_the_end_label_says_where_training_ended():
    """The final label says where training ended in gdcore's numbers: the step the run stops
    at, its last cost and that cost's share of the start (0.026, 10 % of 0.255), and that the
    cost is still falling, slowly (it does, every step); so no level line is drawn; the label
    is clear of the curve, above its last point."""
    from gdviz.manim_theme import StyledLine

    scene = rendered(LossCurve)
    want = scene.losses
    assert want[-1] < 0.55 * want[100]  # 0.026 against 0.054 a decade of steps earlier
    assert 0 < want[-101] - want[-1] < 0.01 * (want[0] - want[-1])  # falling, slowly
    label, where, still = scene.end_label[0], scene.end_label[1], scene.end_label[2]
    assert label.original_text == f"training stops after {EX.steps:,} steps"
    share = round(100 * want[-1] / want[0])
    assert share == 10
    assert where.original_text == f"at {want[-1]:.3f}, {share} % of the start,"
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


def test_the_inset_is_a_plot_with_no_window_nor_leaders():
    """The first EX.early steps are redrawn on axes of their own: a plot, not an enlarged
    window (the house rule, as the still), so no window on the main plot and no leader, which
    from the window's foot crossed the curve's tail; the inset's axes named as the main
    plot's."""
    from gdviz.theme import AXIS_LABELS

    scene = rendered(LossCurve)
    inset = scene.inset[0]
    assert not hasattr(scene, "inset_box")
    axes = {*scene.plot[0].ax.get_family(), *inset.ax.get_family()}
    lines = [m for m in scene.get_mobject_family_members()
             if isinstance(m, Line) and m not in axes]
    # the one line on the page is the final label's leader, straight down to the last point
    assert len(lines) == 1 and lines[0] in scene.end_label
    assert abs(lines[0].get_start()[0] - lines[0].get_end()[0]) < 1e-6
    texts = {m.original_text for m in inset.ax.get_family() if hasattr(m, "original_text")}
    words = {AXIS_LABELS["cost"].split("$")[0].strip(), AXIS_LABELS["step"].split("$")[0].strip()}
    assert words <= {w.strip() for w in texts}, texts
