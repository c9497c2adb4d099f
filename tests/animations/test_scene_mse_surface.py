"""The mse-surface scene (frames: test_scene_frames.py): its drawing against gdcore."""

import numpy as np
from frames import rendered
from manim import MathTex, Star, config

from gdcore import data, regression
from gdviz import views
from gdviz.cost_surface_scene import PHI0, THETA0
from gdviz.fast_surface import View3D
from scenes import mse_surface
from scenes.mse_surface import MseSurface

X, Y = data.regression_points()
M_STAR, B_STAR = regression.least_squares(X, Y)


def anchors(*mobs) -> np.ndarray:
    return np.concatenate([m.get_anchors() for m in mobs if len(m.points)])


def test_drawn_surface_and_minimum_are_gdcores():
    scene = rendered(MseSurface)
    surf = scene.surface
    np.testing.assert_allclose(surf.Z, regression.cost(surf.X, surf.Y, X, Y), atol=1e-12)
    assert (surf.X.min(), surf.X.max()) == views.M_RANGE
    assert (surf.Y.min(), surf.Y.max()) == views.B_RANGE
    # a slow arc, not a spin: the camera ends facing the cut, less than a quarter turn away
    assert np.isclose(scene.view.theta.get_value(), mse_surface.CUT_THETA)
    assert np.isclose(scene.view.phi.get_value(), mse_surface.CUT_PHI)
    assert abs(mse_surface.CUT_THETA - THETA0) < 90 and PHI0 < mse_surface.CUT_PHI < 90
    dot = scene.marker[-1]
    want = scene.view.project([[M_STAR, B_STAR, regression.cost(M_STAR, B_STAR, X, Y)]])[0][0]
    np.testing.assert_allclose(dot.get_center(), want, atol=1e-9)


def test_the_arc_is_slow_and_the_camera_ends_facing_the_cut():
    """The camera's orbit turns slowly through 30° or more, within (−90°, 0°), where the axes
    keep their edges of the box, neither floor axis turning steeper than FLOOR_STEEPEST on the
    screen (the b axis nearly upright read as a second J axis); then the camera ends facing the
    cut square on: looking along the b axis (within 3° of it) from within 8° of the floor, so
    the cut's edge is seen flat; the b axis, end on there, has faded out (numbers and label)."""
    arc = abs(mse_surface.ARC_THETA - mse_surface.ARC_FROM)
    assert arc >= 30 and mse_surface.FLOOR_STEEPEST <= 45
    for u in np.linspace(0.0, 1.0, 31):  # the arc, rising at its middle
        theta = mse_surface.ARC_FROM + u * (mse_surface.ARC_THETA - mse_surface.ARC_FROM)
        phi = PHI0 - mse_surface.ARC_RISE * np.sin(np.pi * u)
        view = View3D(((0, 1),) * 3, mse_surface.BOX, (0, 0), phi, theta)
        o, m, b = view.project(np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], float))[0]
        for d in (m - o, b - o):
            assert np.degrees(np.arctan2(abs(d[1]), abs(d[0]))) <= mse_surface.FLOOR_STEEPEST
    # the old arc's end, −77°, stood the b axis at 65°
    view = View3D(((0, 1),) * 3, mse_surface.BOX, (0, 0), PHI0, -77.0)
    o, b = view.project(np.array([[0, 0, 0], [0, 1, 0]], float))[0]
    assert np.degrees(np.arctan2(abs((b - o)[1]), abs((b - o)[0]))) > 60
    assert arc / MseSurface.arc_seconds < 6.0  # degrees a second: slow
    for theta in (mse_surface.ARC_FROM, mse_surface.ARC_THETA, mse_surface.CUT_THETA):
        assert -90 < theta < 0
    assert abs(mse_surface.CUT_THETA + 90) <= 3 and 90 - mse_surface.CUT_PHI <= 8
    scene = rendered(MseSurface)
    assert scene.b_shown.get_value() == 0.0
    assert scene.axes.labels[1].get_fill_opacity() == 0.0
    assert all(n.get_fill_opacity() == 0.0 for n in scene.axes.numbers[1])


