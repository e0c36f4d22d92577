"""Image files made on the fly for the upload tests."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def photo(name="photo.jpg", size=(64, 48), image_format="JPEG", with_gps=False):
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0131] = "PhotoEditor 1.0"  # Software
    if with_gps:
        exif[GPS_IFD] = {1: "N", 2: (44.0, 1.0, 30.0), 3: "W", 4: (92.0, 5.0, 10.0)}
    out = io.BytesIO()
    image.save(out, format=image_format, exif=exif.tobytes())
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[image_format]
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


def text_file_named_jpg():
    return SimpleUploadedFile("holiday.jpg", b"just some words, not a photo", "image/jpeg")


def decompression_bomb(name="bomb.png", side=40_000):
    """A tiny PNG whose header claims side×side pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, png, content_type="image/png")
