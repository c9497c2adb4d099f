"""The one check of a single run's end that falls on the minimum (gdviz.mpl.end_at): read back
on the drawn page, the end square is the house square, set just beside the star (at gdcore's
last point where that clears it), and neither hides the other."""

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.markers import MarkerStyle


def assert_end_beside_star(fig, end, star, last_xy, star_xy, ink: str) -> None:
    """`end` (the end mark) and `star` (the minimum's mark, Line2D or Line3D) as drawn on fig:
    - the end square is the house square (its house size), its data gdcore's last point
      `last_xy` (data coordinates of its axes; of a 3-D axes, the projected ones), and no leader
      runs from it;
    - on the page its box lies clear of the star's footprint (star_xy: where the star is, in the
      same coordinates), yet within a square's side of it: read together, "ended here";
    - the star shows whole: as much of its box is in its ink as a lone star's (about a
      sixth), and the square shows in its own colour (`ink`: the star's fill)."""
    dpi = fig.dpi
    fig.set_dpi(300)  # as printed
    try:
        _check(fig, end, star, last_xy, star_xy, ink)
    finally:
        fig.set_dpi(dpi)
        fig.canvas.draw()


def _check(fig, end, star, last_xy, star_xy, ink: str) -> None:
    fig.canvas.draw()
    to_pt = 72 / fig.dpi
    assert np.allclose(end.get_xydata()[0], last_xy)
    assert not fig.findobj(lambda a: a.get_gid() == f"{end.get_gid()}-leader")
    assert end.get_marker() == "s" and end.get_markersize() == end.house
    r = fig.canvas.get_renderer()
    # the star's footprint on the page (its drawn path, edge included) against the square's box
    style = MarkerStyle(star.get_marker())
    ext = style.get_path().transformed(style.get_transform()).get_extents()
    size, edge = star.get_markersize(), star.get_markeredgewidth() / 2
    sx, sy = end.axes.transData.transform(star_xy) * to_pt
    reach = max(-ext.x0, ext.x1, -ext.y0, ext.y1) * size + edge  # the star's longest arm
    e0, f0, e1, f1 = (v * to_pt for v in end.get_window_extent(r).extents)
    # the square's nearest point to the star's centre: outside its longest arm, by ≤ a side
    near = np.hypot(max(e0 - sx, 0, sx - e1), max(f0 - sy, 0, sy - f1))
    assert reach <= near <= reach + end.get_markersize(), (reach, near)
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    h = img.shape[0]

    def share(box, colour):
        patch = img[int(h - box.y1):int(h - box.y0), int(box.x0):int(box.x1)]
        return np.all(np.abs(patch - np.array(to_rgb(colour))) < 0.06, axis=-1).mean()

    # a lone star fills about a sixth of its box; a square over its body would leave < 0.05
    assert share(star.get_window_extent(r), ink) > 0.14
    assert share(end.get_window_extent(r), end.get_markerfacecolor()) > 0.3


def assert_key_matches_end(fig, end, star) -> None:
    """The legend's key of `end` (gid `<end's gid>-key`) drawn as the page draws the mark: one
    square, the plotted square's size and colour, no star on it: one scale for the key and
    the map."""
    from matplotlib.legend import Legend

    fig.canvas.draw()
    (key,) = fig.findobj(lambda a: a.get_gid() == f"{end.get_gid()}-key")
    assert key.mark is end
    # the key's mark, in a legend (never on the map)
    (square,) = [h for lg in fig.findobj(Legend) for h in lg.legend_handles
                 if getattr(h, "key", None) is key]
    assert square.get_marker() == "s" and square.get_markersize() == end.get_markersize()
    assert to_rgb(square.get_markerfacecolor()) == to_rgb(end.get_markerfacecolor())
    assert star.get_marker() == "*"
