"""Renders the app icon (resources/icons/shiftwell.svg) into the files installers want.

Writes packaging/icons/: shiftwell-<size>.png for the freedesktop icon theme, shiftwell.ico
(Windows) and shiftwell.icns (macOS). The outputs are committed, so a build needs neither
this script nor Pillow; run it again after changing the SVG:

    .venv/bin/pip install "pillow>=10"
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
"""

# A build tool, drawing with Qt's SVG renderer.

from __future__ import annotations

import io
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "shiftwell.svg"
OUT = ROOT / "packaging" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent square image of `size` pixels, antialiased."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(buffer.data().data())


def write_icons(svg: Path = SVG, out: Path = OUT) -> list[Path]:
    from PIL import Image  # only here: building the app does not need Pillow

    out.mkdir(parents=True, exist_ok=True)
    rendered = {size: png_bytes(render(svg, size)) for size in {*PNG_SIZES, *ICNS_SIZES}}
    written = []
    for size in PNG_SIZES:
        path = out / f"shiftwell-{size}.png"
        path.write_bytes(rendered[size])
        written.append(path)
    images = {size: Image.open(io.BytesIO(data)) for size, data in rendered.items()}
    largest = images[max(ICO_SIZES)]
    ico = out / "shiftwell.ico"
    # Each size drawn from the vector, not scaled down from the largest.
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns = out / "shiftwell.icns"
    images[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    return [*written, ico, icns]


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
