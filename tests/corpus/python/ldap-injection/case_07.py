import ldap3
from django.http import JsonResponse


def manager_of(request, employee):
    uid = employee
    uid = request.user.username
    conn = ldap3.Connection(ldap3.Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=people,dc=corp", "(uid=" + ldap3.utils.conv.escape_filter_chars(uid) + ")", attributes=["manager"])
    return JsonResponse({"manager": str(conn.entries[0].manager) if conn.entries else None})
