"""The sampling-grid-3d scene (frames: test_scene_frames.py): its lattice against gdcore."""

import numpy as np
import pytest
from frames import WATCHERS, rendered
from manim import FadeIn, ManimColor

from gdcore import sampling
from gdrender.jobs import QUALITIES
from gdviz.fast_surface import View3D
from gdviz.manim_theme import CLOSING_HOLD_S
from scenes.sampling_grid_3d import (
    BINS,
    CUBE,
    CUBE_CENTER,
    EDGE_STYLES,
    END_CLEAR,
    FLIGHT_SECONDS,
    GROW,
    GROWN_CENTER,
    HEAD_ABOVE,
    LATTICE_CLEAR,
    LINE_RAISE,
    ORBIT_EASE,
    ORBIT_SECONDS,
    PHI0,
    SIDE_2D,
    SQUARE_SHRINK,
    STEP_SECONDS,
    THETA0,
    THETA1,
    TWO_ROW_CLEAR,
    W2_AT,
    WORD_CASING,
    SamplingGrid3d,
    steady,
)


def ordered(points: np.ndarray) -> np.ndarray:
    """Points sorted by their last coordinate, then the ones before (read at 1e-6)."""
    key = np.round(points, 6)
    return points[np.lexsort(key.T)]


def test_lattice_is_gdcores_grid():
    scene = rendered(SamplingGrid3d)
    pts3 = sampling.grid_points(BINS, 3)
    assert len(pts3) == sampling.guess_count(BINS, 3) == 1000
    np.testing.assert_array_equal(scene.points3, pts3)
    # every lattice point is drawn once: the discs' centres are the projected points
    np.testing.assert_allclose(scene.drawn, scene.view.project(pts3)[0], atol=1e-12)
    centres = np.concatenate([m.points.reshape(-1, 32, 3).mean(axis=1)
                              for m in scene.layers if len(m.points)])
    assert len(centres) == 1000
    d = np.linalg.norm(centres[:, None, :2] - scene.drawn[None, :, :2], axis=2).min(axis=1)
    assert d.max() < 1e-3
    # the 2-D panel: 100 dots at the grid's points
    got = np.array([scene.ax2.p2c(c) for c in scene.dots2.drawn()])
    np.testing.assert_allclose(ordered(got), ordered(sampling.grid_points(BINS, 2)), atol=1e-9)


def test_counts_grow_tenfold_one_weight_at_a_time():
    """A line, a square, the cube's floor, the cube: the count shown at each recorded moment is
    the number of guesses drawn then, at gdcore's grid points: 10, 100 (guess_count for 1, 2
    weights), then the cube's own count, 100 once the square's copy has landed in its floor, and
    1,000 (3 weights); each step the one before times the bins."""
    scene = rendered(SamplingGrid3d)
    assert [d for d, _, _ in scene.stages] == [1, 2, 3, 3]
    grid3 = sampling.grid_points(BINS, 3)
    for dims, count, drawn in scene.stages:
        assert len(drawn) == count
        shown = round(np.log(count) / np.log(BINS))  # weights whose values are all drawn
        assert count == sampling.guess_count(BINS, shown) == BINS**shown
        # the others at their first value: the line at w2 = w3 = 0, the square and the floor
        # at w3 = 0
        want = grid3[np.all(grid3[:, shown:] == grid3.min(), axis=1)]
        got = drawn
        if dims < 3:  # drawn in the square: (w1, w2)
            want = want[:, :2]
        if dims == 1:  # one weight: on its axis (w2 = 0), lifted to w2's first value later
            np.testing.assert_allclose(drawn[:, 1], 0.0, atol=1e-9)
            got, want = drawn[:, :1], want[:, :1]
        np.testing.assert_allclose(ordered(got), ordered(want), atol=1e-9)
    counts = [c for _, c, _ in scene.stages]
    assert counts == [BINS, BINS**2, BINS**2, BINS**3]


