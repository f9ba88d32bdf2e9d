from typing import Literal

RegisteredWebhookSignatureScheme = Literal["legacy", "standard"]

REGISTERED_WEBHOOK_SIGNATURE_SCHEME_VALUES: set[RegisteredWebhookSignatureScheme] = {
    "legacy",
    "standard",
}


def check_registered_webhook_signature_scheme(value: str) -> RegisteredWebhookSignatureScheme:
    if value in REGISTERED_WEBHOOK_SIGNATURE_SCHEME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTERED_WEBHOOK_SIGNATURE_SCHEME_VALUES!r}")
