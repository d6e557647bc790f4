from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top layer: the home page, the demo loader and `tackle serve`, which reach every module."""

    name = "tackle.home"
    label = "home"

    def ready(self) -> None:
        from tackle.home import navigation  # noqa: F401  (registers the Home menu entry)