def test_the_cube_counts_its_floor_only_once_it_has_landed():
    """While the square's copy flies to the cube's floor the cube's count stays at 0, and it
    shows 100 (guess_count for 2 weights) only once all the copy's guesses have landed, at the
    floor's grid points (w3 at its first value): no count climbs under a copy in flight."""
    scene = rendered(SamplingGrid3d)
    final, played = scene.head3.count.get_value(), scene.landings
    scene.landings = []
    # the flight replayed frame by frame, at the highest frame rate a video is rendered at
    fps = max(q[2] for q in QUALITIES.values())
    alphas = np.linspace(0.0, 1.0, round(FLIGHT_SECONDS * fps) + 1)
    try:
        for alpha in alphas:
            for anim in scene.flight:
                anim.interpolate(alpha)
            drawn = sum(len(row.points) for row in scene.flying) // 32
            assert scene.head3.count.get_value() == (0 if alpha < 1.0 else drawn)
        landings = scene.landings
    finally:
        scene.landings = played
        scene.head3.show_count(final).set_opacity(1.0).layout()
    assert [c for c, _ in played] == [0, BINS**2]  # as played
    assert [c for c, _ in landings] == [0, sampling.guess_count(BINS, 2)]
    assert len(landings[0][1]) == 0
    grid3 = sampling.grid_points(BINS, 3)
    floor = grid3[grid3[:, 2] == grid3[:, 2].min()]
    np.testing.assert_allclose(ordered(landings[-1][1]), ordered(floor), atol=1e-12)


def lattice_directions(largest: int) -> np.ndarray:
    """The lattice's directions (unit vectors) whose steps are at most `largest` rows along each
    axis: 1 gives its axes and the diagonals of its faces and of the whole cube."""
    import itertools
    import math

    out = [v for v in itertools.product(range(-largest, largest + 1), repeat=3)
           if any(v) and math.gcd(*map(abs, v)) == 1]
    return np.array(out, dtype=np.float64) / np.linalg.norm(out, axis=1)[:, None]


def sight_clearance(phi: float, theta: float, largest: int) -> float:
    """Degrees between the camera's line of sight and the nearest lattice direction."""
    view = View3D(((0.0, 1.0),) * 3, (1.0,) * 3, (0.0, 0.0), phi, theta)
    cos = np.abs(lattice_directions(largest) @ view.toward_camera())
    return float(np.degrees(np.arccos(np.clip(cos.max(), -1.0, 1.0))))


def test_the_camera_never_looks_down_a_row_or_a_diagonal_of_the_lattice():
    """The lattice never collapses into columns, stripes or a flat grid: from the first frame
    to the end of the orbit (at one height), the line of sight stays LATTICE_CLEAR from every
    axis of the lattice and every diagonal of its faces and of the cube (the near-isometric view
    among them); the two held views, before and after the turn, END_CLEAR from them and
    TWO_ROW_CLEAR from the diagonals two rows long; the camera is low, 15° to 25° above the
    floor (from 62° above, the cube read as a flat grid of dots), its short arc keeps 10° or more
    off azimuth −45° (where, that low, it would look down the long diagonal), and it ends where
    the arc ends."""
    assert 15.0 <= 90.0 - PHI0 <= 25.0
    assert max(THETA0, THETA1) <= -55.0
    assert LATTICE_CLEAR >= 20.0 and END_CLEAR >= 20.0
    for theta in np.linspace(THETA0, THETA1, 121):
        assert sight_clearance(PHI0, theta, 1) >= LATTICE_CLEAR
    for theta in (THETA0, THETA1):
        assert sight_clearance(PHI0, theta, 1) >= END_CLEAR
        assert sight_clearance(PHI0, theta, 2) >= TWO_ROW_CLEAR
    # the old orbits, at 30° and at 20° through azimuth −45°, looked down the cube's long
    # diagonal, or within 16° of it
    assert sight_clearance(60.0, -45.0, 1) < 6.0
    assert sight_clearance(70.0, -45.0, 1) < 16.0
    assert -90.0 < min(THETA0, THETA1) and max(THETA0, THETA1) < 0.0
    # the view it ends on: three-quarter, w1 drawn across the screen at 0.8 or more of the
    # cube's edge, w2 (running away from the camera) at half of it or more, the upright one,
    # seen from the side, at 0.9 or more
    view = View3D(((0.0, 1.0),) * 3, (1.0,) * 3, (0.0, 0.0), PHI0, THETA1)
    ends = view.project(np.vstack([np.zeros(3), np.eye(3)]))[0]
    drawn = np.linalg.norm(ends[1:, :2] - ends[0, :2], axis=1)
    assert drawn[0] >= 0.8 and drawn[1] >= 0.5 and drawn[2] >= 0.9
    scene = rendered(SamplingGrid3d)
    assert scene.view.phi.get_value() == PHI0
    assert scene.view.theta.get_value() == THETA1


