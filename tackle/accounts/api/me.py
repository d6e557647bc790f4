from typing import cast

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.models import User
from tackle.core.access import ROLE_MODULES


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField()
    organisation = serializers.CharField()
    organisation_code = serializers.CharField()
    modules = serializers.ListField(child=serializers.CharField())


@extend_schema(summary="Who the token or session belongs to", responses=MeSerializer)
@api_view(["GET"])
def me(request: Request) -> Response:
    user = cast(User, request.user)
    organisation = user.organisation
    data = {
        "username": user.username,
        "name": user.display_name,
        "role": user.role,
        "organisation": organisation.name if organisation else "",
        "organisation_code": organisation.code if organisation else "",
        # What this request may reach: the role's modules, narrowed by the token's when it has some.
        "modules": sorted(module for module in ROLE_MODULES.get(user.role, ()) if user.may_use(module)),
    }
    return Response(MeSerializer(data).data)
