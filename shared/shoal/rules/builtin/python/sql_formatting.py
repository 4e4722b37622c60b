import sqlite3

from django.db import connection
from django.db.models.expressions import RawSQL

from shop.models import Order


def find_orders(customer, status, table):
    with connection.cursor() as cursor:
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute(f"SELECT id, total FROM orders WHERE customer = '{customer}'")
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute("UPDATE orders SET status = '%s' WHERE id = 1" % status)
        # ruleid: sql-injection/python-formatted-sql
        cursor.executemany("INSERT INTO {} (a) VALUES (%s)".format(table), [(1,), (2,)])
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute("DELETE FROM orders WHERE customer = '" + customer + "'")
        # ok: sql-injection/python-formatted-sql
        cursor.execute("SELECT id, total FROM orders WHERE customer = %s", [customer])
        # ok: sql-injection/python-formatted-sql
        cursor.execute("SELECT count(*) FROM orders")
    # ruleid: sql-injection/python-formatted-sql
    rows = Order.objects.raw(f"SELECT * FROM shop_order WHERE status = '{status}'")
    # ok: sql-injection/python-formatted-sql
    safe_rows = Order.objects.raw("SELECT * FROM shop_order WHERE status = %s", [status])
    # ruleid: sql-injection/python-formatted-sql
    annotated = Order.objects.annotate(x=RawSQL("SELECT max(total) FROM %s" % table, ()))
    return rows, safe_rows, annotated


def report_query(day):
    # ruleid: sql-injection/python-formatted-sql
    query = "SELECT * FROM visits WHERE day = '%s'" % day
    # ok: sql-injection/python-formatted-sql
    message = "Please select one of the values from %s" % day
    # ok: sql-injection/python-formatted-sql
    template = "SELECT * FROM visits WHERE day = ?"
    db = sqlite3.connect("visits.db")
    # ok: sql-injection/python-formatted-sql
    db.execute(template, (day,))
    # ok: sql-injection/python-formatted-sql
    subprocess_log = "ran {} jobs".format(day)
    return db, query, message, subprocess_log


def count_sql(table):
    # ruleid: sql-injection/python-formatted-sql
    return f"SELECT COUNT(*) FROM {table}"


def paged_sql(table, params):
    # ruleid: sql-injection/python-formatted-sql
    return (
        f"SELECT id FROM {table} "
        f"ORDER BY id LIMIT %s"
    )


def subquery_sql(inner, params):
    # ruleid: sql-injection/python-formatted-sql
    return "SELECT * FROM (%s) subquery" % inner, params


def constant_sql():
    # ok: sql-injection/python-formatted-sql
    return "SELECT id FROM orders", ()
