"""Start the test provider: `python -m tackle.accounts.tests.oidc_provider.serve`.

Reads the signing key, the client and the provider's users from the environment, migrates its
in-memory database, prints the port it listens on (127.0.0.1, a free port) and serves until killed."""

import json
import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tackle.accounts.tests.oidc_provider.settings"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    for person in json.loads(os.environ["OIDC_TEST_USERS"]):
        User.objects.create_user(person["username"], email=person["email"], password=person["password"])
    Application.objects.create(
        name="Tackle",
        client_id=os.environ["OIDC_TEST_CLIENT_ID"],
        client_secret=os.environ["OIDC_TEST_CLIENT_SECRET"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=os.environ["OIDC_TEST_REDIRECT_URI"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=_Quiet)
    print(server.server_port, flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