def test_slice_edge_is_gdcores_parabola_at_b_star():
    scene = rendered(MseSurface)
    surf = scene.surface
    assert np.isclose(scene.cut.get_value(), B_STAR)
    v, moved = surf.cut_vertices()
    assert moved.any() and not moved.all()
    # the cut edge: every moved vertex lies at b = b*, at gdcore's J(m, b*)
    np.testing.assert_allclose(v[moved, 1], B_STAR)
    np.testing.assert_allclose(v[moved, 2], regression.cost(v[moved, 0], B_STAR, X, Y),
                               rtol=1e-12)
    # what is left is b ≥ b*: no vertex beyond the cut
    assert v[:, 1].min() >= B_STAR - 1e-12
    # the traced curve (seen and hidden parts) is J(m, b*) over the whole window, projected
    arc_hidden, _, arc, _, _ = scene.link
    ms = np.linspace(*views.M_RANGE, 2001)
    curve = scene.view.project(np.column_stack([ms, np.full_like(ms, B_STAR),
                                                regression.cost(ms, B_STAR, X, Y)]))[0]
    drawn = anchors(arc, arc_hidden)
    gap = np.linalg.norm(drawn[:, None, :2] - curve[None, :, :2], axis=2).min(axis=1)
    assert gap.max() < 0.01
    ends = np.sort(drawn[:, 0])
    np.testing.assert_allclose([ends[0], ends[-1]], sorted([curve[0, 0], curve[-1, 0]]),
                               atol=1e-9)


def test_point_on_map_and_on_surface_agree():
    scene = rendered(MseSurface)
    m = scene.m.get_value()
    assert np.isclose(m, M_STAR)
    map_trail, map_dot = scene.map_point
    mm, bb = scene.map_ax.p2c(map_dot.get_center())
    np.testing.assert_allclose([mm, bb], [m, B_STAR], atol=1e-9)
    j = regression.cost(m, B_STAR, X, Y)
    dot3 = scene.link[4]
    np.testing.assert_allclose(dot3.get_center(), scene.view.project([[m, B_STAR, j]])[0][0],
                               atol=1e-9)
    # the drop line stands on the floor under the point and reaches it
    drop = anchors(scene.link[3], scene.link[1])
    floor = scene.view.project([[m, B_STAR, 0.0], [m, B_STAR, j]])[0]
    ys = drop[:, 1]
    np.testing.assert_allclose([ys.min(), ys.max()], sorted(floor[:, 1]), atol=1e-9)
    np.testing.assert_allclose(drop[:, 0], floor[0, 0], atol=1e-9)
    # the map's line b = b* spans the window
    tr = map_trail.get_anchors()
    np.testing.assert_allclose(scene.map_ax.p2c(tr[0]), [views.M_RANGE[0], B_STAR], atol=1e-9)
    np.testing.assert_allclose(scene.map_ax.p2c(tr[-1]), [views.M_RANGE[1], B_STAR], atol=1e-9)


def test_numbers_are_at_least_12_px_tall_at_480p():
    scene = rendered(MseSurface)
    px = 480 / 8.0  # pixels per scene unit at 480p
    digits = [n for group in scene.axes.numbers for n in group]
    digits += [n for n in scene.rows[1:]]
    for mob in digits:
        assert mob.height * px >= 12.0
    # both ends of m's window are numbered, so the range can be read off the surface; b by
    # the map's step (4), evenly, from 0 to its far end (none at the corner it shares with m)
    (m0, m1), (_, b1) = views.M_RANGE, views.B_RANGE
    ticks_m, ticks_b, _ = mse_surface.TICKS
    assert (min(ticks_m), max(ticks_m)) == (m0, m1)
    assert set(ticks_b) <= set(views.B_TICKS) and max(ticks_b) == b1
    assert set(np.diff(ticks_b)) == {views.B_TICKS[1] - views.B_TICKS[0]}
    # at the end, facing the cut, the b axis is seen end on: its numbers have faded out
    m_numbers, b_numbers, j_numbers = scene.axes.numbers
    assert all(n.get_fill_opacity() == 1.0 for n in [*m_numbers, *j_numbers])
    assert all(n.get_fill_opacity() == 0.0 for n in b_numbers)


