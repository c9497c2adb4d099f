"""The checks shared by the three race scene tests: the drawing against gdcore, the layout,
and every optimizer's colour in the final frame."""

import itertools

import numpy as np
import pytest
from frames import draw, rendered
from manim import ManimColor, SingleStringMathTex, Text, config

from gdcore import races
from gdcore.optimizers import NAMES


def _anchors(mob, ax):
    a = mob.get_anchors()
    return np.array([ax.p2c(p) for p in np.vstack([a[:1], a[1::2]])])


def in_lane(scene, name, points):
    """gdcore's points of run `name` where the map draws them (window coordinates), the first
    len(points) of its drawn path: moved by the run's lane, (3 - its place in the race's lane
    order, or the scene's LANE_ORDER) × scene.LANE scene units in the race's lane direction
    (race_plot.LANE_WAYS: straight up along the long valley's floor, SGD's the top lane;
    diagonally on the saddle, SGD's the middle lane), reached in proportion to the way from the
    start over its first LANE_RAMP scene units. A run that stays in the frame is held inside
    it; a run that leaves it ends where its lane first crosses the frame's edge (its whole run
    moved, the segment that leaves cut at the edge by hand), its points from there to its exit
    step on that crossing, its last point the crossing: its exit lies on the edge whichever
    side its lane is."""
    from gdviz.race_plot import LANE_WAYS
    from gdviz.race_scene import LANE_RAMP

    race = scene.RACE
    angle, order = LANE_WAYS.get(race.key, (90.0, NAMES))
    order = getattr(scene, "LANE_ORDER", None) or order
    lane = (3 - list(order).index(name)) * scene.LANE
    ax = scene.ax
    sx = ax.c2p(1, 0)[0] - ax.c2p(0, 0)[0]
    sy = ax.c2p(0, 1)[1] - ax.c2p(0, 0)[1]
    (x0, x1), (y0, y1) = race.window
    trs = races.run_race(race)
    ex = races.outcomes(race, trs)[name].exit
    run = points if ex is None else trs[name].points
    steps = np.hypot(np.diff(run[:, 0]) * sx, np.diff(run[:, 1]) * sy)
    ramp = np.minimum(np.concatenate([[0.0], np.cumsum(steps)]) / LANE_RAMP, 1)
    a = np.radians(angle)
    moved = run + np.column_stack([ramp * lane * np.cos(a) / sx, ramp * lane * np.sin(a) / sy])
    if ex is None or lane == 0:
        return np.column_stack([np.clip(moved[:len(points), 0], x0, x1),
                                np.clip(moved[:len(points), 1], y0, y1)])
    out = (moved[:, 0] < x0) | (moved[:, 0] > x1) | (moved[:, 1] < y0) | (moved[:, 1] > y1)
    j = int(np.argmax(out))
    assert out[j] and not out[:j].any()
    p, q = moved[j - 1], moved[j]
    t = min((edge - p[c]) / (q[c] - p[c]) for c, (lo, hi) in enumerate(race.window)
            for edge in (lo, hi) if (q[c] - edge) * (p[c] - edge) < 0)
    crossing = p + t * (q - p)
    n = ex.step + 1  # one point per step, as gdcore's path drawn to its exit
    drawn = np.vstack([moved[: min(j, n - 1)], np.repeat(crossing[None], n - min(j, n - 1), 0)])
    return drawn[: len(points)]


def mark_shape(mob) -> str:
    """The shape of a run's mark read from its points: "o" (a dot), "^" or "v" (a triangle
    pointing up or down: its corners' mean below or above the middle of its height)."""
    from manim import Dot, Triangle

    if isinstance(mob, Dot):
        return "o"
    assert isinstance(mob, Triangle)
    corners = np.unique(np.round(mob.get_vertices(), 9), axis=0)
    assert len(corners) == 3
    return "^" if corners[:, 1].mean() < mob.get_center()[1] else "v"


def check_end_square(scene, sq, name):
    """An end mark as the stills draw it (theme.end): a square, hollow (no fill), outlined in
    run `name`'s colour at full strength END_STROKE wide (the still's 1.2 pt of its 5.5-pt
    square, at the square's 10.2 px: 3.71 stroke units), on a casing of the page's colour
    END_EDGE each side; shown by its stroke, not its fill."""
    from gdviz.race_scene import END_EDGE, END_STROKE

    assert END_STROKE == pytest.approx(100 * 0.17 * 1.2 / 5.5)
    np.testing.assert_allclose(sq.width, sq.height)
    assert sq.get_fill_opacity() == 0
    assert sq.get_stroke_opacity() == 1
    assert sq.get_stroke_color().to_hex().upper() == scene.theme.opt(name).upper()
    assert sq.get_stroke_width() == pytest.approx(END_STROKE)
    assert sq.get_stroke_color(background=True) == ManimColor(scene.theme.background)
    assert sq.get_stroke_width(background=True) == pytest.approx(END_STROKE + 2 * END_EDGE)


