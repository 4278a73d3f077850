"""Settings of the API: REST framework, the OpenAPI schema (drf-spectacular) and API tokens."""

import datetime
import os

from config.settings_security import TRUSTED_PROXY_COUNT

# API tokens (accounts.ApiToken) expire this long after they are issued.
API_TOKEN_TTL = datetime.timedelta(days=int(os.environ.get("API_TOKEN_TTL_DAYS", "30")))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous request is told how to authenticate (401) rather than refused (403).
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.permissions.RegistryPermission"],
    "DEFAULT_PAGINATION_CLASS": "registry.api.pagination.RegistryPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "registry.api.filters.RegistryFilterBackend",
        "registry.api.filters.RegistrySearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "registry.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "registry.api.renderers.RegistryJSONRenderer",
        "registry.api.renderers.RegistryBrowsableAPIRenderer",
        "registry.api.renderers.RegistryCSVRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "registry.api.schema.RegistryAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    # Throttling keys on the client address as accounts.network sees it: X-Forwarded-For counts only behind the
    # configured number of proxies.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "registry.api.exceptions.registry_exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

API_DESCRIPTION = """Registries of the Assembly of the People of Kazakhstan: regions and districts, the Assembly's \
bodies, people and sessions, ethnocultural associations and Houses of Friendship, councils, mediation and events.

Every registry follows the same conventions ([API conventions](/api/conventions/), also `docs/api.md` in the \
source): pages of 50 rows (`page`, `page_size` up to 1000) or cursors for a full sync (`pagination=cursor`); \
`updated_since` for incremental syncs; archived records only with `archived=include` or `only`; a region always by \
its ISO 3166-2 code (`KZ-10`); names in the language of `Accept-Language` (`kk`, `kk-Latn`, `ru`, `en`) in `name`, \
all three in `names`; `?format=csv` gives the same columns, with codes, as a table. Writes need a token \
(`POST /api/v1/auth/token/`) and `If-Match` with the record's `ETag` to refuse a change over someone else's."""

SPECTACULAR_SETTINGS = {
    "TITLE": "Shanyrak API",
    # The conventions behind every operation, linking docs/api.md (served at /api/conventions/).
    "DESCRIPTION": API_DESCRIPTION,
    "DEFAULT_GENERATOR_CLASS": "registry.api.schema.EnglishSchemaGenerator",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several registries have a `kind` or `status` with their own choices: name each choice set once.
    "ENUM_NAME_OVERRIDES": {
        "RegionKindEnum": "regions.models.RegionKind",
        "DistrictKindEnum": "regions.models.DistrictKind",
        "BodyKindEnum": "assembly.models.BodyKind",
        "BodyStatusEnum": "assembly.models.BodyStatus",
        "AssociationStatusEnum": "assembly.models.AssociationStatus",
        "HouseKindEnum": "assembly.models.HouseKind",
        "HouseStatusEnum": "assembly.models.HouseStatus",
        "InstructionStatusEnum": "assembly.models.InstructionStatus",
        "StrategicDocumentKindEnum": "assembly.models.StrategicDocumentKind",
        "ActivityKindEnum": "assembly.models.ActivityKind",
        "IdentifierSchemeEnum": "assembly.models.IdentifierScheme",
        "MembershipRoleEnum": "assembly.models.MembershipRole",
        "CouncilKindEnum": "councils.models.COUNCIL_KIND_CHOICES",
        "MediationCaseStatusEnum": "mediation.models.CaseStatus",
        "MothersHomeStatusEnum": "councils.models.HomeStatus",
        "SpokenLanguageEnum": "registry.languages.SPOKEN_LANGUAGE_CHOICES",
    },
}
