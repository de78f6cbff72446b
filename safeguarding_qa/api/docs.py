"""The API's documentation page: the OpenAPI description rendered as a GOV.UK page (no
third-party scripts, so it works within the site's content security policy)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

_METHODS = ("get", "post", "put", "patch", "delete")


class GovukDocs(DocsBase):
    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        operations = []
        for path, methods in schema["paths"].items():
            for method in _METHODS:
                operation = methods.get(method)
                if operation is None:
                    continue
                operations.append(
                    {
                        "id": f"op-{method}-{path.strip('/').replace('/', '-')}",
                        "method": method.upper(),
                        "path": path,
                        "summary": operation.get("summary", ""),
                        "description": operation.get("description", ""),
                        "responses": sorted(operation.get("responses", {}).keys()),
                    }
                )
        context = {
            "title": schema["info"]["title"],
            "description": schema["info"].get("description", ""),
            "operations": operations,
            "openapi_url": self.get_openapi_url(api, kwargs),
        }
        return render(request, "api/docs.html", context)
