"""On PostgreSQL, the database itself refuses to update, delete or truncate audit events."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audittrail_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audittrail_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audittrail_auditevent
    FOR EACH ROW EXECUTE FUNCTION audittrail_refuse_change();

CREATE TRIGGER audittrail_auditevent_no_truncate
    BEFORE TRUNCATE ON audittrail_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audittrail_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS audittrail_auditevent_no_truncate ON audittrail_auditevent;
DROP TRIGGER IF EXISTS audittrail_auditevent_append_only ON audittrail_auditevent;
DROP FUNCTION IF EXISTS audittrail_refuse_change();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audittrail", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
