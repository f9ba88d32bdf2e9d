from typing import Literal

WebhookUpdateSignatureScheme = Literal["legacy", "standard"]

WEBHOOK_UPDATE_SIGNATURE_SCHEME_VALUES: set[WebhookUpdateSignatureScheme] = {
    "legacy",
    "standard",
}


def check_webhook_update_signature_scheme(value: str) -> WebhookUpdateSignatureScheme:
    if value in WEBHOOK_UPDATE_SIGNATURE_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_UPDATE_SIGNATURE_SCHEME_VALUES!r}")
