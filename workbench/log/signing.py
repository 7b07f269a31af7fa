"""This installation's signing key, and the keys it trusts (Ed25519, from ``cryptography``).

The key lives in the user's data folder (``signing-key.pem``), never in the
log file: whoever holds only the log cannot re-sign it. Every write
transaction signs the hash of its last event, which by the chain covers every
event before it; merge bundles are signed the same way. Keys of other
machines are trusted once per machine, by the user, after seeing the key's
fingerprint and name (``trusted-keys.json``).

What this proves, and what not: an edit to the log by anyone without this
installation's key file is detected, even with every hash recomputed. Someone
who has both the key file and the log (the same Windows/Linux account, or a
copy of both) can rewrite and re-sign them: no offline program can stop that.
The check code on printed pages (``workbench.log.anchor``) is the witness
against that: paper in the file cannot be rewritten.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from workbench.errors import WorkbenchError, os_reason
from workbench.paths import data_dir

KEY_FILE = "signing-key.pem"
TRUST_FILE = "trusted-keys.json"


def head_message(seq: int, digest: str) -> bytes:
    """What a log signature signs: the chain head after event ``seq``."""
    return f"workbench-log-head\n{seq}\n{digest}".encode()


def bundle_message(body_sha256: str) -> bytes:
    return f"workbench-log-bundle\n{body_sha256}".encode()


def fingerprint(public_hex: str) -> str:
    """The key as people compare it: the first 16 hex digits in groups of four."""
    h = public_hex[:16].upper()
    return "-".join(h[i : i + 4] for i in range(0, 16, 4))


def machine_name() -> str:
    """Who signs, as the other machine's user will read it: 张三的电脑（PC-01）."""
    from workbench.log.store import default_actor

    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    return f"{default_actor()}的电脑" + (f"（{host}）" if host else "")


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    public_hex: str

    def sign(self, message: bytes) -> str:
        return self.private.sign(message).hex()


_cache: dict[Path, SigningKey] = {}


def installation_key() -> SigningKey:
    """This installation's key, made on first use (created atomically: two processes agree on one)."""
    folder = data_dir()
    path = folder / KEY_FILE
    if path in _cache:
        return _cache[path]
    try:
        if not path.exists():
            _create(path)
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise WorkbenchError(
            f"无法读取或建立本机的签名密钥“{path}”（{os_reason(exc) if isinstance(exc, OSError) else '文件已损坏'}）。"
            "没有它无法对新记录签名，本次修改未写入。请检查数据文件夹的权限；密钥文件损坏时请从备份恢复。"
        ) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise WorkbenchError(f"本机签名密钥“{path}”不是 Ed25519 密钥。请从备份恢复该文件。")
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    key = _cache[path] = SigningKey(private, public)
    return key


def _create(path: Path) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails if another process made the key meanwhile: then theirs is the key
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def verify_signature(public_hex: str, signature_hex: str, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(bytes.fromhex(signature_hex), message)
        return True
    except (InvalidSignature, ValueError):
        return False


# -- trusted keys of other machines ----------------------------------------------


def trusted_keys() -> dict[str, str]:
    """public key hex → the name it was trusted under (this machine's own key included)."""
    path = data_dir(create=False) / TRUST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        keys = {str(k): str(v) for k, v in data.get("keys", {}).items()}
    except (OSError, ValueError, AttributeError):
        keys = {}
    return keys


def is_trusted(public_hex: str) -> bool:
    own = data_dir(create=False) / KEY_FILE
    if own.exists() and installation_key().public_hex == public_hex:
        return True
    return public_hex in trusted_keys()


def trust(public_hex: str, name: str) -> None:
    """Trust ``public_hex`` on this machine from now on (the user saw its name and fingerprint)."""
    keys = trusted_keys()
    keys[public_hex] = name
    path = data_dir() / TRUST_FILE
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"keys": keys}, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
