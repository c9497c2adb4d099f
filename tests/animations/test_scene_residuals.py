"""The residuals scene (frames: test_scene_frames.py): its drawing against gdcore."""

import copy

import numpy as np
import pytest
from frames import rendered
from manim import MathTex, Square

from gdcore import data, regression
from gdviz import numbers
from scenes.residuals import GHOST_STROKE, PLACES, STAGE, UNIT_BIG, Residuals


def test_segments_and_squares_are_gdcores_residuals():
    """Dashed segments join (x_i, y_i) to (x_i, f(x_i)); the squares have side |r_i|; their
    halves are the C_i, and J their mean."""
    scene = rendered(Residuals)
    ax = scene.ax
    x, y = data.regression_points()
    m, b = data.CANDIDATES[data.RESIDUALS_CANDIDATE]
    pred = regression.predict(m, b, x)
    r = regression.residuals(m, b, x, y)
    assert len(scene.bars) == len(x) == 7
    assert all(bar.kind == "difference" for bar in scene.bars)  # the house residual: dashed
    for bar, xi, yi, pi in zip(scene.bars, x, y, pred):
        np.testing.assert_allclose(ax.p2c(bar.get_start()), [xi, yi], atol=1e-9)
        np.testing.assert_allclose(ax.p2c(bar.get_end()), [xi, pi], atol=1e-9)
    # one scale on both axes, so a side of |r_i| axis units encloses an area of r_i^2
    unit = ax.x_axis.unit_size
    assert np.isclose(unit, ax.y_axis.unit_size)
    assert len(scene.row) == 7
    # the row is drawn STAGE times larger for the key moment: one uniform scale for all
    unit = unit * STAGE
    for sq, ri in zip(scene.row, r):
        np.testing.assert_allclose([sq.width / unit, sq.height / unit], [abs(ri)] * 2,
                                   atol=1e-9)
    # each square halved: the half kept is the example's cost C_i = r_i^2 / 2
    costs = r**2 / 2
    for half, sq, ci in zip(scene.halves, scene.row, costs):
        np.testing.assert_allclose(half.width * half.height / unit**2, ci, atol=1e-9)
        np.testing.assert_allclose(half.get_left()[0], sq.get_left()[0], atol=1e-9)
    # the strip: its pieces keep the halves' areas, so its area is the sum of the C_i
    for piece, ci in zip(scene.pieces, costs):
        np.testing.assert_allclose(piece.width * piece.height / unit**2, ci, atol=1e-9)
    np.testing.assert_allclose(scene.strip.width * scene.strip.height / unit**2,
                               np.sum(costs), atol=1e-9)
    # one precision (PLACES) for every number: the C_i shown add up to the sum shown
    assert PLACES == 3
    shown = [float(lab.get_tex_string()) for lab in scene.row_labels]
    np.testing.assert_allclose(shown, np.round(costs, PLACES), atol=1e-12)
    assert f"{sum(shown):.3f}" == f"{np.sum(costs):.3f}" == "0.561"
    assert scene.sum_eq.get_tex_string() == r"\sum_{i=1}^{7} C_i = 0.561"
    # cut into 7 equal squares: each of area the mean of the C_i, J (≈ 0.0801), half the
    # mean squared error, on the same scale to the end (the payoff moves them, never grows them)
    j = regression.cost(m, b, x, y)
    assert len(scene.parts) == 7
    for part in scene.parts:
        np.testing.assert_allclose([part.width / unit, part.height / unit], [np.sqrt(j)] * 2,
                                   atol=1e-9)
    np.testing.assert_allclose(np.mean(costs), j, atol=1e-12)
    np.testing.assert_allclose(scene.mean_square.width ** 2 / unit**2, j, atol=1e-9)
    assert numbers.cost(j) == "0.0801"
    assert scene.j_eq.get_tex_string() == r"J = \frac{1}{7} \sum_{i=1}^{7} C_i = 0.0801"


