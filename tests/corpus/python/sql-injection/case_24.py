from django.db import connection
from django.http import JsonResponse


def orders(request):
    status = request.GET.get("status", "open")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, total FROM orders WHERE status = %s", [status])
        rows = cursor.fetchall()
    return JsonResponse({"orders": rows})
