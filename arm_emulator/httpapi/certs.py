"""Self-made certificate authority and loopback server certificate.

azure-core refuses to send a bearer token over plain http, so the emulator must speak TLS. Clients
trust ``<state-dir>/ca.pem`` (REQUESTS_CA_BUNDLE); the CA and leaf are made once and reused so a
restarted emulator stays trusted.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import ssl
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_CERT = "ca.pem"
CA_KEY = "ca-key.pem"
LEAF_CERT = "server.pem"
LEAF_KEY = "server-key.pem"
_VALIDITY = datetime.timedelta(days=3650)


def _write_private(path: Path, data: bytes) -> None:
    # Keys are readable by the owner only; write-then-rename keeps a crash from leaving half a file.
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _make_ca(now: datetime.datetime) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ARM emulator local CA")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + _VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _make_leaf(ca_cert: x509.Certificate, ca_key, now: datetime.datetime):
    key = ec.generate_private_key(ec.SECP256R1())
    san = x509.SubjectAlternativeName([
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        x509.IPAddress(ipaddress.ip_address("::1")),
    ])
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + _VALIDITY)
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


def ensure_certificates(state_dir: Path) -> Path:
    """Create the CA and leaf certificate unless they already exist; return the CA bundle path."""
    state_dir.mkdir(parents=True, exist_ok=True)
    paths = [state_dir / n for n in (CA_CERT, CA_KEY, LEAF_CERT, LEAF_KEY)]
    if all(p.exists() for p in paths):
        return paths[0]
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_cert, ca_key = _make_ca(now)
    leaf_cert, leaf_key = _make_leaf(ca_cert, ca_key, now)
    _write_private(state_dir / CA_KEY, _key_pem(ca_key))
    _write_private(state_dir / LEAF_KEY, _key_pem(leaf_key))
    _write_private(state_dir / LEAF_CERT, leaf_cert.public_bytes(serialization.Encoding.PEM))
    _write_private(state_dir / CA_CERT, ca_cert.public_bytes(serialization.Encoding.PEM))
    os.chmod(state_dir / CA_CERT, 0o644)
    return state_dir / CA_CERT


def server_ssl_context(state_dir: Path) -> ssl.SSLContext:
    ensure_certificates(state_dir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(state_dir / LEAF_CERT, state_dir / LEAF_KEY)
    return context


def client_ssl_context(state_dir: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(state_dir / CA_CERT))
