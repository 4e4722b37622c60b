import ldap
from django.http import JsonResponse


def admins(request):
    requested = request.GET.get("group", "")
    conn = ldap.initialize("ldap://ldap.example.com")
    flt = "(&(objectClass=groupOfNames)(cn=admins))"
    result = conn.search_s("ou=groups,dc=example,dc=com", ldap.SCOPE_SUBTREE, flt, ["member"])
    return JsonResponse({"admins": len(result), "requested": requested})
