from django.http import HttpResponse
from django.template import engines
from django.urls import path


def invite(request):
    email = request.GET.get("email", "")
    template = engines["django"].from_string("<p>Invitation sent to {% autoescape off %}{{ email }}{% endautoescape %}</p>")
    return HttpResponse(template.render({"email": email}))


urlpatterns = [
    path("invite/", invite, name="invite"),
]
