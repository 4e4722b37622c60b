from django.db import connection
from django.http import HttpResponse


def delete_comment(request, comment_id):
    cursor = connection.cursor()
    statements = []
    statements.append("DELETE FROM comments WHERE id = " + comment_id)
    for statement in statements:
        cursor.execute(statement)
    return HttpResponse(status=204)
