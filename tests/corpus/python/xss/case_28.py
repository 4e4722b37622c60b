from django.http import HttpResponse
from django.views import View
from django.urls import path


class FeedbackView(View):
    def post(self, request):
        count = int(request.POST.get("rating", "0"))
        return HttpResponse("<h2>Thanks for your rating of %d stars</h2>" % count)


urlpatterns = [
    path("feedback/", FeedbackView.as_view(), name="feedback"),
]