def test_the_cube_is_drawn_larger_than_the_square():
    """The cube, ten times the square's guesses, is drawn larger than the square: its outline
    on the screen a fifth taller than the square and larger in area, beside the square;
    for the orbit the square, smaller, stays at the left (100 beside 1,000), and the cube stays
    inside the frame's margin (its count line above it), clear of the square."""
    corners = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], float)
    view = View3D(((0.0, 1.0),) * 3, (CUBE,) * 3, (0.0, 0.0), PHI0, THETA0)
    scr = view.project(corners)[0]
    assert np.ptp(scr[:, 1]) > 1.2 * SIDE_2D
    assert np.ptp(scr[:, 0]) * np.ptp(scr[:, 1]) > 1.1 * SIDE_2D**2
    scene = rendered(SamplingGrid3d)
    np.testing.assert_allclose(scene.view.lengths, CUBE * GROW)
    square = scene.square
    assert square in scene.mobjects and scene.dots2 in square
    np.testing.assert_allclose(square.width / SQUARE_SHRINK, scene.square_width, rtol=1e-6)
    assert square.get_left()[0] > -7.111 + 0.4
    for theta in np.linspace(THETA0, THETA1, 13):
        view = View3D(((0.0, 1.0),) * 3, (CUBE * GROW,) * 3, GROWN_CENTER, PHI0, theta)
        scr = view.project(corners)[0]
        assert np.ptp(scr[:, 1]) > 1.2 * SIDE_2D
        assert scr[:, 1].max() < scene.head3.get_bottom()[1] - 0.1
        assert scr[:, 1].min() > -4.0 + 0.8  # room for the floor's numbers in the margin
        assert scr[:, 0].min() > square.get_right()[0] + 0.5


def test_the_orbit_is_one_steady_turn_at_one_height():
    """One calm orbit: the azimuth only (the camera's height never changes), always turning the
    same way, at one constant speed between an ease in and an ease out that never overshoot,
    its top speed at most 1.3 times its mean (no surge, no swing back); a short, slow arc, 20°
    at most at 2° a second at most (a 45° turn in 12 s made the lattice's fine rows shimmer)."""
    assert abs(THETA1 - THETA0) <= 20.0
    assert abs(THETA1 - THETA0) / ORBIT_SECONDS <= 2.0
    t = np.linspace(0.0, 1.0, 2001)
    u = np.array([steady(v) for v in t])
    assert u[0] == 0.0 and u[-1] == pytest.approx(1.0)
    speed = np.diff(u) / np.diff(t)
    assert speed.min() >= 0.0 and speed.max() <= 1.3
    middle = (t[1:] > ORBIT_EASE + 0.01) & (t[1:] < 1.0 - ORBIT_EASE - 0.01)
    np.testing.assert_allclose(speed[middle], 1.0 / (1.0 - ORBIT_EASE), rtol=1e-6)
    assert np.all(u >= 0.0) and np.all(u <= 1.0 + 1e-12)


