"""normlib.norms (being written)."""

__all__ = []
