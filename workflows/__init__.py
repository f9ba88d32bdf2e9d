"""State machines and business rules. Pure Python: no Flask, no SQLAlchemy."""
