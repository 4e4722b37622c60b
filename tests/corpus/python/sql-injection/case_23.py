from django.db import connection
from django.http import JsonResponse


def stats(request):
    column = request.GET["column"]
    sql = "SELECT {col}, COUNT(*) FROM events GROUP BY {col}"
    with connection.cursor() as c:
        c.execute(sql.format(col=column))
        return JsonResponse({"stats": c.fetchall()})
