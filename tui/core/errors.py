"""The project's error types: every failure a user can cause is one of these."""


class NewsdeskError(Exception):
    """Base of every error newsdesk reports to the user as one clear sentence."""


class LoadError(NewsdeskError):
    """A stored source could not be read: missing, a directory, empty, binary, too large."""


class FetchError(NewsdeskError):
    """A URL could not be fetched: DNS, refused, TLS, timeout, HTTP status, size, type."""


class FeedAddress(FetchError):
    """The address is a news feed, not an article: it is subscribed to, not read."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"{url} is a news feed (RSS, Atom or JSON Feed), not an article: subscribe to it "
            f"with `newsdesk feeds add {url}`."
        )
        self.url = url


class ExtractError(NewsdeskError):
    """A page was read but no article could be extracted from it."""


class StoreError(NewsdeskError):
    """The library database could not be opened, read or written."""
