from rest_framework_csv.renderers import CSVRenderer


class RegistryCSVRenderer(CSVRenderer):
    """`?format=csv`: the rows of the page (or the record) as CSV, columns in the JSON's order.

    Nested values become dotted columns: `names.kk`, `names.ru`, `names.en`.
    """

    results_field = "results"

    def render(self, data, media_type=None, renderer_context=None):
        renderer_context = dict(renderer_context or {})
        if isinstance(data, dict) and self.results_field in data:
            data = data[self.results_field]
        rows = data if isinstance(data, list) else [data]
        if rows and "header" not in renderer_context:
            header = {}
            for row in rows:
                header.update(dict.fromkeys(self.flatten_item(row)))
            renderer_context["header"] = list(header)
        return super().render(rows, media_type, renderer_context)