def check_leader_start(line, sq, at):
    """A leader from a hollow end square `sq` to its point `at` starts on the square's outline
    (its hole clear), on the line from the square's centre to the point."""
    off = line.get_start() - sq.get_center()
    assert max(abs(off[0]), abs(off[1])) == pytest.approx(sq.width / 2, abs=1e-9)
    np.testing.assert_allclose(np.cross(off, at - sq.get_center()), 0, atol=1e-9)
    assert np.dot(off, at - sq.get_center()) > 0


def check_end_size(scene, sq, at):
    """A map's end square at `at` (its run's last point, scene units): the stills' size beside
    the star (the 5.5-pt square by the 11-pt star, whose outer radius is 5.5 pt: the side the
    star's outer radius, 0.17); where the point lies on the minimum's star (within a quarter of
    its width of its centre), drawn large enough to frame the star: the star whole inside the
    square's outline, centred on the point, the star drawn over it."""
    from gdviz.race_scene import END_SIDE, END_STROKE

    assert END_SIDE == pytest.approx(0.17)
    star = scene.target_mark
    if scene.RACE.surface.minimum is None or np.linalg.norm(
            (at - star.get_center())[:2]) > star.width / 4:
        assert sq.width == pytest.approx(END_SIDE)
        return
    inner = sq.width / 2 - END_STROKE * 0.01 / 2
    assert sq.width > END_SIDE
    assert at[0] - inner < star.get_left()[0] and star.get_right()[0] < at[0] + inner
    assert at[1] - inner < star.get_bottom()[1] and star.get_top()[1] < at[1] + inner
    assert star.z_index > sq.z_index


def check_marks(scene):
    """Each run's mark on the map and in the panel (its head) and its legend key take its
    shape, theme.OPT_MARKERS (NAG a triangle up, Adagrad one down, the rest dots), in its
    colour: the second channel that tells the violet, plum and pink runs apart; each key's
    label as far from the key's centre as the others'."""
    from gdviz.theme import opt_marker

    rows = dict(zip(NAMES, scene.legend[0][0::2]))
    keys = {name: row[0] for name, row in rows.items()}
    # every label the same way from its key's centre, whatever the key's shape
    gaps = {round(row[1].get_left()[0] - row[0].get_center()[0], 9) for row in rows.values()}
    assert len(gaps) == 1, gaps
    assert opt_marker("NAG") == "^" and opt_marker("Adagrad") == "v"
    assert opt_marker("Adam") == "o"
    for name in NAMES:
        want = scene.theme.opt(name).upper()
        for mark in (scene.dots[name], scene.panel_dots[name], keys[name]):
            assert mark_shape(mark) == opt_marker(name), name
            assert mark.get_fill_color().to_hex().upper() == want


