import pymysql
from django.http import JsonResponse


def connect():
    settings = {"host": "mysql.internal", "user": "reporting", "passwd": "r3p0rt!ng-2024", "db": "metrics"}
    return pymysql.connect(**settings)


def daily(request):
    with connect().cursor() as cur:
        cur.execute("SELECT day, visits FROM daily ORDER BY day DESC LIMIT 7")
        return JsonResponse({"rows": cur.fetchall()})
