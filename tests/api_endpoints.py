"""The API's endpoints and operations, found by walking the `/api/v1/` router, so a new endpoint is covered (or
reported missing) by the contract suite and the permission matrix without anyone listing it."""

from dataclasses import dataclass

from config.api_urls import router
from registry.api.viewsets import RegistryViewSet

API = "/api/v1/"


@dataclass(frozen=True)
class Operation:
    prefix: str
    viewset: type
    action: str
    method: str
    detail: bool
    path: str  # e.g. "/api/v1/events/{id}/verify/"

    @property
    def key(self):
        return f"{self.method.upper()} {self.path}"

    def url(self, record=None):
        if not self.detail:
            return self.path
        return self.path.replace("{id}", str(lookup_value(self.viewset, record)))


def endpoints():
    """(prefix, viewset) of every endpoint of the router, in its order."""
    return [(prefix, viewset) for prefix, viewset, _basename in router.registry]


def registry_endpoints():
    return {prefix: viewset for prefix, viewset in endpoints() if issubclass(viewset, RegistryViewSet)}


def operations():
    """Every (endpoint, HTTP method, action) the router serves."""
    found = []
    for prefix, viewset in endpoints():
        for route in router.get_routes(viewset):
            mapping = router.get_method_map(viewset, route.mapping)
            path = API + route.url.format(prefix=prefix, lookup="{id}", trailing_slash="/").strip("^$")
            for method, action in mapping.items():
                if method in viewset.http_method_names:
                    found.append(Operation(prefix, viewset, action, method, route.detail, path))
    return found


def lookup_value(viewset, record):
    """The value that addresses `record` (the API's JSON of it) in a detail URL: its id, or e.g. a session's number."""
    field = getattr(viewset, "lookup_field", "pk")
    return record["id"] if field == "pk" else record[field]


def detail_url(prefix, record):
    viewset = dict(endpoints())[prefix]
    return f"{API}{prefix}/{lookup_value(viewset, record)}/"
