from rest_framework.routers import SimpleRouter

from events.api.views import EventStatsViewSet, EventViewSet, ProgrammeViewSet

router = SimpleRouter()
router.register("programmes", ProgrammeViewSet)
router.register("events", EventViewSet)
router.register("stats/events", EventStatsViewSet, basename="event-stats")