def test_the_copy_never_crosses_the_squares_guesses():
    """The square's copy slides out from under it: at every moment of its flight, replayed,
    none of its guesses is drawn over the square (every drawn disc lies right of the square's
    right edge), and by its landing all 100 are drawn. The axes' words, written once it has
    landed, stand over the lattice's guesses, each on a halo of the page colour."""
    scene = rendered(SamplingGrid3d)
    final, played = scene.head3.count.get_value(), scene.landings
    edge = scene.ax2.c2p(1.0, 0.0)[0]
    seen = 0
    try:
        for alpha in np.linspace(0.0, 1.0, 121):
            for anim in scene.flight:
                anim.interpolate(alpha)
            pts = np.concatenate([row.points for row in scene.flying if len(row.points)]
                                 or [np.zeros((0, 3))])
            if len(pts):
                assert pts[:, 0].min() >= edge - 1e-9
            seen = sum(len(row.points) for row in scene.flying) // 32
    finally:
        scene.landings = played
        scene.head3.show_count(final).set_opacity(1.0).layout()
    assert seen == BINS**2
    flying = max(row.z_index for row in scene.flying)
    for word in scene.axis_words():
        assert word.z_index > flying
        assert word.get_stroke_width(background=True) >= WORD_CASING > 0
        assert word.get_stroke_color(background=True) == ManimColor(scene.theme.background)


def test_the_copy_flies_past_no_word_and_lands_inside_the_box():
    """The square's copy flies into the empty box: none of the cube's axes (their numbers and
    labels) nor its count line is shown while it flies (they come once it has landed, the count
    then reading the 100 guesses landed), and over the flight's last quarter, as it comes down
    to the floor, no guess of the copy is drawn left of the cube's box: it lands inside it."""
    scene = rendered(SamplingGrid3d)
    shown = set()
    for m in scene.shown_in_flight:
        shown.update(m.get_family())
    assert not set(scene.axes3.get_family()) & shown
    assert scene.head3 not in shown
    final, played = scene.head3.count.get_value(), scene.landings
    lengths, centre = scene.view.lengths.copy(), scene.view.center.copy()
    theta = scene.view.theta.get_value()
    try:
        # the flight's camera and box: before the orbit and the cube's growth
        scene.view.lengths, scene.view.center = np.full(3, CUBE), np.array([*CUBE_CENTER, 0.0])
        scene.view.theta.set_value(THETA0)
        corners = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], float)
        left = scene.view.project(corners)[0][:, 0].min()
        fps = max(q[2] for q in QUALITIES.values())
        for alpha in np.linspace(0.0, 1.0, round(FLIGHT_SECONDS * fps) + 1):
            for anim in scene.flight:
                anim.interpolate(alpha)
            # the count line, carried by the flight, stays unseen
            assert scene.head3.count.get_fill_opacity() == 0.0
            if alpha >= 0.75:
                pts = np.concatenate([row.points for row in scene.flying if len(row.points)])
                assert pts[:, 0].min() >= left - 0.05
    finally:
        scene.landings = played
        scene.head3.show_count(final).set_opacity(1.0).layout()
        scene.view.lengths, scene.view.center = lengths, centre
        scene.view.theta.set_value(theta)
        scene.axes3.update_from_view()
    assert final == sampling.guess_count(BINS, 3)


