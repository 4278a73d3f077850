"""Prove that a backup restores: pg_dump this database, restore it into a scratch database, and compare every table's
row count and checksum between the two. The scratch database is dropped afterwards, whatever happened."""

import os
import secrets
import shutil
import subprocess
import tempfile

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql


def table_figures(conn):
    """{table: (rows, md5 of its rows in a fixed order)} for every table of the public schema."""
    figures = {}
    with conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        for (table,) in cursor.fetchall():
            cursor.execute(
                sql.SQL(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {} t"
                ).format(sql.Identifier(table))
            )
            figures[table] = cursor.fetchone()
    return figures


class Command(BaseCommand):
    help = (
        "Back up the database with pg_dump, restore it into a scratch database, compare the row count and checksum "
        "of every table, drop the scratch database. Exits non-zero on any difference. PostgreSQL only."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                f"The backup drill needs PostgreSQL (pg_dump and pg_restore); this database is {connection.vendor}."
            )
        for tool in ("pg_dump", "pg_restore"):
            if shutil.which(tool) is None:
                raise CommandError(f"{tool} is not installed (Debian: apt-get install postgresql-client).")
        params = connection.get_connection_params()
        source = connection.settings_dict["NAME"]
        scratch = f"{source}_drill_{secrets.token_hex(4)}"[:63]
        env = {**os.environ, **self.libpq_env(params)}

        with tempfile.TemporaryDirectory() as folder:
            dump = os.path.join(folder, "backup.dump")
            self.run(["pg_dump", "--format=custom", "--no-owner", "--file", dump, source], env)
            self.stdout.write(f"Backed up {source}: {os.path.getsize(dump):,} bytes.")
            with connection.cursor() as cursor:
                cursor.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)).as_string(cursor.connection)
                )
            try:
                self.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", scratch, dump], env)
                self.stdout.write(f"Restored into {scratch}.")
                with connection.cursor() as cursor:
                    original = table_figures(cursor.connection)
                with psycopg.connect(**{**params, "dbname": scratch}) as restored_conn:
                    restored = table_figures(restored_conn)
            finally:
                with connection.cursor() as cursor:
                    cursor.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                        .format(sql.Identifier(scratch))
                        .as_string(cursor.connection)
                    )
                self.stdout.write(f"Dropped {scratch}.")

        return self.report(original, restored)

    def report(self, original, restored):
        tables = sorted(set(original) | set(restored))
        width = max(len(table) for table in tables)
        self.stdout.write(f"{'table':<{width}}  {'rows':>9}  {'restored':>9}  checksum")
        differences = 0
        for table in tables:
            rows, digest = original.get(table, (None, None))
            rows_after, digest_after = restored.get(table, (None, None))
            same = rows == rows_after and digest == digest_after
            differences += not same
            verdict = "equal" if same else "DIFFERENT"
            self.stdout.write(f"{table:<{width}}  {rows!s:>9}  {rows_after!s:>9}  {verdict}")
        if differences:
            raise CommandError(f"{differences} of {len(tables)} tables differ after the restore.")
        self.stdout.write(self.style.SUCCESS(f"All {len(tables)} tables restored with equal counts and checksums."))

    @staticmethod
    def libpq_env(params):
        names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
        return {env: str(params[key]) for key, env in names.items() if params.get(key)}

    @staticmethod
    def run(command, env):
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")
