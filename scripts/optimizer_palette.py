"""Search the optimizer colours: seven hue families in print, the same hues in the dark theme.

Light (`--light`): each optimizer takes a hue family, LIGHT_FAMILIES (Okabe–Ito and Tol
"bright" hues: green, blue, red, purple, teal, orange-brown, magenta; Momentum and NAG, and
RMSprop, Adadelta and Adam, which run side by side, far apart on the hue circle), and the same
search below finds, within FAMILY_HUE_TOLERANCE of each family's hue and OPT_LIGHTNESS, the
light colours (mid-tones) that pass every floor against the white page.
Dark (the default): one colour identity per optimizer in both themes.

Each optimizer keeps its light colour (gdviz.theme.LIGHT_OPTIMIZER_COLORS) and takes, in the
dark theme, the same colour, lighter: its CIECAM02 hue within OPT_HUE_TOLERANCE of the light
colour's, its CAM02-UCS lightness J' OPT_DARK_LIFT to OPT_DARK_MAX_LIFT above it, keeping
OPT_DARK_CHROMA_SHARE of its chroma M' (the bisection is on that share), apart from
OPT_DARK_ROLES (every role but the test lavender; for a name of OPT_DARK_EXEMPT, but its
exempt kin too: the floors relaxed, see theme.py), the dark map's kin under RUN_DARK_CEILING.
Candidates are the sRGB grid of STEPS[theme] (every channel a multiple of it). A candidate
must, on its own:
  - keep LINE_CONTRAST (WCAG 2.1) against its page and, in the dark theme, every colour of
    the cost map: every path, trail and dot drawn over a map lies on a casing of the page
    colour (theme.CASING), which in print parts it from the pale map (so the map does not
    constrain the light colours) and on the dark page is as dark as the map round it;
  - stand MIN_CVD_DISTANCE (CAM02-UCS ΔE') from every mark role colour of its theme, in
    normal vision and simulated deuteranomaly, protanomaly and tritanomaly (severity 100).
Every two chosen colours must differ by MIN_OPT_HUE of hue, and by MIN_OPT_DISTANCE in normal
vision and MIN_CVD_DISTANCE in each simulated one, each with MARGIN to spare; in the dark theme
every two of the dark map's hue family (map_kin) by MAP_KIN_LIGHTNESS of J' as well. Of the palettes
that pass, the search keeps the one whose least chroma (CAM02-UCS M') is the largest, so that
no optimizer fades to a grey that has lost its hue: bisection on that least chroma, each step
first dropping every candidate that has no partner of some other optimizer (arc consistency:
it proves a chroma out of reach at once, so the dark theme's fine grid takes seconds), then a
backtracking search over the rest (the optimizer with fewest candidates first; each one's
candidates strongest first: chroma, scaled down as the contrast with the page falls below
TEXT_CONTRAST, less HUE_COST per degree of hue turn from its target).
tests/test_style_colors.py checks the result, taken from the theme, against every floor.

The learning rates and batch runs are searched the same way (`--runs`, run_colours).

Run: PYTHONPATH=src .venv/bin/python scripts/optimizer_palette.py [--light | --runs] [step]
(step: the grid, 15 in print and 5 in the dark theme by default, STEPS)
Prints the dark (or light) palette as it is written in gdviz/theme.py, with each colour's hue
turn from its target (light colour, or family) and the palette's worst distances.
"""

from __future__ import annotations

import itertools
import sys

import numpy as np

from gdcore.optimizers import NAMES
from gdviz import theme
from gdviz.vision import CVD, hue, hue_turn, map_colors, seen

#: The sRGB grid of candidates per theme: channels in steps of 15 (0, 15, …, 255; 18³
#: colours) in print, of 5 (52³) in the dark theme, whose floors (the dark map as well as the
#: page, the light data blue and test lavender) leave few colours to each hue.
STEPS = {"light": 15, "dark": 5}
#: Every pairwise floor is kept with this much to spare (5 %), so rounding never decides it.
MARGIN = 0.05
#: The strength (M') a degree of hue turn from the light colour costs a candidate.
HUE_COST = 0.25
#: Candidates tried per optimizer at each depth of the backtracking search.
TRIES = 200
#: The hue family of each optimizer in print (the light search's targets), after Okabe–Ito and
#: Tol's "bright" scheme: related optimizers take hues far apart (Momentum blue, NAG red;
#: RMSprop orange-brown, Adadelta teal, Adam magenta), so their paths read apart where they
#: run together.
LIGHT_FAMILIES: dict[str, str] = dict(zip(
    NAMES, ("#44AA33", "#4477AA", "#EE6677", "#7733AA", "#009988", "#E69F00", "#B41EA0")))


