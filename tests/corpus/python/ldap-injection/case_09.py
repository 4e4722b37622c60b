from ldap3 import Server, Connection, SUBTREE
from django.http import JsonResponse
from django.urls import path


def find_person(request):
    name = request.GET.get("name", "")
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    conn.search("dc=example,dc=com", f"(cn={name})", search_scope=SUBTREE, attributes=["mail"])
    return JsonResponse({"mail": [str(e.mail) for e in conn.entries]})


urlpatterns = [
    path("find-person/", find_person, name="find_person"),
]
