from ldap3 import Server, Connection, SUBTREE
from ldap3.utils.conv import escape_filter_chars
from django.http import JsonResponse


def find_person(request):
    name = escape_filter_chars(request.GET.get("name", ""))
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    conn.search("dc=example,dc=com", f"(cn={name})", search_scope=SUBTREE, attributes=["mail"])
    return JsonResponse({"mail": [str(e.mail) for e in conn.entries]})
