"""Accounts, roles and tenants: who may see and change what.

Roles: `platform_admin` (every client), `client_admin` and `agent` (the clients listed on the
account). Passwords are hashed with Argon2 (argon2-cffi). A sign-in gives a session token for the web
pages; machines get API tokens. Only a SHA-256 of a token is stored, and every token can be revoked.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, Request
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from . import audit
from .store.changes import ChangeFeed
from .store.tables import ApiToken, User

Role = Literal["platform_admin", "client_admin", "agent"]
ROLES: tuple[Role, ...] = ("platform_admin", "client_admin", "agent")
SESSION_HOURS = 12
MIN_PASSWORD = 10

_hasher = PasswordHasher()
# Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-password-anyone-has")


class AuthError(Exception):
    pass


@dataclass(frozen=True)
class Principal:
    """The signed-in user as every request sees it."""

    id: str
    username: str
    display_name: str
    role: Role
    clients: tuple[str, ...] = field(default_factory=tuple)
    language: str = "de"
    phone: str | None = None

    @property
    def all_clients(self) -> bool:
        return self.role == "platform_admin"

    def can_see(self, client_id: str) -> bool:
        return self.all_clients or client_id in self.clients

    def scope(self) -> list[str] | None:
        """The clients this user may see; None means all of them."""
        return None if self.all_clients else list(self.clients)

    def public(self) -> dict:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "clients": list(self.clients),
            "language": self.language,
            "phone": self.phone,
        }


def _principal(user: User) -> Principal:
    return Principal(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,  # type: ignore[arg-type]
        clients=tuple(user.clients or ()),
        language=user.language,
        phone=user.phone,
    )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def create(
        self,
        username: str,
        password: str,
        role: str,
        clients: list[str] | None = None,
        display_name: str | None = None,
        language: str = "de",
        phone: str | None = None,
        created_by: str = "cli",
    ) -> Principal:
        if role not in ROLES:
            raise AuthError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD:
            raise AuthError(f"the password needs at least {MIN_PASSWORD} characters")
        if role != "platform_admin" and not clients:
            raise AuthError(f"a {role} needs at least one client (--clients)")
        if language not in ("de", "en"):
            raise AuthError("language must be de or en")
        user = User(
            username=username,
            display_name=display_name or username,
            password_hash=_hasher.hash(password),
            role=role,
            clients=[] if role == "platform_admin" else list(clients or []),
            language=language,
            phone=phone,
        )
        try:
            with self.sessions.begin() as db:
                db.add(user)
                audit.record(db, created_by, "user_created", None, username=username, role=role, clients=user.clients)
        except IntegrityError as exc:
            raise AuthError(f"user {username!r} exists already") from exc
        return _principal(user)

    def list(self) -> list[Principal]:
        with self.sessions() as db:
            return [_principal(u) for u in db.scalars(select(User).order_by(User.username))]

    def sign_in(self, username: str, password: str) -> tuple[Principal, str]:
        """Check the password and open a web session. One message for every failure: the caller of
        this learns nothing about which accounts exist."""
        with self.sessions() as db:
            user = db.scalar(select(User).where(User.username == username))
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            user = None
        if user is None or user.disabled:
            with self.sessions.begin() as db:
                audit.record(db, username[:80], "sign_in_failed")
            raise AuthError("wrong username or password")
        token = self.issue(user.id, "session", expires_in=timedelta(hours=SESSION_HOURS))
        with self.sessions.begin() as db:
            audit.record(db, user.username, "sign_in")
        return _principal(user), token

    def issue(self, user_id: str, kind: str, name: str = "", expires_in: timedelta | None = None) -> str:
        token = secrets.token_urlsafe(32)
        expires = datetime.now(UTC) + expires_in if expires_in else None
        with self.sessions.begin() as db:
            db.add(ApiToken(user_id=user_id, token_hash=_digest(token), kind=kind, name=name, expires_at=expires))
        return token

    def api_token(self, username: str, name: str, by: str = "cli") -> str:
        with self.sessions() as db:
            user_id = db.scalar(select(User.id).where(User.username == username))
        if user_id is None:
            raise AuthError(f"no user {username!r}")
        token = self.issue(user_id, "api", name=name)
        with self.sessions.begin() as db:
            audit.record(db, by, "api_token_issued", None, username=username, name=name)
        return token

    def principal(self, token: str | None) -> Principal | None:
        if not token:
            return None
        now = datetime.now(UTC)
        with self.sessions() as db:
            row = db.execute(
                select(ApiToken, User)
                .join(User, User.id == ApiToken.user_id)
                .where(ApiToken.token_hash == _digest(token))
            ).first()
        if row is None:
            return None
        tok, user = row
        expires = tok.expires_at.replace(tzinfo=UTC) if tok.expires_at and not tok.expires_at.tzinfo else tok.expires_at
        if tok.revoked_at is not None or user.disabled or (expires is not None and expires < now):
            return None
        return _principal(user)

    def revoke(self, token: str) -> None:
        with self.sessions.begin() as db:
            db.execute(
                update(ApiToken).where(ApiToken.token_hash == _digest(token)).values(revoked_at=datetime.now(UTC))
            )

    def revoke_all(self, username: str, by: str = "cli", feed: ChangeFeed | None = None) -> int:
        """Every session and API token of this user, e.g. when a laptop is lost.

        With the server's change feed, a `revoked` change goes out in the same transaction: every
        instance closes the user's open consoles at once (a token is otherwise checked only when a
        socket opens)."""
        with self.sessions.begin() as db:
            user_id = db.scalar(select(User.id).where(User.username == username))
            if user_id is None:
                raise AuthError(f"no user {username!r}")
            result = db.execute(
                update(ApiToken)
                .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
                .values(revoked_at=datetime.now(UTC))
            )
            audit.record(db, by, "tokens_revoked", None, username=username, count=result.rowcount)
            if feed is not None:
                feed.publish(db, {"kind": "revoked", "user_id": user_id})
            return result.rowcount


# --- who is asking (for the web pages and APIs) --------------------------------------------------
SESSION_COOKIE = "triage_session"


def request_token(headers, cookies, query=None) -> str | None:
    """`Authorization: Bearer …`, else the session cookie, else (websockets) `?token=`."""
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return cookies.get(SESSION_COOKIE) or (query.get("token") if query is not None else None)


async def current_user(request: Request) -> Principal:
    """FastAPI dependency: the signed-in user, or 401."""
    accounts: Accounts = request.app.state.triage.accounts
    principal = await asyncio.to_thread(accounts.principal, request_token(request.headers, request.cookies))
    if principal is None:
        raise HTTPException(status_code=401, detail="sign in first (POST /api/session) or send a Bearer token")
    return principal