def check_drawing(scene, k, finished=False):
    """Dots, trails, distance panel and legend at whole step k are gdcore's trajectories: the
    panel's curves are races.progress read back through the panel's log axis (for a run that
    left the window, up to |y| on its edge at the exit step); each path drawn at one width along
    its whole length (its history and every layer of its tail alike), at most 2.5 px at 480p;
    once the scene has finished, the dot of each run that stayed in the frame has turned into
    its end square (the house end mark, in its colour, edged in the background colour) on
    gdcore's last point, and its panel dot into a square at its last distance; every history
    is drawn at full strength."""
    race = scene.RACE
    trs = races.run_race(race)
    out = races.outcomes(race, trs)
    dist = races.progress(race, trs)
    assert tuple(scene.dots) == tuple(scene.panel_curves) == NAMES
    assert int(round(scene.step.get_value())) == k
    if not finished:
        check_marks(scene)
    (x0, x1), (y0, y1) = race.window
    for name, tr in trs.items():
        ex = out[name].exit
        gone = ex is not None and k >= ex.step
        drawn = _anchors(scene.history[name], scene.ax)
        curve = _anchors(scene.panel_curves[name], scene.panel)
        if gone:  # drawn only up to the exit, ending on the window's edge
            want = np.vstack([tr.points[: ex.step], ex.point])
            want_d = np.append(dist[name], abs(ex.point[1]))
            assert len(drawn) == len(curve) == ex.step + 1
            assert abs(ex.point[1]) == y1  # the saddle's runs leave through the top edge
            assert scene.dots[name].get_fill_opacity() == 0
            assert scene.panel_dots[name].get_fill_opacity() == 0
            assert scene.statuses[name].get_fill_opacity() == 1
            assert scene.statuses[name].original_text == f"left at step {ex.step}"
        else:
            want = tr.points[: k + 1]
            want_d = dist[name][: k + 1]
            if finished:  # end squares where gdcore's run ends, in the scene, no dots; a
                # run that ends in the inset's region beside the map has its square there
                # alone (check_inset), none on the map, as in the still
                inset = (scene.beside() is not None
                         and races.inside(tr.points[-1], race.inset.region)[0])
                assert (name in scene.ends) is not inset
                assert scene.dots[name] not in scene.mobjects
                # in the panel a square only where it shows runs leaving (the saddle, as the
                # still); elsewhere the curve ends at the last step, its dot gone
                squares = any(o.exit is not None for o in out.values())
                assert scene.panel_squares() is squares
                assert scene.panel_dots[name] not in scene.mobjects
                marks = [(scene.panel_ends[name], scene.panel_dots[name], scene.panel,
                          (len(tr.points) - 1, np.log10(dist[name][-1])))] if squares else []
                assert (name in scene.panel_ends) is squares
                if not inset:
                    marks.append((scene.ends[name], scene.dots[name], scene.ax,
                                  in_lane(scene, name, tr.points)[-1]))
                for end, dot, ax, p in marks:
                    assert end in scene.mobjects and dot not in scene.mobjects
                    check_end_square(scene, end, name)  # on the map and in the panel
                    if ax is scene.panel:  # at its own last point: at its height, and
                        # (in a row of squares whose ends lie level, panel_row) the row
                        # centred on the last step, no leader, inside the panel's frame
                        from gdviz.race_scene import PANEL_END_GAP
                        at = ax.c2p(*p)
                        assert end.get_y() == pytest.approx(at[1], abs=1e-9)
                        gap = PANEL_END_GAP * end.width
                        ys = sorted(e.get_y() for e in scene.panel_ends.values())
                        cuts = [y for lo, y in zip(ys, ys[1:]) if y - lo >= gap - 1e-12]
                        row = [y for y in ys if sum(c <= y for c in cuts)
                               == sum(c <= end.get_y() for c in cuts)]
                        # (centred on it, or shifted left to stay inside the frame)
                        assert abs(end.get_x() - at[0]) <= (len(row) - 1) * gap + 1e-9
                        # whole inside the panel's frame, its rim clear of the frame's line
                        from gdviz.race_scene import end_rim
                        inner = scene.panel.frame.get_right()[0] - 0.01 * (
                            scene.panel.frame.get_stroke_width() / 2)
                        assert end.get_right()[0] + end_rim() < inner
                        continue
                    if ax is scene.ax and name in scene.map_leaders:  # beside the saddle
                        # point's plus (SADDLE_BESIDE), on a leader from its point
                        from gdviz.race_scene import SADDLE_BESIDE
                        at = ax.c2p(*p)
                        assert race.surface.minimum is None
                        np.testing.assert_allclose(end.get_center(), at + SADDLE_BESIDE,
                                                   atol=1e-9)
                        leader = scene.map_leaders[name]
                        assert leader in scene.mobjects
                        check_leader_start(leader, end, at)
                        assert np.linalg.norm(leader.get_end() - at) < end.width / 2
                        continue
                    np.testing.assert_allclose(ax.p2c(end.get_center()), p, atol=1e-9)
                    check_end_size(scene, end, ax.c2p(*p))
            else:
                np.testing.assert_allclose(scene.panel.p2c(scene.panel_dots[name].get_center()),
                                           (k, np.log10(dist[name][k])), atol=1e-9)
                assert scene.panel_dots[name].get_fill_opacity() == 1
                np.testing.assert_allclose(scene.ax.p2c(scene.dots[name].get_center()),
                                           in_lane(scene, name, tr.points[: k + 1])[-1],
                                           atol=1e-9)
                assert scene.dots[name].get_fill_opacity() == 1
                assert scene.dots[name].get_fill_color().to_hex().upper() == \
                    scene.theme.opt(name).upper()
        if finished:
            assert scene.history[name].get_stroke_opacity() == 1
        widths = {m.get_stroke_width() for m in (scene.history[name], *scene.tails[name])}
        assert len(widths) == 1 and widths.pop() * 0.01 * PX <= 2.5, widths
        want = in_lane(scene, name, want)
        np.testing.assert_allclose(drawn, want, atol=1e-9)
        np.testing.assert_allclose(curve[:, 0], np.arange(len(want_d)), atol=1e-9)
        np.testing.assert_allclose(10 ** curve[:, 1], want_d, rtol=1e-9)
        assert np.all((drawn[:, 0] >= x0 - 1e-9) & (drawn[:, 0] <= x1 + 1e-9))
        assert np.all((drawn[:, 1] >= y0 - 1e-9) & (drawn[:, 1] <= y1 + 1e-9))
        # the tail's layers: the last steps of the path, the longest TAIL steps
        layers = [_anchors(m, scene.ax) for m in scene.tails[name]]
        np.testing.assert_allclose(layers[-1], want[-(scene.TAIL + 1):], atol=1e-9)
        for layer in layers:
            np.testing.assert_allclose(layer, want[-len(layer):], atol=1e-9)
        assert scene.panel_curves[name].get_stroke_color().to_hex().upper() == \
            scene.theme.opt(name).upper()
    # the step axis runs past the last step: a head dot there (and its casing) stays inside
    # the panel's frame
    dot = scene.panel_dots[NAMES[0]]
    inner = scene.panel.frame.get_right()[0] - 0.01 * scene.panel.frame.get_stroke_width() / 2
    assert scene.panel.c2p(race.steps, 0)[0] + dot.width / 2 < inner
    if finished:  # the panel's end squares apart: no two touch
        squares = list(scene.panel_ends.values())
        for p, q in itertools.combinations(squares, 2):
            assert max(abs(p.get_y() - q.get_y()), abs(p.get_x() - q.get_x())) >= p.width - 1e-9
    return out


