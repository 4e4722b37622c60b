import os
import sqlite3

import asyncpg
import graphene

from django.db import connection
from django.db.models.expressions import RawSQL
from flask import Flask, abort, request

from shop.models import Order

app = Flask(__name__)
SORTABLE = {"id", "total", "created"}
STATUS_SQL = {"open": "SELECT id FROM orders WHERE status = 'open'", "all": "SELECT id FROM orders"}


def where_clause(column, value):
    # The helper returns its argument inside SQL text: callers that pass request data inject.
    return f"WHERE {column} = '{value}'"


def run_sql(cursor, text):
    # ruleid: sql-injection/python-formatted-sql
    cursor.execute(text)


@app.route("/orders")
def find_orders():
    customer = request.args.get("customer")
    status = request.form["status"]
    with connection.cursor() as cursor:
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute(f"SELECT id, total FROM orders WHERE customer = '{customer}'")
        query = "UPDATE orders SET status = '%s' WHERE id = 1"
        query = query % status
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute(query)
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute("SELECT * FROM orders " + where_clause("customer", customer))
        run_sql(cursor, "DELETE FROM orders WHERE customer = '" + customer + "'")
        # ok: sql-injection/python-formatted-sql
        cursor.execute("SELECT id, total FROM orders WHERE customer = %s", [customer])
        # ok: sql-injection/python-formatted-sql
        cursor.execute("SELECT count(*) FROM orders")
        parts = ["SELECT id FROM orders WHERE"]
        parts.append("customer = '%s'" % customer)
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute(" ".join(parts))
        filters = {"customer": customer}
        # ruleid: sql-injection/python-formatted-sql
        cursor.execute("SELECT id FROM orders WHERE customer = '{}'".format(filters["customer"]))
    # ruleid: sql-injection/python-formatted-sql
    rows = Order.objects.raw(f"SELECT * FROM shop_order WHERE status = '{status}'")
    # ok: sql-injection/python-formatted-sql
    safe_rows = Order.objects.raw("SELECT * FROM shop_order WHERE status = %s", [status])
    return rows, safe_rows


@app.route("/sorted")
def sorted_orders():
    column = request.args.get("sort", "id")
    limit = int(request.args.get("limit", "10"))
    verbose = request.args.get("verbose")
    label = "open" if verbose else "all"
    with connection.cursor() as cursor:
        # ok: sql-injection/python-formatted-sql
        cursor.execute(f"SELECT id FROM orders LIMIT {limit}")
        # ok: sql-injection/python-formatted-sql
        cursor.execute(STATUS_SQL[label])
        if column not in SORTABLE:
            column = "id"
        # ok: sql-injection/python-formatted-sql
        cursor.execute(f"SELECT id FROM orders ORDER BY {column}")
        order = request.args.get("order")
        if order in ("asc", "desc"):
            # ok: sql-injection/python-formatted-sql
            cursor.execute(f"SELECT id FROM orders ORDER BY id {order}")
        else:
            # ruleid: sql-injection/python-formatted-sql
            cursor.execute(f"SELECT id FROM orders ORDER BY id {order}")
        # ruleid: sql-injection/python-formatted-sql
        annotated = Order.objects.annotate(x=RawSQL("SELECT max(total) FROM %s" % column + order, ()))
    return annotated


@app.route("/bulk", methods=["POST"])
async def bulk_update():
    ids = [int(i) for i in request.get_json()["ids"]]
    marks = ",".join("?" for _ in ids)
    # ok: sql-injection/python-formatted-sql
    connection.cursor().execute(f"UPDATE tasks SET done = 1 WHERE id IN ({marks})", ids)
    tags = request.get_json()["tags"]
    holes = ", ".join("?" for _ in tags)  # a placeholder per tag: the text holds no tag
    # ok: sql-injection/python-formatted-sql
    connection.cursor().execute(f"SELECT id FROM tasks WHERE tag IN ({holes})", tags)
    # ruleid: sql-injection/python-formatted-sql
    connection.cursor().execute("SELECT id FROM tasks WHERE tag IN (%s)" % ", ".join(f"'{t}'" for t in tags))
    region = request.form.get("region", "eu")
    conn = await asyncpg.connect("postgresql://localhost/inventory")
    # ruleid: sql-injection/python-formatted-sql
    await conn.fetchrow(f"SELECT quantity FROM stock WHERE sku = '{region}'")
    # ok: sql-injection/python-formatted-sql
    await conn.fetchrow("SELECT quantity FROM stock WHERE sku = $1", region)
    return "ok"


def report_query(day):
    # No untrusted source reaches these: the query matches are notes, not findings.
    query = "SELECT * FROM visits WHERE day = '%s'" % day
    db = sqlite3.connect("visits.db")
    # ok: sql-injection/python-formatted-sql
    db.execute(query)
    # ok: sql-injection/python-formatted-sql
    db.execute("SELECT * FROM visits WHERE day = ?", (day,))
    return db


def maintenance():
    table = os.environ.get("SHOAL_TABLE")
    db = sqlite3.connect("visits.db")
    # ruleid: sql-injection/python-formatted-sql
    db.execute(f"VACUUM {table}")
    # ok: sql-injection/python-formatted-sql
    db.execute("VACUUM " + "visits")


@app.route("/people")
def people():
    db = sqlite3.connect("people.db")
    column = request.args.get("sort", "name")
    if column not in ("name", "age"):
        abort(400)  # never returns: only an allowed column gets past
    # ok: sql-injection/python-formatted-sql
    db.execute(f"SELECT name FROM people ORDER BY {column}")
    age = request.args.get("age", 18, type=int)  # Werkzeug converts it, or gives the default
    # ok: sql-injection/python-formatted-sql
    db.execute(f"SELECT name FROM people WHERE age >= {age}")
    order = request.args.get("order", "asc")
    if order not in ("asc", "desc"):
        print("unknown order", order)  # carries on with it
    # ruleid: sql-injection/python-formatted-sql
    return db.execute(f"SELECT name FROM people ORDER BY name {order}").fetchall()


SORTS = {"newest": "created DESC", "oldest": "created ASC"}


@app.route("/posts")
def posts():
    db = sqlite3.connect("posts.db")
    # ok: sql-injection/python-formatted-sql
    db.execute("SELECT id FROM posts ORDER BY " + SORTS[request.args.get("sort", "newest")])
    chosen = {"newest": request.args.get("custom", "")}
    # ruleid: sql-injection/python-formatted-sql
    return db.execute("SELECT id FROM posts ORDER BY " + chosen[request.args.get("sort", "newest")]).fetchall()


class Query(graphene.ObjectType):
    title = graphene.String()


schema = graphene.Schema(query=Query)


@app.route("/graphql", methods=["POST"])
def graphql():
    # A GraphQL query runs against the schema's resolvers: no SQL text is built from it.
    # ok: sql-injection/python-formatted-sql
    return schema.execute(request.get_json()["query"]).data
