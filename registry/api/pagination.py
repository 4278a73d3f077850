from rest_framework.pagination import CursorPagination, PageNumberPagination


class RegistryCursorPagination(CursorPagination):
    """Keyset pagination for full syncs: as fast on the millionth row as on the first."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 1000
    ordering = "pk"

    def get_ordering(self, request, queryset, view):
        # A cursor needs a unique, indexed order; the primary key is both, whatever `ordering=` asks.
        return (self.ordering,)


class RegistryPagination(PageNumberPagination):
    """`?page=&page_size=` (50 by default, at most 1000); `?cursor=` or `?pagination=cursor` switches to cursors."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 1000

    def _cursor_mode(self, request):
        return "cursor" in request.query_params or request.query_params.get("pagination") == "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        if self._cursor_mode(request):
            self._cursor = RegistryCursorPagination()
            return self._cursor.paginate_queryset(queryset, request, view)
        self._cursor = None
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        if self._cursor is not None:
            return self._cursor.get_paginated_response(data)
        return super().get_paginated_response(data)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters.append(
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": "Cursor for keyset pagination; start a full sync with `pagination=cursor`.",
                "schema": {"type": "string"},
            }
        )
        return parameters
