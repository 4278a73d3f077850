#!/usr/bin/env python
"""`make bench`: run every bench/bench_*.py against a database and print their figures.

By default the database is a fresh throwaway one: a test database next to DATABASE_URL's (PostgreSQL), or a
temporary SQLite file; it is dropped afterwards. BENCH_DATABASE=<database URL> keeps one instead (migrated, seeded
once and reused: the national seed is idempotent); benchmarks that write rows other than the seed then run inside a
transaction that is rolled back. BENCH_FACTOR scales the national seed (1 = the country; 0.2 = a fifth).

Each benchmark module has `run(out)` and prints what it measured, with a ratio against a baseline measured in the
same run. Timings are figures to read, never assertions.
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
# Benchmarks measure the code, not the anonymous throttle of a public deployment.
os.environ.setdefault("API_ANON_RATE", "1000000/minute")


class Rollback(Exception):
    pass


def main(selected):
    import django
    from django.conf import settings

    kept = os.environ.get("BENCH_DATABASE")
    if kept:
        import dj_database_url

        settings.DATABASES["default"] = dj_database_url.parse(kept)
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import setup_test_environment, teardown_test_environment

    database = settings.DATABASES["default"]
    setup_test_environment()
    if kept:
        call_command("migrate", verbosity=0)
    else:
        if database["ENGINE"].endswith("sqlite3"):
            database.setdefault("TEST", {})["NAME"] = str(Path(tempfile.gettempdir()) / "shanyrak-bench.sqlite3")
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
            if kept and not getattr(module, "KEEP", False):
                try:
                    with transaction.atomic():
                        module.run(sys.stdout)
                        raise Rollback
                except Rollback:
                    pass
            else:
                module.run(sys.stdout)
            print(f"   ({time.perf_counter() - started:.1f} s in all)")
    finally:
        if not kept:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main(set(sys.argv[1:]))
