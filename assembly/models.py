"""Bodies, people and the posts they hold (Popolo-style): the shared core of the Assembly's registries.

Every organisation of the Assembly's world is a Body: the Assembly itself, regional assemblies, councils,
associations, Houses of Friendship. Specialised registries extend it by multi-table inheritance, so a membership
or an event's organiser can point at any of them. People hold posts only through dated memberships.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.access import RosterPersonRule, RosterRule
from assembly.validators import validate_bin
from registry.models import NamedRegistryModel, RegistryModel, RegistryQuerySet, TranslatedText


class BodyKind(models.TextChoices):
    NATIONAL_ASSEMBLY = "national_assembly", _("national Assembly")
    REGIONAL_ASSEMBLY = "regional_assembly", _("regional assembly")
    COUNCIL_OF_ASSEMBLY = "council_of_assembly", _("Council of the Assembly")
    SECRETARIAT = "secretariat", _("Secretariat")
    PUBLIC_ACCORD = "public_accord", _("Public Accord institution")
    PARLIAMENTARY_GROUP = "parliamentary_group", _("inter-chamber parliamentary group")
    KURULTAI = "kurultai", _("National Kurultai")
    PARLIAMENT_CHAMBER = "parliament_chamber", _("chamber of Parliament")
    ETHNOCULTURAL_ASSOCIATION = "ethnocultural_association", _("ethnocultural association")
    PUBLIC_ASSOCIATION = "public_association", _("public association")
    HOUSE_OF_FRIENDSHIP = "house_of_friendship", _("House of Friendship")
    COUNCIL_OF_MOTHERS = "council_of_mothers", _("Council of Mothers")
    COUNCIL_OF_ELDERS = "council_of_elders", _("Council of Elders")
    YOUTH_ASSEMBLY = "youth_assembly", _("Assembly of Youth or one of its wings")
    EXPERT_COUNCIL = "expert_council", _("Scientific-Expert Council")
    UNIVERSITY_DEPARTMENT = "university_department", _("university department of the Assembly")
    JOURNALISTS_CLUB = "journalists_club", _("Journalists' Club")
    MEDIATION_OFFICE = "mediation_office", _("mediation office")
    STATE_BODY = "state_body", _("state body")
    OTHER = "other", _("other")


class Level(models.TextChoices):
    REPUBLICAN = "republican", _("republican")
    REGIONAL = "regional", _("regional")
    DISTRICT = "district", _("district")
    LOCAL = "local", _("local")


class BodyStatus(models.TextChoices):
    """Every status a body can have; each kind of body allows its own subset (`Body.allowed_statuses`)."""

    PLANNED = "planned", _("planned")
    UNDER_CONSTRUCTION = "under_construction", _("under construction")
    REGISTERED = "registered", _("registered")
    ACTIVE = "active", _("active")
    OPERATING = "operating", _("operating")
    SUSPENDED = "suspended", _("suspended")
    REORGANISED = "reorganised", _("reorganised")
    LIQUIDATED = "liquidated", _("liquidated")
    CLOSED = "closed", _("closed")
    DISSOLVED = "dissolved", _("dissolved")


ASSEMBLY_KINDS = (BodyKind.NATIONAL_ASSEMBLY, BodyKind.REGIONAL_ASSEMBLY)


class Body(NamedRegistryModel):
    """An organisation: founded, renamed, merged and replaced as data, never as code."""

    kind = models.CharField(_("kind"), max_length=40, choices=BodyKind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.REPUBLICAN)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("The body that took over when this one was reorganised."),
    )
    status = models.CharField(_("status"), max_length=20, choices=BodyStatus.choices, default=BodyStatus.ACTIVE)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    website = models.URLField(_("website"), blank=True)

    description = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region")
    # A specialised registry (a multi-table child) fixes its kind, its statuses and the roles of its members.
    body_kind = None
    member_roles = None  # None: any role
    allowed_statuses = (
        BodyStatus.PLANNED,
        BodyStatus.ACTIVE,
        BodyStatus.SUSPENDED,
        BodyStatus.REORGANISED,
        BodyStatus.DISSOLVED,
    )

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        indexes = [models.Index(fields=["region", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(kind="regional_assembly"),
                name="one_regional_assembly_per_region",
                violation_error_message=_("This region already has its regional assembly."),
            ),
        ]

    @classmethod
    def specialised_kinds(cls):
        """Kinds kept by a specialised registry of their own (associations, Houses of Friendship)."""
        return {child.body_kind: child for child in Body.__subclasses__() if getattr(child, "body_kind", None)}

    def name_on(self, day):
        """The body's name as it was on `day`: a dated former name, or its current name."""
        for former in self.former_names.all():
            if (former.valid_from is None or former.valid_from <= day) and (
                former.valid_until is None or day <= former.valid_until
            ):
                return former
        return self

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.body_kind and not self.kind:
            self.kind = self.body_kind

    def normalise(self):
        """Values derived from others; applied both when validating and when saving."""
        if self.body_kind:
            self.kind = self.body_kind

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def clean(self):
        self.normalise()
        super().clean()
        errors = {}
        if not self.body_kind and self.kind in self.specialised_kinds():
            registry = self.specialised_kinds()[self.kind]._meta.verbose_name_plural
            errors["kind"] = _("Keep bodies of this kind in the registry of %(registry)s.") % {"registry": registry}
        if self.status and self.status not in self.allowed_statuses:
            allowed = ", ".join(str(BodyStatus(status).label) for status in self.allowed_statuses)
            errors["status"] = _("Choose one of: %(allowed)s.") % {"allowed": allowed}
        if self.kind == BodyKind.REGIONAL_ASSEMBLY and not self.region_id:
            errors["region"] = _("A regional assembly needs its region.")
        if self.founded_on and self.dissolved_on and self.dissolved_on < self.founded_on:
            errors["dissolved_on"] = _("A body cannot be dissolved before it was founded.")
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            errors["district"] = _("The district must lie in the body's region.")
        if self.level in (Level.REGIONAL, Level.DISTRICT, Level.LOCAL) and not self.region_id:
            errors["region"] = _("A regional, district or local body needs its region.")
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("A body cannot be its own parent.")
        if self.successor_id and self.pk and self.successor_id == self.pk:
            errors["successor"] = _("A body cannot succeed itself.")
        if errors:
            raise ValidationError(errors)


