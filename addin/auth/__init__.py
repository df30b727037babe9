"""Authentication providers of the RIEP add-in (see custom/)."""

__all__: list[str] = []
