"""Widgets of the reader: the article body, the entity panel and the related posts."""
