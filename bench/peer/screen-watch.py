#!/usr/bin/env python3
"""Reads what an X display shows, for bench/peer-figures: the same method for the kiosk and for
Chromium, so their start times compare.

  screen-watch.py first-frame READY_FILE TIMEOUT_S
      Waits for READY_FILE (written by the program's launcher just before it execs the program:
      "DISPLAY XAUTHORITY START_TIME", START_TIME in seconds since the epoch), then reads the
      display's root window over and over (XGetImage, about every 10 ms plus the read itself)
      until it shows a first frame of the attract screen, and prints the seconds from
      START_TIME to the end of that read. A first frame is a read with at least
      GOLD_SHARE of its pixels exactly the theme's gold (#e0b652): the "Norsk" button and the
      prompt, which both programs fill with it. An empty Xvfb (black) and Chromium's empty
      window (white) have none. Exits 1 on timeout.
  screen-watch.py save DISPLAY FILE.png
      Writes what DISPLAY shows now to FILE.png (XAUTHORITY from the environment).

Only the Python standard library and libX11 (ctypes): no X tools need be installed.
"""
import ctypes
import ctypes.util
import os
import struct
import sys
import time
import zlib

GOLD_SHARE = 0.003
POLL_PAUSE_S = 0.010


class XImage(ctypes.Structure):
    # The leading fields of Xlib's XImage (X11/Xlib.h), as far as bits_per_pixel.
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class Display:
    """One connection to an X display; read() returns the root window's pixels as BGRX rows."""

    def __init__(self, name):
        path = ctypes.util.find_library("X11")
        if path is None:
            raise SystemExit("screen-watch: libX11 not found")
        self.x = ctypes.CDLL(path)
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XDefaultScreen.argtypes = [ctypes.c_void_p]
        self.x.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x.XGetImage.restype = ctypes.POINTER(XImage)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                     ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XFree.argtypes = [ctypes.c_void_p]
        self.display = self.x.XOpenDisplay(name.encode())
        if not self.display:
            raise SystemExit(f"screen-watch: cannot open display {name}")
        screen = self.x.XDefaultScreen(self.display)
        self.width = self.x.XDisplayWidth(self.display, screen)
        self.height = self.x.XDisplayHeight(self.display, screen)
        self.root = self.x.XDefaultRootWindow(self.display)

    def read(self):
        all_planes, z_pixmap = 0xFFFFFFFF, 2
        image = self.x.XGetImage(self.display, self.root, 0, 0, self.width, self.height, all_planes, z_pixmap)
        if not image:
            raise SystemExit("screen-watch: XGetImage failed")
        try:
            if image.contents.bits_per_pixel != 32 or image.contents.byte_order != 0:
                raise SystemExit("screen-watch: expected a 24-bit display read as 32-bit LSB-first pixels")
            stride = image.contents.bytes_per_line
            return stride, ctypes.string_at(image.contents.data, stride * self.height)
        finally:
            self.x.XFree(image.contents.data)
            self.x.XFree(image)


def gold_pixels(pixels):
    # BGRX bytes of #e0b652; a match straddling two pixels would need a pixel ending in 52 b6
    # before one starting with e0, which the count can bear at the share asked for.
    return pixels.count(b"\x52\xb6\xe0")


def first_frame(ready_file, timeout_s):
    deadline = time.time() + timeout_s
    while not os.path.exists(ready_file) or os.path.getsize(ready_file) == 0:
        if time.time() > deadline:
            raise SystemExit(f"screen-watch: {ready_file} never appeared")
        time.sleep(0.002)
    time.sleep(0.002)  # the launcher writes one short line; let it finish
    with open(ready_file) as f:
        name, authority, started = f.read().split()
    os.environ["XAUTHORITY"] = authority
    display = Display(name)
    need = GOLD_SHARE * display.width * display.height
    while time.time() < deadline:
        _, pixels = display.read()
        shown = time.time()
        if gold_pixels(pixels) >= need:
            print(f"{shown - float(started):.3f}")
            return 0
        time.sleep(POLL_PAUSE_S)
    print("screen-watch: no first frame before the timeout", file=sys.stderr)
    return 1


def save(name, path):
    display = Display(name)
    stride, pixels = display.read()
    rows = bytearray()
    for y in range(display.height):
        row = pixels[y * stride:y * stride + display.width * 4]
        rgb = bytearray(display.width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = row[2::4], row[1::4], row[0::4]
        rows += b"\x00" + rgb

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", display.width, display.height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b""))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "first-frame":
        sys.exit(first_frame(sys.argv[2], float(sys.argv[3])))
    if len(sys.argv) == 4 and sys.argv[1] == "save":
        sys.exit(save(sys.argv[2], sys.argv[3]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