class Person(RegistryModel):
    """A person. Contact details are confidential; the public biography is not."""

    surname = models.CharField(_("surname"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    name_kk = models.CharField(_("full name (Kazakh)"), max_length=255, blank=True)
    name_ru = models.CharField(_("full name (Russian)"), max_length=255, blank=True)
    name_en = models.CharField(_("full name (English)"), max_length=255, blank=True)
    biography_kk = models.TextField(_("biography (Kazakh)"), blank=True)
    biography_ru = models.TextField(_("biography (Russian)"), blank=True)
    biography_en = models.TextField(_("biography (English)"), blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="persons",
        help_text=_("Where the person lives and works; decides who may see the contacts."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)

    biography = TranslatedText()
    access = RosterPersonRule(visibility=Visibility.INTERNAL, region_path="region")
    contact_fields = ("email", "phone", "address")

    class Meta:
        ordering = ["surname", "given_name", "patronymic"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [models.Index(fields=["surname", "given_name"])]

    @property
    def full_name(self):
        return " ".join(part for part in (self.surname, self.given_name, self.patronymic) if part)

    @property
    def name(self):
        from registry.models import translated

        return translated(self, "name") or self.full_name

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman")
    HONORARY_CHAIRMAN = "honorary_chairman", _("Honorary Chairman")
    DEPUTY_CHAIRMAN = "deputy_chairman", _("Deputy Chairman")
    HEAD_OF_SECRETARIAT = "head_of_secretariat", _("Head of the Secretariat")
    REGIONAL_CHAIR = "regional_chair", _("chair of a regional assembly (akim)")
    COUNCIL_MEMBER = "council_member", _("member of the Council of the Assembly")
    MAZHILIS_DEPUTY = "mazhilis_deputy", _("Mazhilis deputy elected by the Assembly")
    SENATOR = "senator", _("Senator recommended by the Assembly")
    KURULTAI_MEMBER = "kurultai_member", _("member of the National Kurultai")
    AMBASSADOR = "ambassador", _("Ambassador of Friendship")
    LEADER = "leader", _("leader")
    CHAIR = "chair", _("chair")
    DEPUTY = "deputy", _("deputy chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")
    EXPERT = "expert", _("expert")


class EndReason(models.TextChoices):
    TERM_ENDED = "term_ended", _("term ended")
    ROTATION = "rotation", _("rotation")
    RESIGNED = "resigned", _("resigned")
    DISMISSED = "dismissed", _("dismissed")
    ELECTED_ELSEWHERE = "elected_elsewhere", _("moved to another post")
    BODY_REORGANISED = "body_reorganised", _("the body was reorganised")
    DIED = "died", _("died")
    OTHER = "other", _("other")


class Membership(RegistryModel):
    """A person holding a role in a body from one date to another."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships")
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices, db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_reason = models.CharField(_("end reason"), max_length=30, choices=EndReason.choices, blank=True)
    appointed_by = models.CharField(
        _("appointed or recommended by"),
        max_length=255,
        blank=True,
        help_text=_("The decree, session or body that appointed, elected or recommended the person."),
    )
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2, for Ambassadors of Friendship.")
    )
    note = models.TextField(_("note"), blank=True)

    access = RosterRule(visibility=Visibility.INTERNAL, region_path="body__region")

    class Meta:
        ordering = ["-start_date", "id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["body", "role", "start_date"])]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.body}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.end_reason and not self.end_date:
            raise ValidationError({"end_reason": _("Give the end date together with the end reason.")})
        if self.body_id and self.role:
            self.check_role()
        if self.body_id and self.role and self.archived_at is None:
            self.check_quota()

    def check_role(self):
        """A specialised body (a council) seats only its own roles (chair, deputy chair, secretary, member, expert)."""
        for child in Body.__subclasses__():
            roles = child.member_roles
            if roles and self.role not in roles and child.objects.filter(pk=self.body_id).exists():
                allowed = ", ".join(str(Role(role).label) for role in roles)
                raise ValidationError({"role": _("Choose one of: %(allowed)s.") % {"allowed": allowed}})

    def occupied_days(self):
        """The days this membership takes a seat, as ordinals [first, last].

        The end date is the handover day: a successor may start on it without exceeding the quota.
        """
        first = self.start_date.toordinal() if self.start_date else date.min.toordinal()
        if self.end_date is None:
            return first, date.max.toordinal()
        last = self.end_date.toordinal()
        return first, max(first, last - 1)

    def check_quota(self):
        """Refuse a membership that would seat more holders on a post than its quota on any of its days."""
        posts = list(Post.objects.active().filter(body_id=self.body_id, role=self.role))
        if not posts:
            return
        if self.start_date and not any(post.in_force_on(self.start_date) for post in posts):
            raise ValidationError(
                {"start_date": _("This body had no such post on %(day)s.") % {"day": self.start_date.isoformat()}}
            )
        first, last = self.occupied_days()
        others = [
            other.occupied_days()
            for other in Membership.objects.active().filter(body_id=self.body_id, role=self.role).exclude(pk=self.pk)
        ]
        for post in posts:
            low, high = max(first, post.first_day()), min(last, post.last_day())
            if low > high:
                continue
            changes = []
            for other_first, other_last in others:
                start, end = max(low, other_first), min(high, other_last)
                if start <= end:
                    changes += [(start, 1), (end + 1, -1)]
            held, fullest, fullest_day = 0, 0, low
            for day, change in sorted(changes):
                held += change
                if held > fullest:
                    fullest, fullest_day = held, day
            if fullest + 1 > post.seats:
                raise ValidationError(
                    {
                        "role": _(
                            "The post “%(post)s” is full on %(day)s (seats: %(seats)d); end another membership first."
                        )
                        % {"post": post.name, "seats": post.seats, "day": date.fromordinal(fullest_day).isoformat()}
                    }
                )


class Post(NamedRegistryModel):
    """A post of a body with its number of seats over a period: quotas change with constitutions, as data."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="posts")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices, db_index=True)
    seats = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1)])
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, blank=True, help_text=_("The constitution article, law or decree.")
    )

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="body__region")

    class Meta:
        ordering = ["body_id", "role", "valid_from"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def first_day(self):
        return self.valid_from.toordinal() if self.valid_from else date.min.toordinal()

    def last_day(self):
        return self.valid_to.toordinal() if self.valid_to else date.max.toordinal()

    def in_force_on(self, day):
        return self.first_day() <= day.toordinal() <= self.last_day()

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})
        if self.body_id and self.role:
            for other in Post.objects.active().filter(body_id=self.body_id, role=self.role).exclude(pk=self.pk):
                if self.first_day() <= other.last_day() and other.first_day() <= self.last_day():
                    raise ValidationError(
                        {"valid_from": _("This post overlaps “%(other)s”; end that one first.") % {"other": other}}
                    )


