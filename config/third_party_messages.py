"""Messages that installed apps show on our pages and translate into Kazakh or Russian poorly or not at all
(Django's admin, django-import-export, django-simple-history, django-axes, django-tasks-db). Listed here so that
makemessages keeps them in locale/: our catalogues come first, so our translation of the same message wins.
Nothing imports this module."""

from django.utils.translation import gettext_noop

MESSAGES = [
    gettext_noop("%(app)s administration"),  # admin
    gettext_noop("%(class_name)s %(instance)s"),  # admin
    gettext_noop("Add link"),  # admin
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),  # admin
    gettext_noop("Breadcrumbs"),  # admin
    gettext_noop("Change or view list link"),  # admin
    gettext_noop("Change selected %(model)s"),  # admin
    gettext_noop("Change:"),  # admin
    gettext_noop("Close"),  # admin
    gettext_noop("Currently:"),  # admin
    gettext_noop("Disable password-based authentication"),  # admin
    gettext_noop("Email address:"),  # admin
    gettext_noop("Filter navigation items"),  # admin
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),  # admin
    gettext_noop("Model name"),  # admin
    gettext_noop("Models in the %(name)s application"),  # admin
    gettext_noop("My actions"),  # admin
    gettext_noop("Recent actions"),  # admin
    gettext_noop("Remove from sorting"),  # admin
    gettext_noop("Select %s to view"),  # admin
    gettext_noop("Select all objects on this page for an action"),  # admin
    gettext_noop("Select this object for an action - {}"),  # admin
    gettext_noop("Show counts"),  # admin
    gettext_noop("Sidebar"),  # admin
    gettext_noop("Skip to main content"),  # admin
    gettext_noop("Sorting priority: %(priority_number)s"),  # admin
    gettext_noop("Start typing to filter…"),  # admin
    gettext_noop("Toggle navigation"),  # admin
    gettext_noop("Toggle sorting"),  # admin
    gettext_noop("Toggle theme (current theme: auto)"),  # admin
    gettext_noop("Toggle theme (current theme: dark)"),  # admin
    gettext_noop("Toggle theme (current theme: light)"),  # admin
    gettext_noop("View %s"),  # admin
    gettext_noop("View selected %(model)s"),  # admin
    gettext_noop("View site"),  # admin
    gettext_noop("View"),  # admin
    gettext_noop("Authentication and Authorization"),  # auth
    gettext_noop("Disabled"),  # auth
    gettext_noop("Enabled"),  # auth
    gettext_noop("Email"),  # auth
    gettext_noop("Enter the same password as before, for verification."),  # auth
    gettext_noop("Password change successful"),  # auth
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),  # auth
    gettext_noop("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."),  # auth
    gettext_noop("Reset password"),  # auth
    gettext_noop("Your password can’t be a commonly used password."),  # auth
    gettext_noop("Your password can’t be entirely numeric."),  # auth
    gettext_noop("Your password can’t be too similar to your other personal information."),  # auth
    gettext_noop("algorithm"),  # auth
    gettext_noop("hash"),  # auth
    gettext_noop("salt"),  # auth
    gettext_noop("Access lock out"),  # axes
    gettext_noop("Attempt Time"),  # axes
    gettext_noop("IP Address"),  # axes
    gettext_noop("Logout Time"),  # axes
    gettext_noop("Path"),  # axes
    gettext_noop("User Agent"),  # axes
    gettext_noop("Content Types"),  # contenttypes
    gettext_noop("Submit"),  # django-filters, import-export
    gettext_noop("Export"),  # import-export
    gettext_noop("Resource"),  # import-export: the export form's choice of file
    gettext_noop("Import"),  # import-export
    gettext_noop("Select all"),  # import-export
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),  # simple-history
    gettext_noop("Change reason"),  # simple-history
    gettext_noop("Changed by"),  # simple-history
    gettext_noop("Changed"),  # simple-history
    gettext_noop("None"),  # admin, simple-history
    gettext_noop("Object"),  # simple-history
    gettext_noop("Revert %(verbose_name)s"),  # simple-history
    gettext_noop("Revert %s"),  # simple-history
    gettext_noop("Revert"),  # simple-history
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),  # simple-history
    gettext_noop("access attempt"),  # axes
    gettext_noop("access attempts"),  # axes
    gettext_noop("access failure"),  # axes
    gettext_noop("access failures"),  # axes
    gettext_noop("access log"),  # axes
    gettext_noop("access logs"),  # axes
    gettext_noop("Username"),  # axes
    gettext_noop("Failed Logins"),  # axes
    gettext_noop("GET Data"),  # axes
    gettext_noop("POST Data"),  # axes
    gettext_noop("HTTP Accept"),  # axes
    gettext_noop("Task Result"),  # django-tasks-db
    gettext_noop("Task Results"),  # django-tasks-db
    gettext_noop("This importer will import the following fields: "),  # import-export
    gettext_noop("This exporter will export the following fields: "),  # import-export
    gettext_noop("Add another %(model)s"),
    gettext_noop("Yes, I’m sure"),
    gettext_noop("No, take me back"),
    gettext_noop("This object doesn’t have a change history. It probably wasn’t added via this admin site."),
    gettext_noop("Format"),
    gettext_noop("File to import"),
    gettext_noop("Password-based authentication"),
    gettext_noop(
        "Please enter your old password, for security’s sake, and then enter your new password twice so we can verify "
        "you typed it in correctly."
    ),
]
