"""normlib.convexity (being written)."""

__all__ = []