def test_each_floor_label_stands_at_the_middle_of_its_own_axis():
    """Along the orbit, w1's and w2's labels each stand beside the middle number (0.5) of their
    own axis (within 0.3 of the cube's edge), far nearer it than any number of another axis."""
    scene = rendered(SamplingGrid3d)
    view, axes = scene.view, scene.axes3
    keep = view.theta.get_value()
    try:
        for theta in np.linspace(THETA0, THETA1, 5):
            view.theta.set_value(theta)
            axes.update_from_view()
            for axis in (0, 1):
                label = axes.labels[axis].get_center()
                own = axes.numbers[axis][0].get_center()
                others = [n.get_center() for a, nums in enumerate(axes.numbers) if a != axis
                          for n in nums]
                d_own = np.linalg.norm(label - own)
                assert d_own < 0.3 * CUBE
                assert all(np.linalg.norm(label - o) > 1.5 * d_own for o in others)
    finally:
        view.theta.set_value(keep)
        axes.update_from_view()


def test_the_axes_share_the_panels_tick_numbers_and_stand_apart():
    """The cube's three axes number 0.5 and 1, as the square's axes do; at the corner the two
    floor axes share, each axis's number stands beside its own axis (the two apart); w3's label
    stands beside its middle number, clear of the count line above the cube."""
    scene = rendered(SamplingGrid3d)
    square = [f"{m.get_value():.{m.num_decimal_places}f}" for m in scene.ax2.x_axis.numbers]
    for nums in scene.axes3.numbers:
        assert [m.get_tex_string() for m in nums] == square == ["0.5", "1"]
    for theta in (THETA0, 0.0, THETA1):
        scene.view.theta.set_value(theta)
        scene.axes3.update_from_view()
        shown = [m for nums in scene.axes3.numbers[:2] for m in nums
                 if m.get_fill_opacity() > 0]
        assert len(shown) == 4
        for i, a in enumerate(shown):
            for b in shown[i + 1:]:
                apart = (abs(a.get_center()[0] - b.get_center()[0]) >= (a.width + b.width) / 2
                         or abs(a.get_center()[1] - b.get_center()[1])
                         >= (a.height + b.height) / 2)
                assert apart
        # w3's label left of its middle number, on its row, below the count line
        w3, mid = scene.axes3.labels[2], scene.axes3.numbers[2][0]
        assert mid.get_left()[0] - w3.get_right()[0] >= 0.3
        np.testing.assert_allclose(w3.get_center()[1], mid.get_center()[1], atol=1e-9)
        assert w3.get_top()[1] < scene.head3.get_bottom()[1] - 0.2


def test_each_step_slower_than_the_one_before():
    """The build's steps slow as they grow, the last (×10 into the cube) the slowest; the orbit
    after it, the scene's moment, longer than any step, turning through 10° or more (so the
    cube's depth reads from its rows sliding past one another) inside one quadrant (the
    floor's axes never change sides)."""
    from scenes.sampling_grid_3d import ORBIT_SECONDS

    assert STEP_SECONDS[1] < STEP_SECONDS[2] < STEP_SECONDS[3] < ORBIT_SECONDS
    assert ORBIT_SECONDS >= 10.0
    assert abs(THETA1 - THETA0) >= 10.0
    assert -90.0 < min(THETA0, THETA1) and max(THETA0, THETA1) < 0.0


def test_no_two_words_of_the_axes_within_24_px_along_the_orbit():
    """From the first camera to the orbit's end (at one height, as played), no two of the
    cube's tick numbers and axis labels come within 24 px at 480p of each other: at the corner
    the floor axes share, their numbers stand well apart, and no two axes' numbers stand on
    one line."""
    scene = rendered(SamplingGrid3d)
    view, axes = scene.view, scene.axes3
    keep = view.theta.get_value(), view.phi.get_value()
    words = [m for nums in axes.numbers for m in nums] + list(axes.labels)
    px = 480 / 8.0
    closest = np.inf
    try:
        for u in np.linspace(0.0, 1.0, 41):
            view.theta.set_value(THETA0 + u * (THETA1 - THETA0))
            view.phi.set_value(PHI0)
            axes.update_from_view()
            lo = np.array([m.get_corner(np.array([-1, -1, 0]))[:2] for m in words])
            hi = np.array([m.get_corner(np.array([1, 1, 0]))[:2] for m in words])
            # no two axes' numbers on one line (the still's "1 0" at a corner)
            for k, a in enumerate(axes.numbers):
                for b in axes.numbers[k + 1:]:
                    for p in a:
                        for q in b:
                            assert (min(p.get_top()[1], q.get_top()[1])
                                    < max(p.get_bottom()[1], q.get_bottom()[1]))
            for i in range(len(words)):
                for j in range(i + 1, len(words)):
                    gap = max((lo[j] - hi[i]).max(), (lo[i] - hi[j]).max())
                    closest = min(closest, gap * px)
    finally:
        view.theta.set_value(keep[0])
        view.phi.set_value(keep[1])
        axes.update_from_view()
    assert closest >= 24