def test_the_row_reads_in_the_points_order_each_number_with_its_square():
    """On the stage the squares stand in one row, in the points' order (the order they lie in
    at the plot's foot, so none passes over another on the way), apart, each area under its
    square and each cost over it."""
    scene = rendered(Residuals)
    row = scene.row
    x = scene.x
    assert list(np.argsort(x)) == list(range(len(x)))
    for i in range(len(row)):
        np.testing.assert_allclose(row[i].get_x(), scene.slot_centres[i], atol=1e-9)
        np.testing.assert_allclose(scene.row_labels[i].get_x(), row[i].get_x(), atol=1e-9)
        if i:
            assert row[i].get_left()[0] > row[i - 1].get_right()[0]
    # every slot's left edge, in the band at the plot's foot, follows the one before it
    slots = scene.band_slots()
    lefts = [slots[i] for i in sorted(slots)]
    assert lefts == sorted(lefts)


def test_the_squares_come_in_where_they_cover_no_data():
    """Each square comes in at its place in the row at the plot's foot (never over the line
    or the points: test_squares_drop_clear_...); a speck beside its dashed segment, clear of
    it, of its point and of its prediction's ring (their radius 0.065 scene units, plus a
    hair)."""
    from scenes.residuals import BAND_Y

    scene = rendered(Residuals)
    ax, slots = scene.ax, scene.band_slots()
    for i, bar in enumerate(scene.bars):
        sq = scene.square_for(i)
        if i in slots:
            np.testing.assert_allclose(ax.p2c(sq.get_corner([-1, -1, 0])), [slots[i], BAND_Y],
                                       atol=1e-9)
            continue
        xs = bar.get_x()
        gap = sq.get_left()[0] - xs if sq.get_x() > xs else xs - sq.get_right()[0]
        assert gap >= 0.1, (i, gap)


def test_the_costs_heading_stands_clear_of_their_numbers():
    """The costs' heading (its ½'s denominator reaching lowest) is 10 px at 480p or more over
    the numbers under it."""
    scene = rendered(Residuals, upto="costs")
    gap = scene.heading.get_bottom()[1] - scene.row_labels.get_top()[1]
    assert gap * 480 / 8 >= 10


def test_c_i_is_defined_on_screen_wherever_it_is_written():
    """C_i = ½ r_i², "the cost of example i", is on screen from the costs' heading
    to the end: it moves beside J's formula before the strip's sum writes C_i and stays there
    through J = (1/7) Σ C_i, clear of the title, J's formula and every number and square."""
    scene = rendered(Residuals)
    formula, words = scene.cost_def
    assert formula.get_tex_string() == r"C_i = \frac{1}{2}\,r_i^2"
    assert words.original_text == "the cost of example $i$"
    on = set(scene.get_mobject_family_members())
    assert formula in on and all(m in on for m in words.get_family())
    assert scene.defined_at <= scene.sum_at
    # every MathTex on screen at the end that writes C_i (the sum, J's payoff) is read with it
    writes = [m for m in scene.mobjects if m is not scene.cost_def
              and any("C_i" in getattr(f, "tex_string", "") for f in m.get_family())]
    assert {id(scene.sum_eq), id(scene.j_eq)} <= {id(m) for m in writes}
    # right of J's formula, its top on J's, inside the frame's margin (24 px), apart from all
    box = scene.cost_def
    assert box.get_left()[0] > scene.cost_eq.get_right()[0] + 0.4
    assert box.get_top()[1] == pytest.approx(scene.cost_eq.get_top()[1])
    assert box.get_right()[0] < 7.11 - 0.4
    title = [m for m in scene.mobjects if getattr(m, "text", "").startswith("Errors")]
    assert title
    others = [*title, scene.sum_eq, scene.j_eq, *scene.parts, *scene.part_labels]
    for m in others:
        assert (box.get_bottom()[1] >= m.get_top()[1] or m.get_bottom()[1] >= box.get_top()[1]
                or box.get_left()[0] >= m.get_right()[0]), m


