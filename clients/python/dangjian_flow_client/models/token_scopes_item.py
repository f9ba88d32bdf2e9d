from typing import Literal

TokenScopesItem = Literal["admin", "ledger:write", "read", "workflow:act"]

TOKEN_SCOPES_ITEM_VALUES: set[TokenScopesItem] = {
    "admin",
    "ledger:write",
    "read",
    "workflow:act",
}


def check_token_scopes_item(value: str) -> TokenScopesItem:
    if value in TOKEN_SCOPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_SCOPES_ITEM_VALUES!r}")
