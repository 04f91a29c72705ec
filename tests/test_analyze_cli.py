"""`triage analyze`: the row contract of PRODUCT.md that outside evaluations rely on."""

from __future__ import annotations

import json


def run(cli, tmp_path, rows: list, *extra: str):
    infile = tmp_path / "in.jsonl"
    infile.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    result = cli("analyze", str(infile), "-o", str(out), *extra)
    lines = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    return result, lines


def test_rows_carry_every_field_of_the_contract(cli, tmp_path):
    result, [row] = run(
        cli,
        tmp_path,
        [
            {
                "id": "a1",
                "text": "ähm hier ist anna schmidt aus der goethestraße 14 in 20095 hamburg es riecht nach gas "
                "meine nummer ist null eins sieben eins zwei drei vier fünf sechs sieben",
                "client": "sanitaer-notdienst",
            }
        ],
    )
    assert result.exit_code == 0, result.output
    assert set(row) == {"id", "urgency", "intent", "distress", "language", "entities", "order", "evidence", "ms"}
    assert (row["id"], row["urgency"], row["intent"], row["language"]) == ("a1", "P0", "report_problem", "de")
    assert row["entities"]["phone"] == "0171234567"
    assert row["entities"]["name"] == "Anna Schmidt"
    assert row["entities"]["address"]["postcode"] == "20095"
    assert row["order"] == {"items": []}
    assert row["evidence"] and isinstance(row["ms"], float)


def test_a_catalog_in_the_row_is_used_with_its_options(cli, tmp_path):
    catalog = [
        {
            "sku": "LAT",
            "name": "latte",
            "aliases": ["latte macchiato"],
            "options": {"milk-options": ["oat milk", "whole milk"]},
        },
        {"sku": "ESP", "name": "espresso", "options": {"espresso-shots": ["single", "double"]}},
        {"sku": "CRO", "name": "croissant"},
    ]
    _, [row] = run(
        cli,
        tmp_path,
        [{"id": 7, "text": "can i get two lattes with oat milk and a double espresso please", "catalog": catalog}],
    )
    items = {i["sku"]: i for i in row["order"]["items"]}
    assert set(items) == {"LAT", "ESP"}
    assert items["LAT"]["qty"] == 2 and items["LAT"]["options"] == {"milk-options": "oat milk"}
    assert items["ESP"]["qty"] == 1 and items["ESP"]["options"] == {"espresso-shots": "double"}
    assert row["intent"] == "place_order" and row["urgency"] == "P3"


def test_the_clients_own_catalog_applies_when_no_catalog_is_given(cli, tmp_path):
    _, [row] = run(
        cli, tmp_path, [{"id": "o", "text": "ich hätte gern dreimal nasenspray", "client": "apotheke-am-markt"}]
    )
    [item] = row["order"]["items"]
    assert item["qty"] == 3 and "nasen" in item["name"].lower()


def test_lang_forces_the_language(cli, tmp_path):
    _, [row] = run(cli, tmp_path, [{"id": 1, "text": "hallo", "lang": "en"}])
    assert row["language"] == "en"


def test_one_bad_row_is_reported_and_the_rest_are_analysed(cli, tmp_path):
    result, rows = run(
        cli,
        tmp_path,
        [
            {"id": 1, "text": "es brennt"},
            "{broken json",
            {"id": 3, "text": 42},
            {"id": 4, "text": "hallo", "client": "nobody"},
            {"id": 5, "text": "wrong number sorry"},
        ],
    )
    assert result.exit_code == 0
    assert [r.get("urgency") for r in rows] == ["P0", None, None, None, "P4"]
    assert "not valid JSON" in rows[1]["error"]
    assert rows[2]["id"] == 3 and '"text" must be a string' in rows[2]["error"]
    assert "nobody" in rows[3]["error"] and "kanzlei-berg" in rows[3]["error"]
    assert "3 of 5 rows could not be analysed" in result.output


def test_only_bad_rows_or_a_missing_file_fail_the_command(cli, tmp_path):
    result, _ = run(cli, tmp_path, ["nope"])
    assert result.exit_code == 1
    result = cli("analyze", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 2 and "no such file" in result.output
