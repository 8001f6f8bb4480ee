"""What warta may fetch: http(s) URLs of public hosts only.

warta reads URLs that come from outside (feed lists, links inside feeds, redirects), so a hostile
feed must not make it read this machine's files or reach services on its network. Every request
of the fetching client, redirects included, is checked here before it is sent:

* the scheme is ``http`` or ``https`` (``file:`` is for local inputs the user names, never for a
  link found in a remote feed or a redirect);
* the host resolves (DNS) only to public addresses: private (10/8, 172.16/12, 192.168/16, fc00::/7),
  loopback, link-local (169.254/16, including cloud metadata services), shared, reserved,
  multicast and unspecified addresses are refused, as are IPv4-mapped IPv6 forms of them;
* at most :data:`MAX_REDIRECTS` redirects are followed (response size and time limits are the
  client's: :mod:`warta.ingest.web`).

``--allow-private`` (or ``WARTA_ALLOW_PRIVATE=1``) lifts the address check, for feeds served on
the local network or this machine. The check resolves the name itself just before the request;
a name whose DNS answer changes between the check and the connection (DNS rebinding) is a limit of
this design, documented in docs/reliability.md.
"""
from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urlsplit

MAX_REDIRECTS = 5
ENV_ALLOW_PRIVATE = "WARTA_ALLOW_PRIVATE"


def allow_private_default() -> bool:
    return os.environ.get(ENV_ALLOW_PRIVATE, "").strip().lower() in ("1", "true", "yes")


def _refused_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``ip`` may not be fetched, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attr, why in (("is_loopback", "loopback"), ("is_link_local", "link-local"),
                      ("is_multicast", "multicast"), ("is_unspecified", "unspecified"),
                      ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(ip, attr):
            return why
    if not ip.is_global:
        return "non-public"
    return None


def check_url(url: str, *, allow_private: bool = False,
              resolve=socket.getaddrinfo) -> str | None:
    """None when ``url`` may be fetched, else the reason it is refused (one line, says what to do)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        return f"bad URL: {exc}"
    if parts.scheme not in ("http", "https"):
        return f"only http(s) URLs are fetched, not {parts.scheme or 'a scheme-less'} URL"
    if not host:
        return "URL has no host"
    if allow_private:
        return None
    try:
        literal = ipaddress.ip_address(host)
        addresses = [literal]
    except ValueError:
        try:
            infos = resolve(host, port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as exc:
            return f"cannot resolve host {host!r}: {exc}"
        addresses = []
        for info in infos:
            try:
                addresses.append(ipaddress.ip_address(info[4][0].split("%")[0]))
            except ValueError:
                continue
        if not addresses:
            return f"host {host!r} has no usable address"
    for ip in addresses:
        why = _refused_address(ip)
        if why:
            return (f"refused: {host} is a {why} address ({ip}); warta fetches public hosts only "
                    "(use --allow-private for feeds on this machine or network)")
    return None


class RefusedURL(Exception):
    """A request the guard did not let out (raised by the client's request hook)."""

    def __init__(self, url: str, reason: str):
        super().__init__(reason)
        self.url = url
        self.reason = reason


def request_hook(allow_private: bool):
    """An httpx request event hook: raises :class:`RefusedURL` for a request that may not be sent.

    httpx runs request hooks for every request it sends, so each redirect hop is checked too."""

    def hook(request) -> None:
        url = str(request.url)
        why = check_url(url, allow_private=allow_private)
        if why:
            raise RefusedURL(url, why)

    return hook
