"""The Assembly's registries, one module per concept; every model and choice is importable from here."""

from assembly.models.bodies import (
    ASSEMBLY_KINDS,
    Body,
    BodyKind,
    BodyName,
    BodyStatus,
    Identifier,
    IdentifierScheme,
    Level,
)
from assembly.models.documents import (
    StrategicDocument,
    StrategicDocumentKind,
)
from assembly.models.instructions import (
    OPEN_STATUSES,
    STATUS_TRANSITIONS,
    Instruction,
    InstructionQuerySet,
    InstructionStatus,
    ProgressReport,
)
from assembly.models.network import (
    HOUSE_LEVELS,
    ActivityKind,
    AssociationActivity,
    AssociationStatus,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    HouseStatus,
)
from assembly.models.people import (
    EndReason,
    Membership,
    MembershipRole,
    Person,
    Post,
)
from assembly.models.sessions import (
    AgendaItem,
    Award,
    AwardPresentation,
    Session,
    SessionDocument,
    SessionDocumentKind,
)

__all__ = [
    "ASSEMBLY_KINDS",
    "HOUSE_LEVELS",
    "OPEN_STATUSES",
    "STATUS_TRANSITIONS",
    "ActivityKind",
    "AgendaItem",
    "AssociationActivity",
    "AssociationStatus",
    "Award",
    "AwardPresentation",
    "Body",
    "BodyKind",
    "BodyName",
    "BodyStatus",
    "EndReason",
    "EthnicGroup",
    "EthnoculturalAssociation",
    "HouseKind",
    "HouseOfFriendship",
    "HouseStatus",
    "Identifier",
    "IdentifierScheme",
    "Instruction",
    "InstructionQuerySet",
    "InstructionStatus",
    "Level",
    "Membership",
    "MembershipRole",
    "Person",
    "Post",
    "ProgressReport",
    "Session",
    "SessionDocument",
    "SessionDocumentKind",
    "StrategicDocument",
    "StrategicDocumentKind",
]
