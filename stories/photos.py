"""Checking and cleaning submitted photos with Pillow.

A photo is accepted only if Pillow decodes it as JPEG, PNG or WebP within the
size and pixel limits. What is stored is a fresh encoding of the pixels alone:
EXIF (GPS location included), XMP, IPTC, comments and colour-profile data of
the upload are all left behind.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


@dataclass
class CleanPhoto:
    content: ContentFile
    width: int
    height: int
    content_type: str


def _not_a_photo(name):
    return ValidationError(
        _("%(name)s is not a photo we can use. Please upload a JPEG, PNG or WebP image.")
        % {"name": name}
    )


def _too_many_pixels(name):
    return ValidationError(
        _("%(name)s has too many pixels. Please upload a photo under %(limit)d megapixels.")
        % {"name": name, "limit": settings.PHOTO_MAX_PIXELS // 1_000_000}
    )


def check_declared_size(upload):
    """Raise ValidationError unless the upload's bytes, and the pixels its header
    declares, are within the limits. Reads the header only: nothing is decoded, so
    that a form with a photo too large refuses it before decoding any other."""
    name = upload.name
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB. Please choose a smaller photo.")
            % {"name": name, "limit": settings.PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=list(FORMATS)) as image:
                pixels = image.width * image.height
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(name) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise _not_a_photo(name) from error
    if pixels > settings.PHOTO_MAX_PIXELS:
        raise _too_many_pixels(name)


def clean_photo(upload):
    """Return a metadata-free copy of an uploaded photo, or raise ValidationError."""
    check_declared_size(upload)
    name = upload.name
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=list(FORMATS)) as image:
                image_format = image.format
                image.load()
                image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(name) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise _not_a_photo(name) from error

    extension, content_type = FORMATS[image_format]
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    pixels_only = Image.new(image.mode, image.size)
    pixels_only.paste(image)

    out = io.BytesIO()
    options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    pixels_only.save(out, format=image_format, **options)
    return CleanPhoto(
        content=ContentFile(out.getvalue(), name=f"photo.{extension}"),
        width=pixels_only.width,
        height=pixels_only.height,
        content_type=content_type,
    )


# The renditions the public templates show, by the filters their {% picture %} tags
# give (stories/story_page.html, stories/includes/story_card.html: keep them the
# same). They are made when a story is published (``tasks.make_renditions``), so no
# reader waits while an AVIF is encoded (about a second and a half for 1200 pixels).
PICTURE_FORMATS = ("avif", "webp", "jpeg")
HERO_SIZES = ("width-640", "width-1200")
CARD_SIZES = ("fill-320x180", "fill-640x360")
GALLERY_SIZES = ("width-480", "width-960")


def picture_filters(sizes):
    """The filter specs of ``{% picture image format-{avif,webp,jpeg} <sizes> %}``."""
    return [f"format-{kind}|{size}" for kind in PICTURE_FORMATS for size in sizes]
