"""Audit event kinds for the performance dashboard."""

from safeguarding_qa.audittrail.registry import define

CATALOGUE_SEEDED = define("indicator.catalogue_seeded", "Indicator catalogue seeded or refreshed")
POPULATION_SET = define("indicator.population_set", "Child population recorded")
PERIOD_CREATED = define("indicator_period.created", "Reporting quarter added")
PERIOD_CLOSED = define("indicator_period.closed", "Reporting quarter closed to returns")
PERIOD_REOPENED = define("indicator_period.reopened", "Reporting quarter reopened to returns")
VALUE_SUBMITTED = define("indicator_value.submitted", "Indicator value submitted")
VALUE_CHANGED = define("indicator_value.changed", "Indicator value changed after submission")
VALUE_COMPUTED = define("indicator_value.computed", "Indicator value computed from case data")
RETURN_SUBMITTED = define("indicator_return.submitted", "Indicator return submitted")
RETURN_REJECTED = define("indicator_return.rejected", "Indicator return refused as invalid")
COMMENTARY_ADDED = define("indicator_commentary.added", "Commentary added on an indicator")
CHALLENGE_RAISED = define("indicator_challenge.raised", "Challenge raised on an indicator")
CHALLENGE_RESPONDED = define("indicator_challenge.responded", "Challenge answered")
CHALLENGE_CLOSED = define("indicator_challenge.closed", "Challenge closed")
INDICATOR_CHANGED = define("indicator.changed", "Indicator's target, owner or status changed")
DATA_CONTACT_NAMED = define("indicator_data_contact.named", "Data contact named for returns")
DATA_CONTACT_REMOVED = define("indicator_data_contact.removed", "Data contact removed")