def test_the_payoff_is_the_largest_text_and_centred():
    scene = rendered(Residuals)
    assert abs(scene.j_eq.get_x()) < 0.05
    assert scene.j_eq.font_size > max(scene.sum_eq.font_size, scene.cost_eq.font_size)


def test_squares_drop_clear_of_the_points_the_line_and_each_other():
    """Drawn on its segment, each square (but the specks, which stay on theirs) drops at once
    into one row at the large plot's foot: inside the plot, under every point and the line, no
    two overlapping and none over a speck (axis units: the same at either scale)."""
    from scenes.residuals import BAND_Y, SIDE_GAP, TINY, X_RANGE, Y_RANGE

    scene = rendered(Residuals)
    x, y = scene.x, scene.y
    slots = scene.band_slots()
    boxes = []
    for i in range(len(x)):
        side = abs(scene.r[i])
        if i in slots:
            box = (slots[i], slots[i] + side, BAND_Y, BAND_Y + side)
        else:
            assert side * UNIT_BIG < TINY  # a speck: on its segment, right of it
            lo = min(y[i], scene.pred[i])
            box = (x[i] + SIDE_GAP, x[i] + SIDE_GAP + side, lo, lo + side)
        boxes.append(box)
    assert len(slots) == 5
    dot = 0.05  # a point's radius, axis units, and then some
    for i in slots:
        l, r, b, t = boxes[i]
        assert X_RANGE[0] < l and r < X_RANGE[1] and Y_RANGE[0] < b
        # under every point over its width, and under the line
        assert all(t < yj - dot for xj, yj in zip(x, y) if l - dot <= xj <= r + dot)
        assert t < min(regression.predict(scene.m, scene.b, np.array([l, r]))) - dot
        for j, other in enumerate(boxes):
            if j != i:
                assert other[1] <= l or r <= other[0] or other[3] <= b or t <= other[2], (i, j)


def test_the_longest_error_is_labelled_as_the_caption_says():
    scene = rendered(Residuals)
    worst = int(np.argmax(np.abs(scene.r)))
    assert scene.longest.get_tex_string() == f"{abs(scene.r[worst]):.2f}" == "0.75"
    assert "the longest is 0.75" in Residuals.captions()["errors"]


def test_the_costs_are_written_in_the_chapters_notation():
    """One notation for the error in the still and the video: r_i = f(x_i) − y_i, defined once
    on the plot as its segments appear (in the error red, under the line's name, as the still's
    key defines it); the squares are the squared errors r_i², their halves the examples' costs
    C_i = ½ r_i², and J the mean of the C_i (gdviz.equations). No r_i is written before its
    definition, nor the error spelt out again as f(x_i) − y_i after it."""
    from figures import residuals as still
    from gdviz import equations

    scene = rendered(Residuals)
    assert scene.error_def.get_tex_string() == r"r_i = f(x_i) - y_i"
    assert scene.error_def.get_color().to_hex().lower() == scene.theme.error.lower()
    assert scene.heading[1].get_tex_string() == r"C_i = \frac{1}{2}\,r_i^2"
    assert "C_i" in equations.SYMBOLS and "C_i" in equations.tex("half-mse-loss")
    assert "f(x_i) − y_i" in equations.SYMBOLS["r_i"]
    tex = [m.tex_string for top in scene.mobjects for m in top.get_family()
           if isinstance(m, MathTex)]
    assert any("C_i" in s for s in tex) and any("r_i" in s for s in tex)
    assert not any("y_i" in s for s in tex if s not in (scene.cost_eq.tex_string,
                                                       scene.error_def.tex_string))
    # the still's key defines the same r_i, and the caption names the same C_i
    fig_words = still.__doc__
    assert "r_i = f(x_i) − y_i" in fig_words and "C_i = ½ r_i²" in fig_words
    caps = Residuals.captions()
    assert "rᵢ = f(xᵢ) − yᵢ" in caps["errors"] and "Cᵢ = ½ rᵢ²" in caps["costs"]
    # r_i first comes on screen with its definition: the captions name it no earlier
    assert not any("rᵢ" in str(caps[k]) for k in ("points",))


