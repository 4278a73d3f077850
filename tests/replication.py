"""A PostgreSQL primary and a streaming standby of it, made for a test module in a temporary directory.

The local server may hold other people's databases, and `pg_basebackup` copies a whole cluster: so this makes a
small cluster of its own (`initdb`, on a free port), then its standby (`pg_basebackup -R`, on another port), both
run by the `postgres` system user when the tests run as root (PostgreSQL refuses to run as root). Both are stopped
and the directory removed at the end. Skipped, saying why, where the server binaries are not installed.
"""

import contextlib
import dataclasses
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from tests.serverkit import free_port

DATABASE = "shanyrak"


def server_binaries():
    """The directory with pg_ctl, initdb and pg_basebackup, or None."""
    candidates = [os.path.dirname(shutil.which("pg_ctl") or "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    needed = ("pg_ctl", "initdb", "pg_basebackup")
    for directory in candidates:
        if directory and all(os.access(Path(directory) / name, os.X_OK) for name in needed):
            return Path(directory)
    return None


@dataclasses.dataclass
class Cluster:
    directory: Path
    port: int

    def url(self, database=DATABASE):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database=DATABASE):
        return psycopg.connect(self.url(database), autocommit=True, connect_timeout=5)


class StreamingPair:
    def __init__(self, binaries, root):
        self.binaries = binaries
        self.root = root
        self.user = "postgres" if os.geteuid() == 0 else None
        self.primary = Cluster(root / "primary", free_port())
        self.standby = Cluster(root / "standby", free_port())

    def run(self, program, *arguments):
        command = [str(self.binaries / program), *arguments]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=True, timeout=300)

    def start(self, cluster):
        self.run("pg_ctl", "-D", str(cluster.directory), "-l", str(self.root / f"{cluster.port}.log"), "-w", "start")

    def stop(self, cluster):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", str(cluster.directory), "-m", "fast", "-w", "stop")

    def settings(self, cluster):
        with (cluster.directory / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nport = {cluster.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{self.root}'\n"
                "wal_level = replica\nmax_wal_senders = 4\nfsync = off\nfull_page_writes = off\n"
            )

    def make(self):
        self.run("initdb", "-D", str(self.primary.directory), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.settings(self.primary)
        self.start(self.primary)
        with self.primary.connect("postgres") as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")
        self.run(
            "pg_basebackup", "-R", "-D", str(self.standby.directory), "-h", "127.0.0.1",
            "-p", str(self.primary.port), "-U", "postgres", "--checkpoint=fast",
        )  # fmt: skip
        self.settings(self.standby)  # the copied settings name the primary's port: the last line wins
        self.start(self.standby)

    def wait_for(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.2)
        return False

    def logs(self):
        return "\n".join(path.read_text()[-2000:] for path in self.root.glob("*.log"))


def streaming_pair_fixture():
    binaries = server_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL server binaries (pg_ctl, initdb, pg_basebackup) are not installed")
    root = Path(tempfile.mkdtemp(prefix="shanyrak-replication-"))
    pair = StreamingPair(binaries, root)
    if pair.user:
        account = pwd.getpwnam(pair.user)
        os.chown(root, account.pw_uid, account.pw_gid)
    try:
        pair.make()
        yield pair
    finally:
        pair.stop(pair.standby)
        pair.stop(pair.primary)
        shutil.rmtree(root, ignore_errors=True)
