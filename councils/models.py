"""Councils of Mothers and Elders, the youth and expert wings, and mothers' homes.

Councils are bodies (multi-table children of assembly.Body), so their chairs and members are ordinary dated
memberships (assembly.Membership) and an event can name them as organisers. Who may read what is declared on each
model (`access`, see councils.access).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models import Body, BodyKind, Level, Membership, MembershipRole
from councils.access import OwnRegionOnly
from registry.fields import link, optional_link
from registry.models import NamedRegistryModel, RegistryQuerySet, TranslatedText, in_force

COUNCIL_KINDS = (
    BodyKind.COUNCIL_OF_MOTHERS,
    BodyKind.COUNCIL_OF_ELDERS,
    BodyKind.YOUTH_ASSEMBLY,
    BodyKind.EXPERT_COUNCIL,
    BodyKind.UNIVERSITY_DEPARTMENT,
    BodyKind.JOURNALISTS_CLUB,
)
COUNCIL_KIND_CHOICES = [(kind.value, kind.label) for kind in COUNCIL_KINDS]
COUNCIL_ROLES = (
    MembershipRole.CHAIR,
    MembershipRole.DEPUTY,
    MembershipRole.SECRETARY,
    MembershipRole.MEMBER,
    MembershipRole.EXPERT,
)
COUNCIL_ROLE_CHOICES = [(role.value, role.label) for role in COUNCIL_ROLES]
LEVEL_RANK = {Level.REPUBLICAN: 0, Level.REGIONAL: 1, Level.DISTRICT: 2, Level.LOCAL: 3}


def held_on(on=None, prefix=""):
    """Memberships (or rows under `prefix`) that are active registry records and in force on the day `on`."""
    return Q(**{f"{prefix}archived_at__isnull": True}) & in_force(on or timezone.localdate(), prefix)


# ---------------------------------------------------------------------------------------------------------------
# Councils
# ---------------------------------------------------------------------------------------------------------------
class YouthWing(models.TextChoices):
    STUDENT_ASSEMBLY = "student_assembly", _("Student Assembly")
    YOUNG_SCIENTISTS_CLUB = "young_scientists_club", _("Young Scientists' Club")
    NEW_WAVE = "new_wave", _("“New Wave” (Zhaña Tolqyn)")


class CouncilQuerySet(RegistryQuerySet):
    def with_member_count(self, on=None):
        """`member_count`: the people holding an active membership on the day `on` (today by default).

        Counted by a subquery per council rather than a join grouped over every membership: PostgreSQL then counts
        only the councils of the page, after sorting and cutting, and the list's count needs no grouping."""
        members = (
            Membership.objects.filter(held_on(on), body=OuterRef("pk"))
            .order_by()
            .values("body")
            .annotate(people=Count("person", distinct=True))
            .values("people")
        )
        return self.annotate(member_count=Coalesce(Subquery(members, output_field=models.IntegerField()), 0))


