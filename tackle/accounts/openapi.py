from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tackle.accounts.api_auth.ApiTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):  # type: ignore[no-untyped-def]
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A personal API token (tk_...), made on the API tokens page by someone who has set up "
                "two-factor sign-in. It acts as its owner, never beyond their role: a read-only token gets "
                "403 on POST, PATCH, PUT and DELETE; a token limited to some modules gets 403 elsewhere; an "
                "expired or revoked token gets 401."
            ),
        }
