from typing import Literal

IssuedTokenScopesItem = Literal["admin", "ledger:write", "read", "workflow:act"]

ISSUED_TOKEN_SCOPES_ITEM_VALUES: set[IssuedTokenScopesItem] = {
    "admin",
    "ledger:write",
    "read",
    "workflow:act",
}


def check_issued_token_scopes_item(value: str) -> IssuedTokenScopesItem:
    if value in ISSUED_TOKEN_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ISSUED_TOKEN_SCOPES_ITEM_VALUES!r}")
