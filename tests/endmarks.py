"""The one check of a single run's end that falls on the minimum (gdviz.mpl.end_at): read back
on the drawn page, the end square stands AT gdcore's last point, hollow, in the run's colour,
framing the star, which shows whole inside it."""

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.markers import MarkerStyle

from gdviz import mpl as gm


def assert_end_frames_star(fig, end, star, last_xy, star_xy, ink: str) -> None:
    """`end` (the end mark) and `star` (the minimum's mark, Line2D or Line3D) as drawn on fig:
    - the end square's data are gdcore's last point `last_xy` (data coordinates of its axes; of
      a 3-D axes, the projected ones), its centre drawn there on the page (no offset), and no
      leader runs from it;
    - it is hollow: its outline gm.FRAME_WIDTH wide in the run's colour (`end.colour`), no fill;
    - the star's footprint (star_xy: where the star is, in the same coordinates) lies inside
      the frame's inner edge, clear of it;
    - the star shows whole: as much of its box is in its ink as a lone star's (about a
      sixth), and the frame's outline shows in the run's colour."""
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
    assert end.get_transform() == end.axes.transData  # drawn at its data, not set off
    assert end.on_star()
    assert end.get_marker() == "s" and end.get_markerfacecolor() == "none"
    assert end.get_markeredgewidth() == gm.FRAME_WIDTH
    assert to_rgb(end.get_markeredgecolor()) == to_rgb(end.colour)
    r = fig.canvas.get_renderer()
    # the frame's box centred on the last point on the page
    e0, f0, e1, f1 = (v * to_pt for v in end.get_window_extent(r).extents)
    centre = end.axes.transData.transform(last_xy) * to_pt
    np.testing.assert_allclose([(e0 + e1) / 2, (f0 + f1) / 2], centre, atol=0.3)
    # the star's footprint on the page (its drawn path, edge included) inside the inner edge
    style = MarkerStyle(star.get_marker())
    ext = style.get_path().transformed(style.get_transform()).get_extents()
    size, edge = star.get_markersize(), star.get_markeredgewidth() / 2
    sx, sy = end.axes.transData.transform(star_xy) * to_pt
    inner = end.get_markersize() / 2 - gm.FRAME_WIDTH / 2
    cx, cy = centre
    assert sx + ext.x0 * size - edge >= cx - inner + 0.5
    assert sx + ext.x1 * size + edge <= cx + inner - 0.5
    assert sy + ext.y0 * size - edge >= cy - inner + 0.5
    assert sy + ext.y1 * size + edge <= cy + inner - 0.5
    assert inner <= max(-ext.x0, ext.x1, -ext.y0, ext.y1) * size + edge + 3  # framing it close
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    h = img.shape[0]

    def share(box, colour):
        patch = img[int(h - box.y1):int(h - box.y0), int(box.x0):int(box.x1)]
        return np.all(np.abs(patch - np.array(to_rgb(colour))) < 0.06, axis=-1).mean()

    # a lone star fills about a sixth of its box; a square over its body would leave < 0.05
    assert share(star.get_window_extent(r), ink) > 0.14
    assert share(end.get_window_extent(r), end.colour) > 0.08  # the outline, in its colour


def assert_key_matches_end(fig, end, star) -> None:
    """The legend's key of `end` (gid `<end's gid>-key`): the house end square alone (hollow,
    in the run's colour, at its house size, no star inside), "end", whether the page frames
    the star with it or not: one key for the end in every still."""
    from matplotlib.legend import Legend

    fig.canvas.draw()
    (key,) = fig.findobj(lambda a: a.get_gid() == f"{end.get_gid()}-key")
    assert key.mark is end and key.get_label() == "end"
    # the key's mark, in a legend (never on the map)
    (square,) = [h for lg in fig.findobj(Legend) for h, t in zip(lg.legend_handles,
                                                                   lg.get_texts())
                 if t.get_text() == "end"]
    assert square.get_marker() == "s" and square.get_markersize() == end.house
    assert square.get_markersize() < end.get_markersize()  # the house size, not the frame's
    assert square.get_markerfacecolor() == "none"
    assert to_rgb(square.get_markeredgecolor()) == to_rgb(end.colour)
    assert square.get_markeredgewidth() == gm.FRAME_WIDTH
