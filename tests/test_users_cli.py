"""`triage users`: the first admin and every agent are created from the command line, with clear
errors for what cannot work, and their tokens can be revoked."""

from __future__ import annotations

from triage.auth import Accounts
from triage.settings import get_settings
from triage.store.db import open_database

PASSWORD = "correct horse battery"


def test_create_list_token_and_revoke(cli):
    made = cli("users", "create", "root", "--role", "platform_admin", "--password", PASSWORD)
    assert made.exit_code == 0 and "created platform_admin root" in made.output
    agent = cli(
        "users",
        "create",
        "mia",
        "--clients",
        "sanitaer-notdienst,kanzlei-berg",
        "--name",
        "Mia Meyer",
        "--language",
        "en",
        "--phone",
        "+4917011122233",
        "--password",
        PASSWORD,
    )
    assert agent.exit_code == 0, agent.output
    listed = cli("users", "list").output
    assert "root\tplatform_admin\t*" in listed and "mia\tagent\tsanitaer-notdienst,kanzlei-berg\tMia Meyer" in listed

    token = cli("users", "token", "mia", "--name", "crm").output.strip()
    accounts = Accounts(open_database(get_settings().db_url()))
    who = accounts.principal(token)
    assert who is not None and who.phone == "+4917011122233" and who.can_see("kanzlei-berg")
    assert not who.can_see("apotheke-am-markt")
    revoked = cli("users", "revoke", "mia")
    assert revoked.exit_code == 0 and "revoked 1 tokens" in revoked.output
    assert accounts.principal(token) is None


def test_what_cannot_work_is_refused_with_the_reason(cli):
    cases = [
        (("users", "create", "a", "--clients", "no-such-client", "--password", PASSWORD), "unknown client"),
        (("users", "create", "a", "--password", PASSWORD), "needs at least one client"),
        (("users", "create", "a", "--clients", "kanzlei-berg", "--password", "short"), "at least 10"),
        (
            ("users", "create", "a", "--role", "boss", "--clients", "kanzlei-berg", "--password", PASSWORD),
            "unknown role",
        ),
        (("users", "token", "ghost"), "no user 'ghost'"),
    ]
    for args, message in cases:
        result = cli(*args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
    assert cli("users", "create", "b", "--clients", "kanzlei-berg", "--password", PASSWORD).exit_code == 0
    again = cli("users", "create", "b", "--clients", "kanzlei-berg", "--password", PASSWORD)
    assert again.exit_code == 2 and "exists already" in again.output
