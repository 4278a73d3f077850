"""What the security tests share: signing in, the test users' passwords, asking for an API token."""

from rest_framework.test import APIClient


def signed_in(client, user):
    client.force_login(user)
    return client


def password_of(name):
    return "pw-" + name


def obtain(name, password=None, **extra):
    """POST the token endpoint as `name` (with their password unless another is given)."""
    return APIClient().post(
        "/api/v1/auth/token/",
        {"username": name, "password": password or password_of(name)},
        format="json",
        **extra,
    )


def portal_login(client, username, password, **extra):
    return client.post("/portal/login/", {"username": username, "password": password}, **extra)
