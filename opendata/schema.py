"""Column types of the open-data tables, read from the API's own OpenAPI description so the dump and the API
never disagree about a field."""

from functools import cache, cached_property

from drf_spectacular.generators import SchemaGenerator

FORMAT_TYPES = {"date": "date", "date-time": "datetime", "uri": "string", "email": "string"}
JSON_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean", "string": "string"}


class ApiSchema:
    """The OpenAPI document of /api/v1/, with $ref, allOf and oneOf resolved into flat column lists."""

    def __init__(self):
        self.document = openapi_document()

    @cached_property
    def components(self):
        return self.document["components"]["schemas"]

    def resolve(self, node):
        while "$ref" in node:
            node = self.components[node["$ref"].rsplit("/", 1)[-1]]
        for combinator in ("allOf", "oneOf", "anyOf"):
            if combinator in node:
                options = [self.resolve(option) for option in node[combinator]]
                chosen = next((option for option in options if option.get("type") or option.get("enum")), {})
                merged = {**chosen, **{key: value for key, value in node.items() if key != combinator}}
                if any(option.get("enum") == [None] or option.get("type") == "null" for option in options):
                    merged["nullable"] = True
                return merged
        return node

    def row_schema(self, list_path):
        """The schema of one row of the list at `list_path` (e.g. "/api/v1/events/")."""
        response = self.document["paths"][list_path]["get"]["responses"]["200"]
        page = self.resolve(response["content"]["application/json"]["schema"])
        rows = page["properties"]["results"] if "results" in page.get("properties", {}) else page
        return self.resolve(rows["items"])

    def columns(self, row_schema, prefix=""):
        """(name, frictionless field) pairs; nested objects become dotted columns, lists one JSON column."""
        for name, node in row_schema.get("properties", {}).items():
            node = self.resolve(node)
            column = f"{prefix}{name}"
            kind = node.get("type")
            if kind == "object" and node.get("properties"):
                yield from self.columns(node, prefix=f"{column}.")
                continue
            field = {"name": column, "type": self.field_type(node)}
            if node.get("description"):
                field["description"] = node["description"]
            yield field

    @staticmethod
    def field_type(node):
        kind = node.get("type")
        if kind == "array":
            return "array"
        if kind == "object":
            return "object"
        if kind == "string" and node.get("format") in FORMAT_TYPES:
            return FORMAT_TYPES[node["format"]]
        if kind is None and node.get("enum"):
            return "integer" if all(isinstance(choice, int) for choice in node["enum"] if choice) else "string"
        return JSON_TYPES.get(kind, "any")


@cache
def openapi_document():
    """Generated once per process: the API's shape only changes with the code."""
    return SchemaGenerator().get_schema(request=None, public=True)
