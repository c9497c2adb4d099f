"""gdviz.staging: how much of a staged grid is shown at a moment, and the counting title."""

import numpy as np
from manim import Integer, MathTex, Text, VGroup, linear
from manim.animation.animation import prepare_animation

from gdviz.staging import (
    RISE_INK,
    CountLine,
    GuessRows,
    counted,
    grown,
    rising_slots,
    stepwise,
    swap,
)


def test_grown_shows_whole_shapes_then_one_growing_from_its_centre():
    centres = np.array([[0.0, 0, 0], [2, 0, 0], [4, 0, 0]])
    unit = np.array([[-1.0, 0, 0], [1, 0, 0]])
    shapes = centres[:, None, :] + unit[None]
    assert len(grown(shapes, centres, 0.0)) == 0
    np.testing.assert_allclose(grown(shapes, centres, 2.0), shapes[:2].reshape(-1, 3))
    half = grown(shapes, centres, 2.5)
    np.testing.assert_allclose(half[-2:], [[3.5, 0, 0], [4.5, 0, 0]])  # half size, at (4, 0)
    np.testing.assert_allclose(grown(shapes, centres, 9.0), shapes.reshape(-1, 3))


def test_rising_slots_each_copy_rises_from_the_one_before():
    index = np.arange(4)
    shown, slot = rising_slots(index, 1.0)
    assert shown.tolist() == [True, False, False, False] and slot[0] == 0
    shown, slot = rising_slots(index, 2.5)
    assert shown.tolist() == [True, True, True, False]
    np.testing.assert_allclose(slot[:3], [0, 1, 1.5])  # copy 2 half way from slot 1 to 2
    shown, slot = rising_slots(index, 4.0)
    assert shown.all() and slot.tolist() == [0, 1, 2, 3]


def test_stepwise_rests_at_each_whole_step():
    assert stepwise(0.0, 9) == 0 and stepwise(1.0, 9) == 9
    np.testing.assert_allclose([stepwise(k / 9, 9) for k in range(10)], range(10))
    assert 3 < stepwise(3.5 / 9, 9) < 4


def test_guess_rows_show_first_then_rise_to_their_places():
    rows = np.array([[[x, y, 0.0] for x in (0, 1, 2)] for y in (0, 1)])
    unit = np.array([[-0.1, 0, 0], [0.1, 0, 0]])
    g = GuessRows(rows, unit, "#000000", np.array([0, 1.0, 0]))
    np.testing.assert_allclose(g.drawn(), rows.reshape(-1, 3))  # built full
    g.show_first(2)
    np.testing.assert_allclose(g.drawn(), rows[0, :2])
    g.rise(1.5)
    np.testing.assert_allclose(g.drawn(), [*rows[0], *(rows[0] + [0, 0.5, 0])])
    # the rising copy fades in as it leaves the row below, solid once RISE_INK of the way up
    assert g[0].get_fill_opacity() == 1.0
    assert 0.0 < g[1].get_fill_opacity() < 1.0
    g.rise(1.1)
    assert g[1].get_fill_opacity() < 0.1
    g.rise(1.0 + RISE_INK)
    assert g[1].get_fill_opacity() == 1.0
    g.rise(2.0)
    assert [row.get_fill_opacity() for row in g] == [1.0, 1.0]


def test_count_line_stays_centred_on_its_baseline():
    words, tail = Text("3 weights:"), Text("guesses")  # words[0]: the digit 3
    count = Integer(0)
    line = CountLine(words, count, tail, centre_x=1.5, top=2.0)
    for n in (10, 1000, 100000):
        count.set_value(n)
        line.layout()
        assert np.isclose(line.get_center()[0], 1.5) and np.isclose(line.get_top()[1], 2.0)
        assert np.isclose(count[0].get_bottom()[1], words[0].get_bottom()[1])
        assert count.get_left()[0] > words.get_right()[0]
        assert tail.get_left()[0] > count.get_right()[0]


