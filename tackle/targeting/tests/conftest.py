"""A page requested by a Welsh reader leaves Welsh active in the test's thread (the language
middleware activates it and nothing turns it off), so the pure tests after it would read Welsh
reasons. Each test here starts in the default language."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language():
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
