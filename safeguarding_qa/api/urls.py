from typing import Any

from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("tokens/", views.token_list, name="api-token-list"),
    path("tokens/<int:pk>/revoke/", views.token_revoke_view, name="api-token-revoke"),
    path("", api.urls),
]


def _open_to_machines(patterns: list[Any]) -> None:
    """API calls authenticate with tokens, not sessions: the sign-in redirect of
    LoginRequiredMiddleware must not apply to them."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            _open_to_machines(pattern.url_patterns)
        else:
            pattern.callback.login_required = False


_open_to_machines(urlpatterns[2:])
