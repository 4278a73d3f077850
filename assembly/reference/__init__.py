"""True facts of the Assembly (from fixtures/reference/ and public sources), loaded idempotently."""

from assembly.models import Body, EthnicGroup, HouseOfFriendship, Session
from assembly.reference.base import CACHE, Existing
from assembly.reference.bodies import load_bodies, load_posts
from assembly.reference.documents import load_documents
from assembly.reference.network import load_ethnic_groups, load_houses
from assembly.reference.people import load_people
from assembly.reference.sessions import load_sessions

__all__ = ["Existing", "load"]


def load(stdout):
    CACHE.clear()
    bodies = load_bodies()
    load_posts(bodies)
    nazarbayev, tokayev = load_people(bodies)
    load_sessions(nazarbayev, tokayev)
    load_documents(bodies)
    load_ethnic_groups()
    load_houses(bodies)
    stdout.write(
        f"assembly: {Body.objects.count()} bodies, {Session.objects.count()} sessions, "
        f"{EthnicGroup.objects.count()} ethnic groups, {HouseOfFriendship.objects.count()} Houses of Friendship"
    )
    CACHE.clear()
