"""Reproducible stratified random sampling: the same inputs and seed give the same children.

Candidates are sorted by key before drawing, so the database's row order never matters.
Places are shared between strata in proportion to their size (largest remainder, ties to
the stratum named first), then each stratum is sampled with its own seeded generator.
"""

from __future__ import annotations

import random
from collections import defaultdict


def allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Places per stratum, proportional to ``sizes``, summing to ``total``."""
    population = sum(sizes.values())
    total = min(total, population)
    if population == 0 or total == 0:
        return dict.fromkeys(sizes, 0)
    exact = {name: total * size / population for name, size in sizes.items()}
    places = {name: int(share) for name, share in exact.items()}
    spare = total - sum(places.values())
    order = sorted(sizes, key=lambda name: (-(exact[name] - places[name]), name))
    for name in order[:spare]:
        places[name] += 1
    return places


def draw(candidates: dict[str, str], size: int, seed: int) -> list[tuple[str, str]]:
    """``size`` of ``candidates`` (key → stratum), as (key, stratum), in drawing order."""
    strata: dict[str, list[str]] = defaultdict(list)
    for key in sorted(candidates):
        strata[candidates[key]].append(key)
    places = allocate({name: len(keys) for name, keys in strata.items()}, size)
    chosen: list[tuple[str, str]] = []
    for name in sorted(strata):
        rng = random.Random(f"{seed}:{name}")  # noqa: S311  (reproducible draws, not secrets)
        chosen.extend((key, name) for key in rng.sample(strata[name], places[name]))
    return chosen