#: The hue family of each learning rate and batch run in print (run_colours' targets; the good
#: rate and the full batch are the accent, plain descent's colour in gd-regression and
#: cost-heatmap, and not searched): the sampled batch runs take two of the gaps the optimizer
#: and role hues leave on the hue circle (Tol's mint and cyan), the single sample far from the
#: full batch's orange.
RUN_FAMILIES: dict[str, str] = {
    "too small": "#0F3C4B", "too large": "#78000F",
    "mini-batch": "#44BB99", "single sample": "#33BBEE"}
#: The least hue turn (CAM02, degrees) of a batch run's colour from every optimizer colour
#: of its theme: no run reads as an optimizer.
RUN_OPT_HUE = 12.0
#: The least lightness (CAM02-UCS J') of a run's colour in print: none a near black.
RUN_LIGHTNESS = 45.0
#: How much lighter (J') a run's dark shade is than its light colour at least: none (the
#: light colours are mid-tones already; the dark map's 3:1 floor keeps them light enough).
RUN_DARK_LIFT = 0.0
#: The most lightness (J') a run's dark shade may take: none a near white beside the others
#: (the dark good rate was #FFC3FF, J' 89, M' 20: a pale pink that read as white).
RUN_DARK_CEILING = 78.0
#: The runs keep this fraction over MIN_CVD_DISTANCE from every mark role (and, in print, the
#: rates from the batch runs), so that no distance sits on the floor (one was 9.01).
RUN_MARGIN = 0.02