def test_the_numbers_at_a_shared_corner_stand_inside_their_own_axis():
    """At the corner the floor axes share and at the J axis's foot, a floor axis's end
    number lies wholly on its own axis's side of its tick (inset along the axis): m's at the
    front corner (b has no number there), m's first right of J's column of numbers."""
    scene = rendered(MseSurface)
    axes, view = scene.axes, scene.view
    (m0, m1), (b0, b1), (z0, _) = view.ranges
    y_edge, x_edge, foot = axes.edges()
    shared = [(x_edge, y_edge), foot]
    checked = 0
    for axis, (lo, hi) in enumerate(((m0, m1), (b0, b1))):
        for val, num in zip(mse_surface.TICKS[axis], axes.numbers[axis]):
            at = (val, y_edge) if axis == 0 else (x_edge, val)
            if val not in (lo, hi) or not any(np.allclose(at, c) for c in shared):
                continue
            other = (hi if val == lo else lo, y_edge) if axis == 0 else (x_edge, hi if val == lo
                                                                         else lo)
            p, q = view.p(*at, z0), view.p(*other, z0)
            inward = (q - p) / np.linalg.norm(q - p)
            corners = np.array([num.get_corner(c) for c in ((-1, -1, 0), (1, -1, 0),
                                                            (-1, 1, 0), (1, 1, 0))])
            assert ((corners - p) @ inward).min() >= 0.08 - 1e-9
            checked += 1
    assert checked == 2  # m's at the front corner and at J's foot (b has none at the corner)
    # m's number at J's foot stands right of J's numbers
    assert np.allclose((m0, y_edge), foot)
    first_m = axes.numbers[0][0]
    assert first_m.get_left()[0] > max(n.get_right()[0] for n in axes.numbers[2])


def test_the_part_cut_away_stays_as_a_faint_ghost_on_gdcores_surface():
    """A faint ghost of the part cut away on gdcore's J, which fades out (never removed while
    seen) as the camera turns to face the cut, so that in the side view its lines do not crowd
    the J axis and its numbers."""
    scene = rendered(MseSurface)
    ghost = scene.ghost
    assert 0 < mse_surface.GHOST_OPACITY < 0.5
    # faded out by the end of the turn, over its last (1 − GHOST_FADE) of the way (> 1 s)
    assert ghost not in scene.mobjects and ghost.get_stroke_opacity() == 0.0
    assert (1 - mse_surface.GHOST_FADE) * MseSurface.face_seconds >= 1.0
    lines = scene.ghost_lines()
    assert len(lines) == 2 + mse_surface.GHOST_ROWS
    for line in lines:  # on gdcore's J, between the window's edge and the cut
        np.testing.assert_allclose(line[:, 2], regression.cost(line[:, 0], line[:, 1], X, Y))
        assert line[:, 1].min() >= views.B_RANGE[0] and line[:, 1].max() <= B_STAR + 1e-12
    # drawn where the camera projects them now
    drawn = np.asarray(ghost.get_anchors())
    want = np.concatenate([scene.view.project(line)[0] for line in lines])
    gap = np.linalg.norm(drawn[:, None, :2] - want[None, :, :2], axis=2).min(axis=1)
    assert gap.max() < 1e-9


def boxes(mobs) -> np.ndarray:
    return np.array([[m.get_left()[0], m.get_bottom()[1], m.get_right()[0], m.get_top()[1]]
                     for m in mobs])


