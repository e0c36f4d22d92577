"""The filters of the story queue and of the list of submissions."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from screening import CATEGORIES
from sharing import spam
from stories.models import AuthorRole, StoryPage, Submission

REPORT = "latest_revision__screening_report"


class YesNoAllRadioSelect(BooleanRadioSelect):
    """All / Yes / No, also reading the ``1`` and ``0`` of the queue's earlier links."""

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        return {"1": True, "0": False}.get(value, super().value_from_datadict(data, files, name))


class StoryQueueFilterSet(WagtailFilterSet):
    category = django_filters.ChoiceFilter(
        label=_("Finding"),
        choices=list(CATEGORIES.items()),
        method="filter_category",
        empty_label=_("Any"),
        widget=forms.RadioSelect,
    )
    role = django_filters.ChoiceFilter(
        label=_("Author"),
        field_name="author_role",
        choices=AuthorRole.choices,
        empty_label=_("Anyone"),
        widget=forms.RadioSelect,
    )
    urgent = django_filters.BooleanFilter(
        label=_("Urgent"), field_name="submission__urgent", widget=YesNoAllRadioSelect
    )
    spam = django_filters.BooleanFilter(
        label=_("Likely spam"), method="filter_spam", widget=YesNoAllRadioSelect
    )

    class Meta:
        model = StoryPage
        fields = []

    def filter_category(self, queryset, name, value):
        # Only categories with findings are in ``counts``.
        return queryset.filter(**{f"{REPORT}__counts__has_key": value})

    def filter_spam(self, queryset, name, value):
        likely_spam = {f"{REPORT}__spam_verdict": spam.Verdict.SPAM}
        if value:
            return queryset.filter(**likely_spam)
        return queryset.exclude(**likely_spam)


ERASED = "erased"


class SubmissionFilterSet(WagtailFilterSet):
    """The list of every submission: where each is, or whether it was erased."""

    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[*Submission.State.choices, (ERASED, _("Erased"))],
        method="filter_state",
        empty_label=_("Any"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Submission
        fields = []

    def filter_state(self, queryset, name, value):
        if value == ERASED:
            return queryset.filter(erased_at__isnull=False)
        return queryset.filter(state=value)
