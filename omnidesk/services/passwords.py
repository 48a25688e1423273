"""Password hashes (argon2id via argon2-cffi): only the hash is stored, never the password."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from omnidesk.core.errors import InvalidInput

MIN_LENGTH = 8
_hasher = PasswordHasher()  # argon2id with the library's recommended cost (RFC 9106 low-memory profile)


def hash_password(password: str) -> str:
    check_strength(password)
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"пароль слишком короткий: нужно не меньше {MIN_LENGTH} символов")
    if password.strip() != password:
        raise InvalidInput("пароль не должен начинаться или заканчиваться пробелом")