def test_the_numbers_stand_above_the_squares_so_the_copies_pass_under_them():
    """On the stage the squares' numbers stand in one row above the tallest square and the
    strip lies below the squares: every copy flying down to the strip passes under them."""
    scene = rendered(Residuals)
    top = max(sq.get_top()[1] for sq in scene.row)
    bottoms = [lab.get_bottom()[1] for lab in scene.row_labels]
    assert min(bottoms) > top
    assert scene.strip.get_top()[1] < min(sq.get_bottom()[1] for sq in scene.row)


def test_sections_are_named_by_what_they_show():
    """The costs have a section of their own, so their caption comes with them."""
    names = [s.name for s in Residuals.SECTIONS]
    assert names == ["points", "errors", "squares", "stage", "costs", "mean"]


class _Probe(Residuals):
    """Residuals up to its squares, each play sampled at nine moments (on a copy of its
    animations): the width and height on screen of every square drawn in the play."""

    upto = "squares"

    def play(self, *anims, **kwargs):
        from manim.animation.animation import prepare_animation

        self.__dict__.setdefault("seen", [])
        for anim in anims:
            probe = copy.deepcopy(prepare_animation(anim))
            probe._setup_scene(self)
            probe.begin()
            for a in np.linspace(0.1, 0.9, 9):
                probe.interpolate(a)
                for m in probe.mobject.get_family():
                    if isinstance(m, Square) and m.has_points():
                        self.seen.append((m.width, m.height))
            probe.finish()
        return super().play(*anims, **kwargs)


def test_each_error_is_a_square_on_screen_from_its_first_frame():
    """The square on an error is square on screen at every moment it is drawn: it comes in at
    its full side |r_i| beside its segment (never morphed out of the thin segment, which passes
    through tall thin rectangles) and keeps its shape as it flies to the row and grows."""
    scene = rendered(_Probe)
    r = regression.residuals(*data.CANDIDATES[data.RESIDUALS_CANDIDATE], *data.regression_points())
    unit = scene.ax.x_axis.unit_size  # the plot keeps its size until it fades
    assert np.isclose(unit, UNIT_BIG)
    assert len(scene.seen) >= 9 * len(r)  # every square probed through a play at least
    for w, h in scene.seen:  # square at every moment, the growth included
        assert abs(w - h) < 1e-6, (w, h)
    sides = np.array([w for w, _ in scene.seen])
    # born at full side |r_i| on the large plot (its growth to the row's STAGE times that:
    # test_segments_and_squares_are_gdcores_residuals)
    for ri in r:
        assert np.abs(sides - abs(ri) * UNIT_BIG).min() < 1e-6, ri


