"""The batch-vs-stochastic scene: its drawing against gdcore's runs."""

import numpy as np
from frames import rendered
from manim import ManimColor

from gdcore import races
from gdviz import numbers
from gdviz.manim_blocks import CASING_WIDTH
from scenes.batch_vs_stochastic import (
    PLACES,
    RAW_OPACITY,
    READ_EVERY,
    STOPS,
    BatchVsStochastic,
)


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def test_drawn_paths_are_gdcores_runs():
    scene = rendered(BatchVsStochastic)
    assert scene.k() == races.BATCH_RACE.steps
    trs = races.run_batch_race(races.BATCH_RACE)
    assert list(scene.trails) == list(trs) == list(races.BATCH_RACE.labels)
    ax, plot = scene.map[0], scene.cost[0]
    for name, tr in trs.items():
        assert not tr.diverged and tr.steps == races.BATCH_RACE.steps
        # every path drawn whole up to the shown step: gdcore's points, none cut to a tail
        np.testing.assert_allclose(_anchors(scene.trails[name], ax.p2c), tr.points, atol=1e-9)
        np.testing.assert_allclose(ax.p2c(scene.dots[name].get_center()), tr.final, atol=1e-9)
        cost = _anchors(scene.curves[name], plot.p2c)
        np.testing.assert_allclose(cost[:, 0], np.arange(tr.steps + 1), atol=1e-6)
        np.testing.assert_allclose(cost[:, 1], tr.losses, rtol=1e-9)
    # the running means drawn over the sampled runs' faint costs are gdcore's; the full
    # batch's cost is drawn on top of every other curve
    running = races.running_costs(races.BATCH_RACE, races.BATCH_WINDOW)
    for name, curve in scene.smooth.items():
        mean = _anchors(curve, plot.p2c)
        np.testing.assert_allclose(mean[:, 1], running[name], rtol=1e-9)
        assert scene.curves[name].get_stroke_opacity() == RAW_OPACITY
    full = scene.curves[races.BATCH_RACE.labels[0]]
    others = [*scene.smooth.values(), *list(scene.curves.values())[1:], scene.halo_curve]
    assert all(full.z_index > c.z_index for c in others)
    # the sampled runs are the noisy ones: their cost goes up at many steps, the full batch's never
    ups = [int(np.sum(np.diff(tr.losses) > 0)) for tr in trs.values()]
    assert ups[0] == 0 and min(ups[1:]) > 50
    # three distinct colours; the sampled paths thin, opaque (a see-through colour would lose
    # its contrast with the map), each on a thin casing of the page colour, under the full
    # batch's path (and its halo)
    assert len({str(c) for c in scene.colors.values()}) == 3
    full_path, *sampled = scene.trails.values()
    for trail in sampled:
        assert trail.get_stroke_opacity() == 1
        assert trail.get_stroke_color(background=True) == ManimColor(scene.theme.background)
        assert trail.get_stroke_width() < trail.get_stroke_width(background=True) < \
            trail.get_stroke_width() + 2 * CASING_WIDTH
        assert trail.get_stroke_width() < full_path.get_stroke_width()
        assert trail.z_index < scene.halo_trail.z_index < full_path.z_index


def test_noisy_paths_are_whole_up_to_each_shown_step():
    scene = rendered(BatchVsStochastic)
    ax = scene.map[0]
    trs = races.run_batch_race(races.BATCH_RACE)
    for k in (3, STOPS[0][0], 150):
        scene.step.set_value(k)
        for name, tr in trs.items():
            trail = scene.trails[name]
            trail.update()
            np.testing.assert_allclose(_anchors(trail, ax.p2c), tr.points[:k + 1], atol=1e-9)
    scene.step.set_value(races.BATCH_RACE.steps)
    for trail in scene.trails.values():
        trail.update()


