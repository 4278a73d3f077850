"""The backup drill restores the database into a scratch one and finds every table equal; it refuses SQLite."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from regions.models import Region


def drill():
    out = io.StringIO()
    call_command("backup_drill", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="the refusal is for databases other than PostgreSQL")
def test_the_drill_refuses_a_database_that_is_not_postgresql():
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        drill()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore need PostgreSQL")
def test_the_drill_restores_every_table_equal_and_drops_its_scratch_database(reference):
    output = drill()
    assert "All " in output and "tables restored with equal counts and checksums." in output
    region_line = next(line for line in output.splitlines() if line.startswith("regions_region "))
    assert region_line.split()[1:] == [str(Region.objects.count()), str(Region.objects.count()), "equal"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE %s", [connection.settings_dict["NAME"] + "_drill_%"]
        )
        assert cursor.fetchone()[0] == 0