class Council(Body):
    """A council of the Assembly's network at republican, regional, district or local level.

    Its chair and members are dated memberships (roles chair, deputy chair, secretary, member, expert); the member
    count is derived from them. Where a roster is not kept, `declared_headcount` carries the figure the council
    reports, and every interface marks it as declared.
    """

    search_fields = ("name_kk", "name_ru", "name_en", "university_kk", "university_ru", "university_en")

    wing = models.CharField(
        _("wing"),
        max_length=30,
        choices=YouthWing.choices,
        blank=True,
        help_text=_("For the Assembly of Youth: which of its wings this is, if any."),
    )
    university_kk = models.CharField(_("university (Kazakh)"), max_length=255, blank=True)
    university_ru = models.CharField(_("university (Russian)"), max_length=255, blank=True)
    university_en = models.CharField(_("university (English)"), max_length=255, blank=True)
    declared_headcount = models.PositiveIntegerField(
        _("declared headcount"),
        null=True,
        blank=True,
        help_text=_("Only where the roster is not kept here: the number of members the council reports."),
    )

    university = TranslatedText()
    member_roles = COUNCIL_ROLES
    objects = CouncilQuerySet.as_manager()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["kind", "region_id", "name_en"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    @property
    def headcount_declared(self):
        return self.declared_headcount is not None

    def clean(self):
        super().clean()
        errors = {}
        if self.kind not in COUNCIL_KINDS:
            errors["kind"] = _("Choose one of the kinds of council.")
        if self.wing and self.kind != BodyKind.YOUTH_ASSEMBLY:
            errors["wing"] = _("Only the Assembly of Youth has wings.")
        has_university = any((self.university_kk, self.university_ru, self.university_en))
        if self.kind == BodyKind.UNIVERSITY_DEPARTMENT and not has_university:
            errors["university_en"] = _("Name the university the department belongs to.")
        if has_university and self.kind != BodyKind.UNIVERSITY_DEPARTMENT:
            errors["university_en"] = _("Only a university department names a university.")
        if self.level == Level.DISTRICT and not self.district_id:
            errors["district"] = _("A district council needs its district.")
        if self.parent_id and "parent" not in errors:
            parent = Council.objects.filter(pk=self.parent_id).only("level").first()
            if parent is None:
                errors["parent"] = _("The parent must be a council.")
            elif LEVEL_RANK.get(parent.level, 0) > LEVEL_RANK.get(self.level, 0):
                errors["parent"] = _("The parent council cannot be of a lower level than this one.")
            elif self.pk and self._is_ancestor_of(parent):
                errors["parent"] = _("A council cannot sit under one of its own sub-councils.")
        if errors:
            raise ValidationError(errors)

    def _is_ancestor_of(self, council):
        seen = set()
        body = council
        while body is not None and body.pk not in seen:
            if body.pk == self.pk:
                return True
            seen.add(body.pk)
            body = Body.objects.filter(pk=body.parent_id).only("parent_id").first() if body.parent_id else None
        return False


# ---------------------------------------------------------------------------------------------------------------
# Mothers' homes
# ---------------------------------------------------------------------------------------------------------------
class HomeStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open")
    SUSPENDED = "suspended", _("temporarily closed")
    CLOSED = "closed", _("closed")


class MothersHome(NamedRegistryModel):
    """A shelter where a woman in hardship stays with her child, under a Council of Mothers' patronage.

    By design only the home's figures are kept: nothing about the women and children who live there.
    """

    region = link("regions.Region", _("region"), "mothers_homes")
    district = optional_link("regions.District", _("district"), "mothers_homes")
    patron_council = optional_link(
        Council, _("patron council"), "mothers_homes", limit_choices_to={"kind": BodyKind.COUNCIL_OF_MOTHERS}
    )
    capacity = models.PositiveIntegerField(_("capacity (places)"), validators=[MinValueValidator(1)])
    occupancy = models.PositiveIntegerField(
        _("current occupancy"), default=0, help_text=_("A number only; no resident is recorded.")
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=HomeStatus.choices, default=HomeStatus.OPEN)
    note = models.TextField(_("note"), blank=True)

    access = OwnRegionOnly(visibility=Visibility.CONFIDENTIAL, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["region_id", "name_en"]
        verbose_name = _("mothers' home")
        verbose_name_plural = _("mothers' homes")
        constraints = [
            models.CheckConstraint(
                condition=Q(occupancy__lte=models.F("capacity")), name="mothers_home_occupancy_within_capacity"
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.capacity is not None and self.occupancy is not None and self.occupancy > self.capacity:
            errors["occupancy"] = _("The occupancy cannot exceed the capacity.")
        if self.status in (HomeStatus.PLANNED, HomeStatus.CLOSED) and self.occupancy:
            errors["occupancy"] = _("A planned or closed home has no residents.")
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            errors["district"] = _("The district must lie in the home's region.")
        if self.patron_council_id:
            patron = Council.objects.filter(pk=self.patron_council_id).only("kind").first()
            if patron is None or patron.kind != BodyKind.COUNCIL_OF_MOTHERS:
                errors["patron_council"] = _("The patron must be a Council of Mothers.")
        if errors:
            raise ValidationError(errors)
