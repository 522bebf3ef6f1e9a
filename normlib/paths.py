"""normlib.paths (being written)."""

__all__ = []