#: Pixels of a 480-line frame per scene unit, the least distance (px) of anything from the
#: frame's edge, and the least height (px) of a tick number or a legend entry.
PX = 480 / 8.0
EDGE_PX, LEAST_PX = 24, 12
#: The least gap (px at 480p) between an inset over the map (its frame's ink) and any path's
#: ink: a gap the eye sees, wider than a path's casing.
INSET_CLEAR_PX = 5


def _box(m) -> tuple[float, float, float, float]:
    return m.get_left()[0], m.get_right()[0], m.get_bottom()[1], m.get_top()[1]


def ink_margin_px(scene) -> float:
    """The least distance, in px at 480p, from any drawn pixel to the frame's edge, read from the
    frame the scene draws now (a pixel is drawn where it differs from the page by more than
    INK_STEP in some channel: antialiasing's faintest fringe is not ink; the page is the colour
    most of the frame's border has, as the camera drew it). Unlike the mobjects' points
    (test_scene_rules), the pixels include every stroke's and casing's width."""
    frame = draw(scene)
    border = np.vstack([frame[0], frame[-1], frame[:, 0], frame[:, -1]])
    page = np.median(border, axis=0)
    ys, xs = np.nonzero(np.any(np.abs(frame - page) > INK_STEP, axis=2))
    h, w = frame.shape[:2]
    least = min(xs.min(), w - 1 - xs.max(), ys.min(), h - 1 - ys.max())
    return float(least) * 480 / h


#: A pixel is ink where a channel differs from the page's by more than this (of 255).
INK_STEP = 24


def check_layout(scene, least_map=None):
    """In the final frame: nothing within EDGE_PX of the frame's edge, read from the mobjects
    and from the pixels drawn (ink_margin_px); no piece of text on
    another; the map the largest panel (`least_map`, if given: its box at least that
    fraction of the frame's width and of its height); every tick number and legend entry at
    least LEAST_PX tall (a number with a minus sign or a power counts whole)."""
    if least_map is not None:
        (x0, x1), (y0, y1) = scene.RACE.window
        lo, hi = scene.ax.c2p(x0, y0), scene.ax.c2p(x1, y1)
        share = ((hi[0] - lo[0]) / config.frame_width, (hi[1] - lo[1]) / config.frame_height)
        assert share[0] >= least_map[0] and share[1] >= least_map[1], share
    shown = [m for m in scene.mobjects if m.get_family() and m.width > 0]
    margin = EDGE_PX / PX
    for m in shown:
        left, right, bottom, top = _box(m)
        assert left >= -config.frame_x_radius + margin and right <= config.frame_x_radius - margin
        assert bottom >= -config.frame_y_radius + margin and top <= config.frame_y_radius - margin
    ink = ink_margin_px(scene)
    assert ink >= EDGE_PX, f"ink {ink:.1f} px from the frame's edge"
    texts = [m for top in shown for m in top.get_family()
             if isinstance(m, (Text, SingleStringMathTex)) and m.get_fill_opacity() > 0]
    for a, b in itertools.combinations(texts, 2):
        if a in b.get_family() or b in a.get_family():
            continue
        (l1, r1, b1, t1), (l2, r2, b2, t2) = _box(a), _box(b)
        overlap = min(r1, r2) - max(l1, l2), min(t1, t2) - max(b1, b2)
        names = (getattr(a, "original_text", a), getattr(b, "original_text", b))
        assert min(overlap) <= 0.005, names
    assert scene.ax.width * scene.ax.height > scene.panel.width * scene.panel.height
    # the panel wide enough to read its curves apart (150 px at 480p), the map still larger
    assert scene.panel.x_length >= 2.5
    # the panel's step label at the end of its axis, level with it, beyond the last tick
    end = scene.panel.c2p(scene.RACE.steps, scene.panel_range()[0])
    label = scene.step_label
    assert label.get_left()[0] > end[0] and label.get_bottom()[1] < end[1] < label.get_top()[1]
    assert scene.ax.width * scene.ax.height > scene.legend.width * scene.legend.height
    check_rates(scene)
    ticks = [m for ax in (scene.ax, scene.panel) for m in ax.submobjects
             if isinstance(m, SingleStringMathTex) and m not in ax.labels]
    assert len(ticks) >= 8
    for m in ticks + [*scene.statuses.values()]:
        assert m.height * PX >= LEAST_PX, (m, m.height * PX)


