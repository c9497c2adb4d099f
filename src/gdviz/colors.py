"""The one colour arithmetic of the pictures: a colour as rgb, and the mix of two colours.

Figures (matplotlib) and scenes (Manim) alike blend the theme's colours with these, so a faded
edge or a tinted fill is the same colour in a still and in its animation.
"""

from __future__ import annotations

import numpy as np


def rgb(color) -> np.ndarray:
    """A colour as float rgb in [0, 1]: '#rrggbb' (the theme's colours), an object with
    to_rgb() (a ManimColor), or rgb values already (a triple, or an array of them)."""
    if isinstance(color, str):
        h = color.lstrip("#")
        if len(h) != 6:
            raise ValueError(f"color must be '#rrggbb', got {color!r}")
        return np.array([int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)], dtype=np.float64)
    if hasattr(color, "to_rgb"):
        return np.array(color.to_rgb(), dtype=np.float64)
    return np.asarray(color, dtype=np.float64)


def mix(c1, c2, t) -> np.ndarray:
    """The colour(s) a fraction t of the way from c1 to c2: (1 − t) c1 + t c2, t clipped to
    [0, 1]; t may be an array (one colour per value, shape t.shape + (3,))."""
    t = np.clip(np.asarray(t, dtype=np.float64), 0.0, 1.0)[..., None]
    return (1 - t) * rgb(c1) + t * rgb(c2)


#: A neuron's fill for its activation a: mix(background, text, lo + (hi − lo)·a) per theme, a
#: neutral ramp (no edge takes the text's hue: edges are blue and orange by sign, red for
#: gradients), its strength following a. Light: white to a dark grey, 0.85 of the way to the
#: text (to mid grey only, 0.6, values a tenth of the ramp apart read as one grey). Dark: from
#: 0.15 of the way to the text (every drawn activation stands 3:1 off the page) to the text
#: itself. Both span 0.85 of the page-to-text distance.
ACT_FILL = {"light": (0.0, 0.85), "dark": (0.15, 1.0)}
#: The same ramp where a neuron's value is written on its fill: held where the value's ink (the
#: text, in both themes) keeps 7:1 on every fill (on a mid grey the ink kept only about 5:1 in
#: both themes). Light: white to a light grey (the text 7.9:1 on the darkest). Dark: the dark
#: theme's own scale, the page to a dark grey a quarter of the way to the text (the text 7.2:1
#: on the lightest): from 0.7 of the way to the text, the discs read as near-white lamps on
#: the dark page, their dark numbers a negative of the light theme's.
ACT_FILL_VALUED = {"light": (0.0, 0.35), "dark": (0.0, 0.25)}


def activation_fill(theme, a, vmin: float = 0.0, vmax: float = 1.0,
                    steps: int | None = None) -> np.ndarray:
    """Fills (rgb rows) of neurons showing activations a on the ACT_FILL ramp, a = vmin at its
    faint end and a = vmax at its strong end (clipped outside). With `steps` the ramp is cut
    into that many equal bins of a, each one flat grey (activation_step gives the bin), so
    neighbouring greys differ by a visible step."""
    lo, hi = ACT_FILL[theme.name]
    if steps is None:
        s = np.clip((np.ravel(np.asarray(a, dtype=np.float64)) - vmin) / (vmax - vmin), 0, 1)
    else:
        s = activation_step(a, vmin, vmax, steps) / (steps - 1)
    return mix(theme.background, theme.text, lo + (hi - lo) * s)


def activation_step(a, vmin: float, vmax: float, steps: int) -> np.ndarray:
    """The bin (0 … steps − 1) of each activation a when [vmin, vmax] is cut into `steps`
    equal bins (vmax itself in the last; values outside clipped to the end bins)."""
    if steps < 2:
        raise ValueError(f"steps must be at least 2, got {steps}")
    s = (np.ravel(np.asarray(a, dtype=np.float64)) - vmin) / (vmax - vmin)
    return np.clip(np.floor(s * steps), 0, steps - 1).astype(int)