def test_the_boxs_edges_tell_its_depth():
    """The cube's twelve edges in three strokes: the three at its corner farthest from the
    camera (behind the lattice) the faintest and thinnest, the three at its nearest corner the
    firmest, the six others between; the same corners from the first view to the last."""
    (w0, o0), (w1, o1), (w2, o2) = EDGE_STYLES
    assert w0 < w1 < w2 and o0 < o1 < o2 and o0 >= 0.3
    scene = rendered(SamplingGrid3d)
    kinds = scene.edge_kinds
    assert sorted(kinds) == [0] * 3 + [1] * 6 + [2] * 3
    for theta in (THETA0, THETA1):
        view = View3D(((0.0, 1.0),) * 3, (1.0,) * 3, (0.0, 0.0), PHI0, theta)
        corners = np.array([[a, b, c] for a in (0, 1) for b in (0, 1) for c in (0, 1)], float)
        depth = view.project(corners)[1]
        far, near = corners[depth.argmin()], corners[depth.argmax()]
        for seg, kind in zip(scene.edge_segments, kinds):
            touches = [any(np.allclose(p, c) for p in seg) for c in (far, near)]
            assert kind == (0 if touches[0] else 2 if touches[1] else 1)
    for mob, (w, o) in zip(scene.edges, EDGE_STYLES):
        assert mob.get_stroke_width() == w and mob.get_stroke_opacity() == pytest.approx(o)


def test_the_lattice_stands_on_a_grid_on_its_floor():
    """A faint grid on the cube's floor (w3 = 0): a line under each row of gdcore's lattice,
    both ways, drawn as the camera stands at the end, under the lattice's guesses (without it
    the guesses floated in the box)."""
    from scenes.sampling_grid_3d import FLOOR_OPACITY

    scene = rendered(SamplingGrid3d)
    rows = np.unique(sampling.grid_points(BINS, 1)[:, 0])
    segs = scene.floor_segments
    assert len(segs) == 2 * len(rows) == 2 * BINS
    assert np.all(segs[:, :, 2] == 0.0)
    along = [seg[0, 0] if seg[0, 0] == seg[1, 0] else seg[0, 1] for seg in segs]
    np.testing.assert_allclose(sorted(along), np.repeat(rows, 2))
    drawn = scene.floor.get_anchors()
    want = np.concatenate([scene.view.project(seg)[0] for seg in segs])
    np.testing.assert_allclose(drawn, want, atol=1e-9)
    assert scene.floor.get_stroke_opacity() == pytest.approx(FLOOR_OPACITY) and FLOOR_OPACITY < 1
    order = scene.mobjects
    assert scene.floor in order and order.index(scene.floor) < order.index(scene.layers)


def _watch(scene):
    """After a play: the square's count line as shown (its words, and the widest gap between
    its parts that show), whether the second weight's axis is drawn, and how far the count
    line's foot stands above the first weight's axis."""
    head = scene.__dict__.get("head2")
    if head is None or head not in scene.mobjects:
        return None
    parts = [m for m in head.parts() if m.get_fill_opacity() > 0.5]
    gaps = [b.get_left()[0] - a.get_right()[0] for a, b in zip(parts, parts[1:])]
    return (head.words.text.replace(" ", ""), max(gaps), head.buff,
            scene.ax2.y_axis in scene.get_mobject_family_members(),
            head.get_bottom()[1] - scene.ax2.x_axis.get_start()[1])