def grid(step: int) -> np.ndarray:
    """Every sRGB colour whose channels are multiples of `step` (0 to 255), as (n, 3) floats."""
    levels = np.arange(0, 256, step) / 255.0
    return np.array(list(itertools.product(levels, repeat=3)))


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2.1 relative luminance of an (n, 3) array (theme.relative_luminance, vectorised)."""
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def least_contrast(th, rgb: np.ndarray, on_map: float = 0.0) -> np.ndarray:
    """Each candidate's least WCAG contrast against what lies round it: the page, and in the
    dark theme every colour of the cost map too. In print every path over a map lies on its
    casing of the white page (theme.CASING) and never touches the pale map; on the dark page
    the casing is as dark as the map round it, so it parts a path from the map only if the
    path stands out from the map itself. With `on_map` (a contrast floor), the map's contrast
    is scaled by LINE_CONTRAST / on_map, so that a candidate passing LINE_CONTRAST here keeps
    `on_map` against the dark map."""
    lum = luminance(rgb)
    ratios = []
    for c in [th.background, *(map_colors(th) if th.name == "dark" else ())]:
        other = theme.relative_luminance(c)
        ratio = (np.maximum(lum, other) + 0.05) / (np.minimum(lum, other) + 0.05)
        if on_map and c != th.background:
            ratio = ratio * theme.LINE_CONTRAST / on_map
        ratios.append(ratio)
    return np.min(ratios, axis=0)


def alone(th, rgb: np.ndarray, fixed: tuple[str, ...] = (), margin: float = 0.0,
          on_map: float = 0.0, roles: tuple[str, ...] = theme.MARK_ROLES) -> np.ndarray:
    """Which candidates pass the floors that need no other colour of their set: contrast
    against the page (and the dark map, `on_map`), ΔE' from the mark roles (and the `fixed`
    colours) in every vision, with `margin` (a fraction of MIN_CVD_DISTANCE) to spare."""
    ok = least_contrast(th, rgb, on_map) >= theme.LINE_CONTRAST
    others = [getattr(th, role) for role in roles] + list(fixed)
    floor = theme.MIN_CVD_DISTANCE * (1 + margin)
    for cvd in CVD:
        pts = seen(rgb, cvd)
        for c in others:
            ok &= np.linalg.norm(pts - seen(c, cvd), axis=1) >= floor
    return ok


def search(th, targets: dict[str, str], step: int | None = None,
           fixed: tuple[str, ...] = (), lightness: float = 0.0,
           lift: float = theme.OPT_DARK_LIFT, ceiling: float = 100.0,
           role_margin: float = 0.0, tolerance: float = theme.OPT_HUE_TOLERANCE,
           shade: str | None = "auto", chroma_share: float = 0.0, max_lift: float = np.inf,
           relative: bool = False, on_map: float = 0.0, min_chroma: float = 0.0,
           roles: tuple[str, ...] = theme.MARK_ROLES,
           pair_cvd: float = theme.MIN_CVD_DISTANCE,
           avoid: tuple[str, ...] = (), avoid_turn: float = 0.0,
           kin_lightness: float = 0.0, kin_ceiling: float = 100.0,
           exempt: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """The colours of a set in `th`, one per `targets` entry (optimizers, rates, batch runs),
    each within `tolerance` degrees of the hue of its target (a hue family, or its colour in
    the other theme), that pass every floor by MARGIN, with the largest least chroma (or,
    `relative`, the largest least share of its target's chroma); `fixed` colours (another
    set's) are kept MIN_CVD_DISTANCE away like the `roles`; every colour at least `lightness`
    and at most `ceiling` light (CAM02-UCS J'), none a near black or a near white, and of
    chroma M' `min_chroma` at least.
    `shade` says how a colour stands to its target: None, a hue family only; "lighter" (the
    dark theme's shade of a light colour; "auto": so in the dark theme) `lift` to `max_lift`
    lighter (J') and keeping `chroma_share` of its chroma M'; "darker" (the light colour of
    a dark shade) the same, seen from the other side: `lift` to `max_lift` darker, the
    target keeping `chroma_share` of the colour's chroma. So a colour keeps its name across
    the themes: the same colour, lighter on the dark page, never a paler one of its hue.
    `on_map`: the contrast every colour keeps against the dark map (LINE_CONTRAST if 0).
    ΔE' from the roles and `fixed` kept with `role_margin` (a fraction of MIN_CVD_DISTANCE)
    to spare; every two `pair_cvd` apart in each simulated vision (MIN_OPT_DISTANCE in
    normal vision); each hue `avoid_turn` degrees from every `avoid` colour's (another set's
    hues, so that no run reads as an optimizer); every two that are the dark map's kin (their
    hue within KIN_HUE of one of its colours', map_kin) `kin_lightness` apart in J', each at
    most `kin_ceiling` light; `exempt`: the roles a name is not held apart from (its own kin,
    which never share a figure with it), though the rest of `roles` are."""
    names = list(targets)
    if shade == "auto":
        shade = "lighter" if th.name == "dark" else None
    rgb = grid(step or STEPS[th.name])
    exempt = exempt or {}
    common = tuple(r for r in roles if not any(r in e for e in exempt.values()))
    rgb = rgb[alone(th, rgb, fixed, role_margin, on_map, common)]
    views = np.stack([seen(rgb, cvd) for cvd in CVD])  # (vision, n, 3); normal vision first
    light_enough = (views[0, :, 0] >= lightness) & (views[0, :, 0] <= ceiling) & \
        (np.hypot(*views[0, :, 1:].T) >= min_chroma)
    rgb, views = rgb[light_enough], views[:, light_enough]
    h, ucs = hue(rgb), views[0]
    kin = map_kin(th, h) if kin_lightness else np.zeros(len(h), dtype=bool)
    held = {n: alone(th, rgb, fixed, role_margin, on_map,
                     tuple(r for r in roles if r not in exempt.get(n, ())))
            for n in names} if exempt else {}
    chroma = np.hypot(*ucs[:, 1:].T)
    # how strongly a path of the colour reads on its casing: its chroma, scaled down as its
    # contrast falls below TEXT_CONTRAST (a colour at 3:1 reads as two thirds of its chroma)
    strength = chroma * np.minimum(least_contrast(th, rgb) / theme.TEXT_CONTRAST, 1.0)
    floors = np.array([theme.MIN_OPT_DISTANCE] + [pair_cvd] * 3)
    turns = {n: hue_turn(h, hue(targets[n])) for n in names}
    for n in names:  # under the ceiling if the map's kin; apart from each name's own roles
        turns[n][kin & (ucs[:, 0] > kin_ceiling)] = np.inf
        if n in held:
            turns[n][~held[n]] = np.inf
    for c in avoid:  # apart from another set's hues
        near = hue_turn(h, hue(c)) < avoid_turn
        for n in names:
            turns[n][near] = np.inf
    target = {n: seen(targets[n]) for n in names}
    target_chroma = {n: float(np.hypot(*target[n][1:])) for n in names}
    if shade:  # another shade of the target: lighter (darker) by `lift` to `max_lift` (J'),
        sign = 1 if shade == "lighter" else -1  # the dark one as strongly coloured
        for n in names:
            up = sign * (ucs[:, 0] - target[n][0])
            far = (up < lift) | (up > max_lift)
            far |= chroma < chroma_share * target_chroma[n] if sign > 0 else \
                target_chroma[n] < chroma_share * chroma
            turns[n][far] = np.inf
    # each name's candidates, strongest first (a degree of hue turn costs HUE_COST), and which
    # of them may sit beside which of another's: hues MIN_OPT_HUE apart, ΔE' in each vision
    # MARGIN above its floor; `relative`: the bisection is on the share of its target's
    # chroma a colour keeps
    scale = {n: target_chroma[n] if relative else 1.0 for n in names}
    cand = {}
    for n in names:
        idx = np.flatnonzero(turns[n] <= tolerance)
        cand[n] = idx[np.argsort(HUE_COST * turns[n][idx] - strength[idx])]
    apart = {}
    for a, b in itertools.combinations(names, 2):
        ok = hue_turn(h[cand[a]][:, None], h[cand[b]][None]) >= theme.MIN_OPT_HUE
        for v, floor in enumerate(floors):
            d = np.linalg.norm(views[v, cand[a]][:, None] - views[v, cand[b]][None], axis=2)
            ok &= d >= floor * (1 + MARGIN)
        both = kin[cand[a]][:, None] & kin[cand[b]][None]
        dj = np.abs(ucs[cand[a], 0][:, None] - ucs[cand[b], 0][None])
        ok &= ~both | (dj >= kin_lightness * (1 + MARGIN))
        apart[a, b], apart[b, a] = ok, ok.T

    def solve(least_chroma: float) -> dict[str, int] | None:
        """A palette whose every colour has at least this chroma: candidates that have no
        partner of some other name are dropped until none is (arc consistency, which proves
        most chroma floors out of reach at once), then a backtracking search over what is left
        (the name with fewest candidates first, each one's strongest candidates first)."""
        live = {n: chroma[cand[n]] >= least_chroma * scale[n] for n in names}
        order = sorted(names, key=lambda n: int(live[n].sum()))
        changed = True
        while changed:
            changed = False
            for a, b in itertools.permutations(names, 2):
                keep = live[a] & apart[a, b][:, live[b]].any(axis=1)
                if not keep.any():
                    return None
                changed |= bool((keep != live[a]).any())
                live[a] = keep

        def place(k: int, chosen: dict[str, int], live: dict[str, np.ndarray]):
            if k == len(order):
                return chosen
            n = order[k]
            for i in np.flatnonzero(live[n])[:TRIES]:
                rest = {o: live[o] & apart[n, o][i] for o in order[k + 1:]}
                if all(r.any() for r in rest.values()):
                    found = place(k + 1, {**chosen, n: int(cand[n][i])}, rest)
                    if found:
                        return found
            return None

        return place(0, {}, live)

    best = solve(0.0)
    if best is None:
        raise SystemExit(f"no {th.name} palette passes every floor within "
                         f"{tolerance:g}° of hue")
    lo, hi = 0.0, float(chroma.max()) / min(scale.values())
    for _ in range(10):  # bisection on the least chroma
        mid = 0.5 * (lo + hi)
        found = solve(mid)
        lo, hi, best = (mid, hi, found) if found else (lo, mid, best)
    return {n: "#{:02X}{:02X}{:02X}".format(*np.round(rgb[best[n]] * 255).astype(int))
            for n in names}


def map_kin(th, h) -> np.ndarray:
    """Which hues (an array of CAM02 hue angles) are the kin of `th`'s cost map: within
    KIN_HUE of the hue of some colour it paints (the dark map's violet, blue and teal)."""
    from matplotlib.colors import to_rgb

    map_h = np.unique(np.round(hue(np.array([to_rgb(c) for c in map_colors(th)])), 1))
    return (hue_turn(np.asarray(h, dtype=np.float64)[..., None], map_h) < theme.KIN_HUE).any(
        axis=-1)


def report(th, palette: dict[str, str], targets: dict[str, str]) -> None:
    """Print the palette as theme.py writes it, each colour's hue turn and lightness J', the
    worst distances."""
    names = list(palette)
    print(f"{th.name}: (" + ", ".join(f'"{palette[n]}"' for n in names) + ")")
    for n in names:
        print(f"  {n:9s} {targets[n]} -> {palette[n]}  hue turn "
              f"{hue_turn(hue(palette[n]), hue(targets[n])):4.1f}°  chroma "
              f"{np.hypot(*seen(palette[n])[1:]):4.1f}  J' {seen(palette[n])[0]:4.1f}  "
              f"contrast on the page "
              f"{theme.contrast(palette[n], th.background):.2f}")
    for cvd in CVD:
        worst = min((float(np.linalg.norm(seen(palette[a], cvd) - seen(palette[b], cvd))), a, b)
                    for a, b in itertools.combinations(names, 2))
        print(f"  worst ΔE' within the set, {cvd or 'normal'}: {worst[0]:.1f} "
              f"({worst[1]}, {worst[2]})")


#: How far (degrees) the light colours may turn from their LIGHT_FAMILIES hue.
FAMILY_HUE_TOLERANCE = 20.0


def optimizers(th, step: int | None = None) -> dict[str, str]:
    """The optimizer colours of `th`: in print mid-tones (J' in OPT_LIGHTNESS) within
    FAMILY_HUE_TOLERANCE of each LIGHT_FAMILIES hue; in the dark theme the same colours,
    lighter (OPT_DARK_LIFT to OPT_DARK_MAX_LIFT of J', within OPT_HUE_TOLERANCE of hue), the
    bisection on the least share of its light colour's chroma that a shade keeps, each at
    least MIN_OPT_CHROMA, apart from OPT_DARK_ROLES."""
    if th.name == "light":
        lo, hi = theme.OPT_LIGHTNESS
        return search(th, LIGHT_FAMILIES, step, tolerance=FAMILY_HUE_TOLERANCE,
                      lightness=lo, ceiling=hi)
    return search(th, theme.LIGHT_OPTIMIZER_COLORS, step, lift=theme.OPT_DARK_LIFT,
                  max_lift=theme.OPT_DARK_MAX_LIFT, min_chroma=theme.MIN_OPT_CHROMA,
                  relative=True, roles=theme.OPT_DARK_ROLES,
                  kin_lightness=theme.MAP_KIN_LIGHTNESS, kin_ceiling=RUN_DARK_CEILING,
                  exempt=theme.OPT_DARK_EXEMPT)


def run_colours(step: int | None = None) -> None:
    """The learning rates' and the batch runs' colours (theme.rates, theme.batches), searched
    as the optimizers' are, now that their names are set in ink beside a mark of their colour
    and their paths lie on casings (the page alone constrains them in print), each with
    RUN_MARGIN to spare over MIN_CVD_DISTANCE from every mark role: in print each run within
    FAMILY_HUE_TOLERANCE of its RUN_FAMILIES hue and at least RUN_LIGHTNESS light; in the dark
    theme each a shade of its light colour, at least RUN_DARK_LIFT lighter and at most
    RUN_DARK_CEILING light. The batch runs lie RUN_OPT_HUE from every optimizer hue of their
    theme. The good rate is the accent (the α = 0.1 run of gd-regression and cost-heatmap),
    not searched: the other two rates stand apart from it as from every role. The rates and
    the batch runs, which never share a figure, are searched each on their own."""
    light: dict[str, str] = {}
    for th in (theme.LIGHT, theme.DARK):
        batches = {n: light.get(n, RUN_FAMILIES[n]) for n in theme.BATCH_NAMES
                   if n != "full batch"}
        rates = {n: light.get(n, RUN_FAMILIES[n]) for n in theme.RATE_NAMES if n != "good"}
        floor = {"lightness": RUN_LIGHTNESS, "tolerance": FAMILY_HUE_TOLERANCE} \
            if th is theme.LIGHT else {"lift": RUN_DARK_LIFT, "ceiling": RUN_DARK_CEILING}
        found_b = search(th, batches, step, role_margin=RUN_MARGIN,
                         avoid=tuple(th.optimizer.values()), avoid_turn=RUN_OPT_HUE, **floor)
        found = search(th, rates, step, role_margin=RUN_MARGIN, **floor)
        found = {n: found.get(n, th.accent) for n in theme.RATE_NAMES}
        found_b = {n: found_b.get(n, th.accent) for n in theme.BATCH_NAMES}
        report(th, found, {**rates, "good": th.accent})
        report(th, found_b, {**batches, "full batch": th.accent})
        light.update(found | found_b)


def main(argv: list[str]) -> int:
    mode = argv[0] if argv[:1] in (["--light"], ["--runs"]) else None
    argv = argv[1:] if mode else argv
    try:
        step = int(argv[0]) if argv else None
        if len(argv) > 1 or (step is not None and not 1 <= step <= 255):
            raise ValueError
    except ValueError:
        print(f"usage: optimizer_palette.py [--light | --runs] [step 1-255], got "
              f"{' '.join(argv)!r}", file=sys.stderr)
        return 2
    if mode == "--runs":
        run_colours(step)
        return 0
    th, targets = (theme.LIGHT, LIGHT_FAMILIES) if mode else \
        (theme.DARK, theme.LIGHT_OPTIMIZER_COLORS)
    report(th, optimizers(th, step), targets)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
