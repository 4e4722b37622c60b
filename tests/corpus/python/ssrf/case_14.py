import urllib3
from django.http import HttpResponse
from django.views import View

pool = urllib3.PoolManager()


class ThumbnailView(View):
    def get(self, request):
        image_url = request.GET.get("image")
        response = pool.request("GET", image_url)
        return HttpResponse(response.data, content_type="image/png")
