"""Draws the app icons of static/icons/shanyrak.svg as PNGs: `python -m portal.offline.icons static/icons` with a Python
that has Pillow (it is not a dependency of the app; the PNGs are kept in the repository)."""

import sys

from PIL import Image, ImageDraw

BLUE, GOLD, WHITE = (0, 117, 143), (242, 183, 5), (255, 255, 255)


def draw(size, padding=0.0, rounded=True):
    scale = 4  # drawn large, then reduced: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if rounded:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 96 // 512, fill=BLUE)
    else:
        pen.rectangle((0, 0, big, big), fill=BLUE)
    shrink = 1 - 2 * padding

    def at(value):
        return big * (padding + shrink * value / 512)

    def width(value):
        return max(1, round(big * shrink * value / 512))

    c = at(256)
    r = big * shrink * 150 / 512
    pen.ellipse((c - r, c - r, c + r, c + r), outline=GOLD, width=width(28))
    for x1, y1, x2, y2 in ((256, 120, 256, 392), (120, 256, 392, 256), (160, 160, 352, 352), (352, 160, 160, 352)):
        pen.line((at(x1), at(y1), at(x2), at(y2)), fill=WHITE, width=width(22))
        for x, y in ((x1, y1), (x2, y2)):
            half = width(22) / 2
            pen.ellipse((at(x) - half, at(y) - half, at(x) + half, at(y) + half), fill=WHITE)
    small = big * shrink * 44 / 512
    pen.ellipse((c - small, c - small, c + small, c + small), fill=GOLD)
    return image.resize((size, size), Image.LANCZOS)


def main(folder):
    draw(192).save(f"{folder}/shanyrak-192.png", optimize=True)
    draw(512).save(f"{folder}/shanyrak-512.png", optimize=True)
    draw(512, padding=0.1, rounded=False).save(f"{folder}/shanyrak-maskable-512.png", optimize=True)
    draw(180, rounded=False).convert("RGB").save(f"{folder}/apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main(sys.argv[1])
