"""Where checked uploads wait for confirmation and for their import job."""

import time

from jobs.files import private_dir, write_privately

STALE_UPLOAD_SECONDS = 24 * 3600


def upload_dir():
    """Where checked uploads wait for confirmation: a directory only the server's own user may read (the files
    hold what coordinators uploaded, before anyone verified it). Files left unconfirmed for a day are removed."""
    directory = private_dir("event-uploads")
    cutoff = time.time() - STALE_UPLOAD_SECONDS
    for leftover in directory.iterdir():
        if leftover.is_file() and leftover.stat().st_mtime < cutoff:
            leftover.unlink(missing_ok=True)
    return directory


def keep_privately(upload, path):
    """Write the upload to `path`, readable and writable by the server's user only."""
    upload.seek(0)
    write_privately(path, upload.chunks())
