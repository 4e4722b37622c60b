from django.shortcuts import redirect
from django.urls import path


def article(request, article_id):
    number = int(article_id)
    return redirect(f"/articles/{number}/")


urlpatterns = [
    path("article/<article_id>/", article, name="article"),
]
