"""The sheet reader's one-pass cell scan: fast paths and the general forms agree."""

from __future__ import annotations

from safeguarding_qa.casedata.xlsx import _cells, _general_cells, _plain_cells, _plain_rows

STRINGS = ["zero", "one"]


def test_plain_and_general_forms():
    body = (
        b'<c r="A1" t="inlineStr"><is><t>BRK1</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><r><t>a) </t></r><r><t>Male</t></r></is></c>'
        b'<c r="C1" s="2"><v>45571</v></c>'
        b'<c r="D1"><f>1+1</f><v>2</v></c>'
        b'<c r="E1" t="s"><v>1</v></c>'
        b'<c r="F1" t="b"><v>1</v></c>'
        b'<c r="G1" t="str"><v>A &amp; B</v></c>'
        b'<c r="H1" s="1"/>'
        b'<c r="K1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>'
        b'<c r="L1"><v></v></c>'
    )
    assert _cells(body, STRINGS) == [
        "BRK1",
        "a) Male",
        45571.0,
        2.0,
        "one",
        True,
        "A & B",
        None,
        None,
        None,
        " x ",
        None,
    ]


def test_cells_without_references_follow_on_and_prefixed_tags_are_read():
    body = b'<x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>y</x:t></x:is></x:c>'
    assert _cells(body, STRINGS) == [1.0, "y"]


def test_the_plain_path_reads_as_the_general_path_does():
    body = (
        b'<c r="A1" t="inlineStr"><is><t>BRK1</t></is></c>'
        b'<c r="C1" s="2"><v>45571</v></c>'
        b'<c r="D1" s="1" t="s"><v>1</v></c>'
        b'<c r="E1" t="b"><v>0</v></c>'
        b'<c r="F1" t="str"><v>A &amp; B</v></c>'
        b'<c r="G1" s="1"/>'
        b'<c t="inlineStr"/>'
        b'<c t="inlineStr"><is><t></t></is></c>'
        b"<c><v></v></c>"
        b'<c r="M1" t="n"><v>2.5</v></c>'
    )
    plain = _plain_cells(body, STRINGS)
    assert plain is not None
    assert plain == _general_cells(body, STRINGS)
    expected = ["BRK1", None, 45571.0, "one", False, "A & B", None, None, "", None]
    assert plain == [*expected, None, None, 2.5]


def test_rows_the_plain_path_cannot_read_take_the_general_path():
    assert _plain_cells(b'<c r="A1"><f>1+1</f><v>2</v></c>', STRINGS) is None
    assert _plain_cells(b"<x:c><x:v>1</x:v></x:c>", STRINGS) is None
    assert _plain_cells(b'<c r="A1" cm="1"><v>2</v></c>', STRINGS) is None
    assert _plain_rows(b'<row r="1"><c><v>1</v></c></row><x:row r="2"></x:row>') is None
    assert _plain_rows(b'<row r="1"/><row r="2"><c><v>1</v></c></row>') is None
    assert _plain_rows(b'<row r="1"><c><v>1</v></c></row>') == [(b' r="1"', b"<c><v>1</v></c>")]
