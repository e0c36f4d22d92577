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


def clean_photo(upload):
    """Return a metadata-free copy of an uploaded photo, or raise ValidationError."""
    name = upload.name
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is larger than %(limit)d MB. Please choose a smaller photo.")
            % {"name": name, "limit": settings.PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    not_a_photo = ValidationError(
        _("%(name)s is not a photo we can use. Please upload a JPEG, PNG or WebP image.")
        % {"name": name}
    )
    too_big = ValidationError(
        _("%(name)s has too many pixels. Please upload a photo under %(limit)d megapixels.")
        % {"name": name, "limit": settings.PHOTO_MAX_PIXELS // 1_000_000}
    )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=list(FORMATS)) as image:
                if image.width * image.height > settings.PHOTO_MAX_PIXELS:
                    raise too_big
                image_format = image.format
                image.load()
                image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_big from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_a_photo from error

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
