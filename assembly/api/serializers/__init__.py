"""The Assembly's API serializers, one module per concept, all importable from here."""

from assembly.api.serializers.bodies import (
    AssemblySerializer,
    BodyIdentifierSerializer,
    BodyNameSerializer,
    BodySerializer,
    FormerNameSerializer,
    IdentifierSerializer,
)
from assembly.api.serializers.documents import (
    StrategicDocumentSerializer,
)
from assembly.api.serializers.instructions import (
    InstructionReportSerializer,
    InstructionSerializer,
    ProgressReportSerializer,
)
from assembly.api.serializers.network import (
    ActivitySerializer,
    AssociationSerializer,
    EthnicGroupSerializer,
    HouseOfFriendshipSerializer,
    LeaderField,
    NestedActivitySerializer,
)
from assembly.api.serializers.people import (
    MembershipSerializer,
    PersonMembershipSerializer,
    PersonSerializer,
    PostSerializer,
)
from assembly.api.serializers.sessions import (
    AgendaItemSerializer,
    AwardPresentationSerializer,
    SessionDocumentSerializer,
    SessionSerializer,
)

__all__ = [
    "ActivitySerializer",
    "AgendaItemSerializer",
    "AssemblySerializer",
    "AssociationSerializer",
    "AwardPresentationSerializer",
    "BodyIdentifierSerializer",
    "BodyNameSerializer",
    "BodySerializer",
    "EthnicGroupSerializer",
    "FormerNameSerializer",
    "HouseOfFriendshipSerializer",
    "IdentifierSerializer",
    "InstructionReportSerializer",
    "InstructionSerializer",
    "LeaderField",
    "MembershipSerializer",
    "NestedActivitySerializer",
    "PersonMembershipSerializer",
    "PersonSerializer",
    "PostSerializer",
    "ProgressReportSerializer",
    "SessionDocumentSerializer",
    "SessionSerializer",
    "StrategicDocumentSerializer",
]
