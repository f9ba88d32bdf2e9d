from typing import Literal

WebhookSignatureScheme = Literal["legacy", "standard"]

WEBHOOK_SIGNATURE_SCHEME_VALUES: set[WebhookSignatureScheme] = {
    "legacy",
    "standard",
}


def check_webhook_signature_scheme(value: str) -> WebhookSignatureScheme:
    if value in WEBHOOK_SIGNATURE_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_SIGNATURE_SCHEME_VALUES!r}")
