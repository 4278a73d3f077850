"""The records a write may point at: every relation a user sets (a parent, a successor, a patron, an organiser, a
person on a roster, a case's mediators…) must point at a record accounts.access lets them link. Asked by the API's
serializers and the admin's forms alike; the portal narrows its choices by the same rule."""

from accounts import access
from registry.models import RegistryModel


def relation_fields(model):
    """The foreign keys and many-to-many fields of `model` that point at another registry."""
    fields = []
    for field in model._meta.get_fields():
        if not field.is_relation or field.auto_created or (not field.concrete and not field.many_to_many):
            continue
        if getattr(field.remote_field, "parent_link", False):
            continue
        if (field.many_to_one or field.one_to_one or field.many_to_many) and issubclass(
            field.related_model, RegistryModel
        ):
            fields.append(field)
    return fields


def relation_errors(user, model, before, values):
    """{field name: [message]} for each relation in `values` (field name → a record, a list of records, or None)
    that `user` sets to a record they may not link. Relations left as `before` (the stored record, or None for a new
    one) had are not asked again: a record the secretariat linked stays editable by others."""
    if access.is_secretariat(user):
        return {}
    errors = {}
    for field in relation_fields(model):
        if field.name not in values or values[field.name] is None:
            continue
        value = values[field.name]
        if field.many_to_many:
            kept = set()
            if before is not None and before.pk is not None:
                kept = set(getattr(before, field.name).values_list("pk", flat=True))
            targets = [target for target in value if target.pk not in kept]
        else:
            if before is not None and before.pk is not None and getattr(before, field.attname) == value.pk:
                continue
            targets = [value]
        # A record saved in the same form (an inline row's new parent) is the write's own, checked as such.
        targets = [target for target in targets if target.pk is not None]
        refused = next((target for target in targets if not access.can_link(user, target)), None)
        if refused is not None:
            errors[field.name] = [access.link_refusal(refused)]
    return errors
