"""Feed and article addresses: the canonical form used to recognise one article twice."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "smid", "ref_src", "_ga"}
)
"""Query parameters that only say where a click came from (besides every `utm_*`)."""
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(link: str | None, base: str | None = None) -> str | None:
    """`link` resolved against `base`, without tracking parameters, fragment or default port.

    The scheme and host are lower-cased, `http` and `https` are treated alike and a
    trailing slash is dropped, so the same article reached through two feeds compares
    equal. None for anything that is not an http(s) address.
    """
    if not link:
        return None
    try:
        parts = urlsplit(urljoin(base, link.strip()) if base else link.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port and port != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, urlencode(query), ""))


def host_of(url: str) -> str:
    """The host name of `url` (empty when it has none): the unit of per-host politeness."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