def test_end_values_are_gdcores_fair_means():
    scene = rendered(BatchVsStochastic)
    settled = races.settled_costs(races.BATCH_RACE, races.BATCH_SUMMARY)
    assert scene.settled == settled
    # one column of costs at the end, headed by what it averages (seeds and window): the J̄
    # readouts (seed 0's running mean) are gone from the screen, so no second column with
    # another meaning stands beside it
    texts = [m.tex_string for m in scene.means]
    assert texts == [numbers.latex(v, PLACES) for v in settled.values()]
    head = " ".join(line.original_text for line in scene.means_head)
    n, last = len(races.BATCH_SUMMARY.seeds), races.BATCH_SUMMARY.last_steps
    assert (n, last) == (20, 100)
    assert head == f"mean of {n} seeds, last {last} steps"
    shown = {id(m) for top in scene.mobjects for m in top.get_family()}
    for row, mean in zip(scene.legend, scene.means, strict=True):
        assert id(row[2]) not in shown and id(row[1]) in shown and id(mean) in shown
        # the column on its run's row, right of its label
        assert mean.get_left()[0] > row[1].get_right()[0]
        assert abs(mean.get_center()[1] - row[1].get_center()[1]) < 0.05
    assert scene.info in scene.mobjects and scene.key in scene.mobjects
    # the key under the column no longer speaks of it: it names the curves, J̄ over the window
    # gdcore's running mean takes (the curves drawn, tested above) of the run whose seed the
    # info row still names, and no number of the column's head, which says 20 seeds and 100
    # steps
    words = scene.key.original_text
    assert words == BatchVsStochastic.curves_words()
    assert words.startswith("curves: ")
    assert scene.info[1].original_text == f"seed {races.BATCH_RACE.seed}"
    assert scene.key.get_right()[0] <= 7.111 - 0.4  # 24 px inside the frame at 480p
    assert f"last {races.BATCH_WINDOW} steps" in words
    assert races.BATCH_WINDOW != last and "seeds" not in words and f" {n} " not in words
    # the note says only what is shown: no "cheaper" (no cost per step is on screen)
    assert "cheaper" not in scene.note.original_text
    # averaged over steps and seeds, the runs rank as their paths look: full < mini < single
    full, mini, single = settled.values()
    assert full < mini < single


def test_settled_costs_of_one_seed_and_one_step_is_the_final_cost():
    one = races.BatchSummary(last_steps=1, seeds=(races.BATCH_RACE.seed,))
    runs = races.run_batch_race(races.BATCH_RACE)
    got = races.settled_costs(races.BATCH_RACE, one)
    for name, tr in runs.items():
        assert got[name] == tr.losses[-1]


def test_readouts_show_gdcores_running_mean_at_a_readable_pace():
    scene = rendered(BatchVsStochastic)
    # the key says J̄ averages up to the last BATCH_WINDOW steps: before that many steps exist
    # gdcore's running mean is the mean of all steps so far (step 5: the mean of J_0 … J_5)
    window = races.BATCH_WINDOW
    assert f"mean of up to the last {window} steps" in BatchVsStochastic.key_words()
    for tr, run in zip(races.run_batch_race(races.BATCH_RACE).values(),
                       races.running_costs(races.BATCH_RACE, window).values(), strict=True):
        np.testing.assert_allclose(run[5], np.mean(tr.losses[:6]), rtol=1e-12)
        np.testing.assert_allclose(run[-1], np.mean(tr.losses[-window:]), rtol=1e-12)
    running = races.running_costs(races.BATCH_RACE, races.BATCH_WINDOW)
    slow = STOPS[0][0]
    # every step while the steps are slow, then every READ_EVERY steps
    for k, shown in ((0, 0), (5, 5), (slow, slow), (slow + 1, slow), (READ_EVERY + 7, READ_EVERY),
                     (137, 120), (races.BATCH_RACE.steps, races.BATCH_RACE.steps)):
        scene.step.set_value(k)
        assert scene.read_k() == shown
    scene.step.set_value(races.BATCH_RACE.steps)
    for row, name in zip(scene.legend, scene.runs, strict=True):
        num = row[2][1]
        num.update()
        assert num.get_value() == running[name][-1]
    # at the end the three running means already rank as the paths look
    full, mini, single = (v[-1] for v in running.values())
    assert full < mini < single


def _apart(a, b, gap: float) -> bool:
    """Whether the boxes of mobjects a and b are at least gap apart (along x or along y)."""
    return (a.get_left()[0] - b.get_right()[0] >= gap or b.get_left()[0] - a.get_right()[0] >= gap
            or a.get_bottom()[1] - b.get_top()[1] >= gap
            or b.get_bottom()[1] - a.get_top()[1] >= gap)


def test_words_and_tick_numbers_keep_clear_of_each_other():
    scene = rendered(BatchVsStochastic)
    ax, plot = scene.map[0], scene.cost[0]
    # no two tick numbers of the map touch (the corner's b number is left out)
    nums = [m for m in ax.submobjects if hasattr(m, "tex_string")]
    assert len(nums) == len(set(map(id, nums))) >= 8
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            assert _apart(a, b, 0.1), (a.tex_string, b.tex_string)
    # the header stack: ≥ 10 px (0.17) under the subtitle; the note clear of the cost panel
    assert scene.sub.get_bottom()[1] - scene.info.get_top()[1] >= 0.17
    assert scene.sub.get_bottom()[1] - scene.means_head.get_top()[1] >= 0.1
    assert scene.note.get_bottom()[1] - plot.ax.get_top()[1] >= 0.1
    # J* and J̄ and the seeds' means with one number of decimals
    assert all(row[2][1].num_decimal_places == PLACES for row in scene.legend)
