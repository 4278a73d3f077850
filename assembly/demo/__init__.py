"""Demo data for the Assembly's registries, on top of the reference facts. Every demo record is marked:
bodies and people end their English name with "(demo)", other rows say DEMO in a note or text.

Idempotent: rows are looked up by their natural keys and only the missing ones are created.
"""

import random

from assembly.demo.network import seed_associations, seed_ethnic_groups, seed_houses, seed_public_associations
from assembly.demo.people import seed_people
from assembly.demo.sessions import seed_sessions
from assembly.models import EthnoculturalAssociation, HouseOfFriendship, Instruction, Person
from regions.models import Region


def seed(stdout):
    rng = random.Random(2025)
    regions = {region.iso_code: region for region in Region.objects.all()}
    groups = seed_ethnic_groups()
    houses = seed_houses(regions)
    created = seed_associations(rng, regions, groups, houses)
    seed_public_associations(regions)
    people = seed_people(rng, regions)
    seed_sessions(people)
    stdout.write(
        f"assembly demo: {EthnoculturalAssociation.objects.count()} associations ({created} new), "
        f"{HouseOfFriendship.objects.count()} Houses of Friendship, {Person.objects.count()} persons, "
        f"{Instruction.objects.count()} instructions"
    )
