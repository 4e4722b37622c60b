from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from blog.models import Post
from django.urls import path


def posts(request):
    field = request.GET.get("boost", "views")
    qs = Post.objects.annotate(score=RawSQL("SELECT %s * 2" % field, []))
    return JsonResponse({"ids": list(qs.values_list("id", flat=True))})


urlpatterns = [
    path("posts/", posts, name="posts"),
]
