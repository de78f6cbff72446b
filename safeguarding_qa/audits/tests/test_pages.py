"""Every page renders valid GOV.UK HTML (PageCheckingClient) for someone allowed to see it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeguarding_qa.access.matrix import World

from . import permission_matrix

GET_ROWS = [
    row
    for row in permission_matrix.ROUTES
    if row.method == "GET"
    and 200 in row.expected.values()
    and "export" not in row.url_name
    and "attachment" not in row.url_name
]


@pytest.mark.django_db
def test_every_page_is_well_formed(personas, organisations, client_as):
    world = World(personas=personas, organisations=organisations)
    permission_matrix.build(world)
    clients: dict[str, object] = {}
    for row in GET_ROWS:
        key = next(k for k, status in row.expected.items() if status == 200)
        client = clients.setdefault(key, client_as(key))
        url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else None)
        response = client.get(url)  # type: ignore[attr-defined]
        assert response.status_code == 200, url
    # Pages with errors render well too.
    admin = client_as("admin")
    other = world.objects["other_audit"]
    for name in ("audits:audit-create", "audits:question-create"):
        assert admin.post(reverse(name), {}).status_code == 200
    for name in ("audits:aim-write", "audits:case-add", "audits:audit-edit"):
        assert admin.post(reverse(name, args=[other.pk]), {}).status_code == 200
    chair = client_as("chair")
    objects = world.objects
    acknowledge = reverse("audits:live-concern-acknowledge", args=[objects["concern"].pk])
    assert chair.post(acknowledge, {}).status_code == 200
    summary = reverse("audits:panel-summary", args=[objects["panel_audit"].pk])
    assert chair.post(summary, {}).status_code == 200
    move = reverse("audits:audit-move", args=[objects["open_audit"].pk])
    assert admin.post(move).status_code == 200
