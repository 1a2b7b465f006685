#!/usr/bin/env python3
"""Draws the app's PNG icons (www/icons/icon-192.png, icon-512.png): a red
rounded square with a white tick. Pure Python (zlib), so no image tool is
needed; run once when the design changes and commit the PNGs."""
import os
import struct
import zlib

RED = (160, 29, 29)
WHITE = (255, 255, 255)


def png(size: int) -> bytes:
    radius = size * 0.18
    # The tick: two thick segments, in units of the icon's size.
    a, b, c = (0.27, 0.53), (0.43, 0.69), (0.75, 0.33)
    width = 0.09

    def dist(px, py, p, q):
        (x1, y1), (x2, y2) = p, q
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
        return ((px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2) ** 0.5

    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx = min(max(x, radius), size - 1 - radius)
            cy = min(max(y, radius), size - 1 - radius)
            inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
            u, v = (x + 0.5) / size, (y + 0.5) / size
            tick = min(dist(u, v, a, b), dist(u, v, b, c)) <= width / 2
            color, alpha = (WHITE if tick else RED), (255 if inside else 0)
            row += bytes(color) + bytes([alpha])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "www", "icons")
os.makedirs(out, exist_ok=True)
for size in (192, 512):
    with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
        f.write(png(size))
    print(f"icon-{size}.png")
