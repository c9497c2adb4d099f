"""Search the light cost map: the strongest map the house rules allow (gdviz.theme.LIGHT_COST_MAP).

The map is Viridis' hues at VIRIDIS_ANCHORS anchors, its CAM02-UCS lightness J' rising steadily
from the valley floor (low cost) to RIM (high cost), its chroma M' one share of Viridis' own up
to RIM_FADE of the way to the rim, then falling steadily to the most the sRGB gamut holds at the
pale rim (so the rim fades towards the page in chroma as in lightness; at one share throughout,
the gamut's yellow lit a band by the rim louder than the valley); the level lines are the same
hues LINE_DROP J' darker. Its strength is the valley's: how dark its floor and how strong its
chroma. Two rules hold it:
  - every role drawn on a map uncased (theme.ON_MAP_ROLES) keeps LINE_CONTRAST (TEXT_CONTRAST
    for text) over every colour of the map: the floor's J';
  - every anchor within the sRGB gamut: the share.
The search takes the darkest floor (in steps of FLOOR_STEP) at which every on-map role keeps its
contrast, each floor at the largest share the gamut holds there (steps of SHARE_STEP).

Run: PYTHONPATH=src .venv/bin/python scripts/cost_map.py
Prints the fills and lines as gdviz/theme.py writes them, the floor, the share, and each on-map
role's least contrast over the map.
"""

from __future__ import annotations

import functools

import numpy as np

from gdviz import theme

#: Anchors of the map (interpolated by matplotlib between them) and the rim's J'.
VIRIDIS_ANCHORS = 17
RIM = 97.0
#: How much darker (J') a level line is than its fill.
LINE_DROP = 22.0
#: Where (a share of the way from the valley to the rim) the chroma begins to fall to the rim's.
RIM_FADE = 0.75
#: The steps of the search: the share of Viridis' chroma and the valley floor's J'.
SHARE_STEP, FLOOR_STEP = 0.01, 0.05


def _viridis() -> np.ndarray:
    import matplotlib
    from colorspacious import cspace_convert

    rgb = matplotlib.colormaps["viridis"](np.linspace(0, 1, VIRIDIS_ANCHORS))[:, :3]
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def _in_gamut(j: float, a: float, b: float, share: float) -> np.ndarray | None:
    """sRGB of (J', share·a', share·b') if the gamut holds it, else None."""
    from colorspacious import cspace_convert

    c = cspace_convert(np.array([j, a * share, b * share]), "CAM02-UCS", "sRGB1")
    return c if np.all(c >= 0) and np.all(c <= 1) else None


def _colour(j: float, a: float, b: float, share: float) -> str:
    """The colour of J' j and hue (a', b') at `share` of its chroma, or the most chroma the
    gamut holds at that J' and hue."""
    for s in np.linspace(share, 0.0, 201):
        c = _in_gamut(j, a, b, s)
        if c is not None:
            return "#{:02X}{:02X}{:02X}".format(*np.round(c * 255).astype(int))
    raise ValueError(f"J' {j} is outside sRGB")


@functools.lru_cache
def rim_share(rim: float = RIM) -> float:
    """The most of Viridis' chroma (a multiple of SHARE_STEP) the gamut holds at the rim."""
    _, a, b = _viridis()[-1]
    share = 0.0
    while _in_gamut(rim, a, b, share + SHARE_STEP) is not None:
        share = round(share + SHARE_STEP, 2)
    return share


def shares(share: float, rim: float = RIM) -> np.ndarray:
    """Each anchor's share of Viridis' chroma: `share` from the valley to RIM_FADE of the way
    to the rim, then falling steadily to the rim's (rim_share)."""
    s = np.linspace(0.0, 1.0, VIRIDIS_ANCHORS)
    return np.interp(s, [0.0, RIM_FADE, 1.0], [share, share, rim_share(rim)])


def cost_map(floor: float, share: float, rim: float = RIM) -> tuple[tuple[str, ...], ...]:
    """The fills and level lines of a light map whose valley floor is J' `floor`, rim `rim`,
    at `share` of Viridis' chroma in the valley (shares)."""
    v = _viridis()
    js, ks = np.linspace(floor, rim, VIRIDIS_ANCHORS), shares(share, rim)
    fills = tuple(_colour(j, a, b, k) for j, k, (_, a, b) in zip(js, ks, v))
    lines = tuple(_colour(j - LINE_DROP, a, b, k) for j, k, (_, a, b) in zip(js, ks, v))
    return fills, lines


def least_contrast(fills) -> dict[str, float]:
    """Each on-map role's least WCAG contrast over every colour the map paints (256 samples of
    the fills, interpolated as matplotlib does)."""
    from matplotlib.colors import LinearSegmentedColormap, to_hex

    cmap = LinearSegmentedColormap.from_list("map", list(fills))
    painted = [to_hex(c) for c in cmap(np.linspace(0, 1, 256))]
    return {r: min(theme.contrast(getattr(theme.LIGHT, r), c) for c in painted)
            for r in theme.ON_MAP_ROLES}


def holds(fills) -> bool:
    """Every on-map role keeps its contrast over the map."""
    worst = least_contrast(fills)
    return all(worst[r] >= (theme.TEXT_CONTRAST if r == "text" else theme.LINE_CONTRAST)
               for r in worst)


def most_share(floor: float, rim: float = RIM) -> float:
    """The largest valley share of Viridis' chroma (a multiple of SHARE_STEP) whose map the
    gamut holds at every anchor (shares), for a valley floor at J' `floor`."""
    v = _viridis()
    js = np.linspace(floor, rim, VIRIDIS_ANCHORS)
    share = 0.0
    while all(_in_gamut(j, a, b, k) is not None
              for j, k, (_, a, b) in zip(js, shares(share + SHARE_STEP, rim), v)):
        share = round(share + SHARE_STEP, 2)
    return share


def strongest(start: float = 80.0) -> tuple[float, float]:
    """(floor J', share of chroma) of the strongest map the rules allow: the darkest floor (from
    `start` down) at which every on-map role keeps its contrast, each floor at the most chroma
    the gamut holds there."""
    floor = start
    while holds(cost_map(floor - FLOOR_STEP, most_share(floor - FLOOR_STEP))[0]):
        floor = round(floor - FLOOR_STEP, 2)
    return floor, most_share(floor)


def main() -> int:
    floor, share = strongest()
    fills, lines = cost_map(floor, share)
    print(f"floor J' {floor}, share {share}")
    for name, row in (("fills", fills), ("lines", lines)):
        print(f"{name}=(" + ", ".join(f'"{c}"' for c in row) + "),")
    for r, c in least_contrast(fills).items():
        print(f"  {r:6s} {c:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