WATCHERS[SamplingGrid3d] = _watch


def test_the_count_line_names_two_weights_with_the_second_axis_and_never_gapes():
    """The count line reads "2 weights" only once the w2 axis is drawn (it read so over the
    one weight's line for 1.7 s), and after every play its parts stand one buff apart: no
    hole where a part faded out before the line closed up ("1 weight:    10 guesses")."""
    scene = rendered(SamplingGrid3d)
    notes = [n for n in scene.notes if n is not None]
    words = [w for w, *_ in notes]
    assert words[0] == "1weight:" and "2weights:" in words
    for w, gap, buff, axis, _ in notes:
        assert gap == pytest.approx(buff, abs=0.02)
        assert axis == (w == "2weights:")


def test_the_one_weights_count_stands_over_its_line():
    """While the count line names one weight it stands over that weight's raised line, its
    foot HEAD_ABOVE or less above the axis (it stood at the square's top, 2.75 units over the line,
    floating over an empty frame for 3 s), and stays as the line comes down; once the square is
    drawn it stands over the square's top edge, HEAD_ABOVE above it."""
    scene = rendered(SamplingGrid3d)
    notes = [n for n in scene.notes if n is not None]
    one = [above for w, *_, above in notes if w == "1weight:"]
    # after every play but the last, where the line comes down under the count line, which
    # stays (it comes back at the square's top faded in, never slid: slid up as the line slid
    # down, the two moving apart lost 0.44 of the frame's ink from one frame to the next)
    assert len(one) >= 4 and all(0.15 <= above <= HEAD_ABOVE for above in one[:-1])
    assert one[-1] - one[-2] == pytest.approx(LINE_RAISE, abs=0.01)
    assert scene.head2.top == pytest.approx(scene.ax2.c2p(0, 1)[1] + HEAD_ABOVE * SQUARE_SHRINK)


def test_the_box_comes_whole_and_the_lattice_holds_the_closing():
    """The cube's twelve edges come in together, faded in (drawn, a part of its top edge
    and a gap in a right one showed for a second); after the orbit the lattice stands still for
    the house's whole closing hold, in one wait of the scene's own (the orbit's eased end and a
    topped-up hold left it 2.9 s)."""
    scene = rendered(SamplingGrid3d)
    assert isinstance(scene.edges_in, FadeIn) and scene.edges_in.mobject is scene.edges
    assert scene.lengths[-2] == pytest.approx(ORBIT_SECONDS)
    assert scene.lengths[-1] == pytest.approx(CLOSING_HOLD_S)
    assert scene.closing == 0.0


def test_w2_stands_between_its_numbers():
    """The square's w2 in its numbers' column at W2_AT, between its 0.5 and 1, 8 px (480p)
    or more clear of each row (beside the 1, "w2 1" read as one token)."""
    scene = rendered(SamplingGrid3d)
    w2, (half, top) = scene.w2_label, scene.ax2.y_axis.numbers
    assert w2.get_tex_string() == "w_2" and 0.5 < W2_AT < 1
    np.testing.assert_allclose(w2.get_center()[1], scene.ax2.c2p(0, W2_AT)[1], atol=1e-9)
    px = 60 * SQUARE_SHRINK  # the square is shrunk at the end
    assert (top.get_bottom()[1] - w2.get_top()[1]) * px >= 8
    assert (w2.get_bottom()[1] - half.get_top()[1]) * px >= 8
    np.testing.assert_allclose(w2.get_right()[0], max(half.get_right()[0], top.get_right()[0]),
                               atol=1e-9)
