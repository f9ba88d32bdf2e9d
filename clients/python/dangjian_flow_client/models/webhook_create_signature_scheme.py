from typing import Literal

WebhookCreateSignatureScheme = Literal["legacy", "standard"]

WEBHOOK_CREATE_SIGNATURE_SCHEME_VALUES: set[WebhookCreateSignatureScheme] = {
    "legacy",
    "standard",
}


def check_webhook_create_signature_scheme(value: str) -> WebhookCreateSignatureScheme:
    if value in WEBHOOK_CREATE_SIGNATURE_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_CREATE_SIGNATURE_SCHEME_VALUES!r}")
