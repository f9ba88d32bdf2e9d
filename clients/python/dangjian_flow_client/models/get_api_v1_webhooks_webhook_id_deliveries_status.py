from typing import Literal

GetApiV1WebhooksWebhookIdDeliveriesStatus = Literal["cancelled", "delivered", "failed", "pending"]

GET_API_V1_WEBHOOKS_WEBHOOK_ID_DELIVERIES_STATUS_VALUES: set[GetApiV1WebhooksWebhookIdDeliveriesStatus] = {
    "cancelled",
    "delivered",
    "failed",
    "pending",
}


def check_get_api_v1_webhooks_webhook_id_deliveries_status(value: str) -> GetApiV1WebhooksWebhookIdDeliveriesStatus:
    if value in GET_API_V1_WEBHOOKS_WEBHOOK_ID_DELIVERIES_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_API_V1_WEBHOOKS_WEBHOOK_ID_DELIVERIES_STATUS_VALUES!r}"
    )
