"""Authentication providers of the RIEP add-in (see custom/)."""
