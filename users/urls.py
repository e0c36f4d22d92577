from django.urls import path

from .views import TwoFactorView

app_name = "two_factor"
urlpatterns = [
    path("", TwoFactorView.as_view(), name="setup"),
]
