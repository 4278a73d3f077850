"""Instructions of the sessions, followed by dated progress reports until they are done."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models.bodies import Body
from assembly.models.people import Person
from assembly.models.sessions import Session
from registry.fields import link, optional_link
from registry.models import RegistryModel, RegistryQuerySet, TranslatedText


class InstructionStatus(models.TextChoices):
    ASSIGNED = "assigned", _("assigned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


OPEN_STATUSES = (InstructionStatus.ASSIGNED, InstructionStatus.IN_PROGRESS)


# The status changes the server allows: an instruction is reopened from "done" when work turns out to remain.
STATUS_TRANSITIONS = {
    InstructionStatus.ASSIGNED: {InstructionStatus.IN_PROGRESS, InstructionStatus.DONE, InstructionStatus.CANCELLED},
    InstructionStatus.IN_PROGRESS: {InstructionStatus.DONE, InstructionStatus.CANCELLED},
    InstructionStatus.DONE: {InstructionStatus.IN_PROGRESS},
    InstructionStatus.CANCELLED: set(),
}


class InstructionQuerySet(RegistryQuerySet):
    def overdue(self, today=None):
        """Open instructions whose deadline has passed: overdue is derived, never stored."""
        return self.filter(deadline__lt=today or timezone.localdate(), status__in=OPEN_STATUSES)

    def not_overdue(self, today=None):
        return self.exclude(deadline__lt=today or timezone.localdate(), status__in=OPEN_STATUSES)


class Instruction(RegistryModel):
    """A decision of a session addressed to a government body, followed until it is done.

    Sub-instructions split it per ministry or region; the parent's progress is then the mean of theirs.
    """

    translated_fields = ("text",)
    search_fields = ("code", "text_kk", "text_ru", "text_en")

    session = link(Session, _("session"), "instructions")
    parent = optional_link("self", _("parent instruction"), "sub_instructions")
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    code = models.CharField(_("code"), max_length=40, unique=True, editable=False)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    addressee = optional_link(Body, _("addressee"), "instructions_received")
    region = optional_link(
        "regions.Region", _("region"), "instructions", help_text=_("For an instruction addressed to one region.")
    )
    responsible = optional_link(Person, _("responsible person"), "instructions")
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=InstructionStatus.choices, default=InstructionStatus.ASSIGNED
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    progress_percent = models.PositiveSmallIntegerField(
        _("progress, %"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    text = TranslatedText()
    objects = InstructionQuerySet.as_manager()
    access = AccessRule(visibility=Visibility.INTERNAL, region_path=None)

    class Meta:
        ordering = ["-session__number", "code"]
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"],
                condition=Q(parent__isnull=True),
                name="instruction_unique_number_in_session",
                violation_error_message=_("The session already has an instruction with this number."),
            ),
            models.UniqueConstraint(
                fields=["parent", "number"],
                condition=Q(parent__isnull=False),
                name="sub_instruction_unique_number_in_parent",
                violation_error_message=_("The instruction already has a sub-instruction with this number."),
            ),
        ]

    def __str__(self):
        return self.code or str(self.number)

    @property
    def overdue(self):
        return bool(self.deadline and self.deadline < timezone.localdate() and self.status in OPEN_STATUSES)

    def build_code(self):
        if self.parent_id:
            return f"{self.parent.code}.{self.number}"
        return f"{self.session.roman}-{self.number}"

    def clean(self):
        super().clean()
        errors = {}
        if not any((self.text_kk, self.text_ru, self.text_en)):
            errors["text_translations"] = _("Give the text in at least one language.")
        if self.parent_id:
            if self.parent_id == self.pk:
                errors["parent"] = _("An instruction cannot be its own sub-instruction.")
            elif self.parent.parent_id:
                errors["parent"] = _("Sub-instructions go one level deep; choose a top-level instruction.")
            elif self.session_id and self.parent.session_id != self.session_id:
                errors["session"] = _("A sub-instruction belongs to its parent's session.")
        previous = None
        if self.pk:
            previous = Instruction.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if previous and previous != self.status and self.status not in STATUS_TRANSITIONS[previous]:
            errors["status"] = _("An instruction cannot go from “%(old)s” to “%(new)s”.") % {
                "old": InstructionStatus(previous).label,
                "new": InstructionStatus(self.status).label,
            }
        if self.pk and self.has_sub_instructions():
            stored = Instruction.objects.filter(pk=self.pk).values_list("progress_percent", flat=True).first()
            if stored is not None and stored != self.progress_percent:
                errors["progress_percent"] = _(
                    "The progress of an instruction with sub-instructions is rolled up from them."
                )
        if errors:
            raise ValidationError(errors)

    def has_sub_instructions(self):
        return Instruction.objects.active().filter(parent_id=self.pk).exists()

    def save(self, *args, **kwargs):
        if self.parent_id and not self.session_id:
            self.session_id = self.parent.session_id
        previous = None
        if self.pk:
            previous = Instruction.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if previous != self.status:
            self.status_changed_on = timezone.localdate()
        if self.status == InstructionStatus.DONE and not (self.pk and self.has_sub_instructions()):
            self.progress_percent = 100
        self.code = self.build_code()
        super().save(*args, **kwargs)
        if self.parent_id:
            self.parent.roll_up()

    def roll_up(self):
        """Set this instruction's progress to the mean of its active, not cancelled sub-instructions."""
        parts = Instruction.objects.active().filter(parent_id=self.pk).exclude(status=InstructionStatus.CANCELLED)
        values = list(parts.values_list("progress_percent", flat=True))
        if not values:
            return
        progress = round(sum(values) / len(values))
        if progress != self.progress_percent:
            self.progress_percent = progress
            super().save(update_fields=["progress_percent", "updated_at"])


class ProgressReport(RegistryModel):
    """A dated report on an instruction; the latest one sets the instruction's progress."""

    translated_fields = ("text",)
    search_fields = ("text_kk", "text_ru", "text_en")

    instruction = link(Instruction, _("instruction"), "reports")
    reported_on = models.DateField(_("reported on"))
    progress_percent = models.PositiveSmallIntegerField(
        _("progress, %"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)

    text = TranslatedText()
    access = AccessRule(visibility=Visibility.INTERNAL, region_path=None)

    class Meta:
        ordering = ["instruction_id", "-reported_on", "-id"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self):
        return f"{self.instruction} — {self.reported_on}: {self.progress_percent}%"

    def clean(self):
        super().clean()
        errors = {}
        if self.reported_on and self.reported_on > timezone.localdate():
            errors["reported_on"] = _("A report cannot be dated in the future.")
        if not any((self.text_kk, self.text_ru, self.text_en)):
            errors["text_translations"] = _("Give the text in at least one language.")
        if self.instruction_id and self.instruction.has_sub_instructions():
            errors["instruction"] = _("Report on the sub-instructions; this instruction's progress rolls up from them.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        instruction = self.instruction
        latest = instruction.reports.filter(archived_at__isnull=True).order_by("-reported_on", "-id").first()
        if latest is None or latest.pk != self.pk or instruction.has_sub_instructions():
            return
        changed = instruction.progress_percent != self.progress_percent
        instruction.progress_percent = self.progress_percent
        if instruction.status == InstructionStatus.ASSIGNED and self.progress_percent > 0:
            instruction.status = InstructionStatus.IN_PROGRESS
            changed = True
        if changed and instruction.status != InstructionStatus.DONE:
            instruction.save()