class BodyName(RegistryModel):
    """A former name of a body and the period it was used."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="former_names")
    name_kk = models.CharField(_("name (Kazakh)"), max_length=255, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=255, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=255)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    name = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="body__region")

    class Meta:
        ordering = ["body_id", "valid_from"]
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date cannot be before the start date.")})


class IdentifierScheme(models.TextChoices):
    BIN = "bin", _("BIN (business identification number)")
    KATO = "kato", _("KATO code")
    REGISTRATION = "registration", _("registration certificate number")
    WEBSITE = "website", _("website")
    OTHER = "other", _("other")


class Identifier(RegistryModel):
    """An identifier of a body, as a (scheme, value) pair; a BIN is checked digit by digit."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="identifiers")
    scheme = models.CharField(_("scheme"), max_length=20, choices=IdentifierScheme.choices)
    value = models.CharField(_("value"), max_length=255)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="body__region")

    class Meta:
        ordering = ["body_id", "scheme"]
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"],
                name="identifier_unique_per_scheme",
                violation_error_message=_("Another body already has this identifier."),
            )
        ]

    def __str__(self):
        return f"{self.get_scheme_display()}: {self.value}"

    def clean(self):
        super().clean()
        self.value = (self.value or "").strip()
        if self.scheme == IdentifierScheme.BIN:
            try:
                validate_bin(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from error


ROMAN_NUMERALS = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def to_roman(number):
    result = []
    for value, numeral in ROMAN_NUMERALS:
        count, number = divmod(number, value)
        result.append(numeral * count)
    return "".join(result)


def from_roman(text):
    """The integer of a Roman numeral such as XXXIV, or None when `text` is not one."""
    text = (text or "").strip().upper()
    if not text or not set(text) <= set("MDCLXVI"):
        return None
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        total += -value if index + 1 < len(text) and values[text[index + 1]] > value else value
    return total if to_roman(total) == text else None


class Session(RegistryModel):
    """A session of the Assembly: its supreme body, numbered in Roman numerals."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True, validators=[MinValueValidator(1)])
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    chair = models.ForeignKey(
        Person, verbose_name=_("chair"), on_delete=models.PROTECT, null=True, blank=True, related_name="sessions"
    )
    theme_kk = models.CharField(_("theme (Kazakh)"), max_length=500, blank=True)
    theme_ru = models.CharField(_("theme (Russian)"), max_length=500, blank=True)
    theme_en = models.CharField(_("theme (English)"), max_length=500, blank=True)
    dates_verified = models.BooleanField(
        _("dates verified"), default=False, help_text=_("The dates are confirmed by more than one source.")
    )
    note = models.TextField(_("note"), blank=True)

    theme = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @property
    def roman(self):
        return to_roman(self.number) if self.number else ""

    def __str__(self):
        return _("Session %(roman)s (%(date)s)") % {"roman": self.roman, "date": self.start_date}

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class AgendaItem(RegistryModel):
    """One item of a session's agenda, in order."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), validators=[MinValueValidator(1)])
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500)
    speaker = models.ForeignKey(
        Person, verbose_name=_("speaker"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    title = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["session_id", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"],
                name="agenda_item_unique_position",
                violation_error_message=_("The session already has an agenda item at this position."),
            )
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class DocumentKind(models.TextChoices):
    RESOLUTION = "resolution", _("resolution")
    TRANSCRIPT = "transcript", _("transcript")
    SPEECH = "speech", _("speech")
    PRESS_RELEASE = "press_release", _("press release")
    MEDIA = "media", _("photos or video")
    OTHER = "other", _("other")


class SessionDocument(RegistryModel):
    """A document of a session or a link to it."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500)
    url = models.URLField(_("link"), max_length=500, blank=True)

    title = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["session_id", "kind", "title_en"]
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")

    def __str__(self):
        return self.title


class Award(NamedRegistryModel):
    """A state or Assembly award, such as the “El Birligi” Order."""

    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    description = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [models.UniqueConstraint(fields=["name_en"], name="award_unique_english_name")]


class AwardPresentation(RegistryModel):
    """An award presented to a person, usually at a session."""

    award = models.ForeignKey(Award, verbose_name=_("award"), on_delete=models.PROTECT, related_name="presentations")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="awards")
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    access = AccessRule(visibility=Visibility.INTERNAL, region_path=None)

    class Meta:
        ordering = ["-awarded_on", "id"]
        verbose_name = _("award presented")
        verbose_name_plural = _("awards presented")

    def __str__(self):
        return f"{self.award} — {self.person}"

    def save(self, *args, **kwargs):
        if self.session_id and not self.awarded_on:
            self.awarded_on = self.session.start_date
        super().save(*args, **kwargs)


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

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="instructions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent instruction"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sub_instructions",
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    code = models.CharField(_("code"), max_length=40, unique=True, editable=False)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    addressee = models.ForeignKey(
        Body,
        verbose_name=_("addressee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instructions_received",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instructions",
        help_text=_("For an instruction addressed to one region."),
    )
    responsible = models.ForeignKey(
        Person,
        verbose_name=_("responsible person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instructions",
    )
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

    instruction = models.ForeignKey(
        Instruction, verbose_name=_("instruction"), on_delete=models.PROTECT, related_name="reports"
    )
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


class DocumentType(models.TextChoices):
    LAW = "law", _("law")
    CONCEPT = "concept", _("concept")
    DOCTRINE = "doctrine", _("doctrine")
    DECREE = "decree", _("decree")
    PROGRAMME = "programme", _("programme or plan")
    OTHER = "other", _("other")


class StrategicDocument(NamedRegistryModel):
    """A law, concept or doctrine, with its number, date and period of validity."""

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentType.choices, db_index=True)
    number = models.CharField(_("number"), max_length=50, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_year = models.PositiveSmallIntegerField(
        _("year adopted"), null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    start_date = models.DateField(_("in force from"), null=True, blank=True)
    end_date = models.DateField(_("in force until"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        Body, verbose_name=_("adopted by"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["-adopted_year", "name_en"]
        verbose_name = _("strategic document")
        verbose_name_plural = _("strategic documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name_en"], name="strategic_document_unique_name"),
        ]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.adopted_on and self.adopted_year and self.adopted_year != self.adopted_on.year:
            raise ValidationError({"adopted_year": _("The year must match the date of adoption.")})

    def save(self, *args, **kwargs):
        if self.adopted_on:
            self.adopted_year = self.adopted_on.year
        super().save(*args, **kwargs)


class EthnicGroup(NamedRegistryModel):
    """An ethnic group of Kazakhstan, with its 2021 census population where known."""

    census_2021_count = models.PositiveIntegerField(_("population, census 2021"), null=True, blank=True)
    census_2021_percent = models.DecimalField(
        _("share of population, census 2021, %"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    census_2021_rank = models.PositiveSmallIntegerField(_("rank, census 2021"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["census_2021_rank", "name_en"]
        verbose_name = _("ethnic group")
        verbose_name_plural = _("ethnic groups")
        constraints = [models.UniqueConstraint(fields=["name_en"], name="ethnic_group_unique_english_name")]


class HouseKind(models.TextChoices):
    REPUBLICAN = "republican", _("republican")
    REGIONAL = "regional", _("regional")
    CITY = "city", _("city")
    DISTRICT = "district", _("district")
    ASSEMBLY_CENTRE = "assembly_centre", _("district Assembly centre")


HOUSE_LEVELS = {
    HouseKind.REPUBLICAN: Level.REPUBLICAN,
    HouseKind.REGIONAL: Level.REGIONAL,
    HouseKind.CITY: Level.LOCAL,
    HouseKind.DISTRICT: Level.DISTRICT,
    HouseKind.ASSEMBLY_CENTRE: Level.DISTRICT,
}


class HouseStatus(models.TextChoices):
    PLANNED = BodyStatus.PLANNED.value, BodyStatus.PLANNED.label
    UNDER_CONSTRUCTION = BodyStatus.UNDER_CONSTRUCTION.value, BodyStatus.UNDER_CONSTRUCTION.label
    OPERATING = BodyStatus.OPERATING.value, BodyStatus.OPERATING.label
    CLOSED = BodyStatus.CLOSED.value, BodyStatus.CLOSED.label


class HouseOfFriendship(Body):
    """A House of Friendship (or a district Assembly centre): where associations of a region meet and work."""

    house_kind = models.CharField(_("kind of House"), max_length=20, choices=HouseKind.choices, db_index=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (seats)"), null=True, blank=True)
    on_tourist_route = models.BooleanField(_("on a tourist route"), default=False)

    body_kind = BodyKind.HOUSE_OF_FRIENDSHIP
    allowed_statuses = tuple(BodyStatus(value) for value in HouseStatus.values)
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["region_id", "house_kind", "name_en"]
        verbose_name = _("House of Friendship")
        verbose_name_plural = _("Houses of Friendship")

    def normalise(self):
        super().normalise()
        if self.house_kind:
            self.level = HOUSE_LEVELS[HouseKind(self.house_kind)]
        if not self.status or self.status == BodyStatus.ACTIVE:
            self.status = BodyStatus.OPERATING if self.opened_on else BodyStatus.PLANNED

    def clean(self):
        super().clean()
        errors = {}
        if self.house_kind != HouseKind.REPUBLICAN and not self.region_id:
            errors["region"] = _("A regional, city or district House needs its region.")
        planned = self.status in (BodyStatus.PLANNED, BodyStatus.UNDER_CONSTRUCTION)
        if planned and self.opened_on and self.opened_on <= timezone.localdate():
            errors["opened_on"] = _("A planned House has no past opening date; set its status to operating.")
        if self.status == BodyStatus.CLOSED and not self.dissolved_on:
            errors["dissolved_on"] = _("Give the date the House closed.")
        if errors:
            raise ValidationError(errors)


class AssociationStatus(models.TextChoices):
    REGISTERED = BodyStatus.REGISTERED.value, BodyStatus.REGISTERED.label
    ACTIVE = BodyStatus.ACTIVE.value, BodyStatus.ACTIVE.label
    SUSPENDED = BodyStatus.SUSPENDED.value, BodyStatus.SUSPENDED.label
    LIQUIDATED = BodyStatus.LIQUIDATED.value, BodyStatus.LIQUIDATED.label


class EthnoculturalAssociation(Body):
    """An ethnocultural association of one or more ethnic groups. Its contacts are confidential."""

    ethnic_groups = models.ManyToManyField(
        EthnicGroup, verbose_name=_("ethnic groups"), related_name="associations", blank=True
    )
    host_house = models.ForeignKey(
        HouseOfFriendship,
        verbose_name=_("host House of Friendship"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_associations",
    )
    bin = models.CharField(_("BIN"), max_length=12, blank=True, validators=[validate_bin])
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    status_since = models.DateField(_("status since"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)

    body_kind = BodyKind.ETHNOCULTURAL_ASSOCIATION
    allowed_statuses = tuple(BodyStatus(value) for value in AssociationStatus.values)
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)
    contact_fields = ("email", "phone", "address")

    class Meta:
        ordering = ["region_id", "name_en"]
        verbose_name = _("ethnocultural association")
        verbose_name_plural = _("ethnocultural associations")
        constraints = [
            models.UniqueConstraint(
                fields=["bin"],
                condition=~Q(bin=""),
                name="association_unique_bin",
                violation_error_message=_("Another association already has this BIN."),
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.level == Level.LOCAL:
            errors["level"] = _("An association is republican, regional or district.")
        if self.status == BodyStatus.LIQUIDATED and not self.dissolved_on:
            errors["dissolved_on"] = _("Give the date of liquidation.")
        if self.registered_on and self.founded_on and self.registered_on < self.founded_on:
            errors["registered_on"] = _("An association cannot be registered before it was founded.")
        if self.host_house_id and self.region_id and self.host_house.region_id not in (None, self.region_id):
            errors["host_house"] = _("The host House must be in the association's region.")
        if errors:
            raise ValidationError(errors)


class ActivityKind(models.TextChoices):
    LANGUAGE_SCHOOL = "language_school", _("language school")
    MEDIA_OUTLET = "media_outlet", _("media outlet")
    THEATRE = "theatre", _("theatre")
    COLLECTION = "collection", _("collection (dance, song, folk art)")
    YOUTH_WING = "youth_wing", _("youth wing")
    OTHER = "other", _("other")


class AssociationActivity(NamedRegistryModel):
    """What an association runs: a Sunday language school, a newspaper, a theatre, a folk collection, a youth wing."""

    association = models.ForeignKey(
        EthnoculturalAssociation,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices, db_index=True)
    language = models.CharField(
        _("language"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("Use an ISO 639 language code such as ug, ko or de."))],
        help_text=_("ISO 639 code of the language it works in; required for media outlets."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="association__region", coordinator_writes=True)

    class Meta:
        ordering = ["association_id", "kind", "name_en"]
        verbose_name = _("association activity")
        verbose_name_plural = _("association activities")

    def clean(self):
        super().clean()
        if self.kind == ActivityKind.MEDIA_OUTLET and not self.language:
            raise ValidationError({"language": _("Give the language a media outlet publishes in.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
