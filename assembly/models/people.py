"""People and the posts they hold (Popolo-style): a person holds a post only through a dated membership."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.access import RosterPersonRule, RosterRule
from assembly.models.bodies import Body
from registry.fields import link, optional_link
from registry.models import NAME_FIELDS, NamedRegistryModel, Period, RegistryModel, TranslatedText, through
from registry.search import SearchText

# The fields a person is found by, also through the records that point at them.
PERSON_NAME_FIELDS = ("surname", "given_name", "patronymic", *NAME_FIELDS)


class Person(RegistryModel):
    """A person. Contact details are confidential; the public biography is not."""

    translated_fields = ("biography",)
    search_fields = (*PERSON_NAME_FIELDS, "email", "phone")

    surname = models.CharField(_("surname"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    name_kk = models.CharField(_("full name (Kazakh)"), max_length=255, blank=True)
    name_ru = models.CharField(_("full name (Russian)"), max_length=255, blank=True)
    name_en = models.CharField(_("full name (English)"), max_length=255, blank=True)
    biography_kk = models.TextField(_("biography (Kazakh)"), blank=True)
    biography_ru = models.TextField(_("biography (Russian)"), blank=True)
    biography_en = models.TextField(_("biography (English)"), blank=True)
    region = optional_link(
        "regions.Region",
        _("region"),
        "persons",
        help_text=_("Where the person lives and works; decides who may see the contacts."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)

    biography = TranslatedText()
    access = RosterPersonRule(visibility=Visibility.INTERNAL, region_path="region")
    confidential_fields = ("email", "phone", "address")
    search_text = SearchText(*PERSON_NAME_FIELDS)

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


class MembershipRole(models.TextChoices):
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


class Membership(Period, RegistryModel):
    """A person holding a role in a body from one date to another."""

    search_fields = (*through("person", PERSON_NAME_FIELDS), *through("body"))

    person = link(Person, _("person"), "memberships")
    body = link(Body, _("body"), "memberships")
    role = models.CharField(_("role"), max_length=40, choices=MembershipRole.choices, db_index=True)
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
                allowed = ", ".join(str(MembershipRole(role).label) for role in roles)
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
                {
                    "start_date": _("This body had no such post on %(day)s.")
                    % {"day": formats.date_format(self.start_date)}
                }
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
                        % {
                            "post": post.name,
                            "seats": post.seats,
                            "day": formats.date_format(date.fromordinal(fullest_day)),
                        }
                    }
                )


class Post(Period, NamedRegistryModel):
    """A post of a body with its number of seats over a period: quotas change with constitutions, as data."""

    body = link(Body, _("body"), "posts")
    role = models.CharField(_("role"), max_length=40, choices=MembershipRole.choices, db_index=True)
    seats = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1)])
    start_date = models.DateField(_("valid from"), null=True, blank=True)
    end_date = models.DateField(_("valid until"), null=True, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, blank=True, help_text=_("The constitution article, law or decree.")
    )

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="body__region")

    class Meta:
        ordering = ["body_id", "role", "start_date"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def first_day(self):
        return self.start_date.toordinal() if self.start_date else date.min.toordinal()

    def last_day(self):
        return self.end_date.toordinal() if self.end_date else date.max.toordinal()

    def clean(self):
        super().clean()
        if self.body_id and self.role:
            for other in Post.objects.active().filter(body_id=self.body_id, role=self.role).exclude(pk=self.pk):
                if self.first_day() <= other.last_day() and other.first_day() <= self.last_day():
                    raise ValidationError(
                        {"start_date": _("This post overlaps “%(other)s”; end that one first.") % {"other": other}}
                    )
