from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from registry.models import Dependents


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it; fetch it again and reapply your change."
    default_code = "stale_version"


def registry_exception_handler(exc, context):
    """DRF's handler, plus: model validation errors are 400s per field, dependents are 409s."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})
    elif isinstance(exc, Dependents):
        return Response(
            {
                "detail": _("This record is still referenced by active records; archive or reassign them first."),
                "dependents": exc.blockers,
            },
            status=status.HTTP_409_CONFLICT,
        )
    elif isinstance(exc, DataError | OverflowError):
        # The last guard: a value the database cannot store that no field's validation caught.
        exc = ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: [_("A value is outside what the registry can store.")]}
        )
    elif isinstance(exc, IntegrityError):
        exc = Conflict(_("The change conflicts with an existing record (a unique value is already taken)."))
    return exception_handler(exc, context)
