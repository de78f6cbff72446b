"""The Annex A reader works on columns: the report still reads row by row, and how the
rows are cut into chunks changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from safeguarding_qa.casedata.importers import annex_a
from safeguarding_qa.casedata.importers.annex_a import read_annex_a
from safeguarding_qa.casedata.privacy import child_key, child_keys, hashing_key
from safeguarding_qa.casedata.synthetic import write_annex_a

AS_AT = date(2025, 3, 31)


def _generated_and_damaged(tmp_path: Path) -> str:
    source = tmp_path / "s.xlsx"
    write_annex_a(str(source), tier="S", as_at=AS_AT, seed=4)
    workbook = openpyxl.load_workbook(source)
    contacts = workbook["List 1"]
    contacts["B3"] = "Robot"  # gender
    contacts["F3"] = "31/02/2024"  # date of contact
    contacts["G3"] = "z) Carrier pigeon"  # source
    contacts["A5"] = "  "  # blank child ID
    contacts["F6"] = "01/01/2030"  # after the as-at date: a warning
    last = contacts.max_row + 1
    for column in range(1, contacts.max_column + 1):  # repeats row 2, far from it
        contacts.cell(row=last, column=column, value=contacts.cell(row=2, column=column).value)
    target = tmp_path / "damaged.xlsx"
    workbook.save(target)
    return str(target)


def test_problems_are_reported_in_row_order_and_column_order(tmp_path):
    parsed = read_annex_a(_generated_and_damaged(tmp_path), as_at=AS_AT)
    contacts = [(i.row, i.column, i.problem) for i in parsed.issues if i.where == "List 1"]
    assert contacts[:3] == [
        (3, "Gender", "This value is not a recognised code."),
        (3, "Date of Contact", "This is not a date (use dd/mm/yyyy)."),
        (3, "Contact Source", "This value is not a recognised code."),
    ]
    assert contacts[3] == (5, "Child Unique ID", "The child's ID is blank.")
    assert contacts[4] == (6, "Date of Contact", "This date is after the as-at date.")
    assert contacts[-1][2] == "This row duplicates row 2."
    rows = [row or 0 for row, _, _ in contacts]
    assert rows == sorted(rows)
    assert not parsed.issues[4].blocking and parsed.warning_total >= 1


def test_chunk_size_changes_nothing(tmp_path, monkeypatch):
    path = _generated_and_damaged(tmp_path)
    whole = read_annex_a(path, as_at=AS_AT)
    monkeypatch.setattr(annex_a, "_CHUNK_ROWS", 7)
    chunked = read_annex_a(path, as_at=AS_AT)
    assert chunked.issues == whole.issues
    assert (chunked.error_total, chunked.warning_total) == (whole.error_total, whole.warning_total)
    assert chunked.counts == whole.counts
    assert chunked.children == whole.children
    assert chunked.events == whole.events
    # The duplicate of row 2 sits in a later chunk and is still found, and not kept.
    assert whole.event_count == sum(whole.counts[f"List {n}"] for n in range(1, 11)) - 2


def test_a_child_in_several_lists_is_one_child_with_the_first_characteristics(tmp_path):
    source = tmp_path / "s.xlsx"
    write_annex_a(str(source), tier="S", as_at=AS_AT, seed=4)
    workbook = openpyxl.load_workbook(source)
    contacts, referrals = workbook["List 1"], workbook["List 3"]
    child = referrals["A2"].value
    contacts["A2"], contacts["B2"], contacts["D2"] = child, "Female", "15/06/2015"
    referrals["B2"], referrals["D2"] = "Male", "20/01/2016"
    workbook.save(source)
    parsed = read_annex_a(str(source), as_at=AS_AT)
    record = parsed.children[child_key(child)]
    assert (record.sex, record.birth_month) == ("F", date(2015, 6, 1))
    assert parsed.child_count == len(parsed.children)


def test_child_keys_are_the_same_keyed_hashes():
    known: dict[object, str] = {}
    raws = ["BRK1", " BRK1\xa0", 123.0, "123", "0042"]
    child_keys(raws, key=hashing_key(), known=known)
    assert [known[raw] for raw in raws] == [child_key(raw) for raw in raws]
    assert known["BRK1"] == known[" BRK1\xa0"] and known[123.0] == known["123"]
