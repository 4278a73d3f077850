"""The token endpoint: `POST /api/v1/auth/token/` with a username and password issues a key; `DELETE` with it
revokes it."""

from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from accounts.models import ApiToken
from registry.api.parsers import BoundedJSONParser


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})

    def validate(self, attrs):
        request = self.context["request"]
        # The Django request, not DRF's wrapper: django-axes marks a locked-out client on it, and its middleware
        # answers such a request with the lockout response.
        user = authenticate(request._request, username=attrs["username"], password=attrs["password"])
        if user is None or not user.is_active:
            raise serializers.ValidationError(_("Unable to log in with provided credentials."), code="authorization")
        attrs["user"] = user
        return attrs


class TokenView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    # Bounded JSON: a deeply nested body is refused with a 400 before it is parsed.
    parser_classes = [BoundedJSONParser, FormParser, MultiPartParser]
    throttle_classes = [AnonRateThrottle]
    serializer_class = TokenRequestSerializer

    @extend_schema(
        request=TokenRequestSerializer,
        responses=inline_serializer(
            "IssuedToken", {"token": serializers.CharField(), "expires_at": serializers.DateTimeField()}
        ),
        description="Issues a new API token; it is shown only in this answer and expires after the configured "
        "lifetime (30 days unless set otherwise). A password change revokes every token of the user.",
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, key = ApiToken.issue(serializer.validated_data["user"])
        return Response({"token": key, "expires_at": token.expires_at})

    @extend_schema(
        request=None,
        responses={204: None},
        description="Revokes the token this request is authenticated with; signed in by session, every token of "
        "the user.",
    )
    def delete(self, request):
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        if isinstance(request.auth, ApiToken):
            request.auth.revoke()
        else:
            request.user.api_tokens.revoke()
        return Response(status=status.HTTP_204_NO_CONTENT)
