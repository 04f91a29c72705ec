"""`triage clients` lists every client a call can reach: the prompts folders' and those a platform
admin created through the API (stored only in the database), each with its live version."""

from __future__ import annotations

import yaml

from triage.packs.load import client_document
from triage.packs.versions import PackVersions
from triage.settings import get_settings
from triage.store.db import open_database


def test_a_client_created_through_the_api_is_listed(cli) -> None:
    settings = get_settings()
    versions = PackVersions(open_database(settings.db_url()), settings.prompts_dir)
    document = yaml.safe_load(client_document("kanzlei-berg", settings.prompts_dir))
    document |= {"id": "kanzlei-nord", "name": "Kanzlei Nord", "phone_numbers": []}
    versions.save("kanzlei-nord", yaml.safe_dump(document, allow_unicode=True), "root", source="admin")

    listed = cli("clients")
    assert listed.exit_code == 0, listed.output
    rows = {line.split("\t")[0]: line.split("\t") for line in listed.output.splitlines()}
    assert rows["kanzlei-nord"] == ["kanzlei-nord", "Kanzlei Nord", "de,en", "v1"]
    assert rows["sanitaer-notdienst"][3] == "v1"
    made = cli(
        "users",
        "create",
        "nora",
        "--role",
        "client_admin",
        "--clients",
        "kanzlei-nord",
        "--password",
        "pw-long-enough-1",
    )
    assert made.exit_code == 0, made.output  # an account for the new client, as the README's steps say
