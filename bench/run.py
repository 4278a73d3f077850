#!/usr/bin/env python
"""`make bench`: run every bench/bench_*.py against a database of its own and print their figures.

The database is a fresh throwaway one: a test database next to DATABASE_URL's (PostgreSQL), or a temporary SQLite
file; it is dropped afterwards. Each benchmark module has `run(out)` and prints what it measured, with a ratio
against a baseline measured in the same run. Timings are figures to read, never assertions.
"""

import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")


def main(selected):
    import django
    from django.conf import settings

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(Path(tempfile.gettempdir()) / "shanyrak-bench.sqlite3")
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        modules = sorted(path.stem for path in (ROOT / "bench").glob("bench_*.py"))
        for name in modules:
            if selected and name not in selected:
                continue
            module = importlib.import_module(f"bench.{name}")
            print(f"\n== {name}: {(module.__doc__ or '').strip().splitlines()[0]}")
            started = time.perf_counter()
            module.run(sys.stdout)
            print(f"   ({time.perf_counter() - started:.1f} s in all)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main(set(sys.argv[1:]))
