"""normlib.plotting (being written)."""

__all__ = []
