"""Where checked uploads wait for confirmation and for their import job."""

import os
import time
from pathlib import Path

from django.conf import settings

STALE_UPLOAD_SECONDS = 24 * 3600


def upload_dir():
    """Where checked uploads wait for confirmation: a directory only the server's own user may read (the files
    hold what coordinators uploaded, before anyone verified it). Files left unconfirmed for a day are removed."""
    directory = Path(settings.PRIVATE_UPLOAD_DIR) / "event-uploads"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    cutoff = time.time() - STALE_UPLOAD_SECONDS
    for leftover in directory.iterdir():
        if leftover.is_file() and leftover.stat().st_mtime < cutoff:
            leftover.unlink(missing_ok=True)
    return directory


def keep_privately(upload, path):
    """Write the upload to `path`, readable and writable by the server's user only."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        upload.seek(0)
        for chunk in upload.chunks():
            handle.write(chunk)
