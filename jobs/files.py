"""Files that jobs read and write on someone's behalf, kept where only the server's own user may read them (what a
coordinator uploaded before anyone verified it; reports with figures not yet published)."""

import os
from pathlib import Path

from django.conf import settings


def private_dir(name):
    """The folder `name` under PRIVATE_UPLOAD_DIR, created readable and writable by the server's user only."""
    directory = Path(settings.PRIVATE_UPLOAD_DIR) / name
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    return directory


def write_privately(path, chunks):
    """Write `chunks` (bytes) to the new file `path`, readable and writable by the server's user only."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
