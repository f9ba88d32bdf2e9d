"""The service layer: persistence, scope and transactions. The API and the workers both call it."""