def test_the_3d_ticks_are_the_maps_and_no_label_meets_another_word_at_any_camera():
    """The surface's tick numbers are the map's and the still's (views' ticks) and the
    window's ends: the same values on both sides, and the range. Along the scene's camera path
    (the arc, then the camera lowered to face the cut, growing by ZOOM), no number or label of
    the 3-D axes comes within GAP of another one, of the formula, the title, the map's numbers,
    labels and level labels, its caption, the readouts or the note, nor within the 24 px margin
    of the frame's edge."""
    from manim import MathTex, SingleStringMathTex, smooth

    gap, margin = 0.12, 0.4
    scene = rendered(MseSurface)
    ticks_m, ticks_b, _ = mse_surface.TICKS
    assert set(ticks_m) <= {*views.M_TICKS, *views.M_RANGE}
    assert set(ticks_b) <= {*views.B_TICKS, *views.B_RANGE}
    view, axes = scene.view, scene.axes
    words = [scene.formula, scene.title, scene.map_caption, *scene.rows, *scene.note,
             scene.readout]
    words += [label[1] for label in scene.map_labels]
    words += [m for m in scene.map_ax.get_family()
              if isinstance(m, (MathTex, SingleStringMathTex)) and len(m.submobjects)]
    others = boxes(words)
    keep = (view.phi.get_value(), view.theta.get_value(), view.lengths.copy())
    u = np.linspace(0.0, 1.0, 25)[:, None]
    # the arc rises at its middle, and the box with it (a negative drop)
    rise = np.sin(np.pi * u[:, 0])
    arc = np.column_stack([PHI0 - mse_surface.ARC_RISE * rise,
                           mse_surface.ARC_FROM
                           + u[:, 0] * (mse_surface.ARC_THETA - mse_surface.ARC_FROM),
                           np.ones(25), -mse_surface.ARC_LIFT / mse_surface.CUT_DROP * rise])
    face = np.column_stack([PHI0 + u * (mse_surface.CUT_PHI - PHI0),
                            mse_surface.ARC_THETA + u * (mse_surface.CUT_THETA
                                                         - mse_surface.ARC_THETA),
                            1.0 + u * (mse_surface.ZOOM - 1.0), u])
    # the b axis shown along the arc, fading out over the first B_FADE of the face move
    b_fade = np.concatenate([np.ones(25), [1.0 - smooth(min(v / mse_surface.B_FADE, 1.0))
                                           for v in u[:, 0]]])
    try:
        for (phi, theta, zoom, drop), b_shown in zip(np.vstack([arc, face]), b_fade):
            view.phi.set_value(phi)
            view.theta.set_value(theta)
            view.lengths = np.asarray(mse_surface.BOX) * zoom
            view.center[1] = mse_surface.CENTER[1] - mse_surface.CUT_DROP * drop
            scene.b_shown.set_value(b_shown)
            axes.update_from_view()
            mine = boxes([n for group in axes.numbers for n in group if n.get_fill_opacity()]
                         + [m for m in axes.labels if m.get_fill_opacity()])
            assert mine[:, 0].min() > -config.frame_width / 2 + margin
            assert mine[:, 1].min() > -config.frame_height / 2 + margin
            for i, a in enumerate(mine):
                rest = np.vstack([np.delete(mine, i, axis=0), others])
                apart = ((rest[:, 0] > a[2] + gap) | (a[0] > rest[:, 2] + gap)
                         | (rest[:, 1] > a[3] + gap) | (a[1] > rest[:, 3] + gap))
                assert apart.all(), (phi, theta, i)
    finally:
        view.phi.set_value(keep[0])
        view.theta.set_value(keep[1])
        view.lengths = keep[2]
        view.center[1] = mse_surface.CENTER[1] - mse_surface.CUT_DROP
        scene.b_shown.set_value(0.0)
        axes.update_from_view()


def test_the_edge_label_and_the_surface_keep_12_px_from_the_maps_words():
    """Facing the cut, at the end: the edge's label J(m, b*) and the surface's image keep
    12 px (at 480p) from every number and label of the contour map."""
    from manim import MathTex, SingleStringMathTex

    scene = rendered(MseSurface)
    room = 12 / 60
    words = boxes([m for m in scene.map_ax.get_family()
                   if isinstance(m, (MathTex, SingleStringMathTex)) and len(m.submobjects)])
    label = boxes([scene.edge_label])[0]
    v, _ = scene.surface.cut_vertices()
    drawn = scene.view.project(v)[0][:, :2]
    for w in words:
        assert (w[0] - label[2] >= room or label[0] - w[2] >= room
                or w[1] - label[3] >= room or label[1] - w[3] >= room)
        # the surface's points outside the word's box grown by 12 px
        inside = ((drawn[:, 0] > w[0] - room) & (drawn[:, 0] < w[2] + room)
                  & (drawn[:, 1] > w[1] - room) & (drawn[:, 1] < w[3] + room))
        assert not inside.any()


def test_the_minimum_is_the_house_star_everywhere_and_never_hidden():
    """One shape for the minimum (the house's ink star) on the surface, the map and the legend,
    drawn over the point that comes to rest on it at the end."""
    scene = rendered(MseSurface)
    ink = scene.theme.mark_color("minimum").lower()
    star3, key_star = scene.marker[-1], scene.rows[0][0]
    for star in (star3, key_star, scene.map_star):
        assert isinstance(star, Star) and star.get_fill_color().to_hex().lower() == ink
    # the point rests on the minimum: on the surface and on the map the star is its twin ...
    dot3, (_, map_dot) = scene.link[4], scene.map_point
    np.testing.assert_allclose(dot3.get_center(), star3.get_center(), atol=1e-9)
    np.testing.assert_allclose(map_dot.get_center(), scene.map_star.get_center(), atol=1e-9)
    assert star3.get_fill_opacity() == 1.0  # seen: the cut edge is in front
    # ... larger than the point and drawn after it
    assert star3.width > dot3.width and scene.map_star.width > map_dot.width
    # one star, one size: on the surface, on the map and in the key (on the page, edged in
    # its own ink: an edge in the page's colour there ate its arms, and it read a third as
    # large)
    assert key_star.get_stroke_color().to_hex().lower() == ink
    assert key_star.get_stroke_width() == scene.map_star.get_stroke_width()
    np.testing.assert_allclose([key_star.width, star3.width], scene.map_star.width, rtol=1e-9)
    order = scene.mobjects
    assert order.index(scene.marker) > order.index(scene.link)
    assert order.index(scene.map_star) > order.index(map_dot)


