from rest_framework.routers import SimpleRouter

from assembly.api import views
from assembly.api.popolo import PopoloViewSet

router = SimpleRouter()
router.register("assemblies", views.AssemblyViewSet, basename="assembly")
router.register("bodies", views.BodyViewSet, basename="body")
router.register("body-names", views.BodyNameViewSet)
router.register("identifiers", views.IdentifierViewSet)
router.register("persons", views.PersonViewSet)
router.register("memberships", views.MembershipViewSet)
router.register("posts", views.PostViewSet)
router.register("sessions", views.SessionViewSet)
router.register("instructions", views.InstructionViewSet)
router.register("progress-reports", views.ProgressReportViewSet)
router.register("documents", views.StrategicDocumentViewSet)
router.register("ethnic-groups", views.EthnicGroupViewSet)
router.register("associations", views.AssociationViewSet)
router.register("houses-of-friendship", views.HouseOfFriendshipViewSet)
router.register("association-activities", views.AssociationActivityViewSet)
router.register("popolo", PopoloViewSet, basename="popolo")
