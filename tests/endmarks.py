"""The one check of a single run's end that falls on the minimum (gdviz.mpl.end_at): read back
on the drawn page, the end square sits on gdcore's last point, frames the star, and the star
still shows over it."""

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.markers import MarkerStyle


def assert_end_frames_star(fig, end, star, last_xy, star_xy, good: str) -> None:
    """`end` (the end mark) and `star` (the minimum's mark, Line2D or Line3D) as drawn on fig:
    - the end square's centre is gdcore's last point `last_xy` (data coordinates of its axes; of
      a 3-D axes, the projected ones) within a hundredth of a point, and no leader runs from it;
    - it lies under the star and its box on the page holds the star's footprint whole (star_xy:
      where the star is, in the same coordinates), a point or more to spare each side;
    - the star shows: a tenth of its box or more is in the good colour (its points fill about a
      sixth; under the square, none)."""
    dpi = fig.dpi
    fig.set_dpi(300)  # as printed
    try:
        _check(fig, end, star, last_xy, star_xy, good)
    finally:
        fig.set_dpi(dpi)
        fig.canvas.draw()


def _check(fig, end, star, last_xy, star_xy, good: str) -> None:
    fig.canvas.draw()
    to_pt = 72 / fig.dpi
    drawn = end.get_transform().transform(end.get_xydata()[0]) * to_pt
    true = end.axes.transData.transform(last_xy) * to_pt
    assert np.hypot(*(drawn - true)) < 0.01
    assert not fig.findobj(lambda a: a.get_gid() == f"{end.get_gid()}-leader")
    assert end.get_marker() == "s" and end.get_zorder() < star.get_zorder()
    r = fig.canvas.get_renderer()
    # the star's footprint on the page (its drawn path, edge included) against the square's box
    style = MarkerStyle(star.get_marker())
    ext = style.get_path().transformed(style.get_transform()).get_extents()
    size, edge = star.get_markersize(), star.get_markeredgewidth() / 2
    sx, sy = end.axes.transData.transform(star_xy) * to_pt
    foot = (sx + ext.x0 * size - edge, sy + ext.y0 * size - edge, sx + ext.x1 * size + edge,
            sy + ext.y1 * size + edge)
    # the square's box (its path: Line2D's extent is the marker's size round its point)
    e0, f0, e1, f1 = (v * to_pt for v in end.get_window_extent(r).extents)
    spare = min(foot[0] - e0, foot[1] - f0, e1 - foot[2], f1 - foot[3])
    # the star whole inside, a point or more to spare; a little larger than it, never a tile
    assert 1.0 <= spare <= 2.5, spare
    sbox = star.get_window_extent(r)
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    h = img.shape[0]
    patch = img[int(h - sbox.y1):int(h - sbox.y0), int(sbox.x0):int(sbox.x1)]
    green = np.all(np.abs(patch - np.array(to_rgb(good))) < 0.06, axis=-1)
    assert green.mean() > 0.1, green.mean()



def assert_key_matches_end(fig, end, star) -> None:
    """The legend's key of `end` (gid `<end's gid>-key`) drawn as the page draws the mark: its
    square the plotted square's size and colour, and the minimum's star on it (star's mark and
    size) where the plotted square frames the star: one scale for the key and the map."""
    from matplotlib.legend import Legend

    fig.canvas.draw()
    (key,) = fig.findobj(lambda a: a.get_gid() == f"{end.get_gid()}-key")
    # the key's marks, in a legend (never on the map)
    drawn = [a for lg in fig.findobj(Legend)
             for a in lg.findobj(lambda a: getattr(a, "key", None) is key)]
    (square,) = [a for a in drawn if not a.is_star]
    (mini,) = [a for a in drawn if a.is_star]
    assert square.get_marker() == "s" and square.get_markersize() == end.get_markersize()
    assert to_rgb(square.get_markerfacecolor()) == to_rgb(end.get_markerfacecolor())
    assert end.get_markersize() > end.house  # the plotted square frames the star here
    assert mini.get_visible() and mini.get_marker() == star.get_marker()
    assert mini.get_markersize() == star.get_markersize()
    assert to_rgb(mini.get_markerfacecolor()) == to_rgb(star.get_markerfacecolor())
