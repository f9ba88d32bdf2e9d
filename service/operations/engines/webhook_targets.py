"""Where a webhook may be delivered (the SSRF guard), and the POST to the address that was checked.

A subscription URL's host is resolved (every A/AAAA record) when it is registered or changed, and again
before each attempt. An address that is not public — loopback, link-local (the cloud metadata address
169.254.169.254 among them), private (RFC 1918, IPv6 ULA), unspecified, multicast, reserved, or otherwise
not globally routable — is refused unless WEBHOOK_ALLOWED_HOSTS names the host, the address, or a network
(CIDR) holding it. The attempt connects to the first checked address — no second DNS lookup that a
rebinding resolver could answer differently — and sends the URL's host in the Host header and, for https,
as SNI, against which the certificate is verified. Redirects are never followed, and no proxy is used.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
METADATA = ipaddress.ip_address("169.254.169.254")
_RESERVED_V4 = ipaddress.ip_network("240.0.0.0/4")

# Why an address is refused: (test, English reason for the delivery log, Chinese label for the user), first match.
_KINDS: tuple[tuple[str, str, str], ...] = (
    ("is_unspecified", "unspecified", "未指定地址"),
    ("is_loopback", "loopback", "本机回环地址"),
    ("is_link_local", "link-local", "链路本地地址"),
    ("is_multicast", "multicast", "组播地址"),
    ("is_private", "private", "内网地址"),
)


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (`address`) and what to say (`host`, `port`, `path`)."""

    scheme: str
    host: str
    port: int
    path: str
    address: str


class Refused(Exception):
    """The URL resolves to an address it may not reach. `reason` for the log, `message` for people."""

    def __init__(self, host: str, address: str, kind: str, label: str) -> None:
        self.reason = f"refused: {host} resolves to {address}, a {kind} address not in WEBHOOK_ALLOWED_HOSTS"
        named = host if host == address else f"{host}（{address}）"
        self.message = f"回调地址 {named} 是{label}，不允许投递；确需使用请由运维在 WEBHOOK_ALLOWED_HOSTS 中放行"
        super().__init__(self.reason)


class Unresolved(Exception):
    """The host has no address now (unknown name, DNS down): not a refusal, the delivery is retried."""


def refusal(address: IpAddress) -> tuple[str, str] | None:
    """(English kind, Chinese label) when `address` is not public, else None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if address == METADATA:
        return "cloud metadata", "云服务器元数据地址"
    if isinstance(address, ipaddress.IPv4Address) and address in _RESERVED_V4:  # Python counts it as private
        return "reserved", "保留地址"
    for test, kind, label in _KINDS:
        if getattr(address, test):
            return kind, label
    if not address.is_global:
        return "non-public", "非公网地址"
    return None


def _allowed_address(address: IpAddress, allowed: tuple[str, ...]) -> bool:
    for entry in allowed:
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:  # a host name
            continue
    return False


def resolve(host: str, port: int) -> list[str]:
    """Every address of `host` (an IP literal is its own), in the resolver's order, without duplicates."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise Unresolved(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def check(url: str, allowed: tuple[str, ...]) -> Target:
    """The URL's target when every address of its host may be reached; Refused or Unresolved otherwise."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    addresses = resolve(host, port)
    if host not in allowed:
        for address in addresses:
            ip = ipaddress.ip_address(address)
            why = refusal(ip)
            if why is not None and not _allowed_address(ip, allowed):
                raise Refused(host, address, *why)
    return Target(parts.scheme, host, port, path, addresses[0])


class _PinnedHTTP(http.client.HTTPConnection):
    """Talks to `address` while the Host header names the URL's host."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """Talks TLS to `address`, with the URL's host as SNI and as the name the certificate must carry."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self.address = target.address

    def connect(self) -> None:
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


def post(target: Target, body: bytes, headers: dict[str, str], timeout: float) -> tuple[int | None, str | None]:
    """(status code or None, error or None): any answer but a 2xx is an error, a 3xx included (never
    followed). Never raises for network trouble."""
    connection = (_PinnedHTTPS if target.scheme == "https" else _PinnedHTTP)(target, timeout)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        if 200 <= response.status < 300:
            return response.status, None
        detail = response.read(200).decode("utf-8", "replace").strip()
        return response.status, f"HTTP {response.status} {response.reason}" + (f": {detail}" if detail else "")
    except TimeoutError:
        return None, f"timeout after {timeout:g} s"
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    finally:
        connection.close()
