"""People, bodies, posts and memberships as one Popolo document (https://www.popoloproject.com/specs/).

`popolo_document(user)` answers `{"persons", "organizations", "posts", "memberships"}` from the registries, in six
queries whatever the number of rows. It reads only the columns it writes, so a confidential field (a person's or an
association's e-mail, phone, address) can never reach it, whoever asks: the document is open data. Rows follow the
access policy (`accounts.access.readable`): anonymous readers get the public registries (bodies and posts); persons
and memberships are internal, so they come to signed-in readers only. Archived records are left out, and so is
every reference to one (a parent body, a membership of an archived person).

Names: `name` is in the reader's language (Accept-Language, with the registries' usual fallback); `other_names`
carries each other language the record is kept in as `{"name", "lang", "note": "multilingual"}`, and a body's former
names as `{"name", "lang", "start_date", "end_date", "note": "former name"}`, one per language. `lang` is not a
property of the 2014 specification's Other Name class; it is the usual extension for names in several languages.
"""

from django.conf import settings

from accounts.access import readable
from assembly.models import Body, BodyName, Identifier, Membership, Person, Post
from registry.kazakh_latin import in_reader_script, reads_latin
from registry.models import NAME_FIELDS, reading_order

MULTILINGUAL = "multilingual"
FORMER_NAME = "former name"


def popolo_id(kind, pk):
    return f"{kind}/{pk}" if pk is not None else None


def day(value):
    return value.isoformat() if value else None


def compact(record):
    """Popolo leaves out a property it has no value for."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def reader_name(row, base="name"):
    """(name in the reader's language or the first kept, the language column it came from)."""
    for code in reading_order():
        if value := row.get(f"{base}_{code}"):
            return in_reader_script(value, code), code
    return "", None


def language_names(row, base="name", **extra):
    """Every language `row` is kept in, except the one the reader gets as `name` (unless shown transliterated)."""
    _name, shown = reader_name(row, base)
    names = []
    for code in settings.RECORD_LANGUAGES:
        value = row.get(f"{base}_{code}")
        if value and (code != shown or (code == "kk" and reads_latin())):
            names.append(compact({"name": value, "lang": code, **extra}))
    return names


def former_names(rows):
    names = []
    for row in rows:
        dates = {"start_date": day(row["start_date"]), "end_date": day(row["end_date"])}
        for code in settings.RECORD_LANGUAGES:
            if value := row.get(f"name_{code}"):
                names.append(compact({"name": value, "lang": code, **dates, "note": FORMER_NAME}))
    return names


def grouped(rows, key):
    found = {}
    for row in rows:
        found.setdefault(row[key], []).append(row)
    return found


def organizations(user, listed_bodies):
    bodies = list(
        listed_bodies.order_by("pk").values("id", *NAME_FIELDS, "kind", "parent_id", "founded_on", "dissolved_on")
    )
    listed = {row["id"] for row in bodies}
    names = grouped(
        BodyName.objects.active()
        .filter(body_id__in=listed_bodies.values("pk"))
        .order_by("body_id", "start_date", "pk")
        .values("body_id", *NAME_FIELDS, "start_date", "end_date"),
        "body_id",
    )
    identifier_rows = readable(user, Identifier.objects.active()).filter(body_id__in=listed_bodies.values("pk"))
    identifiers = grouped(identifier_rows.order_by("pk").values("body_id", "scheme", "value"), "body_id")
    kinds = dict(Body._meta.get_field("kind").flatchoices)
    found = []
    for row in bodies:
        name, _code = reader_name(row)
        parent = row["parent_id"] if row["parent_id"] in listed else None
        found.append(
            compact(
                {
                    "id": popolo_id("organization", row["id"]),
                    "name": name,
                    "other_names": language_names(row, note=MULTILINGUAL) + former_names(names.get(row["id"], [])),
                    "identifiers": [
                        {"identifier": item["value"], "scheme": item["scheme"]}
                        for item in identifiers.get(row["id"], [])
                    ],
                    "classification": str(kinds.get(row["kind"], row["kind"])),
                    "parent_id": popolo_id("organization", parent),
                    "founding_date": day(row["founded_on"]),
                    "dissolution_date": day(row["dissolved_on"]),
                }
            )
        )
    return found


def role_label(role):
    return str(dict(Membership._meta.get_field("role").flatchoices).get(role, role))


def posts(user, listed_bodies):
    rows = list(
        readable(user, Post.objects.active())
        .filter(body_id__in=listed_bodies.values("pk"))
        .order_by("pk")
        .values("id", *NAME_FIELDS, "body_id", "role", "start_date", "end_date")
    )
    found = []
    for row in rows:
        label, _code = reader_name(row)
        found.append(
            compact(
                {
                    "id": popolo_id("post", row["id"]),
                    "label": label or role_label(row["role"]),
                    "other_label": [item["name"] for item in language_names(row)],
                    "role": role_label(row["role"]),
                    "organization_id": popolo_id("organization", row["body_id"]),
                    "start_date": day(row["start_date"]),
                    "end_date": day(row["end_date"]),
                }
            )
        )
    return found, rows


def persons(listed_persons):
    rows = list(
        listed_persons.order_by("pk").values(
            "id", *NAME_FIELDS, "surname", "given_name", "patronymic", "biography_kk", "biography_ru", "biography_en"
        )
    )
    found = []
    for row in rows:
        name, _code = reader_name(row)
        full_name = " ".join(part for part in (row["surname"], row["given_name"], row["patronymic"]) if part)
        biography, _code = reader_name(row, "biography")
        found.append(
            compact(
                {
                    "id": popolo_id("person", row["id"]),
                    "name": name or full_name,
                    "other_names": language_names(row, note=MULTILINGUAL),
                    "family_name": row["surname"],
                    "given_name": row["given_name"],
                    "patronymic_name": row["patronymic"],
                    "biography": biography,
                }
            )
        )
    return found


def post_for(membership, post_rows):
    """The post a membership fills: the body's post of its role in force when the membership began."""
    start = membership["start_date"]
    for post in post_rows:
        if post["body_id"] != membership["body_id"] or post["role"] != membership["role"]:
            continue
        if start is None or (
            (post["start_date"] is None or post["start_date"] <= start)
            and (post["end_date"] is None or start <= post["end_date"])
        ):
            return post["id"]
    return None


def memberships(user, listed_persons, listed_bodies, post_rows):
    rows = (
        readable(user, Membership.objects.active())
        .filter(person_id__in=listed_persons.values("pk"), body_id__in=listed_bodies.values("pk"))
        .order_by("pk")
        .values("id", "person_id", "body_id", "role", "start_date", "end_date")
    )
    by_body = grouped(post_rows, "body_id")
    return [
        compact(
            {
                "id": popolo_id("membership", row["id"]),
                "role": role_label(row["role"]),
                "person_id": popolo_id("person", row["person_id"]),
                "organization_id": popolo_id("organization", row["body_id"]),
                "post_id": popolo_id("post", post_for(row, by_body.get(row["body_id"], []))),
                "start_date": day(row["start_date"]),
                "end_date": day(row["end_date"]),
            }
        )
        for row in rows
    ]


def popolo_document(user):
    """The Popolo document `user` may read, in the active language."""
    listed_bodies = readable(user, Body.objects.active())
    listed_persons = readable(user, Person.objects.active())
    found_posts, post_rows = posts(user, listed_bodies)
    return {
        "persons": persons(listed_persons),
        "organizations": organizations(user, listed_bodies),
        "posts": found_posts,
        "memberships": memberships(user, listed_persons, listed_bodies, post_rows),
    }
