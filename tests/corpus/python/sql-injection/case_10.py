from django.db import connection
from django.http import HttpResponse
from django.urls import path


def delete_comment(request, comment_id):
    cid = int(comment_id)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM comments WHERE id = %d" % cid)
    return HttpResponse(status=204)


urlpatterns = [
    path("delete-comment/<comment_id>/", delete_comment, name="delete_comment"),
]
