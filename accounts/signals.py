from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def staff_sessions_end_with_the_browser(sender, request, user, **kwargs):
    """Staff reach the admin, where every registry can be changed: their session cookie does not outlive the
    browser (and never SESSION_COOKIE_AGE)."""
    if user.is_staff and hasattr(request, "session"):
        request.session.set_expiry(0)