def test_the_j_axis_rises_above_the_surface_at_the_end():
    """Facing the cut, the surface's far corner rises higher on the screen than J's highest
    cost at the axis's front corner: the J axis runs on to 250, above it, a little above the
    walls' highest cost, numbered 100 and 200 (no 300 tick no cost reaches)."""
    scene = rendered(MseSurface)
    axes = scene.axes
    assert axes.top == mse_surface.J_AXIS_TOP > scene.j_top
    assert mse_surface.J_AXIS_TOP <= 1.25 * scene.j_top
    assert list(mse_surface.TICKS[2]) == [100, 200] and max(mse_surface.TICKS[2]) < scene.j_top
    top = axes.lines.get_anchors()[-1]  # the upright axis is drawn last, upwards
    v, _ = scene.surface.cut_vertices()
    assert top[1] > scene.view.project(v)[0][:, 1].max() + 0.05
    numbers_j = axes.numbers[2]
    assert [n.get_fill_opacity() for n in numbers_j] == [1.0] * len(mse_surface.TICKS[2])
    assert numbers_j[-1].get_center()[1] < top[1]


def test_the_valley_level_lines_are_gdcores_inner_levels():
    """The map's inner level lines drawn over it lie on gdcore's J at the map's own levels."""
    scene = rendered(MseSurface)
    M, B, J = scene.map_grid
    want = views.contour_levels(J, scene.theme.cost_map.levels)[1:1 + mse_surface.VALLEY_LEVELS]
    np.testing.assert_allclose(scene.valley_levels, want)
    pts = np.array([scene.map_ax.p2c(p) for p in scene.map_valley.get_anchors()])
    j = regression.cost(pts[:, 0], pts[:, 1], X, Y)
    # each point on one of them (traced linearly between grid nodes): far nearer to it than
    # to the next level, log-spaced
    nearest = np.abs(np.log(j)[:, None] - np.log(want)[None, :]).min(axis=1)
    assert nearest.max() < 0.2 * np.log(want[1] / want[0])
    assert len(pts) > 100 and 0 < scene.map_valley.get_stroke_opacity() < 1


def test_the_words_on_screen_name_no_file():
    scene = rendered(MseSurface)
    words = " ".join(w for sec in scene.caption_log for _, _, w in sec["words"])
    assert "slope sweep" in words and "slope-sweep" not in words


