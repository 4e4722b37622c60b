from django.shortcuts import redirect
from django.urls import path


def logout_view(request):
    destination = request.GET.get("return_to", "/")
    request.session.flush()
    return redirect(destination)


urlpatterns = [
    path("logout-view/", logout_view, name="logout_view"),
]
