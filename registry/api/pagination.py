import json

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections, models
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination

from registry.numbers import bounded_id

# Page numbers are served up to this many rows deep; deeper reads go by cursor, which costs the same at any depth.
MAX_OFFSET = 10_000
# An unfiltered list whose planner estimate is above this many rows reports the estimate as its count.
ESTIMATE_ABOVE = 100_000
# The largest page a cursor walk (a full sync) may ask for; pages by number serve at most 1000 rows.
CURSOR_MAX_PAGE_SIZE = 5000
# Query parameters that do not narrow a list (anything else may filter it, so its count is exact).
NOT_FILTERS = {"page", "page_size", "format", "ordering", "pagination", "cursor", "lang"}


class RegistryPaginator(Paginator):
    """Django's paginator; on PostgreSQL an unfiltered list of a huge table counts by the planner's estimate."""

    estimate = False

    @cached_property
    def count(self):
        queryset = self.object_list
        if self.estimate and hasattr(queryset, "query"):
            connection = connections[queryset.db]
            if connection.vendor == "postgresql":
                try:
                    sql, params = queryset.order_by().query.sql_with_params()
                except EmptyResultSet:
                    return 0
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
                    plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                rows = int(plan[0]["Plan"]["Plan Rows"])
                if rows > ESTIMATE_ABOVE:
                    return rows
        return super().count


class RegistryCursorPagination(CursorPagination):
    """Keyset pagination for full syncs: as fast on the millionth row as on the first. A sync may ask for pages of
    up to CURSOR_MAX_PAGE_SIZE rows (fewer requests), where pages by number stop at 1000."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = CURSOR_MAX_PAGE_SIZE
    ordering = "pk"

    def get_ordering(self, request, queryset, view):
        # A cursor needs a unique, indexed order; the primary key is both, whatever `ordering=` asks.
        return (self.ordering,)

    def paginate_queryset(self, queryset, request, view=None):
        self.key_field = queryset.model._meta.pk
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        """A cursor this API gave out, or a 400: a forged one never reaches the database."""
        refusal = ValidationError({self.cursor_query_param: [_("Invalid cursor; start again with pagination=cursor.")]})
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise refusal from None
        if cursor is None or cursor.position is None:
            return cursor
        integer_key = isinstance(self.key_field, models.IntegerField | models.AutoField)
        if (integer_key and bounded_id(cursor.position) is None) or len(str(cursor.position)) > 100:
            raise refusal
        return cursor


class RegistryPagination(PageNumberPagination):
    """`?page=&page_size=` (50 by default, at most 1000); `?cursor=` or `?pagination=cursor` switches to cursors."""

    page_size = 50
    page_size_query_param = "page_size"
    page_size_query_description = gettext_lazy(
        "Rows per page: 50 by default, at most 1000, or at most 5000 when walking with pagination=cursor."
    )
    max_page_size = 1000

    def _cursor_mode(self, request):
        return "cursor" in request.query_params or request.query_params.get("pagination") == "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        if self._cursor_mode(request):
            self._cursor = RegistryCursorPagination()
            return self._cursor.paginate_queryset(queryset, request, view)
        self._cursor = None
        self.refuse_deep_page(request)
        self.estimate = not (set(request.query_params) - NOT_FILTERS)
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, *args, **kwargs):
        paginator = RegistryPaginator(*args, **kwargs)
        paginator.estimate = self.estimate
        return paginator

    def refuse_deep_page(self, request):
        """A page more than MAX_OFFSET rows deep is a 400 that points to cursor pagination."""
        try:
            number = int(request.query_params.get(self.page_query_param, 1))
        except (TypeError, ValueError):
            return  # DRF answers a page that is not a number
        size = self.get_page_size(request) or self.page_size
        if (number - 1) * size >= MAX_OFFSET:
            raise ValidationError(
                {
                    self.page_query_param: [
                        _(
                            "Pages are served by number up to %(rows)s rows deep. To read further, walk the list "
                            "with cursors: add pagination=cursor and follow the next links."
                        )
                        % {"rows": f"{MAX_OFFSET:,}"}
                    ]
                }
            )

    def get_paginated_response(self, data):
        if self._cursor is not None:
            return self._cursor.get_paginated_response(data)
        return super().get_paginated_response(data)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters.append(
            {
                "name": "pagination",
                "required": False,
                "in": "query",
                "description": "Pages by `page` number (the default) or by `cursor`.",
                "schema": {"type": "string", "enum": ["page", "cursor"]},
            }
        )
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

    def get_paginated_response_schema(self, schema):
        # A page by number carries `count`; a page by cursor has none (counting would defeat the cursor).
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["results"]
        response["properties"]["count"]["description"] = "Absent when the list is read by cursor."
        return response