def test_ghosts_stay_visible_in_both_themes():
    """The discarded halves and the six parts that are not J are ghosts: a faint fill inside an
    outline of the error red at GHOST_STROKE, 3:1 or more against the page in both themes; on the
    dark page the fill is stronger than the light page's (never a maroon lost in near-black)."""
    from gdviz import theme as th
    from scenes.residuals import GHOST_OPACITY, GHOST_OPACITY_DARK, GHOST_STROKE

    for t in (th.LIGHT, th.DARK):
        stroke = _over(t.error, GHOST_STROKE, t.background)
        assert th.contrast(stroke, t.background) >= 3.0, t.name
    # the kept half stands a clear lightness step above its ghost in both themes; on the dark
    # page the ghost is nearly an outline (dark red on darker red was hardly told apart)
    from scenes.residuals import SQUARE_OPACITY

    assert SQUARE_OPACITY - max(GHOST_OPACITY, GHOST_OPACITY_DARK) >= 0.3
    assert GHOST_OPACITY_DARK <= 0.1
    # on the dark page the kept squares are filled nearly whole: a bright coral, not a maroon
    from scenes.residuals import SQUARE_OPACITY_DARK

    assert SQUARE_OPACITY_DARK >= 0.75
    scene = rendered(Residuals)
    kept = SQUARE_OPACITY_DARK if scene.theme.name == "dark" else SQUARE_OPACITY
    assert scene.strip.get_fill_opacity() == pytest.approx(kept)
    for ghost in (*scene.row, *scene.parts[1:]):
        fill = GHOST_OPACITY_DARK if scene.theme.name == "dark" else GHOST_OPACITY
        assert ghost.get_fill_opacity() == pytest.approx(fill)
        assert ghost.get_stroke_opacity() == pytest.approx(GHOST_STROKE)


def _over(colour: str, alpha: float, page: str) -> str:
    """colour at opacity alpha over the page, as a hex colour."""
    c, p = (np.array([int(h[i:i + 2], 16) for i in (1, 3, 5)]) for h in (colour, page))
    mix = np.round(alpha * c + (1 - alpha) * p).astype(int)
    return "#" + "".join(f"{v:02X}" for v in mix)


def test_no_number_over_the_squares_strip_or_parts():
    """No words or number lie over a drawn square, half, piece, the strip or a part at the end
    of any play of the key moment (text over data): their boxes are apart."""
    scene = rendered(Residuals)
    shapes = [*scene.row, *scene.halves, *scene.parts]
    words = [*scene.row_labels, scene.sum_eq, scene.j_eq, scene.cost_def]
    for w in words:
        for s in shapes:
            if w is scene.sum_eq and s in (*scene.row, *scene.halves):
                continue  # the row has left when the sum rises to the payoff (tested below)
            apart = (w.get_left()[0] >= s.get_right()[0] or s.get_left()[0] >= w.get_right()[0]
                     or w.get_bottom()[1] >= s.get_top()[1] or s.get_bottom()[1] >= w.get_top()[1])
            assert apart, (w, s)


def test_the_squares_lie_under_the_points_the_line_and_the_segments():
    """A square beside its segment may reach the next point (the square at x = 5 reaches the
    point at 4.2): every square lies on a layer under the points, the rings, the segments and
    the line, so every point reads through it; a speck over the full squares."""
    from scenes.residuals import TINY

    scene = rendered(Residuals)
    over = [*scene.dots, *scene.marks, *scene.bars, scene.line]
    lowest = min(m.z_index for m in over)
    specks = [sq for sq, ri in zip(scene.row, scene.r) if abs(ri) * UNIT_BIG < TINY]
    full = [sq for sq in scene.row if sq not in specks]
    assert specks and full
    assert max(sq.z_index for sq in full) < min(sq.z_index for sq in specks)
    assert max(sq.z_index for sq in scene.row) < lowest


def test_the_costs_formula_stays_on_screen_four_seconds_before_it_moves():
    """C_i = ½ (f(x_i) − y_i)² is read over the row: whole there 4 s or more (while the squares
    are halved and their costs come) before it moves beside J's formula."""
    scene = rendered(Residuals)
    assert scene.unnamed_at - scene.named_at >= 4.0


