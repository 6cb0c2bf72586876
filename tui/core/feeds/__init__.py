"""Feeds: parsing RSS/Atom/RDF/JSON Feed, OPML, discovery, refreshing and de-duplication."""
