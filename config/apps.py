"""Installed apps that name themselves in English only: the same apps, named in the interface's language."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class SignInProtectionConfig(AxesAppConfig):
    """django-axes: the record of sign-in attempts and lockouts."""

    verbose_name = _("Sign-in attempts")


class BackgroundTasksConfig(TasksAppConfig):
    """django-tasks-db: the queue of background tasks."""

    verbose_name = _("Background tasks")