def test_counted_animates_the_count_with_the_grid():
    """Both the grid and its count line are animated (so both are redrawn every frame), and at
    each moment the line shows count(alpha) of what show(alpha) draws."""
    rows = np.array([[[x, 0.0, 0.0] for x in range(10)]])
    g = GuessRows(rows, np.array([[-0.1, 0, 0], [0.1, 0, 0]]), "#000000", np.array([0, 1.0, 0]))
    line = CountLine(Text("1 weight:"), Integer(0), Text("guesses"), 0.0, 0.0)
    anims = counted(g, lambda m, a: m.show_first(10 * a), line, lambda a: int(round(10 * a)))
    assert [a.mobject for a in anims] == [g, line]
    for anim in anims:
        anim.rate_func = linear  # as the scenes play them
        anim.begin()
    for alpha in (0.5, 1.0):
        for anim in anims:
            anim.interpolate(alpha)
        assert line.count.get_value() == len(g.drawn()) == round(10 * alpha)


def test_count_line_says_guess_for_one():
    line = CountLine(Text("1 weight:"), Integer(0), Text("guesses"), 0.0, 0.0,
                     tail_one=Text("guess"))
    for n, plural in ((0, True), (1, False), (2, True)):
        line.show_count(n)
        assert line.tail.get_fill_opacity() == (1 if plural else 0)
        assert line.tail_one.get_fill_opacity() == (0 if plural else 1)
        assert np.isclose(line.tail_one.get_left()[0], line.tail.get_left()[0])


def test_open_with_grows_the_power_into_the_room_as_it_opens():
    """One change: the count moves aside while the power, whole, grows to fill the room it
    leaves (no hole between the words and the count, no glyph of it over the words or the
    count), its glyphs always share one opacity (no lone "1" beside the count's digits), it
    shows from early on, and at the end the line is laid out with the power in it, full size."""
    words, count, tail = Text("2 weights:"), Integer(100), Text("guesses")
    line = CountLine(words, count, tail, centre_x=0.0, top=0.0)
    start = count.get_left()[0]
    prefix = MathTex("10^{2} =")
    full = prefix.width
    anims = [prepare_animation(a) for a in line.open_with(prefix)]
    assert prefix in [a.mobject for a in anims] and count in [a.mobject for a in anims]
    for anim in anims:
        anim.rate_func = linear
        anim.begin()
    end = None
    for alpha in np.linspace(0.0, 1.0, 21):
        for anim in anims:
            anim.interpolate(alpha)
        glyphs = prefix.family_members_with_points()
        shown = [g for g in glyphs if g.get_fill_opacity() > 0]
        for g in shown:
            assert g.get_left()[0] >= words.get_right()[0] - 1e-9
            assert g.get_right()[0] <= count.get_left()[0] + 1e-9
        assert len({g.get_fill_opacity() for g in glyphs}) == 1  # the whole string at once
        if alpha >= 0.3:
            assert shown  # the room is being filled while it opens
        if 0 < alpha < 1:  # the room opened so far is filled: no hole
            assert count.get_left()[0] - prefix.get_right()[0] <= line.buff + 1e-6
        end = [g.get_fill_opacity() for g in glyphs]
    assert all(o == 1 for o in end)
    np.testing.assert_allclose(prefix.width, full, rtol=1e-9)
    assert count.get_left()[0] > start and line.prefix is prefix
    assert np.isclose(VGroup(*line.parts()).get_center()[0], 0.0)


def test_swap_fades_the_old_out_before_the_new_comes_in():
    from manim import FadeIn, FadeOut, Square

    old, new = Square(), Square()
    out, into = swap(old, new, within=(0.2, 0.6))
    assert isinstance(out, FadeOut) and isinstance(into, FadeIn)
    # the old is gone by the middle of `within`, the new starts there: never both half shown
    assert out.rate_func(0.2) == 0.0 and out.rate_func(0.4) == 1.0 and out.rate_func(1.0) == 1.0
    assert into.rate_func(0.4) == 0.0 and into.rate_func(0.6) == 1.0
    assert 0.0 < out.rate_func(0.3) < 1.0 and into.rate_func(0.3) == 0.0
