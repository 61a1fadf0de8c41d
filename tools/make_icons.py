#!/usr/bin/env python3
"""Draws Vouch's app icons (a white check mark in a speech bubble on the brand green) as PNGs.
Run once; the PNGs are committed. Pure standard library, so it needs nothing installed."""
import struct
import zlib
from pathlib import Path

GREEN = (47, 93, 80)
CREAM = (250, 247, 240)


def inside_bubble(x, y, s, pad):
    # A rounded rectangle (the bubble body) plus a small tail at the bottom left.
    r = s * 0.16
    x0, y0, x1, y1 = pad, pad, s - pad, s - pad - s * 0.12
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    if x0 <= x <= x1 and y0 <= y <= y1 and (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
        return True
    tx, ty = x0 + s * 0.18, y1
    return ty <= y <= ty + s * 0.12 and tx <= x <= tx + (ty + s * 0.12 - y) * 1.3


def on_check(x, y, s):
    # Two thick strokes: (0.3,0.45)->(0.45,0.6) and (0.45,0.6)->(0.72,0.3).
    def seg(ax, ay, bx, by):
        ax, ay, bx, by = ax * s, ay * s, bx * s, by * s
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= (s * 0.055) ** 2

    return seg(0.30, 0.42, 0.45, 0.57) or seg(0.45, 0.57, 0.71, 0.29)


def draw(size, maskable):
    pad = size * (0.16 if maskable else 0.06)
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            if maskable:
                color = GREEN
                if inside_bubble(px, py, size, pad):
                    color = GREEN if on_check(px, py, size) else CREAM
                row += bytes(color) + b"\xff"
            elif inside_bubble(px, py, size, pad):
                row += bytes(CREAM if on_check(px, py, size) else GREEN) + b"\xff"
            else:
                row += b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


out = Path(__file__).resolve().parent.parent / "static" / "icons"
out.mkdir(parents=True, exist_ok=True)
for size in (192, 512):
    (out / f"icon-{size}.png").write_bytes(draw(size, False))
    (out / f"maskable-{size}.png").write_bytes(draw(size, True))
print("icons written to", out)
