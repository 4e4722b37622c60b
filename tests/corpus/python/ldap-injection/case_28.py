import ldap3
from django.http import JsonResponse
from django.urls import path


def manager_of(request, employee):
    conn = ldap3.Connection(ldap3.Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=people,dc=corp", "(&(objectClass=person)(uid=" + employee + "))", attributes=["manager"])
    return JsonResponse({"manager": str(conn.entries[0].manager) if conn.entries else None})


urlpatterns = [
    path("manager-of/<employee>/", manager_of, name="manager_of"),
]
