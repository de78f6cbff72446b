"""On PostgreSQL, the database itself refuses to update, delete or truncate audit events.

One exception: Django's test runner empties tables with TRUNCATE after transactional (live
server) tests, so TRUNCATE passes when the session sets ``audittrail.allow_truncate`` to
``on``, which only the test settings do. UPDATE and DELETE are refused without exception.
This guards against mistakes in code, not against the database's owner, who could drop the
trigger anyway; the hash chain shows tampering even then.
"""

from django.db import migrations

CREATE = """CREATE OR REPLACE FUNCTION audittrail_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'TRUNCATE'
       AND coalesce(current_setting('audittrail.allow_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
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


# params=None below: the SQL's own "%" signs (RAISE's format) are not query placeholders.
def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audittrail", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