def test_the_halves_slide_into_the_strip_in_one_clean_move():
    """The halves go into the strip in one move: at every moment no two of them meet, and each
    is either dropping straight down out of its own square or in the lane under the row (never
    over a square), ending as its piece of the strip with the half's area."""
    scene = rendered(Residuals)
    below = scene.row.get_bottom()[1]
    paths = scene.merge_paths
    for alpha in np.linspace(0.0, 1.0, 41):
        boxes = np.array([Residuals.merge_box(p, alpha) for p in paths])
        # in the row's order, left to right, never overlapping
        assert np.all(boxes[1:, 0] >= boxes[:-1, 2] - 1e-9), alpha
        for (start, _, _), box in zip(paths, boxes):
            straight_down = np.allclose(box[[0, 2]], start[[0, 2]])
            assert straight_down or box[3] <= below + 1e-9, alpha
    for (start, _, end), piece in zip(paths, scene.pieces):
        np.testing.assert_allclose(Residuals.merge_box((start, start, end), 1.0), end)
        area = (start[2] - start[0]) * (start[3] - start[1])
        assert (end[2] - end[0]) * (end[3] - end[1]) == pytest.approx(area, rel=1e-6)
        np.testing.assert_allclose(end, Residuals.box(piece), atol=1e-9)


def test_every_square_is_drawn_on_one_scale_of_area():
    """From the stage to the end every square, half, piece, the strip and the seven equal parts
    has one area per unit of its value (r_i², C_i, their sum, J): grown for the payoff (66 px
    sides, 1.73 times the stage's), each mean square read as an area of 0.24, not J = 0.0801,
    and the seven as three times the strip they were cut from. A mean square's side is √J on
    the stage's scale: 38 px at 480p."""
    scene = rendered(Residuals)
    x, y = data.regression_points()
    e = regression.line_errors(*data.CANDIDATES[data.RESIDUALS_CANDIDATE], x, y)
    costs = e.squares / 2
    drawn = [*zip(scene.row, e.squares), *zip(scene.halves, costs), *zip(scene.pieces, costs),
             (scene.strip, costs.sum()), *((q, e.cost) for q in scene.parts)]
    assert len(drawn) == 7 * 4 + 1
    per_value = np.array([m.width * m.height / v for m, v in drawn])
    assert per_value.max() / per_value.min() < 1.02, per_value
    scale = scene.ax.x_axis.unit_size * STAGE  # scene units per unit of r on the stage
    np.testing.assert_allclose(per_value, scale**2, rtol=1e-9)
    for q in scene.parts:
        np.testing.assert_allclose([q.width, q.height], [np.sqrt(e.cost) * scale] * 2,
                                   rtol=1e-9)
    assert scene.parts[0].width * 480 / 8 == pytest.approx(38.2, abs=0.1)


def test_the_payoff_is_alone_its_numbers_apart():
    """Once the strip is cut the row of halves leaves and the seven equal squares move apart
    into the middle of the page at their size, their numbers apart (12 px or more), J the
    largest text: the row, its halves and numbers are off the page at the end."""
    scene = rendered(Residuals)
    on = set(scene.get_mobject_family_members())
    assert not on & {*scene.row, *scene.halves, *scene.row_labels}
    assert all(q in on for q in scene.parts)
    px = 480 / 8
    assert abs(scene.parts.get_x()) < 0.05
    labs = scene.part_labels[1:]
    gaps = [b.get_left()[0] - a.get_right()[0] for a, b in zip(labs, labs[1:])]
    assert min(gaps) * px >= 12
    assert scene.j_eq.font_size >= 56


def test_a_half_and_its_copy_never_show_one_over_the_other():
    """The half a copy leaves is hidden while the copy is in its square (from the first frame,
    where the copy covers it exactly); only once the copy is under the square does the half's
    outline come back, as a ghost's."""
    scene = rendered(Residuals)
    home = scene.halves[0].copy()
    for alpha in np.linspace(0.0, 1.0, 41):
        Residuals.leave(home, alpha)
        assert home.get_fill_opacity() == 0
        for path in scene.merge_paths:
            copy_top = Residuals.merge_box(path, alpha)[3]
            if copy_top > path[0][1] + 1e-9:  # the copy still reaches into its square
                assert home.get_stroke_opacity() == 0, alpha
    Residuals.leave(home, 1.0)
    assert home.get_stroke_opacity() == pytest.approx(GHOST_STROKE)
