"""Hand-written test articles and a small context builder for the proposals, positions and
claims tests (so those stages can be tested without the earlier stages)."""
