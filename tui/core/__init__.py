"""The domain core: articles, loading, cleaning, extraction, entities and the library.

Nothing under this package imports Textual or Rich (a test checks it).
"""