def test_the_maps_level_labels_are_its_levels_on_their_lines():
    """Round costs, a 1, 3, 10 series from the valley floor (0.1) to the walls (100), drawn as
    level lines over the map and labelled with their J (the book's number format), each centred
    on its level line, 12 px tall at 480p, inside the map, clear of the line b = b* (the
    point's way), of the minimum's star and of each other; each on a halo of the band it stands
    on (not the page's colour), the lines drawn over the map stopping short of it."""
    from gdviz import numbers

    scene = rendered(MseSurface)
    M, B, J = scene.map_grid
    levels = views.contour_levels(J, scene.theme.cost_map.levels)
    values = [v for v, _, _ in mse_surface.LEVEL_LABELS]
    assert values == [0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0]  # was 10, 30, 100 only
    assert len(scene.map_labels) == len(values)
    ax = scene.map_ax
    b_line = ax.c2p(0.0, B_STAR)[1]
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    lo, hi = ax.c2p(m0, b0), ax.c2p(m1, b1)
    assert scene.label_lines.get_num_points() > 0
    for value, (level, at), (halo, num) in zip(values, scene.labelled_levels,
                                               scene.map_labels):
        assert level == value and num.tex_string == numbers.latex(level)
        m, b = ax.p2c(num.get_center())
        np.testing.assert_allclose([m, b], at, atol=1e-9)
        # on its level line (traced on gdcore's grid), log J within a tenth of a level's step
        step = np.log(levels[1] / levels[0])
        assert abs(np.log(regression.cost(m, b, X, Y) / level)) < 0.1 * step
        assert num.height * 60 >= 12.0
        box = boxes([halo])[0]
        assert box[1] > b_line + 0.2 or box[3] < b_line - 0.2
        assert lo[0] < box[0] and box[2] < hi[0] and lo[1] < box[1] and box[3] < hi[1]
        # its halo: the glyphs' outline in the band's fill, opaque, never the page's colour
        assert halo.get_stroke_opacity() == 1.0 and halo.get_fill_opacity() == 0.0
        assert halo.get_stroke_color().to_hex() != scene.theme.background.lower()
    tops = boxes([label for label in scene.map_labels])
    star = boxes([scene.map_star])
    for i, a in enumerate(tops):
        rest = np.vstack([np.delete(tops, i, axis=0), star])
        assert ((rest[:, 0] > a[2]) | (a[0] > rest[:, 2]) | (rest[:, 1] > a[3])
                | (a[1] > rest[:, 3])).all()
    # no line drawn over the map (the labelled levels', the valley's) runs under a label
    for lines in (scene.label_lines, scene.map_valley):
        pts = lines.points[:, :2]
        for (low, high) in scene.label_boxes:
            assert not np.all((pts > low) & (pts < high), axis=1).any()


def test_the_points_readout_is_gdcores_and_its_digits_stand_still():
    """The linked point's live readout writes gdcore's m, b* and J(m, b*), J as every cost
    (numbers.cost), m to m*'s places; as m runs over the window the first digits of m and J
    stand in one column that never moves, and the rows never move; the readout keeps clear of
    the formula, the title, the minimum's rows and the map's caption, and at its end reads the
    minimum's m* and J*, then fades: once the point rests the minimum's rows say it alone (the
    readout stood beside them to the end, the same numbers twice)."""
    from gdviz import numbers

    scene = rendered(MseSurface)
    m_num, b_num, j_num = scene.readout_values
    names = scene.readout[1:4]
    assert [n.tex_string for n in names] == ["m =", "b =", "J ="]
    # at rest on the minimum: the rows' m*, b*, J*
    np.testing.assert_allclose([m_num.number, b_num.number, j_num.number],
                               [M_STAR, B_STAR, regression.cost(M_STAR, B_STAR, X, Y)])
    # then gone: faded out, and no part of it left in the scene
    assert scene.readout_kept.get_value() == 0.0
    assert not set(scene.readout.get_family()) & set(scene.get_mobject_family_members())
    m0 = scene.m.get_value()
    firsts, ys = [], []
    try:
        for m in (-2.0, -1.5, -0.2, 0.0, 0.7, 2.2, 4.0, M_STAR):
            scene.m.set_value(m)
            scene.readout.update()
            j = regression.cost(m, B_STAR, X, Y)
            assert np.isclose(m_num.number, m) and np.isclose(j_num.number, j)
            assert m_num._get_num_string(m) == f"{m:.{mse_surface.M_PLACES}f}"
            assert j_num._get_num_string(j) == numbers.cost(j)
            firsts.append([(n[1] if n.number < 0 else n[0]).get_left()[0]
                           for n in (m_num, b_num, j_num)])
            ys.append([n.get_y() for n in (m_num, b_num, j_num)])
    finally:
        scene.m.set_value(m0)
        scene.readout.update()
    firsts, ys = np.array(firsts), np.array(ys)
    np.testing.assert_allclose(firsts - firsts[0], 0.0, atol=1e-9)
    np.testing.assert_allclose(ys - ys[0], 0.0, atol=1e-9)
    assert np.isclose(firsts[0, 0], firsts[0, 2])  # m's and J's digits in one column
    read = boxes([scene.readout])[0]
    for other in boxes([scene.formula, scene.title, *scene.rows, scene.map_caption]):
        assert (other[0] > read[2] + 0.2 or read[0] > other[2] + 0.2
                or other[1] > read[3] + 0.2 or read[1] > other[3] + 0.2)


