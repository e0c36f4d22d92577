"""Uploads under any file name a browser sends.

Django keeps up to 255 characters of an upload's name, its extension whole, and
names the temporary file of a large upload (past FILE_UPLOAD_MAX_MEMORY_SIZE)
after that extension: a photo called ``a.`` followed by 250 accented letters
made a temporary name longer than the file system allows, and a server error.
Here the temporary file is named without it; the name is kept for the form,
which says how long a name may be.
"""

import tempfile

from django.conf import settings
from django.core.files import uploadhandler
from django.core.files.uploadedfile import TemporaryUploadedFile, UploadedFile


class PlainTemporaryUploadedFile(TemporaryUploadedFile):
    """Django's, in a temporary file whose name owes nothing to the upload's."""

    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        file = tempfile.NamedTemporaryFile(suffix=".upload", dir=settings.FILE_UPLOAD_TEMP_DIR)
        UploadedFile.__init__(self, file, name, content_type, size, charset, content_type_extra)


class TemporaryFileUploadHandler(uploadhandler.TemporaryFileUploadHandler):
    """Django's handler for large uploads, with the temporary file above."""

    def new_file(self, *args, **kwargs):
        uploadhandler.FileUploadHandler.new_file(self, *args, **kwargs)
        self.file = PlainTemporaryUploadedFile(
            self.file_name, self.content_type, 0, self.charset, self.content_type_extra
        )
