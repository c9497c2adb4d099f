"""How the theme's colours are seen: CAM02-UCS coordinates in normal vision and simulated
colour-vision deficiencies, CAM02 hue angles, and every colour a cost map paints.

The colour tests (tests/test_style_colors.py) and the search that chose the optimizer colours
(scripts/optimizer_palette.py) measure with these, so both speak of one ΔE' and one hue.
Needs colorspacious (a development dependency), imported when first used.
"""

from __future__ import annotations

import numpy as np

#: The visions every optimizer colour must be told apart in: normal, and the three simulated
#: deficiencies at full severity (colorspacious, Machado et al. 2009).
CVD: tuple[str | None, ...] = (None, "deuteranomaly", "protanomaly", "tritanomaly")


def _rgb(colors) -> np.ndarray:
    """sRGB in [0, 1] of one colour ('#rrggbb' or a triple) or an (n, 3) array of them."""
    from matplotlib.colors import to_rgb

    if isinstance(colors, str):
        return np.array(to_rgb(colors))
    return np.asarray(colors, dtype=np.float64)


def seen(colors, cvd: str | None = None) -> np.ndarray:
    """CAM02-UCS coordinates (J', a', b') of a colour, or of an (n, 3) array of sRGB colours,
    as seen in normal vision (cvd None) or a simulated deficiency (a CVD name)."""
    from colorspacious import cspace_convert

    rgb = _rgb(colors)
    if cvd is not None:
        spec = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        rgb = np.clip(cspace_convert(rgb, spec, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def hue(colors) -> np.ndarray | float:
    """CIECAM02 hue angle h in degrees [0, 360) of a colour or an (n, 3) array of them."""
    from colorspacious import cspace_convert

    h = cspace_convert(_rgb(colors), "sRGB1", "JCh")[..., 2] % 360.0
    return float(h) if np.ndim(h) == 0 else h


def hue_turn(a, b) -> np.ndarray | float:
    """The angle between two hues (degrees, 0 to 180), elementwise."""
    turn = np.abs(np.asarray(a) - np.asarray(b)) % 360.0
    return np.minimum(turn, 360.0 - turn)


def map_colors(th, n: int = 256) -> list[str]:
    """Every colour the theme's cost map paints (fills at full strength), n samples."""
    import matplotlib
    from matplotlib.colors import to_hex

    cmap = matplotlib.colormaps[th.cost_map.cmap]
    return [to_hex(c) for c in cmap(np.linspace(0, 1, n))]
