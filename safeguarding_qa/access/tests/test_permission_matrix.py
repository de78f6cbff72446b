"""Every route × every persona → the expected status; refused writes change nothing."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from safeguarding_qa.access.matrix import ANONYMOUS, PERSONA_KEYS, RouteCheck, World, named_routes
from safeguarding_qa.core.testing import sign_in_recently


def _matrix_modules() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("safeguarding_qa."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.tests.permission_matrix"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.permission_matrix":
                raise
    return modules


MODULES = _matrix_modules()
ROUTES: list[RouteCheck] = [route for module in MODULES for route in module.ROUTES]
# Which module's world a route needs: building only that one keeps the matrix fast as the
# number of apps grows; a module whose world needs another's falls back to all of them.
_OWNER = {id(route): module for module in MODULES for route in module.ROUTES}


def test_every_named_route_has_a_row_in_the_matrix():
    covered = {route.url_name for route in ROUTES}
    missing = sorted(named_routes() - covered)
    assert missing == [], f"Routes with no permission-matrix row: {missing}"


def test_matrix_rows_name_real_routes():
    unknown = sorted({route.url_name for route in ROUTES} - named_routes())
    assert unknown == []


def _fingerprint_sql() -> str:
    """One statement over every project table: row count, highest key, latest change."""
    quote = connection.ops.quote_name
    parts = []
    for model in apps.get_models():
        if not model.__module__.startswith("safeguarding_qa."):
            continue
        columns = {f.name: str(f.column) for f in model._meta.concrete_fields}
        pk = quote(str(model._meta.pk.column if model._meta.pk else "id"))
        updated = (
            f"CAST(MAX({quote(columns['updated_at'])}) AS TEXT)"
            if "updated_at" in columns
            else "NULL"
        )
        # Table and column names come from the models, never from input.
        select = f"SELECT '{model._meta.label}', COUNT(*), CAST(MAX({pk}) AS TEXT), {updated} "
        parts.append(select + f"FROM {quote(model._meta.db_table)}")
    return " UNION ALL ".join(parts)


_FINGERPRINT_SQL: list[str] = []


def _fingerprint() -> dict[str, tuple[Any, ...]]:
    """Row counts and latest changes of every project table: any write shows up here."""
    if not _FINGERPRINT_SQL:
        _FINGERPRINT_SQL.append(_fingerprint_sql())
    with connection.cursor() as cursor:
        cursor.execute(_FINGERPRINT_SQL[0])
        return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}


def _client_for(world: World, key: str) -> Client:
    client = Client()
    if key != ANONYMOUS:
        sign_in_recently(client, world.personas[key])
    return client


def _build(module: Any, world: World) -> None:
    build = getattr(module, "build", None)
    if build is not None:
        build(world)


@pytest.fixture
def world(request, personas, organisations) -> World:
    built = World(personas=personas, organisations=organisations)
    route = getattr(getattr(request.node, "callspec", None), "params", {}).get("route")
    owner = _OWNER.get(id(route)) if route is not None else None
    if owner is not None and route is not None:
        try:
            with transaction.atomic():
                _build(owner, built)
                if route.kwargs:
                    route.kwargs(built)
                if route.data:
                    route.data(built)
            return built
        except (KeyError, AttributeError, LookupError):
            built = World(personas=personas, organisations=organisations)
    for module in MODULES:
        _build(module, built)
    return built


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])
def test_route_answers_each_persona_as_the_matrix_says(world: World, route: RouteCheck):
    url = reverse(route.url_name, kwargs=route.kwargs(world) if route.kwargs else None)
    failures = []
    for key in PERSONA_KEYS:
        expected = route.expected[key]
        with transaction.atomic():
            client = _client_for(world, key)
            before = _fingerprint() if route.method != "GET" else None
            data = route.data(world) if route.data else {}
            response = client.generic(route.method, url, data=_encode(data), content_type=_TYPE)
            refused = (
                response.status_code >= 400
                or expected >= 400
                or (key == ANONYMOUS and expected == 302)
            )
            if before is not None and refused and _fingerprint() != before:
                failures.append(f"{key}: refused with {response.status_code} but wrote data")
            if response.status_code != expected:
                failures.append(f"{key}: expected {expected}, got {response.status_code}")
            transaction.set_rollback(True)
    assert failures == [], f"{route.id} at {url}:\n" + "\n".join(failures)


_TYPE = "application/x-www-form-urlencoded"


def _encode(data: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode(data, doseq=True)