def check_rates(scene):
    """The legend's learning rates in a column of their own: each row's rate is gdcore's α for
    its run (numbers.latex, as numbers.hyper writes it), on its name's baseline, flush left
    RATE_GAP right of the legend's longest name; an α heads each column of rates, flush with
    them, over the first row; the statuses 24 px or more right of the rates."""
    from gdviz import numbers
    from gdviz.race_scene import RATE_GAP

    rows = scene.legend[0]
    lines, statuses = list(rows[0::2]), list(rows[1::2])
    columns = {}
    for name, line in zip(NAMES, lines):
        words, rate = line[1]
        assert words.original_text == name
        assert rate.tex_string == numbers.latex(scene.RACE.hyper[name]["lr"], sig=3, floor=0)
        assert rate.get_bottom()[1] < words.get_center()[1] < rate.get_top()[1]
        columns.setdefault(round(line.get_left()[0], 6), []).append((words, rate))
    # (every column of the legend alike: the longest name of all)
    longest = max(line[1][0].get_right()[0] - line.get_left()[0] for line in lines)
    heads = sorted(scene.rate_header, key=lambda m: m.get_left()[0])
    assert len(heads) == len(columns) >= 1
    for head, (left, col) in zip(heads, sorted(columns.items())):
        lefts = {round(rate.get_left()[0], 9) for _, rate in col}
        assert len(lefts) == 1, lefts
        assert min(lefts) - left == pytest.approx(longest + RATE_GAP, abs=1e-5)
        assert head.get_left()[0] == pytest.approx(min(lefts))
        assert head.get_bottom()[1] > max(r.get_top()[1] for _, r in col)
        assert "alpha" in head.original_text
    for line, status in zip(lines, statuses):
        assert (status.get_left()[0] - line[1][1].get_right()[0]) * PX >= 24 - 1e-6


def check_colours(scene, least=100, least_panel=30):
    """No path hides under another in the final frame: taking one optimizer's history, tail
    and dot away from the map changes at least `least` pixels that were that optimizer's own
    colour (within 6/255), and taking its curve and dot away from the distance panel at least
    `least_panel` (pixels of a 1080p frame, scaled to the frame drawn). The map and the panel
    lie side by side, so one drawing without both serves both counts, each read on its side
    of the gap between them."""
    full = draw(scene)
    h, w = full.shape[:2]
    scale = h * w / (1920 * 1080)
    least, least_panel = least * scale, least_panel * scale
    gap = (scene.ax.get_right()[0], scene.panel.get_left()[0])
    assert gap[0] < gap[1], "the distance panel lies right of the map"
    split = int(round(((gap[0] + gap[1]) / 2 / config.frame_width + 0.5) * w))
    for name in NAMES:
        want = np.array(ManimColor(scene.theme.opt(name)).to_rgb()) * 255
        own = np.all(np.abs(full - want) <= 6, axis=2)
        ends, panel_ends = ([[m[name]] if name in m else [] for m in
                             (getattr(scene, "ends", {}), getattr(scene, "panel_ends", {}))])
        on_map = [scene.history[name], scene.tails[name], scene.dots[name], *ends]
        on_panel = [scene.panel_curves[name], scene.panel_dots[name], *panel_ends]
        for part in on_map:
            assert part.get_right()[0] < gap[1], f"{name}: a mark of the map over the panel"
        for part in on_panel:
            assert part.get_left()[0] > gap[0], f"{name}: a mark of the panel over the map"
        scene.remove(*on_map, *on_panel)
        changed = np.any(draw(scene) != full, axis=2)
        scene.add(*on_map, *on_panel)
        seen = (own & changed)[:, :split].sum(), (own & changed)[:, split:].sum()
        assert seen[0] >= least, f"{name}: {seen[0]} pixels of {least:.0f} on the map"
        assert seen[1] >= least_panel, f"{name}: {seen[1]} pixels of {least_panel:.0f} in the panel"