def test_floor_ties_run_from_the_minimum_to_the_axes_as_the_camera_turns():
    """The two dotted ties lie on the floor J = 0, from (m*, b*) to the b axis's edge at m* and
    to the m axis's edge at b*: every dot's centre on the screen segment between the two
    points projected, as the camera stands at the end and after it turns by 10° and 30°; the
    dots stay dots (no wider than a few widths) however the tie foreshortens."""
    scene = rendered(MseSurface)
    view, marker = scene.view, scene.marker
    theta0 = view.theta.get_value()
    try:
        for turn in (0.0, 10.0, 30.0):
            view.theta.set_value(theta0 + turn)
            marker.update()
            b_edge, m_edge, _ = scene.axes.edges()
            o, to_m, to_b = view.project(np.array([[M_STAR, B_STAR, 0.0], [M_STAR, b_edge, 0.0],
                                                   [m_edge, B_STAR, 0.0]]))[0]
            for tie, end in zip(scene.ties, (to_m, to_b)):
                d = (end - o)[:2]
                assert len(tie.submobjects) >= 3
                for dot in tie.submobjects:
                    c = dot.get_center()[:2] - o[:2]
                    s = c @ d / (d @ d)
                    assert -0.02 <= s <= 1.02
                    assert abs(c[0] * d[1] - c[1] * d[0]) / np.hypot(*d) < 1e-6
                    assert np.ptp(dot.points[:, :2], axis=0).max() < 0.1
    finally:
        view.theta.set_value(theta0)
        marker.update()


