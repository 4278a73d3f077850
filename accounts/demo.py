"""The demo users listed in README.md, all with the password in DEMO_PASSWORD."""

from django.conf import settings

from accounts.models import ApiToken, Role, User

DEMO_USERS = [
    # username, role, region, staff, superuser, full name
    ("admin", Role.SECRETARIAT, None, True, True, "Administrator"),
    ("secretariat", Role.SECRETARIAT, None, True, False, "Secretariat staff"),
    ("coord-kz-10", Role.COORDINATOR, "KZ-10", False, False, "Coordinator, Abai region"),
    ("coord-kz-75", Role.COORDINATOR, "KZ-75", False, False, "Coordinator, Almaty city"),
    ("mediator-kz-10", Role.MEDIATOR, "KZ-10", False, False, "Mediator, Abai mediation office"),
    ("reader", Role.READER, None, False, False, "API reader"),
]


def seed(stdout):
    stdout.write(f"Demo users (password: {settings.DEMO_PASSWORD}):")
    for username, role, region, staff, superuser, full_name in DEMO_USERS:
        first_name, _sep, last_name = full_name.partition(", ")
        user, created = User.objects.get_or_create(username=username)
        user.role, user.region_id, user.is_staff, user.is_superuser = role, region, staff, superuser
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{username}@demo.shanyrak.kz"
        if created or not user.check_password(settings.DEMO_PASSWORD):
            user.set_password(settings.DEMO_PASSWORD)
        user.save()
        # Keys are stored hashed and cannot be shown again: each seeding issues fresh ones and revokes the old.
        user.api_tokens.revoke()
        _token, key = ApiToken.issue(user)
        # The region by its name in the active language (the code is what people type in the admin, so it follows).
        where = f", {user.region.name} ({region})" if region else ""
        stdout.write(f"  {username:<16} {user.get_role_display()}{where}  (API token {key})")
