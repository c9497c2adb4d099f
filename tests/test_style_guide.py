"""The style guide's pictures (docs/STYLE.md, drawn by docs/style/pictures.py): every picture it
shows exists, comes as a before/after pair and stays small; every picture drawn is shown."""

import re
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "STYLE.md"
PICTURES = ROOT / "docs" / "style"
#: The largest a picture of the guide may be (bytes).
MAX_BYTES = 60_000


def shown() -> list[str]:
    return re.findall(r"!\[[^\]]+\]\((style/[^)]+\.png)\)", GUIDE.read_text(encoding="utf-8"))


def test_every_picture_shown_exists_and_is_small():
    links = shown()
    assert len(links) == 12
    for link in links:
        path = GUIDE.parent / link
        assert path.is_file(), link
        assert path.stat().st_size <= MAX_BYTES, (link, path.stat().st_size)
        with Image.open(path) as im:
            assert im.format == "PNG"
            assert 200 <= im.width <= 800, (link, im.size)


def test_pictures_come_in_before_after_pairs_and_all_are_shown():
    links = {Path(link).name for link in shown()}
    assert links == {p.name for p in PICTURES.glob("*.png")}
    stems = {n.rsplit("-", 1)[0] for n in links}
    assert stems == {"faces", "markers", "numbers", "cost-map", "cost-map-dark", "casing"}
    assert links == {f"{s}-{w}.png" for s in stems for w in ("before", "after")}
