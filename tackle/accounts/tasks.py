"""Background tasks of accounts: delivering webhooks (accounts/webhooks.py)."""

from django.tasks import task

from tackle.accounts.webhooks import webhook_deliver


@task()
def deliver_webhook(delivery_id: int) -> str:
    """One attempt at one webhook delivery; a failure queues the next attempt itself."""
    delivery = webhook_deliver(delivery_id)
    return delivery.status if delivery is not None else "gone"
