"""normlib.penalties (being written)."""

__all__ = []
