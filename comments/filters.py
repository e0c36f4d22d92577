"""The comment queue's filter: which kind of waiting, with how many of each."""

import django_filters
from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import PENDING_STATES, CommentReview, ReviewState


class CommentQueueFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Waiting as"),
        choices=[(value, label) for value, label in ReviewState.choices if value in PENDING_STATES],
        empty_label=_("All waiting"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = CommentReview
        fields = []

    def __init__(self, *args, counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if counts is not None:
            # "Held by the screen (3)", as the queue has always shown them.
            state = self.filters["state"]
            state.extra["choices"] = [
                (value, f"{label} ({counts.get(value, 0)})")
                for value, label in ReviewState.choices
                if value in PENDING_STATES
            ]
            state.extra["empty_label"] = f"{_('All waiting')} ({sum(counts.values())})"


def counts_by_state(queryset):
    return dict(queryset.values_list("state").annotate(count=Count("pk")).order_by())
