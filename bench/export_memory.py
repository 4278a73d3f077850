"""One streamed export in a process of its own, for its peak resident memory (RSS) as the operating system counts it.

Run by bench_national_reads.py, never by hand: the database settings and the API token arrive in the environment
(BENCH_CHILD_DATABASE as JSON, BENCH_CHILD_TOKEN), the export's path as the argument. It prints one JSON line: the
rows sent, the RSS once Django has answered an empty export (the worker's floor) and the peak RSS after the whole
export. Peak RSS only grows, so the difference is what the export itself needed.
"""

import json
import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("API_ANON_RATE", "1000000/minute")


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main(path):
    import django
    from django.conf import settings

    settings.DATABASES["default"].update(json.loads(os.environ["BENCH_CHILD_DATABASE"]))
    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client(HTTP_AUTHORIZATION=f"Token {os.environ['BENCH_CHILD_TOKEN']}", HTTP_ACCEPT_LANGUAGE="en")
    separator = "&" if "?" in path else "?"
    b"".join(client.get(f"{path}{separator}start_date__gte=2999-12-31").streaming_content)  # no rows: the floor
    floor = peak_rss_mb()
    rows = 0
    for chunk in client.get(path).streaming_content:
        rows += chunk.count(b"\n")
    print(json.dumps({"rows": rows, "floor_mb": floor, "peak_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main(sys.argv[1])
