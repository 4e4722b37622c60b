from django.db import connection
from django.http import JsonResponse


def stats(request):
    requested = request.GET.get("column", "")
    column = "country"
    sql = "SELECT {col}, COUNT(*) FROM events GROUP BY {col}".format(col=column)
    with connection.cursor() as c:
        c.execute(sql)
        return JsonResponse({"stats": c.fetchall(), "requested": requested})
