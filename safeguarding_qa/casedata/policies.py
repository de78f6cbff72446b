"""Who may see and change case data.

Summaries (snapshot counts, computed indicators) need ``CASEDATA_VIEW``; anything at the
level of a child (import reports, cohort previews, samples) needs ``CASEDATA_IMPORT`` or
``SAMPLES_DRAW``: only roles allowed to import data see record-level data.
"""

from __future__ import annotations

from django.db.models import QuerySet

from safeguarding_qa.access.context import Access
from safeguarding_qa.access.policy import Policy, register
from safeguarding_qa.access.roles import Capability

from .models import ImportJob, Sample, Snapshot


class SnapshotPolicy(Policy[Snapshot]):
    model = Snapshot
    actions = {
        "view": "Oversight roles see imported snapshots and the indicators computed from them.",
        "import": "Partnership administrators import Annex A and CIN census files.",
        "records": "Only those who may import see record-level data (cohort previews).",
        "compute": "Those who may import record the snapshot's indicators on the dashboard.",
    }

    def scope(self, access: Access) -> QuerySet[Snapshot]:
        if access.can(Capability.CASEDATA_VIEW) or access.can(Capability.CASEDATA_IMPORT):
            return Snapshot.objects.all()
        return Snapshot.objects.none()

    def allows(self, access: Access, action: str, obj: Snapshot | None) -> bool:
        if action == "view":
            return access.can(Capability.CASEDATA_VIEW) or access.can(Capability.CASEDATA_IMPORT)
        if action == "records":
            return access.can(Capability.CASEDATA_IMPORT) and access.can(Capability.SAMPLES_DRAW)
        return access.can(Capability.CASEDATA_IMPORT)


class ImportJobPolicy(Policy[ImportJob]):
    model = ImportJob
    actions = {"view": "Those who may import see imports, their progress and error reports."}

    def scope(self, access: Access) -> QuerySet[ImportJob]:
        if access.can(Capability.CASEDATA_IMPORT):
            return ImportJob.objects.select_related("snapshot")
        return ImportJob.objects.none()

    def allows(self, access: Access, action: str, obj: ImportJob | None) -> bool:
        return access.can(Capability.CASEDATA_IMPORT)


class SamplePolicy(Policy[Sample]):
    model = Sample
    actions = {
        "view": "Those who may draw samples see them (record-level data).",
        "draw": "Partnership administrators draw samples and add them to audits.",
    }

    def scope(self, access: Access) -> QuerySet[Sample]:
        if self.allows(access, "view", None):
            return Sample.objects.select_related("snapshot")
        return Sample.objects.none()

    def allows(self, access: Access, action: str, obj: Sample | None) -> bool:
        return access.can(Capability.SAMPLES_DRAW) and access.can(Capability.CASEDATA_IMPORT)


snapshots = register(SnapshotPolicy())
imports = register(ImportJobPolicy())
samples = register(SamplePolicy())
