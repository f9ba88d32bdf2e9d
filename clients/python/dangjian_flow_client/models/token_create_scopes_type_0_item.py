from typing import Literal

TokenCreateScopesType0Item = Literal["admin", "ledger:write", "read", "workflow:act"]

TOKEN_CREATE_SCOPES_TYPE_0_ITEM_VALUES: set[TokenCreateScopesType0Item] = {
    "admin",
    "ledger:write",
    "read",
    "workflow:act",
}


def check_token_create_scopes_type_0_item(value: str) -> TokenCreateScopesType0Item:
    if value in TOKEN_CREATE_SCOPES_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_CREATE_SCOPES_TYPE_0_ITEM_VALUES!r}")