def check_inset(scene):
    """In the final frame the inset parts the runs that end about the minimum: its frame lies
    beside the map, as in the still (none of it over the map's frame, the legend, the keys and
    settings or the distance panel), at one scale in x and y, its scale bar inside it, in its
    lower half, its number on a plate of the page's colour, its name under it (or, where
    place_on_map set it so, left of it at its foot);
    each run that ends in its region has an end square there, in its colour, on gdcore's last
    point read back through the inset's axes, or (check_inset_ends) set beside it on a leader;
    the squares pairwise apart by at least a side and a rim either side of it (while on the map
    some pair of their points lies closer than a map square's side); every path that
    reaches the region is drawn in it, clipped to it, a hairline (at most 1.1 px at 480p: a run
    that zig-zags across the region stays a line), its last steps at full strength over its
    fainter history, under every end square."""
    race = scene.RACE
    trs = races.run_race(race)
    ins = scene.inset
    (rx0, rx1), (ry0, ry1) = race.inset.region
    lo, hi = ins.c2p(rx0, ry0), ins.c2p(rx1, ry1)
    frame = (lo[0], hi[0], lo[1], hi[1])
    (x0, x1), (y0, y1) = race.window
    m_lo, m_hi = scene.ax.c2p(x0, y0), scene.ax.c2p(x1, y1)

    def apart(a, b):  # two boxes (left, right, bottom, top) that share no area
        return (min(a[1], b[1]) - max(a[0], b[0]) <= 1e-6
                or min(a[3], b[3]) - max(a[2], b[2]) <= 1e-6)

    if scene.beside() == "map":  # over the map, inside the part no path crosses
        # (races.Inset.place), nothing of it (its frame, its name) over a path drawn there
        (px0, px1), (py0, py1) = race.inset.place
        p_lo, p_hi = scene.ax.c2p(px0, py0), scene.ax.c2p(px1, py1)
        assert p_lo[0] - 1e-9 <= frame[0] and frame[1] <= p_hi[0] + 1e-9
        assert p_lo[1] - 1e-9 <= frame[2] and frame[3] <= p_hi[1] + 1e-9
        named = _box(scene.inset_name)
        assert m_lo[0] < named[0] and named[1] < m_hi[0] and m_lo[1] < named[2]
        # the frame a visible gap (INSET_CLEAR_PX) clear of every path: its ink (half the
        # frame's stroke outside the box) to the path's ink, the path's casing inside the gap
        # (with the casing's reach alone the frame's corner stood 4 px from Momentum's swing,
        # its stroke and casing between: the two read as touching)
        ink = 0.01 * scene.inset_frame.get_stroke_width() / 2
        for name in NAMES:
            assert not over_path(scene, name, frame, clear=ink + INSET_CLEAR_PX / PX), name
            assert not over_path(scene, name, named), name
    else:  # beside the map, none of it over the map's frame
        assert apart(frame, (m_lo[0], m_hi[0], m_lo[1], m_hi[1]))
    for other in (scene.legend, scene.settings, scene.panel):
        assert apart(frame, _box(other))
    bar = _box(scene.inset_scale)
    assert frame[0] < bar[0] and bar[1] < frame[1] and frame[2] < bar[2]
    assert bar[3] < (lo[1] + hi[1]) / 2
    plate = scene.inset_scale[1][0]
    assert plate.get_fill_color().to_hex().upper() == scene.theme.background.upper()
    assert plate.get_fill_opacity() == 1
    named = _box(scene.inset_name)
    if getattr(scene, "inset_name_left", False):  # left of it, level with its foot
        assert named[1] < frame[0] and named[2] == pytest.approx(frame[2], abs=0.02)
    else:
        assert named[3] < frame[2]
    assert scene.inset_name in scene.get_mobject_family_members()
    for other in (scene.legend, scene.settings, scene.panel):
        assert apart(named, _box(other))
    np.testing.assert_allclose((hi[0] - lo[0]) / (rx1 - rx0), (hi[1] - lo[1]) / (ry1 - ry0),
                               rtol=1e-6)
    want = [n for n in NAMES if races.inside(trs[n].points[-1], race.inset.region)[0]]
    assert list(scene.inset_ends) == want and len(want) >= 5
    for name in want:
        sq = scene.inset_ends[name]
        assert sq in scene.mobjects and scene.inset_dots[name] not in scene.mobjects
        check_end_square(scene, sq, name)
    check_inset_ends(scene, trs)
    # (on the map some pair of their points lies closer than a map square's side: they have
    # no square there, the inset's window marks where they end)
    from gdviz.race_scene import END_SIDE
    on_map = [scene.ax.c2p(*in_lane(scene, n, trs[n].points)[-1]) for n in want]
    assert min(np.linalg.norm(p - q) for p, q in itertools.combinations(on_map, 2)) < END_SIDE
    assert not set(want) & set(scene.ends)
    lines = [*scene.inset_paths.values(), *scene.inset_tails.values()]
    assert max(m.get_stroke_width() for m in lines) * 0.01 * PX <= 1.1
    assert min(sq.z_index for sq in scene.inset_ends.values()) > max(m.z_index for m in lines)
    for name, tail in scene.inset_tails.items():  # the last steps over a fainter history
        if len(scene.inset_paths[name].points):
            assert tail in scene.mobjects
            assert tail.get_stroke_opacity() == 1 > scene.inset_paths[name].get_stroke_opacity()
    # the window in the frame's stroke, the leaders thinner; neither crosses a number or a
    # name of the map's
    assert scene.inset_box.get_stroke_width() == scene.inset_frame.get_stroke_width()
    assert all(ln.get_stroke_width() < scene.inset_box.get_stroke_width()
               for ln in scene.inset_lines)
    assert not scene.leaders_cross(lo, hi)
    # the name clear of the two lines that join the region to the inset
    left, right, bottom, top = named
    for line in scene.inset_lines:
        a, b = line.get_start(), line.get_end()
        lo_y, hi_y = max(bottom, min(a[1], b[1])), min(top, max(a[1], b[1]))
        if lo_y > hi_y:  # the line never reaches the bar's height
            continue
        xs = [a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]) for y in (lo_y, hi_y)]
        assert all(x < left for x in xs) or all(x > right for x in xs)
    for name in NAMES:
        pieces = races.clip_polyline(trs[name].points, race.inset.region)
        drawn = scene.inset_paths[name]
        if not pieces:
            assert len(drawn.points) == 0
            continue
        got = np.array([ins.p2c(p) for p in drawn.get_anchors()])
        want_pts = np.vstack(pieces)
        assert np.all(got[:, 0] >= rx0 - 1e-9) and np.all(got[:, 0] <= rx1 + 1e-9)
        assert np.all(got[:, 1] >= ry0 - 1e-9) and np.all(got[:, 1] <= ry1 + 1e-9)
        np.testing.assert_allclose(got[[0, -1]], want_pts[[0, -1]], atol=1e-9)


