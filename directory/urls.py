from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("propose/", views.propose, name="propose"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("received/<str:token>/", views.proposal_received, name="received"),
    path("status/<str:token>/", views.proposal_status, name="status"),
    path("status/<str:token>/update/", views.update_proposal, name="update"),
]