def test_the_map_is_about_as_large_as_the_surface_and_the_readouts_clear_of_it():
    """The contour map beside the surface is about as large as it (so the point moving on it
    and its trail read): its plot at least 0.65 times as wide as the surface's box and 0.9
    times as tall, inside the frame's 24 px margin; the readouts, in two rows at the top
    right, keep clear of the title, the map's caption, the map and its words."""
    scene = rendered(MseSurface)
    ax = scene.map_ax
    (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
    width = ax.c2p(m1, b0)[0] - ax.c2p(m0, b0)[0]
    height = ax.c2p(m0, b1)[1] - ax.c2p(m0, b0)[1]
    assert width >= 0.65 * mse_surface.BOX[0] and height >= 0.9 * mse_surface.BOX[1]
    margin = 0.4
    assert ax.get_right()[0] < config.frame_width / 2 - margin
    assert ax.get_bottom()[1] > -config.frame_height / 2 + margin
    rows = boxes([*scene.rows])
    assert rows[:, 2].max() < config.frame_width / 2 - margin
    assert rows[:, 3].max() < config.frame_height / 2 - margin
    others = boxes([scene.title, scene.map_caption, *scene.note, ax, scene.readout])
    for a in rows:
        apart = ((others[:, 0] > a[2]) | (a[0] > others[:, 2]) | (others[:, 1] > a[3])
                 | (a[1] > others[:, 3]))
        assert apart.all()
    for i, a in enumerate(rows):  # and of one another
        rest = np.delete(rows, i, axis=0)
        assert ((rest[:, 0] > a[2]) | (a[0] > rest[:, 2]) | (rest[:, 1] > a[3])
                 | (a[1] > rest[:, 3])).all()


def test_the_note_on_the_cut_is_said_one_short_line_at_a_time():
    """The note on the cut is said in steps, one line each, where the map's caption stood (its
    left edge): the cut's name, then what its edge is; at the end only the second is on screen,
    the caption and the first gone."""
    scene = rendered(MseSurface)
    note, caption = scene.note, scene.map_caption
    assert len(note) == 2
    for line in note:
        assert line.height < 1.5 * caption.height  # one line
        assert abs(line.get_left()[0] - caption.get_left()[0]) < 1e-9
    on_screen = scene.mobjects
    assert note[1] in on_screen and note[0] not in on_screen and caption not in on_screen


def test_the_cut_view_draws_gdcores_parabola_a_third_of_the_frame_high_then_closes():
    """The key moment, large: the cut view opens over the map, its m where the map's m is on
    the screen; its curve is gdcore's J(m, b*) over the whole window, at least a third of the
    frame's height (on the surface's J scale, facing the cut, it stood a quarter), the star at
    (m*, J*); it stays in view, still, 2 s or more, no still stretch over 2 s; and it has
    closed by the end (the map back, the edge named on the surface)."""
    scene = rendered(MseSurface)
    ax, map_ax = scene.cut_ax, scene.map_ax
    b0 = views.B_RANGE[0]
    for m in views.M_TICKS:
        np.testing.assert_allclose(ax.c2p(m, 0.0), map_ax.c2p(m, b0), atol=1e-9)
    pts = np.array([ax.p2c(p) for p in scene.cut_curve.get_anchors()])
    np.testing.assert_allclose(pts[:, 1], regression.cost(pts[:, 0], B_STAR, X, Y), atol=1e-9)
    np.testing.assert_allclose([pts[:, 0].min(), pts[:, 0].max()], views.M_RANGE, atol=1e-9)
    assert np.ptp(np.asarray(scene.cut_curve.get_anchors())[:, 1]) >= config.frame_height / 3
    star = scene.cut_star.get_center()
    np.testing.assert_allclose(star, ax.c2p(M_STAR, regression.cost(M_STAR, B_STAR, X, Y)),
                               atol=1e-9)
    # named (1 s) and held: in view, still, over 2 s in all, never 2 s without a change
    assert 1.0 + mse_surface.CUT_VIEW_HOLD >= 2.0 > mse_surface.CUT_VIEW_HOLD
    # the panel covers the map and its words, the note over it clear of it
    cover = boxes([scene.cut_cover])[0]
    inside = boxes([map_ax, ax])
    assert (cover[:2] <= inside[:, :2].min(axis=0)).all()
    assert (cover[2:] >= inside[:, 2:].max(axis=0)).all()
    assert scene.note[1].get_bottom()[1] > cover[3]
    on_screen = set(scene.get_mobject_family_members())
    assert not set(scene.cut_view.get_family()) & on_screen and scene.cut_cover not in on_screen


def test_the_floor_ties_fade_with_the_b_axis_facing_the_cut():
    """Facing the cut the b axis has faded out, and the floor's ties with it (the floor seen
    edge on: the tie to the b axis ran along the cut's foot to nothing, the one to the m axis
    was a stray dot under the star); before the turn they were drawn."""
    scene = rendered(MseSurface)
    assert scene.b_shown.get_value() == 0.0
    for tie in scene.ties:
        assert len(tie.submobjects) and all(dot.get_stroke_opacity() == 0.0 for dot in tie)
    try:
        scene.b_shown.set_value(1.0)
        scene.marker.update()
        assert all(max(dot.get_stroke_opacity() for dot in tie) > 0.0 for tie in scene.ties)
    finally:
        scene.b_shown.set_value(0.0)
        scene.marker.update()


def test_the_minimums_rows_come_in_inside_the_margin():
    """The minimum's rows (key, m*, b*, J*) stand 24 px or more inside the frame, and come in
    from inside it too: their entrance's shift never starts them further right or up (from
    0.2 right of their place, J* passed 17 px from the frame's right edge)."""
    scene = rendered(MseSurface)
    margin = 24 * 8 / 480 - 1e-9
    shift = mse_surface.ROWS_IN
    start = scene.rows.copy().shift(-shift)
    for mob in (scene.rows, start):
        assert mob.get_right()[0] <= config.frame_width / 2 - margin
        assert mob.get_top()[1] <= config.frame_height / 2 - margin
    assert shift[0] >= 0.0


def test_the_surfaces_b_numbers_give_way_to_the_maps():
    """Two b scales side by side read as one: the surface's b numbers (0, 4, 8) stand while
    the surface is alone, and have faded out once the map is in, its own b column shown (the
    arc turned them to 45-50 px from it, under the house's 60)."""
    alone = rendered(MseSurface, upto="surface")
    assert all(n.get_fill_opacity() == 1.0 for n in alone.axes.numbers[1])
    scene = rendered(MseSurface, upto="map")
    assert scene.b_numbers.get_value() == 0.0
    assert all(n.get_fill_opacity() == 0.0 for n in scene.axes.numbers[1])
    assert all(n.get_fill_opacity() == 1.0 for n in scene.axes.numbers[0])
    assert scene.axes.labels[1].get_fill_opacity() == 1.0
    left = scene.map_ax.c2p(views.M_RANGE[0], views.B_RANGE[0])[0]
    column = [m for m in scene.map_ax.submobjects
              if isinstance(m, MathTex) and m.get_right()[0] < left]
    assert scene.map_ax in scene.mobjects and len(column) >= 4
    assert all(min(g.get_fill_opacity() for g in n.family_members_with_points()) == 1.0
               for n in column)