def over_path(scene, name, box, clear=None) -> bool:
    """Whether run `name`'s path on the map (scene.map_paths, each step's segment sampled 20
    times) comes within its casing's reach (half its width and theme.CASING_WIDTH, stroke
    units) of the box (left, right, bottom, top, scene units), or with `clear`, within half its
    width and `clear` (scene units) of it."""
    from gdviz import theme as th

    pts = scene.map_paths[name]
    seg = pts[:-1, None, :] + np.linspace(0, 1, 20)[None, :, None] * np.diff(pts, axis=0)[:, None]
    seg = seg.reshape(-1, 2)
    # the map's axes are linear: c2p is affine, applied to every point at once (read back
    # through c2p itself at the path's two ends)
    o = np.asarray(scene.ax.c2p(0, 0))[:2]
    ex, ey = (np.asarray(scene.ax.c2p(*e))[:2] - o for e in ((1, 0), (0, 1)))
    at = o + seg[:, :1] * ex + seg[:, 1:] * ey
    np.testing.assert_allclose(at[[0, -1]], [np.asarray(scene.ax.c2p(*seg[i]))[:2]
                                            for i in (0, -1)], atol=1e-9)
    half = scene.history[name].get_stroke_width() / 2 * 0.01
    reach = half + (th.CASING_WIDTH * 0.01 if clear is None else clear)
    left, right, bottom, top = box
    return bool(np.any((at[:, 0] > left - reach) & (at[:, 0] < right + reach)
                       & (at[:, 1] > bottom - reach) & (at[:, 1] < top + reach)))


def check_inset_ends(scene, trs, beside=None):
    """The inset's end squares (before the closing zoom and after it alike): each on gdcore's
    last point read back through the inset's axes, or, where it would hide the star (a run that
    ends within race_plot.ON_STAR of the inset's width of it) or touch another square, set
    beside it (the still's rule, race_plot.end_offsets) on a leader in the run's colour that
    runs from the square's centre straight back towards the point, stopping short of it (by
    less than a side), under the square; `beside`, if given, names the runs set beside. The
    squares lie pairwise apart by at least a side and a rim (half the stroke, outside the side)
    either side of it, each a side or more from the star's centre, whole inside the inset's
    frame."""
    from gdviz.race_plot import ON_STAR

    ins, race = scene.inset, scene.RACE
    (rx0, rx1), _ = race.inset.region
    star = np.zeros(2) if race.surface.minimum is None else np.asarray(race.surface.minimum)
    ends, leaders = scene.inset_ends, scene.inset_leaders
    if beside is not None:
        assert sorted(leaders) == sorted(beside)
    for name, sq in ends.items():
        point = trs[name].points[-1]
        if np.hypot(*(point - star)) < ON_STAR * (rx1 - rx0):
            assert name in leaders, name
        if name not in leaders:
            np.testing.assert_allclose(ins.p2c(sq.get_center()), point, atol=1e-9)
            continue
        line = leaders[name]
        at = ins.c2p(*point)
        assert line in scene.get_mobject_family_members() and line.z_index < sq.z_index
        check_leader_start(line, sq, at)
        way, rest = line.get_end() - line.get_start(), at - line.get_start()
        np.testing.assert_allclose(np.cross(way, rest), 0, atol=1e-9)  # straight at the point
        assert 0 < np.linalg.norm(at - line.get_end()) < sq.width
        assert np.linalg.norm(at - line.get_end()) < np.linalg.norm(rest)
        assert line.get_stroke_color().to_hex().upper() == scene.theme.opt(name).upper()
    # a side and the ink outside it (the outline's outer half and its casing) either side
    clear = {n: sq.width + sq.get_stroke_width(background=True) * 0.01 for n, sq in ends.items()}
    for a, b in itertools.combinations(ends, 2):
        d = np.linalg.norm(ends[a].get_center() - ends[b].get_center())
        assert d >= clear[a] - 1e-9, (a, b, d * PX)
    frame = scene.inset_frame
    for name, sq in ends.items():
        assert np.linalg.norm(sq.get_center() - ins.c2p(*star)) >= sq.width, name
        assert frame.get_left()[0] < sq.get_left()[0] and sq.get_right()[0] < frame.get_right()[0]
        assert frame.get_bottom()[1] < sq.get_bottom()[1] and sq.get_top()[1] < frame.get_top()[1]


def check_inset_heads(scene, k):
    """At whole step k, each run's head in the inset is a dot in its colour on gdcore's point k
    read back through the inset's axes while that point lies in the inset's region, and hidden
    while it does not; each inset path ends at that head."""
    race = scene.RACE
    trs = races.run_race(race)
    shown = 0
    for name in NAMES:
        p = trs[name].points[min(k, len(trs[name].points) - 1)]
        dot = scene.inset_dots[name]
        if races.inside(p, race.inset.region)[0]:
            shown += 1
            assert dot.get_fill_opacity() == 1
            np.testing.assert_allclose(scene.inset.p2c(dot.get_center()), p, atol=1e-9)
            assert dot.get_fill_color().to_hex().upper() == scene.theme.opt(name).upper()
            np.testing.assert_allclose(scene.inset.p2c(scene.inset_paths[name].points[-1]), p,
                                       atol=1e-9)
        else:
            assert dot.get_fill_opacity() == 0
    return shown


def check_casings(scene):
    """Every path on the map (and its last steps in the inset) lies on its casing, read back
    from the scene's mobjects: a trail of the same points whose background stroke is the page
    colour, its path's width plus theme.CASING_WIDTH (the inset's: THIN_CASING) on each side,
    its own stroke hidden, beneath every path (with the scene's CASE_EACH: just beneath its own
    path, over every path stacked beneath that). Read back in pixels as well: taking the
    casings away turns at least 200 pixels (of a 1080p frame, scaled to the frame drawn) from
    the page colour to the map's."""
    from gdviz import theme as th
    from gdviz.race_scene import THIN_CASING

    page = ManimColor(scene.theme.background)
    groups = [(scene.casings, scene.history, th.CASING_WIDTH)]
    if not scene.ZOOM_FROM_REGION:  # (else the inset is shown only magnified, not at the end)
        groups.append((getattr(scene, "inset_casings", {}), scene.inset_tails, THIN_CASING))
    casings = []
    for cases, paths, width in groups:
        assert set(cases) == (set(NAMES) if paths else set())
        for name, c in cases.items():
            path = paths[name]
            assert c in scene.mobjects
            assert c.get_stroke_color(background=True) == page
            assert c.get_stroke_width(background=True) == pytest.approx(
                path.get_stroke_width() + 2 * width) and width > 0
            assert c.get_stroke_opacity() == 0
            assert np.allclose(c.points, path.points)
            if getattr(scene, "CASE_EACH", False) and paths is scene.history:
                # just under its own path, over every path stacked beneath it
                beneath = [p.z_index for p in paths.values() if p.z_index < path.z_index]
                assert max(beneath, default=-np.inf) < c.z_index < path.z_index
            else:
                assert c.z_index < min(p.z_index for p in paths.values())
            casings.append(c)
    full = draw(scene)
    scene.remove(*casings)
    changed = np.any(draw(scene) != full, axis=2)
    scene.add(*casings)
    want = np.array(page.to_rgb()) * 255
    on_page = np.all(np.abs(full - want) <= 3, axis=2) & changed
    least = 200 * full.shape[0] * full.shape[1] / (1920 * 1080)
    assert on_page.sum() >= least, f"{on_page.sum()} pixels of {least:.0f}"


def zoom_watch(scene):
    """After a play (frames.WATCHERS): the width of the inset's frame, and whether the scale bar
    of the map's inset is on screen (None before the inset is drawn)."""
    frame = getattr(scene, "inset_frame", None)
    if frame is None:
        return None
    shown = set(scene.get_mobject_family_members())
    bar = any(m in shown and m.get_stroke_opacity() + m.get_fill_opacity() > 0
              for m in scene.inset_scale.family_members_with_points())
    return frame.width, bar


def check_zoom(scene_cls):
    """The scale bar of the map's inset has faded out, the play before the inset begins to
    grow, and stays away while it grows: the growing inset never covers it (scene_cls's notes,
    zoom_watch). The zoomed picture, read from its pixels, keeps EDGE_PX from the frame's
    edge."""
    notes = [n for n in rendered(scene_cls).notes if n is not None]
    assert ink_margin_px(rendered(scene_cls, own=True)) >= EDGE_PX
    width0 = notes[0][0]
    grown = [i for i, (w, _) in enumerate(notes) if w > width0 * 1.001]
    assert grown, "the inset never grows"
    # each stretch of plays with the inset grown
    stretches = [[grown[0]]]
    for i in grown[1:]:
        if i == stretches[-1][-1] + 1:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    shown_before = 0
    for stretch in stretches:
        first, last = stretch[0], stretch[-1]
        # shown with the inset on the map, gone the play before it grows
        assert any(bar for _, bar in notes[shown_before:first - 1])
        assert not notes[first - 1][1]
        # gone while the inset is grown, and as it shrinks back (zoom_out, if the scene has
        # it: the bar comes back only once the inset is in its place again)
        assert not any(bar for _, bar in notes[first - 1:last + 2])
        if last + 1 < len(notes):
            assert notes[last + 1][0] == pytest.approx(width0)
        shown_before = last + 2
